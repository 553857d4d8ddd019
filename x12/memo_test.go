package x12

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestMemoStat(t *testing.T) {
	for _, tc := range []struct {
		name     string
		hitEvery int // one hit every n lookups; 0 never
		wantSkip int32
	}{
		{"never again", 0, memoSkip},
		{"one in ten", 10, memoSkip},
		{"one in four", 4, memoSkip},
		{"one in two", 2, 0},
		{"always", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var st memoStat
			for i := 1; i <= memoTrial; i++ {
				assert.Zero(t, st.skip, "judged before the trial ends")
				st.seen(tc.hitEvery > 0 && i%tc.hitEvery == 0)
			}
			assert.Equal(t, tc.wantSkip, st.skip)
			assert.Zero(t, st.tries, "the next trial starts afresh")
		})
	}
}

// TestMemoSkipKeepsFindings: a set long enough for the memo to be given up on some uses (HL,
// a subscriber's NM1, CLM never repeat here) and tried again on others reports the same
// findings as checking every segment — bad segments before, during and after the skipping.
func TestMemoSkipKeepsFindings(t *testing.T) {
	body := []string{"BHT*0019*20261128*1200*12.5**ABK:J069^ABF:R05*10", "NM1*41*2*SUBMITTER*****XX*S1",
		"PER*IC*BILLING", "NM1*40*2*RECEIVER", "HL*1**20*1", "NM1*85*2*CLINIC"}
	for i := range 3000 {
		member, clm := fmt.Sprintf("M%d", i), fmt.Sprintf("CLM*A%d*%d", i, i+1)
		if i >= 2000 {
			member, clm = "M1", "CLM*A*5" // the same again and again
		}
		if i%97 == 0 {
			clm += "X" // not a number
		}
		if i%131 == 0 {
			member = "" // NM108 without NM109
		}
		body = append(body, fmt.Sprintf("HL*%d*1*22*0", i+2), "NM1*IL*1*DOE*JANE****MI*"+member, clm)
	}
	in := testSet(body...)
	read := func(every bool) []string {
		reg := &Registry{}
		reg.Register(testGuide)
		sr := NewSetReader(strings.NewReader(in))
		sr.Guides, sr.Codes, sr.noMemo = reg, fakeCodes{"pos": {"11"}}, every
		set, err := sr.Next()
		require.NoError(t, err)
		var out []string
		for _, e := range set.Findings.All() {
			out = append(out, fmt.Sprintf("%s %s %d %d", e.Code, e.Pos.ID, e.Pos.SetSegment, e.Pos.Element))
		}
		return out
	}
	want := read(true)
	require.Greater(t, len(want), 40, "the input has bad segments throughout")
	assert.Equal(t, want, read(false))
}
