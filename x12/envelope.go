package x12

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// UsageIndicator is ISA15: whether an interchange is test or production data.
type UsageIndicator byte

// ISA15 values. The zero UsageIndicator is written as Test: production must be asked for.
const (
	Test       UsageIndicator = 'T'
	Production UsageIndicator = 'P'
)

// InterchangeHeader is the typed content of an ISA. Fields are written padded to their fixed
// widths; empty qualifiers take the defaults noted.
type InterchangeHeader struct {
	AuthorizationQualifier string         // ISA01: "00" (default) or "03"
	Authorization          string         // ISA02: up to 10 characters
	SecurityQualifier      string         // ISA03: "00" (default) or "01"
	Security               string         // ISA04: up to 10 characters
	SenderQualifier        string         // ISA05: e.g. "ZZ" (default), "30" for a tax id
	SenderID               string         // ISA06: up to 15 characters
	ReceiverQualifier      string         // ISA07: e.g. "ZZ" (default)
	ReceiverID             string         // ISA08: up to 15 characters
	Time                   time.Time      // ISA09 (YYMMDD) and ISA10 (HHMM); zero means the writer's clock
	Version                string         // ISA12: "00501" (default)
	AckRequested           bool           // ISA14: true asks the receiver for a TA1
	Usage                  UsageIndicator // ISA15: Test (default) or Production
	Control                string         // ISA13 as given (to re-create an interchange); empty: from the ControlSource
	// DateText and ClockText are ISA09 and ISA10 as given, written in place of Time's when
	// DateText is set: an interchange re-created from one read keeps them as received, even
	// when they are no date and time (InterchangeHeaderOf).
	DateText, ClockText string
	// Standards is ISA11 for a Version before 00402, where it is no repetition separator but
	// the control standards identifier: "U" (default).
	Standards string
}

// GroupHeader is the typed content of a GS.
type GroupHeader struct {
	FunctionalID string    // GS01: "HC" (837), "HP" (835), "HS" (270), "HB" (271), "FA" (999)
	SenderCode   string    // GS02: 2–15 characters
	ReceiverCode string    // GS03: 2–15 characters
	Time         time.Time // GS04 (CCYYMMDD) and GS05 (HHMM); zero means the writer's clock
	Version      string    // GS08: e.g. "005010X222A1"
	Control      string    // GS06 as given; empty: from the ControlSource
	TimeFormat   string    // GS05 layout: "1504" (default) or "150405"
	Agency       string    // GS07: "X" (default), "T" for TDCC
	// DateText and ClockText are GS04 and GS05 as given, written in place of Time's when
	// DateText is set: a group re-created from one read keeps them as received, even when
	// they are no date and time (GroupHeaderOf).
	DateText, ClockText string
}

// InterchangeHeaderOf is the header that re-creates an ISA read as isa (ISA01–ISA16, its
// delimiters ISA11 and ISA16 not used): every value as received, ISA09/ISA10 as their text
// (Time is set too when they parse). ISA15 is its first character.
func InterchangeHeaderOf(isa []string) (InterchangeHeader, error) {
	if len(isa) != 16 {
		return InterchangeHeader{}, errors.New("x12: an ISA has 16 elements")
	}
	el := func(n int) string { return isa[n-1] }
	h := InterchangeHeader{
		AuthorizationQualifier: el(1), Authorization: el(2), SecurityQualifier: el(3), Security: el(4),
		SenderQualifier: el(5), SenderID: el(6), ReceiverQualifier: el(7), ReceiverID: el(8),
		DateText: el(9), ClockText: el(10), Version: el(12), Control: el(13), AckRequested: el(14) == "1",
	}
	if el(12) < "00402" {
		h.Standards = el(11)
	}
	if t, err := time.Parse("0601021504", el(9)+el(10)); err == nil {
		h.Time = t
	}
	if el(15) == "" {
		return InterchangeHeader{}, errors.New("x12: ISA15 is empty")
	}
	h.Usage = UsageIndicator(el(15)[0])
	return h, nil
}

// GroupHeaderOf is the header that re-creates a GS read as gs (GS01–GS08): every value as
// received, GS04/GS05 as their text (Time and TimeFormat are set too when they parse).
func GroupHeaderOf(gs []string) GroupHeader {
	el := func(n int) string {
		if n <= len(gs) {
			return gs[n-1]
		}
		return ""
	}
	h := GroupHeader{FunctionalID: el(1), SenderCode: el(2), ReceiverCode: el(3), DateText: el(4), ClockText: el(5),
		Control: el(6), Agency: el(7), Version: el(8)}
	layout, tf := "200601021504", "1504"
	if len(el(5)) == 6 {
		layout, tf = "20060102150405", "150405"
	}
	if t, err := time.Parse(layout, el(4)+el(5)); err == nil {
		h.Time, h.TimeFormat = t, tf
	}
	return h
}

// SetHeader is the typed content of an ST.
type SetHeader struct {
	ID        string // ST01: "837", "835", "270", "271", "999"
	Reference string // ST03: implementation convention, e.g. "005010X222A1"; omitted when empty
	Control   string // ST02 as given; empty: from the ControlSource, at least 4 digits
}

// EnvelopeWriter writes interchanges through a Writer and keeps the envelope right: it pads
// the ISA to its fixed width, takes control numbers from its ControlSource, and writes SE, GE
// and IEA itself with their counts and control numbers. Like dnsmessage's Builder it enforces
// the order ISA → GS → ST … SE → GE → IEA; ending an outer level ends the inner ones.
//
// Control numbers not given in a header come from Controls. Left nil, they come from a
// private Sequence starting at 1 — the same numbers in every run, which suits test data
// (ISA15 T) and fixtures but not production: for an interchange whose ISA15 is P, the writer
// refuses to choose ISA13 or GS06 itself and returns an error wrapping ErrNoControlSource
// (set Controls to a ControlFile, or give the numbers in the headers, as when re-creating an
// interchange that was read). ST02 needs to be unique only within its group, which the
// private Sequence ensures.
//
// Given the same calls, ControlSource state and clock, it writes the same bytes. It is not
// safe for concurrent use.
type EnvelopeWriter struct {
	// Controls hands out control numbers; nil means a private Sequence starting at 1, for
	// test interchanges only.
	Controls ControlSource
	// Now is the clock used for headers whose Time is zero; nil means time.Now.
	Now func() time.Time

	w          *Writer
	err        error
	seq        *Sequence // the private Sequence used while Controls is nil
	production bool      // the open interchange's ISA15 is P
	level      int       // 0 none, 1 interchange, 2 group, 3 set
	isa13      string
	gs06       string
	st02       string
	groups     int
	sets       int
	setStart   int         // w.Count() at the ST
	fields     *fieldMarks // what At records, for a CheckedGroup; nil: nothing
}

// NewEnvelopeWriter returns an EnvelopeWriter writing to w. Set the Writer's Delimiters and
// Newline through Writer before the first call.
func NewEnvelopeWriter(w io.Writer) *EnvelopeWriter {
	return &EnvelopeWriter{w: NewWriter(w)}
}

// Writer returns the segment Writer underneath, to set its delimiters or line breaks.
func (e *EnvelopeWriter) Writer() *Writer { return e.w }

// Clock is the time the writer stamps on headers that have none: Now's when it is set, else
// the system clock. Typed encoders use it for a BHT without a creation time, so that the
// BHT and the ISA/GS agree and a caller who fixes Now gets the same bytes every time.
func (e *EnvelopeWriter) Clock() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// control returns the next number of kind for the segment id, refusing to take ISA13 or
// GS06 of a production interchange from the private Sequence.
func (e *EnvelopeWriter) control(kind ControlKind, id string) (int64, error) {
	if e.Controls != nil {
		return e.Controls.Next(kind)
	}
	if e.production && kind != SetControl {
		return 0, &Error{Pos: Position{Offset: e.w.off, Segment: e.w.n + 1, ID: id}, Err: ErrNoControlSource}
	}
	if e.seq == nil {
		e.seq = &Sequence{}
	}
	return e.seq.Next(kind)
}

func (e *EnvelopeWriter) fail(err error) error {
	if e.err == nil {
		e.err = err
	}
	return e.err
}

func (e *EnvelopeWriter) orderError(id string) error {
	return e.fail(&Error{Pos: Position{Offset: e.w.off, Segment: e.w.n + 1, ID: id}, Err: ErrWriteOrder})
}

// pad left-justifies s in a field of width n (ISA fields are fixed width).
func pad(s string, n int) string {
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat(" ", n-len(s))
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// BeginInterchange writes an ISA, ending any interchange still open. With h.Control empty,
// ISA13 is the next InterchangeControl number (see EnvelopeWriter for production
// interchanges).
func (e *EnvelopeWriter) BeginInterchange(h InterchangeHeader) error {
	if e.err != nil {
		return e.err
	}
	if e.level > 0 {
		if err := e.EndInterchange(); err != nil {
			return err
		}
	}
	d, err := e.w.delims()
	if err != nil {
		return e.fail(err)
	}
	t := h.Time
	if t.IsZero() {
		t = e.Clock()
	}
	usage := h.Usage
	if usage == 0 {
		usage = Test
	}
	ack := "0"
	if h.AckRequested {
		ack = "1"
	}
	version := or(h.Version, "00501")
	rep := or(h.Standards, "U")
	if version >= "00402" {
		if d.Repetition == 0 {
			return e.fail(fmt.Errorf("x12: ISA12 version needs a repetition separator: %w", ErrDelimiters))
		}
		rep = string([]byte{d.Repetition})
	}
	e.production = usage == Production
	e.isa13 = h.Control
	if e.isa13 == "" {
		n, err := e.control(InterchangeControl, "ISA")
		if err != nil {
			return e.fail(err)
		}
		e.isa13 = fmt.Sprintf("%09d", n)
	}
	date, clock := t.Format("060102"), t.Format("1504")
	if h.DateText != "" {
		date, clock = h.DateText, h.ClockText
	}
	err = e.w.WriteStrings("ISA",
		pad(or(h.AuthorizationQualifier, "00"), 2), pad(h.Authorization, 10),
		pad(or(h.SecurityQualifier, "00"), 2), pad(h.Security, 10),
		pad(or(h.SenderQualifier, "ZZ"), 2), pad(h.SenderID, 15),
		pad(or(h.ReceiverQualifier, "ZZ"), 2), pad(h.ReceiverID, 15),
		date, clock, rep, pad(version, 5), e.isa13,
		ack, string(rune(usage)), string([]byte{d.Component}))
	if err != nil {
		return e.fail(err)
	}
	e.level, e.groups = 1, 0
	return nil
}

// WriteTA1 writes a TA1 acknowledgment inside the open interchange, before any group.
func (e *EnvelopeWriter) WriteTA1(t TA1) error {
	if e.err != nil {
		return e.err
	}
	if e.level != 1 || e.groups > 0 {
		return e.orderError("TA1")
	}
	if err := e.w.WriteStrings("TA1", t.ControlNumber, t.Date, t.Time, string(rune(t.Ack)), t.Note); err != nil {
		return e.fail(err)
	}
	return nil
}

// WriteInterchangeSegment writes a segment read elsewhere (an ISB, ISE or TA1: the
// interchange's own segments) inside the open interchange, before any group.
func (e *EnvelopeWriter) WriteInterchangeSegment(s *Segment) error {
	if e.err != nil {
		return e.err
	}
	if e.level != 1 || e.groups > 0 {
		return e.orderError(s.id)
	}
	if err := e.w.WriteSegment(s); err != nil {
		return e.fail(err)
	}
	return nil
}

// BeginGroup writes a GS, ending any group still open. With h.Control empty, GS06 is the
// next GroupControl number.
func (e *EnvelopeWriter) BeginGroup(h GroupHeader) error {
	if e.err != nil {
		return e.err
	}
	if e.level == 0 {
		return e.orderError("GS")
	}
	if e.level > 1 {
		if err := e.EndGroup(); err != nil {
			return err
		}
	}
	e.gs06 = h.Control
	if e.gs06 == "" {
		n, err := e.control(GroupControl, "GS")
		if err != nil {
			return e.fail(err)
		}
		e.gs06 = strconv.FormatInt(n, 10)
	}
	t := h.Time
	if t.IsZero() {
		t = e.Clock()
	}
	date, clock := t.Format("20060102"), t.Format(or(h.TimeFormat, "1504"))
	if h.DateText != "" {
		date, clock = h.DateText, h.ClockText
	}
	if err := e.w.WriteStrings("GS", h.FunctionalID, h.SenderCode, h.ReceiverCode,
		date, clock, e.gs06, or(h.Agency, "X"), h.Version); err != nil {
		return e.fail(err)
	}
	e.level, e.sets = 2, 0
	e.groups++
	return nil
}

// BeginSet writes an ST, ending any set still open. With h.Control empty, ST02 is the next
// SetControl number.
func (e *EnvelopeWriter) BeginSet(h SetHeader) error {
	if e.err != nil {
		return e.err
	}
	if e.level < 2 {
		return e.orderError("ST")
	}
	if e.level == 3 {
		if err := e.EndSet(); err != nil {
			return err
		}
	}
	e.st02 = h.Control
	if e.st02 == "" {
		n, err := e.control(SetControl, "ST")
		if err != nil {
			return e.fail(err)
		}
		e.st02 = fmt.Sprintf("%04d", n)
	}
	e.setStart = e.w.Count()
	if err := e.w.WriteStrings("ST", h.ID, e.st02, h.Reference); err != nil {
		return e.fail(err)
	}
	e.level = 3
	e.sets++
	return nil
}

// Write writes a segment inside the open transaction set.
func (e *EnvelopeWriter) Write(id string, elements ...Element) error {
	if e.err != nil {
		return e.err
	}
	if e.level != 3 {
		return e.orderError(safeID([]byte(id)))
	}
	if err := e.w.Write(id, elements...); err != nil {
		return e.fail(err)
	}
	return nil
}

// WriteStrings writes a segment of simple elements inside the open transaction set.
func (e *EnvelopeWriter) WriteStrings(id string, values ...string) error {
	if e.err != nil {
		return e.err
	}
	if e.level != 3 {
		return e.orderError(safeID([]byte(id)))
	}
	if err := e.w.WriteStrings(id, values...); err != nil {
		return e.fail(err)
	}
	return nil
}

// WriteSegment writes a segment read elsewhere (re-delimited) inside the open transaction set.
func (e *EnvelopeWriter) WriteSegment(s *Segment) error {
	if e.err != nil {
		return e.err
	}
	if e.level != 3 {
		return e.orderError(s.id)
	}
	if err := e.w.WriteSegment(s); err != nil {
		return e.fail(err)
	}
	return nil
}

// WriteBinary writes a BIN-style segment inside the open transaction set: its ID, the length
// of data, then data as it is (see Writer.WriteBinary).
func (e *EnvelopeWriter) WriteBinary(id string, data []byte) error {
	if e.err != nil {
		return e.err
	}
	if e.level != 3 {
		return e.orderError(safeID([]byte(id)))
	}
	if err := e.w.WriteBinary(id, data); err != nil {
		return e.fail(err)
	}
	return nil
}

// EndSet writes the SE with the set's segment count (ST and SE included) and control number.
func (e *EnvelopeWriter) EndSet() error {
	if e.err != nil {
		return e.err
	}
	if e.level != 3 {
		return e.orderError("SE")
	}
	count := e.w.Count() - e.setStart + 1
	if err := e.w.WriteStrings("SE", strconv.Itoa(count), e.st02); err != nil {
		return e.fail(err)
	}
	e.level = 2
	return nil
}

// EndGroup writes the GE with the group's set count, ending an open set first.
func (e *EnvelopeWriter) EndGroup() error {
	if e.err != nil {
		return e.err
	}
	if e.level == 3 {
		if err := e.EndSet(); err != nil {
			return err
		}
	}
	if e.level != 2 {
		return e.orderError("GE")
	}
	if err := e.w.WriteStrings("GE", strconv.Itoa(e.sets), e.gs06); err != nil {
		return e.fail(err)
	}
	e.level = 1
	return nil
}

// EndInterchange writes the IEA with the interchange's group count, ending open levels first,
// and flushes.
func (e *EnvelopeWriter) EndInterchange() error {
	if e.err != nil {
		return e.err
	}
	if e.level >= 2 {
		if err := e.EndGroup(); err != nil {
			return err
		}
	}
	if e.level != 1 {
		return e.orderError("IEA")
	}
	if err := e.w.WriteStrings("IEA", strconv.Itoa(e.groups), e.isa13); err != nil {
		return e.fail(err)
	}
	e.level = 0
	return e.fail0(e.w.Flush())
}

func (e *EnvelopeWriter) fail0(err error) error {
	if err != nil {
		return e.fail(err)
	}
	return nil
}

// Close ends whatever is open and flushes. It is safe to call when nothing is open.
func (e *EnvelopeWriter) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.level > 0 {
		return e.EndInterchange()
	}
	return e.fail0(e.w.Flush())
}
