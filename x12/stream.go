package x12

import (
	"errors"
	"io"
)

// Stream is the reading loop every typed decoder shares, so that none of them hands back
// fewer values without an error. It reads the parts of a SetReader (units and set ends) of
// the sets whose guides it is given, and turns what loses input into errors:
//
//   - a set of another kind (or of no known guide): an *Error wrapping ErrWrongTransaction,
//     at the set's end; the next call goes on with the next set;
//   - a segment the reader had to drop or cut, a unit or set over its limit (Lost): the part
//     is returned first, with the finding in its Findings, and the next call returns the
//     finding as an error, after which reading goes on;
//   - error findings of a set not handed out with any unit (a wrong SE01, a missing
//     segment at its end): the set's end is returned, then an *ErrorList of them;
//   - at the end of input: ErrNoInterchange when there was none, ErrTruncated when it ended
//     inside a segment or an interchange, else an *ErrorList of the envelope errors (a
//     missing GE, a wrong IEA01) if there are any; then io.EOF;
//   - input that cannot be read on (no ISA, an ISA that cannot be read, an I/O error): that
//     error, on this and every later call.
//
// A caller that ranges with All stops at the first error; one that calls Next can go on past
// the errors that say so above. Findings not handed out with a part are kept for Findings.
// A Stream is not safe for concurrent use.
type Stream struct {
	sr      *SetReader
	guides  []*Transaction
	queue   []error   // errors to return before reading on
	sticky  error     // the error that stopped reading
	ended   bool      // io.EOF was reached and the end checked
	rest    ErrorList // findings handed out with no value: set ends and envelopes
	errs    ErrorList // every error-level finding seen (values' included), for ReadAll
	envSeen int       // envelope findings already looked at
	seen    map[*Error]bool
}

// NewStream returns a Stream reading the sets of guides from sr; it sets sr.Only to them.
func NewStream(sr *SetReader, guides ...*Transaction) *Stream {
	sr.Only = guides
	return &Stream{sr: sr, guides: guides, seen: map[*Error]bool{}}
}

// Next returns the next unit or set end of a wanted set (see SetReader.NextPart), or an
// error as the type's doc says, or io.EOF at the end.
func (st *Stream) Next() (Part, error) {
	if len(st.queue) > 0 {
		err := st.queue[0]
		st.queue = st.queue[1:]
		return Part{}, err
	}
	if st.sticky != nil {
		return Part{}, st.sticky
	}
	if st.ended {
		return Part{}, io.EOF
	}
	p, err := st.sr.NextPart()
	if err == io.EOF {
		st.ended = true
		before := st.rest.Len()
		st.takeEnvelope()
		if end := st.sr.endError(); end != nil {
			st.note(end.(*Error))
			return Part{}, end
		}
		if bad := errorsOnly(st.rest.All()[before:]); bad != nil {
			return Part{}, bad
		}
		return Part{}, io.EOF
	}
	if err != nil {
		st.sticky = err
		st.takeEnvelope()
		return Part{}, err
	}
	for _, f := range p.Findings {
		st.note(f)
	}
	if !st.wanted(p.Set) {
		pos := p.Set.Pos
		pos.Element = 1
		return Part{}, &Error{Pos: pos, Level: LevelSet, Code: "1", Err: ErrWrongTransaction}
	}
	if p.Unit == nil {
		for _, f := range p.Findings {
			st.rest.Add(f)
		}
		if bad := errorsOnly(p.Findings); bad != nil {
			st.queue = append(st.queue, bad)
		}
		return p, nil
	}
	for _, f := range p.Findings {
		if Lost(f) {
			st.queue = append(st.queue, f)
			break
		}
	}
	return p, nil
}

// wanted reports whether set is one of the Stream's guides.
func (st *Stream) wanted(set *Set) bool {
	for _, g := range st.guides {
		if set.Guide == g && set.Root != nil {
			return true
		}
	}
	return false
}

// note counts an error-level finding once. Only findings the envelope checker may hold too
// (set-level ones, and segments the reader dropped) are remembered, and a bounded number of
// them: the checker keeps at most DefaultErrorLimit.
func (st *Stream) note(f *Error) {
	if st.seen[f] {
		return
	}
	if (f.Level == LevelSet || Lost(f)) && len(st.seen) < 4*DefaultErrorLimit {
		st.seen[f] = true
	}
	if f.Severity != SeverityWarning {
		st.errs.Add(f)
	}
}

// takeEnvelope moves the envelope findings not yet seen into rest.
func (st *Stream) takeEnvelope() {
	all := st.sr.env.errs.All()
	for _, f := range all[min(st.envSeen, len(all)):] {
		if !st.seen[f] {
			st.rest.Add(f)
		}
		st.note(f)
	}
	st.envSeen = len(all)
}

// Add records a finding a decoder made itself on a value (a text that does not parse into its
// typed field, see package x12/codec), so that Errors and ReadAllError have it.
func (st *Stream) Add(f *Error) { st.note(f) }

// Findings returns the findings that came with no unit: those of set ends (a wrong SE01, a
// required segment missing at the end) and, once the end is reached, of the envelopes, the
// warnings of tolerated quirks included. A decoder of whole sets (no Units), whose value is
// the set's end, finds its values' findings here too.
func (st *Stream) Findings() *ErrorList { return &st.rest }

// Errors returns every error-level finding seen so far, those handed out with values
// included (at most DefaultErrorLimit kept, the rest counted), as ReadAll reports them.
func (st *Stream) Errors() *ErrorList { return &st.errs }

// Sticky reports whether err stops the Stream: after it, Next returns it again.
func (st *Stream) Sticky(err error) bool { return err != nil && err == st.sticky }

// errorsOnly returns the error-level findings of list as an *ErrorList, or nil.
func errorsOnly(list []*Error) error {
	var out ErrorList
	for _, f := range list {
		if f.Severity != SeverityWarning {
			out.Add(f)
		}
	}
	return out.Err()
}

// lossSentinels are the findings that mean input was dropped or cut.
var lossSentinels = []error{
	ErrSegmentTooLong, ErrElementTooLong, ErrTooManyElements, ErrSegmentID, ErrBinaryLength,
	ErrMissingTerminate, ErrSetTooLarge, ErrUnitTooLarge, ErrTooDeep, ErrSkipped, ErrTruncated,
	ErrNoInterchange, ErrWrongTransaction,
}

// Lost reports whether err says that input was dropped, cut or skipped (a segment the
// reader could not read, a limit reached, a set not read, a truncated stream), as opposed to
// a finding about input that was read whole.
func Lost(err error) bool {
	for _, s := range lossSentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// ReadAllError is the error a whole-document ReadAll returns after reading to the end:
// every error-level finding the Stream saw (values' included) and the errors Next returned
// that did not stop it (returned), in one *ErrorList, capped as lists are; errors that are
// not X12 findings (I/O) are joined to it. Nil when there were none.
func (st *Stream) ReadAllError(returned []error) error {
	var out ErrorList
	var other []error
	in := map[*Error]bool{}
	add := func(e *Error) {
		if !in[e] {
			in[e] = true
			out.Add(e)
		}
	}
	for _, r := range returned {
		var l *ErrorList
		var e *Error
		switch {
		case errors.As(r, &l):
			for _, x := range l.All() {
				add(x)
			}
		case errors.As(r, &e):
			add(e)
		default:
			other = append(other, r)
		}
	}
	for _, f := range st.errs.All() {
		add(f)
	}
	out.Omitted += st.errs.Omitted
	if out.Len() > 0 || out.Omitted > 0 {
		other = append(other, &out)
	}
	if len(other) == 1 {
		return other[0]
	}
	return errors.Join(other...)
}
