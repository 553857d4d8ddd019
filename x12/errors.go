package x12

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them in an *Error that
// says where it happened; match them with errors.Is. No error text ever contains element
// values: X12 data is patient data.
var (
	// Interchange and delimiter errors (TA1 level).
	ErrNoISA              = errors.New("interchange does not start with ISA")
	ErrShortISA           = errors.New("ISA shorter than its fixed 106 characters")
	ErrElementSeparator   = errors.New("element separator not at the 16 fixed ISA positions")
	ErrComponentSeparator = errors.New("invalid component separator (ISA16)")
	ErrSegmentTerminator  = errors.New("invalid segment terminator")
	ErrDelimiters         = errors.New("delimiters must be distinct and not letters, digits or spaces")

	// Reader limits and segment syntax.
	ErrSegmentTooLong   = errors.New("segment longer than the reader's limit")
	ErrElementTooLong   = errors.New("element longer than the reader's limit")
	ErrTooManyElements  = errors.New("segment has more elements than the reader's limit")
	ErrSegmentID        = errors.New("segment ID is not 2 or 3 letters and digits")
	ErrBinaryLength     = errors.New("BIN segment length missing, invalid or over the limit")
	ErrMissingTerminate = &subError{"input ends inside a segment (no segment terminator)", ErrTruncated}

	// Writer.
	ErrDelimiterInData = errors.New("data contains a delimiter or line break (X12 has no escape)")
	ErrWriteOrder      = errors.New("envelope segments written out of order")

	// Envelope structure.
	ErrControlNumberMismatch = errors.New("trailer control number differs from the header's")
	ErrCountMismatch         = errors.New("trailer count differs from what the envelope holds")
	ErrDuplicateControl      = errors.New("control number not unique")
	ErrMissingTrailer        = errors.New("envelope trailer missing")
	ErrUnexpectedSegment     = errors.New("segment outside the envelope structure")
	ErrInvalidISAElement     = errors.New("ISA element invalid")
	ErrInvalidGSElement      = errors.New("GS element invalid")
	ErrInvalidSTElement      = errors.New("ST element invalid")
	ErrInvalidTA1            = errors.New("TA1 segment invalid")

	// Implementation-guide findings (999 IK304 and IK403 codes).
	ErrUnrecognizedSegment = errors.New("segment not in the implementation guide")
	ErrSegmentOutOfOrder   = errors.New("segment not in proper sequence")
	ErrRequiredSegment     = errors.New("required segment missing")
	ErrRequiredLoop        = errors.New("required loop missing")
	ErrLoopOverRepeat      = errors.New("loop occurs over its maximum")
	ErrSegmentOverMaxUse   = errors.New("segment exceeds its maximum use")
	ErrSegmentNotUsed      = errors.New("segment the guide marks not used is present")
	ErrHierarchy           = errors.New("HL parent is not an open hierarchical level of the right kind")
	ErrElementRequired     = errors.New("required data element missing")
	ErrElementConditional  = errors.New("conditionally required data element missing")
	ErrElementNotUsed      = errors.New("data element the guide marks not used is present")
	ErrTooManyDataElements = errors.New("too many data elements")
	ErrElementTooShort     = errors.New("data element too short")
	ErrElementLong         = errors.New("data element too long")
	ErrInvalidCharacter    = errors.New("invalid character in data element")
	ErrInvalidCode         = errors.New("invalid code value")
	ErrInvalidDate         = errors.New("invalid date")
	ErrInvalidTime         = errors.New("invalid time")
	ErrExclusion           = errors.New("exclusion condition violated")
	ErrTooManyRepetitions  = errors.New("too many repetitions")
	ErrTooManyComponents   = errors.New("too many components")
	ErrSetTooLarge         = errors.New("transaction set larger than the configured limit")
	ErrUnknownTransaction  = errors.New("transaction set not supported (no guide for ST01/GS08)")

	// Quirks a real translator reads and the Reader tolerates. Each is reported as a finding
	// of SeverityWarning (SeverityError with the Reader's Strict option) with the TA105 code
	// it would carry, and reading goes on as if the interchange were well formed.
	ErrLegacyRepetition     = errors.New("ISA11 holds no usable repetition separator (legacy U or a letter) though ISA12 is 00402 or later; read without one")
	ErrRepetitionComponent  = errors.New("ISA11 repetition separator equals the ISA16 component separator; read without repetitions")
	ErrUnpaddedISA          = errors.New("ISA elements not padded to their fixed widths; read by its separators")
	ErrMultibyteComponent   = errors.New("ISA16 is a two-byte UTF-8 character (a charset conversion); read as its one-byte original")
	ErrNoFinalTerminator    = errors.New("last segment (IEA) has no segment terminator; read to the end of input")
	ErrTrailingPadding      = errors.New("NUL or Ctrl-Z (0x1A) bytes after an interchange's IEA; skipped")
	ErrDelimiterUnusable    = errors.New("delimiter is a control character (NUL) the reader cannot use")
	ErrInterchangeOverLimit = errors.New("more interchanges in the stream than the configured limit")

	// Conditions that stop a typed decoder or make it skip input. Decoders return them (in
	// an *Error with the position, or wrapped) instead of handing back fewer values.
	ErrNoInterchange    = errors.New("input holds no interchange (empty, white space only, or no ISA)")
	ErrTruncated        = errors.New("input ends before its envelopes close (truncated: a trailer or terminator missing at the end)")
	ErrWrongTransaction = errors.New("transaction set is not one this decoder reads")
	ErrSkipped          = errors.New("input skipped: a segment or value the reader had to drop or cut")
	ErrUnitTooLarge     = errors.New("loop instance larger than the configured limit; its further segments were dropped")
	ErrTooDeep          = errors.New("hierarchical levels nested deeper than the configured limit; their segments were dropped")
)

// Severity says whether a finding makes the input wrong (SeverityError, the zero value) or
// records something the reader tolerated (SeverityWarning).
type Severity uint8

// Severities.
const (
	SeverityError   Severity = iota // the input is wrong: an acknowledgment rejects or notes it
	SeverityWarning                 // a quirk read as a real translator reads it; an error under Strict
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// quirkSentinels are the sentinels of what the Reader tolerates.
var quirkSentinels = []error{ErrLegacyRepetition, ErrRepetitionComponent, ErrUnpaddedISA, ErrMultibyteComponent, ErrNoFinalTerminator, ErrTrailingPadding}

// Tolerated reports whether err is a quirk the Reader reads past (ErrLegacyRepetition,
// ErrUnpaddedISA…), whatever its severity.
func Tolerated(err error) bool {
	for _, q := range quirkSentinels {
		if errors.Is(err, q) {
			return true
		}
	}
	return false
}

// IsWarning reports whether err is an *Error of SeverityWarning (a tolerated quirk), or a
// list of nothing but such findings.
func IsWarning(err error) bool {
	var e *Error
	if l, ok := err.(*ErrorList); ok {
		return l.Errors() == 0 && l.Len() > 0
	}
	return errors.As(err, &e) && e.Severity == SeverityWarning
}

// subError is a sentinel that is a case of another: errors.Is matches both.
type subError struct {
	msg string
	of  error
}

func (e *subError) Error() string { return e.msg }
func (e *subError) Unwrap() error { return e.of }

// Level says which acknowledgment a finding belongs to, and so which code list Code is from.
type Level uint8

// Levels, from the whole interchange down to one element.
const (
	LevelNone        Level = iota
	LevelInterchange       // TA1: Code is a TA105 note code ("001" … "031")
	LevelGroup             // 999 AK9: Code is an AK905 code ("1" … "26")
	LevelSet               // 999 IK5: Code is an IK502 code ("1" … "27", "I5", "I6")
	LevelSegment           // 999 IK3: Code is an IK304 code ("1" … "8", "I4" …)
	LevelElement           // 999 IK4: Code is an IK403 code ("1" … "13", "I6" …)
)

var levelNames = [...]string{"", "TA105", "AK905", "IK502", "IK304", "IK403"}

// String names the acknowledgment element that carries a code of this level, e.g. "IK403".
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// Position locates something in a stream of X12. Counters are 1-based; 0 means "not known" or
// "not about one" (Element 0 means the whole segment).
type Position struct {
	Offset      int64  // byte offset of the segment's first byte in the stream
	Interchange int    // interchange number in the stream
	Segment     int    // segment index within its interchange (ISA is 1)
	SetSegment  int    // position within its transaction set (ST is 1); 0 outside a set
	ID          string // the segment ID, only when it is well formed (2–3 letters and digits)
	Loop        string // the implementation guide's loop ID ("2010BA"), once a guide placed the segment
	Element     int    // element number as X12 counts it: NM103 is 3
	Component   int    // component within the element
	Repetition  int    // repetition of the element
}

// String formats the position for messages, e.g. "interchange 1, segment 12 (NM1), element 3".
func (p Position) String() string {
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
	}
	if p.Interchange > 0 {
		b.WriteString("interchange ")
		b.WriteString(strconv.Itoa(p.Interchange))
	}
	if p.Segment > 0 || p.ID != "" {
		sep()
		b.WriteString("segment ")
		if p.Segment > 0 {
			b.WriteString(strconv.Itoa(p.Segment))
		}
		if p.ID != "" {
			if p.Segment > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("(" + p.ID + ")")
		}
	}
	if p.SetSegment > 0 {
		sep()
		b.WriteString("set position ")
		b.WriteString(strconv.Itoa(p.SetSegment))
	}
	if p.Loop != "" {
		sep()
		b.WriteString("loop ")
		b.WriteString(p.Loop)
	}
	if p.Element > 0 {
		sep()
		b.WriteString("element ")
		b.WriteString(strconv.Itoa(p.Element))
		if p.Repetition > 0 {
			b.WriteString(" repetition ")
			b.WriteString(strconv.Itoa(p.Repetition))
		}
		if p.Component > 0 {
			b.WriteString(" component ")
			b.WriteString(strconv.Itoa(p.Component))
		}
	}
	sep()
	b.WriteString("byte ")
	b.WriteString(strconv.FormatInt(p.Offset, 10))
	return b.String()
}

// Error is a finding: a problem found in X12 or in a value about to be written as X12. It is
// the one finding type of every package of the module: the readers, the guide checks, the
// envelope checks, the 999 and the transaction packages' business rules all report an
// *Error. It says which rule made it (Rule), how bad it is (Severity), where it is (Pos: the
// segment, loop and element, and the byte offset once written or read), which
// acknowledgment code it maps to (Level, Code, Ref), and, for a value being written or
// checked, which value and which of its Go fields it is about (Index, Field); Err is a
// sentinel to match with errors.Is. Its text never holds element values.
type Error struct {
	Pos   Position
	Level Level  // which acknowledgment code list Code belongs to
	Code  string // the TA105 / AK905 / IK502 / IK304 / IK403 code, "" when none applies
	Ref   int    // the data element reference number (IK402), for element findings from a guide
	Err   error  // the sentinel, e.g. ErrCountMismatch

	// Severity is SeverityError (the zero value) for a problem, SeverityWarning for a quirk
	// the reader tolerated (ErrLegacyRepetition, ErrUnpaddedISA…) or a rule's warning.
	Severity Severity

	// Rule is the stable ID of the rule that made the finding: one of a transaction package's
	// Rule constants for its business rules and a write's findings, RuleBalance for an
	// unbalanced 835. The engine leaves it empty on what it finds in X12; RuleID then
	// answers RuleSyntax, RuleEnvelope or RuleGuide by the finding's Level.
	Rule string
	// Index is the 0-based place of the value the finding is about among the values of one
	// Write, Encode or Check call (a batch, a remittance, a request). It is 0 on what a
	// reader finds, which Pos locates in the input.
	Index int
	// Field is the Go path, within that value, of the field the finding is about:
	// "Claims[2].Lines[0].Modifiers". It is empty when no typed field holds the element (a
	// segment kept raw, an envelope).
	Field string
	// Detail refines Err with a code, never a value: a telehealth policy's warning code.
	Detail string
}

// RuleID returns e.Rule, or for a finding of the engine, which leaves Rule empty, the rule by
// e.Level: RuleSyntax for the interchange (TA1) level, RuleEnvelope for the group and set
// levels (GS/GE, ST/SE), RuleGuide for the implementation guide's segment and element
// checks (and a finding of no level).
func (e *Error) RuleID() string {
	switch {
	case e.Rule != "":
		return e.Rule
	case e.Level == LevelInterchange:
		return RuleSyntax
	case e.Level == LevelGroup || e.Level == LevelSet:
		return RuleEnvelope
	}
	return RuleGuide
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("x12: ")
	if e.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Pos.String())
	if e.Index > 0 {
		b.WriteString(", value ")
		b.WriteString(strconv.Itoa(e.Index))
	}
	if e.Field != "" {
		b.WriteString(", field ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	if e.Rule != "" {
		b.WriteString(e.Rule)
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Code != "" {
		b.WriteString(" [")
		b.WriteString(e.Level.String())
		b.WriteByte(' ')
		b.WriteString(e.Code)
		b.WriteByte(']')
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// DefaultErrorLimit is how many findings an ErrorList keeps when its Max is zero.
const DefaultErrorLimit = 1000

// ErrorList collects findings so one run reports every problem, not just the first. The zero
// value is ready to use and keeps at most DefaultErrorLimit findings (Max changes that);
// findings past the limit are counted in Omitted. It is not safe for concurrent use.
type ErrorList struct {
	Max     int // findings kept; 0 means DefaultErrorLimit, negative means no limit
	Omitted int // findings dropped because the list was full
	errs    []*Error
}

// Add appends a finding, or counts it in Omitted when the list is full.
func (l *ErrorList) Add(e *Error) {
	limit := l.Max
	if limit == 0 {
		limit = DefaultErrorLimit
	}
	if limit > 0 && len(l.errs) >= limit {
		l.Omitted++
		return
	}
	l.errs = append(l.errs, e)
}

// trim keeps the first n findings, in a new array, and counts the others in Omitted.
func (l *ErrorList) trim(n int) {
	if len(l.errs) <= n {
		return
	}
	l.Omitted += len(l.errs) - n
	l.errs = append([]*Error(nil), l.errs[:n]...)
}

// Len is the number of findings kept.
func (l *ErrorList) Len() int { return len(l.errs) }

// Errors is the number of findings kept that are errors (not warnings), plus those omitted
// (which are not told apart).
func (l *ErrorList) Errors() int {
	n := l.Omitted
	for _, e := range l.errs {
		if e.Severity != SeverityWarning {
			n++
		}
	}
	return n
}

// All returns the findings kept, in the order added (or sorted, after Sort).
func (l *ErrorList) All() []*Error { return l.errs }

// Sort orders the findings by byte offset, then element, component and repetition.
func (l *ErrorList) Sort() {
	sort.SliceStable(l.errs, func(i, j int) bool {
		a, b := l.errs[i].Pos, l.errs[j].Pos
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		if a.Element != b.Element {
			return a.Element < b.Element
		}
		if a.Component != b.Component {
			return a.Component < b.Component
		}
		return a.Repetition < b.Repetition
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l *ErrorList) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return l
}

// Error summarises the list: the first finding and how many more there are.
func (l *ErrorList) Error() string {
	switch n := len(l.errs) + l.Omitted; n {
	case 0:
		return "x12: no errors"
	case 1:
		return l.errs[0].Error()
	default:
		return fmt.Sprintf("%s (and %d more errors)", l.errs[0].Error(), n-1)
	}
}

// Unwrap returns every finding, so errors.Is and errors.As look through the whole list.
func (l *ErrorList) Unwrap() []error {
	out := make([]error, len(l.errs))
	for i, e := range l.errs {
		out[i] = e
	}
	return out
}

// safeID returns id when it looks like a segment ID (2–3 upper-case letters and digits,
// starting with a letter), "" otherwise: a malformed "ID" may be a fragment of patient data.
func safeID(id []byte) string {
	if len(id) < 2 || len(id) > 3 || id[0] < 'A' || id[0] > 'Z' {
		return ""
	}
	for _, c := range id {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return string(id)
}
