package x12

import (
	"errors"
	"strings"
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

// Validate reports whether the delimiters can be used: each is set (except Repetition) and
// not NUL, none is a letter, digit or space, and all differ. It returns ErrDelimiters otherwise.
func (d Delimiters) Validate() error {
	if d.Element == 0 || d.Component == 0 || d.Segment == "" {
		return ErrDelimiters
	}
	all := [3]byte{d.Element, d.Component, d.Repetition}
	singles := all[:2]
	if d.Repetition != 0 {
		singles = all[:3]
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
		if strings.IndexByte(d.Segment, c) >= 0 {
			return ErrDelimiters
		}
	}
	if r, n := utf8.DecodeRuneInString(d.Segment); n != len(d.Segment) || r == utf8.RuneError && n == 1 && len(d.Segment) > 1 {
		return ErrDelimiters
	}
	if len(d.Segment) == 1 && (isAlnum(d.Segment[0]) || d.Segment[0] == ' ' || d.Segment[0] == 0) {
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

// isaMaxLen bounds an ISA read by its separators (ErrUnpaddedISA): longer, it is an error.
const isaMaxLen = 200

// quirks is a set of the ISA quirks a Reader tolerates.
type quirks uint8

const (
	quirkUnpadded            quirks = 1 << iota // ErrUnpaddedISA
	quirkLegacyRepetition                       // ErrLegacyRepetition
	quirkRepetitionComponent                    // ErrRepetitionComponent
	quirkMultibyteComponent                     // ErrMultibyteComponent
)

// quirkList maps each quirk to its sentinel, the TA105 code it is reported with and the ISA
// element it concerns (0: the whole segment), in the order they are reported.
var quirkList = [...]struct {
	q       quirks
	err     error
	code    string
	element int
}{
	{quirkUnpadded, ErrUnpaddedISA, "024", 0},
	{quirkLegacyRepetition, ErrLegacyRepetition, "024", 11},
	{quirkRepetitionComponent, ErrRepetitionComponent, "027", 11},
	{quirkMultibyteComponent, ErrMultibyteComponent, "027", 16},
}

// err returns the quirks as an error: nil for none, the sentinel for one, a join of the
// sentinels for several.
func (q quirks) err() error {
	var errs []error
	for _, k := range quirkList {
		if q&k.q != 0 {
			errs = append(errs, k.err)
		}
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// unusableDelimiter is ErrDelimiterUnusable for one delimiter: errors.Is matches both it and
// the sentinel of that delimiter (ErrElementSeparator, ErrComponentSeparator or
// ErrSegmentTerminator), which says which one and gives its TA105 code.
type unusableDelimiter struct {
	which error
	name  string
}

func (e *unusableDelimiter) Error() string {
	return ErrDelimiterUnusable.Error() + " (" + e.name + ")"
}

func (e *unusableDelimiter) Unwrap() []error { return []error{ErrDelimiterUnusable, e.which} }

var (
	errNULElement    error = &unusableDelimiter{ErrElementSeparator, "element separator"}
	errNULComponent  error = &unusableDelimiter{ErrComponentSeparator, "component separator"}
	errNULTerminator error = &unusableDelimiter{ErrSegmentTerminator, "segment terminator"}
)

// ParseISA reads the delimiters from the first 106 bytes of an interchange (the ISA segment,
// terminator included, with any line breaks already removed). It checks that the element
// separator stands at all sixteen positions and nowhere else, and that the four delimiters
// differ and are usable: none is a letter, a digit or a space, and the element separator,
// the component separator and the terminator are not NUL (an error that matches both
// ErrDelimiterUnusable and that delimiter's sentinel: ErrElementSeparator,
// ErrComponentSeparator or ErrSegmentTerminator). For ISA12
// below 00402 (e.g. 00401, where ISA11 holds "U") there is no repetition separator. A
// multibyte UTF-8 terminator starting at byte 105 must be complete in isa.
//
// ParseISA reads only the fixed-width ISA of the standard. Three quirks it recognises, and
// returns the delimiters a Reader would use together with an error wrapping the quirk's
// sentinel (errors.Join of them for several), so that a caller can tell them apart from a
// clean ISA: ErrLegacyRepetition (ISA11 a letter, digit, space or NUL although ISA12 is 00402
// or later: no repetition separator), ErrRepetitionComponent (ISA11 equals ISA16: no repetition
// separator) and ErrMultibyteComponent (ISA16 is the two-byte UTF-8 form of a byte 0x80–0xFF,
// standing at bytes 104–105, so that the terminator starts at byte 106; the component
// separator is that byte). The delimiters returned with only such errors pass Validate. Any
// other error comes with delimiters that must not be used.
func ParseISA(isa []byte) (Delimiters, error) {
	d, q, _, err := parseISA(isa, false)
	if err != nil {
		return d, err
	}
	return d, q.err()
}

// parseISA takes the delimiters from isa, an ISA with its line breaks removed followed by its
// terminator (and possibly more). Unless tolerant it reads only the fixed-width ISA; tolerant,
// it also reads an ISA whose elements are not padded by its separators (quirkUnpadded). It
// returns the quirks it tolerated and the length of the ISA in isa, terminator included.
func parseISA(isa []byte, tolerant bool) (Delimiters, quirks, int, error) {
	l, err := findISA(isa, tolerant)
	if err != nil {
		return Delimiters{}, 0, 0, err
	}
	end := l.comp + l.width
	if end >= len(isa) {
		return Delimiters{}, 0, 0, ErrShortISA
	}
	d, q, err := isaDelimiters(isa[:end], &l, isa[end:])
	return d, q, end + len(d.Segment), err
}

// isaLayout is where the elements of an ISA lie.
type isaLayout struct {
	seps     [16]int // offsets of the 16 element separators
	comp     int     // offset of ISA16
	width    int     // bytes of ISA16: 1, or 2 for a two-byte UTF-8 character (quirkMultibyteComponent)
	q        quirks  // quirkUnpadded, quirkMultibyteComponent
	fixedErr error   // why the fixed-width layout did not fit, for quirkUnpadded
}

// findISA lays out isa, an ISA with its line breaks removed followed by anything (its
// terminator, more segments): by the fixed widths of the standard, or, when they do not fit
// and tolerant is set, by its separators (the element separator is byte 3; ISA16 is the byte
// after the sixteenth, within isaMaxLen bytes). The error is about the layout only
// (ErrNoISA, ErrShortISA, ErrElementSeparator); isaDelimiters checks the delimiters.
func findISA(isa []byte, tolerant bool) (isaLayout, error) {
	var l isaLayout
	if len(isa) < 4 {
		return l, ErrShortISA
	}
	if !(isa[0]|0x20 == 'i' && isa[1]|0x20 == 's' && isa[2]|0x20 == 'a') {
		return l, ErrNoISA
	}
	e := isa[3]
	var fixedErr error
	if len(isa) < isaLen-1 {
		fixedErr = ErrShortISA
	} else {
		for _, off := range isaSeparatorOffsets {
			if isa[off] != e {
				fixedErr = ErrElementSeparator
				break
			}
		}
		for i := 4; i < 104 && fixedErr == nil; i++ {
			if isa[i] == e && !isISASeparatorOffset(i) {
				fixedErr = ErrElementSeparator
			}
		}
	}
	if fixedErr == nil {
		l.seps, l.comp = isaSeparatorOffsets, 104
	} else {
		if !tolerant {
			return l, fixedErr
		}
		n := 0
		l.seps[0] = 3
		for i := 4; i < len(isa) && i < isaMaxLen && n < 15; i++ {
			if isa[i] == e {
				n++
				l.seps[n] = i
			}
		}
		if n < 15 || l.seps[15]+1 >= min(len(isa), isaMaxLen) {
			return l, fixedErr
		}
		l.comp, l.q, l.fixedErr = l.seps[15]+1, quirkUnpadded, fixedErr
	}
	l.width = 1
	if c := isa[l.comp]; (c == 0xC2 || c == 0xC3) && c != e && l.comp+1 < len(isa) && isa[l.comp+1]&0xC0 == 0x80 {
		l.width = 2
		l.q |= quirkMultibyteComponent
	}
	return l, nil
}

// isaDelimiters takes the delimiters from isa, an ISA without its terminator laid out by l,
// and term, which starts with the terminator (a multibyte UTF-8 character must be whole).
// For an ISA laid out by its separators whose delimiters make no sense either, the error is
// the one the fixed widths gave, unless a delimiter is NUL (ErrDelimiterUnusable).
func isaDelimiters(isa []byte, l *isaLayout, term []byte) (Delimiters, quirks, error) {
	d, q, err := delimitersOf(isa, l, term)
	if err != nil && l.q&quirkUnpadded != 0 && !errors.Is(err, ErrDelimiterUnusable) {
		err = l.fixedErr
	}
	return d, q, err
}

func delimitersOf(isa []byte, l *isaLayout, term []byte) (Delimiters, quirks, error) {
	var d Delimiters
	q := l.q
	d.Element = isa[3]
	switch {
	case d.Element == 0:
		return d, q, errNULElement
	case isAlnum(d.Element) || d.Element == ' ':
		return d, q, ErrElementSeparator
	}
	d.Component = isa[l.comp]
	if l.width == 2 {
		r, _ := utf8.DecodeRune(isa[l.comp:])
		if r < 0x80 || r > 0xFF {
			return d, q, ErrComponentSeparator
		}
		d.Component = byte(r)
	}
	switch {
	case d.Component == 0:
		return d, q, errNULComponent
	case isAlnum(d.Component) || d.Component == ' ' || d.Component == d.Element:
		return d, q, ErrComponentSeparator
	}
	if len(term) == 0 {
		return d, q, ErrShortISA
	}
	if term[0] >= utf8.RuneSelf {
		r, n := utf8.DecodeRune(term)
		if r == utf8.RuneError {
			return d, q, ErrSegmentTerminator
		}
		d.Segment = string(term[:n])
	} else {
		d.Segment = string(term[:1])
	}
	switch t := d.Segment[0]; {
	case t == 0:
		return d, q, errNULTerminator
	case isAlnum(t) || t == ' ':
		return d, q, ErrSegmentTerminator
	case t == d.Element || t == d.Component:
		return d, q, ErrDelimiters
	}
	// ISA12, five digits: 00402 and later carry a repetition separator in ISA11.
	if v := isa[l.seps[11]+1 : l.seps[12]]; len(v) == 5 && allDigits(v) && string(v) >= "00402" {
		rep := isa[l.seps[10]+1 : l.seps[11]]
		switch {
		case len(rep) != 1 || isAlnum(rep[0]) || rep[0] == ' ' || rep[0] == 0:
			q |= quirkLegacyRepetition
		case rep[0] == d.Component:
			q |= quirkRepetitionComponent
		default:
			d.Repetition = rep[0]
		}
	}
	if d.Validate() != nil {
		return d, q, ErrDelimiters
	}
	return d, q, nil
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
