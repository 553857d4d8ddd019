package x12

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deepGuide is a guide whose HL levels nest levels deep (L1 holds L2, which holds L3…), each
// level holding a name and claims (2300, with notes and service lines 2400): what the limits
// on units and depth are tried on.
func deepGuide(levels int) *Transaction {
	seg := func(id string, maxUse int) Child {
		return Seg(&SegmentSpec{ID: id, Name: id, Usage: Situational, MaxUse: maxUse})
	}
	claim := func() *Loop {
		return &Loop{ID: "2300", Name: "Claim", Usage: Situational, Children: []Child{
			seg("CLM", 1), seg("NTE", 1),
			Sub(&Loop{ID: "2400", Name: "Line", Usage: Situational, Children: []Child{seg("LX", 1), seg("SV1", 1)}}),
		}}
	}
	var level func(k int) *Loop
	level = func(k int) *Loop {
		l := &Loop{ID: fmt.Sprintf("L%d", k), Name: "Level", Usage: Situational, Children: []Child{
			seg("HL", 1), seg("NM1", 1), Sub(claim()),
		}}
		if k < levels {
			l.Children = append(l.Children, Sub(level(k+1)))
		}
		return l
	}
	return &Transaction{ID: "100", FunctionalID: "ZZ", Versions: []string{"TEST01"}, Name: "Deep",
		Root: &Loop{ID: "ST", Usage: Required, Repeat: 1, Children: []Child{
			Seg(STSpec("100", Situational, "TEST01")), Sub(level(1)), Seg(SESpec()),
		}},
	}
}

// readLog is what reading a stream with NextPart gave.
type readLog struct {
	units  []unitLog
	sets   []*Set
	traced int // segments passed to Trace
}

type unitLog struct {
	segs     []string // the unit's segments, as segmentTexts gives them
	findings []*Error
}

// readWithLimits reads in with the deep guide of 10 levels, claims as units (unless
// wholeTree), and the limits given.
func readWithLimits(t *testing.T, in string, maxUnit, maxDepth int, wholeTree bool) (*readLog, *SetReader) {
	t.Helper()
	reg := &Registry{}
	reg.Register(deepGuide(10))
	sr := NewSetReader(strings.NewReader(in))
	sr.Guides, sr.StructureOnly = reg, true
	sr.MaxUnitSegments, sr.MaxDepth = maxUnit, maxDepth
	if !wholeTree {
		sr.Units = []string{"2300"}
	}
	log := &readLog{}
	sr.Trace = func(*Segment, *Node, *SegmentSpec) { log.traced++ }
	for {
		p, err := sr.NextPart()
		if err == io.EOF {
			return log, sr
		}
		require.NoError(t, err)
		if p.Unit != nil {
			log.units = append(log.units, unitLog{segmentTexts(p.Unit), p.Findings})
			continue
		}
		log.sets = append(log.sets, p.Set)
	}
}

// limitFindings returns the findings of list that are sentinel.
func limitFindings(list []*Error, sentinel error) []*Error {
	var out []*Error
	for _, f := range list {
		if errors.Is(f, sentinel) {
			out = append(out, f)
		}
	}
	return out
}

// repeat returns n segments made by f(i).
func repeat(n int, f func(i int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func cat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestMaxUnitSegments: a unit over the limit keeps its first segments, drops the rest, is
// reported once (at the first segment dropped) and still handed out; the set ends and the
// units after it come whole.
func TestMaxUnitSegments(t *testing.T) {
	lines := func(n int) []string {
		return cat(repeat(n, func(i int) string { return fmt.Sprintf("LX*%d~SV1*HC:99213*10", i+1) }))
	}
	notes := func(n int) []string { return repeat(n, func(i int) string { return fmt.Sprintf("NTE*ADD*N%d", i) }) }
	split := func(list []string) []string { return strings.Split(strings.Join(list, "~"), "~") }
	head := []string{"HL*1**20*1", "NM1*85*2*CLINIC"}
	for _, tc := range []struct {
		name    string
		max     int
		big     []string // the segments of the second claim after its CLM
		keep    int      // segments the big claim keeps, CLM included
		dropped int      // set segment number (ST is 1) of the first segment dropped
	}{
		// ST, HL, NM1, CLM A1, NTE, then the big claim's CLM is segment 6.
		{"service lines", 50, split(lines(100)), 50, 6 + 50},
		{"a segment repeated", 50, notes(200), 50, 6 + 50},
		{"lines after repeated notes", 20, cat(notes(10), split(lines(40))), 20, 6 + 20},
		{"exactly at the limit", 21, split(lines(10)), 21, 0},
		// Over a thousand findings (NTE over its use) fill the set's list first: the limit's
		// finding is still handed out with the unit, and only counted in the set's list
		// (which keeps its first DefaultErrorLimit findings once they are handed out).
		{"after a full list of findings", 1500, notes(2000), 1500, 6 + 1500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := cat(head, []string{"CLM*A1*10", "NTE*ADD*SMALL"}, []string{"CLM*A2*20"}, tc.big,
				[]string{"CLM*A3*30", "LX*1", "SV1*HC:99213*30"}, []string{"HL*2*1*20*0", "NM1*85*2*OTHER", "CLM*A4*40"})
			log, _ := readWithLimits(t, testSet(body...), tc.max, 0, false)
			require.Len(t, log.units, 4, "every claim is handed out")
			require.Len(t, log.sets, 1, "the set ends")
			set := log.sets[0]
			assert.Equal(t, len(body)+2, set.Segments, "every segment is counted")
			assert.Equal(t, set.Segments+4, log.traced, "and traced, the dropped ones too")
			assert.Empty(t, limitFindings(set.Findings.All(), ErrSetTooLarge))
			last := set.Root.Items[len(set.Root.Items)-1]
			require.NotNil(t, last.Segment, "SE is placed")
			assert.Equal(t, "SE", last.Segment.ID())

			assert.Len(t, log.units[0].segs, 2)
			assert.Len(t, log.units[1].segs, tc.keep, "the big claim keeps what it held up to the limit")
			assert.Equal(t, "2300:CLM*A2*20", log.units[1].segs[0])
			assert.Equal(t, []string{"2300:CLM*A3*30", "2400:LX*1", "2400:SV1*HC:99213*30"}, log.units[2].segs, "the next claim comes whole")
			assert.Equal(t, []string{"2300:CLM*A4*40"}, log.units[3].segs)

			all := limitFindings(set.Findings.All(), ErrUnitTooLarge)
			withUnit := limitFindings(log.units[1].findings, ErrUnitTooLarge)
			if tc.dropped == 0 {
				assert.Empty(t, all)
				return
			}
			require.Len(t, withUnit, 1, "handed out with the unit, once")
			f := withUnit[0]
			if set.Findings.Omitted == 0 {
				require.Len(t, all, 1, "reported once")
				assert.Same(t, all[0], f)
			} else {
				assert.Empty(t, all, "past the set's list: counted in Omitted")
			}
			assert.Equal(t, tc.dropped, f.Pos.SetSegment, "at the first segment dropped")
			assert.Equal(t, LevelSet, f.Level)
			assert.Equal(t, "5", f.Code)
			for _, u := range []int{0, 2, 3} {
				assert.Empty(t, limitFindings(log.units[u].findings, ErrUnitTooLarge))
			}
		})
	}
}

// TestMaxUnitSegmentsEachUnit: every unit over the limit is reported, with itself.
func TestMaxUnitSegmentsEachUnit(t *testing.T) {
	var body []string
	body = append(body, "HL*1**20*0")
	for c := range 3 {
		body = append(body, fmt.Sprintf("CLM*A%d*10", c))
		body = append(body, repeat(30, func(i int) string { return fmt.Sprintf("NTE*ADD*N%d", i) })...)
	}
	log, _ := readWithLimits(t, testSets(body, body), 10, 0, false)
	require.Len(t, log.units, 6)
	for i, u := range log.units {
		assert.Len(t, u.segs, 10)
		assert.Len(t, limitFindings(u.findings, ErrUnitTooLarge), 1, "unit %d", i)
	}
}

// hlChain is n HL levels, each the child of the one before, from id first with parent
// parent, each with a name and a claim.
func hlChain(first, parent, n int) []string {
	var out []string
	for i := range n {
		id := first + i
		p := ""
		if i > 0 || parent > 0 {
			p = fmt.Sprint(id - 1)
			if i == 0 {
				p = fmt.Sprint(parent)
			}
		}
		out = append(out, fmt.Sprintf("HL*%d*%s*X*1", id, p), fmt.Sprintf("NM1*85*2*LEVEL%d", id), fmt.Sprintf("CLM*C%d*1", id))
	}
	return out
}

// TestMaxDepth: HL levels nested past the limit are dropped with what belongs to them and
// reported once per set; reading goes on at the next HL within the limit, or at SE.
func TestMaxDepth(t *testing.T) {
	for _, tc := range []struct {
		name      string
		body      []string
		max       int
		claims    []string // the CLMs handed out, in order
		dropped   int      // set segment number of the first HL dropped; 0 when none
		wholeTree bool
	}{
		{"within the limit", hlChain(1, 0, 5), 5, []string{"C1", "C2", "C3", "C4", "C5"}, 0, false},
		{"chain to SE", hlChain(1, 0, 9), 5, []string{"C1", "C2", "C3", "C4", "C5"}, 2 + 5*3, false},
		{"back within the limit", cat(hlChain(1, 0, 8), hlChain(20, 2, 2)), 5,
			[]string{"C1", "C2", "C3", "C4", "C5", "C20", "C21"}, 2 + 5*3, false},
		{"a new top level", cat(hlChain(1, 0, 8), hlChain(20, 0, 1)), 5,
			[]string{"C1", "C2", "C3", "C4", "C5", "C20"}, 2 + 5*3, false},
		{"twice in a set, reported once", cat(hlChain(1, 0, 7), hlChain(20, 3, 5)), 4,
			[]string{"C1", "C2", "C3", "C4", "C20"}, 2 + 4*3, false},
		{"the default", hlChain(1, 0, 10), 0, []string{"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"}, 0, false},
		{"whole tree", hlChain(1, 0, 9), 3, nil, 2 + 3*3, true},
		{"limit of one", cat(hlChain(1, 0, 3), hlChain(10, 0, 2)), 1, []string{"C1", "C10"}, 2 + 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log, _ := readWithLimits(t, testSet(tc.body...), 0, tc.max, tc.wholeTree)
			require.Len(t, log.sets, 1, "the set ends")
			set := log.sets[0]
			var claims []string
			for _, u := range log.units {
				claims = append(claims, strings.Split(u.segs[0], "*")[1])
			}
			assert.Equal(t, tc.claims, claims)
			deep := limitFindings(set.Findings.All(), ErrTooDeep)
			last := set.Root.Items[len(set.Root.Items)-1]
			require.NotNil(t, last.Segment, "SE is placed")
			assert.Equal(t, "SE", last.Segment.ID())
			if tc.dropped == 0 {
				assert.Empty(t, deep)
				assert.Empty(t, set.Findings.All())
				return
			}
			require.Len(t, deep, 1, "reported once per set")
			assert.Equal(t, tc.dropped, deep[0].Pos.SetSegment, "at the first HL dropped")
			assert.Equal(t, "HL", deep[0].Pos.ID)
			assert.Equal(t, LevelSet, deep[0].Level)
			assert.Equal(t, "5", deep[0].Code)
			// Nothing of the dropped levels is anywhere in the tree.
			depth := 0
			for n := set.Root; ; depth++ {
				var next *Node
				for _, it := range n.Items {
					if it.Node != nil && strings.HasPrefix(it.Node.Loop.ID, "L") {
						next = it.Node
					}
				}
				if next == nil {
					break
				}
				n = next
			}
			if tc.wholeTree {
				assert.Equal(t, tc.max, depth)
			}
			assert.LessOrEqual(t, depth, tc.max)
		})
	}
}

// TestMaxDepthEachSet: the depth finding is reported once in each set that goes too deep.
func TestMaxDepthEachSet(t *testing.T) {
	log, _ := readWithLimits(t, testSets(hlChain(1, 0, 4), hlChain(1, 0, 2), hlChain(1, 0, 6)), 0, 3, false)
	require.Len(t, log.sets, 3)
	for i, want := range []int{1, 0, 1} {
		assert.Len(t, limitFindings(log.sets[i].Findings.All(), ErrTooDeep), want, "set %d", i)
	}
}

// TestLoopsAboveUnitsWithoutUnits: loops that can hold units but hold none stay in the tree
// with their segments, share one arena between them (each does not keep one of its own), and
// their segments count against MaxSetSegments.
func TestLoopsAboveUnitsWithoutUnits(t *testing.T) {
	var body []string
	body = append(body, "HL*1**X*1", "NM1*85*2*TOP")
	for i := range 2000 {
		body = append(body, fmt.Sprintf("HL*%d*1*X*0", i+2), fmt.Sprintf("NM1*85*2*E%d", i))
	}
	body = append(body, "CLM*LATE*1") // a claim of the last level
	log, sr := readWithLimits(t, testSet(body...), 0, 0, false)
	require.Len(t, log.sets, 1)
	require.Len(t, log.units, 1)
	assert.Empty(t, log.sets[0].Findings.All())
	assert.LessOrEqual(t, len(sr.pool), 4, "the levels' arenas are reused")
	// The levels without claims are in the tree, whole; the one that held the claim, and the
	// top level above it, were let go with it.
	var kept []string
	for _, it := range log.sets[0].Root.Items {
		if it.Node != nil {
			kept = append(kept, segmentTexts(it.Node)...)
		}
	}
	assert.Empty(t, kept)

	// Without the claim, the whole hierarchy is kept, in memory of the order of its segments.
	in := testSet(body[:len(body)-1]...)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	log, sr = readWithLimits(t, in, 0, 0, false)
	runtime.ReadMemStats(&after)
	require.Len(t, log.sets, 1)
	assert.LessOrEqual(t, len(sr.pool), 4)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "bytes allocated to read %d bytes", len(in))
	kept = segmentTexts(log.sets[0].Root)
	require.Len(t, kept, 2+2*2000+2)
	assert.Equal(t, "L2:NM1*85*2*E1999", kept[len(kept)-2])
	top := log.sets[0].Root.Loops("L1")
	require.Len(t, top, 1)
	assert.Same(t, log.sets[0].Root, top[0].Parent)
	levels := top[0].Loops("L2")
	require.Len(t, levels, 2000)
	for _, n := range levels {
		assert.Same(t, top[0], n.Parent)
	}

	// Held, they count against MaxSetSegments.
	reg := &Registry{}
	reg.Register(deepGuide(10))
	sr = NewSetReader(strings.NewReader(testSet(body[:len(body)-1]...)))
	sr.Guides, sr.StructureOnly, sr.Units, sr.MaxSetSegments = reg, true, []string{"2300"}, 500
	set, err := sr.Next()
	require.NoError(t, err)
	assert.Len(t, limitFindings(set.Findings.All(), ErrSetTooLarge), 1)
}
