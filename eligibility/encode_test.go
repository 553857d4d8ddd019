package eligibility

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// TestEncoderStreams: requests and responses encoded one at a time land in one interchange,
// a group per kind, and read back clean and equal to what was encoded.
func TestEncoderStreams(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var reqs []*Request
	var resps []*Response
	for seed := range uint64(3) {
		r := GenerateRequest(20, seed)
		reqs = append(reqs, r)
		resps = append(resps, Respond(r, now))
	}
	var out bytes.Buffer
	enc := NewEncoder(&out, testEnvelope())
	for i := range reqs {
		require.NoError(t, enc.Encode(reqs[i]))
		require.NoError(t, enc.Encode(resps[i]))
	}
	require.NoError(t, enc.Close())

	assert.Empty(t, x12.CheckOutput(out.Bytes(), codes.Default(), nil))
	assert.Equal(t, 6, bytes.Count(out.Bytes(), []byte("GS*")), "a new group each time the kind changes")
	assert.Equal(t, 1, bytes.Count(out.Bytes(), []byte("ISA*")))
	gotReqs, gotResps, err := ReadAll(bytes.NewReader(out.Bytes()))
	require.NoError(t, err)
	require.Len(t, gotReqs, 3)
	require.Len(t, gotResps, 3)
	for i := range reqs {
		m := Match(gotReqs[i].Inquiries, gotResps[i].Answers)
		assert.Len(t, m.Pairs, 20)
		assert.Empty(t, m.Unmatched)
	}

	var empty bytes.Buffer
	require.NoError(t, NewEncoder(&empty, testEnvelope()).Close())
	assert.Zero(t, empty.Len(), "nothing encoded, nothing written")
}

// TestEncoderStopsAtAnInvalidSet: a set that breaks the guide is not written, and the Encoder
// keeps returning the error.
func TestEncoderStopsAtAnInvalidSet(t *testing.T) {
	var out bytes.Buffer
	enc := NewEncoder(&out, testEnvelope())
	require.NoError(t, enc.Encode(GenerateRequest(2, 1)))
	before := enc.ew.Writer().Count()
	bad := GenerateRequest(1, 2)
	bad.Inquiries[0].Questions = nil // a 2000C with no EQ: 2110C is required
	err := enc.Encode(bad)
	var we *WriteError
	require.ErrorAs(t, err, &we)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.NotEmpty(t, we.Findings)
	assert.Equal(t, before, enc.ew.Writer().Count(), "no segment of the bad set is written")
	assert.ErrorIs(t, enc.Encode(GenerateRequest(1, 3)), ErrInvalid)
	assert.ErrorIs(t, enc.Close(), ErrInvalid)
	assert.Error(t, NewEncoder(&out, testEnvelope()).Encode(Inquiry{}))
	assert.ErrorIs(t, NewEncoder(&out, testEnvelope()).Encode(&Request{}), ErrInvalid, "a 270 without a source")
}
