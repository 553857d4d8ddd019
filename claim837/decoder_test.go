package claim837

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// TestDecoderNextSets: Next hands out one batch per transaction set, with the claims
// NextClaim hands out one by one and ReadAll returns; a set without claims is a batch
// without claims, followed by its findings as an error, never skipped; io.EOF repeats.
func TestDecoderNextSets(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, testEnvelope(), Generate(3, 1), Generate(4, 2)))
	data := buf.Bytes()

	d := NewDecoder(bytes.NewReader(data), nil)
	var sets []*Batch
	for b, err := range d.All() {
		require.NoError(t, err)
		sets = append(sets, b)
	}
	require.Len(t, sets, 2)
	assert.Len(t, sets[0].Claims, 3)
	assert.Len(t, sets[1].Claims, 4)
	_, err := d.Next()
	assert.Equal(t, io.EOF, err, "io.EOF again")

	all, err := ReadAll(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, all, sets)

	var claims []*Claim
	for c, err := range NewDecoder(bytes.NewReader(data), nil).Claims() {
		require.NoError(t, err)
		claims = append(claims, c)
	}
	require.Len(t, claims, 7)
	assert.Equal(t, sets[1].Claims[3], *claims[6])

	// A set that ends before any claim: its header as a batch, then the guide's findings.
	empty := Generate(2, 3)
	empty.Claims = nil
	buf.Reset()
	_, err = writeRaw(&buf, testEnvelope(), Generate(1, 4), empty)
	require.NoError(t, err)
	d = NewDecoder(bytes.NewReader(buf.Bytes()), nil)
	b, err := d.Next()
	require.NoError(t, err)
	assert.Len(t, b.Claims, 1)
	b, err = d.Next()
	require.NoError(t, err)
	assert.Empty(t, b.Claims)
	assert.Equal(t, empty.Submitter, b.Submitter)
	_, err = d.Next()
	var list *x12.ErrorList
	require.ErrorAs(t, err, &list, "the missing 2000A loop")
	_, err = d.Next()
	assert.Equal(t, io.EOF, err)

	batches, err := ReadAll(bytes.NewReader(buf.Bytes()))
	assert.Error(t, err)
	assert.Len(t, batches, 2, "ReadAll keeps the batch without claims")
}
