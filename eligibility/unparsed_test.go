package eligibility

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestUnparsedValues: an element that does not parse into its typed field is never zeroed in
// silence. Its text is kept (Unparsed, or the whole segment in Extra), the set's finding
// names the element, ReadRequests or ReadResponses returns an error, and the encoder writes
// the text back as read.
func TestUnparsedValues(t *testing.T) {
	body270, body271 := fixtureBody(t, "telehealth.270"), fixtureBody(t, "telehealth.271")
	require.Equal(t, "BHT*0022*13*TH20261128A*20261128*1200", body270[0])
	require.Equal(t, "NM1*1P*2*VIRTUAL CARE CLINIC*****XX*1234567893", body270[4])
	require.Equal(t, "DMG*D8*19800115*F", body270[15])
	require.Equal(t, "DTP*291*D8*20261201", body270[16])
	require.Equal(t, "EB*B*IND*98*PR*ACME GOLD PPO*27*25*****Y", body271[16])
	require.Equal(t, "NM1*P3*1*SMITH*ANNA****XX*1245319599", body271[27])
	tests := []struct {
		name, st01 string
		body       []string
		at         int   // the edited body segment
		element    int   // the element the finding must name
		err        error // its sentinel
		check      func(t *testing.T, reqs []*Request, resps []*Response)
		kept       string // the segment as it must come back
	}{
		{name: "EB07 amount", st01: "271", at: 16, element: 7, err: x12.ErrInvalidCharacter,
			kept: "EB*B*IND*98*PR*ACME GOLD PPO*27*12X.00*****Y",
			check: func(t *testing.T, _ []*Request, resps []*Response) {
				b := resps[0].Answers[0].Benefits[1]
				assert.Nil(t, b.Amount)
				text, ok := b.Unparsed.Get("Amount")
				assert.True(t, ok)
				assert.Equal(t, "12X.00", text)
				assert.Equal(t, "27", b.Period, "the rest of the EB is typed")
			}},
		{name: "DMG02 birth date", st01: "270", at: 15, element: 2, err: x12.ErrInvalidDate,
			kept: "DMG*D8*19801315*F",
			check: func(t *testing.T, reqs []*Request, _ []*Response) {
				sub := reqs[0].Inquiries[0].Subscriber
				assert.True(t, sub.BirthDate.IsZero())
				assert.Empty(t, sub.Gender)
				require.Len(t, sub.Extra, 1, "the DMG is kept whole")
				assert.Equal(t, "DMG*D8*19801315*F", sub.Extra[0].Text)
				assert.Equal(t, "2100C", sub.Extra[0].Loop)
			}},
		{name: "DTP03 date", st01: "270", at: 16, element: 3, err: x12.ErrInvalidDate,
			kept: "DTP*291*D8*20261232",
			check: func(t *testing.T, reqs []*Request, _ []*Response) {
				sub := reqs[0].Inquiries[0].Subscriber
				assert.Empty(t, sub.Dates)
				require.Len(t, sub.Extra, 1, "the DTP is kept whole")
				assert.Equal(t, "DTP*291*D8*20261232", sub.Extra[0].Text)
			}},
		{name: "BHT04 date", st01: "270", at: 0, element: 4, err: x12.ErrInvalidDate,
			kept: "BHT*0022*13*TH20261128A*20261399*1200",
			check: func(t *testing.T, reqs []*Request, _ []*Response) {
				h := reqs[0].Header
				assert.True(t, h.Created.IsZero())
				assert.Equal(t, x12.Unparsed{{Field: "Created", Text: "20261399"}, {Field: "ClockDigits", Text: "1200"}}, h.Unparsed)
				assert.Equal(t, "TH20261128A", h.Reference)
			}},
		{name: "EB03 with components: the EB kept whole", st01: "271", at: 16, element: 3, err: x12.ErrTooManyComponents,
			kept: "EB*B*IND*98:X*PR*ACME GOLD PPO*27*25*****Y",
			check: func(t *testing.T, _ []*Request, resps []*Response) {
				b := resps[0].Answers[0].Benefits[1]
				assert.Empty(t, b.Info, "not typed: the fields would cut EB03 or write its separator as data")
				require.NotEmpty(t, b.Extra)
				assert.Equal(t, "EB*B*IND*98:X*PR*ACME GOLD PPO*27*25*****Y", b.Extra[0].Text)
			}},
		{name: "NM102 of a party", st01: "270", at: 4, element: 2, err: x12.ErrInvalidCode,
			kept: "NM1*1P*3*VIRTUAL CARE CLINIC*****XX*1234567893",
			check: func(t *testing.T, reqs []*Request, _ []*Response) {
				rcv := reqs[0].Inquiries[0].Receiver
				text, ok := rcv.Unparsed.Get("Person")
				assert.True(t, ok)
				assert.Equal(t, "3", text)
				assert.Equal(t, "VIRTUAL CARE CLINIC", rcv.Name)
			}},
		{name: "NM102 of a related entity", st01: "271", at: 27, element: 2, err: x12.ErrInvalidCode,
			kept: "NM1*P3*X*SMITH*ANNA****XX*1245319599",
			check: func(t *testing.T, _ []*Request, resps []*Response) {
				e := resps[0].Answers[0].Benefits[6].Entities
				require.Len(t, e, 1)
				text, ok := e[0].Unparsed.Get("Person")
				assert.True(t, ok)
				assert.Equal(t, "X", text)
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := body270
			if tc.st01 == "271" {
				body = body271
			}
			data := []byte(envelope(tc.st01, guidetest.Edit(body, tc.at, tc.kept)))
			reqs, resps, err := readFile(data)
			require.Len(t, reqs, map[string]int{"270": 1}[tc.st01])
			require.Len(t, resps, map[string]int{"271": 1}[tc.st01])
			require.Error(t, err, "an element that does not parse is an error-level finding")
			assert.ErrorIs(t, err, tc.err)
			if v := strings.Split(tc.kept, "*")[tc.element]; len(v) > 2 { // "3" is in any position
				assert.NotContains(t, err.Error(), v, "no value in the error")
			}

			findings := findingsOfValues(reqs, resps)
			found := false
			for _, f := range findings {
				if f.Pos.SetSegment == tc.at+2 && f.Pos.Element == tc.element && assert.ErrorIs(t, f, tc.err) {
					found = true
				}
			}
			assert.True(t, found, "the value carries a finding on element %d of set segment %d: %v", tc.element, tc.at+2, findings)
			tc.check(t, reqs, resps)

			out := encodeBoth(t, reqs, resps)
			want, got := guidetest.SetSegments(t, data), guidetest.SetSegments(t, out)
			assert.True(t, guidetest.SameSets(want, got), guidetest.FirstDiff(want, got))
			assert.Contains(t, string(out), tc.kept+"~", "written back as read")
		})
	}
}

// findingsOfValues gathers the findings the decoded values carry.
func findingsOfValues(reqs []*Request, resps []*Response) []*x12.Error {
	var out []*x12.Error
	for _, r := range reqs {
		out = append(out, r.Findings...)
	}
	for _, r := range resps {
		out = append(out, r.Findings...)
	}
	return out
}
