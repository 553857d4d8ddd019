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

// TestHLKey: an HL01 kept by the loop builder matches that HL01 and no other, short (packed)
// or long, leading zeros included.
func TestHLKey(t *testing.T) {
	ids := []string{"1", "01", "001", "10", "2", "1234567", "01234567", "12345678", "ABCDEFGHIJKL", "ABCDEFGHIJKM"}
	for _, a := range ids {
		k := makeHLKey([]byte(a))
		for _, b := range ids {
			p, short := packCode([]byte(b))
			if got := k.is([]byte(b), p, short); got != (a == b) {
				t.Errorf("HL01 %q kept, %q asked: %v", a, b, got)
			}
		}
	}
	empty := makeHLKey(nil)
	p, short := packCode([]byte("1"))
	if empty.is([]byte("1"), p, short) {
		t.Error("an empty HL01 matches a parent")
	}
}
