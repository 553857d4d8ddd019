package claim837

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// notTyped are the corpus files whose sets do not all come back from a typed decode, and why
// (x12kit json gives such sets as their segments).
var notTyped = map[string]string{
	"staedi-sample837-HL-nested.edi": "GS08 is the bare standard 005010 and there is no ST03: no 837P guide applies, so no claim is decoded",
	"staedi-sample837-small.edi":     "both sets end before their first claim: each is a Batch without claims, and a Batch holds a billing provider loop (HL 20, PRV) only with its claims, so those segments are not written back",
}

// wholeRoundTrip decodes data into batches and encodes them again inside data's own
// envelopes (guidetest.TypedRoundTrip): the file must come back segment for segment, ISA to
// IEA, HL loops as received.
func wholeRoundTrip(t *testing.T, data []byte) guidetest.FileDiff {
	t.Helper()
	byKey := guidetest.ByKey[*Batch](NewDecoder(bytes.NewReader(data), nil))
	return guidetest.TypedRoundTrip(t, data, func(e *x12.EnvelopeWriter, key guidetest.SetKey) (bool, error) {
		b := byKey[key]
		if b == nil {
			return false, nil
		}
		return true, Encode(e, b)
	})
}

// TestFixturesRoundTripWhole: every fixture of testdata comes back whole from a typed decode
// and encode; repeated-subscriber.837 (one subscriber in eight HL 22 loops, and a dependent
// in two) with its ten subscriber loops and HL01s as received.
func TestFixturesRoundTripWhole(t *testing.T) {
	files, segments := guidetest.EachFile(t, []string{filepath.Join("testdata", "*.837"), filepath.Join("testdata", "quirks", "*.837")},
		func(name string, data []byte) int {
			d := wholeRoundTrip(t, data)
			assert.True(t, d.Same(), "%s: %v", name, d.Diffs)
			return d.Segments
		})
	t.Logf("%d fixtures, %d segments compared", files, segments)

	data, err := os.ReadFile(filepath.Join("testdata", "repeated-subscriber.837"))
	require.NoError(t, err)
	batches, err := ReadAll(bytes.NewReader(data))
	require.NoError(t, err)
	require.Len(t, batches, 1)
	require.Len(t, batches[0].Claims, 10)
	assert.Equal(t, []string{"1", "9"}, batches[0].Claims[6].HL)
	assert.Equal(t, []string{"1", "12", "13"}, batches[0].Claims[9].HL)
	var out bytes.Buffer
	err = Write(&out, testEnvelope(), batches[0])
	require.NoError(t, err, "the claims as read pass the checks and the guide")
	assert.Equal(t, 13, bytes.Count(out.Bytes(), []byte("HL*")))

	// Claims built in code (no HL) are grouped by their parties: one subscriber loop for the
	// eight claims of the same subscriber, one patient loop for the dependent's two.
	for i := range batches[0].Claims {
		batches[0].Claims[i].HL = nil
	}
	out.Reset()
	err = Write(&out, testEnvelope(), batches[0])
	require.NoError(t, err)
	assert.Equal(t, 4, bytes.Count(out.Bytes(), []byte("HL*")), "HL 20, 22 (the subscriber's own claims and the dependent's), 23")
}
