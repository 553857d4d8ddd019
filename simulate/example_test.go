package simulate_test

import (
	"fmt"
	"io"
	"time"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

// Make synthetic claims with options: three lines at most, one claim in five a replacement,
// dates of service in March, only claims the checks find nothing in.
func ExampleClaims() {
	b := simulate.Claims(200, 7, simulate.ClaimOptions{Lines: 3, Replacements: 20,
		From: x12.NewDate(2026, 3, 1), To: x12.NewDate(2026, 3, 31), Clean: true})
	lines, replacements := 0, 0
	for _, c := range b.Claims {
		lines += len(c.Lines)
		if c.Frequency == "7" {
			replacements++
		}
	}
	fmt.Println("claims:", len(b.Claims), "lines:", lines, "replacements:", replacements)
	fmt.Println("first date of service:", b.Claims[0].Lines[0].ServiceDate)
	// Output:
	// claims: 200 lines: 391 replacements: 42
	// first date of service: 2026-03-21
}

// Adjudicate claims as a simulated payer and write the remittances.
func ExampleAdjudicator_Adjudicate() {
	claims := simulate.Claims(3, 1, simulate.ClaimOptions{}).Claims
	a := simulate.Adjudicator{Sequestration: true}
	remits := a.Adjudicate(claims)
	for _, r := range remits {
		for _, c := range r.Claims {
			fmt.Printf("%s status %s charge %s paid %s\n", r.Payer.Name, c.Status, c.Charge, c.Paid)
			for _, l := range c.Lines {
				for _, adj := range l.Adjustments {
					fmt.Printf("  %s-%s %s\n", adj.Group, adj.Reason, adj.Amount)
				}
			}
		}
		fmt.Println("balanced:", len(remit835.Balance(r)) == 0)
	}
	err := remit835.Write(io.Discard, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SIMPAYER", ReceiverID: "SUBMITTER01"},
		Now:         func() time.Time { return remits[0].Payment.Date.Time() },
	}, remits...)
	fmt.Println("written:", err == nil)
	// Output:
	// SAMPLE MUTUAL INSURANCE status 1 charge 91.00 paid 66.00
	//   PR-3 25.00
	// balanced: true
	// STATE MEDICAID status 1 charge 263.00 paid 183.00
	//   CO-45 80.00
	// balanced: true
	// MEDICARE PART B status 1 charge 84.00 paid 65.86
	//   CO-253 1.34
	//   PR-2 16.80
	// balanced: true
	// written: true
}

// A payer simulator for a test harness: answer a 270 from a plans file, with the rejection a
// real payer sends for a member id it does not know.
func ExamplePlans_Respond() {
	req := simulate.EligibilityRequest(1, 7)
	req.Inquiries[0].Subscriber.ID = "W999999999"
	req.Inquiries[0].Dependent = nil
	resp := simulate.SamplePlans().Respond(req, req.Created.Add(time.Minute))
	c := resp.Answers[0].Ask(eligibility.Query{ServiceType: "98"})
	fmt.Println("active:", c.Active, "rejected:", c.Errors)
	// Output:
	// active: false rejected: [75]
}
