package x12

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
)

// CheckedGroup writes one interchange holding one functional group, a transaction set at a
// time, and lets only clean sets reach its output: each set is written into memory, read back
// through its guide (registered in Guides) and the envelope checks in an interchange of its
// own, and given to the output only when it has no finding, its ST02 is new in the group and
// the caller's own check accepts it. The findings of a set it refuses are at the positions the
// set would have had in the output. Memory is bounded by one set (and the group's ST02s, as
// many as the envelope checks remember: MaxTrackedControlNumbers).
//
// Output reaches the writer a set at a time: the ISA and GS with the first clean set, each
// later set when it is encoded, the GE and IEA with Close. The first error stops the
// CheckedGroup and every later call returns it; a stopped CheckedGroup does not end the
// interchange, so what the writer received is then incomplete. It is what the transaction
// packages' encoders are built on. A CheckedGroup is not safe for concurrent use.
type CheckedGroup struct {
	// Codes answers for the external code lists the guides name; nil skips those checks.
	// Set it before the first Encode.
	Codes CodeSource

	w            io.Writer
	env          Envelope
	functionalID string
	version      string

	ew      *EnvelopeWriter     // the output's, writing into pending; nil until the interchange begins
	pending bytes.Buffer        // output not yet given to w: the ISA and GS until a set follows, the set until it is checked
	written int64               // bytes given to w
	sets    int                 // sets given to w
	st02s   map[string]struct{} // the group's ST02s
	head    []byte              // the ISA and GS of the interchange a set is checked in
	tail    []byte              // its GE and IEA
	scratch bytes.Buffer        // head, a set, tail
	src     bytes.Reader        // what the checking reader reads: scratch
	sr      *SetReader          // the checking reader, reused from set to set
	err     error
	closed  bool
}

// errGroupClosed is what Encode returns after Close.
var errGroupClosed = errors.New("x12: Encode after Close")

// NewCheckedGroup returns a CheckedGroup writing to w one interchange with env's headers,
// control numbers, clock and delimiters, holding one functional group with GS01 functionalID
// and GS08 version (GS02 and GS03 as Envelope.GroupHeader gives them). Nothing is written
// before the first Encode (or Begin).
func NewCheckedGroup(w io.Writer, env Envelope, functionalID, version string) *CheckedGroup {
	return &CheckedGroup{w: w, env: env, functionalID: functionalID, version: version}
}

// Begin opens the interchange and the group, in memory: they reach the writer with the first
// clean set, or with Close. Encode begins by itself; Begin is for a group that must be written
// even without sets. Calling it again does nothing.
func (g *CheckedGroup) Begin() error {
	if g.ew != nil || g.err != nil {
		return g.err
	}
	env := g.env
	g.ew = env.newWriter(&g.pending)
	g.ew.fields = &fieldMarks{}
	if err := g.ew.BeginInterchange(env.Interchange); err != nil {
		return g.fail(err)
	}
	if err := g.ew.BeginGroup(env.GroupHeader(g.functionalID, g.version)); err != nil {
		return g.fail(err)
	}
	if err := g.ew.Writer().Flush(); err != nil {
		return g.fail(err)
	}
	// The frame: the same envelope around one empty set, numbered from a sequence of its own
	// so that the output's numbers are not spent on it.
	env.Controls = NewSequence(1, 1, 1)
	var frame bytes.Buffer
	var cut [2]int
	err := env.WriteGroup(&frame, g.functionalID, g.version, func(e *EnvelopeWriter) error {
		if err := e.Writer().Flush(); err != nil {
			return err
		}
		cut[0] = frame.Len()
		if err := e.BeginSet(SetHeader{ID: "000"}); err != nil {
			return err
		}
		if err := e.EndSet(); err != nil {
			return err
		}
		err := e.Writer().Flush()
		cut[1] = frame.Len()
		return err
	})
	g.head, g.tail = frame.Bytes()[:cut[0]], frame.Bytes()[cut[1]:]
	return g.fail(err)
}

// Encode writes one transaction set through body, which must write exactly one set (BeginSet
// … EndSet) and nothing else, and checks it before the output gets any of it. check, when not
// nil, is called with the set as read back (its guide findings are in it) and with place,
// which moves a position found in that set to where it would be in the output; it returns
// the findings of the caller's own rules on the set (an 835's balance), placed.
// A set with findings of error severity, or a repeated ST02, is not written, and Encode
// returns a *WriteError holding them all, each at the position it would have had in the
// output, with Index the number of sets written before and, where body said with
// EnvelopeWriter.At which Go field a segment came from, that field; an error of body or of
// the writer is returned as it is. Either stops the CheckedGroup. Encode after Close returns
// an error and changes nothing.
func (g *CheckedGroup) Encode(body func(e *EnvelopeWriter) error, check func(set *Set, place func(*Position)) []*Error) error {
	switch {
	case g.err != nil:
		return g.err
	case g.closed:
		return errGroupClosed
	}
	if err := g.Begin(); err != nil {
		return err
	}
	ew := g.ew
	ew.fields.reset()
	mark, before := g.pending.Len(), ew.sets
	at := Position{Offset: g.written + int64(mark), Interchange: 1, Segment: ew.Writer().Count()}
	if err := body(ew); err != nil {
		return g.fail(err)
	}
	if ew.level == 3 {
		if err := ew.EndSet(); err != nil {
			return g.fail(err)
		}
	}
	if ew.level != 2 || ew.sets != before+1 {
		return g.fail(fmt.Errorf("x12: a CheckedGroup's Encode wrote %d transaction sets, not one", ew.sets-before))
	}
	if err := ew.Writer().Flush(); err != nil {
		return g.fail(err)
	}
	st02 := ew.st02
	findings := g.check(g.pending.Bytes()[mark:], at, check)
	if _, dup := g.st02s[st02]; dup {
		st := at
		st.Segment, st.SetSegment, st.ID, st.Element = at.Segment+1, 1, "ST", 2
		findings = append([]*Error{{Pos: st, Level: LevelSet, Code: "23", Err: ErrDuplicateControl}}, findings...)
	}
	if Findings(findings).HasErrors() {
		for _, f := range findings {
			f.Index = g.sets
			if f.Field == "" {
				f.Field = ew.fields.field(f.Pos)
			}
		}
		return g.fail(&WriteError{Findings: findings}) // the set stays in pending, never written
	}
	if g.st02s == nil {
		g.st02s = map[string]struct{}{}
	}
	if len(g.st02s) < MaxTrackedControlNumbers {
		g.st02s[st02] = struct{}{}
	}
	g.sets++
	return g.fail(g.flush())
}

// Close ends the interchange and gives the writer the rest of it. Nothing is written when
// nothing was begun. A group begun without sets is checked as a whole first (its envelope),
// and refused with a *WriteError when it has findings. Close after Close does nothing; Encode
// after Close returns an error.
func (g *CheckedGroup) Close() error {
	switch {
	case g.err != nil:
		return g.err
	case g.closed:
		return nil
	}
	g.closed = true
	if g.ew == nil {
		return nil
	}
	if err := g.ew.Close(); err != nil {
		return g.fail(err)
	}
	if g.sets == 0 { // an empty group: its envelope alone is checked
		if f := g.read(g.pending.Bytes(), nil); len(f) > 0 {
			return g.fail(&WriteError{Findings: f})
		}
	}
	return g.fail(g.flush())
}

// Sets returns how many transaction sets reached the output.
func (g *CheckedGroup) Sets() int { return g.sets }

// check reads set (an ST to its SE) back, framed as the only set of an interchange, through
// the guide and the envelope checks, and calls visit with it and the placing function. The
// guide's findings, placed, and visit's come back at the positions they have in the output,
// where the set follows the
// segment and byte at.
func (g *CheckedGroup) check(set []byte, at Position, visit func(*Set, func(*Position)) []*Error) []*Error {
	g.scratch.Reset()
	g.scratch.Write(g.head)
	g.scratch.Write(set)
	g.scratch.Write(g.tail)
	start := Position{Offset: int64(len(g.head)), Segment: 2} // where the set begins in scratch: after the ISA and GS
	place := func(p *Position) {
		if p.Segment > 0 && p.Offset >= start.Offset {
			p.Offset += at.Offset - start.Offset
			p.Segment += at.Segment - start.Segment
		}
	}
	var own []*Error
	var v func(*Set)
	if visit != nil {
		v = func(s *Set) { own = append(own, visit(s, place)...) }
	}
	findings := g.read(g.scratch.Bytes(), v)
	for _, f := range findings {
		place(&f.Pos)
	}
	findings = append(findings, own...)
	return findings
}

// read checks data as CheckOutput does, with the CheckedGroup's reader.
func (g *CheckedGroup) read(data []byte, visit func(*Set)) []*Error {
	g.src.Reset(data)
	if g.sr == nil {
		g.sr = NewSetReader(&g.src)
	} else {
		g.sr.reset(&g.src)
	}
	return checkWith(g.sr, g.Codes, visit)
}

// flush gives w what pending holds.
func (g *CheckedGroup) flush() error {
	if err := g.ew.Writer().Flush(); err != nil {
		return err
	}
	n, err := g.w.Write(g.pending.Bytes())
	g.written += int64(n)
	g.pending.Reset()
	return err
}

func (g *CheckedGroup) fail(err error) error {
	if err != nil && g.err == nil {
		g.err = err
	}
	return err
}

// reset makes sr read src from its beginning as a new SetReader would, keeping its read
// buffer and the memory of loops it let go, so that a reader checking one set after another
// does not allocate them again.
func (sr *SetReader) reset(src io.Reader) {
	r, pool := sr.r, sr.pool
	buf := r.buf
	*r = Reader{src: src, buf: buf}
	*sr = SetReader{r: r, pool: pool}
}

// String describes the CheckedGroup without the sets it holds.
func (g CheckedGroup) String() string {
	return "x12 checked group (" + strconv.Itoa(g.sets) + " sets, redacted)"
}

// Format implements fmt.Formatter: every verb prints only String.
func (g CheckedGroup) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(g.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (g CheckedGroup) LogValue() slog.Value { return slog.StringValue(g.String()) }
