package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
)

// telehealthJSON runs `x12kit telehealth --json ARGS` and returns its POS, modifiers and
// warning codes.
func telehealthJSON(t *testing.T, args ...string) (pos string, mods []string, warns []string) {
	t.Helper()
	code, out, errOut := runCLI(t, "", append([]string{"telehealth", "--json"}, args...)...)
	require.Equal(t, exitOK, code, "%v: %s", args, errOut)
	var d struct {
		POS       string          `json:"pos"`
		Modifiers []string        `json:"modifiers"`
		Warnings  []codes.Warning `json:"warnings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d), out)
	for _, w := range d.Warnings {
		warns = append(warns, w.Code)
	}
	return d.POS, d.Modifiers, warns
}

// Issue 17's acceptance through the command: OTPs report POS 58 whatever the modality (CMS
// "Opioid Treatment Program — Billing & Payment"), and a Medicare home visit on 2020-03-03,
// before the 1135 waiver's 2020-03-06, warns.
func TestTelehealthAcceptance(t *testing.T) {
	for _, m := range []string{"video", "audio"} {
		pos, _, warns := telehealthJSON(t, "--date", "2025-06-01", "--payer", "medicare", "--modality", m,
			"--setting", "home", "--provider", "otp", "--code", "G2080")
		assert.Equal(t, "58", pos, m)
		assert.NotContains(t, warns, codes.WarnAudioOnlyNotAllowed, m)
		assert.NotContains(t, warns, codes.WarnAudioOnlyNotHome, m)
	}
	pos, _, warns := telehealthJSON(t, "--date", "2021-06-01", "--payer", "medicare", "--modality", "audio",
		"--setting", "home", "--provider", "otp")
	assert.Equal(t, "58", pos)
	assert.NotContains(t, warns, codes.WarnAudioOnlyNotAllowed, "OTP audio-only needs no behavioral flag")

	pos, mods, warns := telehealthJSON(t, "--date", "2020-03-03", "--payer", "medicare", "--modality", "video", "--setting", "home")
	assert.Equal(t, "11", pos)
	assert.Equal(t, []string{"95"}, mods)
	assert.Contains(t, warns, codes.WarnHomeNotEligible)
}

// A rules file for a state Medicaid program changes that state's answer: Ohio's 2020 rule
// (OAC 5160-1-18, GT on telehealth claims) against the default 95.
func TestTelehealthRulesFile(t *testing.T) {
	data, err := codes.BuiltinRuleFile("medicaid-oh.json")
	require.NoError(t, err)
	dir := t.TempDir()
	ohio := filepath.Join(dir, "ohio.json")
	require.NoError(t, os.WriteFile(ohio, data, 0o644))
	visit := []string{"--date", "2021-06-01", "--payer", "medicaid:oh", "--modality", "video", "--setting", "home"}

	_, mods, warns := telehealthJSON(t, append(visit, "--no-builtin-rules")...)
	assert.Equal(t, []string{"95"}, mods, "without rules: the default")
	assert.Contains(t, warns, codes.WarnNoPayerRule)

	_, mods, warns = telehealthJSON(t, append(visit, "--no-builtin-rules", "--rules", ohio)...)
	assert.Equal(t, []string{"GT"}, mods, "with the Ohio file")
	assert.NotContains(t, warns, codes.WarnNoPayerRule)
	assert.Contains(t, warns, codes.WarnPayerRuleIncomplete, "the file states no POS")

	_, mods, _ = telehealthJSON(t, visit...)
	assert.Equal(t, []string{"GT"}, mods, "the shipped file applies by default")

	// Another state is untouched by the Ohio file.
	_, mods, warns = telehealthJSON(t, "--date", "2021-06-01", "--payer", "medicaid:in", "--modality", "video",
		"--setting", "home", "--rules", ohio)
	assert.Equal(t, []string{"95"}, mods)
	assert.Contains(t, warns, codes.WarnNoPayerRule)

	// A later file wins: the user's own rule for Ohio (a contract, say) over the shipped one.
	own := filepath.Join(dir, "own.json")
	require.NoError(t, os.WriteFile(own, []byte(`{"format": "x12kit-telehealth-rules", "version": 1, "rules": [
		{"payer": "medicaid:OH", "pos": "02", "modifiers": [], "source": "our managed care contract, exhibit B",
		 "checked": "2026-12-01", "confidence": "S"}]}`), 0o644))
	pos, mods, warns := telehealthJSON(t, append(visit, "--rules", ohio, "--rules", own)...)
	assert.Equal(t, "02", pos)
	assert.Empty(t, mods)
	assert.NotContains(t, warns, codes.WarnPayerRuleIncomplete)

	// The text form names the rule's source.
	code, out, _ := runCLI(t, "", append([]string{"telehealth"}, append(visit, "--rules", own)...)...)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "rule       our managed care contract, exhibit B [S], checked 2026-12-01")

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"format": "x12kit-telehealth-rules", "version": 1, "rules": [{"payer": "medicaid:OH", "pos": "02"}]}`), 0o644))
	for _, f := range []string{bad, filepath.Join(dir, "missing.json")} {
		code, _, errOut := runCLI(t, "", append([]string{"telehealth"}, append(visit, "--rules", f)...)...)
		assert.Equal(t, exitUsage, code, f)
		assert.Contains(t, errOut, "--rules", f)
	}
}

// The visit facts the rules depend on are flags; unknown stays a warning.
func TestTelehealthVisitFacts(t *testing.T) {
	base := []string{"--payer", "medicare", "--modality", "video"}
	_, _, warns := telehealthJSON(t, append(base, "--date", "2019-08-01", "--setting", "home", "--behavioral")...)
	assert.Contains(t, warns, codes.WarnPurposeUnknown)
	_, _, warns = telehealthJSON(t, append(base, "--date", "2019-08-01", "--setting", "home", "--purpose", "substance-use")...)
	assert.NotContains(t, warns, codes.WarnHomeNotEligible)
	assert.NotContains(t, warns, codes.WarnPurposeUnknown)

	_, _, warns = telehealthJSON(t, append(base, "--date", "2025-10-15", "--setting", "facility")...)
	assert.Contains(t, warns, codes.WarnAreaUnknown)
	assert.Contains(t, warns, codes.WarnPractitionerUnknown)
	_, _, warns = telehealthJSON(t, append(base, "--date", "2025-10-15", "--setting", "facility", "--area", "rural", "--practitioner", "pt")...)
	assert.NotContains(t, warns, codes.WarnAreaUnknown)
	assert.Contains(t, warns, codes.WarnPractitionerIneligible)

	pos, mods, warns := telehealthJSON(t, append(base, "--date", "2025-06-01", "--setting", "home", "--provider", "hospital-outpatient")...)
	assert.Equal(t, "", pos)
	assert.Equal(t, []string{"95"}, mods)
	assert.Contains(t, warns, codes.WarnInstitutionalClaim)

	for _, args := range [][]string{
		{"--purpose", "cardiology"}, {"--practitioner", "nurse"}, {"--area", "suburban"},
		{"--behavioral", "--purpose", "medical"},
	} {
		all := append([]string{"telehealth", "--date", "2025-06-01", "--setting", "home"}, base...)
		code, _, _ := runCLI(t, "", append(all, args...)...)
		assert.Equal(t, exitUsage, code, "%v", args)
	}
}
