package x12

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// This file is the implementation-guide model: each HIPAA transaction is described once, as
// data, and the loop builder, the validator, the 999, the redactor and the typed mappings all
// read that one description.

// Usage is how an implementation guide uses a loop, segment or element.
type Usage byte

// Usage values, as the TR3s write them.
const (
	Required    Usage = 'R'
	Situational Usage = 'S'
	NotUsed     Usage = 'N'
)

// String returns "R", "S" or "N".
func (u Usage) String() string { return string(rune(u)) }

// DataType is an X12 simple data type.
type DataType string

// X12 data types.
const (
	TypeAN DataType = "AN" // string
	TypeID DataType = "ID" // code value
	TypeN0 DataType = "N0" // integer
	TypeN2 DataType = "N2" // number with two implied decimals
	TypeR  DataType = "R"  // decimal number
	TypeDT DataType = "DT" // date, CCYYMMDD (YYMMDD when Max is 6)
	TypeTM DataType = "TM" // time, HHMM[SS[D[D]]]
	TypeB  DataType = "B"  // binary
)

// Transaction describes one implementation guide: its ST01, GS01, GS08 versions and its loop
// tree. Root holds ST first and SE last, with the guide's segments and loops between.
type Transaction struct {
	ID           string   // ST01, e.g. "999"
	FunctionalID string   // GS01, e.g. "FA"
	Versions     []string // GS08 / ST03 accepted; the first is the one written
	Name         string
	Root         *Loop
	// Rules checks the guide's situational rules that plain data cannot say. It is called for
	// each transaction set after the structural and element checks; it may be nil.
	Rules func(set *Set, report RuleReporter)
}

// guideIndexes holds, per guide (and per Root, should a copy of a guide change it), the
// loop builder's precomputed tables. Guides are data that does not change once in use.
var guideIndexes sync.Map // guideKey → map[*Loop]*loopIndex

type guideKey struct {
	t    *Transaction
	root *Loop
}

// loopIndex is what the loop builder reads of one loop of a guide, precomputed.
type loopIndex struct {
	keys     []uint32     // per child: the segment ID it must start with (its own, or its trigger's), as idKey
	kids     []*loopIndex // per child: the child loop's index, nil for a segment
	required []int        // the children the guide requires, in order
	base     int          // the number of the loop's first child among all the guide's children
	quals    []qualTest   // per child: its qualifiers (its own, or its trigger's), compiled
	mask     uint64       // keyBit of every child's key: a loop without a segment's bit has no place for it
}

// keyBit is a segment ID's bit (idKey) in loopIndex.mask.
func keyBit(key uint32) uint64 { return 1 << ((key * 2654435761) >> 26) }

// qualTest is a segment use's qualifiers compiled for the loop builder: qualified without
// comparing strings for values of up to seven bytes.
type qualTest []qualValues

// qualValues is one Qualifier: the values of up to seven bytes packed (packCode), the
// longer ones as they are.
type qualValues struct {
	element, component int
	short              []uint64
	long               []string
}

func compileQuals(sp *SegmentSpec) qualTest {
	if sp == nil || len(sp.Qualifiers) == 0 {
		return nil
	}
	qt := make(qualTest, len(sp.Qualifiers))
	for i, q := range sp.Qualifiers {
		qt[i].element, qt[i].component = q.Element, q.Component
		for _, v := range q.Values {
			if k, ok := packCode([]byte(v)); ok {
				qt[i].short = append(qt[i].short, k)
			} else {
				qt[i].long = append(qt[i].long, v)
			}
		}
	}
	return qt
}

// match is SegmentSpec.qualified for the use qt was compiled from.
func (qt qualTest) match(s *Segment) bool {
	for i := range qt {
		q := &qt[i]
		var v []byte
		if q.component > 0 {
			v = s.Component(q.element, q.component)
		} else {
			v = s.Element(q.element)
		}
		if k, ok := packCode(v); ok && !slices.Contains(q.short, k) || !ok && !slices.Contains(q.long, string(v)) {
			return false
		}
	}
	return true
}

// index returns the loop builder's index of the guide's loops, built once per guide and
// shared: the builder scans these instead of the specs.
func (t *Transaction) index() map[*Loop]*loopIndex {
	key := guideKey{t, t.Root}
	if v, ok := guideIndexes.Load(key); ok {
		return v.(map[*Loop]*loopIndex)
	}
	all := map[*Loop]*loopIndex{}
	base := 0
	t.Root.Walk(func(l, _ *Loop) {
		all[l] = &loopIndex{base: base}
		base += len(l.Children)
	})
	for l, ix := range all {
		ix.kids, ix.keys = make([]*loopIndex, len(l.Children)), make([]uint32, len(l.Children))
		ix.quals = make([]qualTest, len(l.Children))
		for j, c := range l.Children {
			switch {
			case c.Segment != nil:
				ix.keys[j] = idKey(c.Segment.ID)
				ix.quals[j] = compileQuals(c.Segment)
			case c.Loop != nil && len(c.Loop.Children) > 0 && c.Loop.Children[0].Segment != nil:
				ix.keys[j] = idKey(c.Loop.Children[0].Segment.ID)
				ix.quals[j] = compileQuals(c.Loop.Children[0].Segment)
			}
			if ix.keys[j] != 0 {
				ix.mask |= keyBit(ix.keys[j])
			}
			if c.Loop != nil {
				ix.kids[j] = all[c.Loop]
			}
			if c.Segment != nil && c.Segment.Usage == Required || c.Loop != nil && c.Loop.Usage == Required {
				ix.required = append(ix.required, j)
			}
		}
	}
	v, _ := guideIndexes.LoadOrStore(key, all)
	return v.(map[*Loop]*loopIndex)
}

// idKey packs a 2–3 character segment ID (every ID a guide or the Reader has) into a number,
// so that the loop builder compares IDs without comparing strings; 0 for any other.
func idKey(id string) uint32 {
	if len(id) < 2 || len(id) > 3 {
		return 0
	}
	k := uint32(len(id))<<24 | uint32(id[0])<<16 | uint32(id[1])<<8
	if len(id) == 3 {
		k |= uint32(id[2])
	}
	return k
}

// Loop is a loop of the guide (or the whole transaction, for Transaction.Root). Its first
// child is its trigger segment: a loop starts where that segment, with its qualifiers,
// appears.
type Loop struct {
	ID       string // "2000A", "2010AA"; "ST" for the root
	Name     string
	Usage    Usage
	Repeat   int     // most instances; 0 means unbounded (">1")
	Children []Child // in the guide's order
}

// Child is one entry of a loop: a segment or a nested loop.
type Child struct {
	Segment *SegmentSpec
	Loop    *Loop
}

// Seg and Sub build Children.
func Seg(s *SegmentSpec) Child { return Child{Segment: s} }

// Sub wraps a nested loop as a Child.
func Sub(l *Loop) Child { return Child{Loop: l} }

// Trigger returns the segment that starts the loop.
func (l *Loop) Trigger() *SegmentSpec {
	if len(l.Children) == 0 {
		return nil
	}
	if c := l.Children[0]; c.Segment != nil {
		return c.Segment
	}
	return l.Children[0].Loop.Trigger()
}

// SegmentSpec is one use of a segment in the guide: the same segment ID can appear in several
// places, told apart by qualifier values (NM1 with NM101 = "85" is the billing provider name,
// DTP with DTP01 = "472" the service date).
type SegmentSpec struct {
	ID         string
	Name       string
	Usage      Usage
	MaxUse     int         // 0 means unbounded (">1")
	Qualifiers []Qualifier // values that identify this use of the segment
	Elements   []*ElementSpec
	Syntax     []SyntaxRule
}

// Qualifier says that element Element (1-based; Component too when non-zero) holds one of
// Values in this use of a segment.
type Qualifier struct {
	Element   int
	Component int
	Values    []string
}

// ElementSpec describes one data element (or one component of a composite).
type ElementSpec struct {
	Ref        int // data element reference number, e.g. 98 for NM101; composites: C-number digits
	Name       string
	Usage      Usage
	Type       DataType // empty for a composite
	Min, Max   int
	Codes      []string // the guide's code values, when listed inline
	CodeSet    string   // the name of an external code list (see CodeSource), when not inline
	Repeat     int      // most repetitions; 0 means 1
	Components []*ElementSpec
	PHI        bool // carries patient data: masked by Redact and never echoed in a 999
}

// SyntaxRule is an X12 syntax note on a segment, over 1-based element positions.
type SyntaxRule struct {
	Kind     SyntaxKind
	Elements []int
}

// SyntaxKind is the kind of an X12 syntax note.
type SyntaxKind byte

// Syntax note kinds (X12.6): for P0809, all of 08 and 09 or none; R: at least one;
// E: at most one; C: if the first, then all the others; L: if the first, then at least one
// of the others.
const (
	Paired              SyntaxKind = 'P'
	RequiredOne         SyntaxKind = 'R'
	Exclusion           SyntaxKind = 'E'
	Conditional         SyntaxKind = 'C'
	ListConditional     SyntaxKind = 'L'
	syntaxKindsAccepted            = "PRECL"
)

// ParseSyntax reads syntax notes written as X12 prints them: "P0809", "R020304", "C0403".
// It panics on a malformed note: notes are written in guide source code, not read from input.
func ParseSyntax(notes ...string) []SyntaxRule {
	out := make([]SyntaxRule, 0, len(notes))
	for _, n := range notes {
		if len(n) < 5 || len(n)%2 != 1 || !strings.ContainsRune(syntaxKindsAccepted, rune(n[0])) || !allDigits([]byte(n[1:])) {
			panic(fmt.Sprintf("x12: malformed syntax note %q", n))
		}
		r := SyntaxRule{Kind: SyntaxKind(n[0])}
		for i := 1; i < len(n); i += 2 {
			r.Elements = append(r.Elements, atoi(n[i:i+2]))
		}
		out = append(out, r)
	}
	return out
}

// CodeSource answers for the code lists a guide names but does not list (ElementSpec.CodeSet):
// place of service, CARC, service types… The codes package provides one. Known reports whether
// the set exists at all; Contains whether value is in it.
//
// A CodeSource may also implement Exhaustive(set string) bool: for a set it says is not
// exhaustive (a table of common codes only), a value missing from it is not flagged. And it
// may implement Matcher(set string) func(value []byte) bool, a membership test the validator
// asks for once per set read and then calls for each value without converting it to a string.
type CodeSource interface {
	Known(set string) bool
	Contains(set, value string) bool
}

// exhaustive reports whether missing values of set are errors for this source.
func exhaustive(c CodeSource, set string) bool {
	if e, ok := c.(interface{ Exhaustive(string) bool }); ok {
		return e.Exhaustive(set)
	}
	return true
}

// matches reports whether s is this use of the segment: same ID and qualifier values.
func (sp *SegmentSpec) matches(s *Segment) bool {
	return sp.ID == s.id && sp.qualified(s)
}

// qualified is matches for a segment known to have the spec's ID.
func (sp *SegmentSpec) qualified(s *Segment) bool {
	for _, q := range sp.Qualifiers {
		var v []byte
		if q.Component > 0 {
			v = s.Component(q.Element, q.Component)
		} else {
			v = s.Element(q.Element)
		}
		if !slices.Contains(q.Values, string(v)) {
			return false
		}
	}
	return true
}

// Walk calls fn for every loop of the tree, depth first, with its parent (nil for the root).
func (l *Loop) Walk(fn func(l, parent *Loop)) {
	var walk func(l, parent *Loop)
	walk = func(l, parent *Loop) {
		fn(l, parent)
		for _, c := range l.Children {
			if c.Loop != nil {
				walk(c.Loop, l)
			}
		}
	}
	walk(l, nil)
}

// ChildIndex returns the index in l.Children of the entry that s belongs to — a segment use
// of l that matches s, or the child loop whose trigger matches it — or -1.
func (l *Loop) ChildIndex(s *Segment) int {
	for i, c := range l.Children {
		if c.Segment != nil && c.Segment.matches(s) {
			return i
		}
	}
	for i, c := range l.Children {
		if c.Loop != nil {
			if t := c.Loop.Trigger(); t != nil && t.matches(s) {
				return i
			}
		}
	}
	return -1
}

// LoopIndex returns the index in l.Children of the child loop that is, or contains, the loop
// with the given ID, or -1.
func (l *Loop) LoopIndex(id string) int {
	for i, c := range l.Children {
		if c.Loop == nil {
			continue
		}
		found := false
		c.Loop.Walk(func(sub, _ *Loop) {
			if sub.ID == id {
				found = true
			}
		})
		if found {
			return i
		}
	}
	return -1
}

// Find returns the loop with the given ID in the tree under l (l included), or nil.
func (l *Loop) Find(id string) *Loop {
	var out *Loop
	l.Walk(func(sub, _ *Loop) {
		if out == nil && sub.ID == id {
			out = sub
		}
	})
	return out
}
