package remitstats

import (
	"bytes"
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/remit835"
)

// BenchmarkSummary measures the summary's own work, beyond decoding: "add" sums the claim
// payments of a synthetic 50 MB 835, decoded beforehand (each op is the whole file: its
// ns/op is the summary's work for 50 MB); "stream" decodes an 8 MB one and sums in one pass,
// to compare with BenchmarkDecode's 8MB-validated.
func BenchmarkSummary(b *testing.B) {
	src := &guidetest.CountingReader{R: guidetest.NewSynthetic835(50 << 20)}
	d := remit835.NewDecoder(src, nil)
	var claims []*remit835.Claim
	for c, err := range d.Claims() {
		if err != nil {
			b.Fatal(err)
		}
		claims = append(claims, c)
	}
	r := d.Remittance()
	b.Run("add-50MB", func(b *testing.B) {
		b.SetBytes(src.N)
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
	b.Run("stream-8MB", func(b *testing.B) { benchSummarize(b, guidetest.Synthetic835Bytes(8<<20)) })
}

// BenchmarkSummaryVsScan is what `x12kit remit summary` does to a 50 MB 835 — the validated
// decode and the summary, in one pass — next to the yardstick, a bare bytes.IndexByte scan
// finding every segment and element of the same bytes in memory (stricter than x12's
// BenchmarkIndexByteScan, which reads through a buffer), in the same run: the figure that
// counts is the ratio of their MB/s.
func BenchmarkSummaryVsScan(b *testing.B) {
	data := guidetest.Synthetic835Bytes(50 << 20)
	b.Run("scan-50MB", func(b *testing.B) { guidetest.ScanBench(b, data) })
	b.Run("summary-50MB", func(b *testing.B) { benchSummarize(b, data) })
}

// benchSummarize runs Summarize over data, which must sum to one claim payment per CLP.
func benchSummarize(b *testing.B, data []byte) {
	want := bytes.Count(data, []byte("CLP*"))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := Summarize(bytes.NewReader(data))
		if err != nil || s.Totals.Claims.Total != want {
			b.Fatal(err)
		}
	}
}
