package main

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/x12kit/x12kit/x12"
)

// interchangeWatch follows the EnvelopeChecker's interchange results while a stream is read
// and hands each interchange's final result to emit once, as soon as it is final: at its
// IEA, when the next interchange begins (no IEA), or at the end of the stream. The checker
// keeps at most MaxInterchanges results (replacing the last one past that), so results are
// taken as they come instead of at the end: memory stays flat whatever the number of
// interchanges. Call observe after each envelope segment (ISA, GS, GE), ended after an IEA,
// and finish once the stream has ended or stopped.
type interchangeWatch struct {
	env  *x12.EnvelopeChecker
	emit func(x12.InterchangeResult) error // nil: only count
	cur  x12.InterchangeResult             // the latest copy of the newest interchange's result
	open bool                              // cur's interchange not emitted yet
	seen int                               // interchanges seen (readable or not)
	err  error                             // the first error emit returned
}

func (w *interchangeWatch) observe() {
	rs := w.env.Interchanges()
	if len(rs) == 0 {
		return
	}
	r := rs[len(rs)-1]
	if w.seen > 0 && r.Pos == w.cur.Pos {
		if w.open {
			w.cur = r
		}
		return
	}
	if w.open {
		// The previous interchange ended without its IEA. Its result is the one before the
		// newest, unless the checker, over its limit, replaced it: then it is the copy last
		// seen, rejected for the missing trailer as the checker rejects it (TA105 023).
		prev := w.cur
		if n := len(rs); n >= 2 && rs[n-2].Pos == prev.Pos {
			prev = rs[n-2]
		} else if prev.Ack != x12.TA1Rejected {
			prev.Ack, prev.Note = x12.TA1Rejected, "023"
		}
		w.send(prev)
	}
	w.cur, w.open = r, true
	w.seen++
}

// ended is called after an IEA: the interchange's result is final.
func (w *interchangeWatch) ended() {
	w.observe()
	if w.open {
		w.open = false
		w.send(w.cur)
	}
}

// finish emits what is left once the stream has ended (the checker's Finish has closed the
// last interchange) or stopped at an interchange it could not read.
func (w *interchangeWatch) finish() {
	w.observe()
	if w.open {
		w.open = false
		w.send(w.cur)
	}
}

func (w *interchangeWatch) send(r x12.InterchangeResult) {
	if w.emit != nil && w.err == nil {
		w.err = w.emit(r)
	}
}

// unknownParty stands for a sender or receiver that could not be read: the acknowledgment
// of an unreadable ISA is addressed to no one in particular.
const unknownParty = "UNKNOWN"

// ta1Writer writes TA1 acknowledgments, each in an interchange of its own (IEA01 = 0) from the
// acknowledged interchange's receiver back to its sender. An interchange whose ISA could not
// be read (no control number) is rejected all the same: TA101 000000000, TA102/TA103 the time
// of the check, the note code of what stopped the reader, and both parties unknownParty.
type ta1Writer struct {
	ew  *x12.EnvelopeWriter
	n   int
	now func() time.Time
}

func newTA1Writer(w io.Writer) *ta1Writer {
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	return &ta1Writer{ew: ew, now: time.Now}
}

func (t *ta1Writer) write(r x12.InterchangeResult) error {
	t.n++
	ta1 := r.TA1()
	if len(ta1.ControlNumber) != 9 || strings.Trim(ta1.ControlNumber, "0123456789") != "" {
		ta1.ControlNumber = "000000000"
	}
	if len(ta1.Date) != 6 || len(ta1.Time) != 4 || strings.Trim(ta1.Date+ta1.Time, "0123456789") != "" {
		now := t.now()
		ta1.Date, ta1.Time = now.Format("060102"), now.Format("1504")
	}
	if ta1.Ack == 0 {
		ta1.Ack = x12.TA1Rejected
	}
	if len(ta1.Note) != 3 {
		ta1.Note = "024"
	}
	usage := x12.Test
	if r.Usage == x12.Production {
		usage = x12.Production
	}
	t.ew.Controls = x12.NewSequence(int64(t.n), 1, 1)
	err := t.ew.BeginInterchange(x12.InterchangeHeader{
		SenderQualifier: qualifier(r.ReceiverQualifier), SenderID: party(r.ReceiverID),
		ReceiverQualifier: qualifier(r.SenderQualifier), ReceiverID: party(r.SenderID),
		Usage: usage,
	})
	if err == nil {
		err = t.ew.WriteTA1(ta1)
	}
	if err == nil {
		err = t.ew.EndInterchange()
	}
	return err
}

// close flushes what was written.
func (t *ta1Writer) close() error { return t.ew.Close() }

// rejectNothing is the result standing for an input in which no interchange could be read at
// all (empty, white space only): a TA1 that rejects it is better than no answer.
func rejectNothing(found *x12.ErrorList) x12.InterchangeResult {
	r := x12.InterchangeResult{Ack: x12.TA1Rejected, Note: "024"}
	for _, f := range found.All() {
		if f.Level == x12.LevelInterchange && f.Severity != x12.SeverityWarning && len(f.Code) == 3 {
			r.Note = f.Code
			break
		}
	}
	return r
}

// party is an interchange ID fit for ISA06/ISA08, or unknownParty.
func party(id string) string {
	id = strings.TrimSpace(id)
	if id == "" || len(id) > 15 {
		return unknownParty
	}
	return id
}

// ack999Writer writes 999 acknowledgments as the stream is read: one interchange, addressed
// from the first interchange's receiver back to its sender, holding a functional group (FA)
// with one 999 per functional group read. Each transaction set's AK2 loop is written as soon
// as the set has been read and its group's AK9 when the group has ended, so memory holds one
// set's findings whatever the number of sets and groups.
type ack999Writer struct {
	ew     *x12.EnvelopeWriter
	env    *x12.EnvelopeChecker
	begun  bool // the interchange and the FA group are open
	open   bool // a group's 999 is open
	groups int  // 999s written

	gs                 [3]string // GS01, GS06, GS08 of the open group
	gsOffset           int64
	received, accepted int
	mark               int // envelope findings before which no group finding of the open group lies
	err                error
}

func newAck999Writer(w io.Writer, env *x12.EnvelopeChecker) *ack999Writer {
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	// Numbered from 1 as before, given explicitly: the writer takes no production ISA13 or
	// GS06 from its default (the acknowledgment of a production interchange is production).
	ew.Controls = x12.NewSequence(1, 1, 1)
	return &ack999Writer{ew: ew, env: env}
}

func (a *ack999Writer) fail(err error) {
	if a.err == nil {
		a.err = err
	}
}

// beginGroup starts the 999 of the group gs opens, in interchange ic (the GS's own).
func (a *ack999Writer) beginGroup(gs *x12.Segment, ic x12.InterchangeResult) {
	if a.err != nil {
		return
	}
	if !a.begun {
		a.begun = true
		usage := x12.Test
		if ic.Usage == x12.Production {
			usage = x12.Production
		}
		err := a.ew.BeginInterchange(x12.InterchangeHeader{
			SenderQualifier: qualifier(ic.ReceiverQualifier), SenderID: party(ic.ReceiverID),
			ReceiverQualifier: qualifier(ic.SenderQualifier), ReceiverID: party(ic.SenderID), Usage: usage,
		})
		if err == nil {
			err = a.ew.BeginGroup(x12.GroupHeader{FunctionalID: "FA", SenderCode: gsCode(ic.ReceiverID),
				ReceiverCode: gsCode(ic.SenderID), Version: "005010X231A1"})
		}
		if err != nil {
			a.fail(err)
			return
		}
	}
	a.gs = [3]string{gs.Value(1), gs.Value(6), gs.Value(8)}
	a.gsOffset, a.received, a.accepted, a.open = gs.Pos.Offset, 0, 0, true
	if err := a.ew.BeginSet(x12.SetHeader{ID: "999", Reference: "005010X231A1"}); err != nil {
		a.fail(err)
		return
	}
	a.ew.WriteStrings("AK1", a.gs[0], a.gs[1], a.gs[2])
}

// addSet writes the AK2 loop of a set of the open group (a set outside any group is not
// acknowledged: there is no 999 to hold it).
func (a *ack999Writer) addSet(set *x12.Set) {
	if !a.open || a.err != nil {
		return
	}
	one := x12.NewAck999(a.gs[0], a.gs[1], a.gs[2])
	one.AddSet(set)
	s := one.Sets[0]
	a.received++
	if s.Code == "A" || s.Code == "E" {
		a.accepted++
	}
	e := a.ew
	e.WriteStrings("AK2", s.ID, s.Control, s.Reference)
	for _, g := range s.Segments {
		e.WriteStrings("IK3", g.ID, strconv.Itoa(g.Position), g.Loop, g.Code)
		for _, el := range g.Elements {
			e.Write("IK4", x12.C(itoaOrEmpty(el.Position), itoaOrEmpty(el.Component), itoaOrEmpty(el.Repetition)),
				x12.E(itoaOrEmpty(el.Ref)), x12.E(el.Code))
		}
	}
	e.WriteStrings("IK5", append([]string{s.Code}, s.Errors...)...)
}

// endGroup writes the open group's AK9 and ends its 999. The group's own findings (AK905
// codes) are those of group level from its GS up to before (the offset of the segment that
// ended it without a GE, math.MaxInt64 after a GE or at the end).
func (a *ack999Writer) endGroup(before int64) {
	if !a.open {
		return
	}
	a.open = false
	var codes []string
	all := a.env.Errors().All()
	for _, f := range all[min(a.mark, len(all)):] {
		if f.Level == x12.LevelGroup && f.Severity != x12.SeverityWarning &&
			f.Pos.Offset >= a.gsOffset && f.Pos.Offset < before && len(codes) < 5 {
			codes = append(codes, f.Code)
		}
	}
	if before == math.MaxInt64 {
		a.mark = len(all)
	}
	if a.err != nil {
		return
	}
	// AK9 as x12.Ack999.Close computes it from the counts.
	code := "A"
	switch {
	case len(codes) > 0 || a.accepted == 0 && a.received > 0:
		code = "R"
	case a.accepted < a.received:
		code = "P"
	}
	n := strconv.Itoa(a.received)
	a.ew.WriteStrings("AK9", append([]string{code, n, n, strconv.Itoa(a.accepted)}, codes...)...)
	if err := a.ew.EndSet(); err != nil {
		a.fail(err)
	}
	a.groups++
}

// close ends the interchange (if any group was acknowledged) and flushes.
func (a *ack999Writer) close() error {
	a.endGroup(math.MaxInt64)
	if err := a.ew.Close(); err != nil {
		a.fail(err)
	}
	return a.err
}

func itoaOrEmpty(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func gsCode(id string) string {
	id = strings.TrimSpace(id)
	if len(id) < 2 || len(id) > 15 {
		return "XX"
	}
	return id
}

func qualifier(q string) string {
	q = strings.TrimSpace(q)
	if len(q) != 2 {
		return "ZZ"
	}
	return q
}
