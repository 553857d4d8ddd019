package eligibility_test

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

// Ask a 271 whether a telehealth visit is covered and what the patient will owe.
func ExampleAnswer_Ask() {
	f, err := os.Open("testdata/telehealth.271")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	responses, err := eligibility.ReadResponses(f)
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
	req := simulate.EligibilityRequest(3, 1)
	resp := simulate.SamplePlans().Respond(req, req.Created)
	m := eligibility.Match(req.Inquiries, resp.Answers)
	fmt.Println(len(m.Pairs), "answered,", len(m.Unmatched), "unmatched,", len(m.Unanswered), "unanswered")
	// Output:
	// 3 answered, 0 unmatched, 0 unanswered
}

// Write a real-time 270 (one inquiry) from Go values: the HL levels, their numbers and
// parents are computed, and the output is checked against the guide before it is written.
func ExampleWriteRequests() {
	req := &eligibility.Request{
		Header: eligibility.Header{Reference: "RT0001", Created: time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)},
		Inquiries: []eligibility.Inquiry{{
			Source:   eligibility.Party{Entity: "PR", Name: "ACME HEALTH PLAN", IDQualifier: "PI", ID: "87726"},
			Receiver: eligibility.Party{Entity: "1P", Name: "VIRTUAL CARE CLINIC", IDQualifier: "XX", ID: "1234567893"},
			Subscriber: eligibility.Member{Entity: "IL", Last: "DOE", First: "JANE", IDQualifier: "MI", ID: "W123456789",
				BirthDate: x12.NewDate(1980, 1, 15), Traces: []x12.Trace{{Type: "1", Number: "RT-1", Originator: "9TELECLIN1"}}},
			Questions: []eligibility.Question{{ServiceTypes: []string{"98"}, Places: []eligibility.Place{{Qualifier: "ZZ", Code: "02"}}}},
		}},
	}
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "CLINIC", ReceiverID: "PAYER", Usage: x12.Test},
		Now:         func() time.Time { return req.Created },
		Newline:     true,
	}
	var out strings.Builder
	if err := eligibility.WriteRequests(&out, env, req); err != nil {
		fmt.Println(err) // positions and codes only
		return
	}
	lines := strings.Split(out.String(), "\n")
	fmt.Println(strings.Join(lines[2:len(lines)-3], "\n")) // ST to SE
	// Output:
	// ST*270*0001*005010X279A1~
	// BHT*0022*13*RT0001*20261128*0930~
	// HL*1**20*1~
	// NM1*PR*2*ACME HEALTH PLAN*****PI*87726~
	// HL*2*1*21*1~
	// NM1*1P*2*VIRTUAL CARE CLINIC*****XX*1234567893~
	// HL*3*2*22*0~
	// TRN*1*RT-1*9TELECLIN1~
	// NM1*IL*1*DOE*JANE****MI*W123456789~
	// DMG*D8*19800115~
	// EQ*98~
	// III*ZZ*02~
	// SE*13*0001~
}

// Stream a file's 271s with a ResponseDecoder, one transaction set at a time; a set of
// another kind (a 270 among them) would be an error, never skipped in silence.
func ExampleNewResponseDecoder() {
	f, err := os.Open("testdata/telehealth.271")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d := eligibility.NewResponseDecoder(f, nil)
	for resp, err := range d.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("271 with", len(resp.Answers), "answers,", d.Set().Findings.Len(), "findings")
		fmt.Println(resp.Answers[0]) // patient data stays out of print
		fmt.Println(d)               // and so does the decoder's
	}
	// Output:
	// 271 with 2 answers, 0 findings
	// 271 answer (8 benefits, dependent false)
	// 271 decoder (redacted)
}

// Read a 270 with a RequestDecoder, calling Next until io.EOF: the errors that do not stop
// reading (a set of another kind, findings) let it go on with the rest of the input.
func ExampleNewRequestDecoder() {
	f, err := os.Open("testdata/telehealth.270")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d := eligibility.NewRequestDecoder(f, nil)
	for {
		req, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err) // positions and codes only
			continue
		}
		for _, q := range req.Inquiries {
			fmt.Println("inquiry under", q.Source.Entity, "with", len(q.Questions), "questions")
		}
	}
	fmt.Println(d.Envelopes().Errors().Len(), "envelope errors")
	// Output:
	// inquiry under PR with 2 questions
	// inquiry under PR with 1 questions
	// 0 envelope errors
}

// Stream inquiries into one interchange as they are made: each 270 is checked against the
// guide before it is written, so memory stays bounded by the largest set.
func ExampleNewRequestEncoder() {
	env := x12.Envelope{Interchange: x12.InterchangeHeader{SenderID: "CLINIC", ReceiverID: "PAYER", Usage: x12.Test},
		Now: func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) }}
	var out strings.Builder
	enc := eligibility.NewRequestEncoder(&out, env, nil)
	for seed := range uint64(3) {
		if err := enc.Encode(simulate.EligibilityRequest(10, seed)); err != nil {
			fmt.Println(err) // positions and codes only
			return
		}
	}
	if err := enc.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Count(out.String(), "GS*HS*"), "group,", strings.Count(out.String(), "ST*270*"), "requests,",
		strings.Count(out.String(), "EQ*"), "questions")
	// Output:
	// 1 group, 3 requests, 30 questions
}

// Stream answers into one interchange as they are made: each 271 is checked before it is
// written, so memory stays bounded by the largest set.
func ExampleNewResponseEncoder() {
	env := x12.Envelope{Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now: func() time.Time { return time.Date(2026, 11, 28, 9, 31, 0, 0, time.UTC) }}
	var out strings.Builder
	enc := eligibility.NewResponseEncoder(&out, env, nil)
	for seed := range uint64(3) {
		req := simulate.EligibilityRequest(10, seed)
		if err := enc.Encode(simulate.SamplePlans().Respond(req, req.Created)); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := enc.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Count(out.String(), "ST*271"), "responses,", strings.Count(out.String(), "TRN*2*"), "traces echoed")
	// Output:
	// 3 responses, 30 traces echoed
}

// Stream a 271 file in, a response (transaction set) at a time, and write it back out through
// a ResponseEncoder, which checks each before any of it is written.
func ExampleResponseDecoder_All() {
	f, err := os.Open("testdata/telehealth.271")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	env := x12.Envelope{Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now: func() time.Time { return time.Date(2026, 11, 28, 9, 31, 0, 0, time.UTC) }}
	var out strings.Builder
	enc := eligibility.NewResponseEncoder(&out, env, nil)
	for r, err := range eligibility.NewResponseDecoder(f, nil).All() {
		if err != nil {
			panic(err)
		}
		if err := enc.Encode(r); err != nil {
			panic(err)
		}
	}
	if err := enc.Close(); err != nil {
		panic(err)
	}
	back, err := eligibility.ReadResponses(strings.NewReader(out.String()))
	fmt.Println(len(back), "response read back,", err)
	// Output:
	// 1 response read back, <nil>
}
