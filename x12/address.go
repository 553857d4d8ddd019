package x12

import (
	"fmt"
	"log/slog"
)

// Address is an N3/N4 pair: street lines, city, state or province, postal code and country,
// and what follows N404 (N405–N407) as it was read. The remittance and eligibility models use
// it as their Address. A member's or patient's address is patient data: String, Format and
// LogValue never print it.
type Address struct {
	Line1   string   `json:"line1"`             // N301
	Line2   string   `json:"line2,omitempty"`   // N302
	City    string   `json:"city"`              // N401
	State   string   `json:"state,omitempty"`   // N402
	ZIP     string   `json:"zip,omitempty"`     // N403
	Country string   `json:"country,omitempty"` // N404
	Rest    []string `json:"rest,omitempty"`    // N405–N407 as read
}

// N4Elements are the elements to write the Address's N4 with.
func (a *Address) N4Elements() []string {
	return append([]string{a.City, a.State, a.ZIP, a.Country}, a.Rest...)
}

// String never prints the address.
func (a Address) String() string { return "address (redacted)" }

// Format implements fmt.Formatter with String's redaction.
func (a Address) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (a Address) LogValue() slog.Value { return slog.StringValue(a.String()) }
