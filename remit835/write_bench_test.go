package remit835

import (
	"io"
	"testing"
)

// BenchmarkWrite writes the simulated payer's remittances for 5 000 generated claims with
// Write, which checks and balances each set and keeps the whole output in memory before
// giving it to the writer; bytes are the 835's.
func BenchmarkWrite(b *testing.B) {
	remits := Adjudicated(5000, 11)
	var size countingWriter
	if err := Write(&size, testEnvelope(), remits...); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, testEnvelope(), remits...); err != nil {
			b.Fatal(err)
		}
	}
}
