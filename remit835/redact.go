package remit835

import (
	"fmt"
	"log/slog"
)

// Claim payments, their parts and what is built from them (reconciliation, reversal pairs,
// summaries) hold patient data or sit next to it, so none of them prints what it holds: fmt,
// under every verb, and log/slog show only what kind of value it is (and counts). Remittance,
// Payment, BankAccount, Claim and Name do the same in model.go. JSON output is unchanged.

// String describes the Adjudicator without its fee schedule or the patient control numbers and deductibles it remembers.
func (a Adjudicator) String() string { return "adjudicator (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (a Adjudicator) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (a Adjudicator) LogValue() slog.Value { return slog.StringValue(a.String()) }

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

// String describes the Trace without the check or EFT trace number.
func (t Trace) String() string { return "trace (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (t Trace) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(t.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (t Trace) LogValue() slog.Value { return slog.StringValue(t.String()) }

// String describes the Party without the party's name, identifiers, address or contacts.
func (p Party) String() string { return "party (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (p Party) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (p Party) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the Ref without the qualifier or identifier.
func (r Ref) String() string { return "REF (redacted)" }

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
