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

// ReadAddress reads an N3 or N4 into *a, making the Address first if *a is nil. It reports
// false for a segment the Address cannot hold as it came — a second N3 or N4, an N3 of more
// than two elements, an empty N301 or N401, any other segment — which the caller keeps as
// read (*a is made all the same).
func ReadAddress(s *Segment, a **Address) bool {
	if *a == nil {
		*a = &Address{}
	}
	ad := *a
	switch s.ID() {
	case "N3":
		if ad.Line1 != "" || s.Len() > 2 || s.Value(1) == "" {
			return false
		}
		ad.Line1, ad.Line2 = s.Value(1), s.Value(2)
		return true
	case "N4":
		if ad.City != "" || s.Value(1) == "" {
			return false
		}
		ad.City, ad.State, ad.ZIP, ad.Country = s.Value(1), s.Value(2), s.Value(3), s.Value(4)
		for i := 5; i <= s.Len(); i++ {
			ad.Rest = append(ad.Rest, s.Value(i))
		}
		return true
	}
	return false
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
