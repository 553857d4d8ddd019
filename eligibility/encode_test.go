package eligibility

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// TestEncoderStreams: requests and responses encoded one at a time land in one interchange
// each, with one group, and read back clean and equal to what was encoded.
func TestEncoderStreams(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var reqs []*Request
	var resps []*Response
	for seed := range uint64(3) {
		r := GenerateRequest(20, seed)
		reqs = append(reqs, r)
		resps = append(resps, Respond(r, now))
	}
	var in, out bytes.Buffer
	reqEnc, respEnc := NewRequestEncoder(&in, testEnvelope(), nil), NewResponseEncoder(&out, testEnvelope(), nil)
	for i := range reqs {
		require.NoError(t, reqEnc.Encode(reqs[i]))
		require.NoError(t, respEnc.Encode(resps[i]))
	}
	require.NoError(t, reqEnc.Close())
	require.NoError(t, respEnc.Close())

	for _, data := range [][]byte{in.Bytes(), out.Bytes()} {
		assert.Empty(t, x12.CheckOutput(data, codes.Default(), nil))
		assert.Equal(t, 1, bytes.Count(data, []byte("GS*")))
		assert.Equal(t, 1, bytes.Count(data, []byte("ISA*")))
	}
	assert.Contains(t, in.String(), "GS*HS*")
	assert.Contains(t, out.String(), "GS*HB*")
	gotReqs, err := ReadRequests(bytes.NewReader(in.Bytes()))
	require.NoError(t, err)
	gotResps, err := ReadResponses(bytes.NewReader(out.Bytes()))
	require.NoError(t, err)
	require.Len(t, gotReqs, 3)
	require.Len(t, gotResps, 3)
	for i := range reqs {
		m := Match(gotReqs[i].Inquiries, gotResps[i].Answers)
		assert.Len(t, m.Pairs, 20)
		assert.Empty(t, m.Unmatched)
	}

	// The same bytes as WriteRequests and WriteResponses, which go through the encoders.
	var whole bytes.Buffer
	require.NoError(t, WriteRequests(&whole, testEnvelope(), reqs...))
	assert.Equal(t, in.String(), whole.String())
	whole.Reset()
	require.NoError(t, WriteResponses(&whole, testEnvelope(), resps...))
	assert.Equal(t, out.String(), whole.String())

	n := in.Len()
	assert.Error(t, reqEnc.Encode(reqs[0]), "Encode after Close")
	assert.Equal(t, n, in.Len(), "nothing written after Close")

	var empty bytes.Buffer
	require.NoError(t, NewRequestEncoder(&empty, testEnvelope(), nil).Close())
	require.NoError(t, NewResponseEncoder(&empty, testEnvelope(), nil).Close())
	assert.Zero(t, empty.Len(), "nothing encoded, nothing written")
}

// TestEncoderStopsAtAnInvalidSet: a set that breaks the guide is not written, and the encoder
// keeps returning the error.
func TestEncoderStopsAtAnInvalidSet(t *testing.T) {
	var out bytes.Buffer
	enc := NewRequestEncoder(&out, testEnvelope(), nil)
	require.NoError(t, enc.Encode(GenerateRequest(2, 1)))
	before := out.Len()
	bad := GenerateRequest(1, 2)
	bad.Inquiries[0].Questions = nil // a 2000C with no EQ: 2110C is required
	err := enc.Encode(bad)
	var we *x12.WriteError
	require.ErrorAs(t, err, &we)
	assert.ErrorIs(t, err, x12.ErrInvalid)
	assert.NotEmpty(t, we.Findings)
	assert.Equal(t, before, out.Len(), "no byte of the bad set is written")
	assert.ErrorIs(t, enc.Encode(GenerateRequest(1, 3)), x12.ErrInvalid)
	assert.ErrorIs(t, enc.Close(), x12.ErrInvalid)
	assert.Error(t, NewRequestEncoder(&out, testEnvelope(), nil).Encode(nil))
	assert.Error(t, NewResponseEncoder(&out, testEnvelope(), nil).Encode(nil))
	assert.ErrorIs(t, NewRequestEncoder(&out, testEnvelope(), nil).Encode(&Request{}), x12.ErrInvalid, "a 270 without a source")
	assert.ErrorIs(t, NewResponseEncoder(&out, testEnvelope(), nil).Encode(&Response{}), x12.ErrInvalid, "a 271 without a source")
}

// TestDecoderOfTheOtherKind: a set of the other kind (a 271 met by a RequestDecoder, a 270 by
// a ResponseDecoder) is an error wrapping x12.ErrWrongTransaction in its place, never
// skipped in silence; the sets of the decoder's kind around it are read, and ReadRequests and
// ReadResponses return them with an error.
func TestDecoderOfTheOtherKind(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	req := GenerateRequest(3, 1)
	resp := Respond(req, now)
	// A 270 interchange, a 271 interchange, a 270 interchange, in one stream.
	env := testEnvelope()
	env.Controls = x12.NewSequence(1, 1, 1) // shared: no control number used twice
	var buf bytes.Buffer
	require.NoError(t, WriteRequests(&buf, env, req))
	require.NoError(t, WriteResponses(&buf, env, resp))
	require.NoError(t, WriteRequests(&buf, env, req))
	mixed := buf.Bytes()

	d := NewRequestDecoder(bytes.NewReader(mixed), nil)
	var got []string
	for {
		r, err := d.Next()
		if err == io.EOF {
			break
		}
		switch {
		case err == nil:
			got = append(got, fmt.Sprintf("270 with %d inquiries", len(r.Inquiries)))
		case errors.Is(err, x12.ErrWrongTransaction):
			got = append(got, "wrong transaction")
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	assert.Equal(t, []string{"270 with 3 inquiries", "wrong transaction", "270 with 3 inquiries"}, got)
	reqs, err := ReadRequests(bytes.NewReader(mixed))
	assert.Len(t, reqs, 2)
	assert.ErrorIs(t, err, x12.ErrWrongTransaction)

	rd := NewResponseDecoder(bytes.NewReader(mixed), nil)
	var seq []string
	for r, err := range rd.All() {
		if err != nil {
			assert.ErrorIs(t, err, x12.ErrWrongTransaction, "the 270 before the 271")
			seq = append(seq, "error")
			break
		}
		seq = append(seq, fmt.Sprintf("271 with %d answers", len(r.Answers)))
	}
	assert.Equal(t, []string{"error"}, seq, "All stops at the first error")
	resps, err := ReadResponses(bytes.NewReader(mixed))
	assert.Len(t, resps, 1)
	assert.ErrorIs(t, err, x12.ErrWrongTransaction)
	var list *x12.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Equal(t, 2, list.Len(), "one error per 270")
}
