package eligibility

import (
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// kind is one of the two transactions, for the decoder and the encoder they share: its guide
// (whose FunctionalID is the GS01 written), how a set read maps to a value, and how a value
// is written.
type kind[T any] struct {
	guide  *x12.Transaction
	from   func(*x12.Set) *T
	encode func(*x12.EnvelopeWriter, *T) error
}

var (
	kind270 = kind[Request]{Guide270, RequestFromSet, EncodeRequest}
	kind271 = kind[Response]{Guide271, ResponseFromSet, EncodeResponse}
)

// decoder is the reading loop RequestDecoder and ResponseDecoder share: the sets of one
// kind, read whole with their trees through an x12.Stream, each mapped to a value. Its
// exported methods are those of both decoders.
type decoder[T any] struct {
	sr   *x12.SetReader
	st   *x12.Stream
	set  *x12.Set
	kind kind[T]
}

func newDecoder[T any](r io.Reader, k kind[T], opts *x12.DecodeOptions) decoder[T] {
	sr := x12.NewSetReader(r)
	sr.Codes = codes.Default()
	opts.Apply(sr)
	return decoder[T]{sr: sr, st: x12.NewStream(sr, k.guide), kind: k}
}

// Reader returns the SetReader underneath, to set its Codes, limits, Strict or StructureOnly
// before the first Next. The decoder reads whole sets with their trees: it clears Units and
// ValidateOnly.
func (d *decoder[T]) Reader() *x12.SetReader { return d.sr }

// Set returns the transaction set of the last value returned, with its guide findings.
func (d *decoder[T]) Set() *x12.Set { return d.set }

// Envelopes returns the envelope checks of everything read so far.
func (d *decoder[T]) Envelopes() *x12.EnvelopeChecker { return d.sr.Envelopes() }

// Findings returns the findings of the sets read (each value holds its own set's too) and,
// once Next has returned io.EOF or an error that stops reading, those of the envelopes,
// warnings for tolerated quirks included.
func (d *decoder[T]) Findings() *x12.ErrorList { return d.st.Findings() }

// Stops reports whether err, returned by Next, stops the decoder: it is returned again from
// then on, so reading cannot go on past it. Every other error leaves the decoder able to go
// on.
func (d *decoder[T]) Stops(err error) bool { return d.st.Sticky(err) }

// next returns the value of the next set, or the Stream's error (a set of another kind is
// one, wrapping x12.ErrWrongTransaction), or io.EOF.
func (d *decoder[T]) next() (*T, error) {
	// Units would take loops out of the tree, ValidateOnly its segments: values would be lost.
	d.sr.Units, d.sr.ValidateOnly = nil, false
	for {
		p, err := d.st.Next()
		if err != nil {
			return nil, err
		}
		if p.Unit != nil {
			continue // not asked for (Units is cleared); the set's end follows
		}
		d.set = p.Set
		if v := d.kind.from(p.Set); v != nil {
			return v, nil
		}
		// The Stream hands out only sets of the decoder's guide with a tree: not reached.
		pos := p.Set.Pos
		pos.Element = 1
		return nil, &x12.Error{Pos: pos, Level: x12.LevelSet, Code: "1", Err: x12.ErrWrongTransaction}
	}
}

// readAll reads to the end past every error that does not stop reading, and returns the values
// with the x12.Stream's errors and findings in one *x12.ErrorList (nil when there are none),
// joined with an I/O error if one stopped it.
func (d *decoder[T]) readAll() ([]*T, error) {
	var out []*T
	var errs []error
	for {
		v, err := d.next()
		if err == io.EOF {
			return out, d.st.ReadAllError(errs)
		}
		if err != nil {
			errs = append(errs, err)
			if d.st.Sticky(err) {
				return out, d.st.ReadAllError(errs)
			}
			continue
		}
		out = append(out, v)
	}
}

// RequestDecoder reads 270 transaction sets from a stream, a whole set at a time, each
// validated against Guide270 as it is read; memory is bounded by the largest set. Each
// Request carries the findings of its set (Request.Findings).
//
// It never hands back fewer requests without an error:
//
//   - a set that is not a 270 (a 271, another transaction, another version such as 4010) is
//     an error wrapping x12.ErrWrongTransaction, in place of a value: never skipped in
//     silence;
//   - a set with error-level findings (a segment out of place or missing, a wrong SE01, a
//     segment the reader had to drop or cut: x12.Lost) is handed out first, with them in its
//     Findings, and the next call returns them as an *x12.ErrorList;
//   - at the end of input: x12.ErrNoInterchange when it held no interchange (empty, white
//     space), x12.ErrTruncated when it ended inside a segment or an interchange, else an
//     *x12.ErrorList of the envelope errors (a missing GE, a wrong IEA01) if there are any;
//   - input that cannot be read on (an ISA that cannot be read, an I/O error) is returned on
//     this and every later call.
//
// Next can be called again after any of these errors but the last kind, and goes on with
// the rest of the input; ranging with All stops at the first error. Match the errors with
// errors.Is and errors.As. A request whose element did not parse into its typed field keeps
// the element's text (Unparsed) or its whole segment (Extra), never a zero in silence.
// A RequestDecoder is not safe for concurrent use.
type RequestDecoder struct {
	decoder[Request]
}

// NewRequestDecoder returns a RequestDecoder reading from r with opts (nil for the defaults:
// the codes package's code lists, tolerated quirks as warnings, every element checked).
func NewRequestDecoder(r io.Reader, opts *x12.DecodeOptions) *RequestDecoder {
	return &RequestDecoder{newDecoder(r, kind270, opts)}
}

// Next returns the next 270, or io.EOF after the last; errors as the RequestDecoder's doc
// says.
func (d *RequestDecoder) Next() (*Request, error) { return d.next() }

// All ranges over the 270s still to read; it stops after the first error, which it yields.
// Set and Envelopes describe the request just yielded.
//
//	for req, err := range d.All() { … }
func (d *RequestDecoder) All() iter.Seq2[*Request, error] { return x12.All(d.Next) }

// ReadRequests reads every 270 set of r. It reads to the end past every error that does not
// stop reading, and returns what it read with a non-nil error when anything was lost (a set
// of another kind, a 271 included, a truncated or empty input, a segment dropped) or any
// finding is an error: the errors and findings in one *x12.ErrorList (match with
// errors.Is/As), joined with an I/O error if one stopped it.
func ReadRequests(r io.Reader) ([]*Request, error) { return NewRequestDecoder(r, nil).readAll() }

// ResponseDecoder reads 271 transaction sets from a stream, a whole set at a time, each
// validated against Guide271 as it is read, as a RequestDecoder reads 270s and with the same
// errors: a set that is not a 271 (a 270, another transaction or version) is an error
// wrapping x12.ErrWrongTransaction, never skipped in silence. Each Response carries the
// findings of its set (Response.Findings). A ResponseDecoder is not safe for concurrent use.
type ResponseDecoder struct {
	decoder[Response]
}

// NewResponseDecoder returns a ResponseDecoder reading from r with opts (nil for the
// defaults, as NewRequestDecoder).
func NewResponseDecoder(r io.Reader, opts *x12.DecodeOptions) *ResponseDecoder {
	return &ResponseDecoder{newDecoder(r, kind271, opts)}
}

// Next returns the next 271, or io.EOF after the last; errors as the RequestDecoder's doc
// says.
func (d *ResponseDecoder) Next() (*Response, error) { return d.next() }

// All ranges over the 271s still to read; it stops after the first error, which it yields.
// Set and Envelopes describe the response just yielded.
//
//	for resp, err := range d.All() { … }
func (d *ResponseDecoder) All() iter.Seq2[*Response, error] { return x12.All(d.Next) }

// ReadResponses reads every 271 set of r, with ReadRequests' errors (a 270 is a set of
// another kind).
func ReadResponses(r io.Reader) ([]*Response, error) { return NewResponseDecoder(r, nil).readAll() }

// RequestFromSet maps a 270 read with Guide270 (by a SetReader that keeps its tree), with
// the set's findings; nil for any other set.
func RequestFromSet(set *x12.Set) *Request {
	if set.Guide != Guide270 || set.Root == nil {
		return nil
	}
	r := &Request{Inquiries: make([]Inquiry, 0, memberLevels(set.Root)), Findings: slices.Clip(set.Findings.All())}
	r.Header = decodeSet(set, uses270, func(p parties) {
		q := Inquiry{Source: p.source, Receiver: p.receiver, Subscriber: p.subscriber, Dependent: p.dependent, HL: p.hl}
		q.Questions = decodeEach(p.questions, decodeQuestion)
		r.Inquiries = append(r.Inquiries, q)
	})
	return r
}

// ResponseFromSet maps a 271 read with Guide271 (by a SetReader that keeps its tree), with
// the set's findings; nil for any other set.
func ResponseFromSet(set *x12.Set) *Response {
	if set.Guide != Guide271 || set.Root == nil {
		return nil
	}
	r := &Response{Answers: make([]Answer, 0, memberLevels(set.Root)), Findings: slices.Clip(set.Findings.All())}
	r.Header = decodeSet(set, uses271, func(p parties) {
		a := Answer{Source: p.source, Receiver: p.receiver, Subscriber: p.subscriber, Dependent: p.dependent, HL: p.hl}
		a.Benefits = decodeEach(p.questions, decodeBenefit)
		r.Answers = append(r.Answers, a)
	})
	return r
}

// decodeEach decodes each 2110 loop of a member level (nil when there are none).
func decodeEach[T any](loops []*x12.Node, decode func(*x12.Node) T) []T {
	if len(loops) == 0 {
		return nil
	}
	out := make([]T, len(loops))
	for i, n := range loops {
		out[i] = decode(n)
	}
	return out
}

// memberLevels counts the subscriber and dependent levels (2000C, 2000D) under n: as many
// inquiries or answers as the set can give, give or take the levels answered above them.
func memberLevels(n *x12.Node) int {
	count := 0
	for _, it := range n.Items {
		if c := it.Node; c != nil {
			if c.Loop.ID == "2000C" || c.Loop.ID == "2000D" {
				count++
			}
			if c.Loop.ID < "2100" { // the HL loops nest; the name and benefit loops hold none
				count += memberLevels(c)
			}
		}
	}
	return count
}

// decodeSet reads the set's header (BHT) and calls each for every member level of every
// 2000A; other segments go to the header's Extra. u is the uses of the set's guide.
func decodeSet(set *x12.Set, u *usesOf, each func(parties)) Header {
	h := Header{Control: set.ST02, Version: set.ST03, NoVersion: set.ST03 == ""}
	seenBHT := false
	for _, it := range set.Root.Items {
		if n := it.Node; n != nil {
			if n.Loop.ID == "2000A" {
				walkParties(n, u, decodeParty(n, u, "2100A"), each)
			} else {
				allExtra(&h.Extra, n)
			}
			continue
		}
		s := it.Segment
		switch sp := it.Spec; {
		case sp == nil:
			keep(&h.Extra, s, set.Root.Loop.ID)
		case sp == u.st || sp == u.se:
		case sp == u.bht && !seenBHT:
			// Always typed (the encoder writes BHT*0022 from it).
			seenBHT = true
			h.Purpose, h.Reference = s.Value(2), s.Value(3)
			codec.ReadCreated(s.Value(4), s.Value(5), &h.Created, &h.ClockDigits, &h.Unparsed)
		default:
			keep(&h.Extra, s, set.Root.Loop.ID)
		}
	}
	return h
}

// person reads NM102 (1 a person, 2 an organization) into *person; any other text (or none)
// is kept in u as "Person", for the encoder to write back.
func person(u *x12.Unparsed, nm102 string, person *bool) {
	*person = nm102 == "1"
	if nm102 != "1" && nm102 != "2" {
		u.Set("Person", nm102)
	}
}

// parties is one member level with everything above it.
type parties struct {
	source, receiver Party
	subscriber       Member
	dependent        *Member
	questions        []*x12.Node // the 2110 loops of the member's level
	hl               []string    // the HL01s of the levels, as read
}

// hlOf is the HL01 of an HL loop instance: of its first segment, the HL that opened it.
func hlOf(n *x12.Node) string {
	if len(n.Items) > 0 && n.Items[0].Segment != nil && n.Items[0].Spec == n.Loop.Children[0].Segment {
		return n.Items[0].Segment.Value(1)
	}
	return ""
}

// walkParties calls fn for each member level under a 2000A (of the guide whose uses are u):
// each 2000C that has questions or no dependents, and each 2000D.
func walkParties(a *x12.Node, u *usesOf, source Party, fn func(parties)) {
	receivers := 0
	hlA := hlOf(a)
	for _, it := range a.Items {
		b := it.Node
		if b == nil || b.Loop.ID != "2000B" {
			continue
		}
		receivers++
		receiver := decodeParty(b, u, "2100B")
		hlB := []string{hlA, hlOf(b)}
		if len(b.Loops("2000C")) == 0 {
			// No member: the payer answered at the provider's level (an AAA, e.g. provider
			// not eligible). The answer has no subscriber.
			fn(parties{source: source, receiver: receiver, hl: hlB})
		}
		for _, ci := range b.Items {
			c := ci.Node
			if c == nil || c.Loop.ID != "2000C" {
				continue
			}
			sub, subQ := decodeMember(c, u, "2100C", "2110C")
			hlC := []string{hlA, hlB[1], hlOf(c)}
			deps := c.Loops("2000D")
			if len(subQ) > 0 || len(deps) == 0 {
				fn(parties{source: source, receiver: receiver, subscriber: sub, questions: subQ, hl: hlC})
			}
			for _, d := range deps {
				dep, depQ := decodeMember(d, u, "2100D", "2110D")
				fn(parties{source: source, receiver: receiver, subscriber: sub, dependent: &dep, questions: depQ,
					hl: []string{hlA, hlB[1], hlC[2], hlOf(d)}})
			}
		}
	}
	if receivers == 0 {
		fn(parties{source: source, hl: []string{hlA}}) // the payer answered at its own level (e.g. unable to respond)
	}
}

// keep adds s to list as read, raw, with the loop it sat in.
func keep(list *x12.RawSegments, s *x12.Segment, loop string) {
	r := x12.RawOf(s)
	if id := s.ID(); len(r.Text) >= len(id) && r.Text[:len(id)] != id && strings.EqualFold(r.Text[:len(id)], id) {
		// The Reader reads a segment ID in lower case as its upper case; RawSegment.Segment
		// reads upper case only, and the encoder's ExtraQueue skips what it cannot read.
		r.Text = id + r.Text[len(id):]
	}
	r.Loop = loop
	*list = append(*list, r)
}

// allExtra keeps every segment of a loop instance (and its nested loops) raw.
func allExtra(list *x12.RawSegments, n *x12.Node) {
	n.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, in *x12.Node) bool {
		keep(list, s, in.Loop.ID)
		return true
	})
}

// decodeParty reads a 2000A or 2000B level (without the levels nested in it) and its name
// loop, with the uses u of its guide.
func decodeParty(hl *x12.Node, u *usesOf, nameLoop string) Party {
	var p Party
	lu := &u.level[levelIndex(hl.Loop)]
	for _, it := range hl.Items {
		if n := it.Node; n != nil {
			if n.Loop.ID == nameLoop {
				decodePartyName(n, &u.name[levelIndex(n.Loop)], &p)
			} else if n.Loop.ID != "2000B" && n.Loop.ID != "2000C" {
				allExtra(&p.Extra, n)
			}
			continue
		}
		s := it.Segment
		switch sp := it.Spec; {
		case sp == nil:
			keep(&p.Extra, s, hl.Loop.ID)
		case sp == lu.hl: // written anew by the encoder (numbers and parents)
		case sp == lu.aaa && fits(s):
			if r, ok := decodeAAA(s, hl.Loop.ID); ok {
				p.Errors = append(p.Errors, r)
				continue
			}
			keep(&p.Extra, s, hl.Loop.ID)
		default:
			keep(&p.Extra, s, hl.Loop.ID)
		}
	}
	return p
}

// decodePartyName reads a 2100A or 2100B loop (uses u) into p.
func decodePartyName(n *x12.Node, u *nameUses, p *Party) {
	seenNM1 := false
	walk(n, &p.Extra, func(sp *x12.SegmentSpec, s *x12.Segment) bool {
		switch sp {
		case u.nm1:
			// The first NM1 is always typed: the encoder writes the name loop from it.
			if seenNM1 {
				return false
			}
			seenNM1 = true
			p.Entity, p.Name, p.First, p.Middle = s.Value(1), s.Value(3), s.Value(4), s.Value(5)
			person(&p.Unparsed, s.Value(2), &p.Person)
			p.Suffix, p.IDQualifier, p.ID = s.Value(7), s.Value(8), s.Value(9)
			return true
		case u.ref:
			return into(&p.Refs)(decodeREF(s))
		case u.n3, u.n4:
			return codec.ReadAddress(s, &p.Address)
		case u.aaa:
			return into(&p.Errors)(decodeAAA(s, n.Loop.ID))
		}
		return false
	}, nil)
}

func decodeREF(s *x12.Segment) (x12.Ref, bool) {
	return x12.Ref{Qualifier: s.Value(1), Value: s.Value(2), Description: s.Value(3)}, s.Len() <= 3 && s.Value(1) != "" && s.Value(2) != ""
}

func decodeAAA(s *x12.Segment, loop string) (Reject, bool) {
	return Reject{Loop: loop, Valid: s.Value(1), Reason: s.Value(3), FollowUp: s.Value(4)},
		s.Len() <= 4 && s.Value(2) == "" && s.Value(1) != "" && s.Value(3) != ""
}

func decodeDTP(s *x12.Segment) (DateRange, bool) {
	d := DateRange{Qualifier: s.Value(1)}
	if s.Len() != 3 || d.Qualifier == "" {
		return d, false
	}
	// A date that does not parse keeps its DTP raw (Extra); the guides' rules report it.
	switch v := s.Value(3); s.Value(2) {
	case "D8":
		from, err := x12.ParseDate(v)
		d.From = from
		return d, err == nil
	case "RD8":
		a, b, found := strings.Cut(v, "-")
		from, err1 := x12.ParseDate(a)
		to, err2 := x12.ParseDate(b)
		d.From, d.To = from, to
		return d, found && err1 == nil && err2 == nil && !to.IsZero()
	}
	return d, false
}

func decodeTRN(s *x12.Segment) (x12.Trace, bool) {
	return x12.Trace{Type: s.Value(1), Number: s.Value(2), Originator: s.Value(3), Supplement: s.Value(4)},
		s.Len() <= 4 && s.Value(1) != "" && s.Value(2) != ""
}

// decodeMember reads a 2000C or 2000D level (of the guide whose uses are u): its traces and
// name loop, and returns the member's question or benefit loops (2110C/D).
func decodeMember(hl *x12.Node, u *usesOf, nameLoop, itemLoop string) (Member, []*x12.Node) {
	var m Member
	var items []*x12.Node
	lu := &u.level[levelIndex(hl.Loop)]
	for _, it := range hl.Items {
		if n := it.Node; n != nil {
			switch {
			case n.Loop.ID == nameLoop:
				items = decodeMemberName(n, &u.name[levelIndex(n.Loop)], itemLoop, &m)
			case n.Loop.ID == "2000D":
			default:
				allExtra(&m.Extra, n)
			}
			continue
		}
		s := it.Segment
		switch sp := it.Spec; {
		case sp == nil:
			keep(&m.Extra, s, hl.Loop.ID)
		case sp == lu.hl: // written anew by the encoder (numbers and parents)
		case sp == lu.trn && fits(s):
			if t, ok := decodeTRN(s); ok {
				m.Traces = append(m.Traces, t)
				continue
			}
			keep(&m.Extra, s, hl.Loop.ID)
		default:
			keep(&m.Extra, s, hl.Loop.ID)
		}
	}
	return m, items
}

// decodeMemberName reads a 2100C or 2100D loop (uses u) into m, and returns its question or
// benefit loops (itemLoop).
func decodeMemberName(n *x12.Node, u *nameUses, itemLoop string, m *Member) []*x12.Node {
	var items []*x12.Node
	seenNM1, seenDMG, seenINS := false, false, false
	insured := "Y"
	if n.Loop.ID == "2100D" {
		insured = "N"
	}
	walk(n, &m.Extra, func(sp *x12.SegmentSpec, s *x12.Segment) bool {
		switch sp {
		case u.nm1:
			if seenNM1 { // the first is always typed, as for the parties
				return false
			}
			seenNM1 = true
			m.Entity, m.Last, m.First, m.Middle = s.Value(1), s.Value(3), s.Value(4), s.Value(5)
			m.Suffix, m.IDQualifier, m.ID = s.Value(7), s.Value(8), s.Value(9)
			if t := s.Value(2); t != "1" {
				m.NameType = t
			}
			return true
		case u.ref:
			return into(&m.Refs)(decodeREF(s))
		case u.n3, u.n4:
			return codec.ReadAddress(s, &m.Address)
		case u.aaa:
			return into(&m.Errors)(decodeAAA(s, n.Loop.ID))
		case u.dmg:
			d, err := x12.ParseDate(s.Value(2))
			if seenDMG || s.Value(1) != "D8" || s.Len() > 3 || err != nil {
				return false
			}
			m.BirthDate, m.Gender, seenDMG = d, s.Value(3), true
			return true
		case u.ins:
			if seenINS || s.Len() != 2 || s.Value(1) != insured || s.Value(2) == "" {
				return false
			}
			m.Relationship, seenINS = s.Value(2), true
			return true
		case u.dtp:
			return into(&m.Dates)(decodeDTP(s))
		}
		return false
	}, func(c *x12.Node) bool {
		if c.Loop.ID != itemLoop {
			return false
		}
		items = append(items, c)
		return true
	})
	return items
}

// repetitions splits a repeating element (EQ01, EB03).
func repetitions(s *x12.Segment, n int) []string {
	count := s.Repetitions(n)
	if count == 0 {
		return nil
	}
	out := make([]string, count)
	for r := range out {
		out[r] = s.Text(n, r+1, 0)
	}
	return out
}

// composite splits a composite element (EQ02, EB13) into its components, as read.
func composite(s *x12.Segment, n int) []string {
	count := s.Components(n, 1)
	if count == 0 || !s.Has(n) {
		return nil
	}
	out := make([]string, count)
	for k := range out {
		out[k] = s.Text(n, 1, k+1)
	}
	return out
}

// decodeQuestion reads a 270 2110C/D loop.
func decodeQuestion(n *x12.Node) Question {
	var q Question
	u := &uses270.item[levelIndex(n.Loop)]
	walk(n, &q.Extra, func(sp *x12.SegmentSpec, s *x12.Segment) bool {
		switch sp {
		case u.eq:
			if q.ServiceTypes != nil || q.Procedure != nil || q.Coverage != "" {
				return false
			}
			q.ServiceTypes, q.Procedure, q.Coverage = repetitions(s, 1), composite(s, 2), s.Value(3)
			for i := 4; i <= s.Len(); i++ {
				q.Rest = append(q.Rest, s.Value(i))
			}
			return true
		case u.iii:
			return into(&q.Places)(decodeIII(s))
		case u.dtp:
			return into(&q.Dates)(decodeDTP(s))
		}
		return false
	}, nil)
	return q
}

// decodeBenefit reads a 271 2110C/D loop.
func decodeBenefit(n *x12.Node) Benefit {
	var b Benefit
	seenEB := false
	var ls, le *x12.Segment
	var entities []*x12.Node // the 2120 loops
	u := &uses271.item[levelIndex(n.Loop)]
	walk(n, &b.Extra, func(sp *x12.SegmentSpec, s *x12.Segment) bool {
		switch sp {
		case u.eb:
			if seenEB {
				return false
			}
			decodeEB(s, &b)
			seenEB = true
			return true
		case u.dtp:
			return into(&b.Dates)(decodeDTP(s))
		case u.aaa:
			return into(&b.Errors)(decodeAAA(s, n.Loop.ID))
		case u.msg:
			return into(&b.Messages)(s.Value(1), s.Len() == 1 && s.Value(1) != "")
		case u.ls, u.le:
			at := &ls
			if sp == u.le {
				at = &le
			}
			if *at != nil || s.Len() != 1 || s.Value(1) != "2120" {
				return false
			}
			*at = s
			return true
		}
		return false
	}, func(c *x12.Node) bool {
		switch {
		case strings.HasPrefix(c.Loop.ID, "2115"):
			walk(c, &b.Extra, func(sp *x12.SegmentSpec, s *x12.Segment) bool {
				return sp == u.iii2115 && into(&b.Places)(decodeIII(s))
			}, nil)
			return true
		case strings.HasPrefix(c.Loop.ID, "2120"):
			entities = append(entities, c)
			return true
		}
		return false
	})
	// LS/LE are written around the entities; without entities, or without one of the pair,
	// the three are kept as read.
	if len(entities) > 0 && ls != nil && le != nil {
		for _, c := range entities {
			b.Entities = append(b.Entities, decodeEntity(c, u.nm12120))
		}
		return b
	}
	if ls != nil {
		keep(&b.Extra, ls, n.Loop.ID)
	}
	for _, c := range entities {
		allExtra(&b.Extra, c)
	}
	if le != nil {
		keep(&b.Extra, le, n.Loop.ID)
	}
	return b
}

func decodeEB(s *x12.Segment, b *Benefit) {
	b.Info, b.Coverage, b.ServiceTypes = s.Value(1), s.Value(2), repetitions(s, 3)
	b.InsuranceType, b.Plan, b.Period = s.Value(4), s.Value(5), s.Value(6)
	// An amount that does not parse is kept in Unparsed; the guide's finding on EB07 says why.
	r := codec.ReadFields(s, nil, &b.Unparsed, nil)
	r.OptAmount(&b.Amount, nil, "Amount", 7)
	b.Percent, b.QuantityQualifier, b.Quantity = s.Value(8), s.Value(9), s.Value(10)
	b.Authorization, b.InNetwork, b.Procedure, b.Diagnoses = s.Value(11), s.Value(12), composite(s, 13), s.Value(14)
	for i := 15; i <= s.Len(); i++ {
		b.Rest = append(b.Rest, s.Value(i))
	}
}

// decodeEntity reads a 2120C/D loop, whose name is of the use nm1.
func decodeEntity(n *x12.Node, nm1 *x12.SegmentSpec) Entity {
	var e Entity
	seenNM1 := false
	walk(n, &e.Extra, func(sp *x12.SegmentSpec, s *x12.Segment) bool {
		if sp != nm1 || seenNM1 {
			return false
		}
		seenNM1 = true
		e.Entity, e.Name, e.First, e.Middle = s.Value(1), s.Value(3), s.Value(4), s.Value(5)
		person(&e.Unparsed, s.Value(2), &e.Person)
		e.Suffix, e.IDQualifier, e.ID, e.Relation = s.Value(7), s.Value(8), s.Value(9), s.Value(10)
		return true
	}, nil)
	return e
}

// walk reads a loop instance: each segment the guide placed goes to typed with its use
// (false: keep it raw), each nested loop to nested (false or nil: keep all of it raw); what
// is not typed is kept in extra with its loop.
func walk(n *x12.Node, extra *x12.RawSegments, typed func(sp *x12.SegmentSpec, s *x12.Segment) bool, nested func(c *x12.Node) bool) {
	for _, it := range n.Items {
		if c := it.Node; c != nil {
			if nested == nil || !nested(c) {
				allExtra(extra, c)
			}
			continue
		}
		if it.Spec == nil || !fits(it.Segment) || !typed(it.Spec, it.Segment) {
			keep(extra, it.Segment, n.Loop.ID)
		}
	}
}

// fits reports whether the model's fields can hold s as it is: no element the model keeps as
// one string (all but EQ01 and EB03, which repeat, and EQ02 and EB13, composites) holds a
// component or a repetition separator, none of EQ01 and EB03's repetitions holds components,
// and EQ02 and EB13 do not repeat. A segment that does not fit is kept raw (Extra), so
// nothing is cut off and no separator is written back as data; an EQ or EB, the anchor of
// its loop, is then written from Extra instead of from its fields. The first NM1 of a name
// loop is always typed (the encoder writes the hierarchy from it): an element of it holding
// a separator is kept as read, and the encoder refuses it.
func fits(s *x12.Segment) bool {
	var repeating, composite int
	switch s.ID() {
	case "EQ":
		repeating, composite = 1, 2
	case "EB":
		repeating, composite = 3, 13
	case "NM1":
		return true
	}
	for n := 1; n <= s.Len(); n++ {
		switch reps := s.Repetitions(n); n {
		case repeating:
			for r := 1; r <= reps; r++ {
				if s.Components(n, r) > 1 {
					return false
				}
			}
		case composite:
			if reps > 1 {
				return false
			}
		default:
			if reps > 1 || s.Components(n, 1) > 1 {
				return false
			}
		}
	}
	return true
}

// into returns what appends a decoded value to list when it decoded (ok), saying whether it
// did: into(&m.Refs)(decodeREF(s)).
func into[T any](list *[]T) func(v T, ok bool) bool {
	return func(v T, ok bool) bool {
		if ok {
			*list = append(*list, v)
		}
		return ok
	}
}

func decodeIII(s *x12.Segment) (Place, bool) {
	return Place{Qualifier: s.Value(1), Code: s.Value(2)}, s.Len() == 2 && s.Value(1) != ""
}
