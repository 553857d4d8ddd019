package x12

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRawOfLowerCaseID: a segment read with a lower-case ID is kept with the ID the Reader
// gave it, so it parses back instead of being dropped by whoever writes it again.
func TestRawOfLowerCaseID(t *testing.T) {
	r := NewReader(strings.NewReader(testISA('*', '^', ':', "~", "000000001") + "PeR*IC*X~"))
	_, err := r.Next()
	require.NoError(t, err)
	s, err := r.Next()
	require.NoError(t, err)
	raw := RawOf(s)
	assert.Equal(t, "PER*IC*X", raw.Text)
	back, err := raw.Segment()
	require.NoError(t, err)
	assert.Equal(t, "PER", back.ID())
}

// TestExtraQueueUnreadable: an extra whose text does not parse is not left out in silence:
// the writer fails with ErrRawSegment.
func TestExtraQueueUnreadable(t *testing.T) {
	loop := &Loop{ID: "X"}
	q := NewExtraQueue([]RawSegment{{Loop: "X", Text: "1*NOT AN ID", Delimiters: "*:^"}}, loop)
	var out strings.Builder
	e := NewEnvelopeWriter(&out)
	q.FlushAll(e)
	assert.ErrorIs(t, e.Close(), ErrRawSegment)
}
