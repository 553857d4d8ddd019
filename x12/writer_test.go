package x12

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriterTrimsAndKeeps(t *testing.T) {
	tests := []struct {
		name string
		id   string
		el   []Element
		want string
	}{
		{"trailing empty elements", "NM1", []Element{E("IL"), E("1"), E("DOE"), E(""), E("")}, "NM1*IL*1*DOE~"},
		{"empty middle elements kept", "CLM", []Element{E("A1"), E("150"), E(""), E(""), C("11", "B", "1")}, "CLM*A1*150***11:B:1~"},
		{"trailing empty components", "SV1", []Element{C("HC", "99213", "95", "", ""), E("100")}, "SV1*HC:99213:95*100~"},
		{"empty middle components kept", "SV1", []Element{C("HC", "99213", "", "GT")}, "SV1*HC:99213::GT~"},
		{"repetitions", "HI", []Element{R(C("ABK", "J069"), C("ABF", "R05"), C("", ""))}, "HI*ABK:J069^ABF:R05~"},
		{"all empty", "DTP", []Element{E(""), C("", "")}, "DTP~"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w := NewWriter(&b)
			require.NoError(t, w.Write(tc.id, tc.el...))
			require.NoError(t, w.Flush())
			assert.Equal(t, tc.want, b.String())
		})
	}
}

func TestWriterRefusesDelimitersWithPosition(t *testing.T) {
	tests := []struct {
		name            string
		d               Delimiters
		el              []Element
		elem, rep, comp int
	}{
		{"element separator", DefaultDelimiters, []Element{E("A"), E("B*C")}, 2, 0, 0},
		{"component separator", DefaultDelimiters, []Element{C("HC", "9:9")}, 1, 0, 2},
		{"repetition separator", DefaultDelimiters, []Element{E("A^B")}, 1, 0, 0},
		{"terminator", DefaultDelimiters, []Element{E("x"), E(""), E("A~")}, 3, 0, 0},
		{"line break", DefaultDelimiters, []Element{E("A\nB")}, 1, 0, 0},
		{"inside a repetition", DefaultDelimiters, []Element{R(C("A", "B"), C("C", "D*"))}, 1, 2, 2},
		{"multibyte terminator", Delimiters{'*', ':', '^', "…"}, []Element{E("SEE…")}, 1, 0, 0},
		{"chosen delimiters", Delimiters{'|', '>', '!', "~"}, []Element{E("HELLO!")}, 1, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w := NewWriter(&b)
			w.Delimiters = tc.d
			require.NoError(t, w.WriteStrings("ST", "837", "0001"))
			err := w.Write("NM1", tc.el...)
			e := requireX12Error(t, err, ErrDelimiterInData)
			assert.Equal(t, 2, e.Pos.Segment)
			assert.Equal(t, "NM1", e.Pos.ID)
			assert.Equal(t, tc.elem, e.Pos.Element)
			assert.Equal(t, tc.rep, e.Pos.Repetition)
			assert.Equal(t, tc.comp, e.Pos.Component)
			assert.Equal(t, "6", e.Code)
			// Sticky: every later call returns the same error.
			assert.Same(t, err, w.WriteStrings("SE", "2", "0001"))
			assert.Same(t, err, w.Flush())
		})
	}
}

func TestWriterRejectsBadDelimitersAndIDs(t *testing.T) {
	w := NewWriter(io.Discard)
	w.Delimiters = Delimiters{'*', '*', '^', "~"}
	assert.ErrorIs(t, w.WriteStrings("NM1", "A"), ErrDelimiters)

	w = NewWriter(io.Discard)
	assert.ErrorIs(t, w.WriteStrings("nm1*", "A"), ErrSegmentID)
}

func TestWriterNewline(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Newline = true
	require.NoError(t, w.WriteStrings("LX", "1"))
	require.NoError(t, w.WriteStrings("LX", "2"))
	require.NoError(t, w.Flush())
	assert.Equal(t, "LX*1~\nLX*2~\n", b.String())
	assert.Equal(t, 2, w.Count())
}

// TestRoundTrip: reading what the writer wrote gives back the same segments, whatever the
// delimiters, and re-writing read segments with other delimiters is lossless.
func TestRoundTrip(t *testing.T) {
	src := generate835(20)
	segs, errs := readAll(t, src)
	require.Empty(t, errs)
	for _, d := range []Delimiters{
		DefaultDelimiters,
		{'|', '>', '!', "\n"},
		{'*', '>', '^', "…"},
		{'^', '\\', '`', "'"},
	} {
		var b bytes.Buffer
		w := NewWriter(&b)
		w.Delimiters = d
		for _, s := range segs {
			require.NoError(t, w.WriteSegment(s))
		}
		require.NoError(t, w.Flush())
		back, errs := readAll(t, b.String())
		require.Empty(t, errs)
		require.Len(t, back, len(segs))
		for i := range segs {
			require.Equal(t, segs[i].ID(), back[i].ID())
			require.Equal(t, segs[i].Len(), back[i].Len(), segs[i].ID())
			for n := 1; n <= segs[i].Len(); n++ {
				if segs[i].ID() == "ISA" && (n == 11 || n == 16) {
					continue
				}
				require.Equal(t, string(segs[i].Element(n)), strings.NewReplacer(
					string(d.Component), ":", string(d.Repetition), "^").Replace(string(back[i].Element(n))),
					"%s%02d", segs[i].ID(), n)
			}
		}
		assert.Equal(t, d, back[0].Delimiters())
	}
}

func TestWriterIOErrorIsSticky(t *testing.T) {
	w := NewWriter(failingWriter{})
	for i := 0; i < 10000; i++ {
		if err := w.WriteStrings("LX", "1"); err != nil {
			break
		}
	}
	err := w.Flush()
	require.Error(t, err)
	assert.True(t, errors.Is(err, errFailing))
	assert.ErrorIs(t, w.WriteStrings("LX", "1"), errFailing)
}

var errFailing = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errFailing }

func TestAppendRedacted(t *testing.T) {
	segs, errs := readAll(t, testISA('*', '^', ':', "~", "000000001")+
		"NM1*IL*1*DOE*JANE*Q***MI*XYZ000000001~DMG*D8*19800101*F~N3*1 TEST LANE~HI*ABK:F411~")
	require.Empty(t, errs)
	var got []string
	for _, s := range segs[1:] {
		got = append(got, string(AppendRedacted(nil, s, DefaultPHI.Has)))
	}
	assert.Equal(t, []string{
		"NM1*IL*1*XXX*XXXX*X***MI*XXX999999999",
		"DMG*D8*99999999*F",
		"N3*9 XXXX XXXX",
		"HI*ABK:F411",
	}, got)
}

// TestWriterClean: the Writer's table-driven scan refuses exactly what containsDelimiter
// finds, whatever the delimiters (a multibyte terminator, none for repetition, a line
// break as terminator) and wherever the delimiter stands.
func TestWriterClean(t *testing.T) {
	alphabet := []string{"A", "1", " ", "*", ":", "^", "~", "|", "\r", "\n", "é", "\u2028", "\xe2", "!"}
	for _, d := range []Delimiters{
		DefaultDelimiters,
		{Element: '|', Component: '!', Segment: "\u2028"},
		{Element: '*', Component: ':', Repetition: '^', Segment: "\n"},
	} {
		w := NewWriter(io.Discard)
		w.Delimiters = d
		_, err := w.delims()
		require.NoError(t, err)
		// Every string of up to three symbols of the alphabet.
		var walk func(v string, depth int)
		walk = func(v string, depth int) {
			require.Equal(t, d.containsDelimiter(v) < 0, w.clean(v), "%q with %q", v, d.Segment)
			if depth < 3 {
				for _, a := range alphabet {
					walk(v+a, depth+1)
				}
			}
		}
		walk("", 0)
	}
}
