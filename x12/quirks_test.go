package x12

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quirkFile reads a file of testdata/quirks.
func quirkFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "quirks", name))
	require.NoError(t, err)
	return string(b)
}

// readWarnings reads in to the end, one byte at a time when slow, and returns clones of the
// segments, the warnings the Reader gave with them and the errors it returned.
func readWarnings(t *testing.T, in string, strict, slow bool) (segs []*Segment, warns []*Error, errs []error) {
	t.Helper()
	var src io.Reader = strings.NewReader(in)
	if slow {
		src = oneByteReader{src}
	}
	r := NewReader(src)
	r.Strict = strict
	for i := 0; i < 10000; i++ {
		s, err := r.Next()
		if err == io.EOF {
			return segs, warns, errs
		}
		if err != nil {
			require.Nil(t, r.Warnings(), "warnings with an error")
			errs = append(errs, err)
			if r.Err() != nil {
				return segs, warns, errs
			}
			continue
		}
		segs = append(segs, s.Clone())
		warns = append(warns, r.Warnings()...)
		if len(r.Warnings()) > 0 {
			require.Contains(t, []string{"ISA", "IEA"}, s.ID(), "warnings only with the ISA or the IEA")
		}
	}
	t.Fatal("reader does not end")
	return
}

// sameValues asserts that quirky holds the values of clean: every element, repetition and
// component of every segment (trimmed for the ISA, whose delimiter elements 11 and 16 are
// left out). When quirky has no repetition separator, an element with several repetitions
// in clean is compared as its raw text, clean's component separator made quirky's.
func sameValues(t *testing.T, clean, quirky []*Segment) {
	t.Helper()
	require.Equal(t, len(clean), len(quirky), "segment count")
	for i, c := range clean {
		q := quirky[i]
		require.Equal(t, c.ID(), q.ID(), "segment %d", i+1)
		if c.ID() == "ISA" {
			require.Equal(t, 16, q.Len())
			for n := 1; n <= 15; n++ {
				if n != 11 {
					assert.Equal(t, strings.TrimRight(c.Value(n), " "), strings.TrimRight(q.Value(n), " "), "ISA%02d", n)
				}
			}
			continue
		}
		require.Equal(t, c.Len(), q.Len(), "%s elements", c.ID())
		dc, dq := c.Delimiters(), q.Delimiters()
		for n := 1; n <= c.Len(); n++ {
			if dq.Repetition == 0 && c.Repetitions(n) > 1 {
				want := strings.ReplaceAll(string(c.Element(n)), string([]byte{dc.Component}), string([]byte{dq.Component}))
				assert.Equal(t, want, string(q.Element(n)), "%s%02d raw", c.ID(), n)
				continue
			}
			require.Equal(t, c.Repetitions(n), q.Repetitions(n), "%s%02d repetitions", c.ID(), n)
			for rep := 1; rep <= c.Repetitions(n); rep++ {
				require.Equal(t, c.Components(n, rep), q.Components(n, rep), "%s%02d components", c.ID(), n)
				for k := 1; k <= c.Components(n, rep); k++ {
					assert.Equal(t, c.Text(n, rep, k), q.Text(n, rep, k), "%s%02d-%d-%d", c.ID(), n, rep, k)
				}
			}
		}
	}
}

func TestReaderQuirks(t *testing.T) {
	base := quirkFile(t, "base.x12")
	tests := []struct {
		name     string
		in       string
		sentinel error
		code     string
		element  int // the ISA element the warning concerns
		iea      bool
		delims   Delimiters
	}{
		{"legacy repetition U in 00501", quirkFile(t, "legacy_repetition.x12"), ErrLegacyRepetition, "024", 11, false,
			Delimiters{Element: '*', Component: ':', Segment: "~"}},
		{"legacy repetition space in 00501", strings.Replace(base, "*^*00501*", "* *00501*", 1), ErrLegacyRepetition, "024", 11, false,
			Delimiters{Element: '*', Component: ':', Segment: "~"}},
		{"repetition equals component", quirkFile(t, "repetition_component.x12"), ErrRepetitionComponent, "027", 11, false,
			Delimiters{Element: '*', Component: '^', Segment: "~"}},
		{"unpadded ISA", quirkFile(t, "unpadded.x12"), ErrUnpaddedISA, "024", 0, false,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"partly padded ISA", strings.Replace(base, "*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *",
			"* *00* *ZZ*SUBMITTER01 *ZZ*RECEIVER01 *", 1), ErrUnpaddedISA, "024", 0, false,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"unpadded ISA, newline terminator", strings.ReplaceAll(quirkFile(t, "unpadded.x12"), "~\n", "\r\n"), ErrUnpaddedISA, "024", 0, false,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "\n"}},
		{"unpadded ISA, over-padded", strings.Replace(base, "*T*:~", "*T    *:~", 1), ErrUnpaddedISA, "024", 0, false,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"two-byte ISA16", quirkFile(t, "multibyte_component.x12"), ErrMultibyteComponent, "027", 16, false,
			Delimiters{Element: '*', Component: 0xA6, Repetition: '^', Segment: "~"}},
		{"two-byte ISA16, terminator !", strings.ReplaceAll(quirkFile(t, "multibyte_component.x12"), "~", "!"), ErrMultibyteComponent, "027", 16, false,
			Delimiters{Element: '*', Component: 0xA6, Repetition: '^', Segment: "!"}},
		{"two-byte ISA16 from 0xE9", strings.ReplaceAll(quirkFile(t, "multibyte_component.x12"), "¦", "é"), ErrMultibyteComponent, "027", 16, false,
			Delimiters{Element: '*', Component: 0xE9, Repetition: '^', Segment: "~"}},
		{"IEA without terminator", quirkFile(t, "no_final_terminator.x12"), ErrNoFinalTerminator, "023", 0, true,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"IEA without terminator at EOF", strings.TrimSuffix(base, "~\n"), ErrNoFinalTerminator, "023", 0, true,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"IEA without terminator, white space after", strings.TrimSuffix(base, "~\n") + " \t\r\n\r\n  ", ErrNoFinalTerminator, "023", 0, true,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"IEA without newline terminator", strings.TrimSuffix(strings.ReplaceAll(base, "~\n", "\r\n"), "\r\n"), ErrNoFinalTerminator, "023", 0, true,
			Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "\n"}},
	}
	clean, warns, errs := readWarnings(t, base, false, false)
	require.Empty(t, errs)
	require.Empty(t, warns)
	require.Len(t, clean, 13)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inputs := []string{tc.in}
			if tc.delims.Segment != "\n" { // wrapped: line breaks inside segments
				inputs = append(inputs, wrap(tc.in, 79))
			}
			if tc.sentinel == ErrMultibyteComponent { // a line break inside ISA16
				inputs = append(inputs, wrap(tc.in, 105))
			}
			for _, in := range inputs {
				for _, slow := range []bool{false, true} {
					for _, strict := range []bool{false, true} {
						segs, warns, errs := readWarnings(t, in, strict, slow)
						require.Empty(t, errs)
						sameValues(t, clean, segs)
						for _, s := range segs {
							assert.Equal(t, tc.delims, s.Delimiters(), s.ID())
						}
						require.Len(t, warns, 1)
						w := warns[0]
						assert.True(t, errors.Is(w, tc.sentinel), "want %v, got %v", tc.sentinel, w)
						assert.Equal(t, LevelInterchange, w.Level)
						assert.Equal(t, tc.code, w.Code)
						want := Position{Offset: 0, Interchange: 1, Segment: 1, ID: "ISA", Element: tc.element}
						if tc.iea {
							want = Position{Offset: segs[12].Pos.Offset, Interchange: 1, Segment: 13, ID: "IEA"}
							if in == tc.in {
								assert.Equal(t, int64(strings.LastIndex(in, "IEA")), want.Offset)
							}
						}
						assert.Equal(t, want, w.Pos)
						if strict {
							assert.Equal(t, SeverityError, w.Severity)
							assert.False(t, IsWarning(w))
						} else {
							assert.Equal(t, SeverityWarning, w.Severity)
							assert.True(t, IsWarning(w))
						}
					}
				}
			}
		})
	}
}

func TestReaderQuirksCombined(t *testing.T) {
	base := quirkFile(t, "base.x12")
	clean, _, _ := readWarnings(t, base, false, false)
	tests := []struct {
		name      string
		in        string
		sentinels []error // in the order reported
		elements  []int
	}{
		{"unpadded, legacy U", strings.Replace(quirkFile(t, "unpadded.x12"), "*^*00501*", "*U*00501*", 1),
			[]error{ErrUnpaddedISA, ErrLegacyRepetition}, []int{0, 11}},
		{"unpadded, empty ISA11", strings.Replace(quirkFile(t, "unpadded.x12"), "*^*00501*", "**00501*", 1),
			[]error{ErrUnpaddedISA, ErrLegacyRepetition}, []int{0, 11}},
		{"unpadded, two-byte ISA16", strings.ReplaceAll(strings.Replace(quirkFile(t, "unpadded.x12"), "*T*:~", "*T*¦~", 1), ":", "¦"),
			[]error{ErrUnpaddedISA, ErrMultibyteComponent}, []int{0, 16}},
		{"legacy U, two-byte ISA16", strings.Replace(quirkFile(t, "multibyte_component.x12"), "*^*00501*", "*U*00501*", 1),
			[]error{ErrLegacyRepetition, ErrMultibyteComponent}, []int{11, 16}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs, warns, errs := readWarnings(t, tc.in, false, false)
			require.Empty(t, errs)
			sameValues(t, clean, segs)
			require.Len(t, warns, len(tc.sentinels))
			for i, w := range warns {
				assert.True(t, errors.Is(w, tc.sentinels[i]), "want %v, got %v", tc.sentinels[i], w)
				assert.Equal(t, tc.elements[i], w.Pos.Element)
				assert.Equal(t, "ISA", w.Pos.ID)
				assert.Equal(t, SeverityWarning, w.Severity)
			}
		})
	}
}

// The warnings hold only for the segment they came with, and each interchange's delimiters
// and quirks are its own.
func TestReaderWarningsPerSegment(t *testing.T) {
	in := quirkFile(t, "multibyte_component.x12") + quirkFile(t, "base.x12") + quirkFile(t, "no_final_terminator.x12")
	r := NewReader(strings.NewReader(in))
	var got []string
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		for _, w := range r.Warnings() {
			got = append(got, s.ID()+" "+w.Code)
			assert.Equal(t, s.Pos.Interchange, w.Pos.Interchange)
		}
		if s.ID() == "SV1" {
			assert.Equal(t, "99213", s.Text(1, 1, 2))
		}
	}
	assert.Equal(t, []string{"ISA 027", "IEA 023"}, got)
	assert.Nil(t, r.Warnings(), "none after io.EOF")
}

func TestReaderTruncatedIsNotTolerated(t *testing.T) {
	base := quirkFile(t, "base.x12")
	tests := []struct {
		name    string
		in      string
		segment int
	}{
		{"cut inside SE", base[:strings.Index(base, "SE*")+6], 11},
		{"GE without terminator", base[:strings.Index(base, "GE*")+8], 12},
		{"GE without terminator, newline after", base[:strings.Index(base, "GE*")+8] + "\r\n", 12},
		{"IEA cut in its ID", base[:strings.Index(base, "IEA*")+2], 13},
		{"not IEA: IEAX", strings.Replace(strings.TrimSuffix(base, "~\n"), "IEA*", "IEAX*", 1), 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, slow := range []bool{false, true} {
				_, warns, errs := readWarnings(t, tc.in, false, slow)
				assert.Empty(t, warns)
				require.Len(t, errs, 1)
				e := requireX12Error(t, errs[0], ErrMissingTerminate)
				assert.Equal(t, "023", e.Code)
				assert.Equal(t, tc.segment, e.Pos.Segment)
				assert.Equal(t, SeverityError, e.Severity)
			}
		})
	}
}

func TestReaderUnusableDelimiters(t *testing.T) {
	isa := testISA('*', '^', ':', "~", "000000001")
	unpadded := "ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261128*1200*^*00501*000000001*0*T*"
	tests := []struct {
		name     string
		in       string
		sentinel error // besides ErrDelimiterUnusable
		code     string
	}{
		{"NUL ISA16", isa[:104] + "\x00~GS*HC~", ErrComponentSeparator, "027"},
		{"NUL element separator", testISA(0, '^', ':', "~", "000000001") + "GS\x00HC~", ErrElementSeparator, "026"},
		{"NUL terminator", isa[:105] + "\x00GS*HC\x00", ErrSegmentTerminator, "004"},
		{"NUL ISA16, unpadded", unpadded + "\x00~GS*HC~", ErrComponentSeparator, "027"},
		{"NUL terminator, unpadded", unpadded + ":\x00GS*HC\x00", ErrSegmentTerminator, "004"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs, _, errs := readWarnings(t, tc.in, false, false)
			assert.Empty(t, segs)
			require.Len(t, errs, 1)
			e := requireX12Error(t, errs[0], ErrDelimiterUnusable)
			assert.True(t, errors.Is(e, tc.sentinel))
			assert.Equal(t, tc.code, e.Code)
			assert.Equal(t, 1, e.Pos.Segment)
			assert.Equal(t, LevelInterchange, e.Level)

			if !strings.Contains(tc.name, "unpadded") {
				_, err := ParseISA([]byte(tc.in))
				assert.True(t, errors.Is(err, ErrDelimiterUnusable), "ParseISA: %v", err)
				assert.True(t, errors.Is(err, tc.sentinel), "ParseISA: %v", err)
			}
		})
	}
}

func TestReaderUnpaddedISAErrors(t *testing.T) {
	unpadded := "ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261128*1200*^*00501*000000001*0*T*"
	tests := []struct {
		name     string
		in       string
		sentinel error
		code     string
	}{
		{"fifteen separators", strings.Replace(unpadded, "*0*T*", "*0T*", 1) + ":~GS~", ErrShortISA, "023"},
		{"fifteen separators, then more segments", strings.Replace(unpadded, "*0*T*", "*0T*", 1) + ":~GS*HC*" + strings.Repeat("X", 100) + "~", ErrElementSeparator, "026"},
		{"letter ISA16", unpadded + "A~GS*HC~", ErrShortISA, "023"},
		{"no terminator", unpadded + ":", ErrShortISA, "023"},
		{"longer than 200 bytes", strings.Replace(unpadded, "*SENDER*", "*"+strings.Repeat("S", 200)+"*", 1) + ":~", ErrElementSeparator, "026"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs, _, errs := readWarnings(t, tc.in, false, false)
			assert.Empty(t, segs)
			require.Len(t, errs, 1)
			e := requireX12Error(t, errs[0], tc.sentinel)
			assert.Equal(t, tc.code, e.Code)
			assert.Equal(t, 1, e.Pos.Segment)
		})
	}
}

func TestParseISAQuirks(t *testing.T) {
	isa := testISA('*', '^', ':', "~", "000000001")
	tests := []struct {
		name      string
		in        string
		sentinels []error
		want      Delimiters
	}{
		{"clean", isa, nil, Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}},
		{"00401 with U", strings.Replace(testISA('*', 'U', ':', "~", "000000001"), "00501", "00401", 1), nil,
			Delimiters{Element: '*', Component: ':', Segment: "~"}},
		{"legacy U in 00501", testISA('*', 'U', ':', "~", "000000001"), []error{ErrLegacyRepetition},
			Delimiters{Element: '*', Component: ':', Segment: "~"}},
		{"NUL ISA11 in 00501", testISA('*', 0, ':', "~", "000000001"), []error{ErrLegacyRepetition},
			Delimiters{Element: '*', Component: ':', Segment: "~"}},
		{"repetition equals component", testISA('*', ':', ':', "~", "000000001"), []error{ErrRepetitionComponent},
			Delimiters{Element: '*', Component: ':', Segment: "~"}},
		{"two-byte ISA16", isa[:104] + "¦~", []error{ErrMultibyteComponent},
			Delimiters{Element: '*', Component: 0xA6, Repetition: '^', Segment: "~"}},
		{"two-byte ISA16, multibyte terminator", isa[:104] + "¦…", []error{ErrMultibyteComponent},
			Delimiters{}},
		{"legacy U and two-byte ISA16", testISA('*', 'U', ':', "~", "000000001")[:104] + "¦~",
			[]error{ErrLegacyRepetition, ErrMultibyteComponent}, Delimiters{Element: '*', Component: 0xA6, Segment: "~"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseISA([]byte(tc.in))
			if tc.want == (Delimiters{}) {
				// ¦ (0xA6 once read) is the last byte of … (E2 80 A6): refused like Validate.
				requireSentinel(t, err, ErrDelimiters)
				return
			}
			assert.Equal(t, tc.want, d)
			require.NoError(t, d.Validate())
			if tc.sentinels == nil {
				require.NoError(t, err)
				return
			}
			for _, s := range tc.sentinels {
				requireSentinel(t, err, s)
			}
		})
	}

	// ParseISA reads only the fixed-width ISA; the Reader reads it by its separators.
	_, err := ParseISA([]byte("ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261128*1200*^*00501*000000001*0*T*:~GS*HC*A*B*20261128*1200*1*X*005010X222A1~"))
	requireSentinel(t, err, ErrElementSeparator)
	assert.False(t, errors.Is(err, ErrUnpaddedISA))
}

func requireSentinel(t *testing.T, err, sentinel error) {
	t.Helper()
	require.Error(t, err)
	require.True(t, errors.Is(err, sentinel), "want %v, got %v", sentinel, err)
}
