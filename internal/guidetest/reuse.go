package guidetest

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// SameAsFresh reads two decoders of the same input in step: fresh hands out a new value on
// each call, reused (a decoder with ReuseClaim) one value overwritten. Each value reused
// hands out must equal fresh's, when it is handed out, and be the same pointer every time;
// both must end alike. It returns how many values it compared.
func SameAsFresh[T any](t testing.TB, fresh, reused func() (*T, error)) int {
	t.Helper()
	var first *T
	n := 0
	for {
		want, err := fresh()
		got, err2 := reused()
		require.Equal(t, err, err2)
		if err == io.EOF {
			return n
		}
		require.NoError(t, err)
		if first == nil {
			first = got
		}
		assert.Same(t, first, got, "the same value, overwritten")
		assert.Equal(t, want, got, "value %d", n)
		n++
	}
}
