package remit835

import (
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// Decoder reads 835 remittances from a stream, a transaction set at a time (Next, All), or
// their claim payments one at a time (NextClaim, Claims), each with the remittance it belongs
// to (Remittance), so a file of any size is read in memory bounded by one claim and the
// header above it. Every set is validated against Guide as it is read, and each claim payment
// carries the findings of its segments (Claim.Findings).
//
// It never hands back fewer remittances or claim payments without an error (see x12.Stream):
// a set that is not an 835 (another transaction, or an 835 of another version) is an error
// wrapping x12.ErrWrongTransaction, a segment the reader had to drop one wrapping x12.Lost's
// sentinels, input that ends inside an interchange x12.ErrTruncated, an empty input
// x12.ErrNoInterchange; findings of a set's end (a wrong SE01) and of the envelopes (a
// missing GE) are an error too, and stay in Findings (those of a set's end that the reader
// finds as the set's last claim payment closes, when no PLB follows it, come in that claim
// payment's Findings instead). Next hands out a set's remittance first and returns the errors
// met inside it on the following call; a set cut short by an error that stops reading is
// handed out with the claim payments read before it. Next and NextClaim can be called again
// after any of these but the ones that stop reading (an unreadable ISA, an I/O error), which
// they return again. Use one of the two ways of reading per Decoder. A Decoder is not safe
// for concurrent use.
//
// An amount that does not parse into its typed field (a CLP03 of "12X.00") leaves the field
// zero and keeps its text in the value's Unparsed, with a finding on the element: the guide's,
// or, when the guide accepts the text (an amount of more than two decimals or 15 digits, which
// x12.Amount cannot hold) or does not check it (StructureOnly), one the Decoder makes,
// wrapping x12.ErrAmount. A BPR02 that does not parse gives its finding to the set's first
// claim payment, or is an error after the set's end when the set has none.
type Decoder struct {
	// SetDone, when set, is called at the end of each 835 set with its remittance — header,
	// header numbers and provider adjustments, without its claims, which were handed out by
	// NextClaim — and the set with its findings. It is called before the set's end errors
	// are returned.
	SetDone func(r *Remittance, set *x12.Set)

	// ReuseClaim, when set, lets NextClaim return the same *Claim on every call, overwritten
	// with the next claim payment (its lines, adjustments, names and MOA values too), in the manner of
	// encoding/csv's ReuseRecord: a caller that does not keep claims (a summary that adds up
	// their amounts) saves an allocation per claim payment. Next never reuses.
	ReuseClaim bool

	sr     *x12.SetReader
	st     *x12.Stream
	remit  *Remittance // the set being read
	root   rootState   // what of its root is decoded
	set    *x12.Set
	fields fields
	last   uint64 // the serial of the 2000 loop of the last claim
	lastLX string
	seenLX bool // a 2000 loop with claims was read in this set (lastLX is its LX01)
	// newHeader: the next claim is the first of a 2000 loop repeating lastLX (Claim.NewHeader)
	newHeader bool
	// made are the findings the Decoder made for the value Next returned last (amounts it
	// could not type that the guide did not report), pending the BPR's until a claim or the
	// set's end takes them.
	made, pending []*x12.Error

	reuse    claimReuse   // the claim NextClaim returns again and again with ReuseClaim
	held     []error      // what Next returns on its next calls, after the remittance it handed out
	keepMade bool         // ReadAll: keep every finding the Decoder made, in allMade
	allMade  []*x12.Error // the findings the Decoder made on every claim payment (keepMade)
}

// NewDecoder returns a Decoder reading from r with opts (nil for the defaults: the codes
// package's code lists, tolerated quirks as warnings, every element checked).
func NewDecoder(r io.Reader, opts *x12.DecodeOptions) *Decoder {
	sr := x12.NewSetReader(r)
	sr.Codes = codes.Default()
	opts.Apply(sr)
	sr.Units, sr.UnitText = []string{"2100"}, true
	return &Decoder{sr: sr, st: x12.NewStream(sr, Guide)}
}

// Reader returns the SetReader underneath, to set what DecodeOptions does not before the
// first Next.
func (d *Decoder) Reader() *x12.SetReader { return d.sr }

// Remittance returns the remittance the last claim came from: its payment, trace, payer and
// payee (its Claims are not kept; its provider adjustments come at the end of the set).
func (d *Decoder) Remittance() *Remittance { return d.remit }

// Set returns the transaction set being read, with its findings so far.
func (d *Decoder) Set() *x12.Set { return d.set }

// Findings returns the findings that came with no claim payment: those of set ends and, once
// Next has returned io.EOF, of the envelopes (warnings for tolerated quirks included).
func (d *Decoder) Findings() *x12.ErrorList { return d.st.Findings() }

// Envelopes returns the envelope checks of everything read so far.
func (d *Decoder) Envelopes() *x12.EnvelopeChecker { return d.sr.Envelopes() }

// Stops reports whether err, returned by Next or NextClaim, stops the Decoder: it is returned
// again from then on, so reading cannot go on past it. Every other error leaves the Decoder
// able to go on.
func (d *Decoder) Stops(err error) bool { return d.st.Sticky(err) }

// Made returns the findings the Decoder made itself for the claim payment NextClaim returned
// last:
// amounts the guide accepted (or, with StructureOnly, did not check) that x12.Amount cannot
// hold, wrapping x12.ErrAmount. They are also among the claim's Findings, with the guide's.
// The slice is reused by the next call to NextClaim.
func (d *Decoder) Made() []*x12.Error { return d.made }

// Next returns the next transaction set's remittance, with its claim payments and provider
// adjustments, or io.EOF after the last; errors as the Decoder's doc says.
func (d *Decoder) Next() (*Remittance, error) {
	var claims []Claim
	ok, err := codec.Gather(&d.held, d.st.Sticky, func() (*Claim, bool, error) { return d.part(nil) }, func(c *Claim) {
		claims = append(claims, *c)
		if d.keepMade {
			d.allMade = append(d.allMade, d.made...)
		}
	})
	if !ok {
		return nil, err
	}
	r := d.remit
	r.Claims = claims
	if r.Claims == nil {
		r.Claims = []Claim{}
	}
	return r, nil
}

// All ranges over the remittances as Next returns them, stopping after the first error.
func (d *Decoder) All() iter.Seq2[*Remittance, error] { return x12.All(d.Next) }

// NextClaim returns the next claim payment, or io.EOF after the last; errors as the
// Decoder's doc says.
func (d *Decoder) NextClaim() (*Claim, error) {
	var reuse *claimReuse
	if d.ReuseClaim {
		reuse = &d.reuse
	}
	for {
		c, _, err := d.part(reuse)
		if err != nil || c != nil {
			return c, err
		}
	}
}

// Claims ranges over the claim payments as NextClaim returns them, stopping after the first
// error.
func (d *Decoder) Claims() iter.Seq2[*Claim, error] { return x12.All(d.NextClaim) }

// part reads the next claim payment (c), or the end of an 835 set (end, with the error of
// its end findings, if any); a claim payment is decoded into reuse when it is not nil and
// the claim fits in it.
func (d *Decoder) part(reuse *claimReuse) (c *Claim, end bool, err error) {
	d.made = d.made[:0]
	for {
		p, err := d.st.Next()
		if err != nil {
			return nil, false, err
		}
		if p.Set != d.set {
			d.set, d.remit, d.root, d.last = p.Set, &Remittance{Control: p.Set.ST02, Version: p.Set.ST03}, rootState{}, 0
			d.lastLX, d.seenLX = "", false
		}
		// Mid-set, the root's last item may be a loop still filling (the 2000 holding this
		// claim, whose summaries are in but whose later segments are not): it waits.
		upTo := len(p.Set.Root.Items)
		if p.Unit != nil && upTo > 0 && p.Set.Root.Items[upTo-1].Node != nil {
			upTo--
		}
		if d.root.done < upTo {
			d.root.skip = d.last
			d.fields.made = d.fields.made[:0]
			d.root.decode(p.Set.Root.Items[:upTo], d.remit, &d.fields)
			if d.root.bpr && !d.root.bprChecked {
				d.root.bprChecked = true
				d.pending = unreported(d.pending, d.fields.made, p.Findings)
			}
		}
		if p.Unit == nil {
			if d.SetDone != nil {
				d.SetDone(d.remit, p.Set)
			}
			if len(d.pending) > 0 {
				var list x12.ErrorList
				for _, f := range d.pending {
					list.Add(f)
				}
				d.pending = d.pending[:0]
				return nil, true, &list
			}
			return nil, true, nil
		}
		if parent := p.Unit.Parent; parent.Serial() != d.last {
			// A new header number (2000): its LX and summaries come before its first claim.
			// The reader lets it go once its claims are out, so it is read here, once.
			d.last = parent.Serial()
			h := decodeHeaderNumber(parent, &d.fields)
			d.remit.Headers = append(d.remit.Headers, h)
			d.newHeader = d.seenLX && h.Number == d.lastLX
			d.lastLX, d.seenLX = h.Number, true
		}
		d.fields.made = d.fields.made[:0]
		c := decodeClaim(p.Unit, &d.fields, reuse)
		c.Header = d.lastLX
		c.NewHeader, d.newHeader = d.newHeader, false
		c.Findings = slices.Clip(p.Findings)
		if len(d.pending) > 0 || len(d.fields.made) > 0 {
			d.made, d.pending = append(d.made, d.pending...), d.pending[:0]
			d.made = unreported(d.made, d.fields.made, p.Findings)
			c.Findings = append(c.Findings, d.made...) // a new array: Findings is clipped
		}
		return c, false, nil
	}
}

// unreported appends to out the findings the field readers made (amounts kept in Unparsed)
// that the guide did not report in found (an error on the same element): text the guide
// accepts but x12.Amount cannot hold, or did not check (StructureOnly). They have no 999
// code: the guide has nothing against the text.
func unreported(out, made, found []*x12.Error) []*x12.Error {
	for _, f := range made {
		if !codec.ReportedAt(found, f.Pos) {
			out = append(out, f)
		}
	}
	return out
}

// ReadAll reads every 835 set of r into a Remittance with all its claims. Use it for files of
// a reasonable size; a Decoder streams. It reads to the end past every error that does not
// stop reading, and returns what it read with a non-nil error when anything was lost or any
// finding is an error: the x12.Stream's errors and findings in one *x12.ErrorList (match with
// errors.Is/As). A remittance whose set ended is returned whatever its errors; one cut short
// by an error that stops reading is returned with the claims read before it.
func ReadAll(r io.Reader) ([]*Remittance, error) {
	d := NewDecoder(r, nil)
	d.keepMade = true
	var out []*Remittance
	var errs []error
	for {
		rm, err := d.Next()
		switch {
		case err == io.EOF:
			return out, d.st.ReadAllError(append(errs, madeErrors(d.allMade)...))
		case err != nil:
			errs = append(errs, err)
			if d.st.Sticky(err) {
				return out, d.st.ReadAllError(append(errs, madeErrors(d.allMade)...))
			}
		default:
			out = append(out, rm)
		}
	}
}

func madeErrors(made []*x12.Error) []error {
	out := make([]error, len(made))
	for i, f := range made {
		out[i] = f
	}
	return out
}

// FromSet maps a transaction set read with Guide by a SetReader that keeps its tree (without
// Units) to a Remittance; it returns nil for any other set.
func FromSet(set *x12.Set) *Remittance {
	if set.Guide != Guide || set.Root == nil {
		return nil
	}
	r := &Remittance{Control: set.ST02, Version: set.ST03, Claims: []Claim{}}
	var fs fields
	var st rootState
	st.decode(set.Root.Items, r, &fs)
	lastLX, seenLX := "", false
	for _, h := range set.Root.Loops("2000") {
		lx := ""
		if s := h.Find(use2000.lx); s != nil {
			lx = s.Value(1)
		}
		for k, n := range h.Loops("2100") {
			c := decodeClaim(n, &fs, nil)
			c.Header = lx
			c.NewHeader = k == 0 && seenLX && lx == lastLX
			r.Claims = append(r.Claims, *c)
			lastLX, seenLX = lx, true
		}
	}
	return r
}

// fields reads segments' elements into one reused slice: x12.Segment.Fields cuts them from
// the text the reader made for the claim being handed out (one allocation per claim). made
// collects the findings of the field readers (amounts that do not parse) of what is decoded,
// for the Decoder to keep those the guide did not report.
type fields struct {
	dst  []string
	made []*x12.Error
}

// reader returns a field reader over s, whose fields f are, keeping what does not parse in u.
func (fs *fields) reader(s *x12.Segment, f []string, u *x12.Unparsed) codec.FieldReader {
	return codec.ReadFields(s, f, u, &fs.made)
}

// of returns s's fields (see x12.Segment.Fields); the slice is reused by the next call.
func (f *fields) of(s *x12.Segment) []string {
	f.dst = s.Fields(f.dst)
	return f.dst
}

func at(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// keep adds a segment the model has no field for.
func keep(list *x12.RawSegments, s *x12.Segment, loop string) {
	r := x12.RawOf(s)
	r.Loop = loop
	*list = append(*list, r)
}

// amountAt parses element i; ok is false when it is not an amount (the segment is then
// kept raw so nothing is lost).
func amountAt(f []string, i int) (x12.Amount, bool) {
	a, err := x12.ParseAmount(at(f, i))
	return a, err == nil
}

func dateAt(f []string, i int) (x12.Date, bool) {
	d, err := x12.ParseDate(at(f, i))
	return d, err == nil
}

// rootState decodes the items of a set's root (everything outside the claims) as they come:
// at the first claim, then as more arrive, then at the set's end.
type rootState struct {
	done              int    // root items decoded so far
	skip              uint64 // the serial of a 2000 read apart (with its claims)
	bpr, payer, payee bool
	bprChecked        bool // the BPR's amount was checked for a finding (Decoder)
}

// decode reads root's items not read yet: the payment, trace, payer and payee, the header
// numbers (LX with its summaries; the claims are read apart) and the provider adjustments.
func (st *rootState) decode(all []x12.Item, r *Remittance, fs *fields) {
	items := all[min(st.done, len(all)):]
	st.done = len(all)
	for _, it := range items {
		if n := it.Node; n != nil {
			switch {
			case n.Loop.ID == "1000A" && !st.payer:
				st.payer = true
				decodeParty(n, &use1000A, &r.Payer, &r.Extra, fs)
			case n.Loop.ID == "1000B" && !st.payee:
				st.payee = true
				decodeParty(n, &use1000B, &r.Payee, &r.Extra, fs)
			case n.Loop.ID == "2000":
				if n.Serial() != st.skip || st.skip == 0 { // a header number already read with its first claim
					r.Headers = append(r.Headers, decodeHeaderNumber(n, fs))
				}
			default:
				n.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, in *x12.Node) bool {
					keep(&r.Extra, s, in.Loop.ID)
					return true
				})
			}
			continue
		}
		s := it.Segment
		if it.Spec == nil {
			keep(&r.Extra, s, "ST")
			continue
		}
		f := fs.of(s)
		ok := true
		switch it.Spec {
		case useST.st, useST.se:
		case useST.bpr:
			// The first BPR is always typed (the encoder writes one whatever it holds).
			if ok = !st.bpr; ok {
				readBPR(fs.reader(s, f, &r.Payment.Unparsed), f, &r.Payment)
				r.Payment.Pos = s.Pos
				st.bpr = true
			}
		case useST.trn:
			if ok = len(f) <= 5 && r.Trace == (x12.Trace{}) && at(f, 1) != ""; ok {
				r.Trace = x12.Trace{Type: at(f, 1), Number: at(f, 2), Originator: at(f, 3), Supplement: at(f, 4)}
			}
		case useST.cur: // CUR01 is no qualifier of the use: a payee's currency (PE) stays raw
			if ok = len(f) == 3 && at(f, 1) == "PR" && r.Currency == "" && at(f, 2) != ""; ok {
				r.Currency = at(f, 2)
			}
		case useST.refEV:
			if ok = r.ReceiverID == "" && len(f) == 3 && at(f, 2) != ""; ok {
				r.ReceiverID = at(f, 2)
			}
		case useST.refF2:
			if ok = r.VersionID == "" && len(f) == 3 && at(f, 2) != ""; ok {
				r.VersionID = at(f, 2)
			}
		case useST.dtm405:
			ok = decodeDTM(f, &r.Produced)
		case useST.plb:
			var p ProviderAdjustment
			if p, ok = decodePLB(f, s.Delimiters().Component); ok {
				r.Adjustments = append(r.Adjustments, p)
			}
		default:
			ok = false
		}
		if !ok {
			keep(&r.Extra, s, "ST")
		}
	}
}

// decodeHeaderNumber reads a 2000 loop's own segments: its LX and the summaries after it.
func decodeHeaderNumber(n *x12.Node, fs *fields) Header {
	h := Header{}
	seenLX := false
	for _, it := range n.Items {
		switch {
		case it.Segment == nil:
		case it.Spec == use2000.lx && !seenLX:
			// The first LX is always typed (the encoder writes one per header).
			f := fs.of(it.Segment)
			h.Number, seenLX = at(f, 1), true
			if len(f) > 2 {
				h.Rest = append([]string(nil), f[2:]...)
			}
		default:
			keep(&h.Summary, it.Segment, "2000")
		}
	}
	return h
}

// decodeBPR reads the payment from its fields f; an amount or date that does not parse is
// left zero with its text kept (Unparsed, DateText) and the guide's finding on it.
func decodeBPR(f []string, p *Payment) { readBPR(codec.ReadFields(nil, f, &p.Unparsed, nil), f, p) }

// readBPR is decodeBPR with the amount read through r (over the BPR and p.Unparsed), which
// makes a finding of the Decoder's own for an amount that does not parse.
func readBPR(r codec.FieldReader, f []string, p *Payment) {
	date, ok := dateAt(f, 16)
	*p = Payment{
		Handling: at(f, 1), CreditDebit: at(f, 3), Method: at(f, 4), PaymentFormat: at(f, 5),
		Sender:  BankAccount{DFIQualifier: at(f, 6), DFI: at(f, 7), AccountQualifier: at(f, 8), Account: at(f, 9)},
		PayerID: at(f, 10), Supplement: at(f, 11),
		Receiver: BankAccount{DFIQualifier: at(f, 12), DFI: at(f, 13), AccountQualifier: at(f, 14), Account: at(f, 15)},
		Date:     date,
	}
	if len(f) > 17 {
		p.Rest = append([]string(nil), f[17:]...)
	}
	r.Amount(&p.Amount, "Amount", 2)
	if !ok {
		p.DateText = at(f, 16)
	}
}

func decodePLB(f []string, comp byte) (ProviderAdjustment, bool) {
	end, ok := dateAt(f, 2)
	p := ProviderAdjustment{Provider: at(f, 1), PeriodEnd: end}
	for i := 3; i < len(f); i += 2 {
		reason, ref, _ := strings.Cut(f[i], string([]byte{comp}))
		amt, aok := amountAt(f, i+1)
		if !aok || reason == "" || strings.IndexByte(ref, comp) >= 0 {
			return p, false
		}
		p.Items = append(p.Items, ProviderItem{Reason: reason, Reference: ref, Amount: amt})
	}
	return p, ok && len(p.Items) > 0
}

// decodeParty reads a 1000A or 1000B loop (uses u).
func decodeParty(n *x12.Node, u *partyLoop, p *Party, extra *x12.RawSegments, fs *fields) {
	loop := n.Loop.ID
	seenN1 := false
	for _, it := range n.Items {
		s := it.Segment
		if s == nil {
			continue
		}
		f := fs.of(s)
		ok := it.Spec != nil
		if ok {
			switch it.Spec {
			case u.n1:
				// The first N1 is always typed (the encoder writes one whatever it holds).
				if ok = !seenN1 && len(f) <= 5; ok {
					p.Name, p.IDQualifier, p.ID = at(f, 2), at(f, 3), at(f, 4)
				}
				seenN1 = true
			case u.n3, u.n4:
				ok = codec.ReadAddress(s, &p.Address)
			case u.ref:
				if ok = len(f) == 3; ok {
					p.Refs = append(p.Refs, x12.Ref{Qualifier: at(f, 1), Value: at(f, 2)})
				}
			case u.perBusiness, u.perTechnical, u.perWeb:
				var c x12.Contact
				c, ok = decodeContact(f)
				if ok {
					p.Contacts = append(p.Contacts, c)
				}
			default:
				ok = false
			}
		}
		if !ok {
			keep(extra, s, loop)
		}
	}
}

func decodeContact(f []string) (x12.Contact, bool) {
	c := x12.Contact{Function: at(f, 1), Name: at(f, 2)}
	for i := 3; i < len(f); i += 2 {
		if at(f, i) == "" && at(f, i+1) == "" {
			return c, false
		}
		c.Numbers = append(c.Numbers, x12.Number{Type: at(f, i), Value: at(f, i+1)})
	}
	return c, len(f) <= 9
}

// decodeCAS appends a CAS's adjustments; prev is the list so far (to mark a CAS the encoder
// would not start by itself).
func decodeCAS(f []string, list *[]Adjustment, casStart *int) bool {
	group := at(f, 1)
	if group == "" || len(f) < 4 || len(f) > 20 {
		return false
	}
	var amts [6]x12.Amount // parsed once: a CAS has at most six adjustments (len(f) <= 20)
	for i := 2; i < len(f); i += 3 {
		a, ok := amountAt(f, i+1)
		if !ok || at(f, i) == "" {
			return false
		}
		amts[(i-2)/3] = a
	}
	start := len(*list)
	*list = slices.Grow(*list, (len(f)-1)/3)
	for i := 2; i < len(f); i += 3 {
		*list = append(*list, Adjustment{Group: group, Reason: at(f, i), Amount: amts[(i-2)/3], Quantity: at(f, i+2)})
	}
	// The encoder packs an adjustment into the previous CAS when that CAS has the same group
	// and fewer than six; mark where that would not give back the same segments.
	if prev := (*list)[*casStart:start]; len(prev) > 0 && prev[0].Group == group && len(prev) < 6 {
		(*list)[start].NewCAS = true
	}
	*casStart = start
	return true
}

// nameOK reports whether an NM1's fields f are a name the model holds as read.
func nameOK(f []string) bool {
	return len(f) <= 10 && (at(f, 2) == "1" || at(f, 2) == "2") && at(f, 6) == ""
}

// readName reads an NM1's fields f into n, which is zero.
func readName(f []string, n *Name) {
	n.Person, n.Last, n.First, n.Middle = at(f, 2) == "1", at(f, 3), at(f, 4), at(f, 5)
	n.Suffix, n.IDQualifier, n.ID = at(f, 7), at(f, 8), at(f, 9)
}

// counts tallies what a loop instance will need, so its slices are made once: its NM1s,
// its CAS adjustments (three elements each after the group) and its nested 2110 loops.
func counts(n *x12.Node) (names, adjustments, lines int) {
	for _, it := range n.Items {
		switch {
		case it.Node != nil:
			if it.Node.Loop.ID == "2110" {
				lines++
			}
		case it.Segment.ID() == "NM1":
			names++
		case it.Segment.ID() == "CAS":
			adjustments += it.Segment.Len() / 3
		}
	}
	return names, adjustments, lines
}

// claimBlock is a claim payment with room for the common shape — one service line, three names,
// the first adjustments, amount and procedure modifiers of its lines, its patient
// responsibility — made in one allocation. Its 1784 bytes, with the allocator's 8-byte header,
// fill the 1792-byte size class the block takes anyway: room for a third adjustment (a line's
// CO-45, PR-1 and PR-2) costs nothing, and a fourth would take the block to 2048.
type claimBlock struct {
	claim Claim
	line  [1]Line
	names [3]Name
	adjs  [3]Adjustment
	amts  [1]Money
	mods  [2]string
	amt   x12.Amount
}

// claimReuse is the memory a Decoder with ReuseClaim decodes every claim payment into.
type claimReuse struct {
	block claimBlock
	moa   outpatientBlock
}

// claimSlabs is where a claim and its lines take their small slices from (the claim's block
// first; memory of their own when it has no room). Every slice handed out is capped
// (s[i:j:j]), so appending to one never writes into another.
type claimSlabs struct {
	adjs []Adjustment
	amts []Money
	mods []string
	amt  *x12.Amount // room for CLP05, or nil
}

// adjustments returns an empty slice with room for k adjustments.
func (sl *claimSlabs) adjustments(k int) []Adjustment {
	n := len(sl.adjs)
	if cap(sl.adjs)-n < k {
		return make([]Adjustment, 0, k)
	}
	sl.adjs = sl.adjs[:n+k]
	return sl.adjs[n : n : n+k]
}

// strings returns a copy of v, from mods when it has room (sl may be nil).
func (sl *claimSlabs) strings(v []string) []string {
	if sl == nil || cap(sl.mods)-len(sl.mods) < len(v) {
		return append(make([]string, 0, len(v)), v...)
	}
	n := len(sl.mods)
	sl.mods = append(sl.mods, v...)
	return sl.mods[n:len(sl.mods):len(sl.mods)]
}

// decodeClaim reads one 2100 loop instance.
func decodeClaim(n *x12.Node, fs *fields, reuse *claimReuse) *Claim {
	names, adjustments, lines := counts(n)
	var c *Claim
	var slab []Name // the claim's names, one allocation
	var sl claimSlabs
	var moa *outpatientBlock // where an MOA goes: nil for memory of its own
	if reuse != nil {
		moa = &reuse.moa
	}
	if lines <= len(claimBlock{}.line) && names <= len(claimBlock{}.names) {
		var b *claimBlock
		if reuse == nil {
			b = &claimBlock{}
		} else {
			b = &reuse.block
			*b = claimBlock{}
		}
		c = &b.claim
		if lines > 0 {
			c.Lines = b.line[:0:lines]
		}
		slab = b.names[:0:names]
		sl = claimSlabs{adjs: b.adjs[:0:len(b.adjs)], amts: b.amts[:0:len(b.amts)], mods: b.mods[:0:len(b.mods)], amt: &b.amt}
	} else {
		c = &Claim{}
		if lines > 0 {
			c.Lines = make([]Line, 0, lines)
		}
		if names > 0 {
			slab = make([]Name, 0, names)
		}
	}
	if adjustments > 0 {
		c.Adjustments = sl.adjustments(adjustments)
	}
	cas := 0
	for _, it := range n.Items {
		if it.Node != nil {
			if it.Node.Loop.ID == "2110" {
				c.Lines = c.Lines[:len(c.Lines)+1]
				decodeLine(it.Node, fs, &c.Lines[len(c.Lines)-1], &sl)
			} else {
				it.Node.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, in *x12.Node) bool {
					keep(&c.Extra, s, in.Loop.ID)
					return true
				})
			}
			continue
		}
		s := it.Segment
		f := fs.of(s)
		ok := it.Spec != nil
		if ok {
			switch it.Spec {
			case use2100.clp:
				// Always typed (the claim stands on it); amounts that do not parse are left
				// zero with their text in Unparsed, and the guide reports them.
				if ok = c.Pos.ID == ""; ok {
					readCLP(fs.reader(s, f, &c.Unparsed), f, c, sl.amt)
					c.Pos = s.Pos
				}
			case use2100.cas:
				ok = decodeCAS(f, &c.Adjustments, &cas)
			case use2100.patient, use2100.insured, use2100.corrected, use2100.serviceProvider,
				use2100.crossover, use2100.priorityPayer, use2100.otherSubscriber:
				slot := c.nameOf(it.Spec)
				if ok = nameOK(f) && *slot == nil && len(slab) < cap(slab); ok {
					slab = slab[:len(slab)+1]
					*slot = &slab[len(slab)-1]
					readName(f, *slot) // in place: the slab's room is zero
				}
			case use2100.mia:
				ok = c.Inpatient == nil
				if ok {
					c.Inpatient = append([]string(nil), f[1:]...)
				}
			case use2100.moa:
				ok = c.Outpatient == nil && decodeMOA(f, c, moa)
			case use2100.refOther, use2100.refRendering:
				if ok = len(f) == 3; ok {
					c.Refs = append(c.Refs, x12.Ref{Qualifier: at(f, 1), Value: at(f, 2)})
				}
			case use2100.dtmStatement, use2100.dtmExpiration, use2100.dtmReceived:
				ok = decodeDTM(f, c.date(at(f, 1)))
			case use2100.per:
				var ct x12.Contact
				if ct, ok = decodeContact(f); ok {
					c.Contacts = append(c.Contacts, ct)
				}
			case use2100.amt:
				var m Money
				if m, ok = decodeAMT(f); ok {
					c.Amounts = append(c.Amounts, m)
				}
			case use2100.qty:
				if ok = len(f) == 3; ok {
					c.Quantities = append(c.Quantities, Quantity{Qualifier: at(f, 1), Quantity: at(f, 2)})
				}
			default:
				ok = false
			}
		}
		if !ok {
			keep(&c.Extra, s, "2100")
		}
	}
	return c
}

// decodeCLP reads a CLP from its fields f into c, its patient responsibility into *mem when
// mem is not nil.
func decodeCLP(f []string, c *Claim, mem *x12.Amount) {
	readCLP(codec.ReadFields(nil, f, &c.Unparsed, nil), f, c, mem)
}

// readCLP is decodeCLP with the amounts read through r (over the CLP and c.Unparsed).
func readCLP(r codec.FieldReader, f []string, c *Claim, mem *x12.Amount) {
	c.PatientControl, c.Status = at(f, 1), at(f, 2)
	r.Amount(&c.Charge, "Charge", 3)
	r.Amount(&c.Paid, "Paid", 4)
	r.OptAmount(&c.PatientResponsibility, mem, "PatientResponsibility", 5)
	c.FilingIndicator, c.PayerControl, c.Facility, c.Frequency = at(f, 6), at(f, 7), at(f, 8), at(f, 9)
	c.DRG, c.DRGWeight, c.DischargeFraction = at(f, 11), at(f, 12), at(f, 13)
	if at(f, 10) != "" || at(f, 14) != "" {
		c.CLPRest = []string{at(f, 10), at(f, 14)}
	}
}

// outpatientBlock is an MOA's values in one allocation: the Outpatient with room for its
// remark codes and amounts.
type outpatientBlock struct {
	out     Outpatient
	remarks [5]string
	amts    [3]x12.Amount
}

// decodeMOA reads an MOA into room (a new block when room is nil) and sets c.Outpatient to it.
func decodeMOA(f []string, c *Claim, room *outpatientBlock) bool {
	if len(f) > 10 {
		return false
	}
	var amts [3]x12.Amount
	var has [3]bool
	for k, i := range [3]int{2, 8, 9} {
		if at(f, i) == "" {
			continue
		}
		a, ok := amountAt(f, i)
		if !ok {
			return false
		}
		amts[k], has[k] = a, true
	}
	if room == nil {
		room = new(outpatientBlock)
	} else {
		*room = outpatientBlock{}
	}
	m := &room.out
	room.amts = amts
	for k, p := range [3]**x12.Amount{&m.HCPCSPayable, &m.ESRDPayment, &m.NonPayable} {
		if has[k] {
			*p = &room.amts[k]
		}
	}
	m.Rate = at(f, 1)
	last := 0
	for i := 3; i <= 7; i++ {
		if at(f, i) != "" {
			last = i
		}
	}
	if last > 0 {
		n := copy(room.remarks[:], f[3:last+1])
		m.Remarks = room.remarks[:n:n]
	}
	c.Outpatient = m
	return true
}

// decodeDTM sets the date slot (the field the DTM's use and qualifier name), once.
func decodeDTM(f []string, slot *x12.Date) bool {
	if slot == nil || !slot.IsZero() || len(f) != 3 {
		return false
	}
	d, ok := dateAt(f, 2)
	if ok {
		*slot = d
	}
	return ok
}

func decodeAMT(f []string) (Money, bool) {
	a, ok := amountAt(f, 2)
	return Money{Qualifier: at(f, 1), Amount: a}, ok && len(f) == 3
}

// decodeProcedure splits an SVC01/SVC06 composite, its modifiers from sl when not nil.
func decodeProcedure(v string, comp byte, sl *claimSlabs) (Procedure, bool) {
	var parts [8]string // qualifier, code, 4 modifiers, description, the rest unsplit
	n := 0
	for rest := v; ; n++ {
		part, after, more := strings.Cut(rest, string([]byte{comp}))
		if n == len(parts)-1 {
			part, more = rest, false
		}
		parts[n] = part
		if !more {
			break
		}
		rest = after
	}
	p := Procedure{Qualifier: parts[0], Code: parts[1], Description: parts[6]}
	last := 1
	for i := 2; i < 6; i++ {
		if parts[i] != "" {
			last = i
		}
	}
	if last > 1 {
		p.Modifiers = sl.strings(parts[2 : last+1])
	}
	if n == len(parts)-1 {
		p.Rest = strings.Split(parts[7], string([]byte{comp}))
	}
	return p, p.Qualifier != "" && p.Code != "" && parts[n] != ""
}

// decodeLine reads one 2110 loop instance, its small slices from sl.
func decodeLine(n *x12.Node, fs *fields, l *Line, sl *claimSlabs) {
	if _, adjustments, _ := counts(n); adjustments > 0 {
		l.Adjustments = sl.adjustments(adjustments)
	}
	cas, amts := 0, len(sl.amts)
	for _, it := range n.Items {
		if it.Node != nil {
			continue // the guide nests nothing in 2110
		}
		s := it.Segment
		f := fs.of(s)
		ok := it.Spec != nil
		if ok {
			switch it.Spec {
			case use2110.svc:
				if ok = l.Pos.ID == ""; ok { // always typed, like CLP
					readSVC(fs.reader(s, f, &l.Unparsed), f, s.Delimiters().Component, l, sl)
					l.Pos = s.Pos
				}
			case use2110.dtm:
				ok = decodeDTM(f, l.date(at(f, 1)))
			case use2110.cas:
				ok = decodeCAS(f, &l.Adjustments, &cas)
			case use2110.ref6R, use2110.refService, use2110.refRendering, use2110.refPolicy:
				switch ok = len(f) == 3; {
				case !ok:
				case it.Spec == use2110.ref6R && l.ControlNumber == "":
					l.ControlNumber = at(f, 2)
				default:
					l.Refs = append(l.Refs, x12.Ref{Qualifier: at(f, 1), Value: at(f, 2)})
				}
			case use2110.amt:
				var m Money
				if m, ok = decodeAMT(f); ok {
					sl.amts = append(sl.amts, m) // the line's amounts are together: nothing else appends meanwhile
					l.Amounts = sl.amts[amts:len(sl.amts):len(sl.amts)]
				}
			case use2110.qty:
				if ok = len(f) == 3; ok {
					l.Quantities = append(l.Quantities, Quantity{Qualifier: at(f, 1), Quantity: at(f, 2)})
				}
			case use2110.lq:
				if ok = len(f) == 3; ok {
					l.Remarks = append(l.Remarks, Remark{Qualifier: at(f, 1), Code: at(f, 2)})
				}
			default:
				ok = false
			}
		}
		if !ok {
			keep(&l.Extra, s, "2110")
		}
	}
}

// decodeSVC reads an SVC from its fields f into l, the procedures' modifiers from sl when not
// nil.
func decodeSVC(f []string, comp byte, l *Line, sl *claimSlabs) {
	readSVC(codec.ReadFields(nil, f, &l.Unparsed, nil), f, comp, l, sl)
}

// readSVC is decodeSVC with the amounts read through r (over the SVC and l.Unparsed).
func readSVC(r codec.FieldReader, f []string, comp byte, l *Line, sl *claimSlabs) {
	p, _ := decodeProcedure(at(f, 1), comp, sl)
	l.Procedure = p
	r.Amount(&l.Charge, "Charge", 2)
	r.Amount(&l.Paid, "Paid", 3)
	l.RevenueCode, l.Units, l.SubmittedUnits = at(f, 4), at(f, 5), at(f, 7)
	if at(f, 6) != "" {
		sub, _ := decodeProcedure(at(f, 6), comp, sl)
		l.Submitted = &sub
	}
}

// date is the claim's date field for a DTM qualifier, or nil.
func (c *Claim) date(q string) *x12.Date {
	switch q {
	case "232":
		return &c.From
	case "233":
		return &c.To
	case "036":
		return &c.Expires
	case "050":
		return &c.Received
	}
	return nil
}

// date is the line's date field for a DTM qualifier, or nil.
func (l *Line) date(q string) *x12.Date {
	switch q {
	case "472":
		return &l.Date
	case "150":
		return &l.From
	case "151":
		return &l.To
	}
	return nil
}
