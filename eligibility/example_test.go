package eligibility_test

import (
	"fmt"
	"os"

	"github.com/x12kit/x12kit/eligibility"
)

// Ask a 271 whether a telehealth visit is covered and what the patient will owe.
func ExampleAnswer_Ask() {
	f, err := os.Open("testdata/telehealth.271")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	_, responses, err := eligibility.ReadAll(f)
	if err != nil {
		panic(err)
	}
	for _, a := range responses[0].Answers {
		c := a.Ask(eligibility.Query{ServiceType: "98"})
		fmt.Printf("trace %s: active %t, telehealth %s", c.Trace, c.Active, c.Telehealth)
		if c.TelehealthCopay != nil {
			fmt.Printf(", telehealth copay %s", c.TelehealthCopay)
		}
		fmt.Println()
	}
	// Output:
	// trace TH-0001: active true, telehealth covered, telehealth copay 0.00
	// trace TH-0002: active true, telehealth covered, telehealth copay 25.00
}

// Answer a 270 with the simulated payer and pair each answer with its inquiry.
func ExampleMatch() {
	req := eligibility.GenerateRequest(3, 1)
	resp := eligibility.SamplePlans().Respond(req, req.Created)
	m := eligibility.Match(req.Inquiries, resp.Answers)
	fmt.Println(len(m.Pairs), "answered,", len(m.Unmatched), "unmatched,", len(m.Unanswered), "unanswered")
	// Output:
	// 3 answered, 0 unmatched, 0 unanswered
}
