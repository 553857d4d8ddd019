package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEligibilityCheckJSON: the keys of cli.md, with the fixture's answers.
func TestEligibilityCheckJSON(t *testing.T) {
	path := filepath.Join("..", "..", "eligibility", "testdata", "telehealth.271")
	code, out, errOut := runCLI(t, "", "eligibility", "check", "--json", path)
	require.Equal(t, exitOK, code, errOut)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 2)
	keys := []string{"trace", "active", "telehealth", "telehealth_evidence", "copay", "coinsurance",
		"deductible_remaining", "authorization_required", "errors", "telehealth_copay", "telehealth_coinsurance"}
	for _, obj := range got {
		var have []string
		for k := range obj {
			have = append(have, k)
		}
		assert.ElementsMatch(t, keys, have, "exactly the keys of cli.md")
	}
	assert.Equal(t, "TH-0001", got[0]["trace"])
	assert.Equal(t, true, got[0]["active"])
	assert.Equal(t, "covered", got[0]["telehealth"])
	assert.Equal(t, "25.00", got[0]["copay"])
	assert.Equal(t, "125.50", got[0]["deductible_remaining"])
	assert.Nil(t, got[0]["coinsurance"])
	assert.Equal(t, "0.00", got[0]["telehealth_copay"], "the POS 02/10 copay, apart from the general one")
	assert.Nil(t, got[0]["telehealth_coinsurance"])
	assert.Nil(t, got[1]["copay"], "the dependent's only copay is tied to POS 10")
	assert.Equal(t, "25.00", got[1]["telehealth_copay"])

	code, out, _ = runCLI(t, "", "eligibility", "check", "--json", "--service-type", "MH", path)
	require.Equal(t, exitOK, code)
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "0.2", got[0]["coinsurance"])
	assert.Equal(t, "unknown", got[0]["telehealth"])
	assert.Nil(t, got[0]["telehealth_evidence"], "unknown rests on nothing")

	rejected := filepath.Join("..", "..", "eligibility", "testdata", "rejected.271")
	code, out, _ = runCLI(t, "", "eligibility", "check", "--json", rejected)
	require.Equal(t, exitOK, code)
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, []any{"75"}, got[0]["errors"])
	assert.NotContains(t, out, "W999999999", "the member id is not echoed")

	code, _, _ = runCLI(t, "", "eligibility", "check", "--date", "tomorrow", path)
	assert.Equal(t, exitUsage, code)
	code, _, _ = runCLI(t, "", "eligibility", "frobnicate")
	assert.Equal(t, exitUsage, code)
}

// TestEligibilityLoop: gen 270 → eligibility respond → eligibility check, all valid and
// deterministic; gen 271 answers a generated 270 by itself.
func TestEligibilityLoop(t *testing.T) {
	code, req, errOut := runCLI(t, "", "gen", "270", "--claims", "40", "--seed", "3")
	require.Equal(t, exitOK, code, errOut)
	code, again, _ := runCLI(t, "", "gen", "270", "--claims", "40", "--seed", "3")
	require.Equal(t, exitOK, code)
	assert.Equal(t, req, again, "deterministic")
	code, rep, _ := runCLI(t, req, "validate", "-")
	assert.Equal(t, exitOK, code, rep)

	plans := filepath.Join("..", "..", "simulate", "sample_plans.json")
	code, resp, errOut := runCLI(t, req, "eligibility", "respond", "--plans", plans, "-")
	require.Equal(t, exitOK, code, errOut)
	code, rep, _ = runCLI(t, resp, "validate", "-")
	assert.Equal(t, exitOK, code, rep)
	code, out, errOut := runCLI(t, resp, "eligibility", "check", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, 40, strings.Count(out, "trace "))

	code, gen271, _ := runCLI(t, "", "gen", "271", "--claims", "10", "--seed", "3")
	require.Equal(t, exitOK, code)
	code, rep, _ = runCLI(t, gen271, "validate", "-")
	assert.Equal(t, exitOK, code, rep)

	code, _, _ = runCLI(t, req, "eligibility", "respond", "-")
	assert.Equal(t, exitUsage, code, "--plans is required")
	bad := filepath.Join(t.TempDir(), "plans.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"plans":[],"members":[{"id":"X1","plan":"NOPE"}]}`), 0o600))
	code, _, _ = runCLI(t, req, "eligibility", "respond", "--plans", bad, "-")
	assert.Equal(t, exitUsage, code)
}

// TestEligibilityJSONRoundTrip: x12kit x12 of x12kit json gives back a 271's segments.
func TestEligibilityJSONRoundTrip(t *testing.T) {
	path := filepath.Join("..", "..", "eligibility", "testdata", "telehealth.271")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	code, js, errOut := runCLI(t, "", "json", path)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, js, `"type": "271"`)
	code, back, errOut := runCLI(t, js, "x12", "-")
	require.Equal(t, exitOK, code, errOut)
	segs := func(s string) []string {
		s = strings.ReplaceAll(s, "\n", "")
		parts := strings.Split(s, "~")
		return parts[2 : len(parts)-3] // ST through SE: the envelope's times differ
	}
	assert.Equal(t, segs(string(data)), segs(back))
}

// TestEligibilityRespondStreams: respond answers every 270 of its input, across
// interchanges, set by set into one interchange that validates; an input without a 270 is
// rejected.
func TestEligibilityRespondStreams(t *testing.T) {
	_, a, _ := runCLI(t, "", "gen", "270", "--claims", "5", "--seed", "1")
	_, b, _ := runCLI(t, "", "gen", "270", "--claims", "7", "--seed", "2")
	plans := filepath.Join("..", "..", "simulate", "sample_plans.json")
	code, resp, errOut := runCLI(t, a+b, "eligibility", "respond", "--plans", plans, "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, 1, strings.Count(resp, "ISA*"))
	assert.Equal(t, 2, strings.Count(resp, "ST*271*"))
	code, rep, _ := runCLI(t, resp, "validate", "-")
	assert.Equal(t, exitOK, code, rep)
	code, out, _ := runCLI(t, resp, "eligibility", "check", "-")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, 12, strings.Count(out, "trace "))

	code, _, errOut = runCLI(t, resp, "eligibility", "respond", "--plans", plans, "-")
	assert.Equal(t, exitBad, code, "a 271 is no 270 to answer")
	assert.NotContains(t, errOut, "W123456789")
	code, _, errOut = runCLI(t, a+resp, "eligibility", "respond", "--plans", plans, "-")
	assert.Equal(t, exitBad, code, "a 271 after the 270s is input lost, not passed over")
	assert.Contains(t, errOut, "not one this decoder reads")

	// A 270 given to check is an error too: the answers of the 271 before it, then exit 1.
	code, out, errOut = runCLI(t, resp+a, "eligibility", "check", "-")
	assert.Equal(t, exitBad, code)
	assert.Equal(t, 12, strings.Count(out, "trace "))
	assert.Contains(t, errOut, "not one this decoder reads")
}

// TestEligibilityCheckTelehealthAmounts: copay and coinsurance are the general amounts,
// telehealth_copay and telehealth_coinsurance the ones the 271 ties to POS 02 or 10 (III*ZZ in
// the benefit's 2110C loop); a benefit tied to another place (11, office) is no telehealth.
// The fixtures are hand-written 005010X279A1 271s that validate clean.
func TestEligibilityCheckTelehealthAmounts(t *testing.T) {
	tests := []struct {
		name             string
		file             string
		memberID         string // must not be printed
		telehealth       string
		copay, teleCopay any // "25.00", or nil for JSON null
		coins, teleCoins any
		text, notText    []string
	}{
		{"only a POS 02 copay: no general copay", "eligibility-pos02-copay.271", "Z900000201", "covered",
			nil, "15.00", nil, nil,
			[]string{"telehealth copay 15.00", "III ZZ*02"}, []string{"; copay "}},
		{"a general copay and a POS 10 copay differ", "eligibility-pos10-and-general-copay.271", "Z900000202", "covered",
			"30.00", "10.00", nil, nil,
			[]string{"; copay 30.00", "telehealth copay 10.00"}, nil},
		{"a POS 02/10 coinsurance", "eligibility-pos02-coinsurance.271", "Z900000203", "covered",
			"20.00", nil, nil, "0.1",
			[]string{"; copay 20.00", "telehealth coinsurance 0.1"}, []string{"; coinsurance ", "telehealth copay"}},
		{"no copay or coinsurance at all", "eligibility-no-copay.271", "Z900000204", "unknown",
			nil, nil, nil, nil,
			[]string{"deductible remaining 250.00"}, []string{"copay", "coinsurance"}},
		{"POS 11 (office) is not telehealth", "eligibility-pos11-copay.271", "Z900000205", "unknown",
			"40.00", nil, "0.3", nil,
			[]string{"; copay 40.00", "; coinsurance 0.3"}, []string{"telehealth copay", "telehealth coinsurance"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			code, rep, _ := runCLI(t, "", "validate", "--strict", path)
			require.Equal(t, exitOK, code, "the fixture is a valid 271: %s", rep)

			code, out, errOut := runCLI(t, "", "eligibility", "check", "--json", path)
			require.Equal(t, exitOK, code, errOut)
			var got []map[string]any
			require.NoError(t, json.Unmarshal([]byte(out), &got))
			require.Len(t, got, 1)
			assert.Equal(t, tt.telehealth, got[0]["telehealth"])
			assert.Equal(t, tt.copay, got[0]["copay"], "copay")
			assert.Equal(t, tt.teleCopay, got[0]["telehealth_copay"], "telehealth_copay")
			assert.Equal(t, tt.coins, got[0]["coinsurance"], "coinsurance")
			assert.Equal(t, tt.teleCoins, got[0]["telehealth_coinsurance"], "telehealth_coinsurance")
			assert.Contains(t, got[0], "telehealth_copay", "present even when null")
			assert.Contains(t, got[0], "telehealth_coinsurance", "present even when null")
			assert.NotContains(t, out, tt.memberID, "the member id is not echoed")

			code, text, errOut := runCLI(t, "", "eligibility", "check", path)
			require.Equal(t, exitOK, code, errOut)
			for _, s := range tt.text {
				assert.Contains(t, text, s)
			}
			for _, s := range tt.notText {
				assert.NotContains(t, text, s)
			}
			assert.NotContains(t, text, tt.memberID)
		})
	}
}
