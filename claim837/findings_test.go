package claim837

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestBrokenClaims: one edit of the §2.2 telehealth claim per kind of mistake, each with the
// exact IK304/IK403 code, loop and set position (ST is 1; body segment i is i+2).
func TestBrokenClaims(t *testing.T) {
	fx := loadFixture(t, "telehealth.837")
	body := fx.body
	require.Len(t, body, 24)
	require.Equal(t, "CLM*PCN0001*150***10:B:1*Y*A*Y*Y", body[17])
	require.Equal(t, "NM1*82*1*SMITH*ALEX****XX*1223344551", body[19])
	require.Equal(t, "DTP*472*D8*20260114", body[23])

	// 51 service lines: one more than loop 2400 may repeat.
	lines := append([]string(nil), body[:21]...)
	for i := 1; i <= 51; i++ {
		lines = append(lines, "LX*"+strconv.Itoa(i), "SV1*HC:99213:95*150*UN*1***1", "DTP*472*D8*20260114")
	}

	tests := []struct {
		name string
		body []string
		want []finding
	}{
		{"service date missing (required in 2400)", guidetest.Edit(body, 23),
			[]finding{{x12.LevelSegment, "3", 25, 0, 0, 0, "2400", "DTP"}}},
		{"billing provider street missing", guidetest.Edit(body, 7),
			[]finding{{x12.LevelSegment, "3", 9, 0, 0, 0, "2010AA", "N3"}}},
		{"payer loop missing", guidetest.Edit(body, 16),
			[]finding{{x12.LevelSegment, "I7", 18, 0, 0, 0, "2010BB", "NM1"}}},
		{"service date with an unknown qualifier", guidetest.Edit(body, 23, "DTP*999*D8*20260114"),
			[]finding{
				{x12.LevelElement, "7", 25, 1, 0, 0, "2400", "DTP"},
				{x12.LevelSegment, "3", 26, 0, 0, 0, "2400", "DTP"},
			}},
		{"place of service over 2", guidetest.Edit(body, 17, "CLM*PCN0001*150***100:B:1*Y*A*Y*Y"),
			[]finding{{x12.LevelElement, "5", 19, 5, 1, 0, "2300", "CLM"}}},
		{"place of service not in the CMS set", guidetest.Edit(body, 17, "CLM*PCN0001*150***00:B:1*Y*A*Y*Y"),
			[]finding{{x12.LevelElement, "7", 19, 5, 1, 0, "2300", "CLM"}}},
		{"claim frequency unknown", guidetest.Edit(body, 17, "CLM*PCN0001*150***10:B:W*Y*A*Y*Y"),
			[]finding{{x12.LevelElement, "7", 19, 5, 3, 0, "2300", "CLM"}}},
		{"patient control number missing", guidetest.Edit(body, 17, "CLM**150***10:B:1*Y*A*Y*Y"),
			[]finding{{x12.LevelElement, "1", 19, 1, 0, 0, "2300", "CLM"}}},
		{"claim filing indicator unknown", guidetest.Edit(body, 11, "SBR*P*18*GRP0001******XX"),
			[]finding{{x12.LevelElement, "7", 13, 9, 0, 0, "2000B", "SBR"}}},
		{"subscriber name prefix (not used)", guidetest.Edit(body, 12, "NM1*IL*1*DOE*JANE**MS**MI*XYZ000000001"),
			[]finding{{x12.LevelElement, "I10", 14, 6, 0, 0, "2010BA", "NM1"}}},
		{"rendering NPI without its qualifier (P0809)", guidetest.Edit(body, 19, "NM1*82*1*SMITH*ALEX*****1223344551"),
			[]finding{{x12.LevelElement, "2", 21, 8, 0, 0, "2310B", "NM1"}}},
		{"two rendering providers (2310B repeats once)", guidetest.InsertAt(body, 21, body[19]),
			[]finding{{x12.LevelSegment, "4", 23, 0, 0, 0, "2310B", "NM1"}}},
		{"two prior authorizations (REF*G1 once per claim)", guidetest.InsertAt(body, 18, "REF*G1*A1", "REF*G1*A2"),
			[]finding{{x12.LevelSegment, "5", 21, 0, 0, 0, "2300", "REF"}}},
		{"51 service lines (2400 repeats 50 times)", lines,
			[]finding{{x12.LevelSegment, "4", 173, 0, 0, 0, "2400", "LX"}}},
		{"creation date not a date", guidetest.Edit(body, 0, "BHT*0019*00*BATCH0001*20260230*1430*CH"),
			[]finding{{x12.LevelElement, "8", 2, 4, 0, 0, "ST", "BHT"}}},
		{"patient level under a billing provider", guidetest.InsertAt(body, 16, "HL*3*1*23*0", "PAT*19"),
			// HL03 23 cannot sit under HL 1 (a 20): the HL stays unplaced; its PAT then falls
			// back on the subscriber level's PAT, behind the position (out of order), where
			// PAT01 is not used.
			[]finding{
				{x12.LevelElement, "7", 18, 3, 0, 0, "2000A", "HL"},
				{x12.LevelSegment, "7", 19, 0, 0, 0, "2000B", "PAT"},
				{x12.LevelElement, "I10", 19, 1, 0, 0, "2000B", "PAT"},
			}},
		// Business rules, not guide rules: an ICD-9 diagnosis (BK) and an NPI that fails its
		// check digit read without a guide finding (see the corpus MANIFEST).
		{"ICD-9 diagnosis", guidetest.Edit(body, 18, "HI*BK:4779*BF:2724"), nil},
		{"NPI failing the check digit", guidetest.Edit(body, 19, "NM1*82*1*SMITH*ALEX****XX*1234567890"), nil},
		// Rules the guide got from a comparison with pyx12's X222A1 map.
		{"submitter name with a suffix (NM107 not used in 1000A)", guidetest.Edit(body, 1, "NM1*41*1*DOE*JANE***JR*46*SUBMITTERID"),
			[]finding{{x12.LevelElement, "I10", 3, 7, 0, 0, "1000A", "NM1"}}},
		{"subscriber without a member id (2010BA NM108/NM109 required)", guidetest.Edit(body, 12, "NM1*IL*1*DOE*JANE"),
			[]finding{
				{x12.LevelElement, "1", 14, 8, 0, 0, "2010BA", "NM1"},
				{x12.LevelElement, "1", 14, 9, 0, 0, "2010BA", "NM1"},
			}},
		{"line contract without an amount (CN102 situational)", append(append([]string(nil), body...), "CN1*05"), nil},
		{"submitter EDI access number (ED)", guidetest.Edit(body, 2, "PER*IC*EDI DESK*ED*SUBMITTERID01*TE*5555550100"), nil},
		{"condition codes in two HIs", guidetest.InsertAt(body, 19, "HI*BG:01", "HI*BG:02"), nil},
		{"condition codes in three HIs (twice at most)", guidetest.InsertAt(body, 19, "HI*BG:01", "HI*BG:02", "HI*BG:03"),
			[]finding{{x12.LevelSegment, "5", 23, 0, 0, 0, "2300", "HI"}}},
		{"two DME certifications on a line (once at most)", guidetest.InsertAt(body, 23, "CRC*09*Y*ZV", "CRC*09*N*38"),
			[]finding{{x12.LevelSegment, "5", 26, 0, 0, 0, "2400", "CRC"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, fx, tc.body, tc.want) })
	}
}

// assertFindings reads fx with body as its set and compares the set's findings with want.
func assertFindings(t *testing.T, fx fixture, body []string, want []finding) {
	t.Helper()
	sets := readSets(t, strings.NewReader(fx.with(body)))
	require.Len(t, sets, 1)
	assert.Equal(t, want, findingsOf(sets[0]))
}

// TestPatientRelationship: a patient level is for a patient who is not the subscriber, so
// PAT01 may be any relationship code but 18 (self).
func TestPatientRelationship(t *testing.T) {
	fx := loadFixture(t, "telehealth-dependent.837")
	require.Equal(t, "PAT*19", fx.body[18])
	for _, tc := range []struct {
		pat  string
		want []finding
	}{
		{"PAT*19", nil},
		{"PAT*G8", nil},
		{"PAT*18", []finding{{x12.LevelElement, "7", 20, 1, 0, 0, "2000C", "PAT"}}},
	} {
		t.Run(tc.pat, func(t *testing.T) { assertFindings(t, fx, guidetest.Edit(fx.body, 18, tc.pat), tc.want) })
	}
}

// TestDecodeServiceLineComposites: SV101 and SV107 are cut into the same parts whatever
// empty components they hold, and read back as they came; pointers that are not numbers
// are never zeroed: their text is kept in Unparsed and written back.
func TestDecodeServiceLineComposites(t *testing.T) {
	fx := loadFixture(t, "telehealth.837")
	require.Equal(t, "SV1*HC:99213:95*150*UN*1***1", fx.body[22])
	for _, tc := range []struct {
		sv1       string
		modifiers []string
		pointers  []int
		unparsed  string
	}{
		{"SV1*HC:99213*150*UN*1***1", nil, []int{1}, ""},
		{"SV1*HC:99213:95:GT*150*UN*1***1:2", []string{"95", "GT"}, []int{1, 2}, ""},
		{"SV1*HC:99213::95*150*UN*1***1::2", []string{"", "95"}, nil, "1::2"},
		{"SV1*HC:99213:*150*UN*1***1:", []string{""}, nil, "1:"},
		{"SV1*HC:99213*150*UN*1***A", nil, nil, "A"},
		{"SV1*HC:99213*150*UN*1", nil, nil, ""},
	} {
		t.Run(tc.sv1, func(t *testing.T) {
			body := guidetest.Edit(fx.body, 22, tc.sv1)
			d := NewDecoder(strings.NewReader(fx.with(body)), nil)
			d.Reader().StructureOnly = true
			c, err := d.NextClaim()
			require.NoError(t, err)
			require.Len(t, c.Lines, 1)
			assert.Equal(t, "99213", c.Lines[0].Procedure)
			assert.Equal(t, tc.modifiers, c.Lines[0].Modifiers)
			assert.Equal(t, tc.pointers, c.Lines[0].DiagnosisPointers)
			text, kept := c.Lines[0].Unparsed.Get("DiagnosisPointers")
			assert.Equal(t, tc.unparsed != "", kept)
			assert.Equal(t, tc.unparsed, text)
		})
	}
}
