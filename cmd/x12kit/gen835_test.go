package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

// check835 validates an 835 stream (every set accepted, envelopes clean), checks that it
// balances, and returns the CLP01s it answers, counted.
func check835(t *testing.T, data string) map[string]int {
	t.Helper()
	sr := x12.NewSetReader(strings.NewReader(data))
	sr.Codes = codes.Default()
	sets := 0
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		assert.True(t, set.Accepted(), "set %d: %v", sets, set.Findings.All())
		sets++
	}
	require.Positive(t, sets)
	assert.Zero(t, sr.Envelopes().Errors().Len(), "%v", sr.Envelopes().Errors().All())
	remits, err := remit835.ReadAll(strings.NewReader(data))
	require.NoError(t, err)
	answered := map[string]int{}
	for _, r := range remits {
		assert.Empty(t, remit835.Balance(r))
		for _, c := range r.Claims {
			answered[c.PatientControl]++
		}
	}
	return answered
}

func TestGen835RoundTrip(t *testing.T) {
	for _, seed := range []string{"1", "7", "99", "2026"} {
		t.Run("seed "+seed, func(t *testing.T) {
			code, claims, errOut := runCLI(t, "", "gen", "837p", "--claims", "40", "--seed", seed)
			require.Equal(t, exitOK, code, errOut)
			code, out, errOut := runCLI(t, claims, "gen", "835", "--from", "-")
			require.Equal(t, exitOK, code, errOut)
			assert.Empty(t, errOut)
			answered := check835(t, out)

			batches, err := claim837.ReadAll(strings.NewReader(claims))
			require.NoError(t, err)
			require.Len(t, batches, 1)
			require.Len(t, answered, len(batches[0].Claims))
			for _, c := range batches[0].Claims {
				assert.Equal(t, 1, answered[c.PatientControlNumber], "each CLM01 answered by one CLP01")
			}

			code, again, _ := runCLI(t, claims, "gen", "835", "--from", "-")
			require.Equal(t, exitOK, code)
			assert.Equal(t, out, again, "same input, same bytes")

			code, _, _ = runCLI(t, "", "validate", writeTemp(t, out))
			assert.Equal(t, exitOK, code, "x12kit validate accepts it")
		})
	}
}

func writeTemp(t *testing.T, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.835")
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
	return path
}

func TestGen835WithoutFrom(t *testing.T) {
	code, out, errOut := runCLI(t, "", "gen", "835", "--claims", "25", "--seed", "3")
	require.Equal(t, exitOK, code, errOut)
	answered := check835(t, out)
	assert.Len(t, answered, 25)
	code, again, _ := runCLI(t, "", "gen", "835", "--claims", "25", "--seed", "3")
	require.Equal(t, exitOK, code)
	assert.Equal(t, out, again)
	_, other, _ := runCLI(t, "", "gen", "835", "--claims", "25", "--seed", "4")
	assert.NotEqual(t, out, other)
}

// TestGen835ManySets answers each 837P set with its own interchange; a claim sent again in a
// later set is denied as a duplicate.
func TestGen835ManySets(t *testing.T) {
	_, one, _ := runCLI(t, "", "gen", "837p", "--claims", "5", "--seed", "1")
	_, two, _ := runCLI(t, "", "gen", "837p", "--claims", "8", "--seed", "2")
	code, out, errOut := runCLI(t, one+two, "gen", "835", "--from", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, 2, strings.Count(out, "ISA*"))
	check835(t, out)
	remits, err := remit835.ReadAll(strings.NewReader(out))
	require.NoError(t, err)
	duplicates := 0
	for _, r := range remits {
		for _, c := range r.Claims {
			if len(c.Lines) > 0 && len(c.Lines[0].Adjustments) > 0 && c.Lines[0].Adjustments[0].Reason == "18" {
				duplicates++
			}
		}
	}
	// Both generated batches number their claims PCN000001…: the second file's first five repeat.
	assert.Equal(t, 5, duplicates)
}

func TestGen835Errors(t *testing.T) {
	code, _, errOut := runCLI(t, "", "gen", "835", "--from", "testdata/does-not-exist.837")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--from")

	code, _, _ = runCLI(t, "HELLO~", "gen", "835", "--from", "-")
	assert.Equal(t, exitBad, code, "not X12")

	code, _, _ = runCLI(t, "", "gen", "835", "--from", "-")
	assert.Equal(t, exitBad, code, "empty input")

}

func mustWrite837(t *testing.T, b *claim837.Batch) string {
	t.Helper()
	var sb strings.Builder
	err := claim837.Write(&sb, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTER01", ReceiverID: "RECEIVER01"},
	}, b)
	require.NoError(t, err)
	return sb.String()
}

// TestGen835NoPatientDataInErrors feeds an 837P with a marker in its patient data that the
// 835 cannot carry: the error names positions, never the values.
func TestGen835NoPatientDataInErrors(t *testing.T) {
	b := simulate.Claims(3, 5, simulate.ClaimOptions{})
	for i := range b.Claims {
		b.Claims[i].Subscriber.Last = "CANARY" + fmt.Sprint(i)
	}
	in := mustWrite837(t, b)
	// Break CLM01 so the 835 cannot be written: an over-long patient control number.
	in = strings.Replace(in, "CLM*PCN000001", "CLM*"+strings.Repeat("CANARY", 7), 1)
	code, out, errOut := runCLI(t, in, "gen", "835", "--from", "-")
	assert.Equal(t, exitBad, code)
	assert.Empty(t, out, "nothing is written when the 835 is not valid")
	assert.Contains(t, errOut, "CLP")
	assert.NotContains(t, errOut, "CANARY")
}

// TestGen835Chunks answers a large 837P set in several interchanges of genChunk claims.
func TestGen835Chunks(t *testing.T) {
	defer func(n int) { genChunk = n }(genChunk)
	genChunk = 7
	_, claims, _ := runCLI(t, "", "gen", "837p", "--claims", "20", "--seed", "11")
	code, out, errOut := runCLI(t, claims, "gen", "835", "--from", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, 3, strings.Count(out, "ISA*"))
	assert.Len(t, check835(t, out), 20)
}
