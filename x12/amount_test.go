package x12

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		in       string
		cents    int64
		x12, str string
	}{
		{"150", 15000, "150", "150.00"},
		{"12.5", 1250, "12.5", "12.50"},
		{"12.05", 1205, "12.05", "12.05"},
		{"-3.05", -305, "-3.05", "-3.05"},
		{".5", 50, "0.5", "0.50"},
		{"12.500", 1250, "12.5", "12.50"},
		{"0", 0, "0", "0.00"},
		{"99999999.99", 9999999999, "99999999.99", "99999999.99"},
	}
	for _, tc := range tests {
		a, err := ParseAmount(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, Amount(tc.cents), a, tc.in)
		assert.Equal(t, tc.str, a.String(), tc.in)
		if tc.in != ".5" {
			assert.Equal(t, tc.x12, a.X12(), tc.in)
		}
	}
	for _, bad := range []string{"", "-", ".", "1e3", "1,000", "+5", "12.345", "1.2.3", "abc", "1234567890123456"} {
		_, err := ParseAmount(bad)
		assert.ErrorIs(t, err, ErrAmount, bad)
	}
	b, err := json.Marshal(struct{ A Amount }{Cents(123450)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"A":"1234.50"}`, string(b))
	var back struct{ A Amount }
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Cents(123450), back.A)
	assert.Equal(t, "0.5", Amount(50).X12())
}

func TestDate(t *testing.T) {
	d, err := ParseDate("20240229")
	require.NoError(t, err)
	assert.Equal(t, NewDate(2024, time.February, 29), d)
	assert.Equal(t, "20240229", d.X12())
	assert.Equal(t, "2024-02-29", d.String())
	for _, bad := range []string{"20230229", "2024021", "20241301", "2024-02-01", ""} {
		_, err := ParseDate(bad)
		assert.ErrorIs(t, err, ErrDate, bad)
	}
	b, err := json.Marshal(struct{ D Date }{d})
	require.NoError(t, err)
	assert.JSONEq(t, `{"D":"2024-02-29"}`, string(b))
	var back struct{ D Date }
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back.D)
	assert.True(t, NewDate(2024, 1, 1).Before(d))
	assert.True(t, Date{}.IsZero())
	assert.Equal(t, "", Date{}.X12())
	assert.Equal(t, d, DateOf(time.Date(2024, 2, 29, 23, 0, 0, 0, time.UTC)))
}

// TestAmountFormats: String is sign, whole units and two decimals; X12 is that without
// trailing zero decimals or a bare point — for any number of cents, the extremes included.
func TestAmountFormats(t *testing.T) {
	cents := []int64{0, 1, 9, 10, 11, 50, 99, 100, 101, 150, 1205, 123450, 1000000, math.MaxInt64, math.MinInt64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		cents = append(cents, rng.Int64N(1<<40))
	}
	for _, c := range cents {
		for _, v := range []int64{c, -c} {
			mag := uint64(v)
			sign := ""
			if v < 0 {
				sign, mag = "-", -mag
			}
			str := fmt.Sprintf("%s%d.%02d", sign, mag/100, mag%100)
			x := strings.TrimRight(strings.TrimRight(str, "0"), ".")
			assert.Equal(t, str, Amount(v).String(), v)
			assert.Equal(t, x, Amount(v).X12(), v)
		}
	}
}

// TestDateFormats: X12 and String write what %04d%02d%02d and %04d-%02d-%02d write, for any
// Date, in range or not.
func TestDateFormats(t *testing.T) {
	for _, d := range []Date{
		{2026, time.November, 28}, {1, time.January, 1}, {9999, time.December, 31}, {999, 9, 5},
		{0, 0, 1}, {10000, 1, 1}, {-5, 1, 1}, {2026, 100, 1}, {2026, -1, 3}, {2026, 1, 123}, {2026, 1, -7},
	} {
		t.Run(fmt.Sprint(d.Year, int(d.Month), d.Day), func(t *testing.T) {
			assert.Equal(t, fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day), d.X12())
			assert.Equal(t, fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day), d.String())
		})
	}
}
