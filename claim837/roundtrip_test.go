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

// TestCorpusRoundTrip decodes every public 837P into batches and encodes them again inside
// the file's own envelopes: every file not listed in notTyped must come back whole, ISA to
// IEA, segment for segment (amounts compared as values; guidetest.CompareFiles), with its
// HL loops, ST03 and GS values as received.
func TestCorpusRoundTrip(t *testing.T) {
	dir := os.Getenv("X12KIT_CORPUS")
	if dir == "" {
		t.Skip("X12KIT_CORPUS is not set: skipping the reference-corpus tests")
	}
	files, err := filepath.Glob(filepath.Join(dir, "837p", "*"))
	require.NoError(t, err)
	exact, segments := 0, 0
	for _, f := range files {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		batches, err := ReadAll(bytes.NewReader(data))
		if err != nil {
			// Public files have guide errors (README): findings only, nothing lost.
			var list *x12.ErrorList
			require.ErrorAs(t, err, &list, name)
			for _, e := range list.All() {
				if errors.Is(e, x12.ErrWrongTransaction) {
					continue // a set this guide does not read (e.g. a bare 005010 GS08)
				}
				require.False(t, x12.Lost(e), "%s: %v", name, e)
			}
		}
		d := wholeRoundTrip(t, data)
		if why, ok := notTyped[name]; ok {
			assert.False(t, d.Same(), "%s is listed as not typed (%s) yet comes back whole", name, why)
			for _, b := range batches {
				assert.Empty(t, b.Claims, "%s: a set not typed has no claims", name)
			}
			continue
		}
		if !d.Same() && os.Getenv("X12KIT_DEBUG") != "" {
			t.Logf("%s: %v", name, d.Texts)
		}
		assert.True(t, d.Same(), "%s: %v", name, d.Diffs)
		if d.Same() {
			exact++
			segments += d.Segments
		}
	}
	t.Logf("%d of %d corpus files round-trip whole (%d segments compared); %d not typed (notTyped)", exact, len(files), segments, len(notTyped))
}

// TestStreamingRoundTripManyParties decodes large generated batches claim by claim — the
// reader lets each subscriber and patient loop go and reuses its memory — and encodes the
// claims again: every claim must come back with its own parties, segment for segment.
func TestStreamingRoundTripManyParties(t *testing.T) {
	for _, seed := range []uint64{3, 11} {
		var buf bytes.Buffer
		err := Write(&buf, testEnvelope(), Generate(250, seed))
		require.NoError(t, err)
		batches, err := ReadAll(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		require.Len(t, batches, 1)
		var out bytes.Buffer
		_, err = writeRaw(&out, testEnvelope(), batches...)
		require.NoError(t, err)
		want, got := guidetest.SetSegments(t, buf.Bytes()), guidetest.SetSegments(t, out.Bytes())
		assert.True(t, guidetest.SameSets(want, got), "seed %d: %s", seed, guidetest.FirstDiff(want, got))
	}
}
