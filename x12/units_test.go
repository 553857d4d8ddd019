package x12

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// segmentTexts lists the segments of a node and its nested loops as "loop:text".
func segmentTexts(n *Node) []string {
	var out []string
	n.Segments(func(s *Segment, _ *SegmentSpec, in *Node) bool {
		out = append(out, in.Loop.ID+":"+string(s.raw))
		return true
	})
	return out
}

// TestUnitsStreamEveryUnitOnce reads a 999 with its AK2 loops as units: each comes once, in
// order, complete, with its parent chain; the set's tree keeps everything else; and together
// they are exactly what a whole-tree read gives.
func TestUnitsStreamEveryUnitOnce(t *testing.T) {
	data := generate999(40)
	whole := readSets(t, data)
	require.Len(t, whole, 1)
	want := segmentTexts(whole[0].Root)

	sr := NewSetReader(strings.NewReader(data))
	sr.Units = []string{"2000"}
	sr.MaxSetSegments = 30 // far less than the set: only what is held at once counts
	var got []string
	units := 0
	for {
		p, err := sr.NextPart()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if p.Unit != nil {
			units++
			assert.Equal(t, "2000", p.Unit.Loop.ID)
			require.NotNil(t, p.Unit.Parent)
			assert.Equal(t, "ST", p.Unit.Parent.Loop.ID)
			assert.Equal(t, "AK2", p.Unit.Items[0].Segment.ID())
			assert.Empty(t, p.Findings)
			got = append(got, segmentTexts(p.Unit)...)
			continue
		}
		assert.Empty(t, p.Set.Findings.All())
		assert.Empty(t, p.Set.Root.Loops("2000"), "handed-out units leave the tree")
		rest := segmentTexts(p.Set.Root)
		// The header (ST, AK1) comes before the units, the trailer (AK9, SE) after.
		require.GreaterOrEqual(t, len(rest), 4)
		got = append(rest[:2:2], append(got, rest[2:]...)...)
	}
	assert.Equal(t, 40, units)
	assert.Equal(t, want, got)
}

// TestUnitsFindingsComeWithTheirUnit: a finding inside a unit is handed out with it.
func TestUnitsFindingsComeWithTheirUnit(t *testing.T) {
	data := generate999(3)
	// Break the second AK2's IK5 (an invalid acknowledgment code).
	i := strings.Index(data, "IK5*A")
	i += strings.Index(data[i+1:], "IK5*A") + 1
	data = data[:i] + "IK5*Q" + data[i+5:]
	sr := NewSetReader(strings.NewReader(data))
	sr.Units = []string{"2000"}
	var perUnit []int
	for {
		p, err := sr.NextPart()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if p.Unit != nil {
			perUnit = append(perUnit, len(p.Findings))
			for _, f := range p.Findings {
				assert.Equal(t, "IK5", f.Pos.ID)
				assert.Equal(t, "7", f.Code)
			}
		}
	}
	assert.Equal(t, []int{0, 1, 0}, perUnit)
}
