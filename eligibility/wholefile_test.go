package eligibility

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// setsByKey decodes data with a Decoder: each set's request or response by its key.
func setsByKey(t *testing.T, data []byte) map[guidetest.SetKey]any {
	t.Helper()
	d := NewDecoder(bytes.NewReader(data))
	var keys guidetest.SetKeys
	out := map[guidetest.SetKey]any{}
	for {
		v, err := d.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			if d.st.Sticky(err) {
				return out
			}
			continue // findings: what was read is kept
		}
		out[keys.Of(d.Set())] = v
	}
}

// wholeRoundTrip decodes data into requests and responses and encodes them again inside
// data's own envelopes (guidetest.TypedRoundTrip): the file must come back segment for
// segment, ISA to IEA, HL levels and ST03 as received.
func wholeRoundTrip(t *testing.T, name string, data []byte) int {
	t.Helper()
	byKey := setsByKey(t, data)
	return guidetest.AssertTypedRoundTrip(t, name, data, func(e *x12.EnvelopeWriter, key guidetest.SetKey) (bool, error) {
		switch v := byKey[key].(type) {
		case *Request:
			return true, EncodeRequest(e, v)
		case *Response:
			return true, EncodeResponse(e, v)
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
	_, resps, err := ReadAll(bytes.NewReader(data))
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
