package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:  "json",
		usage: "json IN",
		summary: "typed JSON of the input (transactions x12kit models; others as their segments), envelope values kept; " +
			"an input whose first transaction set is an 837P or an 835 is streamed claim by claim (other sets in it are " +
			"given as their segments, unvalidated); exit 1 when the input has errors, after printing what could be read",
		run: runJSON,
	})
	register(command{
		name:    "x12",
		usage:   "x12 IN",
		summary: "the reverse of json: X12 from x12kit's JSON",
		run:     runX12,
	})
}

// jsonDoc is what "x12kit json" prints and "x12kit x12" reads. Envelope segments are kept
// element by element so the X12 can be re-created with the same control numbers.
type jsonDoc struct {
	Interchanges []*jsonInterchange `json:"interchanges"`
}

type jsonInterchange struct {
	ISA []string `json:"isa"` // ISA01–ISA16 as read
	// Services are the interchange's own segments before its first group (ISB, ISE, TA1).
	Services []x12.RawSegment `json:"services,omitempty"`
	Groups   []*jsonGroup     `json:"groups"`
}

type jsonGroup struct {
	GS   []string   `json:"gs"` // GS01–GS08 as read
	Sets []*jsonSet `json:"transactions"`
}

// jsonSet is one transaction set: typed when x12kit has a model for it (its body then under
// the kind's key, e.g. "claims" for an 837P), else its segments.
type jsonSet struct {
	ST       []string         // ST01–ST03
	Type     string           // a typedKind's name, or "segments"
	Body     any              // the typed body, under Kind.key
	Segments []x12.RawSegment // when not typed
	// Binary is, base64, the data of the binary segments (BIN) among Segments that is not
	// UTF-8 text, by the segment's index (its Text then ends before the data).
	Binary map[string]string
}

// typedKind is a transaction x12kit maps to typed JSON. Files of this package add theirs with
// registerKind from init.
type typedKind struct {
	name   string                                                    // the set's "type", e.g. "837P"
	key    string                                                    // the JSON key of its body, e.g. "claims"
	read   func(set *x12.Set) (body any, ok bool)                    // the set's typed body, if it is of this kind
	decode func(raw json.RawMessage) (any, error)                    // the body back from JSON
	write  func(ew *x12.EnvelopeWriter, st []string, body any) error // the set, ST to SE
}

var kinds = map[string]*typedKind{}
var kindOrder []*typedKind

func registerKind(k *typedKind) {
	if kinds[k.name] != nil {
		panic("x12kit: duplicate typed kind " + k.name)
	}
	kinds[k.name] = k
	kindOrder = append(kindOrder, k)
}

func init() {
	registerKind(&typedKind{
		name: "837P", key: "claims",
		read: func(set *x12.Set) (any, bool) {
			b := claim837.FromSet(set)
			if b == nil || len(b.Claims) == 0 {
				return nil, false // as when streaming: a set without claims is given as its segments
			}
			return b, true
		},
		decode: func(raw json.RawMessage) (any, error) {
			var b claim837.Batch
			err := json.Unmarshal(raw, &b)
			return &b, err
		},
		write: func(ew *x12.EnvelopeWriter, st []string, body any) error {
			b := body.(*claim837.Batch)
			b.Control = el(st, 2)
			return claim837.Encode(ew, b)
		},
	})
}

// MarshalJSON writes st, type, then the body under its kind's key or the segments.
func (s *jsonSet) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"st":`)
	if err := appendJSON(&buf, s.ST); err != nil {
		return nil, err
	}
	buf.WriteString(`,"type":`)
	if err := appendJSON(&buf, s.Type); err != nil {
		return nil, err
	}
	if k := kinds[s.Type]; k != nil && s.Body != nil {
		buf.WriteString(`,"` + k.key + `":`)
		if err := appendJSON(&buf, s.Body); err != nil {
			return nil, err
		}
	} else if len(s.Segments) > 0 {
		buf.WriteString(`,"segments":`)
		if err := appendJSON(&buf, s.Segments); err != nil {
			return nil, err
		}
		if len(s.Binary) > 0 {
			buf.WriteString(`,"binary":`)
			if err := appendJSON(&buf, s.Binary); err != nil {
				return nil, err
			}
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func appendJSON(buf *bytes.Buffer, v any) error {
	b, err := json.Marshal(v)
	buf.Write(b)
	return err
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *jsonSet) UnmarshalJSON(data []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	if err := json.Unmarshal(fields["st"], &s.ST); err != nil {
		return fmt.Errorf("st: %w", err)
	}
	if err := json.Unmarshal(fields["type"], &s.Type); err != nil {
		return fmt.Errorf("type: %w", err)
	}
	if k := kinds[s.Type]; k != nil {
		body, err := k.decode(fields[k.key])
		if err != nil {
			return fmt.Errorf("%s: %w", k.key, err)
		}
		s.Body = body
		return nil
	}
	if raw, ok := fields["binary"]; ok {
		if err := json.Unmarshal(raw, &s.Binary); err != nil {
			return fmt.Errorf("binary: %w", err)
		}
	}
	if raw, ok := fields["segments"]; ok {
		return json.Unmarshal(raw, &s.Segments)
	}
	return nil
}

// isaElements are an ISA's elements, its delimiters (ISA11, ISA16) as characters: a
// delimiter byte of 0x80 or more (a one-byte original the reader read from a two-byte UTF-8
// character) is written as the character of that code (0xA6 as "¦"), which JSON can hold.
func isaElements(s *x12.Segment) []string {
	out := elements(s)
	for _, i := range []int{10, 15} {
		if i < len(out) && len(out[i]) == 1 && out[i][0] >= 0x80 {
			out[i] = string(rune(out[i][0]))
		}
	}
	return out
}

// delimiter is the byte a delimiter element of the JSON stands for (see isaElements).
func delimiter(v string) byte {
	if r, n := utf8.DecodeRuneInString(v); n == len(v) && r != utf8.RuneError && r < 0x100 {
		return byte(r)
	}
	return v[0]
}

// usableDelimiter reports whether c can separate: not a letter, digit or space.
func usableDelimiter(c byte) bool {
	return !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ')
}

func elements(s *x12.Segment) []string {
	out := make([]string, s.Len())
	for i := range out {
		out[i] = s.Value(i + 1)
	}
	return out
}

func runX12(e env, args []string) int {
	fs := newFlags(e, commands["x12"])
	in, _, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()
	var doc jsonDoc
	dec := json.NewDecoder(in)
	if err := dec.Decode(&doc); err != nil {
		fmt.Fprintf(e.stderr, "x12kit x12: the input is not x12kit JSON: %v\n", err)
		return exitUsage
	}
	if err := writeDoc(e.stdout, &doc); err != nil {
		fmt.Fprintf(e.stderr, "x12kit x12: %v\n", err)
		return exitBad
	}
	return exitOK
}

func el(list []string, n int) string {
	if n >= 1 && n <= len(list) {
		return list[n-1]
	}
	return ""
}

// writeDoc writes the document's interchanges with the control numbers, dates and times they
// were read with.
func writeDoc(w io.Writer, doc *jsonDoc) error {
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	for _, ic := range doc.Interchanges {
		isa := ic.ISA
		if len(isa) != 16 {
			return errors.New("an interchange's isa must have 16 elements")
		}
		h, err := x12.InterchangeHeaderOf(isa) // ISA09/ISA10 as their text, even when no date
		if err != nil {
			return err
		}
		d := x12.DefaultDelimiters
		if el(isa, 16) == "" {
			return errors.New("ISA16 is empty")
		}
		d.Component = delimiter(el(isa, 16))
		// ISA11 as read when it is a usable repetition separator; else (a legacy U, the
		// component separator again) one that is free: delimiters may differ from F's.
		d.Repetition = 0
		if r := el(isa, 11); el(isa, 12) >= "00402" && utf8.RuneCountInString(r) == 1 {
			if c := delimiter(r); usableDelimiter(c) && c != d.Component && c != d.Element && c != d.Segment[0] {
				d.Repetition = c
			}
		}
		if d.Repetition == 0 {
			d.Repetition = freeRepetition(ic, d)
		}
		ew.Writer().Delimiters = d
		if err := ew.BeginInterchange(h); err != nil {
			return err
		}
		for _, r := range ic.Services {
			seg, err := fromJSONSafe(r).Segment()
			if err != nil {
				return fmt.Errorf("an interchange's service segment: %w", err)
			}
			if err := ew.WriteInterchangeSegment(seg); err != nil {
				return err
			}
		}
		for _, g := range ic.Groups {
			// GS04/GS05 as their text, even when they are no date and time.
			if err := ew.BeginGroup(x12.GroupHeaderOf(g.GS)); err != nil {
				return err
			}
			for _, s := range g.Sets {
				if err := writeSet(ew, s); err != nil {
					return err
				}
			}
			if err := ew.EndGroup(); err != nil {
				return err
			}
		}
		if err := ew.EndInterchange(); err != nil {
			return err
		}
	}
	return ew.Close()
}

func writeSet(ew *x12.EnvelopeWriter, s *jsonSet) error {
	if k := kinds[s.Type]; k != nil && s.Body != nil {
		return k.write(ew, s.ST, s.Body)
	}
	if err := ew.BeginSet(x12.SetHeader{ID: el(s.ST, 1), Control: el(s.ST, 2), Reference: el(s.ST, 3)}); err != nil {
		return err
	}
	for i, r := range s.Segments {
		r = fromJSONSafe(r)
		if b64, ok := s.Binary[strconv.Itoa(i)]; ok {
			data, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				return fmt.Errorf("the binary data of a segment of set %s: %w", strings.TrimSpace(el(s.ST, 2)), err)
			}
			if err := ew.WriteBinary("BIN", data); err != nil {
				return err
			}
			continue
		}
		if id, data, ok := binaryOf(r); ok {
			if err := ew.WriteBinary(id, data); err != nil {
				return err
			}
			continue
		}
		seg, err := r.Segment()
		if err != nil {
			return fmt.Errorf("a segment of set %s: %w", strings.TrimSpace(el(s.ST, 2)), err)
		}
		if err := ew.WriteSegment(seg); err != nil {
			return err
		}
	}
	return ew.EndSet()
}

// binaryOf reads a raw BIN segment: its binary data (BIN02), which may hold delimiters and
// line breaks, is everything after BIN01.
func binaryOf(r x12.RawSegment) (id string, data []byte, ok bool) {
	if len(r.Delimiters) != 3 {
		return "", nil, false
	}
	sep := r.Delimiters[0]
	id, rest, found := strings.Cut(r.Text, string(sep))
	if !found || strings.ToUpper(id) != "BIN" {
		return "", nil, false
	}
	length, bin, found := strings.Cut(rest, string(sep))
	if n, err := strconv.Atoi(length); !found || err != nil || n != len(bin) {
		return "", nil, false
	}
	return "BIN", []byte(bin), true
}

// freeRepetition is a repetition separator for an interchange whose ISA11 is not one (read
// without repetitions): one that is no other delimiter and appears nowhere in its values
// (looked for in its JSON), so that no value is refused for holding it.
func freeRepetition(ic *jsonInterchange, d x12.Delimiters) byte {
	b, _ := json.Marshal(ic)
	for _, c := range []byte("^|!`@#$%&;?=+_{}") {
		if c != d.Component && c != d.Element && c != d.Segment[0] && bytes.IndexByte(b, c) < 0 {
			return c
		}
	}
	return '^'
}

// jsonSafe gives a raw segment whose delimiters include a byte of 0x80 or more (a one-byte
// separator the reader read from a two-byte UTF-8 character, ErrMultibyteComponent) with
// that byte written as the character of its code in its text and delimiters, as isaElements
// does for ISA16: JSON holds only UTF-8. fromJSONSafe undoes it.
func jsonSafe(r x12.RawSegment) x12.RawSegment {
	for i := 0; i < len(r.Delimiters); i++ {
		if c := r.Delimiters[i]; c >= 0x80 {
			ch := string(rune(c))
			r.Text = strings.ReplaceAll(r.Text, string([]byte{c}), ch)
			r.Delimiters = r.Delimiters[:i] + ch + r.Delimiters[i+1:]
			i += len(ch) - 1
		}
	}
	return r
}

// fromJSONSafe undoes jsonSafe.
func fromJSONSafe(r x12.RawSegment) x12.RawSegment {
	if len(r.Delimiters) == 3 || !utf8.ValidString(r.Delimiters) || utf8.RuneCountInString(r.Delimiters) != 3 {
		return r
	}
	var d []byte
	for _, ch := range r.Delimiters {
		if ch >= 0x100 {
			return r
		}
		if ch >= 0x80 {
			r.Text = strings.ReplaceAll(r.Text, string(ch), string([]byte{byte(ch)}))
		}
		d = append(d, byte(ch))
	}
	r.Delimiters = string(d)
	return r
}
