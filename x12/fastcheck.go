package x12

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

// The element checks' fast path: each SegmentSpec a set uses is compiled once per set read
// into a flat table (type as a small number, inline codes packed into integers, the external
// code test looked up once), and each simple value is classified in one pass over its bytes
// by a table. Anything out of the common case — components, repetitions, bytes outside ASCII,
// a sign or a decimal point — goes to the general checks in validate.go, so the findings are
// exactly theirs.

// Value kinds of a compiled element.
const (
	kindText   uint8 = iota // AN, ID and anything else checked against the character set
	kindInt                 // N0, N2
	kindReal                // R
	kindDate                // DT
	kindTime                // TM
	kindBinary              // B
)

// Byte classes, or-ed over a value: what about it keeps it off the fast path.
const (
	clsNotExt   uint8 = 1 << iota // not an ASCII byte of the extended character set
	clsNotDigit                   // not 0-9
	clsComp                       // the component separator
	clsRep                        // the repetition separator

	clsDelim = clsComp | clsRep
)

// ckBase is the class of each byte, delimiters not marked.
var ckBase = func() (t [256]uint8) {
	for i := range t {
		t[i] = clsNotExt | clsNotDigit
	}
	for _, set := range []string{basicASCII, extendedASCII} {
		for i := 0; i < len(set); i++ {
			t[set[i]] &^= clsNotExt
		}
	}
	for c := '0'; c <= '9'; c++ {
		t[c] &^= clsNotDigit
	}
	return t
}()

// ckElem is one compiled element (or component) spec.
type ckElem struct {
	// Read for every element: 24 bytes, so that a segment's elements take few cache lines.
	has      bool  // the spec has this element (ckCold is set)
	usage    Usage // es.Usage
	kind     uint8
	simple   bool // no components, at most one repetition
	single   bool // a composite of at most one repetition
	codes    bool // the element has inline codes
	set      bool // the element names an external code set
	plain    bool // simple text (kindText) naming no code set: fastCheck's inline case
	num      bool // a simple number (kindInt, kindReal) of no code list or set: inline too
	min, max int32
	*ckCold
}

// ckCold is what the element checks read of a compiled element only for a value that needs
// it: codes, the code test, components, and the spec for findings.
type ckCold struct {
	es    *ElementSpec
	short []uint64 // inline codes of up to 7 bytes, packed (packCode); with long, all of es.Codes
	long  []string // inline codes longer than 7 bytes
	comps []ckElem // a composite's components, compiled (has false where the spec has none)
	setID int32    // for an element naming a code set: its number (ckSetIDs), for elementChecker.tests
}

// ckSpecs holds every segment spec compiled for the element checks (*SegmentSpec →
// *ckSeg), shared by every reader: compiled specs are never written once made, and guides
// are data that does not change once in use. What depends on a checker's CodeSource, the
// code tests, stays with the checker (elementChecker.tests, by ckCold.setID).
var ckSpecs sync.Map

// ckSetIDs numbers the compiled elements that name a code set.
var ckSetIDs atomic.Int32

// ckTest is a checker's code test for one compiled element (by setID).
type ckTest struct {
	done bool // looked up (test may still be nil: not checked)
	test func([]byte) bool
	// ok holds the last few values of up to seven bytes the test passed, packed (packCode;
	// 0 for none): codes repeat (a payer's reason codes, a state), and a compare is cheaper
	// than a lookup in the set. Kept for one set read.
	ok   [4]uint64
	next uint8 // the entry of ok replaced next
}

// ckSeg is one compiled segment spec.
type ckSeg struct {
	spec     *SegmentSpec
	elems    []ckElem // per spec.Elements; es nil where the spec has none
	required []int32  // indexes in elems of the required elements, in order
	rules    []ckRule // per spec.Syntax
}

// packCode packs a value of at most 7 bytes, with its length, into a number; ok is false for
// a longer one.
func packCode(v []byte) (uint64, bool) {
	if len(v) > 7 {
		return 0, false
	}
	k := uint64(len(v))
	for _, c := range v {
		k = k<<8 | uint64(c)
	}
	return k, true
}

func compileSeg(spec *SegmentSpec) *ckSeg {
	cs := &ckSeg{spec: spec, elems: make([]ckElem, len(spec.Elements))}
	for i, es := range spec.Elements {
		if es != nil {
			compileElem(&cs.elems[i], es)
			if es.Usage == Required {
				cs.required = append(cs.required, int32(i))
			}
		}
	}
	for _, rule := range spec.Syntax {
		cs.rules = append(cs.rules, compileRule(rule, len(spec.Elements)))
	}
	return cs
}

// clamp32 is v within the int32 range: element lengths are compared with values far below it.
func clamp32(v int) int32 { return int32(max(min(v, math.MaxInt32), math.MinInt32)) }

func compileElem(e *ckElem, es *ElementSpec) {
	e.ckCold = &ckCold{es: es}
	e.has, e.usage, e.min, e.max = true, es.Usage, clamp32(es.Min), clamp32(es.Max)
	e.simple = es.Components == nil && es.Repeat <= 1
	if es.Components != nil {
		e.single = es.Repeat <= 1
		e.comps = make([]ckElem, len(es.Components))
		for k, cs := range es.Components {
			if cs != nil {
				compileElem(&e.comps[k], cs)
			}
		}
	}
	switch es.Type {
	case TypeN0, TypeN2:
		e.kind = kindInt
	case TypeR:
		e.kind = kindReal
	case TypeDT:
		e.kind = kindDate
	case TypeTM:
		e.kind = kindTime
	case TypeB:
		e.kind = kindBinary
	default:
		e.kind = kindText
	}
	e.codes, e.set = len(es.Codes) > 0, es.CodeSet != ""
	e.plain = e.simple && e.kind == kindText && !e.set
	e.num = e.simple && (e.kind == kindInt || e.kind == kindReal) && !e.set && !e.codes
	if e.set {
		e.setID = ckSetIDs.Add(1) - 1
	}
	for _, code := range es.Codes {
		if k, ok := packCode([]byte(code)); ok {
			e.short = append(e.short, k)
		} else {
			e.long = append(e.long, code)
		}
	}
}

// compiled returns the compiled form of spec, placed as the guide child numbered slot (-1
// for none, below slots otherwise).
func (c *elementChecker) compiled(spec *SegmentSpec, slot, slots int) *ckSeg {
	if slot >= 0 {
		if c.bySlot == nil {
			c.bySlot = make([]*ckSeg, slots)
		}
		if cs := c.bySlot[slot]; cs != nil && cs.spec == spec {
			return cs
		}
	}
	v, ok := ckSpecs.Load(spec)
	if !ok {
		v, _ = ckSpecs.LoadOrStore(spec, compileSeg(spec))
	}
	cs := v.(*ckSeg)
	if slot >= 0 {
		c.bySlot[slot] = cs
	}
	return cs
}

// classes returns the byte class table for the delimiters d.
func (c *elementChecker) classes(d *Delimiters) *[256]uint8 {
	if !c.clsReady || c.clsComp != d.Component || c.clsRep != d.Repetition {
		c.cls = ckBase
		// containsEither: a zero delimiter is none (and both zero, no check at all).
		if d.Component != 0 {
			c.cls[d.Component] |= clsComp
		}
		if d.Repetition != 0 {
			c.cls[d.Repetition] |= clsRep
		}
		c.clsComp, c.clsRep, c.clsReady = d.Component, d.Repetition, true
	}
	return &c.cls
}

// fastCheck is check (the same findings, in the same order) through the compiled spec.
func (c *elementChecker) fastCheck(s *Segment, cs *ckSeg, loop string) {
	if s.binary {
		return
	}
	spec := cs.spec
	nseps := len(s.seps)
	if nseps > len(spec.Elements) {
		c.fail(s, loop, len(spec.Elements)+1, 0, 0, 0, "3", ErrTooManyDataElements)
	}
	cls := c.classes(&s.delims)
	raw := s.raw
	// A segment of printable ASCII without components or repetitions (most of them) needs no
	// look at the bytes of its text values: only numbers are read byte by byte. Below a word
	// (eight bytes) the per-value loop is as cheap (BenchmarkGuideValidation999: 999s are
	// made of such segments).
	clean := printableOnly && len(raw) >= 8 && plainText(raw, &s.delims)
	var present uint64 // bit n: element n is not empty
	// The elements the segment has; past them, only a required one makes a finding.
	elems := cs.elems[:min(len(cs.elems), nseps)]
	seps := s.seps[:nseps]
	for i := range elems {
		e := &elems[i]
		n := i + 1
		from := int(seps[i]) + 1
		to := len(raw)
		if n < len(seps) {
			to = int(seps[n])
		}
		v := raw[from:to]
		if len(v) > 0 && n < 64 {
			present |= 1 << n
		}
		if !e.has || len(v) == 0 || e.usage == NotUsed {
			c.absent(s, loop, n, 0, e, v)
			continue
		}
		if clean && e.plain && int32(len(v)) >= e.min && (e.max <= 0 || int32(len(v)) <= e.max) {
			// The common case, without a call: printable text of a length the element allows,
			// of no code list or one of short codes that holds it.
			if !e.codes {
				continue
			}
			if k, ok := packCode(v); ok && slices.Contains(e.short, k) {
				continue
			}
		}
		if clean && e.num {
			// A number, read once: its digits (a sign and a decimal point aside) within the
			// element's length.
			if digits, ok := numeric(v, e.kind == kindReal); ok && int32(digits) >= e.min && (e.max <= 0 || int32(digits) <= e.max) {
				continue
			}
		}
		var acc uint8
		if !clean || e.kind == kindInt || e.kind == kindReal {
			for _, b := range v {
				acc |= cls[b]
			}
		}
		switch {
		case e.simple && acc&clsDelim == 0:
			c.fastValue(s, loop, n, 0, e, v, acc)
		case e.single && acc&clsRep == 0:
			c.composite(s, loop, n, e, v, cls)
		default:
			c.element(s, loop, n, e.es) // repetitions: the general checks
		}
	}
	for _, i := range cs.required {
		if int(i) >= len(elems) {
			c.fail(s, loop, int(i)+1, 0, 0, cs.elems[i].es.Ref, "1", ErrElementRequired)
		}
	}
	for i := range cs.rules {
		if r := &cs.rules[i]; r.violated(present) {
			c.syntax(s, loop, spec, r.rule)
		}
	}
}

// absent reports what a value v that is not checked further makes (component comp of element
// n, 0 for the whole element): nothing when the spec has no such element, a finding when it
// is required and empty, or present where the guide does not use it.
func (c *elementChecker) absent(s *Segment, loop string, n, comp int, e *ckElem, v []byte) {
	switch {
	case !e.has:
	case len(v) == 0 && e.usage == Required:
		c.fail(s, loop, n, comp, 0, e.es.Ref, "1", ErrElementRequired)
	case len(v) > 0 && e.usage == NotUsed:
		c.fail(s, loop, n, comp, 0, e.es.Ref, "I10", ErrElementNotUsed)
	}
}

// composite is element for a composite of one repetition, v (not empty, without a repetition
// separator): one pass over its bytes finds the components and their byte classes, and
// printable text of an allowed length and short code is passed without a call.
func (c *elementChecker) composite(s *Segment, loop string, n int, e *ckElem, v []byte, cls *[256]uint8) {
	if s.delims.Component == 0 {
		c.compositeSplit(s, loop, n, e, v, cls) // no separator marked in cls
		return
	}
	var ends [16]int32 // where each component ends in v
	var accs [16]uint8 // its byte classes or-ed
	k := 0
	var acc uint8
	for i, b := range v {
		cl := cls[b]
		if cl&clsComp != 0 {
			if k >= len(e.comps)-1 || k >= len(ends)-1 {
				// More components than the element has (a finding that comes first), or
				// than this pass keeps.
				c.compositeSplit(s, loop, n, e, v, cls)
				return
			}
			ends[k], accs[k] = int32(i), acc
			k++
			acc = 0
			continue
		}
		acc |= cl
	}
	ends[k], accs[k] = int32(len(v)), acc
	k++
	start := 0
	for j := range e.comps {
		ce := &e.comps[j]
		var cv []byte
		var a uint8
		if j < k {
			cv, a = v[start:ends[j]], accs[j]
			start = int(ends[j]) + 1
		}
		if !ce.has || len(cv) == 0 || ce.usage == NotUsed {
			c.absent(s, loop, n, j+1, ce, cv)
			continue
		}
		if ce.plain && a&clsNotExt == 0 && int32(len(cv)) >= ce.min && (ce.max <= 0 || int32(len(cv)) <= ce.max) {
			if !ce.codes {
				continue
			}
			if code, ok := packCode(cv); ok && slices.Contains(ce.short, code) {
				continue
			}
		}
		c.fastValue(s, loop, n, j+1, ce, cv, a)
	}
}

// compositeSplit is composite for any number of components, splitting them one by one.
func (c *elementChecker) compositeSplit(s *Segment, loop string, n int, e *ckElem, v []byte, cls *[256]uint8) {
	comp := s.delims.Component
	if bytes.Count(v, []byte{comp})+1 > len(e.comps) {
		c.fail(s, loop, n, len(e.comps)+1, 0, e.es.Ref, "13", ErrTooManyComponents)
	}
	rest := v
	for k := range e.comps {
		ce := &e.comps[k]
		var cv []byte
		cv, rest = cutPart(rest, comp)
		if !ce.has || len(cv) == 0 || ce.usage == NotUsed {
			c.absent(s, loop, n, k+1, ce, cv)
			continue
		}
		var acc uint8
		for _, b := range cv {
			acc |= cls[b]
		}
		c.fastValue(s, loop, n, k+1, ce, cv, acc)
	}
}

// fastValue is value for a simple value v (component comp of element n, 0 for the whole
// element) whose byte classes or-ed are acc.
func (c *elementChecker) fastValue(s *Segment, loop string, n, comp int, e *ckElem, v []byte, acc uint8) {
	length := len(v)
	switch e.kind {
	case kindInt, kindReal:
		if acc&clsNotDigit != 0 {
			digits, ok := numeric(v, e.kind == kindReal)
			if !ok {
				c.fail(s, loop, n, comp, 0, e.es.Ref, "6", ErrInvalidCharacter)
				return
			}
			length = digits
		}
	case kindDate:
		if !(len(v) == 8 && validDate(string(v)) || len(v) == 6 && e.max == 6 && validYYMMDD(string(v))) {
			c.fail(s, loop, n, comp, 0, e.es.Ref, "8", ErrInvalidDate)
			return
		}
	case kindTime:
		if !validTime(string(v), int(max(e.min, 4)), int(max(e.max, 4))) {
			c.fail(s, loop, n, comp, 0, e.es.Ref, "9", ErrInvalidTime)
			return
		}
	case kindBinary:
		return
	default:
		if acc&clsNotExt != 0 && !charsetOK(v) {
			c.fail(s, loop, n, comp, 0, e.es.Ref, "6", ErrInvalidCharacter)
			return
		}
	}
	if e.min > 0 && length < int(e.min) {
		c.fail(s, loop, n, comp, 0, e.es.Ref, "4", ErrElementTooShort)
		return
	}
	if e.max > 0 && length > int(e.max) {
		c.fail(s, loop, n, comp, 0, e.es.Ref, "5", ErrElementLong)
		return
	}
	if e.codes {
		if k, ok := packCode(v); ok {
			for _, code := range e.short {
				if k == code {
					return
				}
			}
		} else {
			for _, code := range e.long {
				if string(v) == code {
					return
				}
			}
		}
		c.fail(s, loop, n, comp, 0, e.es.Ref, "7", ErrInvalidCode)
		return
	}
	if !e.set {
		return
	}
	id := int(e.setID)
	if id >= len(c.tests) {
		c.tests = append(c.tests, make([]ckTest, id+1-len(c.tests))...)
	}
	t := &c.tests[id]
	if !t.done {
		t.test, t.done = c.codeTest(e.es), true
	}
	if t.test == nil {
		return
	}
	k, short := packCode(v)
	if short && (t.ok[0] == k || t.ok[1] == k || t.ok[2] == k || t.ok[3] == k) {
		return // not 0: a packed code holds its length
	}
	if !t.test(v) {
		c.fail(s, loop, n, comp, 0, e.es.Ref, "7", ErrInvalidCode)
		return
	}
	if short {
		t.ok[t.next&3] = k
		t.next++
	}
}

// ckRule is a syntax note compiled into bit masks of its elements (bit n for element n).
type ckRule struct {
	rule  SyntaxRule
	all   uint64 // its elements
	first uint64 // its first element
	exact bool   // its elements are distinct, of the spec and below 64: violated tells it all
}

// compileRule compiles rule of a segment spec of elements elements: fastCheck sees only
// those as present.
func compileRule(rule SyntaxRule, elements int) ckRule {
	r := ckRule{rule: rule, exact: len(rule.Elements) > 0}
	for i, n := range rule.Elements {
		if n < 1 || n > 63 || n > elements || r.all&(1<<n) != 0 {
			r.exact = false
			continue
		}
		r.all |= 1 << n
		if i == 0 {
			r.first = 1 << n
		}
	}
	return r
}

// violated reports whether the note fails with these elements present (bit n for element
// n): for an exact rule exactly when syntax makes a finding, else whenever it may.
func (r *ckRule) violated(present uint64) bool {
	if !r.exact {
		return true
	}
	m := present & r.all
	switch r.rule.Kind {
	case Paired: // all or none
		return m != 0 && m != r.all
	case RequiredOne: // at least one
		return m == 0
	case Exclusion: // at most one
		return m&(m-1) != 0
	case Conditional: // if the first, then all
		return m&r.first != 0 && m != r.all
	case ListConditional: // if the first, then at least one other
		return m == r.first
	}
	return true
}

const (
	swarLow  = 0x0101010101010101
	swarHigh = 0x7f7f7f7f7f7f7f7f
)

// swarEq returns a word with the high bit of each byte set where w's byte equals the byte
// broadcast in b (b = c·swarLow), and no other bit: exact, with no carry between bytes.
func swarEq(w, b uint64) uint64 {
	x := w ^ b
	t := (x & swarHigh) + swarHigh
	return ^(t | x | swarHigh)
}

// printableOnly says that the extended character set's ASCII bytes are exactly the printable
// ones, 0x20–0x7E, which plainText tests for.
var printableOnly = func() bool {
	for i := 0; i < 256; i++ {
		if (ckBase[i]&clsNotExt == 0) != (i >= 0x20 && i <= 0x7e) {
			return false
		}
	}
	return true
}()

// plainText reports whether raw holds only printable ASCII bytes and neither d's component
// nor its repetition separator, eight bytes at a time.
func plainText(raw []byte, d *Delimiters) bool {
	bc, br := uint64(d.Component)*swarLow, uint64(d.Repetition)*swarLow
	i := 0
	for ; i+8 <= len(raw); i += 8 {
		w := binary.LittleEndian.Uint64(raw[i:])
		// With every high bit clear, no byte carries into the next: w+0x60 sets a byte's high
		// bit from 0x20 up, w+0x01 from 0x7F up.
		if w&^swarHigh != 0 || (w+0x6060606060606060)&^swarHigh != ^uint64(swarHigh) || (w+swarLow)&^swarHigh != 0 {
			return false
		}
		if d.Component != 0 && swarEq(w, bc) != 0 || d.Repetition != 0 && swarEq(w, br) != 0 {
			return false
		}
	}
	for ; i < len(raw); i++ {
		c := raw[i]
		if c < 0x20 || c > 0x7e || c == d.Component && c != 0 || c == d.Repetition && c != 0 {
			return false
		}
	}
	return true
}
