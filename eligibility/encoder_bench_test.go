package eligibility

import (
	"io"
	"testing"
	"time"
)

// BenchmarkEncoder streams 200 generated 270s (20 inquiries each) and their 271s through a
// RequestEncoder and a ResponseEncoder, each set checked before it is written; bytes are the
// output's.
func BenchmarkEncoder(b *testing.B) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	var reqs []*Request
	var resps []*Response
	for seed := range uint64(200) {
		r := GenerateRequest(20, seed)
		reqs, resps = append(reqs, r), append(resps, Respond(r, now))
	}
	run := func(b *testing.B, encode func(w io.Writer) error) {
		var size countingWriter
		if err := encode(&size); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			if err := encode(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("270", func(b *testing.B) {
		run(b, func(w io.Writer) error {
			enc := NewRequestEncoder(w, testEnvelope(), nil)
			for _, r := range reqs {
				if err := enc.Encode(r); err != nil {
					return err
				}
			}
			return enc.Close()
		})
	})
	b.Run("271", func(b *testing.B) {
		run(b, func(w io.Writer) error {
			enc := NewResponseEncoder(w, testEnvelope(), nil)
			for _, r := range resps {
				if err := enc.Encode(r); err != nil {
					return err
				}
			}
			return enc.Close()
		})
	})
}

// countingWriter counts the bytes written to it.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
