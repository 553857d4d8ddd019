package remit835

import (
	"fmt"
	"log/slog"
)

// Claim payments and their parts hold patient data or sit next to it, so none of them prints
// what it holds: fmt, under every verb, and log/slog show only what kind of value it is (and
// counts). Remittance, Payment, BankAccount, Claim and Name do the same in model.go. JSON
// output is unchanged.

// String describes the SegmentBalancer without the remittance and claim it is balancing.
func (sb SegmentBalancer) String() string { return "segment balancer (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (sb SegmentBalancer) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(sb.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (sb SegmentBalancer) LogValue() slog.Value { return slog.StringValue(sb.String()) }

// String describes the Decoder without the remittance it is reading.
func (d Decoder) String() string { return "835 decoder (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (d Decoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d Decoder) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the Encoder without the envelope or the output it holds.
func (enc Encoder) String() string { return "835 encoder (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (enc Encoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(enc.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (enc Encoder) LogValue() slog.Value { return slog.StringValue(enc.String()) }

// String describes the Party without the party's name, identifiers, address or contacts.
func (p Party) String() string { return "party (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Party) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Party) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Header without its number or kept segments.
func (h Header) String() string { return "header number (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (h Header) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(h.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (h Header) LogValue() slog.Value { return slog.StringValue(h.String()) }

// String describes the Outpatient without the claim's rate, amounts or remark codes.
func (o Outpatient) String() string { return "outpatient adjudication (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (o Outpatient) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(o.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (o Outpatient) LogValue() slog.Value { return slog.StringValue(o.String()) }

// String describes the Adjustment without the group, reason or amount, tied to a patient's claim.
func (a Adjustment) String() string { return "adjustment (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (a Adjustment) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (a Adjustment) LogValue() slog.Value { return slog.StringValue(a.String()) }

// String describes the Money without the qualifier or amount, tied to a patient's claim.
func (m Money) String() string { return "amount (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (m Money) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(m.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (m Money) LogValue() slog.Value { return slog.StringValue(m.String()) }

// String describes the Quantity without the qualifier or quantity, tied to a patient's claim.
func (q Quantity) String() string { return "quantity (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (q Quantity) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(q.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (q Quantity) LogValue() slog.Value { return slog.StringValue(q.String()) }

// String describes the Procedure without the codes or description of a patient's procedure.
func (p Procedure) String() string { return "procedure (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Procedure) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Procedure) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Line without procedure, dates, identifiers or kept segments, all tied to the patient.
func (l Line) String() string { return "service payment (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (l Line) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(l.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (l Line) LogValue() slog.Value { return slog.StringValue(l.String()) }

// String describes the Remark without the remark code, tied to a patient's claim.
func (r Remark) String() string { return "remark (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (r Remark) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r Remark) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the ProviderAdjustment without the provider, period or references.
func (pa ProviderAdjustment) String() string { return "provider adjustment (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (pa ProviderAdjustment) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(pa.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (pa ProviderAdjustment) LogValue() slog.Value { return slog.StringValue(pa.String()) }

// String describes the ProviderItem without the reason, reference or amount.
func (pi ProviderItem) String() string { return "provider adjustment item (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (pi ProviderItem) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(pi.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (pi ProviderItem) LogValue() slog.Value { return slog.StringValue(pi.String()) }
