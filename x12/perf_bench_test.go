package x12

import (
	"bytes"
	"testing"
)

// BenchmarkElementChecks compares the general element checks (check) with the fast path
// (fastCheck) on the placed segments of a generated 835, in one process.
func BenchmarkElementChecks(b *testing.B) {
	type placed struct {
		s    *Segment
		spec *SegmentSpec
		loop string
	}
	var all []placed
	sr := NewSetReader(bytes.NewReader([]byte(generate835(2000))))
	sr.Trace = func(s *Segment, in *Node, spec *SegmentSpec) {
		if in != nil && spec != nil {
			all = append(all, placed{s.Clone(), spec, in.Loop.ID})
		}
	}
	for {
		if _, err := sr.Next(); err != nil {
			break
		}
	}
	size := 0
	for _, p := range all {
		size += len(p.s.raw)
	}
	var n int
	count := func(*Error) { n++ }
	b.Run("general", func(b *testing.B) {
		c := &elementChecker{report: count}
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, p := range all {
				c.check(p.s, p.spec, p.loop)
			}
		}
	})
	for _, plain := range []bool{true, false} {
		name := "fast"
		if !plain {
			name = "fast-bytewise"
		}
		b.Run(name, func(b *testing.B) {
			if !plain {
				defer func(was bool) { printableOnly = was }(printableOnly)
				printableOnly = false
			}
			c := &elementChecker{report: count}
			compiled := make([]*ckSeg, len(all))
			for i, p := range all {
				compiled[i] = c.compiled(p.spec, -1, 0)
			}
			b.SetBytes(int64(size))
			for b.Loop() {
				for i, p := range all {
					c.fastCheck(p.s, compiled[i], p.loop)
				}
			}
		})
	}
}
