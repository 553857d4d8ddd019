package remit835

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// The segment-by-segment balancer finds what Balance finds on whole remittances.
func TestSegmentBalancerAgrees(t *testing.T) {
	data, err := os.ReadFile("testdata/telehealth.835")
	require.NoError(t, err)
	bad := strings.Replace(string(data), "CLP*PCN0001*1*150*80*", "CLP*PCN0001*1*150*81*", 1)
	bad = strings.Replace(bad, "SVC*HC:99214*200*0", "SVC*HC:99214*200*1", 1)
	for _, in := range []string{string(data), bad, mustRead(t, "testdata/summary.835"), mustRead(t, "../simulate/testdata/rules.835")} {
		remits, err := ReadAll(strings.NewReader(in))
		require.NoError(t, err)
		var want []Imbalance
		for _, r := range remits {
			want = append(want, Balance(r)...)
		}
		var b SegmentBalancer
		var got []Imbalance
		sr := x12.NewSetReader(strings.NewReader(in))
		sr.ValidateOnly = true
		sr.Trace = func(s *x12.Segment, _ *x12.Node, _ *x12.SegmentSpec) { b.Segment(s) }
		for {
			_, err := sr.Next()
			if err != nil {
				break
			}
			got = append(got, b.Imbalances()...)
		}
		// Balance lists the transaction last, the balancer too; both in segment order otherwise.
		assert.Equal(t, want, got)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}
