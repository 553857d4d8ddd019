package x12

import (
	"bytes"
	"fmt"
	"log/slog"
	"strconv"
)

// Segment is one X12 segment: its ID and elements, with components and repetitions split on
// demand. Accessors number elements the way X12 does — for an NM1, Element(3) is NM103 —
// and Element(0) is the segment ID.
//
// A *Segment returned by Reader.Next is a view into the reader's buffer: it is valid only
// until the next call to Next. Call Clone to keep one. A Segment holds patient data, so its
// String, Format and LogValue methods print only the ID and element count, never values.
type Segment struct {
	id     string
	raw    []byte  // the segment without its terminator (line breaks removed)
	seps   []int32 // offsets in raw of each element separator
	delims Delimiters
	binary bool // a BIN segment: element 2 is binary data, never split
	// text is raw as a string, when the segment belongs to a handed-out unit (or its parents):
	// Value and Fields then cut it instead of allocating.
	text string

	// Pos is where the segment was read. It is the zero Position for segments not read
	// from a stream.
	Pos Position
}

// ID returns the segment identifier, upper-cased ("NM1", "CLM").
func (s *Segment) ID() string { return s.id }

// Len returns the number of data elements after the ID, empty ones included. Trailing empty
// elements that the sender omitted are not counted.
func (s *Segment) Len() int { return len(s.seps) }

// Raw returns the segment's bytes as read, without the terminator and with any line breaks
// removed. It shares the segment's memory.
func (s *Segment) Raw() []byte { return s.raw }

// Delimiters returns the delimiters of the interchange the segment came from.
func (s *Segment) Delimiters() Delimiters { return s.delims }

// IsBinary reports whether this is a BIN segment whose element 2 holds raw binary data.
func (s *Segment) IsBinary() bool { return s.binary }

// Element returns element n (1-based, as X12 numbers them) with its components and
// repetitions unsplit; Element(0) is the ID. It returns nil when the segment has no element n.
func (s *Segment) Element(n int) []byte {
	if n < 0 || n > len(s.seps) {
		return nil
	}
	from := 0
	if n > 0 {
		from = int(s.seps[n-1]) + 1
	}
	to := len(s.raw)
	if n < len(s.seps) {
		to = int(s.seps[n])
	}
	return s.raw[from:to]
}

// Value returns element n as a string (allocating, except for segments of a SetReader unit
// and its parents, whose text is made once). It is "" for an absent element.
func (s *Segment) Value(n int) string {
	if n == 0 {
		return s.id
	}
	if s.text != "" && n <= len(s.seps) {
		from := int(s.seps[n-1]) + 1
		to := len(s.raw)
		if n < len(s.seps) {
			to = int(s.seps[n])
		}
		return s.text[from:to]
	}
	return string(s.Element(n))
}

// Fields returns the ID and the elements as strings — fields[n] is element n, fields[0] the
// ID — sharing a single allocation for the whole segment. dst is reused when it has room.
func (s *Segment) Fields(dst []string) []string {
	if s.text != "" {
		return s.FieldsOf(s.text, dst)
	}
	return s.FieldsOf(string(s.raw), dst)
}

// FieldsOf is Fields for a caller that already holds the segment's text as a string
// (string(s.Raw()), e.g. cut from one string made for many segments): the fields are
// substrings of text and nothing is allocated beyond dst's growth.
func (s *Segment) FieldsOf(text string, dst []string) []string {
	dst = append(dst[:0], s.id)
	if len(text) != len(s.raw) {
		return dst // not this segment's text
	}
	from := 0
	if len(s.seps) > 0 {
		from = int(s.seps[0]) + 1
	}
	for i := 1; i <= len(s.seps); i++ {
		to := len(text)
		if i < len(s.seps) {
			to = int(s.seps[i])
		}
		dst = append(dst, text[from:to])
		from = to + 1
	}
	return dst
}

// Has reports whether element n is present and not empty.
func (s *Segment) Has(n int) bool { return len(s.Element(n)) > 0 }

// Repetitions returns how many repetitions element n has: 0 when empty, 1 for an ordinary
// element.
func (s *Segment) Repetitions(n int) int {
	e := s.Element(n)
	if len(e) == 0 {
		return 0
	}
	if s.delims.Repetition == 0 || s.binary && n == 2 {
		return 1
	}
	return bytes.Count(e, []byte{s.delims.Repetition}) + 1
}

// Repetition returns repetition r (1-based) of element n, components unsplit.
func (s *Segment) Repetition(n, r int) []byte { return s.At(n, r, 0) }

// Component returns component c (1-based) of element n's first repetition: for
// SV1*HC:99213:95, Component(1, 3) is "95".
func (s *Segment) Component(n, c int) []byte { return s.At(n, 1, c) }

// Components returns how many components repetition r of element n has (0 when empty).
func (s *Segment) Components(n, r int) int {
	e := s.At(n, r, 0)
	if len(e) == 0 {
		return 0
	}
	if s.binary && n == 2 {
		return 1
	}
	return bytes.Count(e, []byte{s.delims.Component}) + 1
}

// Text is At as a string. For the segments of a SetReader unit and its parents, whose text
// is made once, it is cut from that text without allocating; otherwise it is a copy.
func (s *Segment) Text(n, r, c int) string {
	b := s.At(n, r, c)
	if len(b) == 0 {
		return ""
	}
	if s.text != "" {
		// b is a slice of raw, whose bytes text holds at the same offsets.
		from := cap(s.raw) - cap(b)
		return s.text[from : from+len(b)]
	}
	return string(b)
}

// At returns component c of repetition r of element n, all 1-based. r = 0 means the whole
// element, c = 0 the whole repetition. It returns nil for anything absent.
func (s *Segment) At(n, r, c int) []byte {
	e := s.Element(n)
	if e == nil || r == 0 && c == 0 {
		return e
	}
	if s.binary && n == 2 {
		if r <= 1 && c <= 1 {
			return e
		}
		return nil
	}
	if r == 0 {
		r = 1
	}
	if s.delims.Repetition != 0 {
		e = nth(e, s.delims.Repetition, r)
	} else if r != 1 {
		return nil
	}
	if c == 0 || e == nil {
		return e
	}
	return nth(e, s.delims.Component, c)
}

// nth returns the i-th (1-based) part of b split at sep, or nil.
func nth(b []byte, sep byte, i int) []byte {
	for ; i > 1; i-- {
		j := bytes.IndexByte(b, sep)
		if j < 0 {
			return nil
		}
		b = b[j+1:]
	}
	if j := bytes.IndexByte(b, sep); j >= 0 {
		return b[:j]
	}
	return b
}

// Clone returns a copy of the segment that owns its memory, safe to keep after Reader.Next.
func (s *Segment) Clone() *Segment {
	c := *s
	c.raw = bytes.Clone(s.raw)
	c.seps = append([]int32(nil), s.seps...)
	return &c
}

// String describes the segment without its data, e.g. "NM1 segment, 9 elements".
func (s *Segment) String() string {
	return s.id + " segment, " + strconv.Itoa(len(s.seps)) + " elements"
}

// Format implements fmt.Formatter so that every verb, %#v included, prints only String: the
// elements may be patient data. It has a value receiver so that a Segment value prints the
// same as a pointer to one.
func (s Segment) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer: only the ID, element count and position are logged.
func (s Segment) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", s.id),
		slog.Int("elements", len(s.seps)),
		slog.Int64("offset", s.Pos.Offset),
		slog.Int("segment", s.Pos.Segment),
	)
}

// NewSegment builds a segment from an ID and element values, each of which may hold
// components and repetitions already joined with d's delimiters. It is meant for tests and
// for code that assembles segments by hand; the Writer is the usual way to produce X12.
func NewSegment(d Delimiters, id string, elements ...string) *Segment {
	d = d.orDefault()
	s := &Segment{id: id, delims: d}
	s.raw = append(s.raw, id...)
	for _, e := range elements {
		s.seps = append(s.seps, int32(len(s.raw)))
		s.raw = append(s.raw, d.Element)
		s.raw = append(s.raw, e...)
	}
	s.binary = id == "BIN"
	return s
}
