package x12

import (
	"bufio"
	"io"
	"strconv"
)

// Element is one data element to write: a simple value, a composite of components, or
// repetitions of either. Build one with E, C or R; the zero Element is empty.
type Element struct {
	value string
	comps []string
	reps  []Element
}

// E is a simple element holding v.
func E(v string) Element { return Element{value: v} }

// C is a composite element made of components, e.g. C("HC", "99213", "95") for SV101.
func C(components ...string) Element { return Element{comps: components} }

// R is an element repeated: each repetition is a simple or composite element.
func R(repetitions ...Element) Element { return Element{reps: repetitions} }

// Writer writes segments with chosen delimiters, in the spirit of encoding/csv's Writer. It
// omits trailing empty elements, components and repetitions, keeps empty ones in the middle
// (CLM*1*150***11:B:1), and refuses data that contains a delimiter or a line break — X12 has
// no escape — with an *Error naming the segment, element, repetition and component.
//
// Output is buffered: call Flush at the end. After the first error every later call returns
// it again. A Writer is not safe for concurrent use.
type Writer struct {
	// Delimiters to write with; the zero value means DefaultDelimiters (* : ^ ~). They may be
	// changed between segments (an EnvelopeWriter's next interchange may use others).
	Delimiters Delimiters
	// Newline adds "\n" after each segment terminator, for people reading the file.
	Newline bool

	w       *bufio.Writer
	err     error
	n       int   // segments written
	off     int64 // bytes written
	scratch []byte
	d       Delimiters // in use: Delimiters or the defaults
	set     Delimiters // Delimiters when d was made from them
	stop    [256]bool  // the bytes that may start a delimiter or line break in d
	checked bool
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriterSize(w, 64<<10)} }

// Count returns the number of segments written so far.
func (w *Writer) Count() int { return w.n }

// Err returns the first error the Writer met, if any.
func (w *Writer) Err() error { return w.err }

// Flush writes any buffered data to the underlying io.Writer. Segments written before an
// error are flushed too (a refused segment is never buffered); the first error is returned.
func (w *Writer) Flush() error {
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	return w.err
}

func (w *Writer) delims() (*Delimiters, error) {
	if !w.checked || w.Delimiters != w.set {
		// First use, or Delimiters changed between segments (e.g. for the next interchange).
		w.set = w.Delimiters
		w.d = w.Delimiters.orDefault()
		if err := w.d.Validate(); err != nil {
			return nil, err
		}
		w.stop = [256]bool{}
		for _, c := range []byte{w.d.Element, w.d.Component, w.d.Segment[0], '\r', '\n'} {
			w.stop[c] = true
		}
		if w.d.Repetition != 0 {
			w.stop[w.d.Repetition] = true
		}
		w.checked = true
	}
	return &w.d, nil
}

// WriteStrings writes a segment whose elements are all simple values.
func (w *Writer) WriteStrings(id string, values ...string) error {
	b, d, err := w.start(id)
	if err != nil {
		return err
	}
	last := len(values)
	for last > 0 && values[last-1] == "" {
		last--
	}
	for i, v := range values[:last] {
		b = append(b, d.Element)
		if b, err = w.appendValue(b, d, id, v, i+1, 0, 0); err != nil {
			return w.fail(err)
		}
	}
	return w.end(b, d)
}

// Write writes one segment: its ID and its elements (see E, C and R).
func (w *Writer) Write(id string, elements ...Element) error {
	b, d, err := w.start(id)
	if err != nil {
		return err
	}
	last := len(elements)
	for last > 0 && elements[last-1].empty() {
		last--
	}
	for i, e := range elements[:last] {
		b = append(b, d.Element)
		if b, err = w.appendElement(b, d, id, e, i+1); err != nil {
			return w.fail(err)
		}
	}
	return w.end(b, d)
}

// WriteSegment writes a segment read from elsewhere, re-delimited with this Writer's
// delimiters. A BIN segment's binary data is written as it is.
func (w *Writer) WriteSegment(s *Segment) error {
	b, d, err := w.start(s.id)
	if err != nil {
		return err
	}
	if s.binary {
		b = append(b, d.Element)
		b = append(b, s.Element(1)...)
		b = append(b, d.Element)
		b = append(b, s.Element(2)...)
		return w.end(b, d)
	}
	last := s.Len()
	for last > 0 && len(s.Element(last)) == 0 {
		last--
	}
	for n := 1; n <= last; n++ {
		b = append(b, d.Element)
		if s.id == "ISA" && (n == 11 || n == 16) {
			b = append(b, isaDelimiterElement(d, n, s.Element(n))...)
			continue
		}
		reps := s.Repetitions(n)
		for r := 1; r <= reps; r++ {
			if r > 1 {
				b = append(b, d.Repetition)
			}
			comps := s.Components(n, r)
			for c := 1; c <= comps; c++ {
				if c > 1 {
					b = append(b, d.Component)
				}
				v := s.At(n, r, c)
				if !w.clean(string(v)) {
					return w.fail(w.dataError(s.id, n, r, c))
				}
				b = append(b, v...)
			}
		}
	}
	return w.end(b, d)
}

// WriteBinary writes a binary segment (BIN): its ID, the length of data as its first element,
// then data as it is, which may hold delimiters and line breaks (a reader takes the length
// from the first element and reads that many bytes).
func (w *Writer) WriteBinary(id string, data []byte) error {
	b, d, err := w.start(id)
	if err != nil {
		return err
	}
	b = append(b, d.Element)
	b = strconv.AppendInt(b, int64(len(data)), 10)
	b = append(b, d.Element)
	b = append(b, data...)
	return w.end(b, d)
}

// isaDelimiterElement gives ISA11 and ISA16 for the writer's delimiters: ISA16 is always the
// component separator; ISA11 is the repetition separator in 00402 and later, kept as read
// otherwise (e.g. "U").
func isaDelimiterElement(d *Delimiters, n int, read []byte) []byte {
	if n == 16 {
		return []byte{d.Component}
	}
	if len(read) == 1 && !isAlnum(read[0]) && d.Repetition != 0 {
		return []byte{d.Repetition}
	}
	return read
}

func (e Element) empty() bool {
	if e.value != "" {
		return false
	}
	for _, c := range e.comps {
		if c != "" {
			return false
		}
	}
	for _, r := range e.reps {
		if !r.empty() {
			return false
		}
	}
	return true
}

// start begins a segment: it returns the scratch buffer holding the ID, the delimiters, or
// the Writer's (sticky) error.
func (w *Writer) start(id string) ([]byte, *Delimiters, error) {
	if w.err != nil {
		return nil, nil, w.err
	}
	d, err := w.delims()
	if err != nil {
		w.err = err
		return nil, nil, err
	}
	b, err := w.begin(id, d)
	if err != nil {
		return nil, nil, w.fail(err)
	}
	return b, d, nil
}

func (w *Writer) begin(id string, d *Delimiters) ([]byte, error) {
	if len(id) < 2 || len(id) > 3 || safeID([]byte(id)) == "" {
		return nil, &Error{Pos: Position{Offset: w.off, Segment: w.n + 1}, Err: ErrSegmentID}
	}
	return append(w.scratch[:0], id...), nil
}

func (w *Writer) end(b []byte, d *Delimiters) error {
	b = append(b, d.Segment...)
	if w.Newline && d.Segment != "\n" {
		b = append(b, '\n')
	}
	w.scratch = b
	if _, err := w.w.Write(b); err != nil {
		w.err = err
		return err
	}
	w.n++
	w.off += int64(len(b))
	return nil
}

func (w *Writer) fail(err error) error {
	w.err = err
	return err
}

func (w *Writer) dataError(id string, n, r, c int) error {
	return &Error{
		Pos:   Position{Offset: w.off, Segment: w.n + 1, ID: safeID([]byte(id)), Element: n, Repetition: r, Component: c},
		Level: LevelElement, Code: "6", Err: ErrDelimiterInData,
	}
}

// clean reports whether v holds no delimiter and no line break: a scan for the bytes that may
// start one, and the exact test only when there is such a byte.
func (w *Writer) clean(v string) bool {
	for i := 0; i < len(v); i++ {
		if w.stop[v[i]] {
			return w.d.containsDelimiter(v[i:]) < 0
		}
	}
	return true
}

func (w *Writer) appendValue(b []byte, d *Delimiters, id, v string, n, r, c int) ([]byte, error) {
	if !w.clean(v) {
		if !(id == "ISA" && (n == 11 || n == 16) && len(v) == 1) {
			return b, w.dataError(id, n, r, c)
		}
	}
	return append(b, v...), nil
}

func (w *Writer) appendElement(b []byte, d *Delimiters, id string, e Element, n int) ([]byte, error) {
	var err error
	if len(e.reps) > 0 {
		last := len(e.reps)
		for last > 0 && e.reps[last-1].empty() {
			last--
		}
		if last > 1 && d.Repetition == 0 {
			return b, &Error{Pos: Position{Offset: w.off, Segment: w.n + 1, ID: safeID([]byte(id)), Element: n},
				Level: LevelElement, Code: "12", Err: ErrDelimiters}
		}
		for r, rep := range e.reps[:last] {
			if r > 0 {
				b = append(b, d.Repetition)
			}
			if b, err = w.appendComposite(b, d, id, rep, n, r+1); err != nil {
				return b, err
			}
		}
		return b, nil
	}
	return w.appendComposite(b, d, id, e, n, 0)
}

func (w *Writer) appendComposite(b []byte, d *Delimiters, id string, e Element, n, r int) ([]byte, error) {
	if e.comps == nil {
		return w.appendValue(b, d, id, e.value, n, r, 0)
	}
	last := len(e.comps)
	for last > 0 && e.comps[last-1] == "" {
		last--
	}
	var err error
	for c, v := range e.comps[:last] {
		if c > 0 {
			b = append(b, d.Component)
		}
		if b, err = w.appendValue(b, d, id, v, n, r, c+1); err != nil {
			return b, err
		}
	}
	return b, nil
}
