package remit835

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// TestThirdAdjustmentInBlock: a claim payment whose line has three adjustments (CO-45 and two
// PR) takes them from its block's memory, with no allocation more than one with two: the
// block's third slot fills the allocator's size class the block takes anyway.
func TestThirdAdjustmentInBlock(t *testing.T) {
	segs := fixture(t)
	require.Equal(t, "CAS*PR*3*20", segs[29+1]) // ST is 1; ISA and GS come before it
	two := apply(segs)
	three := apply(segs, edit{pos: 29, with: []string{"CAS*PR*3*10**2*10"}})
	decode := func(data string) (first *Claim) {
		for c, err := range NewDecoder(strings.NewReader(data), nil).Claims() {
			require.NoError(t, err)
			if first == nil {
				first = c
			}
		}
		return first
	}
	require.Len(t, decode(two).Lines[0].Adjustments, 2)
	require.Len(t, decode(three).Lines[0].Adjustments, 3)
	if guidetest.RaceEnabled {
		t.Skip("allocation counts vary under the race detector")
	}
	allocs := func(data string) float64 {
		return testing.AllocsPerRun(20, func() { decode(data) })
	}
	assert.Equal(t, allocs(two), allocs(three))
}
