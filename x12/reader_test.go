package x12

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReaderTolerance(t *testing.T) {
	base := simpleInterchange("")
	want := "ISA GS ST BHT NM1 SE GE IEA"
	tests := []struct {
		name string
		in   string
	}{
		{"plain", base},
		{"LF after terminators", simpleInterchange("\n")},
		{"CRLF after terminators", simpleInterchange("\r\n")},
		{"CR after terminators", simpleInterchange("\r")},
		{"indentation after terminators", simpleInterchange("\n    ")},
		{"byte-order mark", "\xEF\xBB\xBF" + base},
		{"white space before ISA", "\r\n  \t" + base},
		{"newline as terminator", strings.ReplaceAll(base, "~", "\n")},
		{"CRLF as terminator", strings.ReplaceAll(base, "~", "\r\n")},
		{"multibyte terminator", strings.ReplaceAll(base, "~", "…")},
		{"multibyte terminator with LF", strings.ReplaceAll(base, "~", "…\n")},
		{"80-column wrapped", wrap(base, 80)},
		{"lower-case segment IDs", strings.Replace(strings.Replace(base, "BHT*", "bht*", 1), "NM1*", "nm1*", 1)},
		{"no trailing terminator white space", strings.TrimRight(base, "\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, slow := range []bool{false, true} {
				var r *Reader
				if slow {
					r = NewReader(oneByteReader{strings.NewReader(tc.in)})
				} else {
					r = NewReader(strings.NewReader(tc.in))
				}
				var got []string
				for {
					s, err := r.Next()
					if err == io.EOF {
						break
					}
					require.NoError(t, err)
					got = append(got, s.ID())
					if s.ID() == "NM1" {
						assert.Equal(t, "SUBMITTER", s.Value(3))
						assert.Equal(t, "S1", s.Value(9))
					}
				}
				assert.Equal(t, want, strings.Join(got, " "), "one byte at a time: %v", slow)
			}
		})
	}
}

// wrap inserts a line break every n bytes, as 80-column mainframe files do.
func wrap(s string, n int) string {
	var b strings.Builder
	for len(s) > n {
		b.WriteString(s[:n])
		b.WriteByte('\n')
		s = s[n:]
	}
	b.WriteString(s)
	return b.String()
}

func TestReaderDelimitersFromEachISA(t *testing.T) {
	first := simpleInterchange("\n")
	second := strings.NewReplacer("*", "|", ":", ">", "^", "!", "~", "\n").Replace(
		strings.Replace(simpleInterchange(""), "000000001", "000000002", 2))
	third := "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*U*00401*000000003*0*T*:~" +
		"TA1*000000001*261128*1200*A*000~IEA*0*000000003~"
	segs, errs := readAll(t, first+second+third)
	require.Empty(t, errs)
	assert.Equal(t, "ISA GS ST BHT NM1 SE GE IEA ISA GS ST BHT NM1 SE GE IEA ISA TA1 IEA", ids(segs))
	assert.Equal(t, byte('*'), segs[0].Delimiters().Element)
	d := segs[8].Delimiters()
	assert.Equal(t, Delimiters{Element: '|', Component: '>', Repetition: '!', Segment: "\n"}, d)
	assert.Equal(t, "SUBMITTER", segs[12].Value(3))
	assert.Equal(t, byte(0), segs[16].Delimiters().Repetition, "00401 has no repetition separator")
	assert.Equal(t, 3, segs[17].Pos.Interchange)
	assert.Equal(t, 2, segs[17].Pos.Segment)
}

func TestReaderPositions(t *testing.T) {
	in := simpleInterchange("\n")
	segs, errs := readAll(t, in)
	require.Empty(t, errs)
	for i, s := range segs {
		assert.Equal(t, i+1, s.Pos.Segment, s.ID())
		assert.Equal(t, 1, s.Pos.Interchange)
		assert.Equal(t, s.ID(), s.Pos.ID)
		assert.True(t, strings.HasPrefix(in[s.Pos.Offset:], s.ID()), "offset of %s", s.ID())
	}
	// Position inside the transaction set: ST is 1, SE is the count in SE01.
	setPos := map[string]int{"ISA": 0, "GS": 0, "ST": 1, "BHT": 2, "NM1": 3, "SE": 4, "GE": 0, "IEA": 0}
	for _, s := range segs {
		assert.Equal(t, setPos[s.ID()], s.Pos.SetSegment, s.ID())
	}
}

func TestSegmentAccessors(t *testing.T) {
	in := strings.TrimSuffix(testISA('*', '^', ':', "~", "000000001"), "~") + "~" +
		"SV1*HC:99213:95:GT**1*UN*1***1:2~HI*ABK:J069^ABF:R05~NM1*IL~"
	segs, errs := readAll(t, in)
	require.Empty(t, errs)
	sv1, hi, nm1 := segs[1], segs[2], segs[3]

	assert.Equal(t, "SV1", sv1.ID())
	assert.Equal(t, 8, sv1.Len())
	assert.Equal(t, "HC:99213:95:GT", string(sv1.Element(1)))
	assert.Equal(t, "99213", string(sv1.Component(1, 2)))
	assert.Equal(t, "GT", string(sv1.Component(1, 4)))
	assert.Nil(t, sv1.Component(1, 5))
	assert.Equal(t, 4, sv1.Components(1, 1))
	assert.Empty(t, sv1.Element(2))
	assert.False(t, sv1.Has(2))
	assert.True(t, sv1.Has(3))
	assert.Equal(t, "2", string(sv1.Component(8, 2)))
	assert.Nil(t, sv1.Element(9), "past the last element")
	assert.Equal(t, "SV1", string(sv1.Element(0)))

	assert.Equal(t, 2, hi.Repetitions(1))
	assert.Equal(t, "ABF:R05", string(hi.Repetition(1, 2)))
	assert.Equal(t, "R05", string(hi.At(1, 2, 2)))
	assert.Equal(t, "J069", string(hi.At(1, 1, 2)))
	assert.Nil(t, hi.At(1, 3, 1))
	assert.Equal(t, "R05", hi.Text(1, 2, 2))
	assert.Equal(t, "95", sv1.Text(1, 1, 3))
	assert.Empty(t, sv1.Text(1, 1, 5))

	assert.Equal(t, 1, nm1.Len())
	assert.Equal(t, 0, nm1.Repetitions(5))
}

func TestSegmentNeverPrintsData(t *testing.T) {
	s := NewSegment(DefaultDelimiters, "NM1", "IL", "1", "SECRETNAME", "JANE")
	for _, out := range []string{s.String(), fmtAll(s)} {
		assert.NotContains(t, out, "SECRETNAME")
	}
	assert.Contains(t, s.String(), "NM1")
}

func TestReaderBinarySegment(t *testing.T) {
	payload := "ab*c:d~e\nf\r\ng^" // delimiters and line breaks inside binary data
	in := strings.TrimSuffix(testISA('*', '^', ':', "~", "000000001"), "~") + "~\n" +
		"BIN*" + strconv.Itoa(len(payload)) + "*" + payload + "~\nIEA*0*000000001~"
	segs, errs := readAll(t, in)
	require.Empty(t, errs)
	require.Equal(t, "ISA BIN IEA", ids(segs))
	assert.True(t, segs[1].IsBinary())
	assert.Equal(t, payload, string(segs[1].Element(2)))
	assert.Equal(t, payload, string(segs[1].Component(2, 1)))
	assert.Equal(t, 1, segs[1].Repetitions(2))
}

func TestReaderErrors(t *testing.T) {
	isa := testISA('*', '^', ':', "~", "000000001")
	tests := []struct {
		name     string
		in       string
		limit    func(r *Reader)
		sentinel error
		code     string
		segment  int  // the bad segment's index in its interchange
		goesOn   bool // reading continues after the error
		after    string
	}{
		{"no ISA", "GS*HC~", nil, ErrNoISA, "024", 0, false, ""},
		{"short ISA", isa[:60], nil, ErrShortISA, "023", 1, false, ""},
		{"separator off position", strings.Replace(isa, "*00*", "*000", 1) + "GS~", nil, ErrElementSeparator, "026", 1, false, ""},
		{"component equals element", isa[:104] + "*~", nil, ErrComponentSeparator, "027", 1, false, ""},
		{"alphanumeric component", isa[:104] + "A~", nil, ErrComponentSeparator, "027", 1, false, ""},
		{"alphanumeric terminator", isa[:105] + "X", nil, ErrSegmentTerminator, "004", 1, false, ""},
		{"bad segment ID", isa + "1X*A~NM1*B~", nil, ErrSegmentID, "1", 2, true, "ISA NM1"},
		{"segment too long", isa + "NM1*" + strings.Repeat("A", 300) + "~GS*B~",
			func(r *Reader) { r.MaxSegment = 100 }, ErrSegmentTooLong, "8", 2, true, "ISA GS"},
		{"element too long", isa + "NM1*" + strings.Repeat("A", 30) + "~GS*B~",
			func(r *Reader) { r.MaxElement = 10 }, ErrElementTooLong, "5", 2, true, "ISA GS"},
		{"too many elements", isa + "NM1" + strings.Repeat("*A", 30) + "~GS*B~",
			func(r *Reader) { r.MaxElements = 10 }, ErrTooManyElements, "3", 2, true, "ISA GS"},
		{"missing terminator at end", isa + "GS*HC", nil, ErrMissingTerminate, "023", 2, true, "ISA"},
		{"BIN length over limit", isa + "BIN*99*abc~", func(r *Reader) { r.MaxBinary = 10 }, ErrBinaryLength, "8", 2, false, "ISA"},
		{"BIN length wrong", isa + "BIN*2*abc~", nil, ErrBinaryLength, "8", 2, false, "ISA"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tc.in))
			if tc.limit != nil {
				tc.limit(r)
			}
			var got []string
			var firstErr error
			for i := 0; i < 100; i++ {
				s, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					if firstErr == nil {
						firstErr = err
					}
					if r.err != nil {
						break
					}
					continue
				}
				got = append(got, s.ID())
			}
			e := requireX12Error(t, firstErr, tc.sentinel)
			assert.Equal(t, tc.code, e.Code)
			assert.Equal(t, tc.segment, e.Pos.Segment)
			if tc.goesOn {
				assert.Equal(t, tc.after, strings.Join(got, " "))
			}
		})
	}
}

func TestReaderBoundedMemory(t *testing.T) {
	// A stream with no terminator at all must not make the reader buffer it whole.
	isa := testISA('*', '^', ':', "~", "000000001")
	src := io.MultiReader(strings.NewReader(isa+"NM1*"), &repeatReader{b: 'A', n: 50 << 20})
	r := NewReader(src)
	r.MaxSegment = 1 << 20
	_, err := r.Next()
	require.NoError(t, err)
	_, err = r.Next()
	requireX12Error(t, err, ErrSegmentTooLong)
	assert.LessOrEqual(t, cap(r.buf), 2<<20)
}

type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = r.b
	}
	r.n -= n
	return n, nil
}

func TestReaderZeroAllocsSteadyState(t *testing.T) {
	data := generate835(200)
	r := NewReader(strings.NewReader(data))
	// Warm up: buffers and the ID table.
	for i := 0; i < 500; i++ {
		_, err := r.Next()
		require.NoError(t, err)
	}
	allocs := testing.AllocsPerRun(1000, func() {
		s, err := r.Next()
		if err != nil || s.Len() == 0 && s.ID() == "" {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}
