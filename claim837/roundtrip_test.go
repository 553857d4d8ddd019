package claim837

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
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
		if err != nil {
			// Public files have guide errors (README): findings only, nothing lost.
			var list *x12.ErrorList
			require.ErrorAs(t, err, &list, filepath.Base(f))
			for _, e := range list.All() {
				if errors.Is(e, x12.ErrWrongTransaction) {
					continue // a set this guide does not read (e.g. a bare 005010 GS08)
				}
				require.False(t, x12.Lost(e), "%s: %v", filepath.Base(f), e)
			}
		}
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

// TestStreamingRoundTripManyParties decodes large generated batches claim by claim — the
// reader lets each subscriber and patient loop go and reuses its memory — and encodes the
// claims again: every claim must come back with its own parties, segment for segment.
func TestStreamingRoundTripManyParties(t *testing.T) {
	for _, seed := range []uint64{3, 11} {
		var buf bytes.Buffer
		_, err := Write(&buf, testEnvelope(), Generate(250, seed))
		require.NoError(t, err)
		batches, err := ReadAll(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		require.Len(t, batches, 1)
		var out bytes.Buffer
		_, err = Encoder{SkipChecks: true}.Write(&out, testEnvelope(), batches...)
		require.NoError(t, err)
		want, got := guidetest.SetSegments(t, buf.Bytes()), guidetest.SetSegments(t, out.Bytes())
		assert.True(t, guidetest.SameSets(want, got), "seed %d: %s", seed, guidetest.FirstDiff(want, got))
	}
}
