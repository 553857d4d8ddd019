package x12

import (
	"errors"
	"io"
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

// DefaultMaxSetSegments bounds the segments one transaction set may hold in memory.
const DefaultMaxSetSegments = 2_000_000

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
	// MaxSetSegments bounds one set; 0 means DefaultMaxSetSegments.
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

	r        *Reader
	env      EnvelopeChecker
	isa13    string
	gs       [3]string
	pending  *Segment // an envelope segment read while finishing a set without SE
	finished bool
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
	for {
		s, err := sr.r.Next()
		if err == nil {
			sr.env.Segment(s)
			switch s.id {
			case "ISA":
				sr.isa13 = s.Value(13)
			case "GS":
				sr.gs = [3]string{s.Value(1), s.Value(6), s.Value(8)}
			}
			return s, nil
		}
		if err == io.EOF {
			return nil, err
		}
		var e *Error
		if !errors.As(err, &e) {
			return nil, err
		}
		sr.env.ReadError(err)
		if sr.r.Err() != nil {
			return nil, io.EOF // nothing more can be read; the finding is in Envelopes
		}
	}
}

// Next returns the next transaction set, or io.EOF after the last one (the envelope checks
// are then finished). The error is only for input that cannot be read.
func (sr *SetReader) Next() (*Set, error) {
	for {
		mark := sr.env.errs.Len()
		s, err := sr.next()
		if err == io.EOF {
			if !sr.finished {
				sr.env.Finish()
				sr.finished = true
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		if s.id != "ST" {
			if sr.Trace != nil {
				sr.Trace(s, nil, nil)
			}
			continue
		}
		return sr.readSet(s, mark)
	}
}

// readSet reads the set st starts; envBefore is the envelope findings count before the ST.
func (sr *SetReader) readSet(st *Segment, envBefore int) (*Set, error) {
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
	limit := sr.MaxSetSegments
	if limit <= 0 {
		limit = DefaultMaxSetSegments
	}
	report := set.Findings.Add
	var b *builder
	var ec elementChecker
	if set.Guide != nil {
		b = newBuilder(set.Guide, !sr.ValidateOnly || set.Guide.Rules != nil, report)
		ec = elementChecker{codes: sr.Codes, report: report}
	} else {
		p := st.Pos
		p.Element = 1
		set.Findings.Add(&Error{Pos: p, Level: LevelSet, Code: "1", Err: ErrUnknownTransaction})
	}
	add := func(s *Segment) {
		set.Segments++
		if b == nil {
			if sr.Trace != nil {
				sr.Trace(s, nil, nil)
			}
			return
		}
		if set.Segments > limit {
			if set.Segments == limit+1 {
				set.Findings.Add(&Error{Pos: s.Pos, Level: LevelSet, Code: "5", Err: ErrSetTooLarge})
			}
			return
		}
		c := s
		if b.keep {
			c = b.mem.clone(s)
		}
		spec, node := b.place(c)
		if spec != nil {
			ec.check(c, spec, node.Loop.ID)
		}
		if sr.Trace != nil {
			sr.Trace(c, node, spec)
		}
	}
	defer func() {
		// Set-level envelope findings (SE01, SE02, a missing SE) raised while this set was read
		// belong to it: they decide its IK5 as much as the guide's findings do.
		for _, e := range sr.env.errs.All()[envBefore:] {
			if e.Level == LevelSet {
				set.Findings.Add(e)
			}
		}
		set.Findings.Sort()
	}()
	add(st)
	for {
		s, err := sr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch s.id {
		case "SE":
			add(s)
			return sr.finishSet(set, b), nil
		case "ST", "GE", "GS", "IEA", "ISA":
			// No SE: the envelope checker reports it; the set ends here.
			sr.pending = s.Clone()
			return sr.finishSet(set, b), nil
		}
		add(s)
	}
	return sr.finishSet(set, b), nil
}

func (sr *SetReader) finishSet(set *Set, b *builder) *Set {
	if b != nil {
		set.Root = b.finish()
		if set.Guide.Rules != nil {
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
	}
	set.Findings.Sort()
	return set
}
