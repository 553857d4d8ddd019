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

// TestCompiledSyntaxRules: a syntax note compiled to bit masks is violated exactly when the
// general check makes a finding, for every kind, every set of present elements among six, and
// notes that name elements twice or past the spec (which always go to the general check).
func TestCompiledSyntaxRules(t *testing.T) {
	rules := []SyntaxRule{}
	for _, kind := range []SyntaxKind{Paired, RequiredOne, Exclusion, Conditional, ListConditional} {
		for _, els := range [][]int{{2, 3}, {4, 2, 5}, {1, 3, 5, 6}, {2, 2, 4}, {5, 7}} {
			rules = append(rules, SyntaxRule{Kind: kind, Elements: els})
		}
	}
	spec := &SegmentSpec{ID: "ZZ1", Elements: make([]*ElementSpec, 6)}
	for i := range spec.Elements {
		spec.Elements[i] = &ElementSpec{Type: TypeAN, Max: 5, Usage: Situational}
	}
	exact := 0
	for _, rule := range rules {
		r := compileRule(rule, len(spec.Elements))
		if r.exact {
			exact++
		}
		for set := 0; set < 1<<6; set++ {
			values := make([]string, 6)
			var present uint64
			for n := 1; n <= 6; n++ {
				if set&(1<<(n-1)) != 0 {
					values[n-1], present = "X", present|1<<n
				}
			}
			s := NewSegment(DefaultDelimiters, "ZZ1", values...)
			found := 0
			c := &elementChecker{report: func(*Error) { found++ }}
			c.syntax(s, "L", spec, rule)
			if r.exact {
				if got := r.violated(present); got != (found > 0) {
					t.Errorf("%c%v with %06b present: violated %v, general check found %d", rule.Kind, rule.Elements, set, got, found)
				}
			} else if found > 0 && !r.violated(present) {
				t.Errorf("%c%v with %06b present: a finding the compiled rule passes", rule.Kind, rule.Elements, set)
			}
		}
	}
	if exact == 0 || exact == len(rules) {
		t.Fatalf("%d exact rules of %d: both kinds must be tested", exact, len(rules))
	}
}
