package claim837

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBHTDefaultsToTheEnvelopeClock: a batch without a creation time gets the envelope's
// clock in BHT04/BHT05, as the ISA and GS do (it got 00010101 before), and one with a time
// keeps it.
func TestBHTDefaultsToTheEnvelopeClock(t *testing.T) {
	env := testEnvelope()
	env.Now = func() time.Time { return time.Date(2026, 12, 6, 9, 5, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		created time.Time
		want    string
	}{
		{"zero: the envelope's clock", time.Time{}, "BHT*0019*00*BATCH0001*20261206*0905*CH~"},
		{"set: kept", time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC), "BHT*0019*00*BATCH0001*20261128*1430*CH~"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := testBatch()
			b.Created = tc.created
			var out bytes.Buffer
			err := Write(&out, env, b)
			require.NoError(t, err)
			assert.Contains(t, out.String(), tc.want)
			assert.Contains(t, out.String(), "*261206*0905*", "the ISA has the same clock")
		})
	}
}
