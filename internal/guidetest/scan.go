package guidetest

import (
	"bytes"
	"testing"
)

// ScanCount counts the segments and elements of data in memory with bytes.IndexByte: the
// bare scan that speed figures are held against, without even a read buffer's copies. It
// takes ~ as the segment terminator and * as the element separator.
func ScanCount(data []byte) (segs, elems int) {
	for len(data) > 0 {
		seg := data
		if i := bytes.IndexByte(data, '~'); i >= 0 {
			seg, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		segs++
		for j := bytes.IndexByte(seg, '*'); j >= 0; j = bytes.IndexByte(seg, '*') {
			elems++
			seg = seg[j+1:]
		}
	}
	return segs, elems
}

// ScanBench runs the bare scan of data as a benchmark (bytes per op, allocations reported).
func ScanBench(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if segs, elems := ScanCount(data); segs == 0 || elems == 0 {
			b.Fatal("nothing scanned")
		}
	}
}
