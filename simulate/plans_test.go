package simulate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/x12"
)

// eligibilityEnvelope is the envelope the plans tests write 270s and 271s in.
func eligibilityEnvelope() x12.Envelope {
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "TELECLINIC", ReceiverID: "ACMEHEALTH", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
		Newline:     true,
	}
}

func cents(c int64) *x12.Amount { a := x12.Cents(c); return &a }

func yes() *bool { v := true; return &v }

// TestRespondRejections: each kind of request a payer rejects gets its AAA at the right
// level, with the trace echoed where the answer has a member.
func TestRespondRejections(t *testing.T) {
	plans := SamplePlans()
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	base := func() eligibility.Inquiry {
		return eligibility.Inquiry{
			Source:     eligibility.Party{Entity: "PR", Name: "ACME HEALTH PLAN", IDQualifier: "PI", ID: "87726"},
			Receiver:   eligibility.Party{Entity: "1P", Name: "CLINIC", IDQualifier: "XX", ID: "1234567893"},
			Subscriber: eligibility.Member{Entity: "IL", Last: "DOE", First: "JANE", IDQualifier: "MI", ID: "W123456789", BirthDate: x12.NewDate(1980, 1, 15), Traces: []x12.Trace{{Type: "1", Number: "T1", Originator: "9TELECLIN1"}}},
			Questions:  []eligibility.Question{{ServiceTypes: []string{"98"}}},
		}
	}
	tests := []struct {
		name  string
		edit  func(q *eligibility.Inquiry, p *Plans)
		loop  string
		codes []string
	}{
		{"payer down", func(_ *eligibility.Inquiry, p *Plans) { p.Unavailable = true }, "2000A", []string{"42"}},
		{"provider not allowed", func(_ *eligibility.Inquiry, p *Plans) { p.Providers = []string{"1111111112"} }, "2100B", []string{"50"}},
		{"invalid member id", func(q *eligibility.Inquiry, _ *Plans) { q.Subscriber.ID = "W-1" }, "2100C", []string{"72"}},
		{"member not found", func(q *eligibility.Inquiry, _ *Plans) { q.Subscriber.ID = "W999" }, "2100C", []string{"75"}},
		{"birth date mismatch", func(q *eligibility.Inquiry, _ *Plans) { q.Subscriber.BirthDate = x12.NewDate(1981, 1, 15) }, "2100C", []string{"71"}},
		{"dependent not found", func(q *eligibility.Inquiry, _ *Plans) {
			q.Dependent = &eligibility.Member{Entity: "03", Last: "DOE", First: "NOBODY"}
		}, "2100D", []string{"67"}},
		{"provider NPI check digit", func(q *eligibility.Inquiry, _ *Plans) { q.Receiver.ID = "1234567890" }, "2100B", []string{"43"}},
		{"accepted", func(*eligibility.Inquiry, *Plans) {}, "", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := *plans
			q := base()
			tt.edit(&q, &p)
			resp := p.Respond(&eligibility.Request{Header: eligibility.Header{Reference: "R1"}, Inquiries: []eligibility.Inquiry{q}}, now)
			require.Len(t, resp.Answers, 1)
			c := resp.Answers[0].Ask(eligibility.Query{ServiceType: "98"})
			assert.Equal(t, tt.codes, c.Errors)
			var buf bytes.Buffer
			require.NoError(t, eligibility.WriteResponses(&buf, eligibilityEnvelope(), resp), "the 271 validates")
			if tt.loop != "" {
				assert.Regexp(t, `AAA\*[YN]\*\*`+tt.codes[0]+`\*`, buf.String())
				a := &resp.Answers[0]
				var at []eligibility.Reject
				for _, list := range [][]eligibility.Reject{a.Source.Errors, a.Receiver.Errors, a.Subscriber.Errors, a.Patient().Errors} {
					at = append(at, list...)
				}
				require.NotEmpty(t, at)
				assert.Equal(t, tt.loop, at[0].Loop)
			} else {
				assert.True(t, c.Active)
				assert.Equal(t, eligibility.TelehealthCovered, c.Telehealth)
			}
		})
	}
}

// TestRespondGenericInquiry: an inquiry for 30 is answered for the plan-level service types
// too, so the professional visit (98) can be asked of it.
func TestRespondGenericInquiry(t *testing.T) {
	req := EligibilityRequest(1, 1)
	q := &req.Inquiries[0]
	q.Subscriber.ID, q.Subscriber.BirthDate, q.Dependent = "W123456789", x12.NewDate(1980, 1, 15), nil
	q.Subscriber.Traces = []x12.Trace{{Type: "1", Number: "G1", Originator: "9TELECLIN1"}}
	q.Questions = []eligibility.Question{{ServiceTypes: []string{"30"}}}
	resp := SamplePlans().Respond(req, req.Created)
	require.Len(t, resp.Answers, 1)
	c := resp.Answers[0].Ask(eligibility.Query{ServiceType: "98"})
	assert.True(t, c.Active)
	assert.Equal(t, cents(2500), c.Copay)
	assert.Equal(t, eligibility.TelehealthCovered, c.Telehealth)
	assert.Contains(t, resp.Answers[0].Benefits[1].ServiceTypes, "UC")
	var buf bytes.Buffer
	require.NoError(t, eligibility.WriteResponses(&buf, eligibilityEnvelope(), resp))
}

// TestPlansFile: the test plans file (a Medicaid payer that answers one provider only)
// parses, answers its provider, and rejects another one with AAA 50.
func TestPlansFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "eligibility", "testdata", "plans.json"))
	require.NoError(t, err)
	p, err := ParsePlans(data)
	require.NoError(t, err)
	data, err = os.ReadFile(filepath.Join("..", "eligibility", "testdata", "telehealth.270"))
	require.NoError(t, err)
	reqs, err := eligibility.ReadRequests(bytes.NewReader(data))
	require.NoError(t, err)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	resp := p.Respond(reqs[0], now)
	var out bytes.Buffer
	require.NoError(t, eligibility.WriteResponses(&out, eligibilityEnvelope(), resp))
	require.Len(t, resp.Answers, 2)
	c := resp.Answers[0].Ask(eligibility.Query{ServiceType: "98", Date: x12.NewDate(2026, 12, 1)})
	assert.Equal(t, eligibility.Coverage{Trace: "TH-0001", Active: true, Telehealth: eligibility.TelehealthCovered, TelehealthEvidence: "EB01 B, EB03 98 with III ZZ*02, ZZ*10",
		Copay: cents(300), TelehealthCopay: cents(300), Errors: []string{}}, c)
	mh := resp.Answers[0].Ask(eligibility.Query{ServiceType: "MH"})
	assert.Equal(t, yes(), mh.AuthorizationRequired)
	assert.Equal(t, "TH-0002", resp.Answers[1].Ask(eligibility.Query{ServiceType: "98"}).Trace)

	reqs[0].Inquiries[0].Receiver.ID = "1245319599" // a valid NPI the payer does not know
	resp = p.Respond(reqs[0], now)
	assert.Equal(t, []string{"50"}, resp.Answers[0].Ask(eligibility.Query{}).Errors)
}

// TestParsePlansErrors: a broken plans file is reported by position, never by value.
func TestParsePlansErrors(t *testing.T) {
	const canary = "CANARY7"
	for _, js := range []string{
		`{"members":[{"id":"` + canary + `","birth_date":"` + canary + `","plan":"x"}]}`,
		`{"members":[{"id":"` + canary + `","birth_date":"1980-02-31","plan":"x"}]}`,
		`{"plans":[{"id":"x","copays":{"98":"` + canary + `"}}],"members":[]}`,
		`{"plans":[{"id":"x","coinsurance":"` + canary + `"}],"members":[]}`,
		`{"members":[{"id":` + canary + `}]}`,
		`{"members":[{"id":1` + canary + `}]}`,
		`{"members":{"id":"` + canary + `"}}`,
		`{"plans":[{"id":"x"}],"members":[{"id":"` + canary + `","plan":"x"},{"id":"` + canary + `","plan":"x"}]}`,
		`{"plans":[{"id":"x"}],"members":[{"id":"` + canary + `","plan":"` + canary + `"}]}`,
	} {
		_, err := ParsePlans([]byte(js))
		require.Error(t, err, js)
		assert.ErrorIs(t, err, ErrPlans)
		assert.NotContains(t, err.Error(), canary)
		assert.NotContains(t, err.Error(), "CAN")
	}
}
