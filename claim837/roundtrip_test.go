package claim837

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/internal/guidetest"
)

// notExact are the corpus files that do not come back segment for segment, and why (none
// today: example11's BHT05 with zero hundredths is kept by Batch.ClockDigits).
var notExact = map[string]bool{}

// TestCorpusRoundTrip decodes every public 837P into claims and encodes them again: every file
// not listed in notExact must come back segment for segment (amounts compared as values).
func TestCorpusRoundTrip(t *testing.T) {
	dir := os.Getenv("X12KIT_CORPUS")
	if dir == "" {
		t.Skip("X12KIT_CORPUS is not set: skipping the reference-corpus tests")
	}
	files, err := filepath.Glob(filepath.Join(dir, "837p", "*"))
	require.NoError(t, err)
	exact := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		batches, err := ReadAll(bytes.NewReader(data))
		require.NoError(t, err, filepath.Base(f))
		if len(batches) == 0 {
			continue // no set this guide reads (e.g. a bare 005010 GS08)
		}
		var out bytes.Buffer
		env := testEnvelope()
		_, err = Encoder{SkipChecks: true}.Write(&out, env, batches...)
		require.NoError(t, err, filepath.Base(f))
		want, got := guidetest.SetSegments(t, data), guidetest.SetSegments(t, out.Bytes())
		same := guidetest.SameSets(want, got)
		if same {
			exact++
		}
		if !same && os.Getenv("X12KIT_DEBUG") != "" {
			t.Logf("%s: %s", filepath.Base(f), guidetest.FirstDiffText(want, got))
		}
		if !notExact[filepath.Base(f)] {
			assert.True(t, same, "%s: %s", filepath.Base(f), guidetest.FirstDiff(want, got))
		}
	}
	t.Logf("%d of %d corpus files round-trip exactly", exact, len(files))
}
