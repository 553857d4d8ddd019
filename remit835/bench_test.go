package remit835

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// synthetic835 is a reader of one valid, balanced 835 of about size bytes, produced on the fly
// (nothing of it held in memory beyond one claim), so that streaming can be measured on
// files larger than memory budgets.
type synthetic835 struct {
	parts  []string // header, then the claim template, then the trailer
	claims int
	next   int // claims produced
	buf    []byte
	stage  int
}

const claimTemplate = "CLP*PCN%08d*1*150*80*20*12*ACME%010d*10*1~\n" +
	"NM1*QC*1*DOE*JANE****MI*XYZ000000001~\n" +
	"NM1*82*1*SMITH*ALEX****XX*1223344551~\n" +
	"MOA***MA01~\n" +
	"DTM*050*20260115~\n" +
	"SVC*HC:99213:95*150*80**1~\n" +
	"DTM*472*20260114~\n" +
	"CAS*CO*45*50~\n" +
	"CAS*PR*3*20~\n" +
	"REF*6R*LINE%08d~\n" +
	"AMT*B6*100~\n"

func newSynthetic835(size int) *synthetic835 {
	one := len(fmt.Sprintf(claimTemplate, 0, 0, 0))
	n := max(size/one, 1)
	segs := 4 + 8 + 1 + n*11 + 1 // ST..DTM, 1000A/B, LX, claims, SE
	paid := x12.Dollars(80) * x12.Amount(n)
	header := "ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*TELECLINIC     *260210*0900*^*00501*000000201*0*T*:~\n" +
		"GS*HP*ACMEHEALTH*TELECLINIC*20260210*0900*201*X*005010X221A1~\n" +
		"ST*835*0001~\n" +
		"BPR*I*" + paid.X12() + "*C*ACH*CCP*01*999999992*DA*123456789*1999999999**01*071000013*DA*987654321*20260212~\n" +
		"TRN*1*EFT20260212001*1999999999~\n" +
		"DTM*405*20260210~\n" +
		"N1*PR*ACME HEALTH PLAN~\nN3*PO BOX 1000~\nN4*SPRINGFIELD*IL*627010000~\n" +
		"PER*BL*EDI SUPPORT*TE*8005550101~\n" +
		"N1*PE*EXAMPLE TELEHEALTH GROUP*XX*1234567893~\nN3*100 MAIN STREET~\nN4*SPRINGFIELD*IL*627010001~\n" +
		"REF*TJ*123456789~\n" +
		"LX*1~\n"
	trailer := fmt.Sprintf("SE*%d*0001~\nGE*1*201~\nIEA*1*000000201~\n", segs)
	return &synthetic835{parts: []string{header, "", trailer}, claims: n}
}

func (s *synthetic835) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.stage == 0:
			s.buf = append(s.buf, s.parts[0]...)
			s.stage = 1
		case s.stage == 1 && s.next < s.claims:
			s.buf = fmt.Appendf(s.buf[:0], claimTemplate, s.next, s.next, s.next)
			s.next++
		case s.stage == 1:
			s.buf = append(s.buf[:0], s.parts[2]...)
			s.stage = 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// TestSyntheticIsValid: the benchmark input is a clean, balanced 835.
func TestSyntheticIsValid(t *testing.T) {
	var b bytes.Buffer
	_, err := io.Copy(&b, newSynthetic835(20000))
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
	d := NewDecoder(bytes.NewReader(b.Bytes()))
	var findings int
	d.SetDone = func(_ *Remittance, set *x12.Set) { findings = set.Findings.Len() }
	for _, err := range d.All() {
		if err != nil {
			t.Fatal(err)
		}
	}
	if findings != 0 {
		t.Fatalf("%d guide findings", findings)
	}
}

// adjudicated835 is an 835 of about 8 MB whose claim payments vary as a payer's do: the
// Adjudicator's answer to Generate's claims — several payers and sets; patients, providers,
// procedures and amounts that differ; denials with their reasons and remarks. It is made
// for each benchmark and not kept, so that it does not count in the streams' peak heap.
func adjudicated835() ([]byte, error) {
	var out bytes.Buffer
	err := testEnvelope().WriteGroup(&out, "HP", Version, encodeEach(Adjudicate(claim837.Generate(40000, 7).Claims)))
	return out.Bytes(), err
}

// BenchmarkDecode streams typed claim payments from an in-memory 835 (adjudicated835),
// validating every element against the guide as it goes or only its structure; and from
// synthetic 10 MB and 200 MB streams (made on the fly, so slower: the figure to read there is
// the peak live heap, which does not grow with the file).
func BenchmarkDecode(b *testing.B) {
	data, err := adjudicated835()
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range guidetest.ReadModes {
		b.Run("8MB-"+mode.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d := NewDecoder(bytes.NewReader(data))
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
				src := newSynthetic835(mb << 20)
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
			for c, err := range NewDecoder(bytes.NewReader(data)).All() {
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
	peak = decodeAll(b, NewDecoder(cr), sample)
	return cr.N, peak
}

func decodeAll(b *testing.B, d *Decoder, sample int) (peak uint64) {
	heap := guidetest.HeapSampler{Every: sample}
	for c, err := range d.All() {
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
