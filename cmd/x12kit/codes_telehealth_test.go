package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCodesLookupTelehealthList: the codes of the Medicare telehealth list, the OTP and FQHC
// codes and the dated modifiers answer on their dates (issue 17, "Code sets").
func TestCodesLookupTelehealthList(t *testing.T) {
	for _, c := range []struct {
		set, code, date string
		status          string
		effective, end  any
	}{
		{"procedure", "90834", "2025-06-01", "active", "2013-01-01", nil},
		{"procedure", "90834", "2012-12-31", "not_yet_effective", "2013-01-01", nil},
		{"procedure", "90806", "2013-01-01", "terminated", nil, "2013-01-01"},
		{"procedure", "90853", "2019-06-01", "active", nil, nil},
		{"procedure", "G2077", "2020-03-03", "active", "2020-01-01", nil},
		{"procedure", "G2080", "2019-12-31", "not_yet_effective", "2020-01-01", nil},
		{"procedure", "G0467", "2014-09-30", "not_yet_effective", "2014-10-01", nil},
		{"procedure", "G0470", "2022-01-01", "active", "2014-10-01", nil},
		{"procedure", "G2211", "2024-01-01", "active", "2021-01-01", nil},
		{"procedure", "98010", "2025-01-01", "active", "2025-01-01", nil},
		{"modifier", "FR", "2019-06-01", "not_yet_effective", "2022-01-01", nil},
		{"modifier", "FR", "2022-01-01", "active", "2022-01-01", nil},
		{"modifier", "G0", "2019-01-01", "active", "2019-01-01", nil},
	} {
		args := []string{"codes", "lookup", c.set, c.code, "--date", c.date, "--json"}
		code, out, errOut := runCLI(t, "", args...)
		require.Equal(t, exitOK, code, "%v: %s", args, errOut)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		assert.Equal(t, c.status, got["status"], args)
		assert.Equal(t, c.effective, got["effective"], args)
		assert.Equal(t, c.end, got["terminated"], args)
		assert.NotEmpty(t, got["description"], args)
	}
	// The text form the issue names.
	code, out, _ := runCLI(t, "", "codes", "lookup", "procedure", "90834", "--date", "2025-06-01")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "status       active on 2025-06-01")
}
