package claim837

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestGapsFromValidatorMaps: the code lists and syntax notes a comparison of the guide with an
// independent validator's 005010X222A1 map found missing or wrong, each with a value that must
// give its finding and one that must not (ST is 1; body segment i is i+2).
func TestGapsFromValidatorMaps(t *testing.T) {
	fx := loadFixture(t, "telehealth.837")
	body := fx.body
	require.Len(t, body, 24)
	require.Equal(t, "N4*SPRINGFIELD*IL*627010001", body[8])
	require.Equal(t, "N4*SPRINGFIELD*IL*62701", body[14])
	require.Equal(t, "CLM*PCN0001*150***10:B:1*Y*A*Y*Y", body[17])
	require.Equal(t, "HI*ABK:F411", body[18])
	require.Equal(t, "SV1*HC:99213:95*150*UN*1***1", body[22])

	clm := func(frequency string) []string {
		return guidetest.Edit(body, 17, "CLM*PCN0001*150***10:B:"+frequency+"*Y*A*Y*Y")
	}
	sv1 := func(charge, pointers string) []string {
		return guidetest.Edit(body, 22, "SV1*HC:99213:95*"+charge+"*UN*1***"+pointers)
	}
	lineHCP := func(hcp string) []string { return append(append([]string(nil), body...), hcp) }
	claimHCP := func(hcp string) []string { return guidetest.InsertAt(body, 19, hcp) }

	tests := []struct {
		name string
		body []string
		want []finding
	}{
		// 1. N402 takes the Canadian provinces and territories as well as the U.S. codes.
		{"subscriber in Quebec (QC)", guidetest.Edit(body, 14, "N4*MONTREAL*QC*H2X1Y4*CA"), nil},
		{"subscriber in Nunavut (NU)", guidetest.Edit(body, 14, "N4*IQALUIT*NU*X0A0H0*CA"), nil},
		{"subscriber in Newfoundland and Labrador (NL)", guidetest.Edit(body, 14, "N4*ST JOHNS*NL*A1C5M2*CA"), nil},
		{"billing provider in Ontario (ON)", guidetest.Edit(body, 8, "N4*TORONTO*ON*M5V2T6*CA"), nil},
		{"billing provider in Puerto Rico (PR, a territory)", guidetest.Edit(body, 8, "N4*SAN JUAN*PR*009010001"), nil},
		{"Quebec as PQ (replaced by QC)", guidetest.Edit(body, 14, "N4*MONTREAL*PQ*H2X1Y4*CA"),
			[]finding{{x12.LevelElement, "7", 16, 2, 0, 0, "2010BA", "N4"}}},
		{"Newfoundland as NF (replaced by NL)", guidetest.Edit(body, 14, "N4*ST JOHNS*NF*A1C5M2*CA"),
			[]finding{{x12.LevelElement, "7", 16, 2, 0, 0, "2010BA", "N4"}}},
		{"state ZZ", guidetest.Edit(body, 8, "N4*SPRINGFIELD*ZZ*627010001"),
			[]finding{{x12.LevelElement, "7", 10, 2, 0, 0, "2010AA", "N4"}}},

		// 2. CLM05-3 takes every NUBC frequency code, not only 1, 7 and 8.
		{"frequency 0 (non-payment)", clm("0"), nil},
		{"frequency 5 (late charges)", clm("5"), nil},
		{"frequency 9 (final claim)", clm("9"), nil},
		{"frequency A (admission notice)", clm("A"), nil},
		{"frequency Q (reopening)", clm("Q"), nil},
		{"frequency Z (abbreviated encounter)", clm("Z"), nil},
		{"frequency 6 (no longer listed)", clm("6"),
			[]finding{{x12.LevelElement, "7", 19, 5, 3, 0, "2300", "CLM"}}},
		{"frequency L (never listed)", clm("L"),
			[]finding{{x12.LevelElement, "7", 19, 5, 3, 0, "2300", "CLM"}}},

		// 3. SV107's pointers name one of HI's twelve diagnoses: 1 to 12.
		{"pointer 12", sv1("150", "12"), nil},
		{"four pointers up to 12", sv1("150", "1:2:11:12"), nil},
		{"pointer 0", sv1("150", "0"),
			[]finding{{x12.LevelElement, "7", 24, 7, 1, 0, "2400", "SV1"}}},
		{"pointer 13", sv1("150", "13"),
			[]finding{{x12.LevelElement, "7", 24, 7, 1, 0, "2400", "SV1"}}},
		{"second pointer 13", sv1("150", "1:13"),
			[]finding{{x12.LevelElement, "7", 24, 7, 2, 0, "2400", "SV1"}}},
		{"fourth pointer 0", sv1("150", "1:2:3:0"),
			[]finding{{x12.LevelElement, "7", 24, 7, 4, 0, "2400", "SV1"}}},

		// 4. HCP's syntax notes P0910 and P1112.
		{"line repricing with procedure and units", lineHCP("HCP*00*100*******HC*99213*UN*1"), nil},
		{"line repricing without a procedure", lineHCP("HCP*00*100"), nil},
		{"line repriced procedure qualifier without the code (P0910)", lineHCP("HCP*00*100*******HC"),
			[]finding{{x12.LevelElement, "2", 26, 10, 0, 0, "2400", "HCP"}}},
		{"line repriced procedure code without its qualifier (P0910)", lineHCP("HCP*00*100********99213"),
			[]finding{{x12.LevelElement, "2", 26, 9, 0, 0, "2400", "HCP"}}},
		{"line repriced unit without the count (P1112)", lineHCP("HCP*00*100*******HC*99213*UN"),
			[]finding{{x12.LevelElement, "2", 26, 12, 0, 0, "2400", "HCP"}}},
		{"line repriced count without its unit (P1112)", lineHCP("HCP*00*100*******HC*99213**1"),
			[]finding{{x12.LevelElement, "2", 26, 11, 0, 0, "2400", "HCP"}}},
		{"claim repricing", claimHCP("HCP*00*100"), nil},
		// At the claim HCP09–HCP12 are not used; the note still holds.
		{"claim repriced procedure qualifier (not used, P0910)", claimHCP("HCP*00*100*******HC"),
			[]finding{
				{x12.LevelElement, "I10", 21, 9, 0, 0, "2300", "HCP"},
				{x12.LevelElement, "2", 21, 10, 0, 0, "2300", "HCP"},
			}},

		// 5. 2010BA PER takes an extension after the phone number (EX), not a second phone, as
		// 2010CA's does.
		{"subscriber contact with an extension", guidetest.InsertAt(body, 16, "PER*IC**TE*5555550100*EX*123"), nil},
		{"subscriber contact with a second phone", guidetest.InsertAt(body, 16, "PER*IC**TE*5555550100*TE*5555550101"),
			[]finding{{x12.LevelElement, "7", 18, 5, 0, 0, "2010BA", "PER"}}},

		// 6. Monetary amounts have at most 10 digits, as in the 835.
		{"claim charge of 10 digits", guidetest.Edit(body, 17, "CLM*PCN0001*12345678.90***10:B:1*Y*A*Y*Y"), nil},
		{"claim charge of 11 digits", guidetest.Edit(body, 17, "CLM*PCN0001*123456789.01***10:B:1*Y*A*Y*Y"),
			[]finding{{x12.LevelElement, "5", 19, 2, 0, 0, "2300", "CLM"}}},
		{"line charge of 11 digits", sv1("12345678901", "1"),
			[]finding{{x12.LevelElement, "5", 24, 2, 0, 0, "2400", "SV1"}}},
		{"negative line charge of 10 digits", sv1("-1234567890", "1"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, fx, tc.body, tc.want) })
	}
}
