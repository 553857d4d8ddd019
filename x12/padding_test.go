package x12

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrailingPadding: NUL bytes or a Ctrl-Z after an IEA, at the end or between
// interchanges, are skipped with one warning per gap (an error under Strict), and the
// segments read are those of the file without them. Inside an interchange they stay data.
func TestTrailingPadding(t *testing.T) {
	base, err := os.ReadFile("testdata/quirks/base.x12")
	require.NoError(t, err)
	want, _ := readCounting(t, string(base), false)
	for _, tc := range []struct {
		name  string
		input string
		segs  int // segments, times the base's
		gaps  int
	}{
		{"Ctrl-Z at the end", string(base) + "\x1a", 1, 1},
		{"NUL padding at the end", string(base) + strings.Repeat("\x00", 300), 1, 1},
		{"NULs between interchanges", string(base) + "\x00\x00\n" + string(base) + "\x1a", 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				n, warnings := readCounting(t, tc.input, strict)
				assert.Equal(t, tc.segs*want, n)
				require.Len(t, warnings, tc.gaps)
				for _, w := range warnings {
					assert.ErrorIs(t, w, ErrTrailingPadding)
					assert.Equal(t, strict, w.Severity == SeverityError)
					assert.Equal(t, "024", w.Code)
				}
			}
		})
	}
	// Inside an interchange a Ctrl-Z is not padding: the segment it starts is an error.
	_, err = readAllErr(strings.Replace(string(base), "GE*", "\x1aGE*", 1))
	assert.Error(t, err)
}

// readCounting reads input to the end and returns how many segments it read and every
// warning, those that come with io.EOF included; any error fails the test.
func readCounting(t *testing.T, input string, strict bool) (int, []*Error) {
	t.Helper()
	r := NewReader(strings.NewReader(input))
	r.Strict = strict
	n := 0
	var warnings []*Error
	for {
		_, err := r.Next()
		warnings = append(warnings, r.Warnings()...)
		if err == io.EOF {
			return n, warnings
		}
		require.NoError(t, err)
		n++
	}
}

// readAllErr reads input to the end and returns the first error.
func readAllErr(input string) (int, error) {
	r := NewReader(strings.NewReader(input))
	for n := 0; ; n++ {
		_, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
