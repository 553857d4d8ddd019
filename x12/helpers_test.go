package x12

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testISA returns an ISA (terminator included) built with the given delimiters.
func testISA(elem, rep, comp byte, term string, control string) string {
	e := string(elem)
	return "ISA" + e + "00" + e + "          " + e + "00" + e + "          " + e + "ZZ" + e +
		"SENDER         " + e + "ZZ" + e + "RECEIVER       " + e + "261128" + e + "1200" + e +
		string(rep) + e + "00501" + e + control + e + "0" + e + "T" + e + string(comp) + term
}

// simpleInterchange is a small valid interchange with default delimiters: one group, one set
// of four segments.
func simpleInterchange(sep string) string {
	segs := []string{
		strings.TrimSuffix(testISA('*', '^', ':', "~", "000000001"), "~"),
		"GS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1",
		"ST*837*0001*005010X222A1",
		"BHT*0019*00*0123*20261128*1200*CH",
		"NM1*41*2*SUBMITTER*****46*S1",
		"SE*4*0001",
		"GE*1*1",
		"IEA*1*000000001",
	}
	return strings.Join(segs, "~"+sep) + "~" + sep
}

// readAll reads every segment (cloned) and every error.
func readAll(t testing.TB, in string) ([]*Segment, []error) {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	var segs []*Segment
	var errs []error
	for i := 0; i < 100000; i++ {
		s, err := r.Next()
		if err == io.EOF {
			return segs, errs
		}
		if err != nil {
			errs = append(errs, err)
			if r.err != nil {
				return segs, errs
			}
			continue
		}
		segs = append(segs, s.Clone())
	}
	t.Fatal("reader did not end")
	return nil, nil
}

func ids(segs []*Segment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.ID())
	}
	return b.String()
}

// oneByteReader returns one byte per Read, to exercise buffer boundaries.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

var fixedClock = func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }

func requireX12Error(t *testing.T, err error, sentinel error) *Error {
	t.Helper()
	require.Error(t, err)
	require.True(t, errors.Is(err, sentinel), "want %v, got %v", sentinel, err)
	var e *Error
	require.True(t, errors.As(err, &e))
	return e
}

var _ = bytes.Equal
