// Command eligibility-roundtrip runs a whole eligibility check offline: it builds a 270 asking
// whether a patient is covered for a telehealth professional visit, writes it (validated
// first), lets the payer simulator answer with a 271 from its plans, reads the 271 back,
// pairs each answer with its inquiry by trace, and prints what the front desk needs to know.
//
//	go run ./examples/eligibility-roundtrip
package main

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

func main() {
	visit := x12.NewDate(2026, 12, 1)
	patient := eligibility.Member{Entity: "IL", Last: "DOE", First: "JANE", IDQualifier: "MI", ID: "W123456789",
		BirthDate: x12.NewDate(1980, 1, 15), Gender: "F",
		Traces: []x12.Trace{{Type: "1", Number: "VISIT-0001", Originator: "9TELECLIN1"}},
		Dates:  []eligibility.DateRange{{Qualifier: "291", From: visit}}}
	req := &eligibility.Request{Header: eligibility.Header{Reference: "REQ0001", Created: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)},
		Inquiries: []eligibility.Inquiry{{
			Source:     eligibility.Party{Entity: "PR", Name: "ACME HEALTH PLAN", IDQualifier: "PI", ID: "87726"},
			Receiver:   eligibility.Party{Entity: "1P", Name: "VIRTUAL CARE CLINIC", IDQualifier: "XX", ID: "1234567893"},
			Subscriber: patient,
			Questions: []eligibility.Question{{ServiceTypes: []string{"98"},
				Places: []eligibility.Place{{Qualifier: "ZZ", Code: "10"}}}}, // a telehealth visit at home
		}}}

	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "CLINIC", ReceiverID: "PAYER", Usage: x12.Test},
		Now:         func() time.Time { return req.Created },
		Newline:     true,
	}
	var x270 bytes.Buffer
	if err := eligibility.WriteRequests(&x270, env, req); err != nil {
		log.Fatal(err) // positions and codes only
	}

	// The payer's side (here the simulator): read the 270, answer it.
	reqs, err := eligibility.ReadRequests(bytes.NewReader(x270.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	var x271 bytes.Buffer
	if err := eligibility.WriteResponses(&x271, env, simulate.SamplePlans().Respond(reqs[0], req.Created.Add(time.Minute))); err != nil {
		log.Fatal(err)
	}

	// Back at the clinic: read the 271, match it, ask it.
	resps, err := eligibility.ReadResponses(bytes.NewReader(x271.Bytes()))
	if err != nil {
		log.Fatal(err)
	}
	m := eligibility.Match(req.Inquiries, resps[0].Answers)
	fmt.Printf("270: %d bytes, 271: %d bytes, %d answers matched\n", x270.Len(), x271.Len(), len(m.Pairs))
	for _, p := range m.Pairs {
		c := resps[0].Answers[p.Answer].Ask(eligibility.Query{ServiceType: "98", Date: visit})
		fmt.Printf("trace %s: active %t, telehealth %s (%s)\n", c.Trace, c.Active, c.Telehealth, c.TelehealthEvidence)
		if c.TelehealthCopay != nil {
			fmt.Println("  telehealth copay:", c.TelehealthCopay)
		}
		if c.DeductibleRemaining != nil {
			fmt.Println("  deductible remaining:", c.DeductibleRemaining)
		}
	}
}
