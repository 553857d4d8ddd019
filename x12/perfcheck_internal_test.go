package x12

import (
	"math/rand/v2"
	"reflect"
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

// TestSetPosFields: setPos and copyPos set every field of a Position; a field added to
// Position must be added there too.
func TestSetPosFields(t *testing.T) {
	if n := reflect.TypeOf(Position{}).NumField(); n != 9 {
		t.Fatalf("Position has %d fields: update setPos and copyPos", n)
	}
	p := Position{Offset: 1, Interchange: 2, Segment: 3, SetSegment: 4, ID: "X", Loop: "L", Element: 5, Component: 6, Repetition: 7}
	setPos(&p, 10, 11, 12, 13, "NM1")
	if want := (Position{Offset: 10, Interchange: 11, Segment: 12, SetSegment: 13, ID: "NM1"}); p != want {
		t.Fatalf("%+v, want %+v", p, want)
	}
	src := Position{Offset: 1, Interchange: 2, Segment: 3, SetSegment: 4, ID: "X", Loop: "L", Element: 5, Component: 6, Repetition: 7}
	copyPos(&p, &src)
	if p != src {
		t.Fatalf("copyPos: %+v, want %+v", p, src)
	}
}
