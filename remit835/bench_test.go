package remit835

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestSyntheticIsValid: the benchmark input is a clean, balanced 835.
func TestSyntheticIsValid(t *testing.T) {
	var b bytes.Buffer
	_, err := io.Copy(&b, guidetest.NewSynthetic835(20000))
	if err != nil {
		t.Fatal(err)
	}
	remits, err := ReadAll(bytes.NewReader(b.Bytes()))
	if err != nil || len(remits) != 1 {
		t.Fatalf("read: %v, %d remittances", err, len(remits))
	}
	if im := Balance(remits[0]); len(im) > 0 {
		t.Fatalf("does not balance: %v", im[0])
	}
	d := NewDecoder(bytes.NewReader(b.Bytes()), nil)
	var findings int
	d.SetDone = func(_ *Remittance, set *x12.Set) { findings = set.Findings.Len() }
	for _, err := range d.Claims() {
		if err != nil {
			t.Fatal(err)
		}
	}
	if findings != 0 {
		t.Fatalf("%d guide findings", findings)
	}
}

// adjudicated835 is an 835 of about 8 MB whose claim payments vary as a payer's do: the
// simulated payer's answer to synthetic claims (Adjudicated) — several payers and sets;
// patients, providers, procedures and amounts that differ; denials with their reasons and remarks. It is made
// for each benchmark and not kept, so that it does not count in the streams' peak heap.
func adjudicated835() ([]byte, error) {
	var out bytes.Buffer
	err := testEnvelope().WriteGroup(&out, "HP", Version, encodeEach(Adjudicated(40000, 7)))
	return out.Bytes(), err
}

// BenchmarkDecode streams typed claim payments from an in-memory 835 (adjudicated835),
// validating every element against the guide as it goes or only its structure, and validated
// with Decoder.ReuseClaim; and from
// synthetic 10 MB and 200 MB streams (made on the fly, so slower: the figure to read there is
// the peak live heap, which does not grow with the file). "8MB-scan" is the yardstick, a bare
// bytes.IndexByte scan of the same 8 MB (guidetest.ScanCount): MB/s differ from machine to
// machine, their ratio to the scan in the same run much less.
func BenchmarkDecode(b *testing.B) {
	data, err := adjudicated835()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("8MB-scan", func(b *testing.B) { guidetest.ScanBench(b, data) })
	b.Run("8MB-validated-reuse", func(b *testing.B) { // as a program that copies out what it keeps
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			d := NewDecoder(bytes.NewReader(data), nil)
			d.ReuseClaim = true
			decodeAll(b, d, 0)
		}
	})
	for _, mode := range guidetest.ReadModes {
		b.Run("8MB-"+mode.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d := NewDecoder(bytes.NewReader(data), nil)
				d.Reader().StructureOnly = mode.StructureOnly
				d.SetDone = func(_ *Remittance, set *x12.Set) {
					if n := set.Findings.Len(); n > 0 {
						b.Fatal("the benchmark input has guide findings:", n)
					}
				}
				decodeAll(b, d, 0)
			}
		})
	}
	data = nil // let it go before the streams measure their heap
	for _, mb := range []int{10, 200} {
		b.Run(fmt.Sprintf("%dMB-stream", mb), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				src := guidetest.NewSynthetic835(mb << 20)
				n, peak := decodeStream(b, src, 2000)
				b.SetBytes(n)
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			}
		})
	}
}

// BenchmarkDecodeParallel decodes adjudicated835, validated, as GOMAXPROCS independent
// streams at once (b.RunParallel): a practice or clearinghouse reading several remittance
// files side by side. The MB/s is their sum.
func BenchmarkDecodeParallel(b *testing.B) {
	data, err := adjudicated835()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for c, err := range NewDecoder(bytes.NewReader(data), nil).Claims() {
				if err != nil || c.PatientControl == "" {
					b.Error("unexpected claim payment or error", err)
					return
				}
			}
		}
	})
}

// decodeStream decodes every claim of r, sampling the live heap every sample claims (0: never).
func decodeStream(b *testing.B, r io.Reader, sample int) (bytes int64, peak uint64) {
	cr := &guidetest.CountingReader{R: r}
	peak = decodeAll(b, NewDecoder(cr, nil), sample)
	return cr.N, peak
}

func decodeAll(b *testing.B, d *Decoder, sample int) (peak uint64) {
	heap := guidetest.HeapSampler{Every: sample}
	for c, err := range d.Claims() {
		if err != nil {
			b.Fatal(err)
		}
		if c.PatientControl == "" {
			b.Fatal("unexpected claim")
		}
		heap.Sample()
	}
	return heap.Peak
}

// BenchmarkEncode writes the remittances of adjudicated835 again.
func BenchmarkEncode(b *testing.B) {
	data, err := adjudicated835()
	if err != nil {
		b.Fatal(err)
	}
	remits, err := ReadAll(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	env := testEnvelope()
	write := func() {
		out.Reset()
		if err := env.WriteGroup(&out, "HP", Version, encodeEach(remits)); err != nil {
			b.Fatal(err)
		}
	}
	write()
	b.SetBytes(int64(out.Len()))
	b.ReportAllocs()
	for b.Loop() {
		write()
	}
	if !bytes.Equal(out.Bytes(), data) {
		b.Fatal("the remittances were not written back as read")
	}
}
