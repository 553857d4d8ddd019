package x12

import (
	"errors"
	"io"
	"strconv"
	"strings"
)

// InterchangeResult is what the EnvelopeChecker learned about one interchange: the envelope
// values a TA1 echoes or is addressed with (no patient data lives in an ISA) and its verdict.
type InterchangeResult struct {
	Pos               Position
	ControlNumber     string         // ISA13
	Date              string         // ISA09
	Time              string         // ISA10
	SenderQualifier   string         // ISA05
	SenderID          string         // ISA06, trimmed
	ReceiverQualifier string         // ISA07
	ReceiverID        string         // ISA08, trimmed
	Version           string         // ISA12
	AckRequested      bool           // ISA14 = 1
	Usage             UsageIndicator // ISA15
	Groups            int            // GS segments seen
	Note              string         // TA105: "000", or the code of the first interchange-level finding
	Ack               byte           // TA104: 'A' or 'R'
}

// TA1 returns the acknowledgment for this interchange.
func (r InterchangeResult) TA1() TA1 {
	return TA1{ControlNumber: r.ControlNumber, Date: r.Date, Time: r.Time, Ack: r.Ack, Note: r.Note}
}

// MaxTrackedControlNumbers bounds the control numbers an EnvelopeChecker remembers for its
// uniqueness checks (per stream, interchange and group); past it, uniqueness is not checked.
const MaxTrackedControlNumbers = 1 << 16

// EnvelopeChecker checks interchange, group and transaction set envelopes as segments stream
// past: ISA and GS element formats, ISA13 = IEA02, GS06 = GE02, ST02 = SE02, the counts in
// SE01, GE01 and IEA01, nesting, and control numbers unique in their scope. It reports every
// problem, each with its position and the TA105, AK905 or IK502 code it maps to.
//
// Feed it every segment with Segment and every error from Reader.Next with ReadError, then
// call Finish. Memory stays bounded: it keeps one InterchangeResult per interchange and at
// most MaxTrackedControlNumbers control numbers per scope. It is not safe for concurrent use.
type EnvelopeChecker struct {
	// MaxInterchanges bounds the InterchangeResults kept (one per interchange, for TA1s);
	// 0 means DefaultMaxInterchanges. Past it one warning (ErrInterchangeOverLimit) is
	// reported and each new interchange's result replaces the last one kept, so a stream of
	// any number of interchanges is checked in bounded memory (a caller that writes TA1s
	// takes each result as it comes).
	MaxInterchanges int

	errs    ErrorList
	over    bool // MaxInterchanges was reached
	results []InterchangeResult
	isa13s  map[string]struct{}

	inISA  bool
	isaPos Position
	groups int
	gs06s  map[string]struct{}

	inGS   bool
	gsPos  Position
	gs06   string
	sets   int
	st02s  map[string]struct{}
	inSet  bool
	stPos  Position
	st02   string
	segsIn int // segments in the open set, ST included
}

// DefaultMaxInterchanges is how many interchange results an EnvelopeChecker keeps when its
// MaxInterchanges is zero.
const DefaultMaxInterchanges = 10_000

// push keeps r as the result of the interchange just begun, within MaxInterchanges.
func (c *EnvelopeChecker) push(r InterchangeResult) {
	limit := c.MaxInterchanges
	if limit <= 0 {
		limit = DefaultMaxInterchanges
	}
	if len(c.results) < limit {
		c.results = append(c.results, r)
		return
	}
	if !c.over {
		c.over = true
		// A warning: every interchange is still checked; only results for TA1s are let go.
		c.errs.Add(&Error{Pos: r.Pos, Level: LevelInterchange, Code: "024", Err: ErrInterchangeOverLimit, Severity: SeverityWarning})
	}
	c.results[len(c.results)-1] = r
}

// Errors returns the findings so far.
func (c *EnvelopeChecker) Errors() *ErrorList { return &c.errs }

// Interchanges returns a result for each interchange seen.
func (c *EnvelopeChecker) Interchanges() []InterchangeResult { return c.results }

func (c *EnvelopeChecker) add(pos Position, level Level, code string, err error) {
	c.addError(&Error{Pos: pos, Level: level, Code: code, Err: err})
}

// addError records e; an interchange-level one sets the open interchange's TA1 note: a
// warning (a tolerated quirk) accepts it with errors noted (E), an error rejects it (R).
func (c *EnvelopeChecker) addError(e *Error) {
	c.errs.Add(e)
	// A quirk after an interchange's IEA (padding) notes the interchange it follows.
	after := !c.inISA && Tolerated(e) && len(c.results) > 0 && c.results[len(c.results)-1].Pos.Interchange == e.Pos.Interchange
	if e.Level == LevelInterchange && len(c.results) > 0 && (c.inISA || after) {
		r := &c.results[len(c.results)-1]
		switch {
		case e.Severity == SeverityWarning && r.Note == "000":
			r.Note, r.Ack = e.Code, TA1AcceptedWithErrors
		case e.Severity != SeverityWarning && r.Ack != TA1Rejected:
			r.Note, r.Ack = e.Code, TA1Rejected
		}
	}
}

func remember(m *map[string]struct{}, key string) (dup bool) {
	if *m == nil {
		*m = make(map[string]struct{})
	}
	if _, ok := (*m)[key]; ok {
		return true
	}
	if len(*m) < MaxTrackedControlNumbers {
		(*m)[key] = struct{}{}
	}
	return false
}

// ReadError records an error returned by Reader.Next, or a warning from Reader.Warnings
// (a tolerated quirk, which notes the interchange's TA1 without rejecting it). Errors that
// are not *Error (I/O errors) are ignored: they are the caller's to handle.
func (c *EnvelopeChecker) ReadError(err error) {
	var e *Error
	if !errors.As(err, &e) {
		return
	}
	if e.Severity == SeverityWarning || Tolerated(err) {
		c.addError(e)
		return
	}
	if c.inSet {
		c.segsIn++
	}
	if errors.Is(err, ErrNoISA) || errors.Is(err, ErrShortISA) || errors.Is(err, ErrElementSeparator) ||
		errors.Is(err, ErrComponentSeparator) || errors.Is(err, ErrSegmentTerminator) || errors.Is(err, ErrDelimiters) {
		// The interchange cannot be read: record it so a TA1 can reject it. Nothing after
		// it can be read either, so no trailer is missing.
		c.closeInterchange(e.Pos, true)
		c.push(InterchangeResult{Pos: e.Pos, Note: "000", Ack: TA1Accepted})
		c.inISA = true
		c.addError(e)
		c.inISA = false
		return
	}
	c.addError(e)
}

// Feed records what one call to r.Next returned — the segment s, or err (io.EOF included) —
// with the quirks r tolerated: an ISA's after it, so that they note its own interchange;
// any other's (an IEA without terminator, padding after one) before it.
func (c *EnvelopeChecker) Feed(r *Reader, s *Segment, err error) {
	if err != nil {
		if err != io.EOF {
			c.ReadError(err)
		}
		c.warnings(r)
		return
	}
	if s.id != "ISA" {
		c.warnings(r)
	}
	c.Segment(s)
	if s.id == "ISA" {
		c.warnings(r)
	}
}

func (c *EnvelopeChecker) warnings(r *Reader) {
	for _, w := range r.Warnings() {
		c.ReadError(w)
	}
}

// Segment checks one segment.
func (c *EnvelopeChecker) Segment(s *Segment) {
	if id := s.ID(); c.inSet && id != "" && id[0] != 'I' && id[0] != 'G' && id[0] != 'S' && id[0] != 'T' {
		c.segsIn++ // not an envelope segment (ISA, IEA, ISB, ISE, GS, GE, ST, SE, TA1): the usual case
		return
	}
	switch s.ID() {
	case "ISA":
		c.isa(s)
	case "IEA":
		c.iea(s)
	case "GS":
		c.gs(s)
	case "GE":
		c.ge(s)
	case "ST":
		c.st(s)
	case "SE":
		c.se(s)
	case "TA1", "ISB", "ISE":
		if !c.inISA || c.groups > 0 || c.inGS {
			c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
		} else if s.ID() == "TA1" {
			if _, err := ParseTA1(s); err != nil {
				var e *Error
				if errors.As(err, &e) {
					c.add(e.Pos, LevelInterchange, "024", ErrInvalidTA1)
				}
			}
		}
	default:
		if c.inSet {
			c.segsIn++
			return
		}
		c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
	}
}

// Finish closes whatever is still open at the end of the stream (each missing trailer is a
// finding) and returns the findings.
func (c *EnvelopeChecker) Finish() *ErrorList {
	c.closeInterchange(Position{}, true)
	return &c.errs
}

func trimmed(s *Segment, n int) string { return strings.TrimRight(s.Value(n), " ") }

var interchangeIDQualifiers = map[string]bool{
	"01": true, "14": true, "20": true, "27": true, "28": true, "29": true, "30": true, "33": true, "ZZ": true,
}

func (c *EnvelopeChecker) isa(s *Segment) {
	if c.inISA {
		c.closeInterchange(s.Pos, true)
	}
	c.inISA, c.isaPos, c.groups, c.gs06s = true, s.Pos, 0, nil
	r := InterchangeResult{
		Pos: s.Pos, ControlNumber: s.Value(13), Date: s.Value(9), Time: s.Value(10),
		SenderQualifier: s.Value(5), SenderID: trimmed(s, 6),
		ReceiverQualifier: s.Value(7), ReceiverID: trimmed(s, 8), Version: s.Value(12),
		AckRequested: s.Value(14) == "1", Note: "000", Ack: TA1Accepted,
	}
	if u := s.Element(15); len(u) == 1 {
		r.Usage = UsageIndicator(u[0])
	}
	c.push(r)
	bad := func(n int, code string) { c.add(elementPos(s, n), LevelInterchange, code, ErrInvalidISAElement) }
	if v := s.Value(1); v != "00" && v != "03" {
		bad(1, "010")
	}
	if v := s.Value(3); v != "00" && v != "01" {
		bad(3, "012")
	}
	if !interchangeIDQualifiers[s.Value(5)] {
		bad(5, "005")
	}
	if r.SenderID == "" {
		bad(6, "006")
	}
	if !interchangeIDQualifiers[s.Value(7)] {
		bad(7, "007")
	}
	if r.ReceiverID == "" {
		bad(8, "008")
	}
	if !validYYMMDD(r.Date) {
		bad(9, "014")
	}
	if !validTime(r.Time, 4, 4) {
		bad(10, "015")
	}
	if r.Version != "00501" {
		bad(12, "017")
	}
	if len(r.ControlNumber) != 9 || !allDigits([]byte(r.ControlNumber)) {
		bad(13, "018")
	} else if remember(&c.isa13s, r.ControlNumber) {
		bad(13, "025")
	}
	if v := s.Value(14); v != "0" && v != "1" {
		bad(14, "019")
	}
	if r.Usage != Test && r.Usage != Production {
		bad(15, "020")
	}
}

func (c *EnvelopeChecker) iea(s *Segment) {
	if !c.inISA {
		c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
		return
	}
	c.closeGroup(s.Pos, true)
	if s.Value(1) != strconv.Itoa(c.groups) {
		c.add(elementPos(s, 1), LevelInterchange, "021", ErrCountMismatch)
	}
	if r := c.results[len(c.results)-1]; s.Value(2) != r.ControlNumber {
		c.add(elementPos(s, 2), LevelInterchange, "001", ErrControlNumberMismatch)
	}
	c.closeInterchange(s.Pos, false)
}

// closeInterchange ends the open interchange; missing says the IEA never came.
func (c *EnvelopeChecker) closeInterchange(at Position, missing bool) {
	if !c.inISA {
		return
	}
	c.closeGroup(at, missing)
	c.results[len(c.results)-1].Groups = c.groups
	if missing {
		c.add(c.isaPos, LevelInterchange, "023", ErrMissingTrailer)
	}
	c.inISA = false
}

func (c *EnvelopeChecker) gs(s *Segment) {
	if !c.inISA {
		c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
		return
	}
	if c.inGS {
		c.closeGroup(s.Pos, true)
	}
	c.inGS, c.gsPos, c.sets, c.st02s = true, s.Pos, 0, nil
	c.groups++
	c.gs06 = s.Value(6)
	bad := func(n int, level Level, code string) { c.add(elementPos(s, n), level, code, ErrInvalidGSElement) }
	if v := s.Element(1); len(v) != 2 {
		bad(1, LevelGroup, "1")
	}
	for _, n := range []int{2, 3} {
		if v := len(s.Element(n)); v < 2 || v > 15 {
			bad(n, LevelInterchange, "024")
		}
	}
	if !validDate(s.Value(4)) {
		bad(4, LevelInterchange, "024")
	}
	if !validTime(s.Value(5), 4, 8) {
		bad(5, LevelInterchange, "024")
	}
	if len(c.gs06) < 1 || len(c.gs06) > 9 || !allDigits([]byte(c.gs06)) {
		bad(6, LevelGroup, "6")
	} else if remember(&c.gs06s, c.gs06) {
		bad(6, LevelGroup, "19")
	}
	if s.Value(7) != "X" {
		bad(7, LevelInterchange, "024")
	}
	if v := len(s.Element(8)); v < 1 || v > 12 {
		bad(8, LevelGroup, "2")
	}
}

func (c *EnvelopeChecker) ge(s *Segment) {
	if !c.inGS {
		c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
		return
	}
	c.closeSet(s.Pos, true)
	if s.Value(1) != strconv.Itoa(c.sets) {
		c.add(elementPos(s, 1), LevelGroup, "5", ErrCountMismatch)
	}
	if s.Value(2) != c.gs06 {
		c.add(elementPos(s, 2), LevelGroup, "4", ErrControlNumberMismatch)
	}
	c.inGS = false
}

func (c *EnvelopeChecker) closeGroup(at Position, missing bool) {
	if !c.inGS {
		return
	}
	c.closeSet(at, missing)
	if missing {
		c.add(c.gsPos, LevelGroup, "3", ErrMissingTrailer)
	}
	c.inGS = false
}

func (c *EnvelopeChecker) st(s *Segment) {
	if !c.inGS {
		c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
		return
	}
	if c.inSet {
		c.closeSet(s.Pos, true)
	}
	c.inSet, c.stPos, c.segsIn = true, s.Pos, 1
	c.sets++
	c.st02 = s.Value(2)
	if v := len(s.Element(1)); v != 3 || !allDigits(s.Element(1)) {
		c.add(elementPos(s, 1), LevelSet, "6", ErrInvalidSTElement)
	}
	if v := len(c.st02); v < 4 || v > 9 {
		c.add(elementPos(s, 2), LevelSet, "7", ErrInvalidSTElement)
	} else if remember(&c.st02s, c.st02) {
		c.add(elementPos(s, 2), LevelSet, "23", ErrDuplicateControl)
	}
}

func (c *EnvelopeChecker) se(s *Segment) {
	if !c.inSet {
		c.add(s.Pos, LevelInterchange, "024", ErrUnexpectedSegment)
		return
	}
	c.segsIn++
	if s.Value(1) != strconv.Itoa(c.segsIn) {
		c.add(elementPos(s, 1), LevelSet, "4", ErrCountMismatch)
	}
	if s.Value(2) != c.st02 {
		c.add(elementPos(s, 2), LevelSet, "3", ErrControlNumberMismatch)
	}
	c.inSet = false
}

func (c *EnvelopeChecker) closeSet(at Position, missing bool) {
	if !c.inSet {
		return
	}
	if missing {
		c.add(c.stPos, LevelSet, "2", ErrMissingTrailer)
	}
	c.inSet = false
}

// CheckEnvelopes reads src to the end with a Reader and an EnvelopeChecker. The error is
// only for input that could not be read (an I/O error); findings are in the checker.
func CheckEnvelopes(src io.Reader) (*EnvelopeChecker, error) {
	r := NewReader(src)
	c := &EnvelopeChecker{}
	for {
		s, err := r.Next()
		var e *Error
		if err != nil && err != io.EOF && !errors.As(err, &e) {
			return c, err
		}
		c.Feed(r, s, err)
		if err == io.EOF || r.Err() != nil { // the end, or nothing more can be read
			break
		}
	}
	c.Finish()
	return c, nil
}
