package simulate

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/x12"
)

// EligibilityRequest returns a deterministic 270 of n inquiries (the same n and seed give the
// same request) asked of SamplePlans' payer by one provider: mostly known members (some with
// a dependent), with service types 30, 98 or MH and telehealth places of service, and a few
// that a payer rejects — an unknown member id, an invalid one, a birth date that does not
// match.
func EligibilityRequest(n int, seed uint64) *eligibility.Request {
	plans := SamplePlans()
	rng := rand.New(rand.NewPCG(seed, 0x270))
	created := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	req := &eligibility.Request{Header: eligibility.Header{Purpose: "13", Reference: fmt.Sprintf("REQ%08d", seed%100000000), Created: created}}
	source := eligibility.Party{Entity: "PR", Name: plans.Payer.Name, IDQualifier: "PI", ID: plans.Payer.ID}
	receiver := eligibility.Party{Entity: "1P", Name: "VIRTUAL CARE CLINIC", IDQualifier: "XX", ID: "1234567893"}
	day := x12.DateOf(created.AddDate(0, 0, 3))
	for i := 0; i < n; i++ {
		m := plans.Members[rng.IntN(len(plans.Members))]
		sub := eligibility.Member{Entity: "IL", Last: m.Last, First: m.First, IDQualifier: "MI", ID: m.ID, BirthDate: m.BirthDate, Gender: m.Gender,
			Traces: []x12.Trace{{Type: "1", Number: fmt.Sprintf("T%09d", i+1), Originator: "9TELECLIN1"}}}
		switch r := rng.IntN(20); {
		case r == 0:
			sub.ID = fmt.Sprintf("W9%08d", rng.IntN(1e8)) // not a member
		case r == 1:
			sub.ID = "W-" + sub.ID // not the payer's id shape
		case r == 2:
			sub.BirthDate = x12.NewDate(1901, 1, 1)
		}
		st := []string{"30", "98", "98", "MH"}[rng.IntN(4)]
		question := eligibility.Question{ServiceTypes: []string{st}}
		if rng.IntN(2) == 0 {
			question.Places = []eligibility.Place{{Qualifier: "ZZ", Code: []string{"02", "10"}[rng.IntN(2)]}}
		}
		q := eligibility.Inquiry{Source: source, Receiver: receiver, Subscriber: sub, Questions: []eligibility.Question{question}}
		if len(m.Dependents) > 0 && rng.IntN(2) == 0 {
			d := m.Dependents[0]
			dep := eligibility.Member{Entity: "03", Last: d.Last, First: d.First, BirthDate: d.BirthDate, Gender: d.Gender,
				Traces: sub.Traces}
			q.Subscriber.Traces = nil
			q.Dependent = &dep
		}
		q.Patient().Dates = []eligibility.DateRange{{Qualifier: "291", From: day}}
		req.Inquiries = append(req.Inquiries, q)
	}
	return req
}
