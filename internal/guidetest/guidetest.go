// Package guidetest holds the helpers the transaction packages' guide tests share: reading
// every set of an input, and editing a set's body segment by segment.
package guidetest

import (
	"io"
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
