package codec

import (
	"fmt"
	"log/slog"
	"strconv"

	"github.com/x12kit/x12kit/x12"
)

// FieldReader reads typed fields (amounts, dates, integers) from the elements of one segment
// for a typed decoder, which reads several fields one after the other without checking each
// and asks Err once at the end: the reader keeps the first error. Each read sets its field
// when the element's text parses. When it does not, the field is left as it is, the text is
// kept in the value's Unparsed under the Go field's name (so an encoder writes it back as
// read), a finding is added to the decoder's list (an *Error of RuleUnparsed on the element,
// with Field set to that name and Err to ErrAmount, ErrDate or ErrUnparsed; no 999 code, and
// never the text), and the first such finding is the reader's Err.
//
// The zero FieldReader reads nothing; make one with ReadFields for each segment. It is a
// small value meant to live on the stack. It reads patient data, so under fmt and log/slog
// it prints only whether a read failed.
type FieldReader struct {
	seg      *x12.Segment
	fields   []string
	unparsed *x12.Unparsed
	made     *[]*x12.Error
	err      *x12.Error
}

// ReadFields returns a FieldReader over the elements of s that keeps the text of what does
// not parse in u and adds its findings to made (which may be nil: the findings are then only
// counted in Err). fields, when not nil, are s's elements as Segment.Fields returns them
// (fields[n] is element n), read instead of s's own: a decoder that has cut them once for
// the segment passes them to read each element without another allocation.
func ReadFields(s *x12.Segment, fields []string, u *x12.Unparsed, made *[]*x12.Error) FieldReader {
	return FieldReader{seg: s, fields: fields, unparsed: u, made: made}
}

// Text returns element n as read (n as X12 numbers it: 1 is the first element), "" when
// the segment has no such element.
func (r *FieldReader) Text(n int) string {
	if r.fields != nil {
		if n >= 0 && n < len(r.fields) {
			return r.fields[n]
		}
		return ""
	}
	if r.seg == nil {
		return ""
	}
	return r.seg.Value(n)
}

// Amount reads element n into *dst when it is an X12 decimal amount (ParseAmount); else it
// keeps the text under field with a finding wrapping ErrAmount. An empty element is not an
// amount. It reports whether the amount parsed.
func (r *FieldReader) Amount(dst *x12.Amount, field string, n int) bool {
	text := r.Text(n)
	a, err := x12.ParseAmount(text)
	if err != nil {
		r.Keep(field, n, text, x12.ErrAmount)
		return false
	}
	*dst = a
	return true
}

// OptAmount reads an optional amount: *dst is nil when element n is empty, else it points to
// the amount, held in *mem when mem is not nil (memory the caller made with the value) or in
// a new Amount. Text that is not an amount leaves *dst nil and is kept as Amount keeps it.
// It reports whether the element was empty or parsed.
func (r *FieldReader) OptAmount(dst **x12.Amount, mem *x12.Amount, field string, n int) bool {
	text := r.Text(n)
	if text == "" {
		*dst = nil
		return true
	}
	a, err := x12.ParseAmount(text)
	if err != nil {
		*dst = nil
		r.Keep(field, n, text, x12.ErrAmount)
		return false
	}
	if mem == nil {
		mem = new(x12.Amount)
	}
	*mem = a
	*dst = mem
	return true
}

// Date reads element n into *dst when it is a CCYYMMDD date (ParseDate), leaves *dst as it
// is when the element is empty, and else keeps the text under field with a finding wrapping
// ErrDate. It reports whether the element was empty or parsed.
func (r *FieldReader) Date(dst *x12.Date, field string, n int) bool {
	text := r.Text(n)
	if text == "" {
		return true
	}
	d, err := x12.ParseDate(text)
	if err != nil {
		r.Keep(field, n, text, x12.ErrDate)
		return false
	}
	*dst = d
	return true
}

// Int reads element n into *dst when it is a decimal integer (an optional sign, then
// digits), leaves *dst as it is when the element is empty, and else keeps the text under
// field with a finding wrapping ErrUnparsed. It reports whether the element was empty or
// parsed.
func (r *FieldReader) Int(dst *int, field string, n int) bool {
	text := r.Text(n)
	if text == "" {
		return true
	}
	v, err := strconv.Atoi(text)
	if err != nil {
		r.Keep(field, n, text, x12.ErrUnparsed)
		return false
	}
	*dst = v
	return true
}

// Keep is what a read does with text that does not parse, for a field the decoder parses
// itself (a list of pointers in a composite, say): it keeps text under field in Unparsed and
// adds a finding on element n wrapping err (ErrUnparsed when nil).
func (r *FieldReader) Keep(field string, n int, text string, err error) {
	if err == nil {
		err = x12.ErrUnparsed
	}
	if r.unparsed != nil {
		r.unparsed.Set(field, text)
	}
	var p x12.Position
	if r.seg != nil {
		p = r.seg.Pos
	}
	p.Element = n
	f := &x12.Error{Pos: p, Level: x12.LevelElement, Err: err, Rule: x12.RuleUnparsed, Field: field}
	if r.err == nil {
		r.err = f
	}
	if r.made != nil {
		*r.made = append(*r.made, f)
	}
}

// Err returns the first finding of the reads so far, or nil when every read parsed.
func (r *FieldReader) Err() error {
	if r.err == nil {
		return nil
	}
	return r.err
}

// String says whether a read failed, never what was read.
func (r FieldReader) String() string {
	if r.err != nil {
		return "field reader (a field did not parse)"
	}
	return "field reader"
}

// Format implements fmt.Formatter: every verb prints only String.
func (r FieldReader) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r FieldReader) LogValue() slog.Value { return slog.StringValue(r.String()) }
