package remit835

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

// wholeRoundTrip decodes data into remittances and encodes them again inside data's own
// envelopes (guidetest.TypedRoundTrip): the file must come back segment for segment, ISA to
// IEA.
func wholeRoundTrip(t *testing.T, name string, data []byte) int {
	t.Helper()
	byKey := guidetest.ByKey[*Remittance](NewDecoder(bytes.NewReader(data), nil))
	return guidetest.AssertTypedRoundTrip(t, name, data, func(e *x12.EnvelopeWriter, key guidetest.SetKey) (bool, error) {
		r := byKey[key]
		if r == nil {
			return false, nil
		}
		return true, Encode(e, r)
	})
}

// TestFixturesRoundTripWhole: every fixture comes back whole from a typed decode and encode;
// repeated-lx.835 (a second 2000 loop repeating LX*1, an ST03 the guide does not use) with
// its two LX loops and its ST03.
func TestFixturesRoundTripWhole(t *testing.T) {
	files, segments := guidetest.EachFile(t, []string{filepath.Join("testdata", "*.835"), filepath.Join("testdata", "*", "*.835")},
		func(name string, data []byte) int { return wholeRoundTrip(t, name, data) })
	t.Logf("%d fixtures, %d segments compared", files, segments)

	data, err := os.ReadFile(filepath.Join("testdata", "repeated-lx.835"))
	require.NoError(t, err)
	remits, _ := ReadAll(bytes.NewReader(data)) // the ST03 is a finding (not used by the guide)
	require.Len(t, remits, 1)
	r := remits[0]
	assert.Equal(t, "005010X221A1", r.Version)
	require.Len(t, r.Claims, 2)
	assert.False(t, r.Claims[0].NewHeader)
	assert.True(t, r.Claims[1].NewHeader)
	assert.Len(t, r.Headers, 2)
	out := encodeAll(t, remits)
	assert.Equal(t, 2, bytes.Count(out, []byte("LX*1~")))
}
