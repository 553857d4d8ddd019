package eligibility

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// TestEncoderNamesTheField: a set the guide refuses is an *x12.WriteError whose finding names
// the value (Index) and the Go field the element was written from.
func TestEncoderNamesTheField(t *testing.T) {
	req := GenerateRequest(3, 1)
	req.Inquiries[1].Subscriber.Gender = "Z" // not a gender code
	enc := NewRequestEncoder(io.Discard, testEnvelope(), nil)
	require.NoError(t, enc.Encode(GenerateRequest(2, 2)))
	err := enc.Encode(req)
	var we *x12.WriteError
	require.ErrorAs(t, err, &we)
	require.NotEmpty(t, we.Findings)
	f := we.Findings[0]
	assert.Equal(t, 1, f.Index, "the second request encoded")
	assert.Equal(t, "Inquiries[1].Subscriber.Gender", f.Field)
	assert.Equal(t, "DMG", f.Pos.ID)
	assert.Equal(t, 3, f.Pos.Element)
}
