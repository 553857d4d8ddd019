package x12

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// Default reader limits. They bound what one segment, element or BIN payload can make the
// reader buffer, whatever the input.
const (
	DefaultMaxSegment  = 256 << 10 // bytes in one segment
	DefaultMaxElement  = 64 << 10  // bytes in one element
	DefaultMaxElements = 1024      // elements in one segment
	DefaultMaxBinary   = 8 << 20   // bytes of BIN data
	initialBufferSize  = 64 << 10
)

// Reader reads segments from a stream of X12 in the spirit of encoding/csv: each call to Next
// returns the next segment. It finds the delimiters in every ISA (so several interchanges
// with different delimiters may follow one another) and tolerates what real files contain:
// a UTF-8 byte-order mark, white space before ISA and after each terminator, line breaks
// inside segments (80-column wrapped files), a newline or a multibyte character as the
// terminator, BIN segments carrying binary data, and lower-case segment IDs.
//
// It also reads six quirks of real files that translators accept, and reports each in
// Warnings as a finding of SeverityWarning (SeverityError under Strict) with a TA105 code:
//
//   - ErrLegacyRepetition ("024"): ISA11 is a letter, digit, space or NUL (the "U" of 00401),
//     or, in an unpadded ISA, not one character, although ISA12 is 00402 or later. The
//     interchange is read without a repetition separator.
//   - ErrRepetitionComponent ("027"): ISA11 equals the component separator ISA16. The
//     interchange is read without a repetition separator, so such elements are not split
//     into repetitions.
//   - ErrUnpaddedISA ("024"): the ISA elements are not padded to their fixed widths. The ISA
//     is read by its separators: byte 3 is the element separator, ISA16 the byte after the
//     sixteenth, the terminator the next. An ISA longer than 200 bytes is still an error.
//   - ErrMultibyteComponent ("027"): ISA16 is the two-byte UTF-8 form of a byte 0x80–0xFF
//     (¦, C2 A6, from a charset conversion of a Latin-1 file). The component separator is
//     that byte, and in the segments of the interchange each exact two-byte sequence is read
//     as it: components split there. A limit: a two-byte character made of those bytes in the
//     data, or other non-ASCII data ending in that byte, is split too; neither belongs to the
//     X12 character sets.
//   - ErrNoFinalTerminator ("023"): the input ends after an IEA without its terminator (white
//     space may follow). The IEA is returned as a segment. Any other segment cut by the end of
//     the input is still ErrMissingTerminate: a truncated file is an error.
//   - ErrTrailingPadding ("024"): NUL bytes or a DOS end-of-file mark (Ctrl-Z, 0x1A) after an
//     IEA, as block-padded transfers and old PC tools leave them. They are skipped; the
//     warning comes with the next ISA, or with io.EOF.
//
// An element separator, component separator or terminator the reader cannot use (NUL, a
// letter, a digit, a space) is always an error; NUL is ErrDelimiterUnusable, with TA105 code
// "026", "027" or "004" as for the other errors about that delimiter.
//
// The Reader does not check envelopes (see EnvelopeChecker); it only splits the stream.
// In the steady state it allocates nothing per segment. A Reader is not safe for concurrent use.
type Reader struct {
	// Limits; zero means the default. Set them before the first call to Next.
	MaxSegment  int // longest segment in bytes (DefaultMaxSegment)
	MaxElement  int // longest element in bytes (DefaultMaxElement)
	MaxElements int // most elements in one segment (DefaultMaxElements)
	MaxBinary   int // largest BIN payload in bytes (DefaultMaxBinary)

	// Strict reports the quirks the Reader tolerates (see Warnings) with SeverityError
	// instead of SeverityWarning. The input is read the same way either way.
	Strict bool

	src        io.Reader
	buf        []byte
	start, end int   // unread data is buf[start:end]
	base       int64 // stream offset of buf[0]
	eof        bool
	err        error // sticky: a read error, or a stream without an ISA

	delims  Delimiters
	stop    [256]uint8 // split's byte classes: 1 the element separator, 2 a line break, 3 lead
	lead    [2]byte    // ErrMultibyteComponent: the two bytes read as the component separator
	haveISA bool
	isa     [isaMaxLen + 8]byte
	isaAt   [isaMaxLen]uint16 // offset of each byte of isa in the input, line breaks included
	seg     Segment
	ids     [idCacheSize]idSlot

	warnings []*Error // the quirks tolerated in the last segment returned
	padded   bool     // padding after the last IEA was reported

	interchange int
	segIndex    int
	setIndex    int
	inSet       bool
}

// NewReader returns a Reader reading from src.
func NewReader(src io.Reader) *Reader {
	return &Reader{src: src}
}

// Delimiters returns the delimiters of the current interchange (the zero value before the
// first ISA).
func (r *Reader) Delimiters() Delimiters { return r.delims }

// Err returns the error that stopped the reader — a read error, or input it cannot split
// because an ISA is missing or malformed — or nil while reading can go on. After such an
// error every call to Next returns it again.
func (r *Reader) Err() error { return r.err }

// Warnings returns the quirks the Reader tolerated in the segment the last call to Next
// returned (the ISA's, or ErrNoFinalTerminator for an IEA), or before it (ErrTrailingPadding,
// which comes with the next ISA or with io.EOF), or nil. Each is an *Error at
// that segment (Element is the ISA element concerned, 0 for the whole segment) of Level
// LevelInterchange with its TA105 code and SeverityWarning, or SeverityError under Strict.
// The slice is valid until the next call to Next.
func (r *Reader) Warnings() []*Error {
	if len(r.warnings) == 0 {
		return nil
	}
	return r.warnings
}

// warn records a tolerated quirk of the segment at pos.
func (r *Reader) warn(pos Position, element int, err error, code string) {
	sev := SeverityWarning
	if r.Strict {
		sev = SeverityError
	}
	pos.Element = element
	r.warnings = append(r.warnings, &Error{Pos: pos, Level: LevelInterchange, Code: code, Err: err, Severity: sev})
}

// Offset returns the number of bytes consumed from the stream so far.
func (r *Reader) Offset() int64 { return r.base + int64(r.start) }

func (r *Reader) limits() (seg, elem, elems, bin int) {
	seg, elem, elems, bin = r.MaxSegment, r.MaxElement, r.MaxElements, r.MaxBinary
	if seg <= 0 {
		seg = DefaultMaxSegment
	}
	if elem <= 0 {
		elem = DefaultMaxElement
	}
	if elems <= 0 {
		elems = DefaultMaxElements
	}
	if bin <= 0 {
		bin = DefaultMaxBinary
	}
	return
}

// fill reads more input, first moving unread data to the front of the buffer and growing it
// when it is full and below limit bytes. It reports whether anything was added.
func (r *Reader) fill(limit int) bool {
	if r.eof || r.err != nil {
		return false
	}
	if r.buf == nil {
		r.buf = make([]byte, initialBufferSize)
	}
	if r.start > 0 && (r.end == len(r.buf) || r.start > len(r.buf)/2) {
		n := copy(r.buf, r.buf[r.start:r.end])
		r.base += int64(r.start)
		r.end, r.start = n, 0
	}
	if r.end == len(r.buf) {
		if len(r.buf) >= limit+16 {
			return false
		}
		size := 2 * len(r.buf)
		if size > limit+16 {
			size = limit + 16
		}
		nb := make([]byte, size)
		copy(nb, r.buf[r.start:r.end])
		r.base += int64(r.start)
		r.end, r.start, r.buf = r.end-r.start, 0, nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		if err != nil {
			if err == io.EOF {
				r.eof = true
			} else {
				r.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	r.err = io.ErrNoProgress
	return false
}

// ensure tries to have n unread bytes buffered; it reports whether it has.
func (r *Reader) ensure(n int) bool {
	for r.end-r.start < n {
		if !r.fill(n) {
			return r.end-r.start >= n
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'
}

// skipSpace drops white space (and a byte-order mark) before a segment. It reports false at
// the end of the input.
func (r *Reader) skipSpace() bool {
	for {
		for r.start < r.end {
			c := r.buf[r.start]
			if isSpace(c) {
				r.start++
				continue
			}
			if (c == 0 || c == 0x1A) && r.haveISA && r.afterTrailer() {
				// NUL padding or a DOS end-of-file mark after an IEA: skipped, and said once
				// per gap.
				if !r.padded {
					r.padded = true
					r.warn(Position{Offset: r.base + int64(r.start), Interchange: r.interchange, Segment: r.segIndex}, 0, ErrTrailingPadding, "024")
				}
				r.start++
				continue
			}
			if c == 0xEF && (!r.haveISA || r.afterTrailer()) {
				if !r.ensure(3) {
					return true
				}
				if r.buf[r.start+1] == 0xBB && r.buf[r.start+2] == 0xBF {
					r.start += 3
					continue
				}
			}
			return true
		}
		if !r.fill(initialBufferSize) {
			return false
		}
	}
}

// afterTrailer reports whether the reader sits between interchanges.
func (r *Reader) afterTrailer() bool { return r.seg.id == "IEA" }

// Next returns the next segment, or io.EOF after the last one. The segment is valid until the
// next call. An error for one segment (too long, bad ID…) is an *Error; reading can go on
// with the next call. A read error, or input that does not start with an ISA, is returned
// by every later call too.
func (r *Reader) Next() (*Segment, error) {
	clear(r.warnings)
	r.warnings = r.warnings[:0]
	if r.err != nil {
		return nil, r.err
	}
	maxSeg, maxElem, maxElems, maxBin := r.limits()
	if !r.skipSpace() {
		if r.err != nil {
			return nil, r.err
		}
		return nil, io.EOF
	}
	segOff := r.base + int64(r.start)
	r.ensure(4)
	if r.looksLikeISA() {
		return r.readISA(segOff)
	}
	if !r.haveISA {
		r.err = r.newError(segOff, nil, ErrNoISA, LevelInterchange, "024")
		return nil, r.err
	}
	if r.end-r.start >= 4 && r.buf[r.start+3] == r.delims.Element && bytes.EqualFold(r.buf[r.start:r.start+3], []byte("BIN")) {
		return r.readBinary(segOff, maxBin)
	}

	term := r.delims.Segment
	t0 := term[0]
	from := r.start
	tooLong := false
	pos := -1
	for {
		if i := bytes.IndexByte(r.buf[from:r.end], t0); i >= 0 {
			p := from + i
			if len(term) == 1 {
				pos = p
				break
			}
			if r.end-p >= len(term) {
				if string(r.buf[p:p+len(term)]) == term {
					pos = p
					break
				}
				from = p + 1
				continue
			}
			from = p // a terminator may be cut by the buffer's end: look again after fill
		} else {
			from = r.end
		}
		if r.end-r.start > maxSeg {
			// Drop what we hold (keeping a possible partial terminator) and keep looking:
			// memory stays bounded, and the next segment can still be read.
			keep := min(len(term)-1, r.end-from)
			r.base += int64(r.end - keep)
			copy(r.buf, r.buf[r.end-keep:r.end])
			r.start, r.end, from = 0, keep, 0
			tooLong = true
		}
		shift := r.start
		if !r.fill(maxSeg) {
			if r.err != nil {
				return nil, r.err
			}
			// End of input inside a segment.
			if !tooLong && r.eof {
				if s, ok, err := r.finalIEA(segOff, maxElem, maxElems); ok {
					return s, err
				}
			}
			r.start = r.end
			r.countSegment(nil)
			if tooLong {
				return nil, r.newError(segOff, nil, ErrSegmentTooLong, LevelSegment, "8")
			}
			return nil, r.newError(segOff, nil, ErrMissingTerminate, LevelInterchange, "023")
		}
		from -= shift - r.start
	}
	if tooLong || pos-r.start > maxSeg {
		r.start = pos + len(term)
		r.countSegment(nil)
		return nil, r.newError(segOff, nil, ErrSegmentTooLong, LevelSegment, "8")
	}
	raw := r.buf[r.start:pos]
	r.start = pos + len(term)
	return r.split(segOff, raw, maxElem, maxElems)
}

// finalIEA reads what is left at the end of the input, white space trimmed, as an IEA
// without its terminator (ErrNoFinalTerminator). It reports false, consuming nothing, when
// that is not an IEA; otherwise the IEA or its error (a limit it exceeds).
func (r *Reader) finalIEA(off int64, maxElem, maxElems int) (*Segment, bool, error) {
	raw := r.buf[r.start:r.end]
	for len(raw) > 0 && isSpace(raw[len(raw)-1]) {
		raw = raw[:len(raw)-1]
	}
	i := 0
	id := [3]byte{}
	for _, c := range raw {
		if c == '\n' || c == '\r' {
			continue
		}
		if i == 3 {
			if c != r.delims.Element {
				return nil, false, nil
			}
			break
		}
		id[i] = c
		i++
	}
	if i < 3 || !bytes.EqualFold(id[:], []byte("IEA")) {
		return nil, false, nil
	}
	r.start = r.end
	s, err := r.split(off, raw, maxElem, maxElems)
	if err != nil {
		return nil, true, err // an IEA over the limits: that is its error
	}
	r.warn(s.Pos, 0, ErrNoFinalTerminator, "023")
	return s, true, nil
}

// dropLineBreaks removes CR and LF from raw in place: they are not X12 characters, and
// wrapped files put them inside segments.
func dropLineBreaks(raw []byte) []byte {
	w := 0
	for _, c := range raw {
		if c != '\n' && c != '\r' {
			raw[w] = c
			w++
		}
	}
	return raw[:w]
}

// collapseComponent removes CR and LF from raw in place, as dropLineBreaks does, and replaces
// each two-byte sequence lead (line breaks between its bytes skipped) with comp
// (ErrMultibyteComponent).
func collapseComponent(raw []byte, lead [2]byte, comp byte) []byte {
	w := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\n' || c == '\r' {
			continue
		}
		if c == lead[0] {
			j := i + 1
			for j < len(raw) && (raw[j] == '\n' || raw[j] == '\r') {
				j++
			}
			if j < len(raw) && raw[j] == lead[1] {
				c, i = comp, j
			}
		}
		raw[w] = c
		w++
	}
	return raw[:w]
}

// split fills r.seg from raw, which must stay valid until the next call. One pass finds the
// element separators and any line break (which it then removes, in place, collapsing a
// two-byte component separator as it goes: ErrMultibyteComponent).
func (r *Reader) split(off int64, raw []byte, maxElem, maxElems int) (*Segment, error) {
	s := &r.seg
	s.binary = false
	seps := s.seps[:0]
	sep := r.delims.Element
	breaks := false
	for i, c := range raw {
		if k := r.stop[c]; k != 0 {
			if k == 1 {
				seps = append(seps, int32(i))
			} else {
				breaks = true
				break
			}
		}
	}
	if breaks {
		if r.lead[0] != 0 {
			raw = collapseComponent(raw, r.lead, r.delims.Component)
		} else {
			raw = dropLineBreaks(raw)
		}
		seps = seps[:0]
		for i, c := range raw {
			if c == sep {
				seps = append(seps, int32(i))
			}
		}
	}
	s.seps, s.raw, s.text = seps, raw, ""
	if len(seps) > maxElems {
		r.countSegment(nil)
		return nil, r.newError(off, nil, ErrTooManyElements, LevelElement, "3")
	}
	if len(raw) > maxElem {
		last := -1
		for n, p := range seps {
			if int(p)-last-1 > maxElem {
				r.countSegment(nil)
				return nil, r.newErrorAt(off, n, ErrElementTooLong, LevelElement, "5")
			}
			last = int(p)
		}
		if len(raw)-last-1 > maxElem {
			r.countSegment(nil)
			return nil, r.newErrorAt(off, len(seps), ErrElementTooLong, LevelElement, "5")
		}
	}
	idb := raw
	if len(seps) > 0 {
		idb = raw[:seps[0]]
	}
	id, ok := r.intern(idb)
	if !ok {
		r.countSegment(nil)
		return nil, r.newError(off, nil, ErrSegmentID, LevelSegment, "1")
	}
	s.id = id
	s.delims = r.delims
	r.countSegment(s)
	// Field by field: a whole-struct copy into the reader takes the bulk write barrier while
	// the collector runs.
	s.Pos.Offset, s.Pos.Interchange, s.Pos.Segment, s.Pos.SetSegment = off, r.interchange, r.segIndex, r.setIndex
	s.Pos.ID, s.Pos.Loop = id, ""
	s.Pos.Element, s.Pos.Component, s.Pos.Repetition = 0, 0, 0
	return s, nil
}

// countSegment advances the segment counters; s is nil for a segment that could not be read.
func (r *Reader) countSegment(s *Segment) {
	r.segIndex++
	if s != nil && s.id == "ST" {
		r.inSet, r.setIndex = true, 1
		return
	}
	if r.inSet {
		r.setIndex++
		if s != nil && s.id == "SE" {
			r.inSet = false
		}
		return
	}
	r.setIndex = 0
}

// idCacheSize is the number of slots in the reader's segment ID cache.
const idCacheSize = 512

// idSlot caches one segment ID: its raw bytes packed into key, and its upper-case string.
type idSlot struct {
	key uint32
	id  string
}

// intern returns the upper-cased segment ID for b without allocating for IDs seen before.
// It reports false when b is not 2–3 letters and digits starting with a letter.
func (r *Reader) intern(b []byte) (string, bool) {
	if len(b) < 2 || len(b) > 3 {
		return "", false
	}
	key := uint32(len(b))<<24 | uint32(b[0])<<16 | uint32(b[1])<<8
	if len(b) == 3 {
		key |= uint32(b[2])
	}
	h := (key * 2654435761) >> (32 - 9)
	if sl := &r.ids[h]; sl.key == key && sl.id != "" {
		return sl.id, true // the usual case: found at once
	}
	var slot *idSlot
	for probe := uint32(0); probe < 8; probe++ {
		sl := &r.ids[(h+probe)%idCacheSize]
		if sl.key == key && sl.id != "" {
			return sl.id, true
		}
		if sl.id == "" && slot == nil {
			slot = sl
		}
	}
	if slot == nil {
		slot = &r.ids[h] // every probe slot taken: replace the first
	}
	var up [3]byte
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' && i > 0:
		default:
			return "", false
		}
		up[i] = c
	}
	id := string(up[:len(b)])
	slot.key, slot.id = key, id
	return id, true
}

// looksLikeISA reports whether the unread data starts a new interchange.
func (r *Reader) looksLikeISA() bool {
	b := r.buf[r.start:r.end]
	return len(b) >= 4 && b[0]|0x20 == 'i' && b[1]|0x20 == 's' && b[2]|0x20 == 'a' && !isAlnum(b[3]) && b[3] != ' '
}

// readISA reads the ISA, skipping line breaks inside it (wrapped files), and takes the
// interchange's delimiters from it. It reads the fixed-width ISA of the standard and the
// quirks the Reader tolerates, which it records in r.warnings.
func (r *Reader) readISA(off int64) (*Segment, error) {
	r.ensure(isaMaxLen + 64)
	b := r.buf[r.start:r.end]
	n := 0
	for i := 0; i < len(b) && n < isaMaxLen; i++ {
		if b[i] == '\r' || b[i] == '\n' {
			continue
		}
		r.isa[n], r.isaAt[n] = b[i], uint16(i)
		n++
	}
	r.interchange++
	r.padded = false
	r.segIndex, r.setIndex, r.inSet = 0, 0, false
	r.haveISA, r.lead = false, [2]byte{}
	fail := func(err error) (*Segment, error) {
		r.countSegment(nil)
		code := "024"
		switch {
		case errors.Is(err, ErrElementSeparator):
			code = "026"
		case errors.Is(err, ErrComponentSeparator):
			code = "027"
		case errors.Is(err, ErrSegmentTerminator):
			code = "004"
		case errors.Is(err, ErrShortISA):
			code = "023"
		}
		r.err = r.newError(off, nil, err, LevelInterchange, code)
		return nil, r.err
	}
	l, err := findISA(r.isa[:n], true)
	end := l.comp + l.width // the ISA's bytes in r.isa, ISA16 included
	i := 0                  // where the terminator starts in b
	if err == nil {
		if i = int(r.isaAt[end-1]) + 1; i >= len(b) {
			err = ErrShortISA
		}
	}
	if err != nil {
		r.start = r.end
		return fail(err)
	}
	// The terminator: CR LF is read as LF; a multibyte character is taken whole.
	tl := 1
	switch t := b[i]; {
	case t == '\r' && i+1 < len(b) && b[i+1] == '\n':
		tl = 2
		r.isa[end] = '\n'
	case t >= utf8.RuneSelf:
		_, tl = utf8.DecodeRune(b[i:min(len(b), i+utf8.UTFMax)])
		copy(r.isa[end:], b[i:i+tl])
	default:
		r.isa[end] = t
	}
	d, q, err := isaDelimiters(r.isa[:end], &l, r.isa[end:end+min(tl, len(r.isa)-end)])
	r.start += i + tl
	if err != nil {
		return fail(err)
	}
	r.delims, r.haveISA = d, true
	r.stop = [256]uint8{}
	r.stop['\r'], r.stop['\n'], r.stop[d.Element] = 2, 2, 1
	if q&quirkMultibyteComponent != 0 {
		r.lead = [2]byte{r.isa[l.comp], r.isa[l.comp+1]}
		r.stop[r.lead[0]] = 3
		r.isa[l.comp] = d.Component
		end = l.comp + 1
	}
	s, err := r.split(off, r.isa[:end], isaMaxLen, 16)
	if err != nil {
		return s, err
	}
	for _, k := range quirkList {
		if q&k.q != 0 {
			r.warn(s.Pos, k.element, k.err, k.code)
		}
	}
	return s, nil
}

// readBinary reads a BIN segment: BIN01 is the length of BIN02, whose bytes are taken as they
// are (delimiters and line breaks included), followed by the terminator.
func (r *Reader) readBinary(off int64, maxBin int) (*Segment, error) {
	r.ensure(4 + 12)
	b := r.buf[r.start:r.end]
	i, size := 4, 0
	for ; i < len(b) && i < 4+10 && b[i] >= '0' && b[i] <= '9'; i++ {
		size = size*10 + int(b[i]-'0')
	}
	fail := func() (*Segment, error) {
		r.countSegment(nil)
		r.haveISA = false // cannot resynchronise inside binary data
		r.err = r.newError(off, nil, ErrBinaryLength, LevelSegment, "8")
		return nil, r.err
	}
	if i == 4 || i >= len(b) || b[i] != r.delims.Element || size > maxBin {
		return fail()
	}
	total := i + 1 + size + len(r.delims.Segment)
	for r.end-r.start < total {
		if !r.fill(total) {
			return fail()
		}
	}
	b = r.buf[r.start:r.end]
	if string(b[i+1+size:total]) != r.delims.Segment {
		return fail()
	}
	raw := b[:i+1+size]
	r.start += total
	s := &r.seg
	s.raw, s.seps, s.binary, s.delims = raw, append(s.seps[:0], 3, int32(i)), true, r.delims
	s.id = "BIN"
	r.countSegment(s)
	s.Pos = Position{Offset: off, Interchange: r.interchange, Segment: r.segIndex, SetSegment: r.setIndex, ID: "BIN"}
	return s, nil
}

func (r *Reader) newError(off int64, id []byte, err error, level Level, code string) *Error {
	return &Error{
		Pos:   Position{Offset: off, Interchange: r.interchange, Segment: r.segIndex, SetSegment: r.setIndex, ID: safeID(id)},
		Level: level, Code: code, Err: err,
	}
}

func (r *Reader) newErrorAt(off int64, element int, err error, level Level, code string) *Error {
	e := r.newError(off, nil, err, level, code)
	e.Pos.Element = element
	return e
}
