package eligibility

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

func readResponse(t *testing.T, name string) *Response {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	resps, err := ReadResponses(bytes.NewReader(data))
	require.NoError(t, err)
	require.Len(t, resps, 1)
	return resps[0]
}

func cents(c int64) *x12.Amount { a := x12.Cents(c); return &a }

func str(s string) *string { return &s }

func yes() *bool { v := true; return &v }

// TestAsk reads the hand-written fixture 271 the way a front desk would.
func TestAsk(t *testing.T) {
	r := readResponse(t, "telehealth.271")
	require.Len(t, r.Answers, 2)
	sub, dep := &r.Answers[0], &r.Answers[1]
	tests := []struct {
		name   string
		answer *Answer
		query  Query
		want   Coverage
	}{
		{"professional visit: both copays, telehealth covered", sub, Query{ServiceType: "98", Date: x12.NewDate(2026, 12, 1)}, Coverage{
			Trace: "TH-0001", Active: true, Telehealth: TelehealthCovered, TelehealthEvidence: "EB01 B, EB03 98 with III ZZ*02, ZZ*10",
			Copay: cents(2500), TelehealthCopay: cents(0), Deductible: cents(50000), DeductibleRemaining: cents(12550), Errors: []string{}}},
		{"mental health: coinsurance, no telehealth evidence", sub, Query{ServiceType: "MH"}, Coverage{
			Trace: "TH-0001", Active: true, Telehealth: TelehealthUnknown,
			Coinsurance: str("0.2"), Deductible: cents(50000), DeductibleRemaining: cents(12550), Errors: []string{}}},
		{"out of network: the in-network benefits do not apply", sub, Query{ServiceType: "98", OutOfNetwork: true}, Coverage{
			Trace: "TH-0001", Active: true, Telehealth: TelehealthUnknown,
			Errors: []string{}}},
		{"dependent: home telehealth only", dep, Query{ServiceType: "98"}, Coverage{
			Trace: "TH-0002", Active: true, Telehealth: TelehealthCovered, TelehealthEvidence: "EB01 B, EB03 98 with III ZZ*10",
			TelehealthCopay: cents(2500), Errors: []string{}}},
		{"dependent: nothing for another service type", dep, Query{ServiceType: "MH"}, Coverage{
			Trace: "TH-0002", Telehealth: TelehealthUnknown, Errors: []string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.answer.Ask(tt.query))
		})
	}
	rej := readResponse(t, "rejected.271")
	c := rej.Answers[0].Ask(Query{})
	assert.False(t, c.Active)
	assert.Equal(t, []string{"75"}, c.Errors)
	assert.Equal(t, TelehealthUnknown, c.Telehealth)
}

func TestAskBenefitsBuiltInGo(t *testing.T) {
	a := Answer{Subscriber: Member{Traces: []x12.Trace{{Type: "2", Number: "X1", Originator: "1"}}}, Benefits: []Benefit{
		{Info: "1", ServiceTypes: []string{"30"}},
		{Info: "I", ServiceTypes: []string{"98"}, Places: []Place{{"ZZ", "02"}}},
		{Info: "B", ServiceTypes: []string{"98"}, Amount: cents(1000), Authorization: "Y", InNetwork: "Y"},
		{Info: "G", ServiceTypes: []string{"30"}, Period: "29", Amount: cents(99900)},
		{Info: "1", ServiceTypes: []string{"30"}, Dates: []DateRange{{Qualifier: "291", From: x12.NewDate(2030, 1, 1)}}},
	}}
	c := a.Ask(Query{ServiceType: "98", Date: x12.NewDate(2026, 6, 1)})
	assert.Equal(t, Coverage{Trace: "X1", Active: true, Telehealth: TelehealthNotCovered, TelehealthEvidence: "EB01 I, EB03 98 with III ZZ*02",
		Copay: cents(1000), OutOfPocketRemaining: cents(99900), AuthorizationRequired: yes(), Errors: []string{}}, c)

	inactive := Answer{Benefits: []Benefit{{Info: "6", ServiceTypes: []string{"30"}}, {Info: "B", ServiceTypes: []string{"98"}, Amount: cents(0),
		Places: []Place{{"ZZ", "10"}}}}}
	c = inactive.Ask(Query{ServiceType: "98"})
	assert.False(t, c.Active)
	assert.Equal(t, TelehealthNotCovered, c.Telehealth, "telehealth under inactive coverage is not coverage")
}

func TestMatch(t *testing.T) {
	req := GenerateRequest(3000, 9)
	resp := Respond(req, time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	// One answer that echoes nothing, and one inquiry left unanswered.
	resp.Answers[5].Patient().Traces = []x12.Trace{{Type: "2", Number: "NOPE", Originator: "9TELECLIN1"}}
	m := Match(req.Inquiries, resp.Answers)
	assert.Len(t, m.Pairs, 2999)
	assert.Equal(t, []int{5}, m.Unmatched)
	assert.Equal(t, []int{5}, m.Unanswered)
	for _, p := range m.Pairs {
		assert.Equal(t, p.Inquiry, p.Answer, "answers come in inquiry order")
	}
}

// TestRoundTripThousands: a generated 270 of thousands of inquiries and the simulated 271
// both validate clean, read back, and every answer matches its inquiry.
func TestRoundTripThousands(t *testing.T) {
	req := GenerateRequest(2000, 4)
	var in bytes.Buffer
	require.NoError(t, WriteRequests(&in, testEnvelope(), req))
	reqs, err := ReadRequests(bytes.NewReader(in.Bytes()))
	require.NoError(t, err)
	require.Len(t, reqs, 1)
	resp := Respond(reqs[0], time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	var out bytes.Buffer
	require.NoError(t, WriteResponses(&out, testEnvelope(), resp))
	for _, data := range [][]byte{in.Bytes(), out.Bytes()} {
		sr := x12.NewSetReader(bytes.NewReader(data))
		sr.Codes = codes.Default()
		for {
			set, err := sr.Next()
			if err != nil {
				break
			}
			assert.Zero(t, set.Findings.Len())
		}
		assert.Zero(t, sr.Envelopes().Errors().Len())
	}
	resps, err := ReadResponses(bytes.NewReader(out.Bytes()))
	require.NoError(t, err)
	m := Match(reqs[0].Inquiries, resps[0].Answers)
	assert.Len(t, m.Pairs, 2000)
	assert.Empty(t, m.Unmatched)
	assert.Empty(t, m.Unanswered)
}

func TestPrintingHidesPatientData(t *testing.T) {
	r := readResponse(t, "telehealth.271")
	sub := r.Answers[0].Subscriber
	out := fmt.Sprintf("%v %+v %#v %v %v %v %+v %#v", r, r.Answers[0], r.Answers[0], sub, *r.Answers[1].Dependent,
		*sub.Address, sub.Refs, sub.Refs[0])
	var logged bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	log.Info("read", "response", r, "answer", r.Answers[0], "member", sub, "address", sub.Address, "ref", sub.Refs[0])
	req := GenerateRequest(2, 1)
	log.Info("asked", "request", req, "inquiry", req.Inquiries[0])
	out += logged.String()
	for _, secret := range []string{"DOE", "JANE", "JIMMY", "W123456789", "1980", "ELM ST", "GRP1000", "ROE", "RICHARD"} {
		assert.NotContains(t, out, secret)
	}
}

// TestAskOnDate: coverage on a date follows the member's plan and eligibility dates as well
// as the benefits' own.
func TestAskOnDate(t *testing.T) {
	a := Answer{
		Subscriber: Member{Dates: []DateRange{{Qualifier: "346", From: x12.NewDate(2026, 1, 1)}, {Qualifier: "347", From: x12.NewDate(2026, 6, 30)}}},
		Benefits:   []Benefit{{Info: "1", ServiceTypes: []string{"30"}}, {Info: "A", ServiceTypes: []string{"98"}, Percent: ".15"}},
	}
	tests := []struct {
		day    x12.Date
		active bool
	}{
		{x12.Date{}, true},
		{x12.NewDate(2025, 12, 31), false},
		{x12.NewDate(2026, 1, 1), true},
		{x12.NewDate(2026, 6, 30), true},
		{x12.NewDate(2026, 7, 1), false},
	}
	for _, tt := range tests {
		c := a.Ask(Query{ServiceType: "98", Date: tt.day})
		assert.Equal(t, tt.active, c.Active, tt.day.X12())
		assert.Equal(t, str("0.15"), c.Coinsurance)
	}
	dep := a
	dep.Dependent = &Member{Dates: []DateRange{{Qualifier: "307", From: x12.NewDate(2026, 2, 1), To: x12.NewDate(2026, 3, 31)}}}
	assert.True(t, dep.Ask(Query{Date: x12.NewDate(2026, 3, 31)}).Active)
	assert.False(t, dep.Ask(Query{Date: x12.NewDate(2026, 4, 1)}).Active, "the dependent's own eligibility ended")
}

func TestFraction(t *testing.T) {
	for in, want := range map[string]string{".2": "0.2", "0.2": "0.2", "1": "1", ".125": "0.125", "": "", ".": "", "2%": "", "1.2.3": ""} {
		got, ok := Fraction(in)
		assert.Equal(t, want != "", ok, in)
		assert.Equal(t, want, got, in)
	}
}

// TestMatchDependentTracedAtSubscriber: a trace sent at the subscriber's level still pairs a
// dependent's inquiry and answer.
func TestMatchDependentTracedAtSubscriber(t *testing.T) {
	q := Inquiry{Subscriber: Member{Traces: []x12.Trace{{Type: "1", Number: "D1", Originator: "9X"}}}, Dependent: &Member{Entity: "03"}}
	a := Answer{Subscriber: Member{Traces: []x12.Trace{{Type: "2", Number: "D1", Originator: "9X"}}}, Dependent: &Member{Entity: "03"}}
	m := Match([]Inquiry{q}, []Answer{a})
	assert.Equal(t, []Pair{{0, 0}}, m.Pairs)
	assert.Equal(t, "D1", a.Ask(Query{}).Trace)
}

// TestAskTelehealthAmounts: Copay and Coinsurance are the general amounts, TelehealthCopay and
// TelehealthCoinsurance the ones tied to place of service 02 or 10; the two kinds never mix,
// and a benefit tied to another place (11, office) is no telehealth.
func TestAskTelehealthAmounts(t *testing.T) {
	tele02 := []Place{{"ZZ", "02"}}
	tele10 := []Place{{"ZZ", "10"}}
	office := []Place{{"ZZ", "11"}}
	active := Benefit{Info: "1", ServiceTypes: []string{"30"}}
	tests := []struct {
		name      string
		benefits  []Benefit
		copay     *x12.Amount
		teleCopay *x12.Amount
		coins     *string
		teleCoins *string
		tele      Telehealth
	}{
		{"only a POS 02 copay", []Benefit{active, {Info: "B", ServiceTypes: []string{"98"}, Amount: cents(1500), Places: tele02}},
			nil, cents(1500), nil, nil, TelehealthCovered},
		{"general and POS 10 copays", []Benefit{active,
			{Info: "B", ServiceTypes: []string{"98"}, Amount: cents(1000), Places: tele10},
			{Info: "B", ServiceTypes: []string{"98"}, Amount: cents(3000)}},
			cents(3000), cents(1000), nil, nil, TelehealthCovered},
		{"only a POS 10 coinsurance", []Benefit{active, {Info: "A", ServiceTypes: []string{"98"}, Percent: ".1", Places: tele10}},
			nil, nil, nil, str("0.1"), TelehealthCovered},
		{"general and POS 02 coinsurance", []Benefit{active,
			{Info: "A", ServiceTypes: []string{"98"}, Percent: ".2"},
			{Info: "A", ServiceTypes: []string{"98"}, Percent: "0", Places: tele02}},
			nil, nil, str("0.2"), str("0"), TelehealthCovered},
		{"neither", []Benefit{active}, nil, nil, nil, nil, TelehealthUnknown},
		{"POS 11 is in person", []Benefit{active,
			{Info: "B", ServiceTypes: []string{"98"}, Amount: cents(4000), Places: office},
			{Info: "A", ServiceTypes: []string{"98"}, Percent: ".3", Places: office}},
			cents(4000), nil, str("0.3"), nil, TelehealthUnknown},
		{"exact service type first, for each kind", []Benefit{active,
			{Info: "B", ServiceTypes: []string{"30"}, Amount: cents(5000), Places: tele02},
			{Info: "B", ServiceTypes: []string{"98"}, Amount: cents(500), Places: tele02}},
			nil, cents(500), nil, nil, TelehealthCovered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := (&Answer{Benefits: tt.benefits}).Ask(Query{ServiceType: "98"})
			assert.Equal(t, tt.copay, c.Copay, "copay")
			assert.Equal(t, tt.teleCopay, c.TelehealthCopay, "telehealth copay")
			assert.Equal(t, tt.coins, c.Coinsurance, "coinsurance")
			assert.Equal(t, tt.teleCoins, c.TelehealthCoinsurance, "telehealth coinsurance")
			assert.Equal(t, tt.tele, c.Telehealth)
		})
	}
}

// The general and the telehealth (place of service 02/10) amounts of an answer, apart: here
// the 271 ties its only copay to POS 10 and has a coinsurance for either kind of visit.
func ExampleAnswer_Ask_telehealthAmounts() {
	a := Answer{Benefits: []Benefit{
		{Info: "1", ServiceTypes: []string{"30"}},
		{Info: "B", ServiceTypes: []string{"98"}, Period: "27", Amount: cents(1000), Places: []Place{{"ZZ", "10"}}},
		{Info: "A", ServiceTypes: []string{"98"}, Period: "27", Percent: ".2"},
		{Info: "A", ServiceTypes: []string{"98"}, Period: "27", Percent: ".1", Places: []Place{{"ZZ", "02"}, {"ZZ", "10"}}},
	}}
	c := a.Ask(Query{ServiceType: "98"})
	amount := func(a *x12.Amount) string {
		if a == nil {
			return "none"
		}
		return a.String()
	}
	text := func(s *string) string {
		if s == nil {
			return "none"
		}
		return *s
	}
	fmt.Println("copay:", amount(c.Copay), "telehealth copay:", amount(c.TelehealthCopay))
	fmt.Println("coinsurance:", text(c.Coinsurance), "telehealth coinsurance:", text(c.TelehealthCoinsurance))
	// Output:
	// copay: none telehealth copay: 10.00
	// coinsurance: 0.2 telehealth coinsurance: 0.1
}
