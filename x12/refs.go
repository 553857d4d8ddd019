package x12

import (
	"fmt"
	"log/slog"
)

// The small values every transaction's typed model shares. Each may hold patient data (a
// member ID in a REF, a person's phone number, a check number), so each prints redacted under
// fmt and log/slog; JSON and the fields themselves are the data.

// Ref is a REF: a qualifier (REF01), an identifier (REF02) and, where the guide uses it, a
// description (REF03).
type Ref struct {
	Qualifier   string `json:"qualifier"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}

// Contact is a PER: its function (PER01: IC information contact, CX claims, BL technical),
// a name (PER02) and the communication numbers (PER03–PER08), in order.
type Contact struct {
	Function string   `json:"function,omitempty"`
	Name     string   `json:"name,omitempty"`
	Numbers  []Number `json:"numbers,omitempty"`
}

// Number is one communication number of a PER: its qualifier (TE telephone, EX extension,
// EM email, FX fax, UR URL) and the number.
type Number struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Trace is a TRN: TRN01 (1 current transaction, 2 referenced), the trace number (TRN02: an
// inquiry's, or the check or EFT number of an 835), the originating company (TRN03: "1" and
// a tax ID, or another identifier) and its supplemental code (TRN04).
type Trace struct {
	Type       string `json:"type"`
	Number     string `json:"number"`
	Originator string `json:"originator"`
	Supplement string `json:"supplement,omitempty"`
}

// String prints the qualifier only, when it has the shape of a code (RedactCode): a REF may
// hold a member's identifier or a social security number.
func (r Ref) String() string { return "REF " + RedactCode(r.Qualifier) + " (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (r Ref) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r Ref) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the Contact without the contact's name and numbers.
func (c Contact) String() string { return "contact (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (c Contact) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (c Contact) LogValue() slog.Value { return slog.StringValue(c.String()) }

// String describes the Number without the number.
func (n Number) String() string { return "communication number (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (n Number) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(n.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (n Number) LogValue() slog.Value { return slog.StringValue(n.String()) }

// String describes the Trace without its numbers.
func (t Trace) String() string { return "trace (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (t Trace) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(t.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (t Trace) LogValue() slog.Value { return slog.StringValue(t.String()) }
