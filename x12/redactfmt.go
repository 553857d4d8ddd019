package x12

import (
	"fmt"
	"log/slog"
	"strconv"
)

// The readers, writers and trees below hold segments' text, which may be patient data, in
// fields fmt would print; like Segment, RawSegment, Unparsed and Address, they print only
// what kind of value they are under every fmt verb and log/slog.

// RedactCode returns s when it has the shape of a code from a code list — one to three
// upper-case letters or digits, too short to hold a name or an identifier — and "?" otherwise.
// Redacted descriptions use it to show a value's codes (a claim's status, a place of service,
// a REF qualifier) and nothing else.
func RedactCode(s string) string {
	if len(s) == 0 || len(s) > 3 {
		return "?"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "?"
		}
	}
	return s
}

// String describes the element without its value.
func (e Element) String() string { return "element (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (e Element) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(e.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (e Element) LogValue() slog.Value { return slog.StringValue(e.String()) }

// String describes the Reader without the input it holds.
func (r Reader) String() string { return "x12 reader (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (r Reader) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r Reader) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the Writer without the output it holds.
func (w Writer) String() string { return "x12 writer (" + strconv.Itoa(w.n) + " segments)" }

// Format implements fmt.Formatter: every verb prints only String.
func (w Writer) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(w.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (w Writer) LogValue() slog.Value { return slog.StringValue(w.String()) }

// String describes the SetReader without the input it holds.
func (sr SetReader) String() string { return "x12 set reader (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (sr SetReader) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(sr.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (sr SetReader) LogValue() slog.Value { return slog.StringValue(sr.String()) }

// String describes the Stream without the input it holds.
func (st Stream) String() string { return "x12 stream (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (st Stream) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(st.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (st Stream) LogValue() slog.Value { return slog.StringValue(st.String()) }

// String describes the ExtraQueue by its size, never its segments.
func (q ExtraQueue) String() string {
	return "extra segments (" + strconv.Itoa(len(q.segs)) + " queued)"
}

// Format implements fmt.Formatter: every verb prints only String.
func (q ExtraQueue) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(q.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (q ExtraQueue) LogValue() slog.Value { return slog.StringValue(q.String()) }

// String describes the loop instance by its size, never its segments.
func (n Node) String() string { return "loop instance (" + strconv.Itoa(len(n.Items)) + " items)" }

// Format implements fmt.Formatter: every verb prints only String.
func (n Node) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(n.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (n Node) LogValue() slog.Value { return slog.StringValue(n.String()) }

// String says whether the item is a segment or a nested loop, never what it holds.
func (it Item) String() string {
	if it.Node != nil {
		return "loop item"
	}
	return "segment item"
}

// Format implements fmt.Formatter: every verb prints only String.
func (it Item) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(it.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (it Item) LogValue() slog.Value { return slog.StringValue(it.String()) }

// String describes the transaction set by its ID code and size, never its segments.
func (s Set) String() string {
	return "transaction set " + RedactCode(s.ST01) + " (" + strconv.Itoa(s.Segments) + " segments)"
}

// Format implements fmt.Formatter: every verb prints only String.
func (s Set) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (s Set) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String describes the part without its segments.
func (p Part) String() string {
	if p.Unit != nil {
		return "set part (a unit)"
	}
	return "set part (the set's end)"
}

// Format implements fmt.Formatter: every verb prints only String.
func (p Part) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Part) LogValue() slog.Value { return slog.StringValue(p.String()) }
