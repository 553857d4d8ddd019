package codes

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// confidenceTag is how every Note of the dated tables starts.
var confidenceTag = regexp.MustCompile(`^\[(V|S|M|\?)\]`)

// TestModifierDates: every modifier has an effective date, or its Note says that no source gave
// one (and then it is tagged [M] or names the source of what is known); every Note starts with
// its confidence tag.
func TestModifierDates(t *testing.T) {
	s, ok := Default().Set("modifier")
	require.True(t, ok)
	for _, c := range s.Codes() {
		assert.Regexp(t, confidenceTag, c.Note, "modifier %s: Note must start with its confidence tag", c.Value)
		if c.Effective.IsZero() {
			assert.Contains(t, c.Note, dateNotSourced, "modifier %s has no effective date and does not say why", c.Value)
		} else {
			assert.NotContains(t, c.Note, dateNotSourced, "modifier %s", c.Value)
		}
		assert.True(t, c.Terminated.IsZero(), "modifier %s: no shipped modifier has been deleted", c.Value)
	}
	// The telehealth modifiers whose dates are published all carry them.
	for _, v := range []string{"95", "93", "FQ", "FR", "G0"} {
		c, _ := s.Get(v)
		assert.False(t, c.Effective.IsZero(), "modifier %s", v)
	}
}

func TestModifierLookupsByDate(t *testing.T) {
	for _, c := range []struct {
		code          string
		on            time.Time // the effective date: the day before is not yet effective
		before, after Status
	}{
		{"95", date(2017, 1, 1), NotYetEffective, Active},
		{"93", date(2022, 1, 1), NotYetEffective, Active},
		{"FQ", date(2022, 1, 1), NotYetEffective, Active},
		{"FR", date(2022, 1, 1), NotYetEffective, Active},
		{"FS", date(2022, 1, 1), NotYetEffective, Active},
		{"FT", date(2022, 1, 1), NotYetEffective, Active},
		{"G0", date(2019, 1, 1), NotYetEffective, Active},
		{"XE", date(2015, 1, 1), NotYetEffective, Active},
		{"CR", date(2005, 8, 21), NotYetEffective, Active},
	} {
		tr := transition{"modifier", c.code, c.on, c.before, c.after}
		for _, k := range tr.cases() {
			_, st, err := Lookup("modifier", c.code, k.date)
			require.NoError(t, err)
			assert.Equal(t, k.want, st, "%s on %s", c.code, k.date.Format(time.DateOnly))
		}
	}
	// FR did not exist in 2019, whatever the audit thought.
	_, st, _ := Lookup("modifier", "FR", date(2019, 6, 1))
	assert.Equal(t, NotYetEffective, st)
	// Modifiers without a sourced first date are active on any date.
	for _, v := range []string{"GT", "GQ", "25", "59"} {
		_, st, _ := Lookup("modifier", v, date(2000, 1, 1))
		assert.Equal(t, Active, st, v)
	}
	// CS was reworded for COVID-19 testing on 2020-03-18.
	c, _, _ := Lookup("modifier", "CS", date(2020, 3, 17))
	assert.True(t, strings.Contains(c.Description, "oil spill"), c.Description)
	c, _, _ = Lookup("modifier", "CS", date(2020, 3, 18))
	assert.Contains(t, c.Description, "COVID-19")
}
