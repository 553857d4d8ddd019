package x12_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// TestLoopKey: Key gives, for every segment use of every guide and for qualifiers the use does
// not take, what ChildIndex gives for the segment made of the same elements.
func TestLoopKey(t *testing.T) {
	guides := []*x12.Transaction{claim837.Guide, remit835.Guide, eligibility.Guide270, eligibility.Guide271, x12.Guide999}
	n := 0
	for _, g := range guides {
		g.Root.Walk(func(l, _ *x12.Loop) {
			var specs []*x12.SegmentSpec
			for _, c := range l.Children {
				if c.Segment != nil {
					specs = append(specs, c.Segment)
				} else if t := c.Loop.Trigger(); t != nil {
					specs = append(specs, t)
				}
			}
			for _, sp := range specs {
				for _, elements := range keyCases(sp) {
					want := l.ChildIndex(x12.NewSegment(x12.DefaultDelimiters, sp.ID, elements...))
					assert.Equal(t, want, l.Key(sp.ID, elements...), "%s loop %s: %s %q", g.ID, l.ID, sp.ID, elements)
					n++
				}
			}
		})
	}
	t.Logf("%d keys compared", n)
}

// keyCases are element lists for a segment use: each of its qualifiers' values in turn
// (alone, as a component where the qualifier is one, after other repetitions), a value no
// qualifier takes, and none.
func keyCases(sp *x12.SegmentSpec) [][]string {
	cases := [][]string{nil, {"ZZZ"}}
	for _, q := range sp.Qualifiers {
		for _, v := range append(q.Values, "??", "") {
			e := make([]string, q.Element)
			for i := range e {
				e[i] = fmt.Sprint("X", i)
			}
			val := v
			if q.Component > 0 {
				parts := make([]string, q.Component)
				parts[q.Component-1] = v
				val = fmt.Sprint(parts[0])
				for _, p := range parts[1:] {
					val += ":" + p
				}
				cases = append(cases, append(append([]string(nil), e[:q.Element-1]...), val+"^"+val))
			}
			e[q.Element-1] = val
			cases = append(cases, e)
		}
	}
	return cases
}
