package x12

import (
	"slices"
	"sort"
	"strings"
)

// ExtraQueue helps a typed encoder write back the segments its model has no field for
// (kept as RawSegments with the loop they sat in) at the place the guide gives them among
// the typed segments. Positions ("keys") are indexes in a loop's Children: the encoder
// writes its typed segments in guide order and calls Flush with each one's key first.
type ExtraQueue struct {
	segs []*Segment
	keys []int
	bad  error // an extra that does not parse: the writer fails with it at the first Flush
}

// NewExtraQueue sorts the extras that sat in loop itself or in the named loops nested in it
// by where the guide puts them in loop (a nested loop's extras go at the nested loop's
// place), never putting one before an extra read earlier. A segment the guide has no place
// for goes at the end: nothing is dropped. An extra whose text does not parse makes the
// writer fail (ErrRawSegment) at the first Flush rather than be left out. Extras of other
// loops are left for another queue.
func NewExtraQueue(extra []RawSegment, loop *Loop, loops ...string) ExtraQueue {
	var q ExtraQueue
	if len(extra) == 0 {
		return q
	}
	type item struct {
		key int
		seg *Segment
	}
	var items []item
	for _, r := range extra {
		if r.Loop != loop.ID && !hasString(loops, r.Loop) {
			continue // written at another level
		}
		s, err := r.Segment()
		if err != nil {
			if q.bad == nil {
				q.bad = err
			}
			continue
		}
		key := -1
		if r.Loop == loop.ID {
			key = loop.ChildIndex(s)
			if key < 0 {
				key = loop.idIndex(s.ID()) // a use the guide does not know (bad qualifier): by its ID
			}
		} else {
			key = loop.LoopIndex(r.Loop)
		}
		if key < 0 {
			key = len(loop.Children)
		}
		// Extras keep their reading order among themselves: one read after another never
		// goes before it (which also keeps a segment with no place where it came).
		if n := len(items); n > 0 && items[n-1].key > key {
			key = items[n-1].key
		}
		items = append(items, item{key, s})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].key < items[j].key })
	for _, it := range items {
		q.segs = append(q.segs, it.seg)
		q.keys = append(q.keys, it.key)
	}
	return q
}

// idIndex is the position of l's first segment use with this ID, or -1.
func (l *Loop) idIndex(id string) int {
	for i, c := range l.Children {
		if c.Segment != nil && c.Segment.ID == id {
			return i
		}
	}
	return -1
}

// FlushAll writes every extra still queued (at the end of the loop instance), those the guide
// has no place for included.
func (q *ExtraQueue) FlushAll(e *EnvelopeWriter) {
	q.fail(e)
	for _, s := range q.segs {
		e.WriteSegment(s)
	}
	q.segs, q.keys = nil, nil
}

// fail makes e fail with the error of an extra that did not parse, once.
func (q *ExtraQueue) fail(e *EnvelopeWriter) {
	if q.bad != nil {
		e.fail(q.bad)
		q.bad = nil
	}
}

// Flush writes the queued extras whose guide position comes before key.
func (q *ExtraQueue) Flush(e *EnvelopeWriter, key int) {
	q.fail(e)
	for len(q.segs) > 0 && q.keys[0] < key {
		e.WriteSegment(q.segs[0])
		q.segs, q.keys = q.segs[1:], q.keys[1:]
	}
}

// Key is the position in l of the segment use that a segment with this ID and these leading
// elements would take, or -1 when the guide has none.
// It is ChildIndex of NewSegment(DefaultDelimiters, id, elements...), without making the
// segment: encoders ask for keys for most segments they write.
func (l *Loop) Key(id string, elements ...string) int {
	match := func(sp *SegmentSpec) bool {
		if sp.ID != id {
			return false
		}
		for _, q := range sp.Qualifiers {
			if !slices.Contains(q.Values, keyValue(elements, q.Element, q.Component)) {
				return false
			}
		}
		return true
	}
	for i, c := range l.Children {
		if c.Segment != nil && match(c.Segment) {
			return i
		}
	}
	for i, c := range l.Children {
		if c.Loop != nil {
			if t := c.Loop.Trigger(); t != nil && match(t) {
				return i
			}
		}
	}
	return -1
}

// keyValue is what Segment.Element(n), or Component(n, c) when c > 0, gives for a segment
// made of these elements with the default delimiters.
func keyValue(elements []string, n, c int) string {
	if n < 1 || n > len(elements) {
		return ""
	}
	v := elements[n-1]
	if c == 0 {
		return v
	}
	v, _, _ = strings.Cut(v, string(DefaultDelimiters.Repetition))
	for ; c > 1; c-- {
		var ok bool
		if _, v, ok = strings.Cut(v, string(DefaultDelimiters.Component)); !ok {
			return ""
		}
	}
	v, _, _ = strings.Cut(v, string(DefaultDelimiters.Component))
	return v
}
