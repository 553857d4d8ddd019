package x12

import (
	"errors"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDateTime(t *testing.T) {
	tests := []struct {
		date, clock string
		ok          bool
		want        time.Time
	}{
		{"20261128", "1430", true, time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC)},
		{"20261128", "143005", true, time.Date(2026, 11, 28, 14, 30, 5, 0, time.UTC)},
		{"20261128", "14300507", true, time.Date(2026, 11, 28, 14, 30, 5, 70e6, time.UTC)},
		{"20261128", "14300500", true, time.Date(2026, 11, 28, 14, 30, 5, 0, time.UTC)},
		{"20261128", "143", false, time.Time{}},
		{"20261328", "1430", false, time.Time{}},
		{"20261128", "2460", false, time.Time{}},
	}
	for _, tt := range tests {
		got, digits, ok := ParseDateTime(tt.date, tt.clock)
		assert.Equal(t, tt.ok, ok, tt.clock)
		assert.Equal(t, tt.want, got, tt.clock)
		if ok {
			assert.Equal(t, tt.clock, FormatClock(got, digits), "written back as read")
		}
	}
	assert.Equal(t, "1430", FormatClock(time.Date(2026, 1, 1, 14, 30, 0, 0, time.UTC), 0))
}

func TestAll(t *testing.T) {
	values := []int{1, 2, 3}
	next := func() (int, error) {
		if len(values) == 0 {
			return 0, io.EOF
		}
		v := values[0]
		values = values[1:]
		if v == 3 {
			return 0, errors.New("broken")
		}
		return v, nil
	}
	var got []int
	var errs int
	for v, err := range All(next) {
		if err != nil {
			errs++
			continue
		}
		got = append(got, v)
	}
	assert.Equal(t, []int{1, 2}, got)
	assert.Equal(t, 1, errs, "stops after the error")
}
