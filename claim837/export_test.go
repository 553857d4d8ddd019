package claim837

import (
	"io"

	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// Generate makes n synthetic claims for seed: simulate.Claims with zero options, for the tests
// of this package. simulate imports claim837, so only an external test file can call it:
// simulate_test.go sets it.
var Generate func(n int, seed uint64) *Batch

// write writes batches through an Encoder with options o into memory, then to w when all are
// clean, and returns the checks' warnings and the error: Write, with the warnings.
func (o EncodeOptions) write(w io.Writer, env x12.Envelope, batches ...*Batch) (x12.Findings, error) {
	var enc *Encoder
	err := codec.WriteAll(w, func(buf io.Writer) (*x12.CheckedGroup, func(*Batch) error) {
		enc = NewEncoder(buf, env, &o)
		return enc.g, enc.Encode
	}, batches)
	return enc.Warnings(), err
}

// writeRaw writes batches with Encode and no check at all: what a test writes back as it
// was read, findings and all.
func writeRaw(w io.Writer, env x12.Envelope, batches ...*Batch) (x12.Findings, error) {
	return nil, encodeAll(w, env, batches)
}

func encodeAll(w io.Writer, env x12.Envelope, batches []*Batch) error {
	return env.WriteGroup(w, "HC", Version, func(e *x12.EnvelopeWriter) error {
		for _, b := range batches {
			if err := Encode(e, b); err != nil {
				return err
			}
		}
		return nil
	})
}
