package remit835_test

import (
	"fmt"
	"os"

	"github.com/x12kit/x12kit/remit835"
)

// Stream an 835 claim by claim and check that each balances.
func ExampleDecoder() {
	f, err := os.Open("testdata/telehealth.835")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d := remit835.NewDecoder(f)
	i := 0
	for claim, err := range d.All() {
		if err != nil {
			panic(err)
		}
		fmt.Printf("claim %d: status %s, charged %s, paid %s, %d imbalances\n",
			i, claim.Status, claim.Charge, claim.Paid, len(remit835.BalanceClaim(claim, i)))
		for _, l := range claim.Lines {
			allowed, _ := l.Allowed()
			fmt.Printf("  %s %v: allowed %s, paid %s\n", l.Procedure.Code, l.Procedure.Modifiers, allowed, l.Paid)
		}
		i++
	}
	fmt.Println(d.Remittance().Payment.Method, d.Remittance().Payment.Amount)
	// Output:
	// claim 0: status 1, charged 150.00, paid 80.00, 0 imbalances
	//   99213 [95]: allowed 100.00, paid 80.00
	// claim 1: status 4, charged 200.00, paid 0.00, 0 imbalances
	//   99214 []: allowed 0.00, paid 0.00
	// ACH 82.50
}

// Read a whole remittance and check the three balancing rules.
func ExampleBalance() {
	f, err := os.Open("testdata/telehealth.835")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	remits, err := remit835.ReadAll(f)
	if err != nil {
		panic(err)
	}
	r := remits[0]
	fmt.Println(r) // no bank numbers, no patient data
	fmt.Println("payment:", r.Payment.NetPayment(), "provider adjustments:", r.ProviderAdjusted())
	fmt.Println("imbalances:", len(remit835.Balance(r)))
	// Output:
	// 835 remittance (ACH 82.50, 2 claims)
	// payment: 82.50 provider adjustments: -2.50
	// imbalances: 0
}
