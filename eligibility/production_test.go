package eligibility_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/x12"
)

// TestEncoderProduction: a production interchange (ISA15 P) with an explicit control source
// streams through the RequestEncoder; the check of each set before it is written takes no number
// from that source and needs none of its own.
func TestEncoderProduction(t *testing.T) {
	env := x12.Envelope{Interchange: x12.InterchangeHeader{SenderID: "CLINIC", ReceiverID: "PAYER", Usage: x12.Production},
		Controls: x12.NewSequence(500, 700, 1),
		Now:      func() time.Time { return time.Date(2026, 11, 28, 9, 31, 0, 0, time.UTC) }}
	var out strings.Builder
	enc := eligibility.NewRequestEncoder(&out, env, nil)
	req := &eligibility.Request{
		Header: eligibility.Header{Reference: "RT0001", Created: time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)},
		Inquiries: []eligibility.Inquiry{{
			Source:   eligibility.Party{Entity: "PR", Name: "ACME HEALTH PLAN", IDQualifier: "PI", ID: "87726"},
			Receiver: eligibility.Party{Entity: "1P", Name: "VIRTUAL CARE CLINIC", IDQualifier: "XX", ID: "1234567893"},
			Subscriber: eligibility.Member{Entity: "IL", Last: "DOE", First: "JANE", IDQualifier: "MI", ID: "W123456789",
				BirthDate: x12.NewDate(1980, 1, 15)},
			Questions: []eligibility.Question{{ServiceTypes: []string{"30"}}},
		}},
	}
	require.NoError(t, enc.Encode(req))
	require.NoError(t, enc.Close())
	require.Contains(t, out.String(), "*000000500*0*P*")
	require.Contains(t, out.String(), "GE*1*700~")
}
