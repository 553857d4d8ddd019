package claim837

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

func TestGuideIsConsistent(t *testing.T) {
	assert.Empty(t, x12.CheckGuide(Guide, nil))
	assert.Empty(t, x12.CheckGuide(Guide, codes.Default()))
}

func TestGuideIsRegistered(t *testing.T) {
	for _, v := range Versions {
		assert.Same(t, Guide, x12.Guides.Lookup("837", v), v)
	}
	assert.Equal(t, "005010X222A1", Versions[0], "the version written")
	assert.Equal(t, "HC", Guide.FunctionalID)
}

// TestGuideCoversTheSkeleton: every loop of the X222A1 skeleton is in the tree, with the
// parent, usage and repeat the TR3 gives it.
func TestGuideCoversTheSkeleton(t *testing.T) {
	type want struct {
		parent string
		usage  x12.Usage
		repeat int
	}
	loops := map[string]want{
		"1000A": {"ST", req, 1}, "1000B": {"ST", req, 1}, "2000A": {"ST", req, 0},
		"2010AA": {"2000A", req, 1}, "2010AB": {"2000A", sit, 1}, "2010AC": {"2000A", sit, 1},
		"2000B": {"2000A", req, 0}, "2010BA": {"2000B", req, 1}, "2010BB": {"2000B", req, 1},
		"2000C": {"2000B", sit, 0}, "2010CA": {"2000C", req, 1},
		"2310A": {"2300", sit, 2}, "2310B": {"2300", sit, 1}, "2310C": {"2300", sit, 1},
		"2310D": {"2300", sit, 1}, "2310E": {"2300", sit, 1}, "2310F": {"2300", sit, 1},
		"2320": {"2300", sit, 10}, "2330A": {"2320", req, 1}, "2330B": {"2320", req, 1},
		"2330C": {"2320", sit, 2}, "2330D": {"2320", sit, 1}, "2330E": {"2320", sit, 1},
		"2330F": {"2320", sit, 1}, "2330G": {"2320", sit, 1},
		"2400": {"2300", req, 50}, "2410": {"2400", sit, 1},
		"2420A": {"2400", sit, 1}, "2420B": {"2400", sit, 1}, "2420C": {"2400", sit, 1},
		"2420D": {"2400", sit, 1}, "2420E": {"2400", sit, 1}, "2420F": {"2400", sit, 2},
		"2420G": {"2400", sit, 1}, "2420H": {"2400", sit, 1},
		"2430": {"2400", sit, 15}, "2440": {"2400", sit, 0},
	}
	seen := map[string]int{}
	claims := map[string]x12.Usage{}
	Guide.Root.Walk(func(l, parent *x12.Loop) {
		seen[l.ID]++
		if l.ID == "2300" {
			claims[parent.ID] = l.Usage
			assert.Equal(t, 100, l.Repeat)
			return
		}
		w, ok := loops[l.ID]
		if !ok || parent == nil {
			return
		}
		assert.Equal(t, w.parent, parent.ID, l.ID)
		assert.Equal(t, w.usage, l.Usage, l.ID)
		assert.Equal(t, w.repeat, l.Repeat, l.ID)
	})
	for id := range loops {
		assert.Positive(t, seen[id], id)
	}
	// 2300 floats: under the subscriber when the patient is the subscriber, else the patient.
	assert.Equal(t, map[string]x12.Usage{"2000B": sit, "2000C": req}, claims)
}

// TestPatientDataIsMarked: subscribers' and patients' names, identifiers, addresses and
// birth dates, the patient control number, diagnoses and service dates are patient data;
// providers' and payers' names are not.
func TestPatientDataIsMarked(t *testing.T) {
	tests := []struct {
		loop, segment string
		qual          string // the use's first qualifier value; "" for the first use of the ID
		phi, notPHI   []int
	}{
		{"2010BA", "NM1", "IL", []int{3, 4, 5, 7, 9}, []int{1, 2, 8}},
		{"2010BA", "N3", "", []int{1, 2}, nil},
		{"2010BA", "N4", "", []int{1, 3}, []int{2}},
		{"2010BA", "DMG", "", []int{2, 3}, []int{1}},
		{"2010BA", "REF", "SY", []int{2}, []int{1}},
		{"2010CA", "NM1", "QC", []int{3, 4, 5, 7}, []int{1, 2}},
		{"2010CA", "N4", "", []int{1, 3}, []int{2}},
		{"2330A", "NM1", "IL", []int{3, 9}, []int{1}},
		{"2300", "CLM", "", []int{1}, []int{2, 5}},
		{"2300", "HI", "ABK", []int{1, 2}, nil},
		{"2400", "DTP", "472", []int{3}, []int{1, 2}},
		{"2010AA", "NM1", "85", nil, []int{3, 9}},
		{"2010BB", "NM1", "PR", nil, []int{3, 9}},
		{"2310B", "NM1", "82", nil, []int{3, 4, 9}},
	}
	for _, tc := range tests {
		spec := useOf(t, tc.loop, tc.segment, tc.qual)
		for _, n := range tc.phi {
			assert.True(t, spec.PHI(n), "%s %s%02d", tc.loop, tc.segment, n)
		}
		for _, n := range tc.notPHI {
			assert.False(t, spec.PHI(n), "%s %s%02d", tc.loop, tc.segment, n)
		}
	}
}

// useOf finds the use of segment id in loop whose first qualifier holds qual ("" for the
// first use of the ID).
func useOf(t *testing.T, loopID, id, qual string) *x12.SegmentSpec {
	t.Helper()
	l := Guide.Root.Find(loopID)
	require.NotNil(t, l, loopID)
	for _, c := range l.Children {
		s := c.Segment
		if s == nil || s.ID != id {
			continue
		}
		if qual == "" || len(s.Qualifiers) > 0 && hasString(s.Qualifiers[0].Values, qual) {
			return s
		}
	}
	require.Failf(t, "no such segment use", "%s %s %s", loopID, id, qual)
	return nil
}

// TestFixtures: the hand-written telehealth claims read with no finding, and their segments
// land in the loops the TR3 puts them in.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file  string
		loops map[string]string // "segment ID*first element" → loop ID
	}{
		// domain.md §2.2: patient = subscriber, claim under 2000B, audio-video visit at home.
		{"telehealth.837", map[string]string{
			"NM1*85": "2010AA", "SBR*P": "2000B", "NM1*PR": "2010BB", "CLM*PCN0001": "2300",
			"NM1*82": "2310B", "PRV*PE": "2310B", "LX*1": "2400", "DTP*472": "2400",
		}},
		// A child seen by video for psychotherapy: patient level 2000C, pay-to address,
		// prior authorization, two lines with line item control numbers.
		{"telehealth-dependent.837", map[string]string{
			"NM1*87": "2010AB", "PAT*19": "2000C", "NM1*QC": "2010CA", "CLM*PCN0002": "2300",
			"REF*G1": "2300", "HI*ABK:F909": "2300", "LX*2": "2400", "REF*6R": "2400",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tc.file))
			require.NoError(t, err)
			defer f.Close()
			placed := map[string]string{}
			sr := x12.NewSetReader(f)
			sr.Codes = codes.Default()
			sr.Trace = func(s *x12.Segment, n *x12.Node, spec *x12.SegmentSpec) {
				if n != nil {
					placed[s.ID()+"*"+s.Value(1)] = n.Loop.ID
				}
			}
			sets := guidetest.Drain(t, sr)
			require.Len(t, sets, 1)
			assert.Same(t, Guide, sets[0].Guide)
			assert.Empty(t, findingsOf(sets[0]))
			assert.True(t, sets[0].Accepted())
			for seg, loop := range tc.loops {
				assert.Equal(t, loop, placed[seg], seg)
			}
		})
	}
}

// readSets reads every transaction set of in, checking external code lists strictly (a code
// missing from a partial table counts too).
func readSets(t *testing.T, in io.Reader) []*x12.Set {
	t.Helper()
	return readSetsWith(t, in, codes.Strict{Registry: codes.Default()})
}

// readCorpusSets reads as a user would: codes missing from partial tables are not flagged.
func readCorpusSets(t *testing.T, in io.Reader) []*x12.Set {
	t.Helper()
	return readSetsWith(t, in, codes.Default())
}

func readSetsWith(t *testing.T, in io.Reader, cs x12.CodeSource) []*x12.Set {
	t.Helper()
	return guidetest.ReadSets(t, in, cs)
}

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

// fixture splits a testdata file into its envelope head (ISA, GS), the set body between ST
// and SE, and its tail (GE, IEA), terminators removed.
type fixture struct {
	head, body, tail []string
	st               string
}

func loadFixture(t *testing.T, name string) fixture {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	var fx fixture
	part := &fx.head
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		seg := strings.TrimSuffix(line, "~")
		switch {
		case strings.HasPrefix(seg, "ST*"):
			fx.st, part = seg, &fx.body
			continue
		case strings.HasPrefix(seg, "SE*"):
			part = &fx.tail
			continue
		}
		*part = append(*part, seg)
	}
	return fx
}

// with returns the interchange with body in place of the fixture's set body, SE01 counted.
func (fx fixture) with(body []string) string {
	control := strings.Split(fx.st, "*")[2]
	all := append(append(append(append([]string{}, fx.head...), fx.st), body...),
		"SE*"+strconv.Itoa(len(body)+2)+"*"+control)
	return strings.Join(append(all, fx.tail...), "~\n") + "~\n"
}
