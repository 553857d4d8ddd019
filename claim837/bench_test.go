package claim837

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// benchBatch is testBatch repeated to n claims with distinct control numbers.
func benchBatch(n int) *Batch {
	b := testBatch()
	base := b.Claims
	b.Claims = nil
	for i := 0; i < n; i++ {
		c := base[i%len(base)]
		c.PatientControlNumber = fmt.Sprintf("PCN%07d", i)
		b.Claims = append(b.Claims, c)
	}
	return b
}

func BenchmarkEncode(b *testing.B) {
	batch := benchBatch(3000)
	var buf bytes.Buffer
	if _, err := (Encoder{SkipChecks: true}).Write(&buf, testEnvelope(), batch); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Encoder{SkipChecks: true}).Write(io.Discard, testEnvelope(), batch); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	var buf bytes.Buffer
	if _, err := (Encoder{SkipChecks: true}).Write(&buf, testEnvelope(), benchBatch(3000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(data))
		n := 0
		for _, err := range d.All() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 3000 {
			b.Fatal("claims lost", n)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	batch := benchBatch(3000)
	b.ReportAllocs()
	for b.Loop() {
		if f := Check(batch); f.Err() != nil {
			b.Fatal(f)
		}
	}
}
