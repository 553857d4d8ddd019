package guidetest

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
	"github.com/x12kit/x12kit/x12"
)

// HostileHeapSlack is how much more live heap than a normal file of the same size a hostile
// one may make a Decoder hold. A unit at the reader's default limit (100 000 segments) is
// about 30 MiB in the reader (a Segment is 200 bytes, with its item, bytes and text) plus
// its typed value.
const HostileHeapSlack = 48 << 20

// Lazy is a reader of one transaction set made on the fly, so that a test of a large hostile
// input holds none of it: Head (ISA to the segments before the repeated part, written with
// the delimiters * ~), N blocks, Tail, then SE with its count, GE and IEA (their control
// numbers those of Head's ST, GS and ISA).
type Lazy struct {
	Head  string
	N     int
	Block func(dst []byte, i int) []byte
	Tail  string

	buf     []byte
	stage   int
	next    int
	segs    int    // segments of the set so far, ST included
	trailer string // SE to IEA, with %d for SE01
}

// Read makes the next bytes of the set.
func (l *Lazy) Read(p []byte) (int, error) {
	for len(l.buf) == 0 {
		switch {
		case l.stage == 0:
			l.buf = append(l.buf[:0], l.Head...)
			l.segs = strings.Count(l.Head[strings.Index(l.Head, "ST*"):], "~")
			l.trailer = "SE*%d*" + element(l.Head, "ST", 2) + "~\nGE*1*" + element(l.Head, "GS", 6) + "~\nIEA*1*" + element(l.Head, "ISA", 13) + "~\n"
			l.stage = 1
		case l.stage == 1 && l.next < l.N:
			l.buf = l.Block(l.buf[:0], l.next)
			l.segs += bytes.Count(l.buf, []byte("~"))
			l.next++
		case l.stage == 1:
			l.segs += strings.Count(l.Tail, "~")
			l.buf = fmt.Appendf(append(l.buf[:0], l.Tail...), l.trailer, l.segs+1)
			l.stage = 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// Size is about how many bytes l makes.
func (l *Lazy) Size() int64 {
	return int64(len(l.Head) + l.N*len(l.Block(nil, l.N/2)) + len(l.Tail) + 60)
}

// element returns element i of the first segment id of data (delimiters * ~), "" if none.
func element(data, id string, i int) string {
	for _, seg := range strings.Split(data, "~") {
		f := strings.Split(strings.TrimSpace(seg), "*")
		if f[0] == id && i < len(f) {
			return f[i]
		}
	}
	return ""
}

// SampledReader reads through CountingReader, sampling Heap each time Every more bytes have
// been read (and at the first read).
type SampledReader struct {
	CountingReader
	Heap  *HeapSampler
	Every int64
	next  int64
}

// Read reads, counting, and samples the heap when Every bytes have passed since the last.
func (s *SampledReader) Read(p []byte) (int, error) {
	n, err := s.CountingReader.Read(p)
	if s.N >= s.next {
		s.Heap.Sample()
		s.next = s.N + s.Every
	}
	return n, err
}

// Sampled is what decoding a stream with DecodeSampled gave.
type Sampled struct {
	Values   int
	Lines    []int   // service lines of each value
	Errs     []error // errors Next returned (reading went on past them)
	Findings []*x12.Error
	Peak     uint64 // bytes of live heap at most
	Took     time.Duration
}

// Found counts the findings and errors of the decode that are sentinel.
func (r *Sampled) Found(sentinel error) (n int) {
	for _, f := range r.Findings {
		if errors.Is(f, sentinel) {
			n++
		}
	}
	for _, e := range r.Errs {
		if errors.Is(e, sentinel) {
			n++
		}
	}
	return n
}

// DecodeSampled decodes every value of src with the decoder open makes of it (next, and
// findings: the findings of the sets read, asked for after the loop), measuring the peak live
// heap after a GC every so many bytes read and after the first values (a value too large to
// be held would show as it is read), and goes on past errors that do not stop reading (an
// error that does comes again). lines gives a value's service lines.
func DecodeSampled[T any](src io.Reader, every int64, open func(io.Reader) (next func() (T, error), findings func() []*x12.Error), lines func(T) int) *Sampled {
	runtime.GC()
	h := &HeapSampler{Every: 1}
	next, findings := open(&SampledReader{CountingReader: CountingReader{R: src}, Heap: h, Every: every})
	r := &Sampled{}
	start := time.Now()
	for {
		v, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.Errs = append(r.Errs, err)
			if len(r.Errs) > 1 && r.Errs[len(r.Errs)-2] == err || len(r.Errs) > 100 {
				break // an error that stops reading comes again
			}
			continue
		}
		r.Values++
		r.Lines = append(r.Lines, lines(v))
		if r.Values < 4 || r.Values%2000 == 0 {
			h.Sample() // the value and what it was decoded from are live here
			runtime.KeepAlive(v)
		}
	}
	r.Took = time.Since(start)
	r.Findings = findings()
	h.Sample()
	r.Peak = h.Peak
	return r
}

// Hostile is one hostile input of the security review, made on the fly: N is its size in
// blocks (levels, lines or repeated segments).
type Hostile struct {
	Name  string
	N     int
	Short int // N under -short
	Make  func(n int) *Lazy
	Limit error // the finding the reader must report
}

// CheckHostile decodes each hostile input (made on the fly) and a normal file of the same
// size (at most 16 MB: a normal stream's peak does not grow with it) with decode: the hostile
// one must not make the decoder hold much more (HostileHeapSlack), the limit it hit must be
// reported, and the value (noun, say "claim") after it must come whole, of one line.
func CheckHostile(t *testing.T, cases []Hostile, noun string, normal func(size int) io.Reader, decode func(src io.Reader, every int64) *Sampled) {
	for _, hc := range cases {
		t.Run(hc.Name, func(t *testing.T) {
			n := hc.N
			if testing.Short() {
				n = hc.Short
			}
			size := hc.Make(n).Size()
			every := max(size/32, 16<<10)
			norm := decode(normal(int(min(size, 16<<20))), every)
			require.Empty(t, norm.Errs)
			got := decode(hc.Make(n), every)
			t.Logf("%s, n=%d, %.1f MB: peak live heap %.1f MiB (normal file: %.1f MiB, %d %ss), %d %ss, lines %v, %d errors, %v",
				hc.Name, n, float64(size)/1e6, mib(got.Peak), mib(norm.Peak), norm.Values, noun, got.Values, noun, got.Lines, len(got.Errs), got.Took.Round(time.Millisecond))
			assert.Less(t, got.Peak, norm.Peak+HostileHeapSlack, "peak live heap")
			if hc.Limit != nil {
				assert.Positive(t, got.Found(hc.Limit), "the limit is reported")
			}
			require.NotEmpty(t, got.Lines)
			assert.Equal(t, 1, got.Lines[len(got.Lines)-1], "the %s after comes whole", noun)
		})
	}
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// UnitSizes returns how many segments each unit (a loop unit, read as x12.SetReader.Units)
// of data holds.
func UnitSizes(t testing.TB, data []byte, unit string) []int {
	t.Helper()
	var sizes []int
	sr := x12.NewSetReader(bytes.NewReader(data))
	sr.Units = []string{unit}
	for {
		p, err := sr.NextPart()
		if err == io.EOF {
			return sizes
		}
		require.NoError(t, err)
		if p.Unit != nil {
			n := 0
			p.Unit.Segments(func(*x12.Segment, *x12.SegmentSpec, *x12.Node) bool { n++; return true })
			sizes = append(sizes, n)
		}
	}
}

// CheckUnitLimitCuts decodes data (units values, each a loop unit) with the reader's
// MaxUnitSegments at every limit from 1 to 40 (open makes the decoder): every value (noun,
// say "claim") is handed out, none panics, and every one over the limit is cut and says so
// with an error wrapping x12.ErrUnitTooLarge, each an error that does not stop reading.
func CheckUnitLimitCuts[T any](t *testing.T, data []byte, unit string, units int, noun string, open func(r io.Reader, limit int) (next func() (T, error))) {
	t.Helper()
	sizes := UnitSizes(t, data, unit)
	require.Len(t, sizes, units)
	for limit := 1; limit <= 40; limit++ {
		next := open(bytes.NewReader(data), limit)
		values, cut, errs := 0, 0, 0
		for {
			_, err := next()
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
			values++
		}
		want := 0
		for _, n := range sizes {
			if n > limit {
				want++
			}
		}
		assert.Equal(t, units, values, "limit %d: every %s is handed out", limit, noun)
		assert.Equal(t, want, cut, "limit %d: every %s over it is cut, and says so", limit, noun)
	}
}
