package remitstats

import (
	"fmt"
	"log/slog"
)

// Reconciliation, reversal pairs and summaries hold patient data or sit next to it, so none of
// them prints what it holds: fmt, under every verb, and log/slog show only what kind of value
// it is (and counts). JSON output is unchanged.

// String describes the ClaimRef without the status, amounts or payer claim control number.
func (cr ClaimRef) String() string { return "claim payment reference (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (cr ClaimRef) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(cr.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (cr ClaimRef) LogValue() slog.Value { return slog.StringValue(cr.String()) }

// String describes the Pair without the patient control number or the claims it pairs.
func (p Pair) String() string { return "reversal pair (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Pair) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Pair) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Pairer without the patient control numbers it remembers.
func (p Pairer) String() string { return "reversal pairer (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Pairer) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Pairer) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the SubmittedLine without the procedure, codes or line control number.
func (sl SubmittedLine) String() string { return "submitted line (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (sl SubmittedLine) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(sl.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (sl SubmittedLine) LogValue() slog.Value { return slog.StringValue(sl.String()) }

// String describes the SubmittedClaim without the patient control number, codes or lines.
func (sc SubmittedClaim) String() string { return "submitted claim (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (sc SubmittedClaim) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(sc.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (sc SubmittedClaim) LogValue() slog.Value { return slog.StringValue(sc.String()) }

// String describes the Submitted without the claims' patient control numbers or lines.
func (s Submitted) String() string { return "submitted claims (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (s Submitted) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (s Submitted) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String describes the Reconciler without its fee schedule or the claim payments it remembers.
func (r Reconciler) String() string { return "reconciler (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (r Reconciler) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (r Reconciler) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the WorkItem without the patient and payer claim control numbers, codes or lines.
func (wi WorkItem) String() string { return "work item (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (wi WorkItem) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(wi.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (wi WorkItem) LogValue() slog.Value { return slog.StringValue(wi.String()) }

// String describes the WorkLine without the line control number, procedure or amounts.
func (wl WorkLine) String() string { return "work line (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (wl WorkLine) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(wl.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (wl WorkLine) LogValue() slog.Value { return slog.StringValue(wl.String()) }

// String describes the WorkList without its claims' data, only its counts.
func (wl WorkList) String() string {
	return fmt.Sprintf("work list (%d submitted, %d matched, %d unpaid, %d denied, %d short-paid, %d partially paid, %d unmatched)",
		wl.Submitted, wl.Matched, len(wl.Unpaid), len(wl.Denied), len(wl.ShortPaid), len(wl.Partial), len(wl.Unmatched))
}

// Format implements fmt.Formatter: every verb prints only String.
func (wl WorkList) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(wl.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (wl WorkList) LogValue() slog.Value { return slog.StringValue(wl.String()) }

// String describes the Summary without the claims' data it keeps (reversal pairs by patient control number), only its counts.
func (s Summary) String() string {
	return fmt.Sprintf("835 summary (%d sets, %d claims, %d imbalances)", s.Sets, s.Totals.Claims.Total, s.Imbalances)
}

// Format implements fmt.Formatter: every verb prints only String.
func (s Summary) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (s Summary) LogValue() slog.Value { return slog.StringValue(s.String()) }
