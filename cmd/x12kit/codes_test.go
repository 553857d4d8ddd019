package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCodesLookupJSON(t *testing.T) {
	for _, c := range []struct {
		args           []string
		exit           int
		status         string
		effective, end any
	}{
		{[]string{"codes", "lookup", "procedure", "99441", "--date", "2024-12-31", "--json"}, exitOK, "active", "2008-01-01", "2025-01-01"},
		{[]string{"codes", "lookup", "--json", "procedure", "99441", "--date", "2025-01-01"}, exitOK, "terminated", "2008-01-01", "2025-01-01"},
		{[]string{"codes", "lookup", "pos", "10", "--date=2021-12-31", "--json"}, exitOK, "not_yet_effective", "2022-01-01", nil},
		{[]string{"codes", "lookup", "carc", "45", "--date", "2026-01-01", "--json"}, exitOK, "active", nil, nil},
		{[]string{"codes", "lookup", "pos", "00", "--date", "2026-01-01", "--json"}, exitBad, "unknown", nil, nil},
	} {
		code, out, errOut := runCLI(t, "", c.args...)
		require.Equal(t, c.exit, code, "%v: %s", c.args, errOut)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		assert.ElementsMatch(t, []string{"set", "code", "description", "effective", "terminated", "status"}, keys(got))
		assert.Equal(t, c.status, got["status"], c.args)
		assert.Equal(t, c.effective, got["effective"], c.args)
		assert.Equal(t, c.end, got["terminated"], c.args)
		assert.Contains(t, c.args, got["code"])
		assert.Contains(t, []any{"procedure", "pos", "carc"}, got["set"])
	}
}

func keys(m map[string]any) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCodesUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		exit int
	}{
		{[]string{"codes"}, exitUsage},
		{[]string{"codes", "-h"}, exitOK},
		{[]string{"codes", "lookup", "-h"}, exitOK},
		{[]string{"codes", "frob"}, exitUsage},
		{[]string{"codes", "lookup", "pos"}, exitUsage},
		{[]string{"codes", "lookup", "no-such-set", "1"}, exitUsage},
		{[]string{"codes", "lookup", "pos", "10", "--date", "01/01/2022"}, exitUsage},
		{[]string{"codes", "lookup", "pos", "10", "--bogus"}, exitUsage},
		{[]string{"codes", "lookup", "pos", "10"}, exitOK}, // today
		{[]string{"codes", "sets", "extra"}, exitUsage},
	} {
		code, _, _ := runCLI(t, "", c.args...)
		assert.Equal(t, c.exit, code, "%v", c.args)
	}
	code, _, errOut := runCLI(t, "", "codes", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "usage: x12kit codes")
}

func TestCodesText(t *testing.T) {
	code, out, _ := runCLI(t, "", "codes", "lookup", "modifier", "93", "--date", "2022-01-01")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "status       active on 2022-01-01")
	assert.Contains(t, out, "effective    2022-01-01")
	code, out, _ = runCLI(t, "", "codes", "sets")
	assert.Equal(t, exitOK, code)
	for _, n := range []string{"pos", "modifier", "procedure", "carc", "rarc", "service-type", "cas-group", "us-state"} {
		assert.Contains(t, out, n)
	}
	code, out, _ = runCLI(t, "", "codes", "sets", "--json")
	assert.Equal(t, exitOK, code)
	var sets []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &sets))
	assert.NotEmpty(t, sets)
	assert.Contains(t, keys(sets[0]), "name")
}

func TestTelehealthJSON(t *testing.T) {
	for _, c := range []struct {
		args  []string
		pos   string
		mods  []any
		warns []string
	}{
		{[]string{"--date", "2026-01-15", "--payer", "medicare", "--modality", "video", "--setting", "home", "--code", "99213"},
			"10", []any{}, nil},
		{[]string{"--date", "2023-06-01", "--payer", "medicare", "--modality", "video", "--setting", "home"},
			"11", []any{"95"}, nil},
		{[]string{"--date", "2025-06-01", "--payer", "medicare", "--modality", "audio", "--setting", "facility"},
			"02", []any{"93"}, []string{"audio-only-not-home"}},
		{[]string{"--date", "2025-10-15", "--payer", "medicare", "--modality", "video", "--setting", "home"},
			"10", []any{}, []string{"home-flexibility-lapsed"}},
		{[]string{"--date", "2025-06-01", "--payer", "medicare", "--modality", "video", "--setting", "home", "--code", "98004"},
			"10", []any{}, []string{"not-payable-medicare"}},
		{[]string{"--date", "2025-06-01", "--payer", "medicare", "--modality", "video", "--setting", "home", "--code", "99421"},
			"11", []any{}, []string{"not-telehealth-service"}},
		{[]string{"--date", "2025-06-01", "--payer", "medicare", "--modality", "video", "--setting", "facility", "--provider", "cah2"},
			"", []any{"GT"}, []string{"institutional-claim"}},
		{[]string{"--date", "2025-06-01", "--payer", "medicaid:ny", "--modality", "video", "--setting", "home"},
			"10", []any{"95"}, []string{"no-payer-rule"}},
		{[]string{"--date", "2025-06-01", "--payer", "commercial:Acme", "--modality", "async", "--setting", "facility"},
			"02", []any{"GQ"}, []string{"no-payer-rule"}},
		{[]string{"--date", "2025-06-01", "--payer", "commercial", "--modality", "audio", "--setting", "home", "--code", "99441"},
			"10", []any{"93"}, []string{"deleted-code"}},
	} {
		args := append([]string{"telehealth", "--json"}, c.args...)
		code, out, errOut := runCLI(t, "", args...)
		require.Equal(t, exitOK, code, "%v: %s", args, errOut)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		assert.ElementsMatch(t, []string{"pos", "modifiers", "warnings"}, keys(got))
		assert.Equal(t, c.pos, got["pos"], args)
		assert.Equal(t, c.mods, got["modifiers"], args)
		ws, ok := got["warnings"].([]any)
		require.True(t, ok, "warnings must be an array: %v", args)
		var codes []string
		for _, w := range ws {
			obj := w.(map[string]any)
			assert.ElementsMatch(t, []string{"code", "message"}, keys(obj))
			codes = append(codes, obj["code"].(string))
		}
		for _, w := range c.warns {
			assert.Contains(t, codes, w, args)
		}
	}
}

func TestTelehealthUsage(t *testing.T) {
	base := []string{"--date", "2025-06-01", "--payer", "medicare", "--modality", "video", "--setting", "home"}
	with := func(flag, value string) []string {
		out := []string{"telehealth"}
		for i := 0; i < len(base); i += 2 {
			if base[i] == flag {
				out = append(out, flag, value)
			} else {
				out = append(out, base[i], base[i+1])
			}
		}
		if flag == "--provider" {
			out = append(out, flag, value)
		}
		return out
	}
	for _, args := range [][]string{
		{"telehealth"},
		with("--date", "2025-13-01"),
		with("--payer", "medicaid"),
		with("--payer", "medicaid:ZZ"),
		with("--payer", "medicare:x"),
		with("--payer", "blue"),
		with("--modality", "fax"),
		with("--setting", "car"),
		with("--provider", "hospital"),
		append(with("--date", "2025-06-01"), "extra"),
	} {
		code, _, _ := runCLI(t, "", args...)
		assert.Equal(t, exitUsage, code, "%v", args)
	}
	code, _, errOut := runCLI(t, "", "telehealth", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "usage: x12kit telehealth")
	code, out, _ := runCLI(t, "", append([]string{"telehealth"}, base...)...)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "pos        10")
}
