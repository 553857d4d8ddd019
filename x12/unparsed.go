package x12

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
)

// ErrUnparsed is the sentinel of a decoder's finding on an element whose text does not parse
// into its typed field (for amounts, ErrAmount); the text is kept in an Unparsed.
var ErrUnparsed = errors.New("element does not parse into its typed field; its text is kept")

// Unparsed keeps the text of elements that did not parse into their typed fields (an amount
// of "12X.00", a pointer of "A"), by the Go field's name, so that a decoder never zeroes a
// value in silence and an encoder writes the text back as it was read. The guide's finding
// on the element says what is wrong with it. The zero value is empty and ready to use.
// It may hold patient data, so it prints only its size under fmt and log/slog.
type Unparsed []UnparsedValue

// UnparsedValue is one element's text that did not parse, and the field it was meant for.
type UnparsedValue struct {
	Field string `json:"field"` // the Go field, e.g. "Charge"
	Text  string `json:"text"`  // the element as read
}

// Get returns the text kept for field, if any.
func (u Unparsed) Get(field string) (string, bool) {
	for _, v := range u {
		if v.Field == field {
			return v.Text, true
		}
	}
	return "", false
}

// Set keeps text for field, replacing any text kept for it before.
func (u *Unparsed) Set(field, text string) {
	for i := range *u {
		if (*u)[i].Field == field {
			(*u)[i].Text = text
			return
		}
	}
	*u = append(*u, UnparsedValue{Field: field, Text: text})
}

// Or returns the text kept for field, or formatted when there is none: what an encoder
// writes for the field.
func (u Unparsed) Or(field, formatted string) string {
	if t, ok := u.Get(field); ok {
		return t
	}
	return formatted
}

// String names the fields kept, never their text.
func (u Unparsed) String() string {
	return "unparsed (" + strconv.Itoa(len(u)) + " values)"
}

// Format implements fmt.Formatter: every verb prints only String.
func (u Unparsed) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(u.String())) }

// LogValue implements slog.LogValuer with the same redaction.
func (u Unparsed) LogValue() slog.Value { return slog.StringValue(u.String()) }

// String never prints the text, which may be patient data, nor the field.
func (v UnparsedValue) String() string { return "unparsed value" }

// Format implements fmt.Formatter: every verb prints only String.
func (v UnparsedValue) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(v.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (v UnparsedValue) LogValue() slog.Value { return slog.StringValue(v.String()) }
