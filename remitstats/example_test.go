package remitstats_test

import (
	"fmt"
	"os"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/remitstats"
	"github.com/x12kit/x12kit/x12"
)

// Sum the billing figures of 835 files, streaming them claim by claim.
func ExampleSummarizeFiles() {
	s, err := remitstats.SummarizeFiles("../remit835/testdata/summary.835")
	if err != nil {
		panic(err)
	}
	t := &s.Totals
	fmt.Println("claims:", t.Claims.Total, "denied:", t.Claims.Denied, "reversed:", t.Claims.Reversed)
	fmt.Println("billed:", t.Billed, "paid:", t.Paid, "contractual:", t.Contractual())
	fmt.Printf("denial rate: %.1f%% of claims, %.1f%% of charges\n", 100*t.DenialRate(), 100*t.DenialRateDollars())
	for _, r := range s.TopReasons(2) {
		fmt.Println(r.Group+"-"+r.Reason, r.Count, r.Amount, r.Category)
	}
	fmt.Println("balanced:", s.Balanced())
	// Output:
	// claims: 8 denied: 1 reversed: 1
	// billed: 1000.00 paid: 320.00 contractual: 580.00
	// denial rate: 14.3% of claims, 30.4% of charges
	// CO-45 7 230.00 contractual
	// CO-4 1 200.00 coding
	// balanced: true
}

// Reconcile remittances with the claims sent: what to follow up.
func ExampleReconciler() {
	sub := remitstats.NewSubmitted()
	sub.Add(&claim837.Claim{PatientControlNumber: "PCN1002", Lines: []claim837.Line{{Procedure: "99214", Charge: x12.Dollars(200)}}})
	sub.Add(&claim837.Claim{PatientControlNumber: "PCN9999", Lines: []claim837.Line{{Procedure: "99212", Charge: x12.Dollars(75)}}})
	rec := remitstats.NewReconciler(sub)
	s := remitstats.NewSummary()
	s.Reconciler = rec
	f, err := os.Open("../remit835/testdata/summary.835")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := s.Read(f); err != nil {
		panic(err)
	}
	w := rec.WorkList()
	fmt.Println("unpaid:", len(w.Unpaid), "denied:", len(w.Denied))
	for _, r := range w.Denied[0].Reasons {
		fmt.Println(r.Group+"-"+r.Reason, r.Description, w.Denied[0].Remarks)
	}
	// Output:
	// unpaid: 1 denied: 1
	// CO-4 Modifier missing or does not fit the procedure [N822]
}
