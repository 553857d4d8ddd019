package claim837

import (
	"fmt"
	"log/slog"
	"strconv"
)

// The model's parties, codes and lines hold patient data (or sit next to it), so none of
// them prints what it holds: fmt, under every verb, and log/slog show only what kind of
// value it is. Claim, Person and Batch do the same in model.go. JSON output is unchanged.

// String describes the Submitter without the submitter's name, identifier and contact.
func (s Submitter) String() string { return "submitter (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (s Submitter) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (s Submitter) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String describes the Receiver without the receiver's name and identifier.
func (r Receiver) String() string { return "receiver (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (r Receiver) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r Receiver) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the Provider without names and identifiers: an individual provider's REF*SY is a social security number.
func (p Provider) String() string { return "provider (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Provider) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Provider) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Subscriber without the subscriber's person, coverage or group.
func (s Subscriber) String() string { return "subscriber (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (s Subscriber) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (s Subscriber) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String describes the Patient without the patient's person or relationship.
func (p Patient) String() string { return "patient (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Patient) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Patient) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Payer without the payer's name, identifier and address.
func (p Payer) String() string { return "payer (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Payer) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Payer) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Diagnosis without the code: a patient's diagnosis.
func (d Diagnosis) String() string { return "diagnosis (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (d Diagnosis) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d Diagnosis) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the Note without the note's free text.
func (n Note) String() string { return "note (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (n Note) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(n.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (n Note) LogValue() slog.Value { return slog.StringValue(n.String()) }

// String describes the Facility without the facility's name, NPI and address.
func (fa Facility) String() string { return "service facility (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (fa Facility) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(fa.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (fa Facility) LogValue() slog.Value { return slog.StringValue(fa.String()) }

// String describes the Line without procedure, dates, codes or kept segments, all tied to the patient.
func (l Line) String() string { return "service line (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (l Line) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(l.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (l Line) LogValue() slog.Value { return slog.StringValue(l.String()) }

// String describes the Drug without the drug code and quantity, tied to the patient.
func (d Drug) String() string { return "drug (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (d Drug) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d Drug) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the Decoder by the claims of its batch, never their data.
func (d Decoder) String() string {
	if d.batch == nil {
		return "837P decoder"
	}
	return "837P decoder (" + strconv.Itoa(len(d.batch.Claims)) + " claims)"
}

// Format implements fmt.Formatter: every verb prints only String.
func (d Decoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d Decoder) LogValue() slog.Value { return slog.StringValue(d.String()) }
