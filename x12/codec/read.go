package codec

import (
	"time"

	"github.com/x12kit/x12kit/x12"
)

// ReadAddress reads an N3 or N4 into *a, making the Address first if *a is nil. It reports
// false for a segment the Address cannot hold as it came — a second N3 or N4, an N3 of more
// than two elements, an empty N301 or N401, any other segment — which the caller keeps as
// read (*a is made all the same).
func ReadAddress(s *x12.Segment, a **x12.Address) bool {
	if *a == nil {
		*a = &x12.Address{}
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

// ReadCreated reads a BHT04 date and BHT05 time into created, and into clockDigits the
// length of a time written with seconds (6) or hundredths (8), else 0. When they are not a
// date and time, created stays zero and their text is kept in u, under "Created" (BHT04)
// and "ClockDigits" (BHT05), for an encoder to write back as read.
func ReadCreated(date, clock string, created *time.Time, clockDigits *int, u *x12.Unparsed) {
	t, digits, ok := x12.ParseDateTime(date, clock)
	if !ok {
		u.Set("Created", date)
		u.Set("ClockDigits", clock)
		return
	}
	*created = t
	if digits == 6 || digits == 8 {
		*clockDigits = digits
	}
}

// MergeFindings returns found with the decoder's own findings made added, except those on an
// element found already has an error for (ReportedAt).
func MergeFindings(found, made []*x12.Error) []*x12.Error {
	for _, m := range made {
		if !ReportedAt(found, m.Pos) {
			found = append(found, m)
		}
	}
	return found
}

// ReportedAt reports whether found holds an error (not a warning) on the element at p: the
// same segment (by offset) and element.
func ReportedAt(found []*x12.Error, p x12.Position) bool {
	for _, f := range found {
		if f.Pos.Offset == p.Offset && f.Pos.Element == p.Element && f.Severity != x12.SeverityWarning {
			return true
		}
	}
	return false
}
