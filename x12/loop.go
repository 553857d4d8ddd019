package x12

import (
	"math"
	"slices"
)

// The loop builder: it places each segment of a transaction set in the guide's loop tree,
// choosing among sibling loops and segment uses by qualifier values and following the HL
// hierarchy by HL02 (parent) and HL03 (level code). It never stops at a bad segment: it
// records a finding and goes on, so one pass reports every problem.

// Node is one instance of a loop in a transaction set: its segments and nested loops in the
// order they came.
type Node struct {
	Loop   *Loop
	Parent *Node
	Items  []Item
	serial uint64
}

// Serial identifies this loop instance among all those a SetReader builds. With Units, the
// memory of a loop instance let go may be reused for a later one; its serial is never reused,
// so a caller that caches what it read from a node keys the cache by serial.
func (n *Node) Serial() uint64 { return n.serial }

// Item is a segment of a Node (with the guide's use of it) or a nested loop instance.
type Item struct {
	Segment *Segment     // owned copy; nil for a nested loop
	Spec    *SegmentSpec // the guide's use of the segment; nil when the guide has no place for it
	Node    *Node        // a nested loop instance
}

// Segments calls fn for each segment of the node and its nested loops, in order, with the
// loop instance holding it; fn returns false to stop.
func (n *Node) Segments(fn func(s *Segment, spec *SegmentSpec, in *Node) bool) bool {
	for _, it := range n.Items {
		if it.Node != nil {
			if !it.Node.Segments(fn) {
				return false
			}
			continue
		}
		if !fn(it.Segment, it.Spec, n) {
			return false
		}
	}
	return true
}

// Loops returns the nested loop instances with the given loop ID, directly under n.
func (n *Node) Loops(id string) []*Node {
	var out []*Node
	for _, it := range n.Items {
		if it.Node != nil && it.Node.Loop.ID == id {
			out = append(out, it.Node)
		}
	}
	return out
}

// Find returns n's first own segment that is the given use of a segment, or nil.
func (n *Node) Find(spec *SegmentSpec) *Segment {
	for _, it := range n.Items {
		if it.Spec == spec {
			return it.Segment
		}
	}
	return nil
}

// add appends an item to the node when the builder keeps the tree, copying its segment
// (a view into the reader's buffer) into the builder's memory.
func (n *Node) add(b *builder, it Item) {
	if b.keep {
		if it.Segment != nil {
			mem := b.mem
			if top := b.stack[len(b.stack)-1].node; n != top && n != b.opening {
				mem = b.outer(n)
			}
			if b.unitText {
				it.Segment = mem.cloneText(it.Segment, &b.text)
			} else {
				it.Segment = mem.clone(it.Segment)
			}
			b.held++
		}
		n.Items = append(n.Items, it)
	}
}

// outer returns where a segment placed in the open loop instance n, outside the innermost
// one (out of order), goes: the open loops' memory may be let go before n's, so it goes
// where nothing is ever reused. The open loops inside n do not count it as theirs.
func (b *builder) outer(n *Node) *arena {
	for d := len(b.stack) - 1; d > 0 && b.stack[d].node != n; d-- {
		b.stack[d].out++
		if d == b.unitDepth {
			b.unitCap++
		}
	}
	return &b.head
}

// maxHint is the most items a loop instance's Items are pre-sized to; one holding more grows
// them on the heap.
const maxHint = 16

// frame is an open loop instance during building.
type frame struct {
	ix      *loopIndex // the guide's index of the loop (Transaction.index)
	node    *Node
	pos     int    // index in node.Loop.Children of the last child matched; -1 before the trigger
	uses    []int  // per child: segment uses or loop instances so far
	units   int    // units closed before this loop instance opened
	held    int    // segments held when it opened
	out     int    // segments placed since in loops outside it (out of order)
	hls     int32  // HL loops open from the root down to this one, itself included
	peak    int32  // the most items its instance held before nested units were taken out
	restore *arena // the builder's memory before it opened
	own     *arena // memory of its own (a loop above units), returned to the pool when let go
	hl      hlKey  // HL01 for a loop started by an HL (empty otherwise)
}

// hlKey holds an HL01 for placeHL to find a parent by: one of up to seven bytes packed
// (packCode), without allocating, a longer one as a string.
type hlKey struct {
	num  uint64 // the packed HL01; 0 for an empty or a longer one
	long string // a longer HL01
}

func makeHLKey(v []byte) hlKey {
	if len(v) == 0 {
		return hlKey{}
	}
	if k, ok := packCode(v); ok {
		return hlKey{num: k} // not 0: the length is packed too
	}
	return hlKey{long: string(v)}
}

// is reports whether the key holds v, which is not empty; packed and short are packCode(v).
func (k *hlKey) is(v []byte, packed uint64, short bool) bool {
	if short {
		return k.num == packed
	}
	return k.long != "" && k.long == string(v)
}

// builder builds one transaction set's tree and reports structural findings.
type builder struct {
	guide *Transaction
	stack []frame
	mem   *arena // where new nodes and segments go: &head, or a unit's arena
	head  arena
	keep  bool // keep the tree (segments in Items); false: validate only
	held  int  // segments kept in the tree now

	// Units: instances of these loops are handed out when they close and then dropped from
	// the tree. Each lives in one of two arenas, used in turn, so the one handed out stays
	// valid while the next is built.
	units       []string
	unitMem     [2]arena
	unitArena   int            // index in unitMem of the open (or last) unit
	unitDepth   int            // index in stack of the open unit's frame; 0 when none is open
	unitCap     int            // held when the open unit is full (MaxUnitSegments); MaxInt when none is open
	ready       *Node          // a unit closed by the segment just placed, not yet handed out
	unitsClosed int            // units closed so far in the set
	ancestors   map[*Loop]bool // loops that can hold units: each instance gets its own arena
	pool        *[]*arena      // arenas of loops let go, to reuse (shared across sets)
	deadArenas  []*arena       // arenas of loops let go since the last part, for the pool
	serial      *uint64        // the SetReader's count of loop instances
	opening     *Node          // the loop instance being opened (its trigger is placed next)
	unitText    bool           // SetReader.UnitText: segments get their text as they are placed
	text        []byte         // where their bytes go (cloneText): memory never written twice
	dead        []*Node        // loop instances let go since the last part was handed out
	at          *Node          // where the segment being placed went, when not the innermost loop
	free        []*Node
	hasHL       bool    // the guide has loops started by HL
	uses        []int   // backing store of the frames' uses, carved as a stack
	hints       []uint8 // per loop (by loopIndex.base): the most items an instance held, to size the next
	loopKind    []uint8 // per loop with children (by loopIndex.base): kindUnit, kindAncestor
	report      func(e *Error)
	last        Position // position of the segment being placed
	slot        int      // the guide-wide number (loopIndex.base + child) of the use just placed; -1 for none
	slots       int      // how many children the guide has in all: slot is below it

	// Limits (SetReader.MaxUnitSegments, MaxDepth) and what went over them.
	maxUnit   int   // segments an open unit may hold; the unit's further segments are dropped
	maxDepth  int   // HL loops that may be open at once; deeper levels are dropped
	unitNoted bool  // the open unit went over maxUnit and that was noted
	deep      bool  // dropping the segments of an HL level nested too deep
	deepNoted bool  // an HL level went over maxDepth in this set and that was noted
	limit     error // the limit the segment just placed went over first (ErrUnitTooLarge, ErrTooDeep)
}

func newBuilder(g *Transaction, keep bool, report func(*Error)) *builder {
	b := &builder{guide: g, keep: keep, report: report, maxUnit: DefaultMaxUnitSegments, maxDepth: DefaultMaxDepth,
		unitCap: math.MaxInt}
	b.mem = &b.head
	total := 0
	g.Root.Walk(func(l, _ *Loop) {
		total += len(l.Children)
		if t := l.Trigger(); t != nil && t.ID == "HL" {
			b.hasHL = true
		}
	})
	b.uses = make([]int, 0, total) // the deepest stack of frames can never need more
	b.slots = total
	b.serial, b.pool = new(uint64), new([]*arena)
	b.hints = make([]uint8, total)
	root := b.head.node(g.Root, nil, 0)
	if keep {
		root.Items = b.head.itemSlice(min(len(g.Root.Children)+2, maxHint))
	}
	b.stack = []frame{{node: root, ix: g.index()[g.Root], pos: -1, uses: b.carveUses(len(g.Root.Children))}}
	return b
}

// Kinds of loops for openLoop (builder.loopKind).
const (
	kindUnit     uint8 = 1 << iota // one of the units
	kindAncestor                   // can hold units
)

// setUnits makes the builder hand out the instances of these loops (see SetReader.Units),
// and gives each instance of a loop that can hold them its own arena, reused once let go.
func (b *builder) setUnits(units []string, pool *[]*arena, serial *uint64) {
	b.units, b.pool, b.serial = units, pool, serial
	if len(units) == 0 {
		return
	}
	b.ancestors = map[*Loop]bool{}
	var walk func(l *Loop) bool
	walk = func(l *Loop) bool {
		holds := false
		for _, c := range l.Children {
			if c.Loop != nil && (hasString(units, c.Loop.ID) || walk(c.Loop)) {
				holds = true
			}
		}
		if holds && l != b.guide.Root {
			b.ancestors[l] = true
		}
		return holds
	}
	walk(b.guide.Root)
	b.loopKind = make([]uint8, b.slots)
	for l, ix := range b.guide.index() {
		if len(l.Children) == 0 {
			continue // never opened; its base may be another loop's
		}
		if hasString(units, l.ID) {
			b.loopKind[ix.base] |= kindUnit
		}
		if b.ancestors[l] {
			b.loopKind[ix.base] |= kindAncestor
		}
	}
}

// setLimits sets the most segments an open unit may hold and how many HL levels may nest
// (see SetReader.MaxUnitSegments and MaxDepth); 0 keeps the defaults.
func (b *builder) setLimits(maxUnit, maxDepth int) {
	if maxUnit > 0 {
		b.maxUnit = maxUnit
	}
	if maxDepth > 0 {
		b.maxDepth = maxDepth
	}
}

// unitFull reports whether a segment that goes in the loop instance of frame d (or in one
// nested in it) belongs to an open unit that holds its limit of segments already: it is then
// dropped, and the first time for the unit the limit is noted.
func (b *builder) unitFull(d int) bool {
	return b.held >= b.unitCap && d >= b.unitDepth && b.noteUnitFull()
}

// noteUnitFull notes, the first time for the open unit, that it went over its limit; it
// returns true.
func (b *builder) noteUnitFull() bool {
	if !b.unitNoted {
		b.unitNoted = true
		b.limit = ErrUnitTooLarge
	}
	return true
}

// tooDeep reports whether an HL loop opened under frame d would nest deeper than maxDepth:
// the level is then dropped with what belongs to it (see placeSpec), and the first time in
// the set the limit is noted.
func (b *builder) tooDeep(d int) bool {
	if int(b.stack[d].hls) < b.maxDepth {
		return false
	}
	b.deep = true
	if !b.deepNoted {
		b.deepNoted = true
		b.limit = ErrTooDeep
	}
	return true
}

// carveUses takes n zeroed counters from the uses stack.
func (b *builder) carveUses(n int) []int {
	start := len(b.uses)
	b.uses = b.uses[:start+n]
	u := b.uses[start : start+n : start+n]
	clear(u)
	return u
}

func (b *builder) root() *Node { return b.stack[0].node }

func (b *builder) segError(s *Segment, loop string, code string, err error) {
	p := s.Pos
	p.Loop = loop
	b.report(&Error{Pos: p, Level: LevelSegment, Code: code, Err: err})
}

// place puts one (cloned) segment into the tree and returns the guide's use of it (nil when
// the guide has no place for it) and the loop instance now holding it; a nil node when the
// segment was dropped, being over a limit (b.limit then says which, the first time).
func (b *builder) place(s *Segment) (*SegmentSpec, *Node) {
	b.at, b.slot = nil, -1
	spec := b.placeSpec(s)
	if spec == segDropped {
		return nil, nil
	}
	if b.at != nil {
		return spec, b.at
	}
	return spec, b.stack[len(b.stack)-1].node
}

// segDropped marks a segment placeSpec dropped, being over a limit.
var segDropped = &SegmentSpec{ID: "dropped"}

func (b *builder) placeSpec(s *Segment) *SegmentSpec {
	setPos(&b.last, &s.Pos)
	if b.deep {
		// Inside an HL level nested too deep: its segments are dropped up to an HL that
		// comes back within the limit (placeHL decides) or the set's end.
		switch s.id {
		case "HL":
		case "SE":
			b.deep = false
		default:
			return segDropped
		}
	}
	if s.id == "HL" && b.hasHL {
		switch spec := b.placeHL(s); spec {
		case hlUnplaced:
			return nil
		case segDropped:
			return spec
		case nil:
		default:
			return spec
		}
	}
	// Forward from the current position, innermost loop first.
	key := idKey(s.id)
	bit := keyBit(key)
	for d := len(b.stack) - 1; d >= 0 && key != 0; d-- {
		f := &b.stack[d]
		if f.ix.mask&bit == 0 {
			continue // no child of this loop starts with the ID
		}
		kids := f.node.Loop.Children
		for j := max(f.pos, 0); j < len(kids); j++ {
			if f.ix.keys[j] != key || j == 0 && d > 0 {
				continue // another segment; or a loop's trigger again, which starts a new instance: the parent decides
			}
			c := kids[j]
			if c.Segment != nil && f.ix.quals[j].match(s) {
				if b.unitFull(d) {
					return segDropped
				}
				b.closeTo(d, s)
				b.useSegment(f, j, s)
				return c.Segment
			}
			if c.Loop != nil {
				// keys[j] matched: the loop's first child is its trigger segment.
				if t := c.Loop.Children[0].Segment; f.ix.quals[j].match(s) {
					if b.unitFull(d) || t.ID == "HL" && b.tooDeep(d) {
						return segDropped
					}
					b.closeTo(d, s)
					b.openLoop(d, j, s)
					return t
				}
			}
		}
	}
	// Known here but behind the current position: out of sequence.
	for d := len(b.stack) - 1; d >= 0; d-- {
		f := &b.stack[d]
		for j := 0; j < f.pos; j++ {
			if c := f.node.Loop.Children[j]; c.Segment != nil && c.Segment.matches(s) {
				if b.unitFull(d) {
					return segDropped
				}
				b.segError(s, f.node.Loop.ID, "7", ErrSegmentOutOfOrder)
				f.node.add(b, Item{Segment: s, Spec: c.Segment})
				b.at = f.node
				return c.Segment
			}
		}
	}
	// The ID is known to the guide at this level but no qualifier matched: take the first use
	// of that ID ahead and flag the qualifier, so the rest of the segment is still checked.
	top := &b.stack[len(b.stack)-1]
	for d := len(b.stack) - 1; d >= 0; d-- {
		f := &b.stack[d]
		for j := max(f.pos, 1); j < len(f.node.Loop.Children); j++ {
			c := f.node.Loop.Children[j]
			sp := c.Segment
			if c.Loop != nil {
				sp = c.Loop.Trigger()
			}
			if sp != nil && sp.ID == s.id && len(sp.Qualifiers) > 0 {
				if b.unitFull(d) {
					return segDropped
				}
				q := sp.Qualifiers[0]
				p := s.Pos
				p.Loop, p.Element, p.Component = f.node.Loop.ID, q.Element, q.Component
				b.report(&Error{Pos: p, Level: LevelElement, Code: "7", Ref: refOf(sp, q.Element), Err: ErrInvalidCode})
				f.node.add(b, Item{Segment: s})
				b.at = f.node
				return nil
			}
		}
	}
	if b.unitFull(len(b.stack) - 1) {
		return segDropped
	}
	code := "2" // unexpected segment
	if !b.guideHas(s.id) {
		code = "1"
	}
	b.segError(s, top.node.Loop.ID, code, ErrUnrecognizedSegment)
	top.node.add(b, Item{Segment: s})
	return nil
}

// placeHL places an HL by its parent (HL02) and level code (HL03).
func (b *builder) placeHL(s *Segment) *SegmentSpec {
	parent := s.Element(2)
	// The parent must be an open HL loop (or none, for a top level HL).
	d := -1
	if len(parent) == 0 {
		d = 0
	} else {
		packed, short := packCode(parent)
		for i := len(b.stack) - 1; i > 0; i-- {
			if b.stack[i].hl.is(parent, packed, short) {
				d = i
				break
			}
		}
	}
	if b.deep {
		if d < 0 || int(b.stack[d].hls) >= b.maxDepth {
			return segDropped // a level under one dropped, or as deep
		}
		b.deep = false // back within the limit
	}
	if d < 0 {
		p := s.Pos
		p.Element = 2
		p.Loop = b.stack[len(b.stack)-1].node.Loop.ID
		b.report(&Error{Pos: p, Level: LevelElement, Code: "7", Ref: 734, Err: ErrHierarchy})
		return nil // placed by the general search, as well as it can be
	}
	f := &b.stack[d]
	kids := f.node.Loop.Children
	for j := max(f.pos, 1); j < len(kids); j++ {
		c := kids[j]
		if c.Loop != nil && c.Loop.Children[0].Segment != nil && c.Loop.Children[0].Segment.matches(s) {
			if b.unitFull(d) || b.tooDeep(d) {
				return segDropped
			}
			b.closeTo(d, s)
			b.openLoop(d, j, s)
			return c.Loop.Children[0].Segment
		}
	}
	// HL03 names a level that cannot sit under this parent: keep the segment where it is,
	// unplaced, rather than guess a place by order.
	if b.unitFull(len(b.stack) - 1) {
		return segDropped
	}
	top := &b.stack[len(b.stack)-1]
	p := s.Pos
	p.Element = 3
	p.Loop = f.node.Loop.ID
	b.report(&Error{Pos: p, Level: LevelElement, Code: "7", Ref: 735, Err: ErrHierarchy})
	top.node.add(b, Item{Segment: s})
	return hlUnplaced
}

// hlUnplaced marks an HL that placeHL kept unplaced after reporting it.
var hlUnplaced = &SegmentSpec{ID: "HL"}

func refOf(spec *SegmentSpec, element int) int {
	if element >= 1 && element <= len(spec.Elements) && spec.Elements[element-1] != nil {
		return spec.Elements[element-1].Ref
	}
	return 0
}

func (b *builder) guideHas(id string) bool {
	found := false
	b.guide.Root.Walk(func(l, _ *Loop) {
		for _, c := range l.Children {
			if c.Segment != nil && c.Segment.ID == id {
				found = true
			}
		}
	})
	return found
}

// skipTo moves f forward to child j, reporting the required children passed over without
// an instance (they are then not reported again when the loop closes).
func (b *builder) skipTo(f *frame, j int, s *Segment) {
	for _, k := range f.ix.required {
		if k > f.pos && k < j && f.uses[k] == 0 {
			b.reportMissing(f, k, &s.Pos)
			f.uses[k] = -1
		}
	}
	f.pos = j
}

func (b *builder) useSegment(f *frame, j int, s *Segment) {
	sp := f.node.Loop.Children[j].Segment
	b.skipTo(f, j, s)
	f.uses[j]++
	b.slot = f.ix.base + j
	f.node.add(b, Item{Segment: s, Spec: sp})
	if sp.Usage == NotUsed {
		b.segError(s, f.node.Loop.ID, "I4", ErrSegmentNotUsed)
	} else if sp.MaxUse > 0 && f.uses[j] > sp.MaxUse {
		b.segError(s, f.node.Loop.ID, "5", ErrSegmentOverMaxUse)
	}
}

func (b *builder) openLoop(d, j int, s *Segment) {
	f := &b.stack[d]
	l := f.node.Loop.Children[j].Loop
	b.skipTo(f, j, s)
	f.uses[j]++
	var n *Node
	restore := b.mem
	var own *arena
	var kind uint8
	if b.loopKind != nil {
		kind = b.loopKind[f.ix.kids[j].base]
	}
	switch {
	case b.unitDepth == 0 && kind&kindUnit != 0:
		b.unitArena ^= 1
		b.mem = &b.unitMem[b.unitArena]
		b.mem.reset()
		b.unitDepth = len(b.stack)
		b.unitCap = b.held + b.maxUnit
		b.unitNoted = false
	case b.unitDepth == 0 && kind&kindAncestor != 0 && b.keep:
		if k := len(*b.pool); k > 0 {
			own, *b.pool = (*b.pool)[k-1], (*b.pool)[:k-1]
			own.reset()
		} else {
			own = &arena{}
		}
		b.mem = own
	}
	if k := len(b.free); !b.keep && k > 0 {
		n, b.free = b.free[k-1], b.free[:k-1]
		*n = Node{Loop: l, Parent: f.node}
	} else {
		size := 0
		if b.keep {
			size = int(b.hints[f.ix.kids[j].base])
			if size == 0 {
				size = min(len(l.Children)+2, maxHint)
			}
		}
		n = b.mem.node(l, f.node, size)
	}
	*b.serial++
	n.serial = *b.serial
	hl := s.id == "HL"
	f.node.add(b, Item{Node: n})
	if l.Usage == NotUsed {
		b.segError(s, l.ID, "I4", ErrSegmentNotUsed)
	} else if l.Repeat > 0 && f.uses[j] > l.Repeat {
		b.segError(s, l.ID, "4", ErrLoopOverRepeat)
	}
	ix, hls, held, units := f.ix.kids[j], f.hls, b.held, b.unitsClosed
	uses := b.carveUses(len(l.Children))
	uses[0] = 1
	b.slot = ix.base
	b.opening = n
	n.add(b, Item{Segment: s, Spec: l.Children[0].Segment})
	b.opening = nil
	// The new frame is filled in place, field by field: a whole-struct copy into the stack
	// takes the bulk write barrier while the collector runs.
	if len(b.stack) == cap(b.stack) {
		b.stack = slices.Grow(b.stack, 1)
	}
	b.stack = b.stack[:len(b.stack)+1]
	nf := &b.stack[len(b.stack)-1]
	nf.ix, nf.node, nf.pos, nf.uses, nf.units, nf.held, nf.out = ix, n, 0, uses, units, held, 0
	nf.hls, nf.peak, nf.restore, nf.own = hls, 0, restore, own
	if hl {
		nf.hls++
		nf.hl = makeHLKey(s.Element(1))
	} else if nf.hl != (hlKey{}) {
		nf.hl = hlKey{}
	}
}

// closeTo closes every loop instance deeper than depth d; at is the segment that caused it.
func (b *builder) closeTo(d int, at *Segment) {
	for len(b.stack)-1 > d {
		f := &b.stack[len(b.stack)-1]
		b.closeFrame(f, at.Pos)
		b.uses = b.uses[:len(b.uses)-len(f.uses)]
		if k := max(len(f.node.Items), int(f.peak)); k > int(b.hints[f.ix.base]) {
			b.hints[f.ix.base] = uint8(min(k, maxHint))
		}
		switch {
		case b.unitDepth == len(b.stack)-1:
			b.taken(f)
			b.closeUnit(f.node)
		case b.unitDepth == 0 && f.units < b.unitsClosed && len(b.stack) > 1:
			// A loop that held units (a billing provider or subscriber above claims, a header
			// number above claim payments): its units are handed out, so it is let go too,
			// and memory stays bounded by what is open.
			b.taken(f)
			detach(f.node)
			b.dead = append(b.dead, f.node)
			if f.own != nil {
				b.deadArenas = append(b.deadArenas, f.own)
			}
		case f.own != nil:
			// A loop that could hold units but held none stays in the tree: it moves to the
			// head's memory, so that its arena is reused and it costs no more than its
			// segments (which stay counted).
			b.rehome(f)
		}
		if f.restore != nil {
			b.mem = f.restore
		}
		if !b.keep {
			b.free = append(b.free, f.node) // nothing refers to it: reuse it
		}
		b.stack = b.stack[:len(b.stack)-1]
	}
}

// taken accounts for the loop instance of f (the innermost) being taken out of the tree: its
// segments are no longer held, and its parent's items are counted before it leaves them.
func (b *builder) taken(f *frame) {
	b.held -= b.held - f.held - f.out // the segments f's instance holds
	if pf := &b.stack[len(b.stack)-2]; b.keep {
		pf.peak = max(pf.peak, int32(len(pf.node.Items)))
	}
}

// closeUnit takes a finished unit out of its parent's items and holds it for the reader to
// hand out; its memory stays untouched until the unit after next opens.
func (b *builder) closeUnit(n *Node) {
	detach(n)
	b.dead = append(b.dead, n)
	b.unitsClosed++
	b.ready = n
	b.unitDepth, b.unitCap = 0, math.MaxInt
}

// rehome moves the loop instance of f, which had an arena of its own but is not let go, into
// the head's memory, and gives its arena back for reuse.
func (b *builder) rehome(f *frame) {
	n, p := f.node, f.node.Parent
	c := b.head.moveTree(n, p, b.ancestors)
	for i := len(p.Items) - 1; i >= 0; i-- {
		if p.Items[i].Node == n {
			p.Items[i].Node = c
			break
		}
	}
	*b.pool = append(*b.pool, f.own) // nothing points into it any more
}

// release clears the loop instances let go before the last part was handed out (the caller is
// done with them): the tree's memory comes in shared chunks, so a stale pointer in one would
// keep every older chunk reachable.
func (b *builder) release() {
	for _, n := range b.dead {
		clearTree(n)
	}
	clear(b.dead)
	b.dead = b.dead[:0]
	*b.pool = append(*b.pool, b.deadArenas...)
	clear(b.deadArenas)
	b.deadArenas = b.deadArenas[:0]
}

func clearTree(n *Node) {
	for i := range n.Items {
		if c := n.Items[i].Node; c != nil {
			clearTree(c)
		}
		n.Items[i] = Item{}
	}
	n.Items, n.Parent = nil, nil
}

// detach takes n out of its parent's items (clearing the slot it frees, so that nothing in
// the tree keeps it alive). n keeps its Parent.
func detach(n *Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for i := len(p.Items) - 1; i >= 0; i-- {
		if p.Items[i].Node == n {
			copy(p.Items[i:], p.Items[i+1:])
			p.Items[len(p.Items)-1] = Item{}
			p.Items = p.Items[:len(p.Items)-1]
			return
		}
	}
}

// addLimitFinding adds to l a finding that says input was dropped over a limit, even when l
// is full of findings about input read whole (up to as many again as its limit), so that a
// unit cut short is handed out with the finding that says so.
func addLimitFinding(l *ErrorList, e *Error) {
	limit := l.Max
	if limit == 0 {
		limit = DefaultErrorLimit
	}
	if limit > 0 && len(l.errs) >= limit && len(l.errs) < 2*limit {
		l.errs = append(l.errs, e)
		return
	}
	l.Add(e)
}

func hasString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// closeFrame reports the required segments and loops a finished loop instance lacks.
func (b *builder) closeFrame(f *frame, at Position) {
	for _, j := range f.ix.required {
		if f.uses[j] == 0 {
			b.reportMissing(f, j, &at)
		}
	}
}

// reportMissing reports child j of f if the guide requires it.
func (b *builder) reportMissing(f *frame, j int, at *Position) {
	c := f.node.Loop.Children[j]
	if !(c.Segment != nil && c.Segment.Usage == Required || c.Loop != nil && c.Loop.Usage == Required) {
		return
	}
	p := *at
	p.Element, p.Component, p.Repetition = 0, 0, 0
	switch {
	case c.Segment != nil && c.Segment.Usage == Required:
		p.ID, p.Loop = c.Segment.ID, f.node.Loop.ID
		b.report(&Error{Pos: p, Level: LevelSegment, Code: "3", Err: ErrRequiredSegment})
	case c.Loop != nil && c.Loop.Usage == Required:
		if t := c.Loop.Trigger(); t != nil {
			p.ID = t.ID
		}
		p.Loop = c.Loop.ID
		b.report(&Error{Pos: p, Level: LevelSegment, Code: "I7", Err: ErrRequiredLoop})
	}
}

// finish closes every open loop, the root included, at the set's last segment.
func (b *builder) finish() *Node {
	b.closeTo(0, &Segment{Pos: b.last})
	b.closeFrame(&b.stack[0], b.last)
	return b.root()
}
