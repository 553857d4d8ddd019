package claim837

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestDatesTypedOnlyWhenTheyParse: a subscriber's DMG and a line's DTP*472 are typed only
// when their dates parse (a DMG without a date, by its gender); else the segment stays raw in
// Extra and the fields stay zero, so nothing is lost and no zero date is made up.
func TestDatesTypedOnlyWhenTheyParse(t *testing.T) {
	fx := loadFixture(t, "telehealth.837")
	body := fx.body
	require.Equal(t, "DMG*D8*19800101*F", body[15])
	require.Equal(t, "DTP*472*D8*20260114", body[23])
	raw := func(list x12.RawSegments, id string) []string {
		var out []string
		for _, r := range list {
			if strings.HasPrefix(r.Text, id+"*") {
				out = append(out, r.Text)
			}
		}
		return out
	}
	tests := []struct {
		name        string
		seg         string
		at          int
		birth       x12.Date
		gender      string
		from, to    x12.Date
		extra, line []string // raw DMG segments in the claim's Extra, raw DTP in the line's
	}{
		{name: "birth date and gender", seg: "DMG*D8*19800101*F", at: 15, birth: x12.NewDate(1980, 1, 1), gender: "F",
			from: x12.NewDate(2026, 1, 14)},
		{name: "gender without a birth date", seg: "DMG*D8**F", at: 15, gender: "F", from: x12.NewDate(2026, 1, 14)},
		{name: "birth date that is no date", seg: "DMG*D8*19801301*F", at: 15, from: x12.NewDate(2026, 1, 14),
			extra: []string{"DMG*D8*19801301*F"}},
		{name: "service range", seg: "DTP*472*RD8*20260110-20260112", at: 23, birth: x12.NewDate(1980, 1, 1), gender: "F",
			from: x12.NewDate(2026, 1, 10), to: x12.NewDate(2026, 1, 12)},
		{name: "service range ending on no date", seg: "DTP*472*RD8*20260110-20260199", at: 23, birth: x12.NewDate(1980, 1, 1),
			gender: "F", line: []string{"DTP*472*RD8*20260110-20260199"}},
		{name: "service range starting on no date", seg: "DTP*472*RD8*2026011-20260112", at: 23, birth: x12.NewDate(1980, 1, 1),
			gender: "F", line: []string{"DTP*472*RD8*2026011-20260112"}},
		{name: "service date that is no date", seg: "DTP*472*D8*20260230", at: 23, birth: x12.NewDate(1980, 1, 1), gender: "F",
			line: []string{"DTP*472*D8*20260230"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDecoder(strings.NewReader(fx.with(guidetest.Edit(body, tc.at, tc.seg))), nil)
			c, err := d.NextClaim()
			require.NoError(t, err)
			assert.Equal(t, tc.birth, c.Subscriber.BirthDate)
			assert.Equal(t, tc.gender, c.Subscriber.Gender)
			require.Len(t, c.Lines, 1)
			assert.Equal(t, tc.from, c.Lines[0].ServiceDate)
			assert.Equal(t, tc.to, c.Lines[0].ServiceDateEnd)
			assert.Equal(t, tc.extra, raw(c.Extra, "DMG"))
			assert.Equal(t, tc.line, raw(c.Lines[0].Extra, "DTP"))
		})
	}
}
