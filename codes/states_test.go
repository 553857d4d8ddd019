package codes

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStateOrProvinceCodes: the N402 list holds the current Canadian province and territory
// codes beside the U.S. ones, and not the codes they replaced.
func TestStateOrProvinceCodes(t *testing.T) {
	r := Default()
	for _, tc := range []struct {
		code     string
		category string // "" when not in the set
	}{
		{"IL", StateState},
		{"DC", StateDistrict},
		{"PR", StateTerritory},
		{"AE", StateMilitary},
		{"AB", StateProvince}, {"BC", StateProvince}, {"MB", StateProvince}, {"NB", StateProvince},
		{"NL", StateProvince}, {"NS", StateProvince}, {"NT", StateProvince}, {"NU", StateProvince},
		{"ON", StateProvince}, {"PE", StateProvince}, {"QC", StateProvince}, {"SK", StateProvince},
		{"YT", StateProvince},
		{"NF", ""}, {"PQ", ""}, {"ZZ", ""},
	} {
		t.Run(tc.code, func(t *testing.T) {
			assert.Equal(t, tc.category != "", r.Contains("us-state", tc.code))
			if tc.category == "" {
				return
			}
			s, ok := r.Set("us-state")
			require.True(t, ok)
			c, ok := s.Get(tc.code)
			require.True(t, ok)
			assert.Equal(t, tc.category, c.Category)
		})
	}

	// Nunavut exists from 1999-04-01.
	_, st, err := Lookup("us-state", "NU", date(1999, 3, 31))
	require.NoError(t, err)
	assert.Equal(t, NotYetEffective, st)
	_, st, err = Lookup("us-state", "NU", date(1999, 4, 1))
	require.NoError(t, err)
	assert.Equal(t, Active, st)
}
