package remit835

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/internal/guidetest"
)

// TestStateOrProvince: the payer's and payee's N402 take the Canadian province and territory
// codes (current ones: QC, not PQ; NL, not NF; NU) as well as the U.S. codes.
func TestStateOrProvince(t *testing.T) {
	segs := fixture(t)
	at := func(pos int) string { return segs[pos+1] }
	require.Equal(t, "N4*SPRINGFIELD*IL*627010000", at(8))
	require.Equal(t, "N4*SPRINGFIELD*IL*627010001", at(15))

	tests := []struct {
		name string
		edit edit
		want []string
	}{
		{"payer in Quebec (QC)", edit{pos: 8, with: []string{"N4*MONTREAL*QC*H2X1Y4*CA"}}, nil},
		{"payer in Nunavut (NU)", edit{pos: 8, with: []string{"N4*IQALUIT*NU*X0A0H0*CA"}}, nil},
		{"payee in Ontario (ON)", edit{pos: 15, with: []string{"N4*TORONTO*ON*M5V2T6*CA"}}, nil},
		{"payee in Newfoundland and Labrador (NL)", edit{pos: 15, with: []string{"N4*ST JOHNS*NL*A1C5M2*CA"}}, nil},
		{"payer in Quebec as PQ", edit{pos: 8, with: []string{"N4*MONTREAL*PQ*H2X1Y4*CA"}},
			[]string{"IK403 7 1000A N4@8 02"}},
		{"payee in Newfoundland as NF", edit{pos: 15, with: []string{"N4*ST JOHNS*NF*A1C5M2*CA"}},
			[]string{"IK403 7 1000B N4@15 02"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sets := guidetest.ReadSets(t, strings.NewReader(apply(segs, tc.edit)), codes.Strict{Registry: codes.Default()})
			require.Len(t, sets, 1)
			assert.Equal(t, tc.want, findings(sets[0]))
		})
	}
}
