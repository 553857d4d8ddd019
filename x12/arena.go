package x12

// arena hands out the memory of one transaction set's tree in chunks, so that keeping every
// segment of a set costs a few allocations per thousand segments instead of several per
// segment. Chunks are never grown in place, so pointers into them stay valid; the whole
// arena is released with the tree.
type arena struct {
	bytes []byte
	seps  []int32
	segs  []Segment
	nodes []Node
	items []Item
}

const (
	arenaBytes = 64 << 10
	arenaSlots = 512
)

// clone copies s into the arena.
func (a *arena) clone(s *Segment) *Segment {
	if len(a.segs) == cap(a.segs) {
		a.segs = make([]Segment, 0, arenaSlots)
	}
	a.segs = append(a.segs, *s)
	c := &a.segs[len(a.segs)-1]
	if n := len(s.raw); cap(a.bytes)-len(a.bytes) < n {
		a.bytes = make([]byte, 0, max(arenaBytes, n))
	}
	start := len(a.bytes)
	a.bytes = append(a.bytes, s.raw...)
	c.raw = a.bytes[start:len(a.bytes):len(a.bytes)]
	if n := len(s.seps); cap(a.seps)-len(a.seps) < n {
		a.seps = make([]int32, 0, max(arenaBytes/4, n))
	}
	start = len(a.seps)
	a.seps = append(a.seps, s.seps...)
	c.seps = a.seps[start:len(a.seps):len(a.seps)]
	return c
}

// node returns a new Node for loop l, its Items pre-sized from the arena when it will hold
// items.
func (a *arena) node(l *Loop, parent *Node, withItems bool) *Node {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]Node, 0, arenaSlots)
	}
	a.nodes = append(a.nodes, Node{Loop: l, Parent: parent})
	n := &a.nodes[len(a.nodes)-1]
	if !withItems {
		return n
	}
	size := min(len(l.Children)+2, 16)
	if cap(a.items)-len(a.items) < size {
		a.items = make([]Item, 0, arenaSlots*4)
	}
	start := len(a.items)
	a.items = a.items[:start+size]
	n.Items = a.items[start : start : start+size]
	return n
}

// reset makes the arena hand out its current chunks again from the start; whatever it held
// before must no longer be in use.
func (a *arena) reset() {
	a.bytes, a.seps, a.segs, a.nodes, a.items = a.bytes[:0], a.seps[:0], a.segs[:0], a.nodes[:0], a.items[:0]
}
