// Package guidetest holds the helpers the transaction packages' guide tests share: reading
// every set of an input, editing a set's body segment by segment, damaged copies of a valid
// file and how a decoder signals them (damage.go), and hostile inputs made on the fly with
// the checks that a decoder stays bounded on them (hostile.go).
package guidetest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/x12"
)

// ReadSets reads every transaction set of in through the registered guides, checking external
// code lists against cs (nil: not checked). Any read error fails the test.
func ReadSets(t testing.TB, in io.Reader, cs x12.CodeSource) []*x12.Set {
	t.Helper()
	sr := x12.NewSetReader(in)
	sr.Codes = cs
	return Drain(t, sr)
}

// Drain reads every remaining transaction set of sr.
func Drain(t testing.TB, sr *x12.SetReader) []*x12.Set {
	t.Helper()
	var sets []*x12.Set
	for {
		s, err := sr.Next()
		if err == io.EOF {
			return sets
		}
		require.NoError(t, err)
		sets = append(sets, s)
	}
}

// Edit returns a copy of body with segment i replaced by segs (none: removed).
func Edit(body []string, i int, segs ...string) []string {
	out := append([]string(nil), body[:i]...)
	out = append(out, segs...)
	return append(out, body[i+1:]...)
}

// InsertAt returns a copy of body with segs inserted before segment i.
func InsertAt(body []string, i int, segs ...string) []string {
	out := append([]string(nil), body[:i]...)
	out = append(out, segs...)
	return append(out, body[i:]...)
}

// Placed lists where each segment of a set landed, as "loop:segment".
func Placed(set *x12.Set) []string {
	var out []string
	set.Root.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, n *x12.Node) bool {
		out = append(out, n.Loop.ID+":"+s.ID())
		return true
	})
	return out
}

// PlacedNamed is Placed with the name of the guide's use of each segment ("?" when none):
// "loop:segment name".
func PlacedNamed(set *x12.Set) []string {
	var out []string
	set.Root.Segments(func(s *x12.Segment, spec *x12.SegmentSpec, n *x12.Node) bool {
		name := "?"
		if spec != nil {
			name = spec.Name
		}
		out = append(out, n.Loop.ID+":"+s.ID()+" "+name)
		return true
	})
	return out
}

// SetSegments returns the segments of each transaction set in data (ST to SE excluded,
// since control numbers and counts are the envelope writer's), re-delimited to * : ^.
func SetSegments(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := x12.NewReader(bytes.NewReader(data))
	var out [][]string
	var cur []string
	in := false
	for {
		s, err := r.Next()
		if err != nil {
			break
		}
		switch s.ID() {
		case "ST":
			in, cur = true, nil
			continue
		case "SE":
			in = false
			out = append(out, cur)
			continue
		}
		if in {
			var b bytes.Buffer
			w := x12.NewWriter(&b)
			require.NoError(t, w.WriteSegment(s))
			require.NoError(t, w.Flush())
			cur = append(cur, CanonicalDecimals(strings.TrimSuffix(b.String(), "~")))
		}
	}
	return out
}

// SameSets reports whether two SetSegments results are equal.
func SameSets(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "~") != strings.Join(b[i], "~") {
			return false
		}
	}
	return true
}

// FirstDiff names the first segment position where two decodings part (IDs only: no data).
func FirstDiff(a, b [][]string) string {
	if i, k, x, y, ok := firstDiff(a, b); ok {
		return "set " + strconv.Itoa(i) + " segment " + strconv.Itoa(k+2) + ": " + segID(x) + " vs " + segID(y)
	}
	return "set count"
}

// firstDiff finds the first set i and segment k where a and b differ, with both segments.
func firstDiff(a, b [][]string) (i, k int, x, y string, ok bool) {
	for i := range min(len(a), len(b)) {
		for k := range max(len(a[i]), len(b[i])) {
			var x, y string
			if k < len(a[i]) {
				x = a[i][k]
			}
			if k < len(b[i]) {
				y = b[i][k]
			}
			if x != y {
				return i, k, x, y, true
			}
		}
	}
	return 0, 0, "", "", false
}

func segID(s string) string {
	id, _, _ := strings.Cut(s, "*")
	return id
}

var decimal = regexp.MustCompile(`(^|[*:])(-?[0-9]+\.[0-9]*?)0+([*:]|$)`)

// CanonicalDecimals writes decimals as X12 prefers them (75.00 → 75, 461.10 → 461.1): the
// typed model keeps amounts as values, not as the digits a sender happened to write.
func CanonicalDecimals(seg string) string {
	for {
		next := decimal.ReplaceAllStringFunc(seg, func(m string) string {
			sub := decimal.FindStringSubmatch(m)
			v := strings.TrimSuffix(sub[2], ".")
			return sub[1] + v + sub[3]
		})
		if next == seg {
			return seg
		}
		seg = next
	}
}

// FirstDiffText shows the first differing segments themselves: for public corpus data only,
// when investigating (X12KIT_DEBUG).
func FirstDiffText(a, b [][]string) string {
	if _, _, x, y, ok := firstDiff(a, b); ok {
		return "want " + x + " got " + y
	}
	return "set count"
}

// CountingReader counts the bytes read through it (for benchmarks that stream inputs made on
// the fly).
type CountingReader struct {
	R io.Reader
	N int64
}

// Read reads from R, counting.
func (c *CountingReader) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.N += int64(n)
	return n, err
}

// HeapSampler records the peak live heap, measured after a GC every Every calls of Sample.
type HeapSampler struct {
	Every int
	Peak  uint64
	calls int
}

// Sample counts a call and measures the live heap every Every calls.
func (h *HeapSampler) Sample() {
	h.calls++
	if h.Every > 0 && h.calls%h.Every == 0 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		h.Peak = max(h.Peak, ms.HeapAlloc)
	}
}

// ReadModes are the two ways the benchmarks read a guide's transactions: every element
// checked, or the structure only (x12.SetReader.StructureOnly).
var ReadModes = []struct {
	Name          string
	StructureOnly bool
}{{"validated", false}, {"structure-only", true}}

// CorpusFiles lists the files of the reference corpus's directory kind ("835"…) under the
// directory X12KIT_CORPUS names, skipping the test when that variable is not set.
func CorpusFiles(t *testing.T, kind string) []string {
	dir := os.Getenv("X12KIT_CORPUS")
	if dir == "" {
		t.Skip("X12KIT_CORPUS is not set: skipping the reference-corpus tests")
	}
	files, err := filepath.Glob(filepath.Join(dir, kind, "*"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}
