package simulate

import (
	"fmt"
	"log/slog"
)

// The simulators hold synthetic patient data and remember it (patient control numbers,
// deductibles, members), so none prints what it holds: fmt, under every verb, and log/slog
// show only what kind of value it is (Plans, PlanMember and PlanDependent do the same in
// plans.go). JSON output is unchanged.

// String describes the Adjudicator without its fee schedule or the patient control numbers and deductibles it remembers.
func (a Adjudicator) String() string { return "adjudicator (redacted)" }

// Format implements fmt.Formatter: every verb prints only String.
func (a Adjudicator) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (a Adjudicator) LogValue() slog.Value { return slog.StringValue(a.String()) }
