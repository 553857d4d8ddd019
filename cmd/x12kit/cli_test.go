package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs the command in-process and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

const (
	goodFile = "testdata/telehealth-837p.x12"
	badFile  = "testdata/broken-envelope.x12"
	ackFile  = "testdata/ack-999.x12" // a 999 as x12kit writes it
)

func TestHelpAndUsage(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	assert.Equal(t, exitOK, code)
	for _, name := range []string{"demo", "stat", "inspect", "validate"} {
		assert.Contains(t, out, name)
	}
	code, _, _ = runCLI(t, "")
	assert.Equal(t, exitUsage, code)
	code, _, errOut := runCLI(t, "", "frobnicate")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "unknown command")
	for _, name := range []string{"demo", "stat", "inspect", "validate"} {
		code, _, errOut := runCLI(t, "", name, "-h")
		assert.Equal(t, exitOK, code, name)
		assert.Contains(t, errOut, "usage: x12kit "+name, name)
		code, _, _ = runCLI(t, "", name, "--no-such-flag")
		assert.Equal(t, exitUsage, code, name)
	}
	for _, name := range []string{"stat", "inspect", "validate"} {
		code, _, _ := runCLI(t, "", name)
		assert.Equal(t, exitUsage, code, "%s without input", name)
		code, _, _ = runCLI(t, "", name, "testdata/does-not-exist.x12")
		assert.Equal(t, exitUsage, code, "%s with a missing file", name)
	}
}

func TestStatJSON(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	for _, in := range []struct{ arg, stdin string }{{goodFile, ""}, {"-", string(data)}} {
		code, out, errOut := runCLI(t, in.stdin, "stat", "--json", in.arg)
		require.Equal(t, exitOK, code, errOut)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		assert.Equal(t, map[string]any{
			"interchanges": 1.0, "groups": 1.0, "transactions": map[string]any{"837": 1.0},
			"segments": 64.0, "elements": 307.0, "bytes": float64(len(data)),
		}, got)
	}
	code, out, _ := runCLI(t, "", "stat", goodFile)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "segments      64")
}

func TestStatBadInput(t *testing.T) {
	code, _, errOut := runCLI(t, "HELLO~", "stat", "-")
	assert.Equal(t, exitBad, code)
	assert.Contains(t, errOut, "ISA")
}

func TestValidate(t *testing.T) {
	code, out, _ := runCLI(t, "", "validate", ackFile)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "1 transaction set(s), valid")

	code, out, _ = runCLI(t, "", "validate", "--json", badFile)
	assert.Equal(t, exitBad, code)
	var rep struct {
		Valid    bool `json:"valid"`
		Findings []struct {
			Level     string `json:"level"`
			Code      string `json:"code"`
			SegmentID string `json:"segment_id"`
			Element   int    `json:"element"`
		} `json:"findings"`
		Transactions []struct {
			ID       string `json:"id"`
			Accepted bool   `json:"accepted"`
		} `json:"transactions"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.False(t, rep.Valid)
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.SegmentID+" "+f.Level+" "+f.Code)
	}
	assert.Contains(t, got, "SE IK502 4")
	assert.Contains(t, got, "IEA TA105 001")
	require.Len(t, rep.Transactions, 1)
	assert.False(t, rep.Transactions[0].Accepted)

	// --ack ta1: the acknowledgment on stdout, the report on stderr.
	code, out, errOut := runCLI(t, "", "validate", "--ack", "ta1", badFile)
	assert.Equal(t, exitBad, code)
	assert.Contains(t, out, "TA1*000000101*261128*1430*R*001~")
	assert.Contains(t, out, "IEA*0*")
	assert.Contains(t, errOut, "TA105 001")

	// --ack 999: a 999 that itself validates clean.
	code, out, errOut = runCLI(t, "", "validate", "--ack", "999", badFile)
	assert.Equal(t, exitBad, code)
	assert.Contains(t, out, "AK1*HC*101*005010X222A1~")
	assert.Contains(t, out, "AK2*837*0001*005010X222A1~")
	assert.Contains(t, out, "AK9*R*1*1*0~")
	assert.Contains(t, errOut, "IK502 4")
	code, back, _ := runCLI(t, out, "validate", "-")
	assert.Equal(t, exitOK, code, back)

	code, _, _ = runCLI(t, "", "validate", "--ack", "997", goodFile)
	assert.Equal(t, exitUsage, code)
}

func TestInspectShowsLoops(t *testing.T) {
	code, out, _ := runCLI(t, "", "inspect", ackFile)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "AK2*837*0001*005010X222A1    # 2000 Transaction Set Response Header")
	assert.Contains(t, out, "AK9*R*1*1*0    # Functional Group Response Trailer")
}

func TestInspect(t *testing.T) {
	code, out, _ := runCLI(t, "", "inspect", goodFile)
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	assert.Len(t, lines, 64)
	assert.Equal(t, "     1  ISA*00*", lines[0][:15])
	assert.Equal(t, "     2    GS*HC", lines[1][:15])
	assert.Equal(t, "     4          BHT*0019*00*BATCH0001*20261128*1430*CH    # Beginning of Hierarchical Transaction", lines[3])
	assert.Equal(t, "    16                NM1*IL*1*DOE*JANE****MI*XYZ000000001    # 2010BA Subscriber Name", lines[15])
	assert.Equal(t, "    64  IEA*1*000000101", lines[63])
	assert.Contains(t, out, "DOE*JANE")

	code, red, _ := runCLI(t, "", "inspect", "--redact", goodFile)
	require.Equal(t, exitOK, code)
	assert.NotContains(t, red, "DOE")
	assert.NotContains(t, red, "19800101")
	assert.Contains(t, red, "NM1*IL*1*XXX*XXXX****MI*XXX999999999")
	assert.Equal(t, len(out), len(red), "redaction keeps lengths")
}

func TestDemo(t *testing.T) {
	out := filepath.Join(t.TempDir(), "demo.x12")
	code, stdout, errOut := runCLI(t, "", "demo", "--out", out)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, stdout, "CLM*TH0001*150***02:B:1")
	assert.Contains(t, stdout, "SV1*HC:99213:93*150")
	assert.Contains(t, stdout, "no findings")
	written, err := os.ReadFile(out)
	require.NoError(t, err)
	golden, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	assert.Equal(t, string(golden), string(written), "the demo is deterministic")
}

// TestNoPatientDataInDiagnostics: commands that do not exist to print data never print it,
// on good or broken input.
func TestNoPatientDataInDiagnostics(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	planted := strings.NewReplacer("DOE", "CANARY", "JANE", "CANARY", "XYZ000000001", "CANARY000001").Replace(string(data))
	broken := []string{
		planted,
		strings.Replace(planted, "~", "", 20),
		strings.Replace(planted, "CANARY*", "CANARY^*", 1),
		strings.Replace(planted, "NM1*IL", "CANARY*IL", 1),
		planted[:len(planted)/2],
	}
	for _, in := range broken {
		for _, args := range [][]string{{"stat", "-"}, {"stat", "--json", "-"}, {"validate", "-"}, {"validate", "--json", "-"}, {"validate", "--ack", "ta1", "-"}} {
			_, out, errOut := runCLI(t, in, args...)
			assert.NotContains(t, out+errOut, "CANARY", "%v", args)
		}
		_, _, errOut := runCLI(t, in, "inspect", "-")
		assert.NotContains(t, errOut, "CANARY")
		_, out, _ := runCLI(t, in, "inspect", "--redact", "-")
		assert.NotContains(t, out, "CANARY")
	}
}

func TestGen837P(t *testing.T) {
	code, out, errOut := runCLI(t, "", "gen", "837p", "--claims", "25", "--seed", "7")
	require.Equal(t, exitOK, code, errOut)
	code2, out2, _ := runCLI(t, "", "gen", "837p", "--claims", "25", "--seed", "7")
	require.Equal(t, exitOK, code2)
	assert.Equal(t, out, out2, "deterministic")
	assert.Equal(t, 25, strings.Count(out, "\nCLM*"))
	code, rep, _ := runCLI(t, out, "validate", "-")
	assert.Equal(t, exitOK, code, rep)

	code, _, _ = runCLI(t, "", "gen", "999")
	assert.Equal(t, exitUsage, code)
	code, _, _ = runCLI(t, "", "gen")
	assert.Equal(t, exitUsage, code)
}

// TestGenClaimOptions: the claim options of gen shape the 837P (and the claims an 835
// answers), stay valid and deterministic, and bad values are usage errors.
func TestGenClaimOptions(t *testing.T) {
	args := []string{"--claims", "60", "--seed", "3", "--lines", "3", "--replace", "20", "--void", "10",
		"--dates", "2026-03-01..2026-03-31", "--in-person", "25", "--clean"}
	code, out, errOut := runCLI(t, "", append([]string{"gen", "837p"}, args...)...)
	require.Equal(t, exitOK, code, errOut)
	_, again, _ := runCLI(t, "", append([]string{"gen", "837p"}, args...)...)
	assert.Equal(t, out, again, "deterministic")
	assert.Equal(t, 60, strings.Count(out, "\nCLM*"))
	assert.Greater(t, strings.Count(out, "\nLX*"), 60, "more lines than claims")
	assert.Contains(t, out, ":7*", "replacements")
	assert.Contains(t, out, "\nREF*F8*", "original references")
	assert.Contains(t, out, "\nDTP*472*D8*202603")
	assert.NotContains(t, out, "\nDTP*472*D8*202611")
	code, rep, _ := runCLI(t, out, "validate", "-")
	assert.Equal(t, exitOK, code, rep)
	_, plain, _ := runCLI(t, "", "gen", "837p", "--claims", "60", "--seed", "3")
	assert.NotEqual(t, plain, out)

	code, remit, errOut := runCLI(t, "", append([]string{"gen", "835"}, args...)...)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, remit, "\nCLP*")

	for _, bad := range [][]string{{"--lines", "-1"}, {"--replace", "60", "--void", "50"}, {"--in-person", "101"},
		{"--dates", "2026-03-01"}, {"--dates", "2026-02-30.."}} {
		code, _, _ := runCLI(t, "", append([]string{"gen", "837p"}, bad...)...)
		assert.Equal(t, exitUsage, code, "%v", bad)
	}
}

// TestJSONRoundTrip: x12kit x12 of x12kit json gives back the same segments — typed for the
// 837P, segment by segment for the rest — with the envelope's control numbers and times.
func TestJSONRoundTrip(t *testing.T) {
	for _, file := range []string{goodFile, ackFile} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		code, js, errOut := runCLI(t, "", "json", file)
		require.Equal(t, exitOK, code, errOut)
		code, back, errOut := runCLI(t, js, "x12", "-")
		require.Equal(t, exitOK, code, errOut)
		assert.Equal(t, string(data), back, file)
	}
	code, js, _ := runCLI(t, "", "json", goodFile)
	require.Equal(t, exitOK, code)
	var doc struct {
		Interchanges []struct {
			Groups []struct {
				Transactions []struct {
					Type   string `json:"type"`
					Claims struct {
						Claims []struct {
							PatientControlNumber string `json:"patient_control_number"`
						} `json:"claims"`
					} `json:"claims"`
				} `json:"transactions"`
			} `json:"groups"`
		} `json:"interchanges"`
	}
	require.NoError(t, json.Unmarshal([]byte(js), &doc))
	set := doc.Interchanges[0].Groups[0].Transactions[0]
	assert.Equal(t, "837P", set.Type)
	assert.Len(t, set.Claims.Claims, 4)

	code, _, _ = runCLI(t, "not json", "x12", "-")
	assert.Equal(t, exitUsage, code)
}
