package x12

import (
	"bytes"
	"unicode/utf8"
)

// Element checks: what the guide says of each element — usage, type, length, code list,
// repetitions, components and syntax notes — applied to one segment. The findings carry
// IK403 codes; the checks never change the segment.

// elementChecker checks segments against their SegmentSpec.
type elementChecker struct {
	codes  CodeSource
	report func(*Error)
	sets   map[*ElementSpec]func(value []byte) bool // per element naming an external set: its test, nil when not checked

	memo   segmentMemo // segments already checked clean
	stats  []memoStat  // per guide child (builder.slot): how well the memo serves its segments
	noMemo bool        // check every segment (tests compare)

	// The fast path (fastcheck.go): compiled specs by guide child, the code tests, and the
	// byte classes for the delimiters in use.
	bySlot          []*ckSeg
	tests           []ckTest // the code tests of compiled elements, by ckCold.setID
	cls             [256]uint8
	clsComp, clsRep byte
	clsReady        bool
}

// checkOnce is check for a segment that the set has not already shown clean: files repeat
// segments to the byte (a provider's NM1, a date, a common adjustment), and a segment's
// element findings depend only on its use and its bytes (the delimiters are the set's), so a
// use seen clean with the same bytes is clean again.
//
// Some uses never repeat (an HL, a claim's CLM, a patient's DMG): for them the memo costs a
// hash and a probe per segment and saves nothing. slot numbers the use among the guide's
// children (builder.slot; -1 when it has no number, below slots otherwise): a use whose
// segments the memo has seldom held is checked without it, and tried with it again now and
// then. The findings are the same either way.
func (c *elementChecker) checkOnce(s *Segment, spec *SegmentSpec, loop string, findings *ErrorList, slot, slots int) {
	if c.noMemo {
		c.fastCheck(s, c.compiled(spec, slot, slots), loop)
		return
	}
	var st *memoStat
	if slot >= 0 {
		if c.stats == nil {
			c.stats = make([]memoStat, slots)
		}
		st = &c.stats[slot]
		if st.skip > 0 {
			st.skip--
			c.fastCheck(s, c.compiled(spec, slot, slots), loop)
			return
		}
	}
	if st != nil && st.lastUse == spec && len(st.last) == len(s.raw) && string(st.last) == string(s.raw) {
		// The use's last segment again (a payer's CAS, a claim's LX): clean without a hash.
		st.seen(true)
		return
	}
	h := memoHash(s.raw)
	hit := c.memo.has(h, spec, s.raw)
	if st != nil {
		st.seen(hit)
	}
	if hit {
		st.remember(spec, s.raw)
		return
	}
	before := findings.Len() + findings.Omitted
	c.fastCheck(s, c.compiled(spec, slot, slots), loop)
	if findings.Len()+findings.Omitted == before {
		c.memo.add(h, spec, s.raw)
		st.remember(spec, s.raw)
	}
}

const (
	memoLast      = 256 // the longest segment a memoStat keeps as its use's last clean one
	memoLastAfter = 32  // lookups of a use before it keeps one: a small set allocates nothing for it
)

// remember keeps raw, shown clean as the use spec, as the use's last segment (st may be nil:
// no use number).
func (st *memoStat) remember(spec *SegmentSpec, raw []byte) {
	if st == nil || len(raw) > memoLast {
		return
	}
	if st.last == nil && st.lookups < memoLastAfter {
		st.lookups++
		return
	}
	st.last, st.lastUse = append(st.last[:0], raw...), spec
}

// memoStat is how often the memo held the segments of one use.
type memoStat struct {
	tries, hits int32
	skip        int32        // segments of this use still to check without the memo
	last        []byte       // the last segment of this use shown clean (memoLast bytes at most)
	lastUse     *SegmentSpec // and its use (nil: none kept)
	lookups     int32        // lookups before last is first kept (memoLastAfter)
}

const (
	memoTrial = 64   // segments of a use looked up before judging the memo's worth for it
	memoSkip  = 1024 // segments checked without the memo before trying it again
)

// seen counts one lookup; after memoTrial of them, a use with fewer than one hit in two goes
// without the memo for its next memoSkip segments. A lookup (hash and probe) costs about a
// third of the checks a hit saves, so a use below about one hit in three loses time to the
// memo; one in two leaves a margin (837P decode, validated: about −3 %, A/B min of 6).
func (st *memoStat) seen(hit bool) {
	st.tries++
	if hit {
		st.hits++
	}
	if st.tries < memoTrial {
		return
	}
	if st.hits*2 < st.tries {
		st.skip = memoSkip
	}
	st.tries, st.hits = 0, 0
}

// codeTest returns the membership test of the external code set es names, or nil when its
// values are not checked (no source, unknown or not exhaustive set); the source is asked once
// per element spec and set read.
func (c *elementChecker) codeTest(es *ElementSpec) func([]byte) bool {
	if c.codes == nil {
		return nil
	}
	test, ok := c.sets[es]
	if !ok {
		if c.codes.Known(es.CodeSet) && exhaustive(c.codes, es.CodeSet) {
			test = func(v []byte) bool { return c.codes.Contains(es.CodeSet, string(v)) }
			if m, ok := c.codes.(interface {
				Matcher(set string) func(value []byte) bool
			}); ok {
				if f := m.Matcher(es.CodeSet); f != nil {
					test = f
				}
			}
		}
		if c.sets == nil {
			c.sets = map[*ElementSpec]func([]byte) bool{}
		}
		c.sets[es] = test
	}
	return test
}

func (c *elementChecker) fail(s *Segment, loop string, n, comp, rep, ref int, code string, err error) {
	p := s.Pos
	p.Loop, p.Element, p.Component, p.Repetition = loop, n, comp, rep
	c.report(&Error{Pos: p, Level: LevelElement, Code: code, Ref: ref, Err: err})
}

// check reports every element problem of s, placed as spec in loop.
func (c *elementChecker) check(s *Segment, spec *SegmentSpec, loop string) {
	if s.binary {
		return
	}
	if s.Len() > len(spec.Elements) {
		c.fail(s, loop, len(spec.Elements)+1, 0, 0, 0, "3", ErrTooManyDataElements)
	}
	for i, es := range spec.Elements {
		if es == nil {
			continue
		}
		n := i + 1
		v := s.Element(n)
		if len(v) == 0 {
			if es.Usage == Required {
				c.fail(s, loop, n, 0, 0, es.Ref, "1", ErrElementRequired)
			}
			continue
		}
		if es.Usage == NotUsed {
			c.fail(s, loop, n, 0, 0, es.Ref, "I10", ErrElementNotUsed)
			continue
		}
		if es.Components == nil && es.Repeat <= 1 && !containsEither(v, s.delims.Repetition, s.delims.Component) {
			c.value(s, loop, n, 0, 0, es, v) // the common case: one simple value
			continue
		}
		c.element(s, loop, n, es)
	}
	for _, rule := range spec.Syntax {
		c.syntax(s, loop, spec, rule)
	}
}

// element checks element n of s, not empty and used, with its repetitions and components.
func (c *elementChecker) element(s *Segment, loop string, n int, es *ElementSpec) {
	reps := s.Repetitions(n)
	if maxReps := max(es.Repeat, 1); reps > maxReps {
		c.fail(s, loop, n, 0, maxReps+1, es.Ref, "12", ErrTooManyRepetitions)
		reps = maxReps
	}
	for r := 1; r <= reps; r++ {
		repN := 0
		if reps > 1 || es.Repeat > 1 {
			repN = r
		}
		if es.Components == nil {
			if s.Components(n, r) > 1 {
				c.fail(s, loop, n, 2, repN, es.Ref, "13", ErrTooManyComponents)
				continue
			}
			c.value(s, loop, n, 0, repN, es, s.At(n, r, 0))
			continue
		}
		rest := s.At(n, r, 0) // the repetition, cut into its components as they are checked
		if len(rest) > 0 && bytes.Count(rest, []byte{s.delims.Component})+1 > len(es.Components) {
			c.fail(s, loop, n, len(es.Components)+1, repN, es.Ref, "13", ErrTooManyComponents)
		}
		for k, cs := range es.Components {
			var cv []byte
			cv, rest = cutPart(rest, s.delims.Component)
			if cs == nil {
				continue
			}
			if len(cv) == 0 {
				if cs.Usage == Required {
					c.fail(s, loop, n, k+1, repN, cs.Ref, "1", ErrElementRequired)
				}
				continue
			}
			if cs.Usage == NotUsed {
				c.fail(s, loop, n, k+1, repN, cs.Ref, "I10", ErrElementNotUsed)
				continue
			}
			c.value(s, loop, n, k+1, repN, cs, cv)
		}
	}
}

// cutPart returns the part of b before the first sep and what follows that sep (nil after the
// last part): the parts nth gives for 1, 2, 3… in one pass.
func cutPart(b []byte, sep byte) (part, rest []byte) {
	if j := bytes.IndexByte(b, sep); j >= 0 {
		return b[:j], b[j+1:]
	}
	return b, nil
}

// containsEither reports whether b holds a or c (delimiters; 0 means none is in use). Values
// are short: one plain loop beats two IndexByte calls.
func containsEither(b []byte, a, c byte) bool {
	if a == 0 {
		a = c
	}
	if c == 0 {
		c = a
	}
	if a == 0 {
		return false
	}
	for _, x := range b {
		if x == a || x == c {
			return true
		}
	}
	return false
}

// value checks one simple value against its type, length and code list.
func (c *elementChecker) value(s *Segment, loop string, n, comp, rep int, es *ElementSpec, v []byte) {
	fail := func(code string, err error) { c.fail(s, loop, n, comp, rep, es.Ref, code, err) }
	length := len(v)
	switch es.Type {
	case TypeN0, TypeN2, TypeR:
		digits, ok := numeric(v, es.Type == TypeR)
		if !ok {
			fail("6", ErrInvalidCharacter)
			return
		}
		length = digits
	case TypeDT:
		if !(len(v) == 8 && validDate(string(v)) || len(v) == 6 && es.Max == 6 && validYYMMDD(string(v))) {
			fail("8", ErrInvalidDate)
			return
		}
	case TypeTM:
		if !validTime(string(v), max(es.Min, 4), max(es.Max, 4)) {
			fail("9", ErrInvalidTime)
			return
		}
	case TypeB:
		return
	default:
		if !charsetOK(v) {
			fail("6", ErrInvalidCharacter)
			return
		}
	}
	if es.Min > 0 && length < es.Min {
		fail("4", ErrElementTooShort)
		return
	}
	if es.Max > 0 && length > es.Max {
		fail("5", ErrElementLong)
		return
	}
	if len(es.Codes) > 0 {
		for _, code := range es.Codes {
			if string(v) == code {
				return
			}
		}
		fail("7", ErrInvalidCode)
		return
	}
	if es.CodeSet == "" {
		return
	}
	if test := c.codeTest(es); test != nil && !test(v) {
		fail("7", ErrInvalidCode)
	}
}

// numeric checks an N or R value and returns its digit count (sign and point not counted).
func numeric(v []byte, decimal bool) (int, bool) {
	if len(v) > 0 && v[0] == '-' {
		v = v[1:]
	}
	digits, point := 0, false
	for _, ch := range v {
		switch {
		case ch >= '0' && ch <= '9':
			digits++
		case ch == '.' && decimal && !point:
			point = true
		default:
			return 0, false
		}
	}
	return digits, digits > 0
}

// charsetOK reports whether v holds only extended-set characters.
func charsetOK(v []byte) bool {
	for i := 0; i < len(v); {
		if v[i] < utf8.RuneSelf {
			if !inExtended[v[i]] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(v[i:])
		if !Extended.Contains(r) {
			return false
		}
		i += size
	}
	return true
}

// syntax checks one X12 syntax note.
func (c *elementChecker) syntax(s *Segment, loop string, spec *SegmentSpec, rule SyntaxRule) {
	present := 0
	firstMissing, firstPresent, second := 0, 0, 0
	for _, n := range rule.Elements {
		if s.Has(n) {
			present++
			if firstPresent == 0 {
				firstPresent = n
			} else if second == 0 {
				second = n
			}
		} else if firstMissing == 0 {
			firstMissing = n
		}
	}
	head := rule.Elements[0]
	missing := func(n int) { c.fail(s, loop, n, 0, 0, refOf(spec, n), "2", ErrElementConditional) }
	switch rule.Kind {
	case Paired:
		if present > 0 && firstMissing != 0 {
			missing(firstMissing)
		}
	case RequiredOne:
		if present == 0 {
			missing(head)
		}
	case Exclusion:
		if present > 1 {
			c.fail(s, loop, second, 0, 0, refOf(spec, second), "10", ErrExclusion)
		}
	case Conditional:
		if s.Has(head) {
			for _, n := range rule.Elements[1:] {
				if !s.Has(n) {
					missing(n)
					break
				}
			}
		}
	case ListConditional:
		if s.Has(head) && present == 1 {
			missing(rule.Elements[1])
		}
	}
}
