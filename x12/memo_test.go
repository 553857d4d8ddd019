package x12

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSegmentMemo(t *testing.T) {
	a, b := &SegmentSpec{ID: "REF"}, &SegmentSpec{ID: "REF"}
	var m segmentMemo
	raw := func(i int) []byte { return fmt.Appendf(nil, "REF*EA*%d", i) }
	assert.False(t, m.has(memoHash(raw(1)), a, raw(1)), "empty memo")
	for i := range memoLimit + 100 {
		m.add(memoHash(raw(i)), a, raw(i))
	}
	assert.Equal(t, memoLimit, m.n, "bounded")
	assert.LessOrEqual(t, len(m.slots), 2*memoLimit)
	for _, tc := range []struct {
		name string
		i    int
		spec *SegmentSpec
		want bool
	}{
		{"first", 0, a, true},
		{"last kept", memoLimit - 1, a, true},
		{"past the limit", memoLimit, a, false},
		{"same bytes, other use", 0, b, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, m.has(memoHash(raw(tc.i)), tc.spec, raw(tc.i)))
		})
	}
	// Same hash, other bytes: never a hit.
	assert.False(t, m.has(memoHash(raw(0)), a, raw(1)))
}
