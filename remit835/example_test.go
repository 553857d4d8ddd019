package remit835_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// Stream an 835 claim by claim and check that each balances.
func ExampleDecoder() {
	f, err := os.Open("testdata/telehealth.835")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d := remit835.NewDecoder(f, nil)
	i := 0
	for claim, err := range d.Claims() {
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

// Stream remittances into one interchange: each is read back through the guide and balanced
// before it is written, and one that is not clean is refused with nothing of it written.
func ExampleNewEncoder() {
	f, err := os.Open("testdata/telehealth.835")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	remits, err := remit835.ReadAll(f)
	if err != nil {
		panic(err)
	}
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) },
		Newline:     true,
	}
	var out bytes.Buffer
	enc := remit835.NewEncoder(&out, env, nil)
	for range 3 { // the same payment three times, each a set of its own
		r := *remits[0]
		r.Control = "" // ST02 from the envelope's sequence
		if err := enc.Encode(&r); err != nil {
			panic(err)
		}
	}
	if err := enc.Close(); err != nil {
		panic(err)
	}
	back, err := remit835.ReadAll(&out)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(back), "sets, ST02", back[0].Control, "to", back[2].Control)

	// BPR02 a cent off the claims' payments: refused.
	bad := *remits[0]
	bad.Payment.Amount++
	enc = remit835.NewEncoder(io.Discard, env, nil)
	err = enc.Encode(&bad)
	var we *x12.WriteError
	if errors.As(err, &we) {
		f := we.Findings[0]
		fmt.Println(f.RuleID(), f.Field, f.Pos.ID, f.Pos.Element)
		var b remit835.Imbalance
		if errors.As(f, &b) {
			fmt.Println(b)
		}
	}
	fmt.Println(errors.Is(enc.Close(), x12.ErrInvalid), enc) // sticky; prints no data
	// Output:
	// 3 sets, ST02 0001 to 0003
	// balance Payment.Amount BPR 2
	// 835 does not balance: BPR02 is not the claims' payments minus the provider adjustments (BPR at segment 2 of the set, byte 171)
	// true 835 encoder (redacted)
}

// Stream an 835 file in, a remittance (transaction set) at a time, and write it back out
// through an Encoder, which checks and balances each before any of it is written.
func ExampleDecoder_Next() {
	f, err := os.Open("testdata/telehealth.835")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) },
	}
	var out bytes.Buffer
	enc := remit835.NewEncoder(&out, env, nil)
	d := remit835.NewDecoder(f, nil)
	for r, err := range d.All() {
		if err != nil {
			panic(err)
		}
		fmt.Println("remittance", r.Trace.Number != "", len(r.Claims), "claims")
		if err := enc.Encode(r); err != nil {
			panic(err)
		}
	}
	if err := enc.Close(); err != nil {
		panic(err)
	}
	back, err := remit835.ReadAll(&out)
	fmt.Println(len(back), "read back,", err)
	// Output:
	// remittance true 2 claims
	// 1 read back, <nil>
}
