package x12

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSplitWords: splitWords finds what the byte loop of split finds, on random segments of
// every length up to 80 with separators, line breaks and lead bytes anywhere.
func TestSplitWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("AB9*~:^\n\r\xc2\xa6 ")
	for _, lead := range []byte{0, 0xC2} {
		var stop [256]uint8
		stop['\r'], stop['\n'], stop['*'] = 2, 2, 1
		if lead != 0 {
			stop[lead] = 3
		}
		for n := 0; n <= 80; n++ {
			for range 200 {
				raw := make([]byte, n)
				for i := range raw {
					raw[i] = alphabet[rng.IntN(len(alphabet))]
					if rng.IntN(3) > 0 && raw[i] != '*' {
						raw[i] = 'A' // mostly plain data
					}
				}
				var want []int32
				wantBreaks := false
				for i, c := range raw {
					if k := stop[c]; k != 0 {
						if k == 1 {
							want = append(want, int32(i))
						} else {
							wantBreaks = true
							break
						}
					}
				}
				got, breaks := splitWords(raw, nil, '*', lead)
				if breaks != wantBreaks || !breaks && !slices.Equal(got, want) {
					t.Fatalf("%q lead %x: got %v %v, want %v %v", raw, lead, got, breaks, want, wantBreaks)
				}
			}
		}
	}
}
