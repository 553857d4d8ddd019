package x12

import (
	"errors"
	"io"
	"slices"
	"sync"
)

// Set is one transaction set read through its implementation guide: the envelope values that
// identify it, its loop tree, and what was wrong with it.
type Set struct {
	Guide *Transaction // nil when no registered guide matches ST01 and GS08/ST03
	Pos   Position     // where the ST is

	ST01, ST02, ST03 string // transaction set ID, control number, implementation convention
	GS01, GS06, GS08 string // the enclosing group's functional ID, control number, version
	ISA13            string // the enclosing interchange's control number

	Root     *Node     // the loop tree (Root.Loop is Guide.Root); nil without a guide
	Findings ErrorList // guide findings: IK304 segment and IK403 element codes, IK502 codes
	Segments int       // segments in the set, ST and SE included
}

// Accepted reports whether the set has no finding.
func (s *Set) Accepted() bool { return s.Findings.Len() == 0 && s.Findings.Omitted == 0 }

// RuleReporter is how a guide's Rules hook reports a situational rule broken: on which segment,
// which element (0 for the segment), the IK304 (element 0) or IK403 code, and a sentinel.
type RuleReporter func(s *Segment, element int, code string, err error)

// Registry finds the guide for a transaction set by ST01 and version (GS08, or ST03 when
// present). It is safe for concurrent use.
type Registry struct {
	mu     sync.RWMutex
	guides map[string]*Transaction // key: ST01 + "/" + version
}

// Register adds a guide under each of its versions, replacing any earlier one.
func (r *Registry) Register(t *Transaction) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.guides == nil {
		r.guides = map[string]*Transaction{}
	}
	for _, v := range t.Versions {
		r.guides[t.ID+"/"+v] = t
	}
}

// Lookup returns the guide for ST01 and a version, or nil.
func (r *Registry) Lookup(st01, version string) *Transaction {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.guides[st01+"/"+version]
}

// Guides is the registry the transaction packages register their guides in; the 999 guide is
// there from the start.
var Guides = &Registry{}

func init() { Guides.Register(Guide999) }

// Default limits of a SetReader. They bound what one transaction set, one unit and one
// chain of hierarchical levels can make it hold, whatever the input.
const (
	DefaultMaxSetSegments  = 2_000_000 // segments one transaction set may hold in memory
	DefaultMaxHeldSegments = 50_000    // with Units: segments held outside the units at once
	DefaultMaxUnitSegments = 20_000    // segments one unit (a claim, a claim payment) may hold: 50 lines of 837P or 999 of 835 with room to spare
	DefaultMaxDepth        = 32        // nested HL levels below the set's root
)

// SetReader reads a stream of X12 as transaction sets, each placed in its guide's loop tree
// and validated: envelopes (through an EnvelopeChecker), structure (loops, order, usage, repeats)
// and elements (usage, type, length, codes, syntax notes). It works on one set at a time, so
// memory is bounded by the largest set, not the file.
//
// It is not safe for concurrent use.
type SetReader struct {
	// Guides chooses the guide for each set; nil means the package's Guides.
	Guides *Registry
	// Codes answers for the external code lists guides name; nil skips those checks.
	Codes CodeSource
	// MaxSetSegments bounds the segments a set's tree may hold at once (the whole set, or with
	// Units what is not handed out yet; nothing in validate-only mode); 0 means
	// DefaultMaxSetSegments, or DefaultMaxHeldSegments with Units. A set over it is reported
	// (IK5 5) and its further segments skipped.
	MaxSetSegments int
	// ValidateOnly says the caller does not need the loop tree: for guides without a Rules
	// hook, Set.Root then holds no segments, validation runs several times faster and memory
	// is bounded by the loop depth instead of the set. Guides with Rules keep their tree,
	// since the rules read it.
	ValidateOnly bool
	// Trace, when set, is called for every segment read, in order: with the loop instance
	// and guide use it was given inside a transaction set, or nil ones outside (envelopes)
	// and where no guide applies. The segment is valid only during the call.
	Trace func(s *Segment, in *Node, spec *SegmentSpec)
	// UnitText gives the segments kept in the set's tree (a handed-out unit's, and the loops'
	// above it) their text as they are placed, so that Segment.Value and Fields cut it
	// instead of allocating per element: for readers that map units to typed values. Each
	// such segment is copied once, into memory shared by a few dozen units and never
	// written again, and its Raw shares that memory: it must not be modified.
	UnitText bool
	// StructureOnly skips the element checks (usage, type, length, codes, syntax notes):
	// segments are still placed in their loops and the structure checked. For input that was
	// validated before, or when speed matters more than element findings.
	StructureOnly bool
	// Units names loops (by ID, e.g. "2300" claims or "2100" claim payments) whose instances
	// NextPart hands out one by one as soon as each is complete, and then drops from the
	// set's tree, so memory is bounded by one unit and what sits above the units instead of
	// the whole set (and MaxSetSegments bounds that instead of the set). A unit's nested
	// loops come with it; a loop of these IDs nested in an open unit is part of it. A loop
	// that held units (a subscriber's HL above its claims) is let go too when it closes:
	// read what it holds from a unit's Parent chain while that unit is handed out.
	Units []string
	// MaxUnitSegments bounds the segments one unit (one of Units, with its nested loops) may
	// hold; 0 means DefaultMaxUnitSegments. Past it the unit's further segments are dropped
	// and reported once (ErrUnitTooLarge, IK5 5), so a claim of a million lines or a segment
	// repeated a million times inside one cannot make the reader grow.
	MaxUnitSegments int
	// MaxDepth bounds how deeply hierarchical levels (HL loops) may nest, counting from the
	// set's root; 0 means DefaultMaxDepth. A level past it is reported (ErrTooDeep) and its
	// segments are dropped, so a chain of nested HLs cannot make the reader grow.
	MaxDepth int
	// Only, when set, names the guides whose sets are wanted: a set of any other guide (or of
	// none) is read past without being placed in loops or validated (its envelope is still
	// checked, and NextPart still returns its end, with no tree), so a decoder does not
	// build what it will not use.
	Only []*Transaction
	// Strict makes every quirk the Reader tolerated (ErrLegacyRepetition, ErrUnpaddedISA…)
	// an error instead of a warning. The input is read the same way either way.
	Strict bool

	r        *Reader
	env      EnvelopeChecker
	isa13    string
	gs       [3]string
	pending  *Segment // an envelope segment read while finishing a set without SE
	finished bool
	cur      *setState // the set being read, between calls to NextPart
	pool     []*arena  // memory of loops let go (with Units), to reuse
	serial   uint64    // loop instances built so far
	noMemo   bool      // check every segment's elements, even one seen clean (tests compare)

	stopped   error // what stopped the Reader (or an I/O error): returned by every later call
	sawISA    bool  // an interchange was read
	cut       bool  // the input ended inside a segment
	openAtEnd bool  // the input ended inside an interchange (no IEA)
}

// NewSetReader returns a SetReader reading from src.
func NewSetReader(src io.Reader) *SetReader {
	return &SetReader{r: NewReader(src)}
}

// Reader returns the segment Reader underneath (to set its limits before the first Next).
func (sr *SetReader) Reader() *Reader { return sr.r }

// Envelopes returns the envelope checker fed with every segment read so far; call Finish on it
// (or read to io.EOF, which does) for the findings at the end of the stream.
func (sr *SetReader) Envelopes() *EnvelopeChecker { return &sr.env }

func (sr *SetReader) next() (*Segment, error) {
	if p := sr.pending; p != nil {
		sr.pending = nil
		return p, nil
	}
	if sr.stopped != nil {
		return nil, sr.stopped
	}
	sr.r.Strict = sr.Strict
	for {
		s, err := sr.r.Next()
		if err == nil {
			sr.env.Feed(sr.r, s, nil)
			sr.sawISA = sr.sawISA || s.id == "ISA"
			switch s.id {
			case "ISA":
				sr.isa13 = s.Value(13)
			case "GS":
				sr.gs = [3]string{s.Value(1), s.Value(6), s.Value(8)}
			}
			return s, nil
		}
		if err == io.EOF {
			sr.env.Feed(sr.r, nil, err) // padding after the last IEA
			return nil, err
		}
		var e *Error
		if !errors.As(err, &e) {
			sr.stopped = err // an I/O error: the caller's to handle
			return nil, err
		}
		sr.env.Feed(sr.r, nil, err)
		if errors.Is(err, ErrMissingTerminate) {
			sr.cut = true
		}
		if sr.cur != nil && sr.cur.b != nil {
			// A segment of the set that could not be read: the set lost it (IK3/IK4).
			sr.cur.set.Findings.Add(e)
		}
		if sr.r.Err() != nil {
			// Nothing more can be read: the caller sees why, on every later call.
			sr.env.Finish()
			sr.finished = true
			sr.stopped = err
			return nil, err
		}
	}
}

// endError is what the end of the stream means for a decoder: nil after whole interchanges,
// ErrNoInterchange when there was none, ErrTruncated when the input ended inside a segment or
// before the trailers of an open interchange. Call it once Next or NextPart returned io.EOF.
func (sr *SetReader) endError() error {
	end := Position{Offset: sr.r.Offset()}
	switch {
	case !sr.sawISA && sr.stopped == nil:
		return &Error{Pos: end, Level: LevelInterchange, Code: "024", Err: ErrNoInterchange}
	case sr.cut || sr.openAtEnd:
		return &Error{Pos: end, Level: LevelInterchange, Code: "023", Err: ErrTruncated}
	}
	return nil
}

// Next returns the next transaction set, or io.EOF after the last one (the envelope checks
// are then finished). An error is for input that cannot be read on: an I/O error, or an
// *Error from the Reader that stops it (no ISA, an ISA it cannot read, a broken BIN); it is
// returned again by every later call, and the envelope checks are finished with it.
// Findings about segments that could be read past are in the sets and Envelopes. With Units
// set, the units are dropped unseen: use NextPart to get them.
func (sr *SetReader) Next() (*Set, error) {
	for {
		p, err := sr.NextPart()
		if err != nil {
			return nil, err
		}
		if p.Unit == nil {
			return p.Set, nil
		}
	}
}

// Part is a piece of the stream NextPart returns: a unit as soon as it is complete, or a
// transaction set once it has ended.
type Part struct {
	// Set is the transaction set being read. While Unit is set it is still incomplete: its
	// tree holds what came before the unit (the unit's parents, with their segments) and
	// its findings so far.
	Set *Set
	// Unit is a closed instance of one of the SetReader's Units, taken out of the tree, with
	// its Parent chain; nil when the part is the end of Set. It and its segments are valid
	// until the next call to NextPart.
	Unit *Node
	// Findings are the guide findings reported since the previous part (the unit's own, and
	// any on the segments before it); they are also in Set.Findings, within its limit.
	Findings []*Error
}

// setState is a transaction set being read, between calls to NextPart.
type setState struct {
	set       *Set
	b         *builder
	ec        elementChecker
	limit     int
	tooLarge  bool // the set went over limit: reported once
	envBefore int  // envelope findings before the ST
	ended     bool // the set has ended; its last unit was handed out first
	mark      int  // findings handed out with parts so far
	endMark   int  // findings before the set's end was checked (the last unit's are below)

	triggers     []uint32       // IDs (idKey) of the first segments of Units' loops (a few)
	triggerSpecs []*SegmentSpec // and their uses
}

// NextPart returns the next unit or finished set, or io.EOF after the last set. Without
// Units it returns whole sets, as Next does.
func (sr *SetReader) NextPart() (Part, error) {
	if sr.cur == nil {
		st, mark, err := sr.nextST()
		if err != nil {
			return Part{}, err
		}
		sr.startSet(st, mark)
	}
	c := sr.cur
	if c.b != nil {
		c.b.release() // what the last part held
	}
	if !c.ended {
		for {
			s, err := sr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				sr.cur = nil
				return Part{}, err
			}
			if s.id == "ST" || s.id == "GE" || s.id == "GS" || s.id == "IEA" || s.id == "ISA" {
				// No SE: the envelope checker reports it; the set ends here.
				sr.pending = s.Clone()
				break
			}
			sr.add(s)
			if s.id == "SE" {
				break
			}
			if c.b != nil && c.b.ready != nil {
				return sr.unitPart(), nil
			}
		}
		c.ended = true
		sr.finishSet(c)
		if c.b != nil && c.b.ready != nil {
			return sr.unitPart(), nil
		}
	}
	sr.cur = nil
	return Part{Set: c.set, Findings: c.set.Findings.All()[min(c.mark, c.set.Findings.Len()):]}, nil
}

func (sr *SetReader) unitPart() Part {
	c := sr.cur
	u := c.b.ready
	c.b.ready = nil
	all := c.set.Findings.All()
	upTo := len(all)
	if c.ended {
		upTo = min(c.endMark, upTo)
	}
	p := Part{Set: c.set, Unit: u, Findings: all[min(c.mark, upTo):upTo]}
	c.mark = upTo
	if upTo == len(all) && upTo > DefaultErrorLimit {
		// Every finding so far is handed out: keep the set's list to its usual size (in a
		// new array, as p holds the old one), so each unit gets its own findings.
		c.set.Findings.trim(DefaultErrorLimit)
		c.mark, c.endMark = DefaultErrorLimit, min(c.endMark, DefaultErrorLimit)
	}
	c.set.Findings.Max = c.mark + DefaultErrorLimit // what the next unit may add
	return p
}

// nextST reads to the next ST, passing what comes before it to Trace; mark is the envelope
// findings count before it.
func (sr *SetReader) nextST() (st *Segment, mark int, err error) {
	for {
		mark = sr.env.errs.Len()
		s, err := sr.next()
		if err == io.EOF {
			if !sr.finished {
				sr.openAtEnd = sr.env.inISA
				sr.env.Finish()
				sr.finished = true
				if !sr.sawISA && sr.stopped == nil {
					// Nothing at all, or only white space: a finding, so it is not "valid".
					sr.env.errs.Add(sr.endError().(*Error))
				}
			}
			return nil, 0, io.EOF
		}
		if err != nil {
			return nil, 0, err
		}
		if s.id == "ST" {
			return s, mark, nil
		}
		if sr.Trace != nil {
			sr.Trace(s, nil, nil)
		}
	}
}

// startSet begins the set st starts; envBefore is the envelope findings count before the ST.
func (sr *SetReader) startSet(st *Segment, envBefore int) {
	set := &Set{
		Pos: st.Pos, ST01: st.Value(1), ST02: st.Value(2), ST03: st.Value(3),
		GS01: sr.gs[0], GS06: sr.gs[1], GS08: sr.gs[2], ISA13: sr.isa13,
	}
	reg := sr.Guides
	if reg == nil {
		reg = Guides
	}
	version := set.ST03
	if version == "" {
		version = set.GS08
	}
	set.Guide = reg.Lookup(set.ST01, version)
	if set.Guide == nil && set.ST03 != "" {
		set.Guide = reg.Lookup(set.ST01, set.GS08)
	}
	c := &setState{set: set, envBefore: envBefore, limit: sr.MaxSetSegments}
	switch {
	case c.limit > 0:
	case len(sr.Units) > 0:
		c.limit = DefaultMaxHeldSegments // only what sits outside the units is held
	default:
		c.limit = DefaultMaxSetSegments
	}
	if set.Guide != nil && len(sr.Only) > 0 && !slices.Contains(sr.Only, set.Guide) {
		// Not wanted: counted and envelope-checked only.
	} else if set.Guide != nil {
		keep := !sr.ValidateOnly || set.Guide.Rules != nil || len(sr.Units) > 0
		c.b = newBuilder(set.Guide, keep, set.Findings.Add)
		c.b.setUnits(sr.Units, &sr.pool, &sr.serial)
		c.b.setLimits(sr.MaxUnitSegments, sr.MaxDepth)
		c.b.unitText = sr.UnitText
		set.Root = c.b.root() // filled as the set is read
		if len(sr.Units) > 0 {
			set.Guide.Root.Walk(func(l, _ *Loop) {
				if t := l.Trigger(); t != nil && slices.Contains(sr.Units, l.ID) {
					c.triggers, c.triggerSpecs = append(c.triggers, idKey(t.ID)), append(c.triggerSpecs, t)
				}
			})
		}
		c.ec = elementChecker{codes: sr.Codes, report: set.Findings.Add, noMemo: sr.noMemo}
	} else {
		p := st.Pos
		p.Element = 1
		set.Findings.Add(&Error{Pos: p, Level: LevelSet, Code: "1", Err: ErrUnknownTransaction})
	}
	sr.cur = c
	sr.add(st)
}

// add places one segment of the current set.
func (sr *SetReader) add(s *Segment) {
	c := sr.cur
	set, b := c.set, c.b
	set.Segments++
	if b == nil {
		if sr.Trace != nil {
			sr.Trace(s, nil, nil)
		}
		return
	}
	held := set.Segments
	switch {
	case !b.keep:
		held = 0 // validate only: no segment is held
	case len(b.units) > 0:
		held = b.held + 1 // what the tree would hold with this segment: units are let go
	}
	if held > c.limit {
		if !c.tooLarge {
			c.tooLarge = true
			addLimitFinding(&set.Findings, &Error{Pos: s.Pos, Level: LevelSet, Code: "5", Err: ErrSetTooLarge})
		}
		if sr.Trace != nil {
			sr.Trace(s, nil, nil) // skipped: no loop holds it
		}
		return
	}
	before := set.Findings.Len()
	spec, node := b.place(s)
	if node == nil {
		// Dropped, over a limit: the first time, a finding says so. No loop holds it.
		if b.limit != nil {
			addLimitFinding(&set.Findings, &Error{Pos: s.Pos, Level: LevelSet, Code: "5", Err: b.limit})
			b.limit = nil
		}
		if sr.Trace != nil {
			sr.Trace(s, nil, nil)
		}
		return
	}
	if c.triggers != nil && slices.Contains(c.triggers, idKey(s.id)) && !slices.Contains(c.triggerSpecs, spec) {
		// A unit's first segment that could not start a unit (its parent loop missing): the
		// value it begins is not handed out. The finding the guide gave the segment says so
		// too (the same IK3 as without units), or one is added.
		skipped(&set.Findings, before, s)
	}
	if spec != nil && !sr.StructureOnly {
		c.ec.checkOnce(s, spec, node.Loop.ID, &set.Findings, b.slot, b.slots)
	}
	if sr.Trace != nil {
		sr.Trace(s, node, spec)
	}
}

// skipped marks the segment finding on s reported since before as also ErrSkipped, or adds
// an ErrSkipped finding on s when there is none.
func skipped(list *ErrorList, before int, s *Segment) {
	all := list.All()
	for _, f := range all[min(before, len(all)):] {
		if f.Pos.Offset == s.Pos.Offset && f.Level == LevelSegment {
			f.Err = &skippedError{f.Err}
			return
		}
	}
	list.Add(&Error{Pos: s.Pos, Level: LevelSegment, Code: "2", Err: ErrSkipped})
}

// skippedError is a segment finding whose segment began a value that was not handed out.
type skippedError struct{ err error }

func (e *skippedError) Error() string   { return e.err.Error() + " (the value it begins is skipped)" }
func (e *skippedError) Unwrap() []error { return []error{e.err, ErrSkipped} }

func (sr *SetReader) finishSet(c *setState) {
	set, b := c.set, c.b
	if b != nil {
		set.Root = b.finish() // closes the last unit: what it lacks is reported with it
	}
	c.endMark = set.Findings.Len() // the rest belongs to the set's end, not its last unit
	// Set-level envelope findings (SE01, SE02, a missing SE) raised while this set was read
	// belong to it: they decide its IK5 as much as the guide's findings do.
	for _, e := range sr.env.errs.All()[c.envBefore:] {
		if e.Level == LevelSet {
			set.Findings.Add(e)
		}
	}
	if b != nil && set.Guide.Rules != nil {
		set.Guide.Rules(set, func(s *Segment, element int, code string, err error) {
			p := s.Pos
			p.Element = element
			level := LevelSegment
			if element > 0 {
				level = LevelElement
			}
			set.Findings.Add(&Error{Pos: p, Level: level, Code: code, Err: err})
		})
	}
	if len(sr.Units) == 0 {
		set.Findings.Sort() // with units, parts have handed out findings in reading order
	}
}
