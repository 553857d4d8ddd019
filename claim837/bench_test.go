package claim837

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// benchBatch is what the benchmarks encode, check and decode: Generate's mix of telehealth
// claims, whose names, member ids, birth dates, procedures and charges vary as in a real
// batch. (Copies of a few claims would flatter validation, which skips a segment it has
// already seen clean.)
func benchBatch(n int) *Batch { return Generate(n, 7) }

// BenchmarkEncode writes 20 000 claims: "stream" through Encode straight to the output, as a
// program writing large batches does; "Write" through Encoder.Write without the business
// checks, which encodes into memory first (nothing reaches the output if the encoding fails).
func BenchmarkEncode(b *testing.B) {
	batch := benchBatch(20000)
	var buf bytes.Buffer
	if _, err := writeRaw(&buf, testEnvelope(), batch); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"stream", func(w io.Writer) error { return encodeAll(w, testEnvelope(), []*Batch{batch}) }},
		{"Write", func(w io.Writer) error {
			_, err := writeRaw(w, testEnvelope(), batch)
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				if err := bc.write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode streams the typed claims of an 837P of 20 000 varied claims (benchInput),
// validated and structure only; "validated-reuse" with Decoder.ReuseClaim, as a program
// that copies out what it keeps does. "scan" is the yardstick, a bare bytes.IndexByte scan of
// the same bytes (guidetest.ScanCount): MB/s differ from machine to machine, their ratio
// to the scan in the same run much less.
func BenchmarkDecode(b *testing.B) {
	b.Run("scan", func(b *testing.B) { guidetest.ScanBench(b, benchInput(b)) })
	b.Run("validated-reuse", func(b *testing.B) {
		data := benchInput(b)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			d := NewDecoder(bytes.NewReader(data), nil)
			d.ReuseClaim = true
			n := 0
			for _, err := range d.Claims() {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != 20000 {
				b.Fatal("claims lost", n)
			}
		}
	})
	benchReads(b, func(b *testing.B, d *Decoder) int {
		n := 0
		for _, err := range d.Claims() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if f := d.Set().Findings.Len(); f > 0 {
			b.Fatal("the benchmark input has guide findings:", f)
		}
		return n
	})
}

// BenchmarkDecodeParallel decodes the 837P of BenchmarkDecode, validated, as GOMAXPROCS
// independent streams at once (b.RunParallel): a clearinghouse decoding several files side
// by side. The MB/s is their sum.
func BenchmarkDecodeParallel(b *testing.B) {
	data := benchInput(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := 0
			for _, err := range NewDecoder(bytes.NewReader(data), nil).Claims() {
				if err != nil {
					b.Error(err)
					return
				}
				n++
			}
			if n != 20000 {
				b.Error("claims lost", n)
				return
			}
		}
	})
}

// BenchmarkSetReader reads the same 837P as BenchmarkDecode through the x12 engine alone:
// claims handed out as units with their text, validated or structure only, without the typed
// mapping — the engine's share of a typed decode.
func BenchmarkSetReader(b *testing.B) {
	benchReads(b, func(b *testing.B, d *Decoder) int {
		units := 0
		for {
			p, err := d.Reader().NextPart()
			if err == io.EOF {
				return units
			}
			if err != nil {
				b.Fatal(err)
			}
			if p.Unit != nil {
				units++
			}
		}
	})
}

// benchInput is the 837P the decoding benchmarks read: benchBatch(20000) encoded.
func benchInput(b *testing.B) []byte {
	var buf bytes.Buffer
	if _, err := writeRaw(&buf, testEnvelope(), benchBatch(20000)); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchReads runs read over an 837P of 20 000 claims, validated and structure only; read
// returns the claims it saw.
func benchReads(b *testing.B, read func(b *testing.B, d *Decoder) int) {
	data := benchInput(b)
	for _, mode := range guidetest.ReadModes {
		b.Run(mode.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d := NewDecoder(bytes.NewReader(data), nil)
				d.Reader().StructureOnly = mode.StructureOnly
				if n := read(b, d); n != 20000 {
					b.Fatal("claims lost", n)
				}
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	batch := benchBatch(20000)
	b.ReportAllocs()
	for b.Loop() {
		if f := Check(batch); f.Err() != nil {
			b.Fatal(f)
		}
	}
}

// synthetic837 is a reader of one valid 837P of about size bytes made on the fly (one billing
// provider, a subscriber per claim), so that streaming can be measured on large inputs
// without holding them.
type synthetic837 struct {
	claims, next int
	buf          []byte
	stage        int
	trailer      string
}

const (
	head837 = "ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *261128*1430*^*00501*000000101*0*T*:~\n" +
		"GS*HC*SUBMITTERID*RECEIVERID*20261128*1430*101*X*005010X222A1~\n" +
		"ST*837*0001*005010X222A1~\nBHT*0019*00*BATCH0001*20261128*1430*CH~\n" +
		"NM1*41*2*EXAMPLE TELEHEALTH GROUP*****46*SUBMITTERID~\nPER*IC*BILLING OFFICE*TE*5555550100~\n" +
		"NM1*40*2*EXAMPLE CLEARINGHOUSE*****46*RECEIVERID~\nHL*1**20*1~\nPRV*BI*PXC*207Q00000X~\n" +
		"NM1*85*2*EXAMPLE TELEHEALTH GROUP*****XX*1234567893~\nN3*100 MAIN STREET~\nN4*SPRINGFIELD*IL*627010001~\n" +
		"REF*EI*123456789~\n"
	claim837Block = "HL*%d*1*22*0~\nSBR*P*18*GRP0001******CI~\nNM1*IL*1*DOE*JANE****MI*MBR%07d~\n" +
		"N3*1 TEST LANE~\nN4*SPRINGFIELD*IL*62701~\nDMG*D8*19800101*F~\nNM1*PR*2*EXAMPLE HEALTH PLAN*****PI*99999~\n" +
		"CLM*PCN%07d*150***10:B:1*Y*A*Y*Y~\nHI*ABK:F411~\nNM1*82*1*SMITH*ALEX****XX*1223344551~\n" +
		"PRV*PE*PXC*2084P0800X~\nLX*1~\nSV1*HC:99213:95*150*UN*1***1~\nDTP*472*D8*20261120~\n"
)

func newSynthetic837(size int) *synthetic837 {
	n := max(size/len(fmt.Sprintf(claim837Block, 2, 0, 0)), 1)
	return &synthetic837{claims: n, trailer: fmt.Sprintf("SE*%d*0001~\nGE*1*101~\nIEA*1*000000101~\n", 11+14*n+1)}
}

func (s *synthetic837) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.stage == 0:
			s.buf, s.stage = append(s.buf, head837...), 1
		case s.stage == 1 && s.next < s.claims:
			s.buf = fmt.Appendf(s.buf[:0], claim837Block, s.next+2, s.next, s.next)
			s.next++
		case s.stage == 1:
			s.buf, s.stage = append(s.buf[:0], s.trailer...), 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// TestSyntheticIsValid: the streaming benchmark's input is a clean 837P.
func TestSyntheticIsValid(t *testing.T) {
	d := NewDecoder(newSynthetic837(20000), nil)
	n := 0
	for _, err := range d.Claims() {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 || d.Set().Findings.Len() != 0 || d.Envelopes().Errors().Len() != 0 {
		t.Fatalf("%d claims, %d guide findings, %d envelope findings", n, d.Set().Findings.Len(), d.Envelopes().Errors().Len())
	}
}

// BenchmarkDecodeStream decodes synthetic 10 MB and 200 MB 837Ps made on the fly (so slower
// than BenchmarkDecode: the figure to read is the peak live heap, which does not grow with
// the file — memory is bounded by a claim, not the transaction set).
func BenchmarkDecodeStream(b *testing.B) {
	for _, mb := range []int{10, 200} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				src := &guidetest.CountingReader{R: newSynthetic837(mb << 20)}
				d := NewDecoder(src, nil)
				heap := guidetest.HeapSampler{Every: 2000}
				for _, err := range d.Claims() {
					if err != nil {
						b.Fatal(err)
					}
					heap.Sample()
				}
				b.SetBytes(src.N)
				peak := heap.Peak
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			}
		})
	}
}
