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

const (
	remitFile     = "../../remit835/testdata/summary.835"
	telehealth835 = "../../remit835/testdata/telehealth.835"
)

// unbalanced835 writes telehealth.835 with CLP04 of its first claim off by a dollar.
func unbalanced835(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(telehealth835)
	require.NoError(t, err)
	bad := strings.Replace(string(data), "CLP*PCN0001*1*150*80*", "CLP*PCN0001*1*150*81*", 1)
	require.NotEqual(t, string(data), bad)
	path := filepath.Join(t.TempDir(), "bad.835")
	require.NoError(t, os.WriteFile(path, []byte(bad), 0o600))
	return path
}

func TestRemitSummaryJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", "remit", "summary", "--json", remitFile)
	require.Equal(t, exitOK, code, errOut)
	var got struct {
		Totals     map[string]any   `json:"totals"`
		ByPayer    []map[string]any `json:"by_payer"`
		ByMonth    []map[string]any `json:"by_month"`
		TopReasons []map[string]any `json:"top_reasons"`
		Findings   []any            `json:"findings"`
		Reversals  map[string]any   `json:"reversals"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	tot := got.Totals
	for key, want := range map[string]any{
		"claims": 8.0, "charged": "1000.00", "paid": "320.00", "patient_responsibility": "100.00",
		"payments": "172.50", "provider_adjustments": "147.50", "denied_claims": 1.0, "balanced": true,
		"adjustments": map[string]any{"CO": "580.00", "PR": "100.00"}, "allowed": "520.00",
		"other_adjustments": "0.00", "transactions": 3.0,
	} {
		assert.Equal(t, want, tot[key], key)
	}
	require.Len(t, got.ByPayer, 2)
	assert.Equal(t, "ACME HEALTH PLAN", got.ByPayer[0]["name"])
	assert.Equal(t, "-70.00", got.ByPayer[1]["payments"])
	require.Len(t, got.ByMonth, 2)
	assert.Equal(t, "2026-01", got.ByMonth[0]["month"])
	require.NotEmpty(t, got.TopReasons)
	assert.Equal(t, "CO", got.TopReasons[0]["group"])
	assert.Equal(t, "45", got.TopReasons[0]["reason"])
	assert.Equal(t, "230.00", got.TopReasons[0]["amount"])
	assert.Equal(t, "contractual", got.TopReasons[0]["category"])
	assert.Empty(t, got.Findings)
	assert.Equal(t, map[string]any{"count": 1.0, "with_original": 1.0, "with_correction": 1.0, "net": "90.00"}, got.Reversals)
	assert.NotContains(t, out, "PCN1", "no patient control numbers without --claims")
}

func TestRemitSummaryText(t *testing.T) {
	data, err := os.ReadFile(remitFile)
	require.NoError(t, err)
	code, out, errOut := runCLI(t, string(data), "remit", "summary", "-")
	require.Equal(t, exitOK, code, errOut)
	for _, want := range []string{"8 claim payment(s)", "balanced", "paid 320.00", "denial rate 14.3% by count",
		"ACME HEALTH PLAN (ACME01)", "2026-02", "CO-45", "reversals: 1, net 90.00"} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "DOE")
	assert.NotContains(t, out, "PCN")
}

func TestRemitSummaryImbalance(t *testing.T) {
	bad := unbalanced835(t)
	code, out, _ := runCLI(t, "", "remit", "summary", "--json", telehealth835, bad)
	assert.Equal(t, exitBad, code)
	var got struct {
		Totals   map[string]any   `json:"totals"`
		Findings []map[string]any `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, false, got.Totals["balanced"])
	assert.Equal(t, 4.0, got.Totals["claims"])
	require.Len(t, got.Findings, 2)
	assert.Equal(t, "claim", got.Findings[0]["level"])
	assert.Equal(t, 1.0, got.Findings[0]["input"])
	assert.Equal(t, 0.0, got.Findings[0]["claim"])
	assert.Equal(t, "CLP", got.Findings[0]["segment_id"])
	assert.Equal(t, 19.0, got.Findings[0]["set_position"])
	assert.Equal(t, "transaction", got.Findings[1]["level"])
	assert.NotContains(t, out, "PCN0001")

	code, out, _ = runCLI(t, "", "remit", "summary", bad)
	assert.Equal(t, exitBad, code)
	assert.Contains(t, out, "2 imbalance(s)")
	assert.NotContains(t, out, "PCN0001")
}

func TestRemitSummaryClaims(t *testing.T) {
	// The 837P fixture's claims, renamed to answer the 835's: TH0001 (POS 02) → PCN1002, the
	// others sent but never paid.
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "claims.837")
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), "CLM*TH0001*", "CLM*PCN1002*", 1)), 0o600))
	code, out, errOut := runCLI(t, "", "remit", "summary", "--json", "--claims", path, remitFile)
	require.Equal(t, exitOK, code, errOut)
	var got struct {
		Totals struct {
			Telehealth map[string]any `json:"telehealth"`
		} `json:"totals"`
		Reconciliation struct {
			Submitted int              `json:"submitted"`
			Matched   int              `json:"matched"`
			Unpaid    []map[string]any `json:"unpaid"`
			Denied    []map[string]any `json:"denied"`
			Unmatched []map[string]any `json:"unmatched"`
		} `json:"reconciliation"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, 4.0, got.Totals.Telehealth["claims"], "PCN1002 was sent with POS 02")
	r := got.Reconciliation
	assert.Equal(t, 4, r.Submitted)
	assert.Equal(t, 1, r.Matched)
	assert.Len(t, r.Unpaid, 3)
	require.Len(t, r.Denied, 1)
	assert.Equal(t, "PCN1002", r.Denied[0]["patient_control_number"])
	assert.Len(t, r.Unmatched, 5)

	code, out, _ = runCLI(t, "", "remit", "summary", "--claims", path, remitFile)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "reconciliation: 4 claims sent, 1 answered")
}

func TestRemitUsage(t *testing.T) {
	for _, args := range [][]string{{"remit"}, {"remit", "tally"}, {"remit", "summary"}, {"remit", "summary", "--nope", remitFile}} {
		code, _, _ := runCLI(t, "", args...)
		assert.Equal(t, exitUsage, code, args)
	}
	code, _, errOut := runCLI(t, "", "remit", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "usage: x12kit remit summary")
	code, _, errOut = runCLI(t, "", "remit", "summary", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "--claims")
	code, _, _ = runCLI(t, "", "remit", "summary", "testdata/does-not-exist.835")
	assert.Equal(t, exitUsage, code)
}

func TestValidate835Balancing(t *testing.T) {
	code, _, _ := runCLI(t, "", "validate", remitFile)
	assert.Equal(t, exitOK, code)
	bad := unbalanced835(t)
	code, out, _ := runCLI(t, "", "validate", "--json", bad)
	assert.Equal(t, exitBad, code)
	var rep validateReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.False(t, rep.Valid)
	require.Len(t, rep.Findings, 2)
	assert.Equal(t, finding{Level: "835", Severity: "error", Code: "claim", Message: rep.Findings[0].Message, Interchange: 1, Segment: 21,
		SegmentID: "CLP", SetPosition: 19, Loop: rep.Findings[0].Loop, Offset: rep.Findings[0].Offset}, rep.Findings[0])
	assert.Equal(t, "transaction", rep.Findings[1].Code)
	assert.Equal(t, "BPR", rep.Findings[1].SegmentID)
	assert.NotContains(t, out, "PCN0001")
	code, out, _ = runCLI(t, "", "validate", bad)
	assert.Equal(t, exitBad, code)
	assert.Contains(t, out, "2 finding(s)")
}

func TestJSONRoundTrip835(t *testing.T) {
	for _, f := range []string{telehealth835, remitFile} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		code, js, errOut := runCLI(t, "", "json", f)
		require.Equal(t, exitOK, code, errOut)
		assert.Contains(t, js, `"type": "835"`)
		assert.Contains(t, js, `"remittance"`)
		code, back, errOut := runCLI(t, js, "x12", "-")
		require.Equal(t, exitOK, code, errOut)
		assert.Equal(t, segmentsOf(string(data)), segmentsOf(back), f)
	}
}

func segmentsOf(x string) []string {
	x = strings.ReplaceAll(strings.ReplaceAll(x, "\r", ""), "\n", "")
	return strings.Split(strings.TrimSuffix(x, "~"), "~")
}
