package claim837

import (
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// Decoder reads 837P batches from a stream, a transaction set at a time (Next, All), or the
// claims of its sets one at a time (NextClaim, Claims): each claim (loop 2300) is then handed
// out as soon as it is complete, with its billing provider, subscriber, payer and patient,
// and let go, so memory is bounded by one claim and the parties above it, however large the
// file or transaction set. Every set is validated against Guide as it is read, and each claim
// carries the findings of its segments (Claim.Findings).
//
// It never hands back fewer batches or claims without an error (see x12.Stream): a set that
// is not an 837P is an error wrapping x12.ErrWrongTransaction, a segment the reader had to
// drop one wrapping x12.Lost's sentinels, input that ends inside an interchange
// x12.ErrTruncated, an empty input x12.ErrNoInterchange; findings of a set's end and of the
// envelopes are an error too, and stay in Findings. Next hands out a set's batch first and
// returns the errors met inside it on the following call. Next and NextClaim can be called
// again after any of these but the ones that stop reading (an unreadable ISA, an I/O error),
// which they return again. Use one of the two ways of reading per Decoder. A Decoder is not
// safe for concurrent use.
type Decoder struct {
	// ReuseClaim, when set, lets NextClaim return the same *Claim on every call, overwritten
	// by the next call, and with it the memory its slices point to (lines, diagnoses,
	// modifiers, pointers, HL, Extra, the first provider loop's): a program that reads each
	// claim and keeps only what it copies out saves a claim's allocations per claim. Next
	// never reuses.
	ReuseClaim bool

	sr     *x12.SetReader
	st     *x12.Stream
	set    *x12.Set
	batch  *Batch
	ctx    []cached   // the parties of the HL loops above the last claim (a handful)
	spare  []cached   // ctx's next contents, while they are chosen
	free   []*context // contexts of HL chains let go, to fill again
	parent uint64     // the serial of the last claim's parent

	held    []error    // what Next returns on its next calls, after the batch it handed out
	scratch Claim      // each claim Next reads is copied into its batch
	reuse   claimReuse // what NextClaim decodes into with ReuseClaim
}

// NewDecoder returns a Decoder reading from r with opts (nil for the defaults: the codes
// package's code lists, tolerated quirks as warnings, every element checked).
func NewDecoder(r io.Reader, opts *x12.DecodeOptions) *Decoder {
	sr := x12.NewSetReader(r)
	sr.Codes = codes.Default()
	opts.Apply(sr)
	sr.Units, sr.UnitText = []string{"2300"}, true
	return &Decoder{sr: sr, st: x12.NewStream(sr, Guide)}
}

// Reader returns the SetReader underneath, to set what DecodeOptions does not before the
// first Next.
func (d *Decoder) Reader() *x12.SetReader { return d.sr }

// Set returns the transaction set the last batch or claim came from, with its guide findings
// so far (all of them once the next set has begun or io.EOF was returned).
func (d *Decoder) Set() *x12.Set { return d.set }

// Batch returns the header of the set the last claim came from (its Claims are not kept).
func (d *Decoder) Batch() *Batch { return d.batch }

// Envelopes returns the envelope checks of everything read so far.
func (d *Decoder) Envelopes() *x12.EnvelopeChecker { return d.sr.Envelopes() }

// Findings returns the findings that came with no claim: those of set ends and, once io.EOF
// was returned, of the envelopes (warnings for tolerated quirks included).
func (d *Decoder) Findings() *x12.ErrorList { return d.st.Findings() }

// Stops reports whether err, returned by Next or NextClaim, stops the Decoder: it is
// returned again from then on, so reading cannot go on past it. Every other error leaves the
// Decoder able to go on.
func (d *Decoder) Stops(err error) bool { return d.st.Sticky(err) }

// Next returns the next transaction set's batch, with its claims, or io.EOF after the last;
// errors as the Decoder's doc says. A set without claims is a batch without claims.
func (d *Decoder) Next() (*Batch, error) {
	var b *Batch
	var ended *x12.Set
	ok, err := codec.Gather(&d.held, d.st.Sticky, func() (*Claim, bool, error) {
		c, end, err := d.part(&d.scratch, nil)
		ended = end
		return c, end != nil, err
	}, func(c *Claim) {
		if b == nil {
			h := *d.batch
			b = &h
		}
		b.Claims = append(b.Claims, *c)
	})
	if !ok {
		return nil, err
	}
	if b == nil { // a set without claims
		d.set, d.batch = ended, newBatch(ended)
		decodeHeader(ended.Root, d.batch)
		h := *d.batch
		b = &h
	}
	return b, nil
}

// All ranges over the batches as Next returns them, stopping after the first error.
func (d *Decoder) All() iter.Seq2[*Batch, error] { return x12.All(d.Next) }

// NextClaim returns the next claim, or io.EOF after the last; errors as the Decoder's doc
// says.
func (d *Decoder) NextClaim() (*Claim, error) {
	if d.ReuseClaim {
		return d.next(nil, &d.reuse)
	}
	return d.next(nil, nil)
}

// Claims ranges over the claims as NextClaim returns them, stopping after the first error.
func (d *Decoder) Claims() iter.Seq2[*Claim, error] { return x12.All(d.NextClaim) }

// next is NextClaim, decoding the claim into *into (overwritten whole) when into is not nil,
// into reuse's memory when reuse is not nil.
func (d *Decoder) next(into *Claim, reuse *claimReuse) (*Claim, error) {
	for {
		c, _, err := d.part(into, reuse)
		if err != nil || c != nil {
			return c, err
		}
	}
}

func newBatch(set *x12.Set) *Batch {
	return &Batch{Control: set.ST02, Version: set.ST03, NoVersion: set.ST03 == ""}
}

// part reads the next claim (c) or the end of an 837P set (end), decoding a claim into *into
// when into is not nil, into reuse's memory when reuse is not nil.
func (d *Decoder) part(into *Claim, reuse *claimReuse) (c *Claim, end *x12.Set, err error) {
	p, err := d.st.Next()
	if err != nil {
		return nil, nil, err
	}
	if p.Unit == nil {
		return nil, p.Set, nil // a set's end: its findings are in Findings, or the next error
	}
	if p.Set != d.set {
		d.set, d.batch = p.Set, newBatch(p.Set)
		decodeHeader(p.Set.Root, d.batch)
		clear(d.ctx)
		d.ctx, d.parent = d.ctx[:0], 0
	}
	if parent := p.Unit.Parent; parent != nil && parent.Serial() != d.parent {
		// Keep only the parties of this claim's HL chain: the reader lets the others go
		// (and may reuse their memory: loops are known by serial, not address).
		d.parent = parent.Serial()
		d.spare = d.spare[:0]
		for n := parent; n != nil; n = n.Parent {
			if c := d.cachedContext(n.Serial()); c != nil {
				d.spare = append(d.spare, cached{n.Serial(), c})
			}
		}
		d.release()
		clear(d.ctx)
		d.ctx, d.spare = d.spare, d.ctx[:0]
	}
	c = decodeClaim(p.Unit, d.contextOf(p.Unit.Parent), into, reuse)
	c.Findings = codec.MergeFindings(slices.Clip(p.Findings), c.Findings)
	for _, f := range c.Findings[len(p.Findings):] {
		d.st.Add(f) // the decoder's own, for ReadAll
	}
	return c, nil, nil
}

// release puts the contexts of d.ctx that d.spare does not keep on the free list, once each
// (a context may stand for several loops). No claim points to a context: claims copy its
// parties, and the pointers they share (patient, addresses) are made anew for each context.
func (d *Decoder) release() {
next:
	for _, e := range d.ctx {
		if e.ctx.freed {
			continue
		}
		for _, kept := range d.spare {
			if kept.ctx == e.ctx {
				continue next
			}
		}
		e.ctx.freed = true
		d.free = append(d.free, e.ctx)
	}
}

// cached is the context decoded for the HL loop instance of a serial.
type cached struct {
	serial uint64
	ctx    *context
}

// cachedContext returns the context decoded for the loop instance serial, or nil.
func (d *Decoder) cachedContext(serial uint64) *context {
	for _, e := range d.ctx {
		if e.serial == serial {
			return e.ctx
		}
	}
	return nil
}

// newContext returns a context to fill (all of it is overwritten): one let go, or a new one.
func (d *Decoder) newContext() *context {
	if k := len(d.free); k > 0 {
		c := d.free[k-1]
		d.free[k-1], d.free = nil, d.free[:k-1]
		c.freed = false
		return c
	}
	return new(context)
}

// contextOf returns the parties a claim under the HL loop n has: its patient (2000C), its
// subscriber and payer (2000B) and its billing provider (2000A), each decoded once per loop.
func (d *Decoder) contextOf(n *x12.Node) *context {
	if n == nil {
		return &context{}
	}
	if c := d.cachedContext(n.Serial()); c != nil {
		return c
	}
	var c *context
	switch n.Loop.ID {
	case "2000A":
		c = billingContext(n)
	case "2000B":
		c = subscriberContext(n, d.contextOf(n.Parent), d.newContext())
	case "2000C":
		c = patientContext(n, d.contextOf(n.Parent), d.newContext())
	default:
		c = d.contextOf(n.Parent)
	}
	d.ctx = append(d.ctx, cached{n.Serial(), c})
	return c
}

// All iterates over the claims; it stops at the first error, which it yields.

// ReadAll reads every 837P set of r into batches, one per transaction set. It reads to the
// end past every error that does not stop reading, and returns what it read with a non-nil
// error when anything was lost or any finding is an error: the x12.Stream's errors and
// findings in one *x12.ErrorList (match with errors.Is/As).
func ReadAll(r io.Reader) ([]*Batch, error) {
	d := NewDecoder(r, nil)
	var out []*Batch
	var errs []error
	for {
		b, err := d.Next()
		switch {
		case err == io.EOF:
			return out, d.st.ReadAllError(errs)
		case err != nil:
			errs = append(errs, err)
			if d.st.Sticky(err) {
				return out, d.st.ReadAllError(errs)
			}
		default:
			out = append(out, b)
		}
	}
}

// FromSet maps a transaction set read with Guide (by an x12.SetReader that keeps its tree)
// to its batch, claims included; it returns nil for any other set.
func FromSet(set *x12.Set) *Batch {
	if set.Guide != Guide || set.Root == nil {
		return nil
	}
	b := newBatch(set)
	b.Claims = decodeSet(set.Root, b)
	return b
}

// extra keeps a segment the model has no field for.
func extra(list *x12.RawSegments, s *x12.Segment, loop string) {
	r := x12.RawOf(s)
	r.Loop = loop
	*list = append(*list, r)
}

// allExtra keeps every segment of a loop instance (and its nested loops) as Extra.
func allExtra(list *x12.RawSegments, n *x12.Node) {
	n.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, in *x12.Node) bool {
		extra(list, s, in.Loop.ID)
		return true
	})
}

type context struct {
	provider   Provider
	payTo      *x12.Address
	subscriber Subscriber
	payer      Payer
	patient    *Patient
	hl         [3]string // the HL01s of the loops above, as read (Claim.HL): nhl of them
	nhl        int
	extra      x12.RawSegments // above-claim segments without a field
	freed      bool            // on the Decoder's free list
}

func decodeSet(root *x12.Node, b *Batch) []Claim {
	decodeHeader(root, b)
	var claims []Claim
	var walk func(n *x12.Node, ctx *context)
	walk = func(n *x12.Node, ctx *context) {
		for _, it := range n.Items {
			c := it.Node
			if c == nil {
				continue
			}
			switch c.Loop.ID {
			case "2000B":
				walk(c, subscriberContext(c, ctx, new(context)))
			case "2000C":
				walk(c, patientContext(c, ctx, new(context)))
			case "2300":
				claims = append(claims, Claim{})
				decodeClaim(c, ctx, &claims[len(claims)-1], nil)
			}
		}
	}
	for _, it := range root.Items {
		if n := it.Node; n != nil && n.Loop.ID == "2000A" {
			walk(n, billingContext(n))
		}
	}
	return claims
}

// decodeHeader reads the batch header: BHT, submitter (1000A) and receiver (1000B).
func decodeHeader(root *x12.Node, b *Batch) {
	for _, it := range root.Items {
		if s := it.Segment; s != nil {
			if it.Spec == useST.bht {
				b.Purpose, b.Reference, b.Type = s.Value(2), s.Value(3), s.Value(6)
				codec.ReadCreated(s.Value(4), s.Value(5), &b.Created, &b.ClockDigits, &b.Unparsed)
			}
			continue
		}
		n := it.Node
		switch n.Loop.ID {
		case "1000A":
			for _, si := range n.Items {
				switch s := si.Segment; si.Spec {
				case use1000A.nm1:
					b.Submitter.Name, b.Submitter.ID = s.Value(3), s.Value(9)
				case use1000A.per:
					b.Submitter.Contact = contactOf(s)
				}
			}
		case "1000B":
			if s := n.Find(use1000B.nm1); s != nil {
				b.Receiver.Name, b.Receiver.ID = s.Value(3), s.Value(9)
			}
		}
	}
}

func contactOf(s *x12.Segment) x12.Contact {
	c := x12.Contact{Name: s.Value(2)}
	for k := 3; k+1 <= s.Len(); k += 2 {
		c.Numbers = append(c.Numbers, x12.Number{Type: s.Value(k), Value: s.Value(k + 1)})
	}
	return c
}

// partyItems are the segments of a party loop instance (uses u) the decoder reads, found in
// one pass over its items: the first of each use, as x12.Node.Find gives them, and whether
// its first DMG is one the model holds.
type partyItems struct {
	nm1, n3, n4, dmg *x12.Segment
	dmgTyped         bool     // dmg is not nil and dmgTyped
	birth            x12.Date // dmg's birth date, when dmgTyped (zero without one)
}

// itemsOf finds the partyItems of n (uses u).
func itemsOf(n *x12.Node, u *party) partyItems {
	var p partyItems
	var nm1, n3, n4, dmg bool // found
	for _, it := range n.Items {
		sp := it.Spec
		if !nm1 && sp == u.nm1 {
			p.nm1, nm1 = it.Segment, true
		}
		if !n3 && sp == u.n3 {
			p.n3, n3 = it.Segment, true
		}
		if !n4 && sp == u.n4 {
			p.n4, n4 = it.Segment, true
		}
		if !dmg && sp == u.dmg {
			p.dmg, dmg = it.Segment, true
		}
	}
	if u.n3 == nil || u.n4 == nil {
		p.n3, p.n4 = nil, nil
	}
	if p.dmg != nil {
		p.birth, p.dmgTyped = dmgOf(p.dmg)
	}
	return p
}

// hasAddress reports whether the loop instance has both an N3 and an N4 (uses with both):
// the encoder writes an address as both, so a lone N3 or N4 stays raw in Extra.
func (p *partyItems) hasAddress() bool { return p.n3 != nil && p.n4 != nil }

// address reads the first N3/N4 of the loop instance into a new address; nil unless it has
// both.
func (p *partyItems) address() *x12.Address {
	if !p.hasAddress() {
		return nil
	}
	a := p.addressValue()
	return &a
}

// addressValue reads the first N3/N4 of the loop instance, which has both (hasAddress).
func (p *partyItems) addressValue() x12.Address {
	n3, n4 := p.n3, p.n4
	return x12.Address{Line1: n3.Value(1), Line2: n3.Value(2),
		City: n4.Value(1), State: n4.Value(2), ZIP: n4.Value(3), Country: n4.Value(4)}
}

// addressSegment reports whether s is the N3 or N4 address reads (the first of each, when
// the loop instance has both); any other stays raw in Extra.
func (p *partyItems) addressSegment(s *x12.Segment) bool {
	return p.hasAddress() && (s == p.n3 || s == p.n4)
}

func providerOf(s *x12.Segment) Provider {
	return Provider{Person: s.Value(2) == "1", Name: s.Value(3), First: s.Value(4), Middle: s.Value(5),
		Suffix: s.Value(7), NPI: npiOf(s)}
}

func npiOf(s *x12.Segment) string {
	if s.Value(8) == "XX" {
		return s.Value(9)
	}
	return ""
}

// personOf reads a subscriber or patient from the party items pi of its loop (pi.nm1 not nil),
// its address into *addr (zero) when addr is not nil, else into a new one.
func personOf(pi *partyItems, addr *x12.Address) Person {
	nm1 := pi.nm1
	p := Person{Last: nm1.Value(3), First: nm1.Value(4), Middle: nm1.Value(5), Suffix: nm1.Value(7)}
	if nm1.Value(8) == "MI" {
		p.MemberID = nm1.Value(9)
	}
	if pi.hasAddress() {
		if addr == nil {
			addr = new(x12.Address)
		}
		*addr = pi.addressValue()
		p.Address = addr
	}
	if pi.dmgTyped { // else the DMG stays raw (keepUntyped)
		p.BirthDate, p.Gender = pi.birth, pi.dmg.Value(3)
	}
	return p
}

// dateOK reports whether text is empty or a CCYYMMDD date: a segment whose date does not
// parse is kept raw (Extra) instead of giving a zero date.
func dateOK(text string) bool {
	_, err := x12.ParseDate(text)
	return text == "" || err == nil
}

// readServiceDates reads a DTP*472 into l's ServiceDate (and ServiceDateEnd for a range) when
// it holds a D8 date or an RD8 range that parse, and reports whether it did; else l is left
// as it was.
func readServiceDates(s *x12.Segment, l *Line) bool {
	v := s.Value(3)
	switch s.Value(2) {
	case "D8":
		d, err := x12.ParseDate(v)
		if v == "" || err != nil {
			return false
		}
		l.ServiceDate = d
		return true
	case "RD8":
		from, to, ok := strings.Cut(v, "-")
		if !ok || from == "" || to == "" {
			return false
		}
		d, err := x12.ParseDate(from)
		end, err2 := x12.ParseDate(to)
		if err != nil || err2 != nil {
			return false
		}
		l.ServiceDate, l.ServiceDateEnd = d, end
		return true
	}
	return false
}

// dmgTyped reports whether a DMG is one the model holds and the encoder writes back as it
// was: DMG*D8 with a birth date that parses, a gender, or both, and nothing after DMG03.
func dmgTyped(s *x12.Segment) bool {
	_, typed := dmgOf(s)
	return typed
}

// dmgOf is dmgTyped with the birth date the DMG holds (zero without one).
func dmgOf(s *x12.Segment) (birth x12.Date, typed bool) {
	if s.Len() > 3 || s.Value(1) != "D8" {
		return x12.Date{}, false
	}
	if v := s.Value(2); v != "" {
		d, err := x12.ParseDate(v)
		return d, err == nil
	}
	return x12.Date{}, s.Value(3) != ""
}

// typedIn reports whether the segment it of a party loop instance (uses u: 2010AB, 2010BA,
// 2010BB or 2010CA; its items pi) is one the decoder maps to a field.
func typedIn(u *party, pi *partyItems, it x12.Item) bool {
	switch it.Spec {
	case nil:
		return false
	case u.nm1: // the pay-to address (2010AB): its NM1 is written with the address
		return u != &use2010AB || pi.hasAddress()
	case u.dmg:
		if it.Segment == pi.dmg {
			return pi.dmgTyped
		}
		return dmgTyped(it.Segment)
	}
	return pi.addressSegment(it.Segment)
}

// billingContext reads a 2000A loop's own segments (not its subscribers).
func billingContext(n *x12.Node) *context {
	ctx := &context{}
	var seen partyLoops
	for i, it := range n.Items {
		if s := it.Segment; s != nil {
			switch {
			case i == 0 && it.Spec == n.Loop.Children[0].Segment: // the loop's own HL; another stays raw in Extra
				ctx.hl, ctx.nhl = [3]string{s.Value(1)}, 1
			case it.Spec == use2000A.prv && s.Value(1) == "BI": // PRV01 is no qualifier of the use
				ctx.provider.Taxonomy = s.Value(3)
			default:
				extra(&ctx.extra, s, n.Loop.ID)
			}
			continue
		}
		c := it.Node
		if seen.again(c.Loop.ID) {
			allExtra(&ctx.extra, c) // a party loop repeated past its maximum: kept raw
			continue
		}
		switch c.Loop.ID {
		case "2010AA":
			pi := itemsOf(c, &use2010AA.party)
			for _, si := range c.Items {
				s := si.Segment
				if s == nil {
					allExtra(&ctx.extra, si.Node)
					continue
				}
				u := &use2010AA.party
				switch unplacedUse(si, use2010AA.refUPIN) {
				case nil:
					extra(&ctx.extra, s, c.Loop.ID)
				case u.nm1:
					tax := ctx.provider.Taxonomy
					ctx.provider = providerOf(s)
					ctx.provider.Taxonomy = tax
					ctx.provider.Address = pi.address()
				case u.n3, u.n4:
					if !pi.addressSegment(s) {
						extra(&ctx.extra, s, c.Loop.ID)
					}
				case use2010AA.refTax, use2010AA.refUPIN:
					// Typed when the encoder writes it back as read: REF01 and REF02, both given.
					switch {
					case s.Len() != 2 || s.Value(2) == "":
						extra(&ctx.extra, s, c.Loop.ID)
					case s.Value(1) == "EI" && ctx.provider.EIN == "":
						ctx.provider.EIN = s.Value(2)
					case s.Value(1) == "SY" && ctx.provider.SSN == "":
						ctx.provider.SSN = s.Value(2)
					default:
						ctx.provider.SecondaryIDs = append(ctx.provider.SecondaryIDs, x12.Ref{Qualifier: s.Value(1), Value: s.Value(2)})
					}
				case use2010AA.per:
					ct := contactOf(s)
					ctx.provider.Contact = &ct
				default:
					extra(&ctx.extra, s, c.Loop.ID)
				}
			}
		case "2010AB":
			pi := itemsOf(c, &use2010AB)
			ctx.payTo = pi.address()
			keepUntyped(&ctx.extra, c, &use2010AB, &pi)
		case "2000B":
		default:
			allExtra(&ctx.extra, c)
		}
	}
	return ctx
}

// subscriberContext reads a 2000B loop's own segments (not its claims and patients) over the
// billing provider's context, into ctx.
func subscriberContext(n *x12.Node, parent, ctx *context) *context {
	*ctx = *parent
	ctx.extra = append([]x12.RawSegment(nil), ctx.extra...)
	var seen partyLoops
	for i, it := range n.Items {
		if s := it.Segment; s != nil {
			switch {
			case i == 0 && it.Spec == n.Loop.Children[0].Segment: // the loop's own HL; another stays raw in Extra
				if parent.nhl == 1 {
					ctx.hl, ctx.nhl = [3]string{parent.hl[0], s.Value(1)}, 2
				}
			case it.Spec == use2000B.sbr:
				ctx.subscriber.Responsibility, ctx.subscriber.Relationship = s.Value(1), s.Value(2)
				ctx.subscriber.GroupNumber, ctx.subscriber.GroupName = s.Value(3), s.Value(4)
				ctx.subscriber.InsuranceType = s.Value(5)
				ctx.subscriber.FilingIndicator = s.Value(9)
			default:
				extra(&ctx.extra, s, n.Loop.ID)
			}
			continue
		}
		c := it.Node
		if seen.again(c.Loop.ID) {
			allExtra(&ctx.extra, c) // a party loop repeated past its maximum: kept raw
			continue
		}
		switch c.Loop.ID {
		case "2010BA":
			pi := itemsOf(c, &use2010BA)
			if pi.nm1 != nil {
				ctx.subscriber.Person = personOf(&pi, nil)
			}
			keepUntyped(&ctx.extra, c, &use2010BA, &pi)
		case "2010BB":
			pi := itemsOf(c, &use2010BB)
			if nm1 := pi.nm1; nm1 != nil {
				ctx.payer = Payer{Name: nm1.Value(3), ID: nm1.Value(9), IDQualifier: nm1.Value(8), Address: pi.address()}
				if ctx.payer.IDQualifier == "PI" {
					ctx.payer.IDQualifier = ""
				}
			}
			keepUntyped(&ctx.extra, c, &use2010BB, &pi)
		case "2300", "2000C":
		default:
			allExtra(&ctx.extra, c)
		}
	}
	return ctx
}

// partyLoops records which party loops (2010AA, 2010AB, 2010BA, 2010BB, 2010CA: at most one
// each) a level has typed: a repeat, which the guide reports, is kept raw in Extra rather
// than overwriting the first.
type partyLoops uint8

// again reports whether the party loop id was seen before, and marks it seen.
func (p *partyLoops) again(id string) bool {
	var bit partyLoops
	switch id {
	case "2010AA":
		bit = 1
	case "2010AB":
		bit = 2
	case "2010BA":
		bit = 4
	case "2010BB":
		bit = 8
	case "2010CA":
		bit = 16
	default:
		return false
	}
	seen := *p&bit != 0
	*p |= bit
	return seen
}

// keepUntyped keeps the segments of a party loop (uses u, its items pi) that the model has no
// field for.
func keepUntyped(list *x12.RawSegments, n *x12.Node, u *party, pi *partyItems) {
	for _, it := range n.Items {
		if it.Node != nil {
			allExtra(list, it.Node)
		} else if !typedIn(u, pi, it) {
			extra(list, it.Segment, n.Loop.ID)
		}
	}
}

// patientBlock is a patient with room for its address, made in one allocation: claims share
// the patient of their 2000C, and its address lives as long as it does.
type patientBlock struct {
	patient Patient
	address x12.Address
}

// patientContext reads a 2000C loop's own segments (not its claims) over the subscriber's
// context, into ctx.
func patientContext(n *x12.Node, parent, ctx *context) *context {
	*ctx = *parent
	ctx.extra = append([]x12.RawSegment(nil), ctx.extra...)
	b := &patientBlock{}
	p := &b.patient
	ctx.patient = p
	var seen partyLoops
	for i, it := range n.Items {
		if s := it.Segment; s != nil {
			switch {
			case i == 0 && it.Spec == n.Loop.Children[0].Segment: // the loop's own HL; another stays raw in Extra
				ctx.hl, ctx.nhl = [3]string{}, 0
				if parent.nhl == 2 {
					ctx.hl, ctx.nhl = [3]string{parent.hl[0], parent.hl[1], s.Value(1)}, 3
				}
			case it.Spec == use2000C.pat && s.Len() == 1 && s.Value(1) != "":
				// Else (PAT05–PAT09: death date, weight, pregnancy; or no PAT01) kept raw.
				p.Relationship = s.Value(1)
			default:
				extra(&ctx.extra, s, n.Loop.ID)
			}
			continue
		}
		c := it.Node
		if seen.again(c.Loop.ID) {
			allExtra(&ctx.extra, c) // a party loop repeated past its maximum: kept raw
			continue
		}
		switch c.Loop.ID {
		case "2010CA":
			pi := itemsOf(c, &use2010CA)
			if pi.nm1 != nil {
				p.Person = personOf(&pi, &b.address)
			}
			keepUntyped(&ctx.extra, c, &use2010CA, &pi)
		case "2300":
		default:
			allExtra(&ctx.extra, c)
		}
	}
	return ctx
}

// claimParts is the memory of a claim's common small parts, made with the claim in one
// allocation: its first provider loop (2310A/B/D), up to two diagnoses, its HL01s, and the
// modifiers and diagnosis pointers of its first lines. Every slice handed out of it is capped
// (s[i:j:j]), so that appending to one never writes into another.
type claimParts struct {
	provider Provider
	diags    [2]Diagnosis
	hl       [3]string
	mods     [4]string
	ptrs     [4]int
}

// claimBlock and claimBlock1 are a claim with its parts; claimBlock1 with room for its line
// too (the common claim has one).
type claimBlock struct {
	claim Claim
	parts claimParts
}

type claimBlock1 struct {
	claim Claim
	parts claimParts
	line  [1]Line
}

// partsLine is claimParts with room for one line, for a claim decoded into memory of the
// caller's (ReadAll, FromSet).
type partsLine struct {
	parts claimParts
	line  [1]Line
}

// lineSlabs are where the lines of a claim take their modifiers and diagnosis pointers from:
// the claim's parts first, then memory of their own as they grow.
type lineSlabs struct {
	mods []string
	ptrs []int
}

// claimReuse is the memory NextClaim decodes every claim into with ReuseClaim: a claim with
// its parts and room for its lines and Extra, kept from one claim to the next.
type claimReuse struct {
	claimBlock1
	lines []Line           // for a claim of more than one line
	extra []x12.RawSegment // the last claim's Extra, for its memory
}

// newClaim returns the claim to fill (reuse's, into, or a new one), its parts, and its Lines
// with room for lines (nil for none). Reused memory is cleared.
func newClaim(into *Claim, lines int, reuse *claimReuse) (*Claim, *claimParts, []Line) {
	var c *Claim
	var p *claimParts
	var ls []Line
	switch {
	case reuse != nil:
		c, p = &reuse.claim, &reuse.parts
		*p = claimParts{}
		if lines == 1 {
			reuse.line[0] = Line{}
			ls = reuse.line[:0:1]
		} else if lines > 1 {
			if cap(reuse.lines) < lines {
				reuse.lines = make([]Line, lines)
			}
			ls = reuse.lines[:0:lines]
			clear(ls[:lines])
		}
		return c, p, ls
	case into == nil && lines == 1:
		b := &claimBlock1{}
		c, p, ls = &b.claim, &b.parts, b.line[:0:1]
	case into == nil:
		b := &claimBlock{}
		c, p = &b.claim, &b.parts
	case lines == 1:
		b := &partsLine{}
		c, p, ls = into, &b.parts, b.line[:0:1]
	default:
		c, p = into, &claimParts{}
	}
	if lines > 1 {
		ls = make([]Line, 0, lines)
	}
	return c, p, ls
}

// decodeClaim reads a 2300 loop instance under ctx into a new claim; into *into (which it
// overwrites whole) when into is not nil; into reuse's memory when reuse is not nil.
func decodeClaim(n *x12.Node, ctx *context, into *Claim, reuse *claimReuse) *Claim {
	lines := 0
	for _, it := range n.Items {
		if it.Node != nil && it.Node.Loop.ID == "2400" {
			lines++
		}
	}
	c, parts, ls := newClaim(into, lines, reuse)
	if into != nil || reuse != nil {
		*c = Claim{} // a new block is zero already
	}
	// Field by field into the zero claim: a composite literal would be built apart and
	// copied whole.
	c.BillingProvider, c.PayTo = ctx.provider, ctx.payTo
	c.Subscriber, c.Payer, c.Patient = ctx.subscriber, ctx.payer, ctx.patient
	c.Lines = ls
	switch {
	case reuse != nil:
		c.Extra = append(reuse.extra[:0], ctx.extra...)
		if len(c.Extra) == 0 {
			c.Extra = nil // as a new claim's: no Extra is nil
		}
	case len(ctx.extra) > 0:
		c.Extra = append([]x12.RawSegment(nil), ctx.extra...)
	}
	if ctx.nhl >= 2 {
		parts.hl = ctx.hl
		c.HL = parts.hl[:ctx.nhl:ctx.nhl]
	}
	slabs := lineSlabs{mods: parts.mods[:0:len(parts.mods)], ptrs: parts.ptrs[:0:len(parts.ptrs)]}
	provider := &parts.provider // for the first provider loop
	for _, it := range n.Items {
		if s := it.Segment; s != nil {
			// Each use the model holds is typed when it can be written back as read; any
			// other segment (or use) is kept raw in Extra.
			switch sp := unplacedUse(it, use2300.nte); {
			case sp == nil:
				extra(&c.Extra, s, n.Loop.ID)
			case sp == use2300.clm && s.Len() <= 10 && s.Components(5, 1) == 3 && s.Value(1) != "":
				c.PatientControlNumber = s.Value(1)
				r := codec.ReadFields(s, nil, &c.Unparsed, &c.Findings)
				r.Amount(&c.Charge, "Charge", 2)
				c.PlaceOfService, c.Frequency = s.Text(5, 1, 1), s.Text(5, 1, 3)
				c.ProviderSignature = s.Value(6) == "Y"
				c.Assignment, c.BenefitsAssigned, c.ReleaseOfInformation = s.Value(7), s.Value(8), s.Value(9)
				c.PatientSignature = s.Value(10)
			case sp == use2300.onset && s.Value(2) == "D8" && dateOK(s.Value(3)):
				c.OnsetDate, _ = x12.ParseDate(s.Value(3))
			case sp == use2300.refF8 && s.Len() == 2:
				c.OriginalReference = s.Value(2)
			case sp == use2300.refG1 && s.Len() == 2:
				c.PriorAuthorization = s.Value(2)
			case sp == use2300.ref9F && s.Len() == 2:
				c.Referral = s.Value(2)
			case sp == use2300.nte:
				c.Notes = append(c.Notes, Note{s.Value(1), s.Value(2)})
			case sp == use2300.hi && len(c.Diagnoses) == 0:
				if k := s.Len(); k <= len(parts.diags) {
					c.Diagnoses = parts.diags[:0:k]
				} else {
					c.Diagnoses = make([]Diagnosis, 0, k)
				}
				for k := 1; k <= s.Len(); k++ {
					c.Diagnoses = append(c.Diagnoses, Diagnosis{s.Text(k, 1, 1), s.Text(k, 1, 2)})
				}
			default:
				extra(&c.Extra, s, n.Loop.ID)
			}
			continue
		}
		sub := it.Node
		switch sub.Loop.ID {
		case "2310A", "2310B", "2310D":
			p := provider
			if p == nil {
				p = &Provider{}
			}
			provider = nil
			switch sub.Loop.ID {
			case "2310A":
				decodeProvider(sub, &use2310A, &c.Extra, p)
				c.Referring = p
			case "2310B":
				decodeProvider(sub, &use2310B, &c.Extra, p)
				c.Rendering = p
			default:
				decodeProvider(sub, &use2310D, &c.Extra, p)
				c.Supervising = p
			}
		case "2310C":
			f := &Facility{}
			pi := itemsOf(sub, &use2310C)
			for _, si := range sub.Items {
				switch s := si.Segment; {
				case s == nil:
					allExtra(&c.Extra, si.Node)
				case si.Spec == nil:
					extra(&c.Extra, s, sub.Loop.ID)
				case si.Spec == use2310C.nm1:
					f.Name, f.NPI = s.Value(3), npiOf(s)
				case pi.addressSegment(s):
				default:
					extra(&c.Extra, s, sub.Loop.ID)
				}
			}
			if pi.hasAddress() {
				f.Address = pi.addressValue()
			}
			c.ServiceFacility = f
		case "2400":
			c.Lines = c.Lines[:len(c.Lines)+1] // room for every 2400 was made (lines)
			decodeLine(sub, c.PlaceOfService, &c.Lines[len(c.Lines)-1], &c.Findings, &slabs)
		default:
			allExtra(&c.Extra, sub)
		}
	}
	if reuse != nil && cap(c.Extra) > cap(reuse.extra) {
		reuse.extra = c.Extra[:0] // grown: the next claim's Extra starts from it
	}
	return c
}

// unplacedUse returns it.Spec; for a segment the guide left without one (a qualifier it does
// not know, or no use of the ID in the loop) that the typed model has always held by its ID
// alone, the use of those of the loop (candidates) with its ID. Those are a claim's NTE and a
// provider's REF and PRV (and, in billingContext, the billing provider's REF): their
// qualifier is kept as read, and the encoder writes them back in their place, where Extra
// would move them.
func unplacedUse(it x12.Item, candidates ...*x12.SegmentSpec) *x12.SegmentSpec {
	if it.Spec != nil || it.Segment == nil {
		return it.Spec
	}
	id := it.Segment.ID()
	for _, c := range candidates {
		if c != nil && c.ID == id {
			return c
		}
	}
	return nil
}

// decodeProvider reads a 2310A/B/D loop (uses u) into p (zero).
func decodeProvider(n *x12.Node, u *providerLoop, ex *x12.RawSegments, p *Provider) {
	for _, it := range n.Items {
		switch s, sp := it.Segment, unplacedUse(it, u.ref, u.prv); {
		case s == nil:
			allExtra(ex, it.Node)
		case sp == nil:
			extra(ex, s, n.Loop.ID)
		case sp == u.nm1:
			*p = providerOf(s)
		case sp == u.prv && s.Value(2) == "PXC" && s.Len() == 3:
			p.Taxonomy = s.Value(3)
		case sp == u.ref && s.Len() == 2:
			p.SecondaryIDs = append(p.SecondaryIDs, x12.Ref{Qualifier: s.Value(1), Value: s.Value(2)})
		default:
			extra(ex, s, n.Loop.ID)
		}
	}
}

// decodeLine reads a 2400 loop into l (zero), its modifiers and diagnosis pointers into sl.
func decodeLine(n *x12.Node, claimPOS string, l *Line, made *[]*x12.Error, sl *lineSlabs) {
	for _, it := range n.Items {
		s := it.Segment
		if s == nil {
			sub := it.Node
			if sub.Loop.ID == "2410" && len(sub.Items) == 2 && sub.Items[1].Spec == use2410.ctp &&
				sub.Items[0].Segment.Value(2) == "N4" && sub.Items[0].Segment.Len() == 3 && sub.Items[1].Segment.Len() == 5 {
				lin, ctp := sub.Items[0].Segment, sub.Items[1].Segment
				l.Drug = &Drug{NDC: lin.Value(3), Quantity: ctp.Value(4), Unit: ctp.Value(5)}
				continue
			}
			allExtra(&l.Extra, sub)
			continue
		}
		switch sp := it.Spec; {
		case sp == nil:
			extra(&l.Extra, s, n.Loop.ID)
		case sp == use2400.lx:
		case sp == use2400.sv1 && l.Procedure == "" && s.Len() <= 7 && s.Repetitions(1) <= 1 && s.Components(1, 1) >= 2 && s.Text(1, 1, 2) != "":
			comp := string([]byte{s.Delimiters().Component}) // one byte, even 0x80–0xFF (not a rune)
			var rest string
			var more bool
			l.Qualifier, rest, _ = strings.Cut(s.Text(1, 1, 0), comp)
			l.Procedure, rest, more = strings.Cut(rest, comp)
			if start := len(sl.mods); more {
				for more {
					var m string
					m, rest, more = strings.Cut(rest, comp)
					sl.mods = append(sl.mods, m)
				}
				l.Modifiers = sl.mods[start:len(sl.mods):len(sl.mods)]
			}
			r := codec.ReadFields(s, nil, &l.Unparsed, made)
			r.Amount(&l.Charge, "Charge", 2)
			l.Unit, l.Quantity = s.Value(3), s.Value(4)
			l.PlaceOfService = s.Value(5)
			l.RepeatPOS = l.PlaceOfService != "" && l.PlaceOfService == claimPOS
			if all := s.Text(7, 1, 0); all != "" {
				rest = all
				start := len(sl.ptrs)
				for more = true; more; {
					var v string
					v, rest, more = strings.Cut(rest, comp)
					p, err := strconv.Atoi(v)
					if err != nil || p < 1 {
						// Kept with ':' between the pointers, whatever the input's separator.
						sl.ptrs = sl.ptrs[:start]
						r.Keep("DiagnosisPointers", 7, strings.ReplaceAll(all, comp, ":"), x12.ErrUnparsed)
						break
					}
					sl.ptrs = append(sl.ptrs, p)
				}
				if len(sl.ptrs) > start {
					l.DiagnosisPointers = sl.ptrs[start:len(sl.ptrs):len(sl.ptrs)]
				}
			}
		case sp == use2400.service && l.ServiceDate.IsZero() && readServiceDates(s, l):
		case sp == use2400.ref6R && s.Len() == 2 && l.ControlNumber == "":
			l.ControlNumber = s.Value(2)
		default:
			extra(&l.Extra, s, n.Loop.ID)
		}
	}
}
