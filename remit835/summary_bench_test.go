package remit835

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkSummary measures the summary's own work, beyond decoding: "add" sums claim payments
// decoded beforehand from a synthetic 8 MB 835 (each op is the whole file; multiply by 50/8
// for a 50 MB one); "stream" decodes and sums in one pass, to compare with BenchmarkDecode's
// 8MB-validated.
func BenchmarkSummary(b *testing.B) {
	var mem bytes.Buffer
	_, _ = io.Copy(&mem, newSynthetic835(8<<20))
	data := mem.Bytes()
	d := NewDecoder(bytes.NewReader(data))
	var claims []*Claim
	for c, err := range d.All() {
		if err != nil {
			b.Fatal(err)
		}
		claims = append(claims, c)
	}
	r := d.Remittance()
	b.Run("add-8MB", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			s := NewSummary()
			for _, c := range claims {
				s.Add(r, c)
			}
			s.EndSet(r)
			if s.Totals.Claims.Total != len(claims) || !s.Balanced() {
				b.Fatal("unexpected summary")
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(claims)), "ns/claim")
	})
	b.Run("stream-8MB", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			s, err := Summarize(bytes.NewReader(data))
			if err != nil || s.Totals.Claims.Total != len(claims) {
				b.Fatal(err)
			}
		}
	})
}
