package x12

import (
	"errors"
	"fmt"
	"time"
)

// Date is a calendar date without time or zone — a date of service, a birth date. The zero
// Date means "none". It reads and writes X12's CCYYMMDD and prints as YYYY-MM-DD in text
// and JSON.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrDate is returned for text that is not a real CCYYMMDD (or YYYY-MM-DD) date.
var ErrDate = errors.New("not a valid date")

// NewDate returns the date; it does not normalise (check with Valid).
func NewDate(year int, month time.Month, day int) Date { return Date{year, month, day} }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date { y, m, d := t.Date(); return Date{y, m, d} }

// ParseDate reads CCYYMMDD.
func ParseDate(s string) (Date, error) {
	if !validDate(s) {
		return Date{}, ErrDate
	}
	return Date{atoi(s[:4]), time.Month(atoi(s[4:6])), atoi(s[6:8])}, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date.
func (d Date) Valid() bool { return d.Year > 0 && validMonthDay(d.Year, int(d.Month), d.Day) }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// X12 formats CCYYMMDD ("" for the zero Date).
func (d Date) X12() string {
	if d.IsZero() {
		return ""
	}
	var b [8]byte
	return string(d.appendTo(b[:0], ""))
}

// String formats YYYY-MM-DD ("" for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0], "-"))
}

// appendTo appends the date as year, month and day of at least 4, 2 and 2 digits with sep
// between them: what fmt's %04d%s%02d%s%02d gives, without its cost (encoders write a date
// in most claims and keys).
func (d Date) appendTo(b []byte, sep string) []byte {
	m := int(d.Month)
	if d.Year < 0 || d.Year > 9999 || m < 0 || m > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Appendf(b, "%04d%s%02d%s%02d", d.Year, sep, m, sep, d.Day)
	}
	y := d.Year
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	b = append(append(b, sep...), byte('0'+m/10), byte('0'+m%10))
	return append(append(b, sep...), byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD, CCYYMMDD, or "" for the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		*d = Date{}
		return nil
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		s = s[:4] + s[5:7] + s[8:]
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
