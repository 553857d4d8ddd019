package eligibility

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// Version is the implementation guide x12kit writes (GS08 and ST03).
const Version = "005010X279A1"

// WriteRequests writes one interchange with a functional group (GS01 HS) holding a 270 per
// request, through a RequestEncoder into memory: each set is read back through Guide270 and
// the envelope checks before it is kept, and w gets the whole interchange only when every set
// is clean. The first set that is not stops the write with an *x12.WriteError (errors.Is
// x12.ErrInvalid), its findings at the positions they would have had in the output, and w
// gets nothing. Without requests it writes an interchange holding an empty group.
func WriteRequests(w io.Writer, env x12.Envelope, reqs ...*Request) error {
	return writeAll(w, env, kind270, reqs)
}

// WriteResponses writes one interchange with a functional group (GS01 HB) holding a 271 per
// response, through a ResponseEncoder into memory, checked like WriteRequests.
func WriteResponses(w io.Writer, env x12.Envelope, resps ...*Response) error {
	return writeAll(w, env, kind271, resps)
}

func writeAll[T any](w io.Writer, env x12.Envelope, k kind[T], values []*T) error {
	return codec.WriteAll(w, func(buf io.Writer) (*x12.CheckedGroup, func(*T) error) {
		enc := newEncoder(buf, env, k, nil)
		return enc.g, enc.encode
	}, values)
}

// EncodeOptions are the options of a RequestEncoder and a ResponseEncoder; nil means the
// zero value.
type EncodeOptions struct {
	// Codes answers for the external code lists the guides name when each set is checked;
	// nil means codes.Default.
	Codes x12.CodeSource
}

// errNilValue is what Write and Encode return for a nil value.
var errNilValue = errors.New("eligibility: Encode of a nil value")

// setEncoder is the streaming writer RequestEncoder and ResponseEncoder share: one
// interchange holding one functional group of the kind's sets, through an x12.CheckedGroup,
// so that only a clean set reaches the output. Its exported method is that of both encoders.
type setEncoder[T any] struct {
	g    *x12.CheckedGroup
	kind kind[T]
}

func newEncoder[T any](w io.Writer, env x12.Envelope, k kind[T], opts *EncodeOptions) setEncoder[T] {
	g := x12.NewCheckedGroup(w, env, k.guide.FunctionalID, Version)
	g.Codes = codes.Default()
	if opts != nil && opts.Codes != nil {
		g.Codes = opts.Codes
	}
	return setEncoder[T]{g: g, kind: k}
}

// encode checks v and writes it; a nil v is refused without stopping the encoder.
func (enc *setEncoder[T]) encode(v *T) error {
	if v == nil {
		return errNilValue
	}
	return enc.g.Encode(func(e *x12.EnvelopeWriter) error { return enc.kind.encode(e, v) }, nil)
}

// Close ends the interchange (nothing is written when nothing was encoded) and flushes; an
// Encode after it is an error. After an error, Close returns that error.
func (enc *setEncoder[T]) Close() error { return enc.g.Close() }

// RequestEncoder streams 270s into one interchange holding one functional group (GS01 HS), a
// set at a time, so memory stays bounded by the largest set (and the group's ST02s, as many as
// the envelope checks remember: x12.MaxTrackedControlNumbers): each set is read back through
// Guide270 and the envelope checks, in an interchange of its own, before any of it is
// written, and only a clean set reaches the output. A set that is not stops the
// RequestEncoder with a *x12.WriteError (errors.Is x12.ErrInvalid) whose positions are those the set
// would have had in the output. ST02 is the request's Header.Control when it has one, else
// the next set number of env.Controls; an ST02 already used in the group is refused, as the
// envelope checks refuse it in a file (clear Header.Control of sets read from several files
// before they go into one group).
//
// Output reaches w a set at a time: the ISA and GS with the first clean set, each later set
// when it is encoded, the GE and IEA with Close. The first error stops the RequestEncoder and
// every later call returns it; a stopped RequestEncoder does not end the interchange, so what
// w received is then incomplete. A RequestEncoder is not safe for concurrent use.
type RequestEncoder struct {
	setEncoder[Request]
}

// NewRequestEncoder returns a RequestEncoder writing to w with env's headers, control
// numbers, clock and delimiters (opts may be nil). The interchange begins with the first
// Encode.
func NewRequestEncoder(w io.Writer, env x12.Envelope, opts *EncodeOptions) *RequestEncoder {
	return &RequestEncoder{newEncoder(w, env, kind270, opts)}
}

// Encode checks one 270 against Guide270 and writes it. A set with findings or a repeated
// ST02 is not written: the error is a *x12.WriteError (errors.Is x12.ErrInvalid).
func (enc *RequestEncoder) Encode(r *Request) error { return enc.encode(r) }

// ResponseEncoder streams 271s into one interchange holding one functional group (GS01 HB),
// a set at a time, each checked against Guide271 before it is written and refused when its
// ST02 repeats one of the group, as a RequestEncoder does 270s. A ResponseEncoder is not safe for concurrent use.
type ResponseEncoder struct {
	setEncoder[Response]
}

// NewResponseEncoder returns a ResponseEncoder writing to w with env's headers, control
// numbers, clock and delimiters (opts may be nil). The interchange begins with the first
// Encode.
func NewResponseEncoder(w io.Writer, env x12.Envelope, opts *EncodeOptions) *ResponseEncoder {
	return &ResponseEncoder{newEncoder(w, env, kind271, opts)}
}

// Encode checks one 271 against Guide271 and writes it. A set with findings or a repeated
// ST02 is not written: the error is a *x12.WriteError (errors.Is x12.ErrInvalid).
func (enc *ResponseEncoder) Encode(r *Response) error { return enc.encode(r) }

// The guide's loops, for putting Extra segments back in place.
var (
	loops270 = loopsOf(Guide270)
	loops271 = loopsOf(Guide271)
)

func loopsOf(g *x12.Transaction) map[string]*x12.Loop {
	out := map[string]*x12.Loop{}
	g.Root.Walk(func(l, _ *x12.Loop) { out[l.ID] = l })
	return out
}

type encoder struct {
	e     *x12.EnvelopeWriter
	loops map[string]*x12.Loop
	hl    int
	ids   bool   // HL01s as the items keep them (Inquiry.HL, Answer.HL)
	items string // the Go field of the items: Inquiries or Answers
}

func (enc *encoder) s(id string, v ...string) { enc.e.WriteStrings(id, v...) }

// at says the next segment comes from field within item i (EnvelopeWriter.At); the path is
// built only when the writer records fields.
func (enc *encoder) at(i int, field string, names x12.FieldNames) {
	if enc.e.Marking() {
		enc.e.At(enc.items+"["+strconv.Itoa(i)+"]"+field, names)
	}
}

// The fields of the segments the encoder writes from the model.
var (
	memberNames = x12.ByElement(map[int]string{1: "Entity", 2: "NameType", 3: "Last", 4: "First", 5: "Middle", 7: "Suffix",
		8: "IDQualifier", 9: "ID"})
	dmgNames = x12.ByElement(map[int]string{2: "BirthDate", 3: "Gender"})
	insNames = x12.ByElement(map[int]string{2: "Relationship"})
	eqNames  = x12.ByElement(map[int]string{1: "ServiceTypes", 2: "Procedure", 3: "Coverage"})
	ebNames  = x12.ByElement(map[int]string{1: "Info", 2: "Coverage", 3: "ServiceTypes", 4: "InsuranceType", 5: "Plan",
		6: "Period", 7: "Amount", 8: "Percent", 9: "QuantityQualifier", 10: "Quantity", 11: "Authorization",
		12: "InNetwork", 13: "Procedure", 14: "Diagnoses"})
)

// queue returns the extras of one loop instance, ordered by the guide.
func (enc *encoder) queue(extra []x12.RawSegment, loop string, nested ...string) (x12.ExtraQueue, *x12.Loop) {
	l := enc.loops[loop]
	if l == nil {
		return x12.ExtraQueue{}, &x12.Loop{ID: loop}
	}
	return x12.NewExtraQueue(extra, l, nested...), l
}

// level is one HL of the hierarchy being written, with the inquiries or answers under it.
type level struct {
	key      string
	indexes  []int
	children []*level
}

// group gathers indexes into runs of the same key: items share a level only when they come
// one after another, so that reading the output back gives them in their order.
func group(indexes []int, key func(i int) string) []*level {
	var out []*level
	for _, i := range indexes {
		k := key(i)
		if n := len(out); n > 0 && out[n-1].key == k {
			out[n-1].indexes = append(out[n-1].indexes, i)
			continue
		}
		out = append(out, &level{key: k, indexes: []int{i}})
	}
	return out
}

// subscriberLevels cuts a run of items about one subscriber into the levels a reader gives
// back as they are: an item about the subscriber (no dependent) begins a level, and the items
// about dependents that follow it go under it.
func subscriberLevels(indexes []int, dependent func(i int) bool) (levels [][]int) {
	for _, i := range indexes {
		if n := len(levels); n == 0 || !dependent(i) {
			levels = append(levels, []int{i})
		} else {
			levels[n-1] = append(levels[n-1], i)
		}
	}
	return levels
}

// none reports whether v (a Party or a Member) is the zero value: a level the item does not
// have (an answer at the payer's or the provider's level).
func none(v any) bool { return reflect.ValueOf(v).Elem().IsZero() }

// partyKey and memberKey group inquiries or answers under one HL level only when everything
// that level writes is the same (every field, Extra included): a level is written from the
// first of its group, so parties or members that differ in anything (a trace's company, a
// REF, a date) keep their own levels and lose nothing.
func partyKey(p *Party) string { return levelKey(p) }

func memberKey(m *Member) string { return levelKey(m) }

func levelKey(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("eligibility: a party or member does not marshal: " + err.Error()) // plain data: not reached
	}
	return string(b)
}

func (enc *encoder) bht(purpose, defPurpose, ref string, created time.Time, digits int, u x12.Unparsed) {
	if purpose == "" {
		purpose = defPurpose
	}
	if date, ok := u.Get("Created"); ok { // BHT04 and BHT05 as read: not a date and time
		enc.s("BHT", "0022", purpose, ref, date, u.Or("ClockDigits", ""))
		return
	}
	if created.IsZero() {
		created = enc.e.Clock() // the envelope's clock: deterministic when the caller fixes it
	}
	enc.s("BHT", "0022", purpose, ref, created.Format("20060102"), x12.FormatClock(created, digits))
}

// EncodeRequest writes one 270 transaction set through e, which must have a group open.
// Inquiries are grouped under their source, receiver and subscriber; HL numbers and parent
// links are computed; Extra segments go back where the guide puts them. Write checks the
// result.
func EncodeRequest(e *x12.EnvelopeWriter, r *Request) error {
	enc := &encoder{e: e, loops: loops270, items: "Inquiries"}
	return enc.set("270", "13", &r.Header, len(r.Inquiries),
		func(i int) (*Party, *Party, *Member, *Member) {
			q := &r.Inquiries[i]
			return &q.Source, &q.Receiver, &q.Subscriber, q.Dependent
		},
		func(i int) []string { return r.Inquiries[i].HL },
		func(i int, letter string) {
			for k, question := range r.Inquiries[i].Questions {
				enc.at(i, ".Questions["+strconv.Itoa(k)+"]", eqNames)
				enc.question(&question, letter)
			}
		})
}

// set writes a transaction set: ST, BHT, the HL hierarchy of n items, SE.
func (enc *encoder) set(id, purpose string, h *Header, n int, at func(i int) (src, rcv *Party, sub, dep *Member),
	hl func(i int) []string, items func(i int, letter string)) error {
	e := enc.e
	version := h.Version
	if version == "" && !h.NoVersion {
		version = Version
	}
	if err := e.BeginSet(x12.SetHeader{ID: id, Reference: version, Control: h.Control}); err != nil {
		return err
	}
	ex, root := enc.queue(h.Extra, "ST")
	ex.Flush(e, root.Key("BHT"))
	enc.bht(h.Purpose, purpose, h.Reference, h.Created, h.ClockDigits, h.Unparsed)
	ex.Flush(e, root.LoopIndex("2000A"))
	enc.hierarchy(n, at, hl, items)
	ex.FlushAll(e)
	return e.EndSet()
}

// EncodeResponse writes one 271 transaction set through e, as EncodeRequest does a 270.
func EncodeResponse(e *x12.EnvelopeWriter, r *Response) error {
	enc := &encoder{e: e, loops: loops271, items: "Answers"}
	return enc.set("271", "11", &r.Header, len(r.Answers),
		func(i int) (*Party, *Party, *Member, *Member) {
			a := &r.Answers[i]
			return &a.Source, &a.Receiver, &a.Subscriber, a.Dependent
		},
		func(i int) []string { return r.Answers[i].HL },
		func(i int, letter string) {
			for k, b := range r.Answers[i].Benefits {
				enc.at(i, ".Benefits["+strconv.Itoa(k)+"]", ebNames)
				enc.benefit(&b, letter)
			}
		})
}

// hierarchy writes the HL levels: sources, their receivers, subscribers, dependents. at gives
// the parties of item i; hl the HL01s it was read under; items writes the question or benefit
// loops of item i's member level. Items that all keep the HL levels they were read under
// (receivedHL) are written under those levels: a level is a run of items read under the same
// HL with the same party, written with its HL01 when the HL01s are usable (distinctHL);
// else items share a level when they come one after another with the same party.
func (enc *encoder) hierarchy(n int, at func(i int) (src, rcv *Party, sub, dep *Member), hl func(i int) []string, items func(i int, letter string)) {
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	children := func(indexes []int, has func(i int) bool) string {
		for _, i := range indexes {
			if has(i) {
				return "1"
			}
		}
		return "0"
	}
	received := receivedHL(n, at, hl)
	// key is the level key of item i at HL level l: the party's, and the HL01 as received.
	key := func(l int, party string, i int) string {
		if received {
			return party + "\x00" + hlAt(hl(i), l)
		}
		return party
	}
	id := func(i, l int) string { return hlAt(hl(i), l) }
	enc.ids = received && distinctHL(n, at, hl, key)
	for _, a := range group(all, func(i int) string { s, _, _, _ := at(i); return key(0, partyKey(s), i) }) {
		src, _, _, _ := at(a.indexes[0])
		hlA := enc.nextHL(id(a.indexes[0], 0), "", "20", children(a.indexes, func(i int) bool { _, r, _, _ := at(i); return !none(r) }))
		enc.party(src, "2000A", "2100A", hlA)
		for _, b := range group(a.indexes, func(i int) string { _, r, _, _ := at(i); return key(1, partyKey(r), i) }) {
			_, rcv, _, _ := at(b.indexes[0])
			if none(rcv) {
				continue // an answer at the payer's level only
			}
			hlB := enc.nextHL(id(b.indexes[0], 1), hlA, "21", children(b.indexes, func(i int) bool { _, _, m, _ := at(i); return !none(m) }))
			enc.party(rcv, "2000B", "2100B", hlB)
			for _, c := range group(b.indexes, func(i int) string { _, _, s, _ := at(i); return key(2, memberKey(s), i) }) {
				if _, _, m, _ := at(c.indexes[0]); none(m) {
					continue // an answer at the provider's level only
				}
				levels := [][]int{c.indexes}
				if !received {
					levels = subscriberLevels(c.indexes, func(i int) bool { _, _, _, d := at(i); return d != nil })
				}
				for _, lv := range levels {
					var own, deps []int
					for _, i := range lv {
						if _, _, _, d := at(i); d == nil {
							own = append(own, i)
						} else {
							deps = append(deps, i)
						}
					}
					child := "0"
					if len(deps) > 0 {
						child = "1"
					}
					_, _, sub, _ := at(lv[0])
					hlC := enc.nextHL(id(lv[0], 2), hlB, "22", child)
					enc.member(sub, lv[0], "C", func() {
						for _, i := range own {
							items(i, "C")
						}
					})
					for _, i := range deps {
						_, _, _, dep := at(i)
						enc.nextHL(id(i, 3), hlC, "23", "0")
						enc.member(dep, i, "D", func() { items(i, "D") })
					}
				}
			}
		}
	}
}

// hlAt is the HL01 at level l of a hierarchy as read, "" when it has none there.
func hlAt(hl []string, l int) string {
	if l < len(hl) {
		return hl[l]
	}
	return ""
}

// levelsOf is how many HL levels item i has: its source, receiver, subscriber and dependent
// as far as it has them.
func levelsOf(i int, at func(i int) (src, rcv *Party, sub, dep *Member)) int {
	_, rcv, sub, dep := at(i)
	switch {
	case none(rcv):
		return 1
	case none(sub):
		return 2
	case dep == nil:
		return 3
	}
	return 4
}

// receivedHL reports whether every one of the n items keeps the HL01 of each level it has.
func receivedHL(n int, at func(i int) (src, rcv *Party, sub, dep *Member), hl func(i int) []string) bool {
	for i := range n {
		if len(hl(i)) != levelsOf(i, at) {
			return false
		}
	}
	return n > 0
}

// distinctHL reports whether the HL01s the items were read under can be written again: none
// empty, and each level written (a change of level key, or a dependent) its own HL01.
func distinctHL(n int, at func(i int) (src, rcv *Party, sub, dep *Member), hl func(i int) []string, key func(l int, party string, i int) string) bool {
	seen := map[string]bool{}
	var prev [3]string
	for i := range n {
		src, rcv, sub, _ := at(i)
		parties := [3]string{partyKey(src), partyKey(rcv), memberKey(sub)}
		path := ""
		for l := range levelsOf(i, at) {
			if l < 3 {
				path += "\x01" + key(l, parties[l], i)
				if path == prev[l] {
					continue // the level of the item before
				}
				prev[l] = path
			}
			id := hlAt(hl(i), l)
			if id == "" || seen[id] {
				return false
			}
			seen[id] = true
		}
		for l := levelsOf(i, at); l < 3; l++ {
			prev[l] = ""
		}
	}
	return true
}

// nextHL writes an HL and returns its number: id (as read) when the items' HL01s are
// written again, else the next number.
func (enc *encoder) nextHL(id, parent, level, child string) string {
	if !enc.ids {
		enc.hl++
		id = strconv.Itoa(enc.hl)
	}
	enc.s("HL", id, parent, level, child)
	return id
}

func nameType(person bool) string {
	if person {
		return "1"
	}
	return "2"
}

// party writes a source or receiver level (its HL is written): level AAA, then the name loop.
func (enc *encoder) party(p *Party, hlLoop, nameLoop string, _ string) {
	exHL, hl := enc.queue(p.Extra, hlLoop)
	exName, nl := enc.queue(p.Extra, nameLoop)
	for _, r := range p.Errors {
		if r.Loop == hlLoop {
			exHL.Flush(enc.e, hl.Key("AAA"))
			enc.aaa(&r)
		}
	}
	exHL.Flush(enc.e, hl.LoopIndex(nameLoop))
	if p.Entity != "" || p.Name != "" || p.ID != "" { // a level read without its name loop has none
		enc.s("NM1", p.Entity, p.Unparsed.Or("Person", nameType(p.Person)), p.Name, p.First, p.Middle, "", p.Suffix, p.IDQualifier, p.ID)
	}
	for _, r := range p.Refs {
		exName.Flush(enc.e, nl.Key("REF", r.Qualifier))
		enc.s("REF", r.Qualifier, r.Value, r.Description)
	}
	enc.address(&exName, nl, p.Address)
	for _, r := range p.Errors {
		if r.Loop == nameLoop {
			exName.Flush(enc.e, nl.Key("AAA"))
			enc.aaa(&r)
		}
	}
	exName.FlushAll(enc.e)
	exHL.FlushAll(enc.e)
}

func (enc *encoder) aaa(r *Reject) { enc.s("AAA", r.Valid, "", r.Reason, r.FollowUp) }

func (enc *encoder) address(ex *x12.ExtraQueue, l *x12.Loop, a *x12.Address) {
	if a == nil {
		return
	}
	if a.Line1 != "" {
		ex.Flush(enc.e, l.Key("N3"))
		enc.s("N3", a.Line1, a.Line2)
	}
	if a.City != "" {
		ex.Flush(enc.e, l.Key("N4"))
		enc.s("N4", a.N4Elements()...)
	}
}

func (enc *encoder) dates(ex *x12.ExtraQueue, l *x12.Loop, dates []DateRange) {
	for _, d := range dates {
		ex.Flush(enc.e, l.Key("DTP", d.Qualifier))
		if d.To.IsZero() {
			enc.s("DTP", d.Qualifier, "D8", d.From.X12())
		} else {
			enc.s("DTP", d.Qualifier, "RD8", d.From.X12()+"-"+d.To.X12())
		}
	}
}

// member writes a subscriber (letter C) or dependent (D) level after its HL: traces, name
// loop, then the question or benefit loops items writes.
// member writes the subscriber (letter C) or dependent (D) level m of item i.
func (enc *encoder) member(m *Member, i int, letter string, items func()) {
	field := ".Subscriber"
	if letter == "D" {
		field = ".Dependent"
	}
	hlLoop, nameLoop := "2000"+letter, "2100"+letter
	exHL, hl := enc.queue(m.Extra, hlLoop)
	exName, nl := enc.queue(m.Extra, nameLoop)
	for _, t := range m.Traces {
		exHL.Flush(enc.e, hl.Key("TRN"))
		enc.s("TRN", t.Type, t.Number, t.Originator, t.Supplement)
	}
	exHL.Flush(enc.e, hl.LoopIndex(nameLoop))
	kind := m.NameType
	if kind == "" {
		kind = "1"
	}
	if m.Entity != "" || m.Last != "" || m.ID != "" { // a level read without its name loop has none
		enc.at(i, field, memberNames)
		enc.s("NM1", m.Entity, kind, m.Last, m.First, m.Middle, "", m.Suffix, m.IDQualifier, m.ID)
	}
	for _, r := range m.Refs {
		exName.Flush(enc.e, nl.Key("REF", r.Qualifier))
		enc.s("REF", r.Qualifier, r.Value, r.Description)
	}
	enc.address(&exName, nl, m.Address)
	for _, r := range m.Errors {
		exName.Flush(enc.e, nl.Key("AAA"))
		enc.aaa(&r)
	}
	if !m.BirthDate.IsZero() || m.Gender != "" {
		exName.Flush(enc.e, nl.Key("DMG"))
		enc.at(i, field, dmgNames)
		enc.s("DMG", "D8", m.BirthDate.X12(), m.Gender)
	}
	if m.Relationship != "" {
		exName.Flush(enc.e, nl.Key("INS"))
		insured := "Y"
		if letter == "D" {
			insured = "N"
		}
		enc.at(i, field, insNames)
		enc.s("INS", insured, m.Relationship)
	}
	enc.dates(&exName, nl, m.Dates)
	exName.Flush(enc.e, nl.LoopIndex("2110"+letter))
	items()
	exName.FlushAll(enc.e)
	exHL.FlushAll(enc.e)
}

func (enc *encoder) question(q *Question, letter string) {
	ex, l := enc.queue(q.Extra, "2110"+letter)
	el := []x12.Element{x12.R(elements(q.ServiceTypes)...), x12.C(q.Procedure...), x12.E(q.Coverage)}
	for _, v := range q.Rest {
		el = append(el, x12.E(v))
	}
	if !rawAnchor(q.Extra, "EQ", l.ID) { // else written from Extra
		enc.e.Write("EQ", el...)
	}
	for _, p := range q.Places {
		ex.Flush(enc.e, l.Key("III"))
		enc.s("III", p.Qualifier, p.Code)
	}
	enc.dates(&ex, l, q.Dates)
	ex.FlushAll(enc.e)
}

// rawAnchor reports whether extra holds the segment id that starts loop: the decoder kept it
// raw (see fits), and the ExtraQueue writes it in its place (first) instead of the fields.
// A loop instance has one anchor, so no other id of that loop is ever in extra.
func rawAnchor(extra []x12.RawSegment, id, loop string) bool {
	for _, r := range extra {
		if r.Loop != loop || len(r.Delimiters) == 0 {
			continue
		}
		if first, _, _ := strings.Cut(r.Text, r.Delimiters[:1]); first == id {
			return true
		}
	}
	return false
}

func elements(values []string) []x12.Element {
	out := make([]x12.Element, len(values))
	for i, v := range values {
		out[i] = x12.E(v)
	}
	return out
}

func (enc *encoder) benefit(b *Benefit, letter string) {
	ex, l := enc.queue(b.Extra, "2110"+letter, "2115"+letter, "2120"+letter)
	amount := ""
	if b.Amount != nil {
		amount = b.Amount.X12()
	}
	amount = b.Unparsed.Or("Amount", amount)
	el := []x12.Element{x12.E(b.Info), x12.E(b.Coverage), x12.R(elements(b.ServiceTypes)...), x12.E(b.InsuranceType),
		x12.E(b.Plan), x12.E(b.Period), x12.E(amount), x12.E(b.Percent), x12.E(b.QuantityQualifier), x12.E(b.Quantity),
		x12.E(b.Authorization), x12.E(b.InNetwork), x12.C(b.Procedure...), x12.E(b.Diagnoses)}
	for _, v := range b.Rest {
		el = append(el, x12.E(v))
	}
	if !rawAnchor(b.Extra, "EB", l.ID) { // else written from Extra
		enc.e.Write("EB", el...)
	}
	enc.dates(&ex, l, b.Dates)
	for _, r := range b.Errors {
		ex.Flush(enc.e, l.Key("AAA"))
		enc.aaa(&r)
	}
	for _, m := range b.Messages {
		ex.Flush(enc.e, l.Key("MSG"))
		enc.s("MSG", m)
	}
	if len(b.Places) > 0 {
		ex.Flush(enc.e, l.LoopIndex("2115"+letter))
		for _, p := range b.Places {
			enc.s("III", p.Qualifier, p.Code)
		}
	}
	if len(b.Entities) > 0 {
		ex.Flush(enc.e, l.Key("LS"))
		enc.s("LS", "2120")
		el, ok := enc.loops["2120"+letter]
		for _, e := range b.Entities {
			enc.s("NM1", e.Entity, e.Unparsed.Or("Person", nameType(e.Person)), e.Name, e.First, e.Middle, "", e.Suffix, e.IDQualifier, e.ID, e.Relation)
			if ok {
				eq := x12.NewExtraQueue(e.Extra, el)
				eq.FlushAll(enc.e)
			}
		}
		ex.Flush(enc.e, l.Key("LE"))
		enc.s("LE", "2120")
	}
	ex.FlushAll(enc.e)
}
