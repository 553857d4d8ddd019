package eligibility

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// finding is what a test expects of one finding: its 999 level and code and where it is.
type finding struct {
	level          x12.Level
	code           string
	setPos, elem   int
	component, rep int
	loop, segment  string
}

func findingsOf(set *x12.Set) []finding {
	var got []finding
	for _, e := range set.Findings.All() {
		got = append(got, finding{e.Level, e.Code, e.Pos.SetSegment, e.Pos.Element, e.Pos.Component, e.Pos.Repetition, e.Pos.Loop, e.Pos.ID})
	}
	return got
}

// brokenCase is a fixture edited to break one rule, with the findings it must give.
type brokenCase struct {
	name string
	body []string
	want []finding
}

// runBroken reads each case's body as a st01 set and compares its findings, exactly.
func runBroken(t *testing.T, st01 string, tests []brokenCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sets := readSets(t, strings.NewReader(envelope(st01, tc.body)))
			require.Len(t, sets, 1)
			assert.Equal(t, tc.want, findingsOf(sets[0]))
		})
	}
}

// TestBrokenInquiries and TestBrokenResponses: one fixture edit per kind of mistake, each with
// the exact IK304/IK403 code, loop and set position (ST is 1; body segment i is i+2).
func TestBrokenInquiries(t *testing.T) {
	body := fixtureBody(t, "telehealth.270")
	require.Equal(t, "TRN*1*TH-0001*9TELECLIN1", body[10])
	require.Equal(t, "EQ*98^MH", body[17])
	threeTRN := guidetest.InsertAt(body, 11, "TRN*1*CH-1*9CLEARING1", "TRN*1*CH-2*9CLEARING1")
	tests := []brokenCase{
		{"BHT missing", guidetest.Edit(body, 0),
			[]finding{{x12.LevelSegment, "3", 2, 0, 0, 0, "ST", "BHT"}}},
		{"source name missing", guidetest.Edit(body, 2),
			[]finding{{x12.LevelSegment, "I7", 4, 0, 0, 0, "2100A", "NM1"}}},
		{"subscriber date with an unknown qualifier", guidetest.Edit(body, 16, "DTP*472*D8*20261201"),
			[]finding{{x12.LevelElement, "7", 18, 1, 0, 0, "2100C", "DTP"}}},
		{"trace assigning entity over 10", guidetest.Edit(body, 10, "TRN*1*TH-0001*9TELECLINIC"),
			[]finding{{x12.LevelElement, "5", 12, 3, 0, 0, "2000C", "TRN"}}},
		{"three trace numbers (max 2)", threeTRN,
			[]finding{{x12.LevelSegment, "5", 14, 0, 0, 0, "2000C", "TRN"}}},
		{"service type not in the code list", guidetest.Edit(body, 17, "EQ*98^TH"),
			[]finding{{x12.LevelElement, "7", 19, 1, 0, 2, "2110C", "EQ"}}},
		{"100 service types (max 99)", guidetest.Edit(body, 17, "EQ*"+strings.Repeat("98^", 99)+"MH"),
			[]finding{{x12.LevelElement, "12", 19, 1, 0, 100, "2110C", "EQ"}}},
		{"neither service type nor procedure", guidetest.Edit(body, 17, "EQ**"),
			[]finding{{x12.LevelElement, "2", 19, 1, 0, 0, "2110C", "EQ"}}},
		{"family coverage asked at the dependent level", guidetest.Edit(body, 26, "EQ*98**FAM"),
			[]finding{{x12.LevelElement, "I10", 28, 3, 0, 0, "2110D", "EQ"}}},
		{"POS not a place of service code", guidetest.Edit(body, 18, "III*ZZ*XX"),
			[]finding{{x12.LevelElement, "7", 20, 2, 0, 0, "2110C", "III"}}},
		{"dependent sent with a member id", guidetest.Edit(body, 22, "NM1*03*1*DOE*JIMMY****MI*W1234567"),
			[]finding{{x12.LevelElement, "I10", 24, 8, 0, 0, "2100D", "NM1"}, {x12.LevelElement, "I10", 24, 9, 0, 0, "2100D", "NM1"}}},
		{"dependent level under an unknown parent", guidetest.Edit(body, 20, "HL*4*9*23*0"),
			[]finding{{x12.LevelElement, "7", 22, 2, 0, 0, "2110C", "HL"}}},
	}
	runBroken(t, "270", tests)
}

func TestBrokenResponses(t *testing.T) {
	body := fixtureBody(t, "telehealth.271")
	require.Equal(t, "III*ZZ*02", body[19])
	require.Equal(t, "LS*2120", body[26])
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = "III*ZZ*02"
	}
	tests := []brokenCase{
		{"11 III under one EB (2115C repeats 10)", guidetest.Edit(guidetest.Edit(body, 20), 19, eleven...),
			[]finding{{x12.LevelSegment, "4", 31, 0, 0, 0, "2115C", "III"}}},
		{"benefit code not in the code list", guidetest.Edit(body, 15, "EB*Z*IND*98"),
			[]finding{{x12.LevelElement, "7", 17, 1, 0, 0, "2110C", "EB"}}},
		{"quantity without its qualifier", guidetest.Edit(body, 15, "EB*B*IND*98*PR*ACME GOLD PPO*27*25***12**Y"),
			[]finding{{x12.LevelElement, "2", 17, 9, 0, 0, "2110C", "EB"}}},
		{"reject reason of another loop (75 belongs to 2100C)", guidetest.InsertAt(body, 6, "AAA*Y**75*C"),
			[]finding{{x12.LevelElement, "7", 8, 3, 0, 0, "2100B", "AAA"}}},
		{"rejection at the source level", guidetest.InsertAt(body, 2, "AAA*Y**42*R"),
			nil},
		{"no response from the source, on its name", guidetest.InsertAt(body, 4, "AAA*Y**80*W"),
			nil},
		{"no response from the source, on its level (80 belongs to 2100A)", guidetest.InsertAt(body, 2, "AAA*Y**80*W"),
			[]finding{{x12.LevelElement, "7", 4, 3, 0, 0, "2000A", "AAA"}, {x12.LevelElement, "7", 4, 4, 0, 0, "2000A", "AAA"}}},
		{"AAA before the PER it should follow", guidetest.InsertAt(body, 3, "AAA*Y**42*R"),
			[]finding{{x12.LevelSegment, "7", 6, 0, 0, 0, "2100A", "PER"}}},
		{"MSG after the III it should precede", guidetest.Edit(guidetest.Edit(body, 18, "III*ZZ*02"), 19, "MSG*TELEHEALTH VISITS HAVE NO COPAY"),
			[]finding{{x12.LevelSegment, "7", 21, 0, 0, 0, "2110C", "MSG"}}},
		// LE first closes the place for LS and the 2120C loop: the NM1 and PER that follow
		// have no place left in 2110C (IK304 2), and the LS is behind (IK304 7).
		{"LE before LS", guidetest.Edit(guidetest.Edit(body, 26, "LE*2120"), 29, "LS*2120"),
			// After LE the 2120 loop is behind: the NM1 is the 2000C-level name use with a
			// qualifier nothing ahead accepts (IK403 7 on NM101).
			[]finding{
				{x12.LevelElement, "7", 29, 1, 0, 0, "2000C", "NM1"},
				{x12.LevelSegment, "2", 30, 0, 0, 0, "2110C", "PER"},
				{x12.LevelSegment, "7", 31, 0, 0, 0, "2110C", "LS"},
			}},
		// An NM101 no loop ahead accepts: the wrong-qualifier path flags NM101 (IK403 7), and the
		// PER of the loop it meant to start is unexpected.
		{"related entity with an unknown NM101", guidetest.Edit(body, 27, "NM1*QC*1*SMITH*ANNA"),
			[]finding{
				{x12.LevelElement, "7", 29, 1, 0, 0, "2110C", "NM1"},
				{x12.LevelSegment, "2", 30, 0, 0, 0, "2110C", "PER"},
			}},
	}
	runBroken(t, "271", tests)
}
