package simulate

import (
	"bytes"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

func TestLuhnNPI(t *testing.T) {
	assert.Equal(t, "1234567893", luhnNPI(123456789))
	for base := 100000000; base < 100000200; base++ {
		require.NoError(t, codes.CheckNPI(luhnNPI(base)))
	}
}

// claimEnvelope is the envelope the claims tests write batches in.
func claimEnvelope() x12.Envelope {
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID", Usage: x12.Test},
		Controls:    x12.NewSequence(101, 101, 1),
		Now:         func() time.Time { return time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC) },
		Newline:     true,
	}
}

// writeClean writes b and requires the guide to find nothing in it.
func writeClean(t *testing.T, b *claim837.Batch) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := claim837.Write(&buf, claimEnvelope(), b)
	require.NoError(t, err)
	sr := x12.NewSetReader(bytes.NewReader(buf.Bytes()))
	sr.Codes = codes.Default()
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		assert.Zero(t, set.Findings.Len(), "%v", set.Findings.All())
	}
	assert.Zero(t, sr.Envelopes().Errors().Len())
	return buf.Bytes()
}

// TestClaimsIsValid: generated batches pass the business checks and the guide, for many
// seeds, and the same seed gives the same bytes.
func TestClaimsIsValid(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		data := writeClean(t, Claims(40, seed, ClaimOptions{}))
		var again bytes.Buffer
		err := claim837.Write(&again, claimEnvelope(), Claims(40, seed, ClaimOptions{}))
		require.NoError(t, err)
		assert.Equal(t, string(data), again.String(), "deterministic")
	}
}

// TestClaimOptions: each option does what it says, the batches stay valid and deterministic,
// and options left zero draw nothing (the claims before the first that uses one are the
// same as without options).
func TestClaimOptions(t *testing.T) {
	const n = 300
	plain := Claims(n, 5, ClaimOptions{})

	t.Run("lines", func(t *testing.T) {
		b := Claims(n, 5, ClaimOptions{Lines: 4})
		counts := map[int]int{}
		for _, c := range b.Claims {
			counts[len(c.Lines)]++
			for _, l := range c.Lines {
				assert.Equal(t, c.Lines[0].ServiceDate, l.ServiceDate)
			}
		}
		assert.Len(t, counts, 4, "1 to 4 lines: %v", counts)
		writeClean(t, b)
		assert.Equal(t, plain.Claims[0].Subscriber, b.Claims[0].Subscriber, "the first claim's draws before its lines")
	})

	t.Run("frequency", func(t *testing.T) {
		b := Claims(n, 5, ClaimOptions{Replacements: 20, Voids: 10})
		freq := map[string]int{}
		for _, c := range b.Claims {
			freq[c.Frequency]++
			if c.Frequency != "" {
				assert.NotEmpty(t, c.OriginalReference)
			}
		}
		assert.InDelta(t, 0.7*n, freq[""], 0.1*n, "%v", freq)
		assert.InDelta(t, 0.2*n, freq["7"], 0.07*n, "%v", freq)
		assert.InDelta(t, 0.1*n, freq["8"], 0.05*n, "%v", freq)
		writeClean(t, b)
		all := Claims(10, 5, ClaimOptions{Voids: 100})
		for _, c := range all.Claims {
			assert.Equal(t, "8", c.Frequency)
		}
	})

	t.Run("date range", func(t *testing.T) {
		from, to := x12.NewDate(2026, 3, 1), x12.NewDate(2026, 3, 31)
		b := Claims(n, 5, ClaimOptions{From: from, To: to})
		seen := map[x12.Date]bool{}
		for _, c := range b.Claims {
			d := c.Lines[0].ServiceDate
			assert.False(t, d.Before(from) || to.Before(d), d.String())
			seen[d] = true
		}
		assert.Greater(t, len(seen), 20, "dates spread over the month")
		one := Claims(5, 5, ClaimOptions{From: from, To: from})
		for _, c := range one.Claims {
			assert.Equal(t, from, c.Lines[0].ServiceDate)
		}
	})

	t.Run("in person", func(t *testing.T) {
		b := Claims(n, 5, ClaimOptions{InPerson: 100})
		for _, c := range b.Claims {
			assert.Equal(t, "11", c.PlaceOfService)
			for _, l := range c.Lines {
				assert.False(t, slices.ContainsFunc(l.Modifiers, func(m string) bool { return slices.Contains([]string{"95", "93", "GT", "FQ"}, m) }), "%v", l.Modifiers)
			}
		}
		writeClean(t, b)
		half := Claims(n, 5, ClaimOptions{InPerson: 50})
		office := 0
		for _, c := range half.Claims {
			if c.PlaceOfService == "11" {
				office++
			}
		}
		assert.InDelta(t, n/2, office, 0.15*n)
	})

	t.Run("clean", func(t *testing.T) {
		opts := ClaimOptions{Clean: true, Lines: 3, Replacements: 10, Voids: 5, InPerson: 30}
		b := Claims(n, 5, opts)
		assert.Len(t, b.Claims, n)
		assert.Empty(t, claim837.Check(b), "clean claims have no finding, not even a warning")
		data := writeClean(t, b)
		var again bytes.Buffer
		err := claim837.Write(&again, claimEnvelope(), Claims(n, 5, opts))
		require.NoError(t, err)
		assert.Equal(t, string(data), again.String(), "deterministic")
	})
}
