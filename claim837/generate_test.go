package claim837

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

func TestLuhnNPI(t *testing.T) {
	assert.Equal(t, "1234567893", luhnNPI(123456789))
	for base := 100000000; base < 100000200; base++ {
		require.NoError(t, codes.CheckNPI(luhnNPI(base)))
	}
}

// TestGenerateIsValid: generated batches pass the business checks and the guide, for many
// seeds, and the same seed gives the same bytes.
func TestGenerateIsValid(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		var buf bytes.Buffer
		_, err := Write(&buf, testEnvelope(), Generate(40, seed))
		require.NoError(t, err, "seed %d", seed)
		sr := x12.NewSetReader(bytes.NewReader(buf.Bytes()))
		sr.Codes = codes.Default()
		for {
			set, err := sr.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			assert.Zero(t, set.Findings.Len(), "seed %d: %v", seed, set.Findings.All())
		}
		assert.Zero(t, sr.Envelopes().Errors().Len())
		var again bytes.Buffer
		_, err = Write(&again, testEnvelope(), Generate(40, seed))
		require.NoError(t, err)
		assert.Equal(t, buf.String(), again.String(), "deterministic")
	}
}
