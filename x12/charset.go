package x12

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Charset is one of the two X12 character sets that data elements may use (X222 TR3
// appendix B.1.1.2). The zero value is Basic.
type Charset int

const (
	// Basic is upper-case letters, digits, space and ! " & ' ( ) * + , - . / : ; ? =.
	// Every trading partner accepts it; it is the safe choice for outbound data.
	Basic Charset = iota
	// Extended adds lower-case letters, % @ [ ] _ { } \ | < > ~ ^ # $ and the backtick,
	// plus some Latin-1 accented letters (À Á Â Ä È É … Ç ç Ñ ñ ¿ ¡). HIPAA TR3s allow it,
	// but check the payer's companion guide before sending it.
	Extended
)

// String returns "Basic" or "Extended".
func (c Charset) String() string {
	if c == Extended {
		return "Extended"
	}
	return "Basic"
}

// Character-set tables, written out once. An unknown Charset value is treated as Basic.
const (
	basicASCII    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"&'()*+,-./:;?="
	extendedASCII = "abcdefghijklmnopqrstuvwxyz%@[]_{}\\|<>~^#$`"
	// extendedLatin1 are the accented letters and marks of the extended set that are not ASCII.
	extendedLatin1 = "ÀÁÂÄàáâäÈÉÊèéêëÌÍÎìíîïÒÓÔÖòóôöÙÚÛÜùúûüÇçÑñ¿¡"
)

// inBasic and inExtended say which ASCII bytes each set allows.
var inBasic, inExtended [utf8.RuneSelf]bool

func init() {
	for i := 0; i < len(basicASCII); i++ {
		inBasic[basicASCII[i]] = true
		inExtended[basicASCII[i]] = true
	}
	for i := 0; i < len(extendedASCII); i++ {
		inExtended[extendedASCII[i]] = true
	}
}

// Contains reports whether r may appear in a data element under character set c. Control
// characters (CR, LF, TAB included) are in neither set.
func (c Charset) Contains(r rune) bool {
	if r < utf8.RuneSelf {
		if r < 0 {
			return false
		}
		if c == Extended {
			return inExtended[r]
		}
		return inBasic[r]
	}
	return c == Extended && strings.ContainsRune(extendedLatin1, r)
}

// Valid reports whether every character of s belongs to character set c. When it does not,
// pos is the byte offset of the first character that does not (an invalid UTF-8 byte counts
// as one); when it does, pos is -1 and ok is true. Valid never returns the offending value,
// so its result can be logged without leaking patient data. It does not look for delimiters:
// the Writer refuses those.
func Valid(c Charset, s string) (pos int, ok bool) {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if !c.Contains(rune(b)) {
				return i, false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !c.Contains(r) {
			return i, false
		}
		i += n
	}
	return -1, true
}

// Sanitizer turns whatever a user typed (any UTF-8, even invalid) into a value that is safe to
// put in an X12 data element: every character is in the chosen character set and none is a
// delimiter in use. Use it in builders before handing names, addresses and free text to the
// Writer; do not use it on codes or identifiers, which should be rejected rather than changed.
//
// What it does, in order, character by character:
//   - Letters lose their diacritics (Zoë Núñez → ZOE NUNEZ), compatibility forms are
//     unfolded (ﬁ → FI, full-width Ａ → A, … → ...), and letters that do not decompose are
//     spelled out (ß → SS, Æ → AE, Ø → O, Ł → L, Đ → D, Þ → TH, Œ → OE).
//   - Typographic punctuation becomes ASCII: ’ ‘ ´ → ', “ ” « » → ", – — − → -.
//   - TAB, CR, LF and other line breaks, and every Unicode space (no-break space …), become a
//     space; other control and formatting characters are dropped.
//   - A character equal to a delimiter in use becomes a space (or is dropped if space itself
//     were a delimiter), so "A*B" and "A~B" are written as "A B" with the default delimiters,
//     whichever the character set.
//   - In Basic, [ { < become ( and ] } > become ), the backtick becomes ', and whatever else
//     is outside the set (@ # $ % _ …, emoji, other scripts) is dropped.
//   - Runs of spaces collapse to one; leading and trailing spaces are removed.
//
// The output is always 7-bit ASCII, even in Extended: accented letters are written without
// their accents, since many payers' systems mishandle the Latin-1 part of the extended set.
// The output may be empty, and it is never truncated: maximum lengths are the guide's job.
// Sanitizing twice gives the same result as sanitizing once.
//
// The zero value is ready to use: Basic, upper case, DefaultDelimiters. A Sanitizer holds no
// state, so one value can be shared by any number of goroutines.
type Sanitizer struct {
	// Charset is the set to produce; the zero value is Basic.
	Charset Charset
	// Upper forces upper case in Extended. Basic has no lower case, so a Basic Sanitizer
	// always upper-cases, whatever Upper says.
	Upper bool
	// Delimiters are those of the interchange the value will be written into; none of their
	// bytes is ever produced. The zero value means DefaultDelimiters (* : ^ ~).
	Delimiters Delimiters
}

// String returns in sanitized as described on Sanitizer. When in is already clean it is
// returned as is, without allocating.
func (s Sanitizer) String(in string) string {
	m := s.mapper()
	if m.clean(in) {
		return in
	}
	return string(m.append(make([]byte, 0, len(in)), in))
}

// Append appends in, sanitized as described on Sanitizer, to dst and returns the extended
// buffer. It does not allocate when dst has room. Spaces are collapsed and trimmed within the
// appended part only; what dst already holds is left alone.
func (s Sanitizer) Append(dst []byte, in string) []byte {
	m := s.mapper()
	return m.append(dst, in)
}

// asciiMapper is a Sanitizer with its defaults resolved.
type asciiMapper struct {
	extended bool
	upper    bool
	d        Delimiters
}

func (s Sanitizer) mapper() asciiMapper {
	m := asciiMapper{extended: s.Charset == Extended, d: s.Delimiters}
	m.upper = !m.extended || s.Upper
	if m.d == (Delimiters{}) {
		m.d = DefaultDelimiters
	}
	return m
}

// delimiter reports whether c is a byte of a delimiter in use.
func (m *asciiMapper) delimiter(c byte) bool {
	return c == m.d.Element || c == m.d.Component || (m.d.Repetition != 0 && c == m.d.Repetition) ||
		strings.IndexByte(m.d.Segment, c) >= 0
}

// byteFor returns what the ASCII character b becomes: itself, another character, a space
// (which the caller collapses and trims), or 0 when it is dropped.
func (m *asciiMapper) byteFor(b byte) byte {
	c := b
	switch {
	case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
		c = ' '
	case m.upper && 'a' <= c && c <= 'z':
		c -= 'a' - 'A'
	}
	if !m.delimiter(c) {
		if !m.extended && !inBasic[c] {
			c = basicFallback[c]
		}
		if c == 0 || !inExtended[c] {
			return 0
		}
		if !m.delimiter(c) {
			return c
		}
	}
	// A delimiter, before or after the fallback: a space, unless space is one too.
	if m.delimiter(' ') {
		return 0
	}
	return ' '
}

// basicFallback maps ASCII characters of the extended set to a Basic look-alike. Those not
// listed are dropped in Basic.
var basicFallback = [utf8.RuneSelf]byte{
	'[': '(', '{': '(', '<': '(',
	']': ')', '}': ')', '>': ')',
	'`': '\'',
}

// clean reports whether in is already sanitized: ASCII the mapper keeps unchanged, single
// spaces only between other characters.
func (m *asciiMapper) clean(in string) bool {
	prevSpace := true // so that a leading space is unclean
	for i := 0; i < len(in); i++ {
		b := in[i]
		if b == 0 || b >= utf8.RuneSelf || m.byteFor(b) != b { // byteFor returns 0 to drop
			return false
		}
		if b == ' ' && prevSpace {
			return false
		}
		prevSpace = b == ' '
	}
	return !prevSpace || in == ""
}

// append does the work of Sanitizer.Append.
func (m *asciiMapper) append(dst []byte, in string) []byte {
	start := len(dst)
	space := false // a space is owed before the next character
	emit := func(b byte) {
		c := m.byteFor(b)
		switch {
		case c == 0:
		case c == ' ':
			space = len(dst) > start
		default:
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, c)
		}
	}
	emitString := func(s string) {
		for i := 0; i < len(s); i++ {
			emit(s[i])
		}
	}
	emitRune := func(r rune) {
		switch t, ok := spelled[r]; {
		case r < utf8.RuneSelf:
			emit(byte(r))
		case ok:
			emitString(t)
		case unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp) || r == '\u0085':
			emit(' ')
		}
	}
	for i := 0; i < len(in); {
		if b := in[i]; b < utf8.RuneSelf {
			emit(b)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(in[i:])
		if r == utf8.RuneError && n == 1 {
			i++ // invalid UTF-8: dropped
			continue
		}
		// NFKD splits a letter from its accents (ë → e + ◌̈) and unfolds compatibility
		// forms (ﬁ → fi); Decomposition reads the full decomposition from the table without
		// allocating. The accents, being neither ASCII nor in the table, are dropped. The
		// table goes first, for characters such as ´ that NFKD would turn into a space.
		dec := norm.NFKD.PropertiesString(in[i : i+n]).Decomposition()
		if _, ok := spelled[r]; ok || dec == nil {
			emitRune(r)
		} else {
			for _, d := range string(dec) {
				emitRune(d)
			}
		}
		i += n
	}
	return dst
}

// spelled gives the ASCII spelling of characters that NFKD leaves alone or turns into
// something unhelpful. Lower-case letters map to lower case so that Extended without Upper
// keeps the case the user typed.
var spelled = map[rune]string{
	// Letters with no decomposition.
	'ß': "ss", 'ẞ': "SS",
	'æ': "ae", 'Æ': "AE",
	'œ': "oe", 'Œ': "OE",
	'ø': "o", 'Ø': "O",
	'ł': "l", 'Ł': "L",
	'đ': "d", 'Đ': "D",
	'ð': "d", 'Ð': "D",
	'þ': "th", 'Þ': "TH",
	'ħ': "h", 'Ħ': "H",
	'ŧ': "t", 'Ŧ': "T",
	'ı': "i",
	// Apostrophes and single quotes.
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", 'ʼ': "'", 'ʹ': "'", '´': "'",
	// Double quotes.
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`, '″': `"`, '«': `"`, '»': `"`,
	// Hyphens and dashes.
	'‐': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
	// Slashes and the inverted marks of the extended set.
	'⁄': "/", '∕': "/",
	'¿': "?", '¡': "!",
}
