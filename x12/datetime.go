package x12

import (
	"fmt"
	"time"
)

// ParseDateTime reads a CCYYMMDD date and an HHMM, HHMMSS or HHMMSSDD time (BHT04/BHT05,
// GS04/GS05…) as one instant in UTC, and says how many digits the time had; ok is false when
// either is not valid.
func ParseDateTime(date, clock string) (t time.Time, digits int, ok bool) {
	digits = len(clock)
	hundredths := 0
	if len(clock) == 8 {
		hundredths = int(clock[6]-'0')*10 + int(clock[7]-'0')
		clock = clock[:6]
	}
	layout := "200601021504"
	if len(clock) == 6 {
		layout = "20060102150405"
	}
	t, err := time.Parse(layout, date+clock)
	if err != nil || hundredths < 0 || hundredths > 99 || digits != 4 && digits != 6 && digits != 8 {
		return time.Time{}, 0, false
	}
	return t.Add(time.Duration(hundredths) * 10 * time.Millisecond), digits, true
}

// FormatClock writes t's time of day as X12 wants it: HHMM, or with seconds (HHMMSS) or
// hundredths (HHMMSSDD) when t has them or when digits (6 or 8: as read) asks for them.
func FormatClock(t time.Time, digits int) string {
	if cs := t.Nanosecond() / 1e7; cs != 0 || digits == 8 {
		return t.Format("150405") + fmt.Sprintf("%02d", cs)
	}
	if t.Second() != 0 || digits == 6 {
		return t.Format("150405")
	}
	return t.Format("1504")
}
