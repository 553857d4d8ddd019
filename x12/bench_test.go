package x12

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"testing"
)

var (
	benchOnce sync.Once
	bench835  []byte
)

// benchData is a generated 5010 835 of about 8 MB.
func benchData() []byte {
	benchOnce.Do(func() { bench835 = []byte(generate835(9000)) })
	return bench835
}

// BenchmarkIndexByteScan is the yardstick the reader is measured against: a bare streaming
// scan with bytes.IndexByte that finds every segment and element and does nothing else.
func BenchmarkIndexByteScan(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		segs, elems := scanCount(bytes.NewReader(data))
		if segs == 0 || elems == 0 {
			b.Fatal("nothing scanned")
		}
	}
}

// scanCount counts segments and elements with a 64 KiB streaming buffer.
func scanCount(r io.Reader) (segs, elems int) {
	buf := make([]byte, 64<<10)
	start, end := 0, 0
	for {
		i := bytes.IndexByte(buf[start:end], '~')
		if i < 0 {
			n := copy(buf, buf[start:end])
			start, end = 0, n
			m, err := r.Read(buf[end:])
			end += m
			if err != nil && m == 0 {
				return
			}
			continue
		}
		seg := buf[start : start+i]
		segs++
		for {
			j := bytes.IndexByte(seg, '*')
			if j < 0 {
				break
			}
			elems++
			seg = seg[j+1:]
		}
		start += i + 1
	}
}

func BenchmarkReader(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(bytes.NewReader(data))
		n := 0
		for {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n += s.Len()
		}
		if n == 0 {
			b.Fatal("nothing read")
		}
	}
}

func BenchmarkEnvelopeChecks(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c, err := CheckEnvelopes(bytes.NewReader(data))
		if err != nil || c.Errors().Len() != 0 {
			b.Fatal(err, c.Errors())
		}
	}
}

func BenchmarkWriter(b *testing.B) {
	segs, errs := readAll(b, generate835(500))
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	size := 0
	for _, s := range segs {
		size += len(s.Raw()) + 1
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		w := NewWriter(io.Discard)
		for _, s := range segs {
			if err := w.WriteSegment(s); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriterStrings(b *testing.B) {
	b.SetBytes(int64(len("CLP*PCN0000001*1*250*180*40*12*EH1234567890*11*1~")))
	b.ReportAllocs()
	w := NewWriter(io.Discard)
	for b.Loop() {
		if err := w.WriteStrings("CLP", "PCN0000001", "1", "250", "180", "40", "12", "EH1234567890", "11", "1"); err != nil {
			b.Fatal(err)
		}
	}
}

var _ = strings.Repeat

var (
	bench999Once sync.Once
	bench999     []byte
)

// BenchmarkGuideValidation999 streams a large 999 through the SetReader: loop building,
// element checks and envelope checks, the whole validation path.
func BenchmarkGuideValidation999(b *testing.B) {
	b.Run("validate-only", func(b *testing.B) { benchGuide999(b, false, false) })
	b.Run("with-tree", func(b *testing.B) { benchGuide999(b, true, false) })
	b.Run("units", func(b *testing.B) { benchGuide999(b, true, true) })
}

func benchGuide999(b *testing.B, keep, units bool) {
	bench999Once.Do(func() { bench999 = []byte(generate999(60000)) })
	data := bench999
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		sr := NewSetReader(bytes.NewReader(data))
		sr.ValidateOnly = !keep
		if units {
			sr.Units = []string{"2000"}
		}
		n := 0
		for {
			set, err := sr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if set.Findings.Len() != 0 {
				b.Fatal(set.Findings.Error())
			}
			n++
		}
		if n != 1 {
			b.Fatal("expected one 999")
		}
	}
}
