package x12

import (
	"bytes"
	"unicode/utf8"
)

// Delimiters are the four separators of an interchange. X12 has no escape character, so
// none of them may appear inside data. The reader takes them from each ISA; the writer uses
// the ones it is given, or DefaultDelimiters.
type Delimiters struct {
	Element    byte   // ISA byte 3, e.g. '*'
	Component  byte   // ISA16 (byte 104), e.g. ':'
	Repetition byte   // ISA11 (byte 82) in 00402 and later, e.g. '^'; 0 when the version has none
	Segment    string // byte 105: one byte usually ("~" or "\n"), sometimes a multibyte UTF-8 character
}

// DefaultDelimiters are the separators most 5010 trading partners expect: * : ^ ~.
var DefaultDelimiters = Delimiters{Element: '*', Component: ':', Repetition: '^', Segment: "~"}

// isaLen is the fixed length of an ISA segment, its terminator included.
const isaLen = 106

// isaSeparatorOffsets are the 0-based offsets of the 16 element separators inside an ISA.
var isaSeparatorOffsets = [16]int{3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103}

// isaFieldWidths are the fixed widths of ISA01..ISA16.
var isaFieldWidths = [16]int{2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1}

// orDefault returns d, or DefaultDelimiters when d is the zero value.
func (d Delimiters) orDefault() Delimiters {
	if d.Element == 0 && d.Component == 0 && d.Repetition == 0 && d.Segment == "" {
		return DefaultDelimiters
	}
	return d
}

// Validate reports whether the delimiters can be used: each is set (except Repetition),
// none is a letter, digit or space, and all differ. It returns ErrDelimiters otherwise.
func (d Delimiters) Validate() error {
	if d.Element == 0 || d.Component == 0 || d.Segment == "" {
		return ErrDelimiters
	}
	singles := []byte{d.Element, d.Component}
	if d.Repetition != 0 {
		singles = append(singles, d.Repetition)
	}
	for i, c := range singles {
		if isAlnum(c) || c == ' ' {
			return ErrDelimiters
		}
		for _, o := range singles[i+1:] {
			if c == o {
				return ErrDelimiters
			}
		}
		if bytes.IndexByte([]byte(d.Segment), c) >= 0 {
			return ErrDelimiters
		}
	}
	if r, n := utf8.DecodeRuneInString(d.Segment); n != len(d.Segment) || r == utf8.RuneError && n == 1 && len(d.Segment) > 1 {
		return ErrDelimiters
	}
	if len(d.Segment) == 1 && (isAlnum(d.Segment[0]) || d.Segment[0] == ' ') {
		return ErrDelimiters
	}
	return nil
}

// in reports whether b is one of the single-byte delimiters or the first byte of the
// segment terminator.
func (d *Delimiters) in(b byte) bool {
	return b == d.Element || b == d.Component || (d.Repetition != 0 && b == d.Repetition) || b == d.Segment[0]
}

// containsDelimiter returns the index of the first delimiter in s, or -1.
func (d *Delimiters) containsDelimiter(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == d.Element || c == d.Component || (d.Repetition != 0 && c == d.Repetition) {
			return i
		}
		if c == d.Segment[0] && (len(d.Segment) == 1 || len(s)-i >= len(d.Segment) && s[i:i+len(d.Segment)] == d.Segment) {
			return i
		}
		if c == '\r' || c == '\n' {
			return i
		}
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// ParseISA reads the delimiters from the first 106 bytes of an interchange (the ISA segment,
// terminator included, with any line breaks already removed). It checks that the element
// separator stands at all sixteen positions and nowhere else, and that the four delimiters
// differ. For ISA12 below 00402 (e.g. 00401, where ISA11 holds "U") there is no repetition
// separator. A multibyte UTF-8 terminator starting at byte 105 must be complete in isa.
func ParseISA(isa []byte) (Delimiters, error) {
	var d Delimiters
	if len(isa) < isaLen {
		return d, ErrShortISA
	}
	if !(isa[0]|0x20 == 'i' && isa[1]|0x20 == 's' && isa[2]|0x20 == 'a') {
		return d, ErrNoISA
	}
	d.Element = isa[3]
	for _, off := range isaSeparatorOffsets {
		if isa[off] != d.Element {
			return d, ErrElementSeparator
		}
	}
	for i := 4; i < 104; i++ {
		if isa[i] == d.Element && !isISASeparatorOffset(i) {
			return d, ErrElementSeparator
		}
	}
	d.Component = isa[104]
	term := isa[105:]
	if term[0] >= utf8.RuneSelf {
		r, n := utf8.DecodeRune(term)
		if r == utf8.RuneError {
			return d, ErrSegmentTerminator
		}
		d.Segment = string(term[:n])
	} else {
		d.Segment = string(term[:1])
	}
	// ISA12 at offset 84, five digits. 00402 and later carry a repetition separator in ISA11.
	if v := isa[84:89]; string(v) >= "00402" && allDigits(v) {
		d.Repetition = isa[82]
	}
	if isAlnum(d.Component) || d.Component == ' ' || d.Component == d.Element {
		return d, ErrComponentSeparator
	}
	if d.Component == d.Element || d.Segment[0] == d.Element || d.Segment[0] == d.Component {
		return d, ErrDelimiters
	}
	if d.Repetition != 0 && (isAlnum(d.Repetition) || d.Repetition == ' ' || d.Repetition == d.Element ||
		d.Repetition == d.Component || d.Repetition == d.Segment[0]) {
		return d, ErrDelimiters
	}
	if isAlnum(d.Segment[0]) || d.Segment[0] == ' ' {
		return d, ErrSegmentTerminator
	}
	return d, nil
}

func isISASeparatorOffset(i int) bool {
	for _, off := range isaSeparatorOffsets {
		if off == i {
			return true
		}
	}
	return false
}

func allDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
