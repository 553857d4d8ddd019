package codec

import (
	"bytes"
	"io"

	"github.com/x12kit/x12kit/x12"
)

// WriteAll is the Write of a transaction package: open makes the package's encoder on a
// writer in memory and returns its CheckedGroup and its Encode; WriteAll encodes values
// through it (an empty group when there are none), closes the group, and gives w the whole
// interchange only when all of that succeeded, so that w gets the whole interchange or
// nothing. It returns the first error.
func WriteAll[T any](w io.Writer, open func(io.Writer) (*x12.CheckedGroup, func(T) error), values []T) error {
	var buf bytes.Buffer
	g, encode := open(&buf)
	if err := g.Begin(); err != nil {
		return err
	}
	for _, v := range values {
		if err := encode(v); err != nil {
			return err
		}
	}
	if err := g.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
