package eligibility

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

// wholeRoundTrip decodes data into requests and responses and encodes them again inside
// data's own envelopes (guidetest.TypedRoundTrip): the file must come back segment for
// segment, ISA to IEA, HL levels and ST03 as received.
func wholeRoundTrip(t *testing.T, name string, data []byte) int {
	t.Helper()
	reqs := guidetest.ByKey[*Request](NewRequestDecoder(bytes.NewReader(data), nil))
	resps := guidetest.ByKey[*Response](NewResponseDecoder(bytes.NewReader(data), nil))
	return guidetest.AssertTypedRoundTrip(t, name, data, func(e *x12.EnvelopeWriter, key guidetest.SetKey) (bool, error) {
		if r := reqs[key]; r != nil {
			return true, EncodeRequest(e, r)
		}
		if r := resps[key]; r != nil {
			return true, EncodeResponse(e, r)
		}
		return false, nil
	})
}

// TestX279RoundTrip: a 271 of 005010X279 (not A1) keeps its ST03 through a typed decode and
// encode, and its HL levels as received (a receiver level repeated for the same provider, a
// subscriber level repeated for the same subscriber).
func TestX279RoundTrip(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "x279.271"))
	require.NoError(t, err)
	resps, err := ReadResponses(bytes.NewReader(data))
	require.NoError(t, err)
	require.Len(t, resps, 1)
	r := resps[0]
	assert.Equal(t, "005010X279", r.Version)
	require.Len(t, r.Answers, 4) // HL 5 has no answer of its own: its dependent's only
	assert.Equal(t, []string{"1", "2", "3"}, r.Answers[0].HL)
	assert.Equal(t, []string{"1", "2", "5", "6"}, r.Answers[2].HL)
	assert.Equal(t, []string{"1", "7", "8"}, r.Answers[3].HL)
	out, err := encodeAll(nil, resps)
	require.NoError(t, err)
	assert.Contains(t, string(out), "ST*271*0001*005010X279~")
	assert.Equal(t, 8, bytes.Count(out, []byte("HL*")))

	// Built in code (no HL, no Version): the A1 version, and the same receiver's answers in
	// one level.
	for i := range r.Answers {
		r.Answers[i].HL = nil
	}
	r.Version = ""
	out, err = encodeAll(nil, resps)
	require.NoError(t, err)
	assert.Contains(t, string(out), "ST*271*0001*005010X279A1~")
	assert.Equal(t, 7, bytes.Count(out, []byte("HL*")))
}
