package x12

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCharsetContains(t *testing.T) {
	tests := []struct {
		r               rune
		basic, extended bool
	}{
		{'A', true, true}, {'Z', true, true}, {'0', true, true}, {'9', true, true}, {' ', true, true},
		{'!', true, true}, {'"', true, true}, {'&', true, true}, {'\'', true, true}, {'=', true, true},
		{'*', true, true}, {':', true, true}, {'?', true, true}, {'/', true, true},
		{'a', false, true}, {'z', false, true}, {'%', false, true}, {'@', false, true}, {'~', false, true},
		{'^', false, true}, {'|', false, true}, {'\\', false, true}, {'`', false, true}, {'#', false, true},
		{'É', false, true}, {'ñ', false, true}, {'¿', false, true}, {'¡', false, true}, {'ë', false, true},
		{'Ë', false, false}, {'Ã', false, false}, {'ß', false, false}, {'ø', false, false},
		{'\t', false, false}, {'\n', false, false}, {'\r', false, false}, {0, false, false}, {0x7f, false, false},
		{'\u00a0', false, false}, {'😀', false, false}, {utf8.RuneError, false, false}, {-1, false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.basic, Basic.Contains(tt.r), "Basic %U", tt.r)
		assert.Equal(t, tt.extended, Extended.Contains(tt.r), "Extended %U", tt.r)
	}
	assert.False(t, Charset(7).Contains('a'), "an unknown Charset behaves as Basic")
	assert.Equal(t, "Basic", Basic.String())
	assert.Equal(t, "Extended", Extended.String())
}

// TestCharsetTables checks the tables themselves: Basic is inside Extended, no control
// character anywhere, and every spelled-out replacement is ASCII the extended set allows.
func TestCharsetTables(t *testing.T) {
	for b := 0; b < utf8.RuneSelf; b++ {
		if inBasic[b] {
			assert.True(t, inExtended[b], "%q in Basic but not Extended", b)
		}
		if b < ' ' || b == 0x7f {
			assert.False(t, inExtended[b], "control %#x in a charset", b)
		}
		if f := basicFallback[b]; f != 0 {
			assert.True(t, inExtended[b] && !inBasic[b], "fallback for %q, which needs none", b)
			assert.True(t, inBasic[f], "fallback for %q is not Basic", b)
		}
	}
	assert.Equal(t, 26+10+1+16, len(basicASCII))
	assert.Equal(t, 26+16, len(extendedASCII))
	for r, s := range spelled {
		assert.GreaterOrEqual(t, r, rune(utf8.RuneSelf), "%q needs no spelling", r)
		assert.NotEmpty(t, s, "%q", r)
		for i := 0; i < len(s); i++ {
			assert.True(t, inExtended[s[i]], "%q spelled with %q", r, s[i])
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		c   Charset
		in  string
		pos int // -1 when valid
	}{
		{Basic, "", -1},
		{Basic, "ZOE NUNEZ-O'BRIEN", -1},
		{Basic, "ZOe", 2},
		{Extended, "Zoe", -1},
		{Basic, "ZOË", 2},
		{Extended, "Zoë Núñez", -1},
		{Extended, "Ærø", 0},
		{Basic, "AB\xffC", 2},
		{Extended, "ab\xc3", 2}, // truncated UTF-8
		{Basic, "A\nB", 1},
		{Extended, "a\tb", 1},
		{Basic, "A@B", 1},
		{Extended, "a@b", -1},
		{Extended, "é😀", 2},
	}
	for _, tt := range tests {
		pos, ok := Valid(tt.c, tt.in)
		assert.Equal(t, tt.pos, pos, "%v %q", tt.c, tt.in)
		assert.Equal(t, tt.pos == -1, ok, "%v %q", tt.c, tt.in)
	}
}

func TestSanitizer(t *testing.T) {
	ext := Sanitizer{Charset: Extended}
	extUpper := Sanitizer{Charset: Extended, Upper: true}
	pipes := Sanitizer{Delimiters: Delimiters{Element: '|', Component: '^', Segment: "~"}}
	tests := []struct {
		name string
		s    Sanitizer
		in   string
		want string
	}{
		{"issue example", Sanitizer{}, "Zoë Núñez-O'Brien", "ZOE NUNEZ-O'BRIEN"},
		{"already clean", Sanitizer{}, "JOHN SMITH", "JOHN SMITH"},
		{"empty", Sanitizer{}, "", ""},
		{"only junk", Sanitizer{}, " \t😀\x00 ", ""},
		{"German", Sanitizer{}, "Jürgen Groß-Müller", "JURGEN GROSS-MULLER"},
		{"capital sharp s", Sanitizer{}, "GROẞ", "GROSS"},
		{"Danish", Sanitizer{}, "Søren Ærøskøbing", "SOREN AEROSKOBING"},
		{"Swedish", Sanitizer{}, "Åsa Öberg", "ASA OBERG"},
		{"Icelandic", Sanitizer{}, "Þór Guðmundsdóttir", "THOR GUDMUNDSDOTTIR"},
		{"Polish", Sanitizer{}, "Łukasz Żółć-Wąsowski", "LUKASZ ZOLC-WASOWSKI"},
		{"Croatian", Sanitizer{}, "Đorđe Šimić", "DORDE SIMIC"},
		{"French", Sanitizer{}, "Œuvre Françoise", "OEUVRE FRANCOISE"},
		{"Turkish", Sanitizer{}, "Işıl İnce", "ISIL INCE"},
		{"decomposed input", Sanitizer{}, "Zoe\u0308", "ZOE"},
		{"smart apostrophe", Sanitizer{}, "O’Brien", "O'BRIEN"},
		{"acute as apostrophe", Sanitizer{}, "O´Brien", "O'BRIEN"},
		{"backtick in Basic", Sanitizer{}, "O`Brien", "O'BRIEN"},
		{"smart quotes", Sanitizer{}, "“Doc” ‘Jr’", `"DOC" 'JR'`},
		{"dashes", Sanitizer{}, "Smith–Jones — 10−2", "SMITH-JONES - 10-2"},
		{"non-breaking hyphen", Sanitizer{}, "A\u2011B", "A-B"},
		{"ellipsis", Sanitizer{}, "Wait…", "WAIT..."},
		{"ligature", Sanitizer{}, "ﬁnance", "FINANCE"},
		{"full width", Sanitizer{}, "ＡＢＣ１２３", "ABC123"},
		{"unicode spaces", Sanitizer{}, "a\u00a0b\u2003c\u3000d\u202fe\u2028f", "A B C D E F"},
		{"zero width dropped", Sanitizer{}, "ab\u200bc\ufeff", "ABC"},
		{"emoji", Sanitizer{}, "Ana 😀 Lima 👩‍⚕️", "ANA LIMA"},
		{"other scripts", Sanitizer{}, "Li 李 Ivanov Иванов", "LI IVANOV"},
		{"control characters", Sanitizer{}, "An\x00n\x07e\x1b\x7f\u0085x", "ANNE X"},
		{"line breaks and tabs", Sanitizer{}, "123 Main St\r\nApt 4\tRear", "123 MAIN ST APT 4 REAR"},
		{"invalid UTF-8", Sanitizer{}, "a\xffb\xc3", "AB"},
		{"spaces collapsed and trimmed", Sanitizer{}, "   a    b   ", "A B"},
		{"default delimiters", Sanitizer{}, "A*B:C^D~E", "A B C D E"},
		{"delimiters next to spaces", Sanitizer{}, "A * B", "A B"},
		{"Basic outside set", Sanitizer{}, "john@ex.com #4 $5 50% a_b", "JOHNEX.COM 4 5 50 AB"},
		{"Basic brackets", Sanitizer{}, "[x] {y} <z>", "(X) (Y) (Z)"},
		{"NUL alone", Sanitizer{}, "\x00", ""},
		{"inverted marks", Sanitizer{}, "¿Qué? ¡Sí!", "?QUE? !SI!"},
		{"Extended keeps case", ext, "Zoë Núñez-O'Brien", "Zoe Nunez-O'Brien"},
		{"Extended lower spelled", ext, "Straße Ærø", "Strasse AEro"},
		{"Extended keeps its ASCII", ext, "john@ex.com #4 [x] a_b", "john@ex.com #4 [x] a_b"},
		{"Extended drops delimiters", ext, "a^b~c|d", "a b c|d"},
		{"Extended accents removed", ext, "Ça ¿", "Ca ?"},
		{"Extended upper", extUpper, "Zoë Núñez", "ZOE NUNEZ"},
		{"pipe delimiters", pipes, "A|B^C~D*E:F", "A B C D*E:F"},
		{"greater-than component", Sanitizer{Delimiters: Delimiters{'*', '>', '^', "~"}}, "a>b:c", "A B:C"},
		{"extended greater-than", Sanitizer{Charset: Extended, Delimiters: Delimiters{'*', '>', '^', "~"}}, "a>b<c", "a b<c"},
		{"exclamation delimiter", Sanitizer{Delimiters: Delimiters{'!', ':', 0, "~"}}, "Hi! ^there", "HI THERE"},
		{"letter delimiter", Sanitizer{Delimiters: Delimiters{'E', ':', '^', "~"}}, "Zoë", "ZO"},
		{"space delimiter", Sanitizer{Delimiters: Delimiters{' ', ':', '^', "~"}}, "a b*c", "AB*C"},
		{"newline terminator", Sanitizer{Delimiters: Delimiters{'*', ':', '^', "\n"}}, "a\nb", "A B"},
		{"multibyte terminator", Sanitizer{Charset: Extended, Delimiters: Delimiters{'*', ':', '^', "§"}}, "a§b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.String(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want, string(tt.s.Append(nil, tt.in)), "Append")
			requireSanitized(t, tt.s, got)
		})
	}
}

// requireSanitized checks what every output must satisfy: in the charset, ASCII, no delimiter
// byte, no leading, trailing or double space, upper case when asked, and unchanged when
// sanitized again.
func requireSanitized(t testing.TB, s Sanitizer, out string) {
	t.Helper()
	pos, ok := Valid(s.Charset, out)
	require.True(t, ok, "output not in %v %q %d %+v", s.Charset, out, pos, s)
	d := s.Delimiters
	if d == (Delimiters{}) {
		d = DefaultDelimiters
	}
	for i := 0; i < len(out); i++ {
		c := out[i]
		require.Less(t, c, byte(utf8.RuneSelf), "non-ASCII output at %d", i)
		require.False(t, c == d.Element || c == d.Component || d.Repetition != 0 && c == d.Repetition,
			"delimiter in output at %d", i)
		require.False(t, strings.IndexByte(d.Segment, c) >= 0, "terminator byte in output at %d", i)
		if (s.Charset != Extended || s.Upper) && 'a' <= c && c <= 'z' {
			require.Fail(t, "lower case in upper-case output", "at %d", i)
		}
	}
	require.False(t, strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  "),
		"spaces not collapsed and trimmed")
	require.Equal(t, out, s.String(out), "not idempotent")
}

// delimiterSets are the sets seen in the field, plus odd ones nobody should choose but
// someone might: the Sanitizer must still never produce them.
var delimiterSets = []Delimiters{
	{},
	DefaultDelimiters,
	{'|', '^', 0, "~"},
	{'|', '^', '\\', "~"},
	{'*', '>', '^', "~"},
	{'*', ':', '>', "~"},
	{'*', ':', '^', "\n"},
	{'!', '"', '?', "'"},
	{'A', 'E', '0', " "},
	{'*', ':', '^', "§"},
	{'~', '`', '@', "\r\n"},
}

// sanitizerAlphabet mixes ASCII, accented and unspellable letters, typographic punctuation,
// spaces, controls, emoji, invalid UTF-8 and half a multibyte terminator.
var sanitizerAlphabet = []string{
	"a", "Z", "0", " ", "  ", "*", ":", "^", "~", "|", ">", "<", "\\", "!", "'", "\"", "`", "@",
	"\t", "\r", "\n", "\x00", "\x7f", "ë", "Ñ", "ß", "Æ", "ø", "Ł", "þ", "ı", "’", "“", "–", "…",
	"\u00a0", "\u200b", "\u0301", "😀", "李", "ﬁ", "Ａ", "§", "\xc2", "\xff", "¿", "¡", "´",
}

func TestSanitizerNeverProducesDelimiters(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 5010))
	var b strings.Builder
	for range 3000 {
		b.Reset()
		for range rng.IntN(20) {
			b.WriteString(sanitizerAlphabet[rng.IntN(len(sanitizerAlphabet))])
		}
		in := b.String()
		for _, d := range delimiterSets {
			for _, s := range []Sanitizer{
				{Delimiters: d},
				{Charset: Extended, Delimiters: d},
				{Charset: Extended, Upper: true, Delimiters: d},
			} {
				out := s.String(in)
				requireSanitized(t, s, out)
				require.Equal(t, out, string(s.Append([]byte("x"), in)[1:]), "Append differs from String")
			}
		}
	}
}

func TestSanitizerAppendKeepsDst(t *testing.T) {
	var s Sanitizer
	dst := []byte("NM1*IL*1* ")
	got := s.Append(dst, "  zoë  ")
	assert.Equal(t, "NM1*IL*1* ZOE", string(got), "dst untouched, leading spaces of in trimmed")
	assert.Equal(t, "X", string(s.Append([]byte("X"), "  ")), "nothing appended for blank input")
}

func TestSanitizerAllocations(t *testing.T) {
	var s Sanitizer
	clean := "ZOE NUNEZ-O'BRIEN"
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = s.String(clean) }), "String on clean input")
	buf := make([]byte, 0, 64)
	assert.Zero(t, testing.AllocsPerRun(100, func() { buf = s.Append(buf[:0], "Zoë Núñez-O’Brien") }),
		"Append with room")
}

func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{
		"", "Zoë Núñez-O'Brien", "Jürgen Groß", "Łukasz Żółć", "“Doc” O’Brien…", "A*B:C^D~E",
		"a\r\nb\tc", "\x00\xff\xc3", "😀 李", "ﬁ Ａ", "  a  ", "[x]{y}<z>|\\`", "GROẞ Ærø",
	} {
		for i := range 3 {
			f.Add(seed, uint8(i), uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, in string, mode, delims uint8) {
		s := Sanitizer{Delimiters: delimiterSets[int(delims)%len(delimiterSets)]}
		switch mode % 3 {
		case 1:
			s.Charset = Extended
		case 2:
			s.Charset, s.Upper = Extended, true
		}
		out := s.String(in)
		requireSanitized(t, s, out)
		require.Equal(t, out, string(s.Append(nil, in)))
	})
}

func BenchmarkSanitizer(b *testing.B) {
	var s Sanitizer
	for _, bm := range []struct{ name, in string }{
		{"clean", "ZOE NUNEZ-O'BRIEN"},
		{"ascii", "Zoe Nunez-O'Brien"},
		{"accents", "Zoë Núñez-O’Brien"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			buf := make([]byte, 0, 64)
			b.SetBytes(int64(len(bm.in)))
			b.ReportAllocs()
			for b.Loop() {
				buf = s.Append(buf[:0], bm.in)
			}
		})
	}
}
