package remitstats

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// TestCorpusSummary: the figures over every public 835 add up the way the claims do, and
// the only imbalance is the known-bad tertiary sample's (see the corpus MANIFEST).
func TestCorpusSummary(t *testing.T) {
	files := guidetest.CorpusFiles(t, "835")
	s, err := SummarizeFiles(files...)
	require.NoError(t, err)
	var claims int
	var billed, paid x12.Amount
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		remits, err := remit835.ReadAll(bytes.NewReader(data))
		assert.False(t, x12.Lost(err), "%s: %v", filepath.Base(f), err)
		for _, r := range remits {
			for _, c := range r.Claims {
				claims++
				billed += c.Charge
				paid += c.Paid
			}
		}
	}
	assert.Equal(t, claims, s.Totals.Claims.Total)
	assert.Equal(t, billed, s.Totals.Billed)
	assert.Equal(t, paid, s.Totals.Paid)
	assert.False(t, s.Balanced(), "lfh-tertiary-payment.835 does not balance")
	assert.Equal(t, 1, s.Imbalances)
}
