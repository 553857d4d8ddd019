package codec_test

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/x12kit/x12kit/x12/codec"
)

// TestGather: units are gathered up to a set's end; errors inside a set come after it, one per
// call; an error between sets at once; io.EOF and a sticky error after a cut set, and again on
// every call.
func TestGather(t *testing.T) {
	type part struct {
		u   int // a unit when > 0
		end bool
		err error
	}
	errMid, errBetween, errStop := errors.New("mid"), errors.New("between"), errors.New("stop")
	sticky := func(err error) bool { return err == errStop }
	for _, tc := range []struct {
		name  string
		parts []part
		want  []string // per call: the units gathered, or the error
	}{
		{name: "two sets", parts: []part{{u: 1}, {u: 2}, {end: true}, {end: true}, {err: io.EOF}},
			want: []string{"[1 2]", "[]", "EOF", "EOF"}},
		{name: "an error inside a set comes after it", parts: []part{{u: 1}, {err: errMid}, {u: 2}, {end: true, err: errMid}, {err: io.EOF}},
			want: []string{"[1 2]", "mid", "mid", "EOF"}},
		{name: "an error between sets at once", parts: []part{{err: errBetween}, {u: 3}, {end: true}, {err: io.EOF}},
			want: []string{"between", "[3]", "EOF"}},
		{name: "a set cut by an error that stops", parts: []part{{u: 1}, {err: errStop}},
			want: []string{"[1]", "stop", "stop"}},
		{name: "cut by the end of input", parts: []part{{u: 4}, {err: io.EOF}},
			want: []string{"[4]", "EOF", "EOF"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var held []error
			i := 0
			next := func() (*int, bool, error) {
				p := tc.parts[min(i, len(tc.parts)-1)]
				i++
				if p.u > 0 {
					return &p.u, false, nil
				}
				return nil, p.end, p.err
			}
			var got []string
			for range tc.want {
				units := []int{}
				ok, err := codec.Gather(&held, sticky, next, func(u *int) { units = append(units, *u) })
				switch {
				case ok:
					got = append(got, fmtInts(units))
				case err == io.EOF:
					got = append(got, "EOF")
				default:
					got = append(got, err.Error())
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func fmtInts(v []int) string {
	s := "["
	for i, n := range v {
		if i > 0 {
			s += " "
		}
		s += string(rune('0' + n))
	}
	return s + "]"
}
