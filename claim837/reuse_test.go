package claim837

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// TestDecoderReuseClaim: with ReuseClaim, NextClaim hands out one *Claim again and again,
// each time holding what a Decoder without it hands out: claims of one line and of several,
// with and without diagnoses, providers, patients and Extra, one after the other.
func TestDecoderReuseClaim(t *testing.T) {
	batch := Generate(60, 3)
	for i := range batch.Claims {
		c := &batch.Claims[i]
		switch i % 4 {
		case 1: // three lines, then back to one
			for range 2 {
				l := c.Lines[0]
				l.Modifiers = append([]string(nil), l.Modifiers...)
				c.Lines = append(c.Lines, l)
			}
		case 2:
			c.Notes = []Note{{Type: "ADD", Text: "FOLLOW UP"}}
			if c.Rendering != nil { // then the next claim's rendering provider has none
				r := *c.Rendering
				r.Taxonomy, r.Middle = "207Q00000X", "Q"
				c.Rendering = &r
			}
		}
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, testEnvelope(), batch))
	inputs := map[string][]byte{"generated": buf.Bytes()}
	for _, name := range []string{"telehealth.837", "telehealth-dependent.837", "repeated-subscriber.837"} {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(t, err)
		inputs[name] = data
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			fresh := NewDecoder(bytes.NewReader(data), nil)
			reused := NewDecoder(bytes.NewReader(data), nil)
			reused.ReuseClaim = true
			n := guidetest.SameAsFresh(t, fresh.NextClaim, reused.NextClaim)
			assert.Positive(t, n)
		})
	}
}
