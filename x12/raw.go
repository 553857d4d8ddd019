package x12

import (
	"errors"
	"fmt"
	"log/slog"
)

// RawSegment keeps a segment as the text it was read as, with the delimiters of its
// interchange, so that a typed model can carry segments it has no field for and write them
// back unchanged (re-delimited if the output uses other delimiters). Its String, Format and
// LogValue never show the text, which may hold patient data; JSON output keeps it.
type RawSegment struct {
	Loop       string `json:"loop,omitempty"` // the guide's loop the segment sat in, e.g. "2320"
	Text       string `json:"text"`           // the segment without its terminator
	Delimiters string `json:"delimiters"`     // element, component and repetition separators (space when none)
}

// ErrRawSegment is returned for a RawSegment whose text or delimiters cannot be read.
var ErrRawSegment = errors.New("raw segment unreadable")

// RawOf copies s into a RawSegment.
func RawOf(s *Segment) RawSegment {
	rep := s.delims.Repetition
	if rep == 0 {
		rep = ' '
	}
	text := string(s.raw)
	if len(text) >= len(s.id) && text[:len(s.id)] != s.id {
		text = s.id + text[len(s.id):] // a lower-case ID, as the Reader read it: kept readable
	}
	return RawSegment{Text: text, Delimiters: string([]byte{s.delims.Element, s.delims.Component, rep})}
}

// Segment parses the raw text back into a Segment.
func (r RawSegment) Segment() (*Segment, error) {
	if len(r.Delimiters) != 3 {
		return nil, ErrRawSegment
	}
	d := Delimiters{Element: r.Delimiters[0], Component: r.Delimiters[1], Repetition: r.Delimiters[2], Segment: "~"}
	if d.Repetition == ' ' {
		d.Repetition = 0
	}
	s := &Segment{raw: []byte(r.Text), delims: d}
	for i := 0; i < len(s.raw); i++ {
		if s.raw[i] == d.Element {
			s.seps = append(s.seps, int32(i))
		}
	}
	idb := s.raw
	if len(s.seps) > 0 {
		idb = s.raw[:s.seps[0]]
	}
	s.id = safeID(idb)
	if s.id == "" {
		return nil, ErrRawSegment
	}
	return s, nil
}

// GoString keeps %#v from printing the text.
func (r RawSegment) GoString() string { return r.String() }

// Format implements fmt.Formatter: every verb prints only String.
func (r RawSegment) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction (a JSONHandler would otherwise
// marshal the text).
func (r RawSegment) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the raw segment without its data.
func (r RawSegment) String() string {
	id := r.Text
	if len(r.Delimiters) > 0 {
		for i := 0; i < len(id); i++ {
			if id[i] == r.Delimiters[0] {
				id = id[:i]
				break
			}
		}
	}
	return safeID([]byte(id)) + " segment (raw)"
}

// RawSegments is a list of raw segments, as a typed model's Extra fields hold them. It prints
// and logs only how many segments it holds (a log/slog JSON handler would otherwise marshal
// a bare slice's text); JSON output keeps them all.
type RawSegments []RawSegment

// String describes the list without its segments' data.
func (l RawSegments) String() string { return fmt.Sprintf("%d raw segment(s)", len(l)) }

// GoString keeps %#v from printing the segments.
func (l RawSegments) GoString() string { return l.String() }

// Format implements fmt.Formatter: every verb prints only String.
func (l RawSegments) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(l.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (l RawSegments) LogValue() slog.Value { return slog.StringValue(l.String()) }
