package remit835

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/x12"
)

// hostileHeapSlack is how much more live heap than a normal file of the same size a hostile
// one may make the Decoder hold: a few MiB, and a unit at the reader's limit with its typed
// claim payment (about 450 bytes a segment: a Segment is 200 bytes in the reader, with its
// item, bytes and text, and the typed value holds what it read).
const hostileHeapSlack = 8<<20 + x12.DefaultMaxUnitSegments*450

// lazy835 is a reader of one 835 made on the fly, so that a test of a large hostile input
// holds none of it: head (ISA to the segments before the repeated part), n blocks, tail, then
// SE with its count and the trailers.
type lazy835 struct {
	head  string
	n     int
	block func(dst []byte, i int) []byte
	tail  string

	buf   []byte
	stage int
	next  int
	segs  int // segments of the set so far, ST included
}

func (l *lazy835) Read(p []byte) (int, error) {
	for len(l.buf) == 0 {
		switch {
		case l.stage == 0:
			l.buf = append(l.buf[:0], l.head...)
			l.segs = strings.Count(l.head[strings.Index(l.head, "ST*"):], "~")
			l.stage = 1
		case l.stage == 1 && l.next < l.n:
			l.buf = l.block(l.buf[:0], l.next)
			l.segs += bytes.Count(l.buf, []byte("~"))
			l.next++
		case l.stage == 1:
			l.segs += strings.Count(l.tail, "~")
			l.buf = fmt.Appendf(append(l.buf[:0], l.tail...), "SE*%d*0001~\nGE*1*201~\nIEA*1*000000201~\n", l.segs+1)
			l.stage = 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// size is about how many bytes l makes.
func (l *lazy835) size() int64 {
	return int64(len(l.head) + l.n*len(l.block(nil, l.n/2)) + len(l.tail) + 60)
}

// heapPeak records the peak live heap, measured after a GC every so many bytes read (through
// sampled) and after the first claim payments: one too large to be held would show as it is
// read.
type heapPeak struct {
	every int64 // bytes between samples
	read  int64
	next  int64
	peak  uint64
}

func (h *heapPeak) sample() {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	h.peak = max(h.peak, ms.HeapAlloc)
}

// sampled reads r, sampling h as it goes.
type sampled struct {
	r io.Reader
	h *heapPeak
}

func (s sampled) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.h.read += int64(n)
	if s.h.read >= s.h.next {
		s.h.sample()
		s.h.next = s.h.read + s.h.every
	}
	return n, err
}

// decodeResult is what decoding a stream gave.
type decodeResult struct {
	claims   int
	lines    []int   // service lines of each claim payment
	errs     []error // errors Next returned (reading went on past them)
	findings []*x12.Error
	peak     uint64 // bytes of live heap at most
	took     time.Duration
}

// found counts the findings and errors of the decode that are sentinel.
func (r *decodeResult) found(sentinel error) (n int) {
	for _, f := range r.findings {
		if errors.Is(f, sentinel) {
			n++
		}
	}
	for _, e := range r.errs {
		if errors.Is(e, sentinel) {
			n++
		}
	}
	return n
}

// decodeSampled decodes every claim payment of src, measuring the peak live heap, and goes
// on past the errors that do not stop reading.
func decodeSampled(t *testing.T, src io.Reader, every int64) *decodeResult {
	t.Helper()
	runtime.GC()
	h := &heapPeak{every: every}
	d := NewDecoder(sampled{src, h})
	r := &decodeResult{}
	d.SetDone = func(_ *Remittance, set *x12.Set) { r.findings = append(r.findings, set.Findings.All()...) }
	start := time.Now()
	for {
		c, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.errs = append(r.errs, err)
			if len(r.errs) > 1 && r.errs[len(r.errs)-2] == err || len(r.errs) > 100 {
				break // an error that stops reading comes again
			}
			continue
		}
		r.claims++
		r.lines = append(r.lines, len(c.Lines))
		if r.claims < 4 || r.claims%2000 == 0 {
			h.sample() // the claim payment and what it was decoded from are live here
			runtime.KeepAlive(c)
		}
	}
	r.took = time.Since(start)
	h.sample()
	r.peak = h.peak
	return r
}

// head835 is the synthetic 835's envelope and header, up to its first LX.
var head835, _, _ = strings.Cut(newSynthetic835(0).parts[0], "LX*1~\n")

// claimStart is the synthetic claim payment up to its service line, line its service line.
var claimStart, line835, _ = strings.Cut(claimTemplate, "SVC*")

func init() { line835 = "SVC*" + line835 }

// normalClaim is a whole claim payment of one line (for the end of a hostile input).
func normalClaim(i int) string { return fmt.Sprintf(claimTemplate, i, i, i) }

// hostile835 is one hostile input of the security review, made on the fly: n is its size in
// blocks (levels, lines or repeated segments).
type hostile835 struct {
	name  string
	n     int
	short int // n under -short
	make  func(n int) *lazy835
	limit error // the finding the reader must report
}

var hostile835s = []hostile835{
	{
		// The 835 has no HL levels: every HL of the chain is a segment the guide does not
		// know, kept where it stands (the header), and counted against MaxSetSegments.
		name: "nested HL chain", n: 20000, short: 20000,
		make: func(n int) *lazy835 {
			return &lazy835{head: head835, n: n, block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, "HL*%d*%d*22*1~\n", i+2, i+1)
			}, tail: "LX*1~\n" + normalClaim(1)}
		},
	},
	{
		// Header numbers (2000, which hold claim payments) that hold none: each stays in the
		// set's tree, without an arena of its own.
		name: "header numbers without claims", n: 20000, short: 20000,
		make: func(n int) *lazy835 {
			return &lazy835{head: head835, n: n, block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, "LX*%d~\n", i+1)
			}, tail: normalClaim(1)}
		},
	},
	{
		// One claim payment of n service lines, and a normal one after it.
		name: "service lines in one claim", n: 1_000_000, short: 200_000, limit: x12.ErrUnitTooLarge,
		make: func(n int) *lazy835 {
			return &lazy835{head: head835 + "LX*1~\n" + fmt.Sprintf(claimStart, 0, 0), n: n, block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, line835, i)
			}, tail: normalClaim(1)}
		},
	},
	{
		// One segment repeated inside a claim payment (a claim adjustment, 30 bytes), the
		// rest of the claim payment after it, and a normal one.
		name: "segment repeated in a claim", n: 5_000_000, short: 1_000_000, limit: x12.ErrUnitTooLarge,
		make: func(n int) *lazy835 {
			clp, rest, _ := strings.Cut(fmt.Sprintf(claimStart, 0, 0), "NM1*QC")
			return &lazy835{head: head835 + "LX*1~\n" + clp, n: n, block: func(dst []byte, i int) []byte {
				return append(dst, "CAS*CO*45*1.00*1*CO*253*0.50~\n"...)
			}, tail: "NM1*QC" + rest + fmt.Sprintf(line835, 0) + normalClaim(1)}
		},
	},
}

// TestHostileInputsBounded decodes each hostile input of the security review (made on the
// fly) and a normal 835 of the same size (at most 16 MB: a normal stream's peak does not grow
// with it): the hostile one must not make the Decoder hold much more, the limit it hit
// must be reported, and the claim payment after it must come whole.
func TestHostileInputsBounded(t *testing.T) {
	for _, hc := range hostile835s {
		t.Run(hc.name, func(t *testing.T) {
			n := hc.n
			if testing.Short() {
				n = hc.short
			}
			size := hc.make(n).size()
			every := max(size/32, 16<<10)
			normal := decodeSampled(t, newSynthetic835(int(min(size, 16<<20))), every)
			require.Empty(t, normal.errs)
			got := decodeSampled(t, hc.make(n), every)
			t.Logf("%s, n=%d, %.1f MB: peak live heap %.1f MiB (normal file: %.1f MiB, %d claims), %d claim payments, lines %v, %d errors, %v",
				hc.name, n, float64(size)/1e6, mib(got.peak), mib(normal.peak), normal.claims, got.claims, got.lines, len(got.errs), got.took.Round(time.Millisecond))
			assert.Less(t, got.peak, normal.peak+hostileHeapSlack, "peak live heap")
			if hc.limit != nil {
				assert.Positive(t, got.found(hc.limit), "the limit is reported")
			}
			require.NotEmpty(t, got.lines)
			assert.Equal(t, 1, got.lines[len(got.lines)-1], "the claim payment after comes whole")
		})
	}
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// TestUnitLimitCutsAnywhere: a claim payment cut short at any segment by MaxUnitSegments
// decodes without a panic, and the cut is reported with it.
func TestUnitLimitCutsAnywhere(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, testEnvelope().WriteGroup(&buf, "HP", Version, encodeEach(Adjudicate(claim837.Generate(12, 3).Claims))))
	var sizes []int // each unit's segments
	sr := x12.NewSetReader(bytes.NewReader(buf.Bytes()))
	sr.Units = []string{"2100"}
	for {
		p, err := sr.NextPart()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if p.Unit != nil {
			n := 0
			p.Unit.Segments(func(*x12.Segment, *x12.SegmentSpec, *x12.Node) bool { n++; return true })
			sizes = append(sizes, n)
		}
	}
	require.Len(t, sizes, 12)
	for limit := 1; limit <= 40; limit++ {
		d := NewDecoder(bytes.NewReader(buf.Bytes()))
		d.Reader().MaxUnitSegments = limit
		claims, cut, errs := 0, 0, 0
		for {
			_, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				errs++
				require.Less(t, errs, 100, "limit %d: %v", limit, err) // not one that stops reading
				if errors.Is(err, x12.ErrUnitTooLarge) {
					cut++
				}
				continue
			}
			claims++
		}
		want := 0
		for _, n := range sizes {
			if n > limit {
				want++
			}
		}
		assert.Equal(t, 12, claims, "limit %d: every claim payment is handed out", limit)
		assert.Equal(t, want, cut, "limit %d: every claim payment over it is cut, and says so", limit)
	}
}
