package main

import (
	"bytes"
	"io"
	"strconv"
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// The benchmarks of the command run its main jobs in-process, as the binary runs them, with
// the package's default.pgo applied as `go build` applies it (see the README's "Speed").

// BenchmarkRemitSummaryVsScan runs `x12kit remit summary --json` over a synthetic 50 MB 835
// (guidetest.Synthetic835) next to the yardstick, a bare bytes.IndexByte scan of the same
// bytes in memory, in the same run: the figure that counts is the ratio of their MB/s.
func BenchmarkRemitSummaryVsScan(b *testing.B) {
	data := guidetest.Synthetic835Bytes(50 << 20)
	b.Run("scan-50MB", func(b *testing.B) { guidetest.ScanBench(b, data) })
	b.Run("summary-50MB", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if code := run(env{stdin: bytes.NewReader(data), stdout: io.Discard, stderr: io.Discard},
				[]string{"remit", "summary", "--json", "-"}); code != exitOK {
				b.Fatal("remit summary exit", code)
			}
		}
	})
}

// BenchmarkValidate runs `x12kit validate` over an 837P and an 835 of 20 000 generated claims
// each (`x12kit gen`), varied as gen varies them.
func BenchmarkValidate(b *testing.B) {
	for _, kind := range []string{"837p", "835"} {
		var gen bytes.Buffer
		args := []string{"gen", kind, "--claims", strconv.Itoa(20000), "--seed", "7"}
		if code := run(env{stdout: &gen, stderr: io.Discard}, args); code != exitOK {
			b.Fatal("gen exit", code)
		}
		data := gen.Bytes()
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if code := run(env{stdin: bytes.NewReader(data), stdout: io.Discard, stderr: io.Discard},
					[]string{"validate", "-"}); code != exitOK {
					b.Fatal("validate exit", code)
				}
			}
		})
	}
}
