package x12

import (
	"math/rand/v2"
	"testing"
)

// TestPlainText: plainText agrees with a byte loop over the character classes, for every
// length up to 40 and bytes from all over the range.
func TestPlainText(t *testing.T) {
	if !printableOnly {
		t.Skip("the extended set is not the printable ASCII range")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	edge := []byte{0, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff, ':', '^', 'A', '*', '~'}
	for _, d := range []Delimiters{DefaultDelimiters, {Element: '*', Component: ':', Segment: "~"}, {Element: '|', Component: '>', Repetition: '!', Segment: "\n"}} {
		for n := 0; n <= 40; n++ {
			for range 300 {
				raw := make([]byte, n)
				for i := range raw {
					switch rng.IntN(6) {
					case 0:
						raw[i] = edge[rng.IntN(len(edge))]
					case 1:
						raw[i] = byte(rng.IntN(256))
					default:
						raw[i] = 'A' + byte(rng.IntN(26))
					}
				}
				want := true
				for _, c := range raw {
					if ckBase[c]&clsNotExt != 0 || d.Component != 0 && c == d.Component || d.Repetition != 0 && c == d.Repetition {
						want = false
					}
				}
				if got := plainText(raw, &d); got != want {
					t.Fatalf("%q %+v: got %v", raw, d, got)
				}
			}
		}
	}
}
