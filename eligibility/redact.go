package eligibility

import (
	"fmt"
	"log/slog"
)

// Requests, answers and their parts hold a member's data or sit next to it, so none of them
// prints what it holds: fmt, under every verb, and log/slog show only what kind of value it
// is. Request, Response, Inquiry, Answer, Member and Ref do the same in model.go. JSON output
// is unchanged.

// shown is t when it is one of the three answers, else "?".
func (t Telehealth) shown() string {
	switch t {
	case TelehealthCovered, TelehealthNotCovered, TelehealthUnknown:
		return string(t)
	}
	return "?"
}

// String describes the RequestDecoder without the set it is reading.
func (d RequestDecoder) String() string { return "270 decoder (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (d RequestDecoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d RequestDecoder) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the ResponseDecoder without the set it is reading.
func (d ResponseDecoder) String() string { return "271 decoder (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (d ResponseDecoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d ResponseDecoder) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the RequestEncoder without the envelope or the output it holds.
func (e RequestEncoder) String() string { return "270 encoder (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (e RequestEncoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(e.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (e RequestEncoder) LogValue() slog.Value { return slog.StringValue(e.String()) }

// String describes the ResponseEncoder without the envelope or the output it holds.
func (e ResponseEncoder) String() string { return "271 encoder (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (e ResponseEncoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(e.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (e ResponseEncoder) LogValue() slog.Value { return slog.StringValue(e.String()) }

// String describes the Header without the reference, control number or kept segments.
func (h Header) String() string { return "header (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (h Header) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(h.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (h Header) LogValue() slog.Value { return slog.StringValue(h.String()) }

// String describes the Party without the party's names, identifiers, address or kept segments.
func (p Party) String() string { return "party (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Party) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Party) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Reject without the loop or codes, tied to a member.
func (r Reject) String() string { return "reject (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (r Reject) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r Reject) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the DateRange without the dates: a member's plan, eligibility or service dates.
func (dr DateRange) String() string { return "date range (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (dr DateRange) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(dr.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (dr DateRange) LogValue() slog.Value { return slog.StringValue(dr.String()) }

// String describes the Question without the service types, procedure, places or dates asked about a member.
func (q Question) String() string { return "question (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (q Question) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(q.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (q Question) LogValue() slog.Value { return slog.StringValue(q.String()) }

// String describes the Place without the qualifier or code: a place of service or nature of injury tied to a member.
func (p Place) String() string { return "place (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Place) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Place) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Benefit without the codes, amounts, messages, entities or kept segments of a member's coverage.
func (b Benefit) String() string { return "benefit (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (b Benefit) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(b.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (b Benefit) LogValue() slog.Value { return slog.StringValue(b.String()) }

// String describes the Entity without the names, identifiers or kept segments.
func (e Entity) String() string { return "benefit entity (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (e Entity) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(e.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (e Entity) LogValue() slog.Value { return slog.StringValue(e.String()) }

// String describes the Query without the service type or date asked about a member.
func (q Query) String() string { return "coverage query (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (q Query) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(q.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (q Query) LogValue() slog.Value { return slog.StringValue(q.String()) }

// String describes the Coverage without the trace number, amounts or reject reasons of a member; only whether it is active and the telehealth answer.
func (c Coverage) String() string {
	return fmt.Sprintf("coverage (active %t, telehealth %s)", c.Active, c.Telehealth.shown())
}

// Format implements fmt.Formatter: every verb prints only String.
func (c Coverage) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (c Coverage) LogValue() slog.Value { return slog.StringValue(c.String()) }
