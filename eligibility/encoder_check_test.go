package eligibility

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/x12"
)

// TestEncoderRefusesAsWrite: a set the encoder refuses is refused with the findings a check
// of the whole output gives (WriteRequests), at the same positions, and a repeated ST02 is
// refused as the envelope checks refuse it in a file.
func TestEncoderRefusesAsWrite(t *testing.T) {
	t.Run("findings at the output's positions", func(t *testing.T) {
		good, bad := GenerateRequest(2, 1), GenerateRequest(1, 2)
		bad.Inquiries[0].Questions = nil // a 2000C with no EQ: 2110C is required
		var out bytes.Buffer
		enc := NewRequestEncoder(&out, testEnvelope(), nil)
		require.NoError(t, enc.Encode(good))
		var got, want *x12.WriteError
		require.ErrorAs(t, enc.Encode(bad), &got)
		require.ErrorAs(t, WriteRequests(&bytes.Buffer{}, testEnvelope(), good, bad), &want)
		require.NotEmpty(t, want.Findings)
		assert.Equal(t, want.Findings, got.Findings)
	})
	t.Run("repeated ST02", func(t *testing.T) {
		now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
		first, second := Respond(GenerateRequest(2, 1), now), Respond(GenerateRequest(1, 2), now)
		first.Control, second.Control = "0042", "0042"
		var out bytes.Buffer
		enc := NewResponseEncoder(&out, testEnvelope(), nil)
		require.NoError(t, enc.Encode(first))
		n := out.Len()
		var got, want *x12.WriteError
		require.ErrorAs(t, enc.Encode(second), &got)
		assert.Equal(t, n, out.Len(), "nothing of the refused set written")
		require.NotEmpty(t, got.Findings)
		assert.ErrorIs(t, got.Findings[0], x12.ErrDuplicateControl)
		require.ErrorAs(t, WriteResponses(&bytes.Buffer{}, testEnvelope(), first, second), &want)
		assert.Contains(t, want.Findings, got.Findings[0], "where the whole output's check finds it")
	})
}
