package x12

import (
	"errors"
	"io"
	"iter"
)

// All turns a Next-style reader into an iterator for range: it yields each value until next
// returns io.EOF, and stops after yielding any other error.
func All[T any](next func() (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for {
			v, err := next()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(v, err) || err != nil {
				return
			}
		}
	}
}
