package x12

import (
	"errors"
	"math"
	"strconv"
)

// Amount is an exact money amount in cents: never a float. It reads and writes X12's R
// format ("150", "12.5", "-3.05": no exponent, no thousands separator, sign only when
// negative) and prints as a fixed two-decimal string ("150.00") in text and JSON. HIPAA
// amounts fit easily: the largest is 99999999.99.
type Amount int64

// Cents makes an Amount from a number of cents.
func Cents(c int64) Amount { return Amount(c) }

// Dollars makes an Amount from whole dollars.
func Dollars(d int64) Amount { return Amount(d * 100) }

// ErrAmount is returned for text that is not an X12 decimal amount with at most two
// significant decimals.
var ErrAmount = errors.New("not an X12 decimal amount")

// ParseAmount reads an X12 R value ("150", "12.5", "-0.75", ".5"). Decimals past the second
// must be zeros ("12.500" is 12.50); anything else is ErrAmount.
func ParseAmount(s string) (Amount, error) {
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg, s = true, s[1:]
	}
	if s == "" || s == "." {
		return 0, ErrAmount
	}
	var whole, frac int64
	digits, fracDigits, point := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !point:
			point = true
		case c >= '0' && c <= '9':
			digits++
			if digits > 15 {
				return 0, ErrAmount
			}
			if !point {
				whole = whole*10 + int64(c-'0')
				continue
			}
			fracDigits++
			if fracDigits <= 2 {
				frac = frac*10 + int64(c-'0')
			} else if c != '0' {
				return 0, ErrAmount
			}
		default:
			return 0, ErrAmount
		}
	}
	if fracDigits == 1 {
		frac *= 10
	}
	a := Amount(whole*100 + frac)
	if neg {
		a = -a
	}
	return a, nil
}

// X12 formats the amount as X12 wants it: no trailing fractional zeros, no point for whole
// amounts ("150", "12.5", "-3.05").
func (a Amount) X12() string {
	var b [24]byte
	return string(a.appendTo(b[:0], true))
}

// String formats the amount with two decimals: "150.00", "-3.05".
func (a Amount) String() string {
	var b [24]byte
	return string(a.appendTo(b[:0], false))
}

// appendTo appends the amount with two decimals, or with trim in X12's shortest form (no
// trailing zero decimals, no point without decimals).
func (a Amount) appendTo(b []byte, trim bool) []byte {
	c := int64(a)
	if c < 0 {
		b = append(b, '-')
		if c == math.MinInt64 {
			// -c does not exist: the whole units and cents of the magnitude, digit by digit.
			return appendCents(strconv.AppendUint(b, uint64(-(c/100)), 10), int(-(c % 100)), trim)
		}
		c = -c
	}
	return appendCents(strconv.AppendInt(b, c/100, 10), int(c%100), trim)
}

// appendCents appends the decimals of cents (0–99) after the whole units.
func appendCents(b []byte, cents int, trim bool) []byte {
	switch {
	case !trim:
		return append(b, '.', byte('0'+cents/10), byte('0'+cents%10))
	case cents == 0:
		return b
	case cents%10 == 0:
		return append(b, '.', byte('0'+cents/10))
	}
	return append(b, '.', byte('0'+cents/10), byte('0'+cents%10))
}

// MarshalText writes the two-decimal form, so JSON shows "150.00".
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads a decimal string.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
