package eligibility

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestStateOrProvince: N402 takes the Canadian province and territory codes (current ones:
// QC, not PQ; NL, not NF; NU) as well as the U.S. state, territory and military codes, in the
// 270 and in the 271.
func TestStateOrProvince(t *testing.T) {
	inquiry := fixtureBody(t, "telehealth.270")
	require.Equal(t, "N4*SPRINGFIELD*IL*62701", inquiry[7])
	require.Equal(t, "N4*SPRINGFIELD*IL*62704", inquiry[14])
	response := fixtureBody(t, "telehealth.271")
	require.Equal(t, "N4*SPRINGFIELD*IL*62704", response[12])

	runBroken(t, "270", []brokenCase{
		{"provider in Quebec (QC)", guidetest.Edit(inquiry, 7, "N4*MONTREAL*QC*H2X1Y4*CA"), nil},
		{"subscriber in Nunavut (NU)", guidetest.Edit(inquiry, 14, "N4*IQALUIT*NU*X0A0H0*CA"), nil},
		{"subscriber in Guam (GU)", guidetest.Edit(inquiry, 14, "N4*HAGATNA*GU*96910"), nil},
		{"subscriber at an APO (AE)", guidetest.Edit(inquiry, 14, "N4*APO*AE*09001"), nil},
		{"provider in Quebec as PQ", guidetest.Edit(inquiry, 7, "N4*MONTREAL*PQ*H2X1Y4*CA"),
			[]finding{{x12.LevelElement, "7", 9, 2, 0, 0, "2100B", "N4"}}},
		{"subscriber in Newfoundland as NF", guidetest.Edit(inquiry, 14, "N4*ST JOHNS*NF*A1C5M2*CA"),
			[]finding{{x12.LevelElement, "7", 16, 2, 0, 0, "2100C", "N4"}}},
	})
	runBroken(t, "271", []brokenCase{
		{"subscriber in British Columbia (BC)", guidetest.Edit(response, 12, "N4*VANCOUVER*BC*V6B1A1*CA"), nil},
		{"subscriber in Newfoundland and Labrador (NL)", guidetest.Edit(response, 12, "N4*ST JOHNS*NL*A1C5M2*CA"), nil},
		{"subscriber in Quebec as PQ", guidetest.Edit(response, 12, "N4*MONTREAL*PQ*H2X1Y4*CA"),
			[]finding{{x12.LevelElement, "7", 14, 2, 0, 0, "2100C", "N4"}}},
	})
}
