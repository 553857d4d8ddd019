package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// "x12kit json" writes its document as it reads, in the layout encoding/json gives a jsonDoc
// indented by two spaces: interchanges, groups and sets are opened when their header is read
// and closed when the next one begins or the input ends, so nothing but the set being read is
// held. An interchange stays open after its IEA (and a group after its GE) until the next
// ISA (GS): a stray set after a GE lands in the group before it, as it always did.
//
// An 837P or 835 set is streamed too: its header is written with its first claim, then each
// claim as it is decoded (claim837.Decoder, remit835.Decoder), so memory is bounded by one
// claim. The 835's header numbers, provider adjustments and extra segments, which are only
// complete at the end of the set, come after its claims: the same object, keys in another
// order. Other sets are held whole (their tree, or their segments) until they end.

// Indentation of the levels of the document.
const (
	indentSet   = "            "     // a set object, in its group's "transactions"
	indentBody  = "              "   // the set's keys
	indentField = "                " // the typed body's keys
	indentItem  = "                  "
)

// streamTyped lets json stream 837P and 835 input through their decoders; tests turn it off
// to compare with the output of the whole-set reading.
var streamTyped = true

// peekSize is how much of the input is looked at to choose how to read it.
const peekSize = 64 << 10

// docWriter writes the jsonDoc of a stream piece by piece.
type docWriter struct {
	w       *bufio.Writer
	err     error // the first encoding error
	ics     int   // interchanges begun
	inIC    bool
	groups  int // groups begun in the open interchange
	inGroup bool
	sets    int     // sets begun in the open group
	cur     *setOut // the set being read, nil outside one (or when it has no group to go in)
	// services are the open interchange's ISB, ISE and TA1 segments not yet written: they go
	// after its isa, before its groups.
	services []x12.RawSegment

	enc               *json.Encoder // into compact
	compact, indented bytes.Buffer
}

// setOut is a transaction set being written.
type setOut struct {
	st    []string
	guide *x12.Transaction // the guide its ST01 and version name, nil when none
	raw   []x12.RawSegment // its segments, while they may be needed
	// binary holds, base64, the data of its binary segments that is not UTF-8, by index in raw
	binary map[string]string
	keep   bool // collect raw

	kind *typedKind // a typed body, found when the set has ended (read whole)
	body any

	streaming bool        // the head of a typed body is written; its array is open
	items     int         // elements written to that array
	tail      func() []kv // the body's keys after the array, when the set ends
}

// kv is one key of a JSON object and its value.
type kv struct {
	key   string
	value any
}

func (d *docWriter) put(s string) {
	if d.err == nil {
		_, d.err = d.w.WriteString(s)
	}
}

// value writes v indented as at prefix (the indentation of the line it starts on), as
// json.MarshalIndent(v, prefix, "  ") does, through buffers used again for every value.
func (d *docWriter) value(v any, prefix string) {
	if d.enc == nil {
		d.enc = json.NewEncoder(&d.compact)
	}
	d.compact.Reset()
	if err := d.enc.Encode(v); err != nil {
		d.fail(err)
		return
	}
	d.indented.Reset()
	if err := json.Indent(&d.indented, bytes.TrimSuffix(d.compact.Bytes(), []byte("\n")), prefix, "  "); err != nil {
		d.fail(err)
		return
	}
	if d.err == nil {
		_, d.err = d.w.Write(d.indented.Bytes())
	}
}

func (d *docWriter) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// openItem begins the next object of the array key (its key at keyIndent) of the open
// object, opening the array before the first; count is the objects begun so far.
func (d *docWriter) openItem(count *int, key, keyIndent, itemIndent string) {
	if *count == 0 {
		d.put(",\n" + keyIndent + "\"" + key + "\": [\n" + itemIndent + "{\n")
	} else {
		d.put(",\n" + itemIndent + "{\n")
	}
	*count++
}

// closeItems ends the array key (its key at keyIndent; null when it holds nothing) and then
// the object holding it, at objIndent.
func (d *docWriter) closeItems(count int, key, keyIndent, objIndent string) {
	if count == 0 {
		d.put(",\n" + keyIndent + "\"" + key + "\": null")
	} else {
		d.put("\n" + keyIndent + "]")
	}
	d.put("\n" + objIndent + "}")
}

// isa begins an interchange, ending what is open.
func (d *docWriter) isa(elements []string) {
	d.endInterchange()
	if d.ics == 0 {
		d.put("{\n  \"interchanges\": [\n    {\n")
	} else {
		d.put(",\n    {\n")
	}
	d.ics++
	d.put("      \"isa\": ")
	d.value(elements, "      ")
	d.inIC, d.groups, d.services = true, 0, nil
}

// service keeps an interchange's own segment (ISB, ISE, TA1) read before its first group.
func (d *docWriter) service(s *x12.Segment) {
	if d.inIC && d.groups == 0 {
		d.services = append(d.services, jsonSafe(x12.RawOf(s)))
	}
}

// flushServices writes the open interchange's services, if any.
func (d *docWriter) flushServices() {
	if len(d.services) > 0 {
		d.put(",\n      \"services\": ")
		d.value(d.services, "      ")
		d.services = nil
	}
}

func (d *docWriter) endInterchange() {
	if !d.inIC {
		return
	}
	d.endGroup()
	d.flushServices()
	d.closeItems(d.groups, "groups", "      ", "    ")
	d.inIC = false
}

// gs begins a group of the open interchange (a GS outside one is not written).
func (d *docWriter) gs(elements []string) {
	d.endGroup()
	if !d.inIC {
		return
	}
	d.flushServices()
	d.openItem(&d.groups, "groups", "      ", "        ")
	d.put("          \"gs\": ")
	d.value(elements, "          ")
	d.inGroup, d.sets = true, 0
}

func (d *docWriter) endGroup() {
	if !d.inGroup {
		return
	}
	d.endSet()
	d.closeItems(d.sets, "transactions", "          ", "        ")
	d.inGroup = false
}

// st begins a set of the open group; it returns nil (the set is not written) outside one.
func (d *docWriter) st(elements []string, guide *x12.Transaction) *setOut {
	d.endSet()
	if !d.inGroup {
		return nil
	}
	d.cur = &setOut{st: elements, guide: guide, keep: true}
	return d.cur
}

// segment keeps a segment of the open set while its raw segments may be needed.
func (d *docWriter) segment(s *x12.Segment, n *x12.Node) {
	if c := d.cur; c != nil && c.keep {
		r := jsonSafe(x12.RawOf(s))
		if n != nil {
			r.Loop = n.Loop.ID
		}
		if data := s.Element(2); s.IsBinary() && !utf8.Valid(data) {
			// Binary data JSON cannot hold as text: base64, by the segment's index.
			if c.binary == nil {
				c.binary = map[string]string{}
			}
			c.binary[strconv.Itoa(len(c.raw))] = base64.StdEncoding.EncodeToString(data)
			sep := string([]byte{s.Delimiters().Element})
			r.Text = s.ID() + sep + strconv.Itoa(len(data)) + sep
		}
		c.raw = append(c.raw, r)
	}
}

// beginSetObject writes the set's opening, its st and type.
func (d *docWriter) beginSetObject(c *setOut, typ string) {
	d.openItem(&d.sets, "transactions", "          ", indentSet)
	d.put(indentBody + "\"st\": ")
	d.value(c.st, indentBody)
	d.put(",\n" + indentBody + "\"type\": ")
	d.value(typ, indentBody)
}

// stream starts writing the open set as kind k with body head, whose last key (array) is the
// array the items go to: head must marshal with that key last and empty.
func (d *docWriter) stream(k *typedKind, head any, array string, tail func() []kv) error {
	c := d.cur
	if c == nil || c.streaming {
		return nil
	}
	b, err := json.MarshalIndent(head, indentBody, "  ")
	if err != nil {
		return err
	}
	suffix := "\"" + array + "\": []\n" + indentBody + "}"
	if !bytes.HasSuffix(b, []byte(suffix)) {
		return fmt.Errorf("x12kit json: the %s body does not end with its %q array", k.name, array)
	}
	d.beginSetObject(c, k.name)
	d.put(",\n" + indentBody + "\"" + k.key + "\": ")
	if d.err == nil {
		_, d.err = d.w.Write(b[:len(b)-len("[]\n"+indentBody+"}")])
	}
	c.streaming, c.keep, c.raw, c.tail = true, false, nil, tail
	return nil
}

// item writes one element of the open set's streamed array.
func (d *docWriter) item(v any) {
	c := d.cur
	if c == nil || !c.streaming {
		return
	}
	if c.items == 0 {
		d.put("[\n" + indentItem)
	} else {
		d.put(",\n" + indentItem)
	}
	c.items++
	d.value(v, indentItem)
}

// endSet writes the rest of the open set: the end of a streamed body, or the whole set (typed
// when its kind read it, else its segments).
func (d *docWriter) endSet() {
	c := d.cur
	if c == nil {
		return
	}
	d.cur = nil
	if !c.streaming {
		set := &jsonSet{ST: c.st, Type: "segments", Segments: c.raw, Binary: c.binary}
		if c.kind != nil {
			set.Type, set.Body, set.Segments = c.kind.name, c.body, nil
		}
		if d.sets == 0 {
			d.put(",\n          \"transactions\": [\n" + indentSet)
		} else {
			d.put(",\n" + indentSet)
		}
		d.sets++
		d.value(set, indentSet)
		return
	}
	if c.items == 0 {
		d.put("[]")
	} else {
		d.put("\n" + indentField + "]")
	}
	if c.tail != nil {
		for _, f := range c.tail() {
			d.put(",\n" + indentField + "\"" + f.key + "\": ")
			d.value(f.value, indentField)
		}
	}
	d.put("\n" + indentBody + "}\n" + indentSet + "}")
}

// finish ends the document (nothing is written for an input without an interchange).
func (d *docWriter) finish() {
	d.endInterchange()
	if d.ics > 0 {
		d.put("\n  ]\n}\n")
	}
}

// lookupGuide is the guide a SetReader chooses for a set: by ST01 and ST03, else GS08.
func lookupGuide(st01, st03, gs08 string) *x12.Transaction {
	version := st03
	if version == "" {
		version = gs08
	}
	g := x12.Guides.Lookup(st01, version)
	if g == nil && st03 != "" {
		g = x12.Guides.Lookup(st01, gs08)
	}
	return g
}

// firstGuide returns the guide of the input's first transaction set, looking at no more than
// what br holds, or nil.
func firstGuide(br *bufio.Reader) *x12.Transaction {
	head, _ := br.Peek(peekSize) // as much as there is; a read error shows when reading
	r := x12.NewReader(bytes.NewReader(head))
	gs08 := ""
	for {
		s, err := r.Next()
		if err != nil {
			if err == io.EOF || r.Err() != nil {
				return nil
			}
			continue
		}
		switch s.ID() {
		case "GS":
			gs08 = s.Value(8)
		case "ST":
			return lookupGuide(s.Value(1), s.Value(3), gs08)
		}
	}
}

// jsonRun is one run of "x12kit json".
type jsonRun struct {
	dw    *docWriter
	found findingSet
	gs08  string
	err   error // an I/O error, or an encoding error of the document
}

// trace gives sr the Trace that writes the envelopes and keeps the segments of the sets.
func (j *jsonRun) trace(sr *x12.SetReader) {
	sr.Trace = func(s *x12.Segment, n *x12.Node, _ *x12.SegmentSpec) {
		switch s.ID() {
		case "ISA":
			j.dw.isa(isaElements(s))
		case "GS":
			j.gs08 = s.Value(8)
			j.dw.gs(elements(s))
		case "ST":
			j.dw.st(elements(s), lookupGuide(s.Value(1), s.Value(3), j.gs08))
		case "GE", "IEA":
			j.dw.endSet()
		case "TA1", "ISB", "ISE":
			j.dw.service(s)
		case "SE":
		default:
			if n != nil || s.Pos.SetSegment > 0 {
				j.dw.segment(s, n)
			}
		}
	}
}

// decodeError takes an error a typed decoder returned (not io.EOF); it reports whether
// reading may go on. A set of another kind is no error: it is written as its segments (only
// one of no known guide, which the generic reading reports too, is one).
func (j *jsonRun) decodeError(err error) bool {
	if errors.Is(err, x12.ErrWrongTransaction) {
		if c := j.dw.cur; c != nil && c.guide != nil {
			return true
		}
	}
	if !j.found.add(err) {
		j.err = err // an I/O error
		return false
	}
	return true
}

// stream837 reads an 837P stream through claim837.Decoder, writing each claim as it comes.
func (j *jsonRun) stream837(r io.Reader) {
	d := claim837.NewDecoder(r, nil)
	j.trace(d.Reader())
	k := kinds["837P"]
	var last error
	var set *x12.Set
	for {
		c, err := d.NextClaim()
		if err == io.EOF {
			break
		}
		if err != nil {
			if err == last || !j.decodeError(err) {
				break // it stops reading: returned again
			}
			last = err
			continue
		}
		if d.Set() != set {
			j.setOmitted(set)
			set = d.Set()
		}
		for _, f := range c.Findings {
			j.found.one(f)
		}
		if cur := j.dw.cur; cur != nil && !cur.streaming {
			head := *d.Batch()
			head.Claims = []claim837.Claim{}
			if err := j.dw.stream(k, &head, "claims", nil); err != nil {
				j.dw.fail(err)
			}
		}
		j.dw.item(c)
	}
	j.setOmitted(set)
	j.found.addList(d.Findings())
}

// setOmitted counts the findings of set past its list's limit: units read after the list was
// full came without theirs.
func (j *jsonRun) setOmitted(set *x12.Set) {
	if set != nil {
		j.found.errs.Omitted += set.Findings.Omitted
	}
}

// stream835 reads an 835 stream through remit835.Decoder, writing each claim payment as it
// comes; the remittance's keys after its claims are written at the end of its set.
func (j *jsonRun) stream835(r io.Reader) {
	d := remit835.NewDecoder(r, nil)
	j.trace(d.Reader())
	k := kinds["835"]
	begin := func(rm *remit835.Remittance) {
		if cur := j.dw.cur; cur == nil || cur.streaming {
			return
		}
		head := *rm
		head.Headers, head.Adjustments, head.Extra, head.Claims = nil, nil, nil, []remit835.Claim{}
		tail := func() []kv {
			var out []kv
			if len(rm.Headers) > 0 {
				out = append(out, kv{"headers", rm.Headers})
			}
			if len(rm.Adjustments) > 0 {
				out = append(out, kv{"provider_adjustments", rm.Adjustments})
			}
			if len(rm.Extra) > 0 {
				out = append(out, kv{"extra", rm.Extra})
			}
			return out
		}
		if err := j.dw.stream(k, &head, "claims", tail); err != nil {
			j.dw.fail(err)
		}
	}
	d.SetDone = func(rm *remit835.Remittance, set *x12.Set) {
		begin(rm)                      // a set without claims has its head written here
		j.found.addList(&set.Findings) // its guide findings, those of its claims included
	}
	var last error
	for {
		c, err := d.NextClaim()
		if err == io.EOF {
			break
		}
		if err != nil {
			if err == last || !j.decodeError(err) {
				break
			}
			last = err
			continue
		}
		for _, f := range c.Findings { // the guide's, and those the decoder made on amounts
			j.found.one(f)
		}
		begin(d.Remittance())
		j.dw.item(c)
	}
	j.found.addList(d.Reader().Envelopes().Errors()) // the errors came from Next; its warnings
}

// generic reads any stream set by set with a SetReader (each set's tree held until it ends),
// typing the sets x12kit models.
func (j *jsonRun) generic(r io.Reader) {
	sr := x12.NewSetReader(r)
	sr.Codes = codeSource()
	j.trace(sr)
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !isFinding(err) {
				j.err = err
			}
			break // the finding is in the envelope checks
		}
		j.found.addList(&set.Findings)
		if c := j.dw.cur; c != nil {
			for _, k := range kindOrder {
				if body, ok := k.read(set); ok {
					c.kind, c.body, c.raw = k, body, nil
					break
				}
			}
		}
		j.dw.endSet()
	}
	j.found.addList(sr.Envelopes().Errors())
}

func runJSON(e env, args []string) int {
	fs := newFlags(e, commands["json"])
	in, _, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	br := bufio.NewReaderSize(in, peekSize)
	j := &jsonRun{dw: &docWriter{w: out}}
	g := firstGuide(br)
	if !streamTyped {
		g = nil
	}
	switch {
	case g == claim837.Guide:
		j.stream837(br)
	case g == remit835.Guide:
		j.stream835(br)
	default:
		j.generic(br)
	}
	j.dw.finish()
	if err := out.Flush(); err != nil {
		j.dw.fail(err)
	}
	if j.err != nil {
		fmt.Fprintf(e.stderr, "x12kit json: cannot read input: %v\n", j.err)
		return exitUsage
	}
	if j.dw.err != nil {
		fmt.Fprintf(e.stderr, "x12kit json: cannot write the JSON: %v\n", j.dw.err)
		return exitUsage
	}
	j.found.print(e.stderr, "json", 20)
	if n := j.found.errors(); n > 0 {
		fmt.Fprintf(e.stderr, "x12kit json: the input has %d error(s); the JSON holds what could be read (x12kit validate lists every finding)\n",
			n)
		return exitBad
	}
	return exitOK
}
