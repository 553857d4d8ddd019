package x12

import "unsafe"

// arena hands out the memory of one transaction set's tree in chunks, so that keeping every
// segment of a set costs a few allocations per thousand segments instead of several per
// segment. Chunks are never grown in place, so pointers into them stay valid; the whole
// arena is released with the tree.
//
// An arena's first chunks are small and each next one twice the last, up to a ceiling: a loop
// above units (a subscriber) holds a few segments in an arena of its own, while a large unit
// or set soon takes full chunks.
type arena struct {
	bytes []byte
	seps  []int32
	segs  []Segment
	nodes []Node
	items []Item
}

const (
	arenaBytes = 64 << 10 // largest chunk of bytes (and of seps, in bytes)
	arenaSlots = 512      // largest chunk of segments or nodes; of items, four times that
	arenaFirst = 8        // first chunk of segments or nodes; of items, four times that
)

// chunk is the size of the chunk after one of capacity last, at least need: twice the last,
// from first up to ceiling.
func chunk(last, need, first, ceiling int) int {
	return max(min(max(2*last, first), ceiling), need)
}

// clone copies s into the arena.
func (a *arena) clone(s *Segment) *Segment {
	if n := len(s.raw); cap(a.bytes)-len(a.bytes) < n {
		a.bytes = make([]byte, 0, chunk(cap(a.bytes), n, arenaFirst*64, arenaBytes))
	}
	start := len(a.bytes)
	a.bytes = append(a.bytes, s.raw...)
	return a.cloneSeps(s, a.bytes[start:len(a.bytes):len(a.bytes)])
}

// cloneSeps copies s into the arena with raw as its bytes (already copied).
func (a *arena) cloneSeps(s *Segment, raw []byte) *Segment {
	if len(a.segs) == cap(a.segs) {
		a.segs = make([]Segment, 0, chunk(cap(a.segs), 1, arenaFirst, arenaSlots))
	}
	// Field by field rather than *c = *s: a whole-struct copy into the heap takes the bulk
	// write barrier while the collector runs, which cost more than the copy.
	a.segs = a.segs[:len(a.segs)+1]
	c := &a.segs[len(a.segs)-1]
	c.id, c.raw, c.delims, c.binary, c.text = s.id, raw, s.delims, s.binary, s.text
	setPos(&c.Pos, &s.Pos)
	if n := len(s.seps); cap(a.seps)-len(a.seps) < n {
		a.seps = make([]int32, 0, chunk(cap(a.seps), n, arenaFirst*16, arenaBytes/4))
	}
	start := len(a.seps)
	a.seps = append(a.seps, s.seps...)
	c.seps = a.seps[start:len(a.seps):len(a.seps)]
	return c
}

// setPos sets *dst to *src field by field: a Position holds strings, and a whole-struct copy
// into the heap takes the bulk write barrier while the collector runs.
func setPos(dst, src *Position) {
	dst.Offset, dst.Interchange, dst.Segment, dst.SetSegment = src.Offset, src.Interchange, src.Segment, src.SetSegment
	dst.ID, dst.Loop = src.ID, src.Loop
	dst.Element, dst.Component, dst.Repetition = src.Element, src.Component, src.Repetition
}

// textChunk is the size of the chunks segments' bytes are copied into by cloneText: a few
// dozen units share one, so a caller holding one unit's values keeps at most one chunk.
const textChunk = 4 << 10

// cloneText is clone for a segment whose values are handed out as text (SetReader.UnitText):
// its bytes go to *text, memory that is never reused, and the segment's text is a string
// over them, so they are copied once and Value cuts them without allocating.
func (a *arena) cloneText(s *Segment, text *[]byte) *Segment {
	n := len(s.raw)
	if cap(*text)-len(*text) < n {
		*text = make([]byte, 0, max(textChunk, n))
	}
	start := len(*text)
	*text = append(*text, s.raw...)
	raw := (*text)[start : start+n : start+n]
	c := a.cloneSeps(s, raw)
	if n > 0 && !s.binary {
		c.text = unsafe.String(&raw[0], n)
	}
	return c
}

// node returns a new Node for loop l, its Items pre-sized from the arena to items (none for 0).
func (a *arena) node(l *Loop, parent *Node, items int) *Node {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]Node, 0, chunk(cap(a.nodes), 1, arenaFirst, arenaSlots))
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	n := &a.nodes[len(a.nodes)-1]
	n.Loop, n.Parent, n.Items, n.serial = l, parent, nil, 0 // field by field: see cloneSeps
	if items > 0 {
		n.Items = a.itemSlice(items)
	}
	return n
}

// itemSlice returns an empty slice of capacity size from the arena.
func (a *arena) itemSlice(size int) []Item {
	if cap(a.items)-len(a.items) < size {
		a.items = make([]Item, 0, chunk(cap(a.items), size, arenaFirst*4, arenaSlots*4))
	}
	start := len(a.items)
	a.items = a.items[:start+size]
	return a.items[start : start : start+size]
}

// moveTree copies the loop instance n into the arena, with its segments and nested loops but
// those of loops in keep, which it only re-parents (they were moved already), and clears n's
// items so that its old memory can be reused.
func (a *arena) moveTree(n, parent *Node, keep map[*Loop]bool) *Node {
	c := a.node(n.Loop, parent, 0)
	c.serial = n.serial
	c.Items = a.itemSlice(len(n.Items))
	for i, it := range n.Items {
		switch {
		case it.Node != nil && keep[it.Node.Loop]:
			it.Node.Parent = c
		case it.Node != nil:
			it.Node = a.moveTree(it.Node, c, keep)
		case it.Segment != nil:
			it.Segment = a.clone(it.Segment)
		}
		c.Items = append(c.Items, it)
		n.Items[i] = Item{}
	}
	n.Items, n.Parent = nil, nil
	return c
}

// reset makes the arena hand out its current chunks again from the start; whatever it held
// before must no longer be in use.
func (a *arena) reset() {
	a.bytes, a.seps, a.segs, a.nodes, a.items = a.bytes[:0], a.seps[:0], a.segs[:0], a.nodes[:0], a.items[:0]
}
