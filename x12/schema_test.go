package x12

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testGuide is a small guide exercising what the engine must do: sibling loops told apart
// by qualifiers, an HL hierarchy, repeats, usage, element types, code lists, syntax notes.
var testGuide = func() *Transaction {
	nm1 := func(q string, u Usage) *SegmentSpec {
		return &SegmentSpec{ID: "NM1", Name: "Name " + q, Usage: u, MaxUse: 1,
			Qualifiers: []Qualifier{{Element: 1, Values: []string{q}}},
			Elements: []*ElementSpec{
				{Ref: 98, Name: "Entity Identifier Code", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{q}},
				{Ref: 1065, Name: "Entity Type Qualifier", Usage: Required, Type: TypeID, Min: 1, Max: 1, Codes: []string{"1", "2"}},
				{Ref: 1035, Name: "Last Name", Usage: Required, Type: TypeAN, Min: 1, Max: 10, PHI: true},
				{Ref: 1036, Name: "First Name", Usage: Situational, Type: TypeAN, Min: 1, Max: 10, PHI: true},
				{Ref: 1037, Name: "Middle", Usage: NotUsed, Type: TypeAN, Min: 1, Max: 10},
				{Ref: 1038, Name: "Prefix", Usage: NotUsed, Type: TypeAN, Min: 1, Max: 10},
				{Ref: 1039, Name: "Suffix", Usage: Situational, Type: TypeAN, Min: 1, Max: 10},
				{Ref: 66, Name: "Id Qualifier", Usage: Situational, Type: TypeID, Min: 1, Max: 2, Codes: []string{"MI", "XX"}},
				{Ref: 67, Name: "Identifier", Usage: Situational, Type: TypeAN, Min: 2, Max: 12, PHI: true},
			},
			Syntax: ParseSyntax("P0809")}
	}
	dtp := func(q string) *SegmentSpec {
		return &SegmentSpec{ID: "DTP", Name: "Date " + q, Usage: Situational, MaxUse: 1,
			Qualifiers: []Qualifier{{Element: 1, Values: []string{q}}},
			Elements: []*ElementSpec{
				{Ref: 374, Name: "Date Qualifier", Usage: Required, Type: TypeID, Min: 3, Max: 3, Codes: []string{q}},
				{Ref: 1250, Name: "Format", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{"D8"}},
				{Ref: 1251, Name: "Date", Usage: Required, Type: TypeDT, Min: 8, Max: 8},
			}}
	}
	hl := func(level string) *SegmentSpec {
		return &SegmentSpec{ID: "HL", Name: "Level " + level, Usage: Required, MaxUse: 1,
			Qualifiers: []Qualifier{{Element: 3, Values: []string{level}}},
			Elements: []*ElementSpec{
				{Ref: 628, Name: "Hierarchical ID", Usage: Required, Type: TypeAN, Min: 1, Max: 12},
				{Ref: 734, Name: "Parent ID", Usage: Situational, Type: TypeAN, Min: 1, Max: 12},
				{Ref: 735, Name: "Level Code", Usage: Required, Type: TypeID, Min: 1, Max: 2, Codes: []string{level}},
				{Ref: 736, Name: "Child Code", Usage: Situational, Type: TypeID, Min: 1, Max: 1, Codes: []string{"0", "1"}},
			}}
	}
	return &Transaction{
		ID: "100", FunctionalID: "ZZ", Versions: []string{"TEST01"}, Name: "Test",
		Root: &Loop{ID: "ST", Usage: Required, Repeat: 1, Children: []Child{
			Seg(STSpec("100", Situational, "TEST01")),
			Seg(&SegmentSpec{ID: "BHT", Name: "Beginning", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
				{Ref: 1005, Name: "Structure", Usage: Required, Type: TypeID, Min: 4, Max: 4, Codes: []string{"0019"}},
				{Ref: 373, Name: "Date", Usage: Required, Type: TypeDT, Min: 8, Max: 8},
				{Ref: 337, Name: "Time", Usage: Required, Type: TypeTM, Min: 4, Max: 8},
				{Ref: 782, Name: "Amount", Usage: Situational, Type: TypeR, Min: 1, Max: 5},
				{Ref: 380, Name: "Count", Usage: Situational, Type: TypeN0, Min: 1, Max: 3},
				{Ref: 1000, Name: "Codes", Usage: Situational, Repeat: 2, Components: []*ElementSpec{
					{Ref: 1001, Name: "Code Qualifier", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{"ABK", "ABF"}},
					{Ref: 1002, Name: "Code", Usage: Required, Type: TypeAN, Min: 1, Max: 7},
				}},
				{Ref: 1003, Name: "Place", Usage: Situational, Type: TypeID, Min: 2, Max: 2, CodeSet: "pos"},
			}, Syntax: ParseSyntax("E0405")}),
			Sub(&Loop{ID: "1000A", Name: "Submitter", Usage: Required, Repeat: 1, Children: []Child{
				Seg(nm1("41", Required)),
				Seg(&SegmentSpec{ID: "PER", Name: "Contact", Usage: Situational, MaxUse: 2, Elements: []*ElementSpec{
					{Ref: 366, Name: "Function", Usage: Required, Type: TypeID, Min: 2, Max: 2, Codes: []string{"IC"}},
					{Ref: 93, Name: "Name", Usage: Situational, Type: TypeAN, Min: 1, Max: 20, PHI: true},
				}}),
			}}),
			Sub(&Loop{ID: "1000B", Name: "Receiver", Usage: Required, Repeat: 1, Children: []Child{Seg(nm1("40", Required))}}),
			Sub(&Loop{ID: "2000A", Name: "Provider", Usage: Required, Children: []Child{
				Seg(hl("20")),
				Sub(&Loop{ID: "2010AA", Name: "Provider Name", Usage: Required, Repeat: 1, Children: []Child{Seg(nm1("85", Required))}}),
				Sub(&Loop{ID: "2000B", Name: "Subscriber", Usage: Required, Children: []Child{
					Seg(hl("22")),
					Sub(&Loop{ID: "2010BA", Name: "Subscriber Name", Usage: Required, Repeat: 1, Children: []Child{Seg(nm1("IL", Required))}}),
					Sub(&Loop{ID: "2300", Name: "Claim", Usage: Situational, Repeat: 2, Children: []Child{
						Seg(&SegmentSpec{ID: "CLM", Name: "Claim", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
							{Ref: 1028, Name: "Patient Control Number", Usage: Required, Type: TypeAN, Min: 1, Max: 20, PHI: true},
							{Ref: 782, Name: "Charge", Usage: Required, Type: TypeR, Min: 1, Max: 10},
						}}),
						Seg(dtp("431")),
						Seg(dtp("454")),
						Seg(&SegmentSpec{ID: "NTE", Name: "Note", Usage: NotUsed, MaxUse: 1, Elements: []*ElementSpec{{Ref: 352, Name: "Text", Usage: Required, Type: TypeAN, Min: 1, Max: 80}}}),
					}}),
					Sub(&Loop{ID: "2000C", Name: "Patient", Usage: Situational, Children: []Child{
						Seg(hl("23")),
						Sub(&Loop{ID: "2010CA", Name: "Patient Name", Usage: Required, Repeat: 1, Children: []Child{Seg(nm1("QC", Required))}}),
					}}),
				}}),
			}}),
			Seg(SESpec()),
		}},
	}
}()

type fakeCodes map[string][]string

func (f fakeCodes) Known(set string) bool { _, ok := f[set]; return ok }
func (f fakeCodes) Contains(set, v string) bool {
	for _, c := range f[set] {
		if c == v {
			return true
		}
	}
	return false
}

// testSet wraps body segments (each without terminator) in an envelope with a correct SE01.
func testSet(body ...string) string { return testSets(body) }

// testSets puts one set per body in one group, with control numbers 0001, 0002…
func testSets(bodies ...[]string) string {
	var b strings.Builder
	b.WriteString(testISA('*', '^', ':', "~\n", "000000001"))
	b.WriteString("GS*ZZ*SENDER*RECEIVER*20261128*1200*1*X*TEST01~\n")
	for i, body := range bodies {
		ctl := "000" + itoaT(i+1)
		segs := append([]string{"ST*100*" + ctl + "*TEST01"}, body...)
		segs = append(segs, "SE*"+itoaT(len(segs)+1)+"*"+ctl)
		b.WriteString(strings.Join(segs, "~\n") + "~\n")
	}
	b.WriteString("GE*" + itoaT(len(bodies)) + "*1~\nIEA*1*000000001~\n")
	return b.String()
}

func itoaT(n int) string { return strconv.Itoa(n) }

// goodBody is a valid test set's body.
var goodBody = []string{
	"BHT*0019*20261128*1200*12.5**ABK:J069^ABF:R05*10",
	"NM1*41*2*SUBMITTER*****XX*S1",
	"PER*IC*BILLING",
	"NM1*40*2*RECEIVER",
	"HL*1**20*1",
	"NM1*85*2*CLINIC",
	"HL*2*1*22*1",
	"NM1*IL*1*DOE*JANE****MI*M1",
	"CLM*A1*100",
	"DTP*431*D8*20261101",
	"CLM*A2*50.5",
	"HL*3*2*23*0",
	"NM1*QC*1*DOE*JOHN",
	"HL*4*1*22*0",
	"NM1*IL*1*ROE*RICH",
}

func readSets(t *testing.T, in string) []*Set {
	t.Helper()
	reg := &Registry{}
	reg.Register(testGuide)
	reg.Register(Guide999)
	sr := NewSetReader(strings.NewReader(in))
	sr.Guides = reg
	sr.Codes = fakeCodes{"pos": {"02", "10", "11"}}
	var sets []*Set
	for {
		s, err := sr.Next()
		if err == io.EOF {
			return sets
		}
		require.NoError(t, err)
		sets = append(sets, s)
	}
}

func TestGuideValidSet(t *testing.T) {
	sets := readSets(t, testSet(goodBody...))
	require.Len(t, sets, 1)
	set := sets[0]
	assert.Equal(t, testGuide, set.Guide)
	assert.Zero(t, set.Findings.Len(), "%v", set.Findings.All())
	assert.Equal(t, len(goodBody)+2, set.Segments)

	// The tree: loops chosen by qualifier and HL hierarchy.
	var got []string
	set.Root.Segments(func(s *Segment, spec *SegmentSpec, n *Node) bool {
		got = append(got, n.Loop.ID+":"+s.ID())
		return true
	})
	assert.Equal(t, []string{"ST:ST", "ST:BHT", "1000A:NM1", "1000A:PER", "1000B:NM1", "2000A:HL", "2010AA:NM1",
		"2000B:HL", "2010BA:NM1", "2300:CLM", "2300:DTP", "2300:CLM", "2000C:HL", "2010CA:NM1",
		"2000B:HL", "2010BA:NM1", "ST:SE"}, got)
	prov := set.Root.Loops("2000A")
	require.Len(t, prov, 1)
	subs := prov[0].Loops("2000B")
	require.Len(t, subs, 2)
	assert.Len(t, subs[0].Loops("2300"), 2)
	assert.Len(t, subs[0].Loops("2000C"), 1)
	assert.Empty(t, subs[1].Loops("2300"))
}

// TestGuideFindings: one hand-written fixture per finding type, each with its exact code and
// position (set position, element, component, repetition).
func TestGuideFindings(t *testing.T) {
	with := func(i int, seg string) []string {
		b := append([]string(nil), goodBody...)
		b[i] = seg
		return b
	}
	insert := func(i int, seg string) []string {
		b := append([]string(nil), goodBody[:i]...)
		b = append(b, seg)
		return append(b, goodBody[i:]...)
	}
	remove := func(i int) []string {
		b := append([]string(nil), goodBody[:i]...)
		return append(b, goodBody[i+1:]...)
	}
	type want struct {
		level             Level
		code              string
		setPos, elem, cmp int
		rep               int
		loop              string
	}
	tests := []struct {
		name string
		body []string
		want []want
	}{
		{"segment not in the guide", insert(2, "ZZZ*1"), []want{{LevelSegment, "1", 4, 0, 0, 0, "1000A"}}},
		{"segment known elsewhere, unexpected here", insert(2, "CLM*A*1"), []want{{LevelSegment, "2", 4, 0, 0, 0, "1000A"}}},
		{"segment out of order", insert(3, "BHT*0019*20261128*1200"), []want{{LevelSegment, "7", 5, 0, 0, 0, "ST"}}},
		{"required segment missing", remove(0), []want{{LevelSegment, "3", 2, 0, 0, 0, "ST"}}},
		{"required loop missing", remove(3), []want{{LevelSegment, "I7", 5, 0, 0, 0, "1000B"}}},
		{"segment over max use", insert(3, "PER*IC*OTHER"), nil},
		{"segment over max use (3 PER)", append(insert(3, "PER*IC*OTHER")[:3], append([]string{"PER*IC*OTHER", "PER*IC*THIRD"}, goodBody[3:]...)...), []want{{LevelSegment, "5", 6, 0, 0, 0, "1000A"}}},
		{"loop over repeat", insert(11, "CLM*A3*1"), []want{{LevelSegment, "4", 13, 0, 0, 0, "2300"}}},
		{"not-used segment present", insert(10, "NTE*HELLO"), []want{{LevelSegment, "I4", 12, 0, 0, 0, "2300"}}},
		{"HL parent unknown", with(11, "HL*3*9*23*0"), []want{{LevelElement, "7", 13, 2, 0, 0, "2300"}}},
		{"HL level cannot sit under parent", with(11, "HL*3*2*20*0"), []want{{LevelElement, "7", 13, 3, 0, 0, "2000B"}, {LevelSegment, "2", 14, 0, 0, 0, "2300"}}},
		{"qualifier not in the guide", with(9, "DTP*999*D8*20261101"), []want{{LevelElement, "7", 11, 1, 0, 0, "2300"}}},
		{"required element missing", with(8, "CLM*A1"), []want{{LevelElement, "1", 10, 2, 0, 0, "2300"}}},
		{"conditional (paired) element missing", with(7, "NM1*IL*1*DOE*JANE****MI"), []want{{LevelElement, "2", 9, 9, 0, 0, "2010BA"}}},
		{"too many data elements", with(2, "PER*IC*BILLING*TE"), []want{{LevelElement, "3", 4, 3, 0, 0, "1000A"}}},
		{"element too short", with(7, "NM1*IL*1*DOE*JANE****MI*M"), []want{{LevelElement, "4", 9, 9, 0, 0, "2010BA"}}},
		{"element too long", with(7, "NM1*IL*1*DOEDOEDOEDOE*JANE****MI*M1"), []want{{LevelElement, "5", 9, 3, 0, 0, "2010BA"}}},
		{"number too long (sign and point not counted)", with(0, "BHT*0019*20261128*1200*-123.456"), []want{{LevelElement, "5", 2, 4, 0, 0, "ST"}}},
		{"invalid character", with(0, "BHT*0019*20261128*1200*12,5"), []want{{LevelElement, "6", 2, 4, 0, 0, "ST"}}},
		{"invalid character in AN", with(7, "NM1*IL*1*DO\x01E*JANE****MI*M1"), []want{{LevelElement, "6", 9, 3, 0, 0, "2010BA"}}},
		{"invalid code value", with(7, "NM1*IL*3*DOE*JANE****MI*M1"), []want{{LevelElement, "7", 9, 2, 0, 0, "2010BA"}}},
		{"invalid code from an external set", with(0, "BHT*0019*20261128*1200*12.5**ABK:J069*99"), []want{{LevelElement, "7", 2, 7, 0, 0, "ST"}}},
		{"invalid date", with(0, "BHT*0019*20260230*1200"), []want{{LevelElement, "8", 2, 2, 0, 0, "ST"}}},
		{"invalid time", with(0, "BHT*0019*20261128*2460"), []want{{LevelElement, "9", 2, 3, 0, 0, "ST"}}},
		{"exclusion violated", with(0, "BHT*0019*20261128*1200*1*2"), []want{{LevelElement, "10", 2, 5, 0, 0, "ST"}}},
		{"too many repetitions", with(0, "BHT*0019*20261128*1200***ABK:1^ABF:2^ABF:3"), []want{{LevelElement, "12", 2, 6, 0, 3, "ST"}}},
		{"too many components", with(0, "BHT*0019*20261128*1200***ABK:1:X"), []want{{LevelElement, "13", 2, 6, 3, 1, "ST"}}},
		{"component in a simple element", with(2, "PER*IC:X*BILLING"), []want{{LevelElement, "13", 4, 1, 2, 0, "1000A"}}},
		{"required component missing", with(0, "BHT*0019*20261128*1200***:J069"), []want{{LevelElement, "1", 2, 6, 1, 1, "ST"}}},
		{"invalid code in a component", with(0, "BHT*0019*20261128*1200***ABX:J069"), []want{{LevelElement, "7", 2, 6, 1, 1, "ST"}}},
		{"not-used element present", with(7, "NM1*IL*1*DOE*JANE*Q***MI*M1"), []want{{LevelElement, "I10", 9, 5, 0, 0, "2010BA"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sets := readSets(t, testSet(tc.body...))
			require.Len(t, sets, 1)
			var got []want
			for _, e := range sets[0].Findings.All() {
				got = append(got, want{e.Level, e.Code, e.Pos.SetSegment, e.Pos.Element, e.Pos.Component, e.Pos.Repetition, e.Pos.Loop})
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestGuidesAreConsistent(t *testing.T) {
	for _, g := range []*Transaction{Guide999, testGuide} {
		assert.Empty(t, CheckGuide(g, fakeCodes{"pos": nil}), g.ID)
	}
}

func TestCheckGuideFindsProblems(t *testing.T) {
	broken := &Transaction{ID: "100", FunctionalID: "ZZ", Versions: []string{"X"}, Root: &Loop{ID: "ST", Children: []Child{
		Seg(STSpec("100", Required)),
		Seg(&SegmentSpec{ID: "NM1", Name: "a", Usage: Situational, Qualifiers: []Qualifier{{Element: 1, Values: []string{"85"}}},
			Elements: []*ElementSpec{{Ref: 98, Name: "q", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{"85", "85", "87"}}}}),
		Seg(&SegmentSpec{ID: "NM1", Name: "b", Usage: Situational, Qualifiers: []Qualifier{{Element: 1, Values: []string{"85", "87"}}},
			Elements: []*ElementSpec{{Ref: 98, Name: "q", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{"85", "87"}}, {Ref: 1, Name: "x", Usage: Required, Type: TypeAN, Min: 5, Max: 2}, {Ref: 2, Name: "y", Usage: Required, Type: TypeID, Min: 2, Max: 2, CodeSet: "nope"}}}),
		Sub(&Loop{ID: "L", Children: []Child{Sub(&Loop{ID: "M"})}}),
		Seg(SESpec()),
	}}}
	errs := CheckGuide(broken, fakeCodes{})
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"listed twice", "share qualifier values", "not sane", `"nope" is unknown`, "must start with a segment"} {
		assert.Contains(t, joined, want)
	}
}

// TestRulesHook: a guide's situational rules, which plain data cannot say, run on the tree
// and report through the same findings.
func TestRulesHook(t *testing.T) {
	errRule := errors.New("claim charge must not be zero")
	g := *testGuide
	g.Rules = func(set *Set, report RuleReporter) {
		set.Root.Segments(func(s *Segment, spec *SegmentSpec, _ *Node) bool {
			if s.ID() == "CLM" && string(s.Element(2)) == "0" {
				report(s, 2, "I12", errRule)
			}
			return true
		})
	}
	reg := &Registry{}
	reg.Register(&g)
	body := append([]string(nil), goodBody...)
	body[8] = "CLM*A1*0"
	for _, validateOnly := range []bool{false, true} {
		sr := NewSetReader(strings.NewReader(testSet(body...)))
		sr.Guides = reg
		sr.ValidateOnly = validateOnly // a guide with rules keeps its tree anyway
		set, err := sr.Next()
		require.NoError(t, err)
		require.Equal(t, 1, set.Findings.Len())
		e := set.Findings.All()[0]
		assert.ErrorIs(t, e, errRule)
		assert.Equal(t, LevelElement, e.Level)
		assert.Equal(t, 10, e.Pos.SetSegment)
		assert.Equal(t, 2, e.Pos.Element)
	}
}

func TestValidateOnlyGivesTheSameFindings(t *testing.T) {
	body := append([]string(nil), goodBody...)
	body[2] = "PER*IC*BILLING*TE"
	body[9] = "DTP*999*D8*20261101"
	in := testSets(goodBody, body)
	read := func(validateOnly bool) []string {
		reg := &Registry{}
		reg.Register(testGuide)
		sr := NewSetReader(strings.NewReader(in))
		sr.Guides = reg
		sr.ValidateOnly = validateOnly
		var out []string
		for {
			set, err := sr.Next()
			if err == io.EOF {
				return out
			}
			require.NoError(t, err)
			for _, e := range set.Findings.All() {
				out = append(out, e.Error())
			}
		}
	}
	full := read(false)
	assert.Len(t, full, 2)
	assert.Equal(t, full, read(true))
}
