package remit835

import (
	"errors"
	"io"
	"strconv"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// Version is the implementation guide x12kit writes (GS08).
const Version = "005010X221A1"

// Write writes one interchange with one functional group (GS01 HP) holding a set per
// remittance. It streams them through an Encoder into memory, so each set is read back through
// Guide and the envelope checks and balanced (Balance) before it is kept, and gives w the whole
// interchange only when every set is clean: the first set that is not stops the write with an
// *x12.WriteError (errors.Is x12.ErrInvalid), its findings at the positions they would have
// had in the output, and w gets nothing. Without remittances it writes an interchange holding
// an empty group. Write keeps the whole output in memory; an Encoder streams with memory
// bounded by one remittance.
func Write(w io.Writer, env x12.Envelope, remits ...*Remittance) error {
	return codec.WriteAll(w, func(buf io.Writer) (*x12.CheckedGroup, func(*Remittance) error) {
		enc := NewEncoder(buf, env, nil)
		return enc.g, enc.Encode
	}, remits)
}

// Encoder streams remittances into one interchange holding one functional group (GS01 HP),
// a transaction set per Encode, with memory bounded by one remittance (and the group's ST02s,
// as many as the envelope checks remember: x12.MaxTrackedControlNumbers). Each set is read back
// through Guide and the envelope checks, in an interchange of its own, and balanced (Balance),
// as Write does, before any of it is written: only a clean set reaches the output, and a
// remittance that is not stops the Encoder with an *x12.WriteError (errors.Is x12.ErrInvalid):
// its findings (the guide's, the envelopes', and RuleBalance findings for each imbalance,
// wrapping the Imbalance) are at the positions the set would have had in the output. ST02 is the remittance's Control
// when it has one, else the next set number of env.Controls; an ST02 already used in the
// group is refused, as the envelope checks refuse it in a file.
//
// Output reaches w a set at a time: the ISA and GS with the first clean set, each later set
// when it is encoded, the GE and IEA with Close. The first error stops the Encoder and every
// later call returns it; a stopped Encoder does not end the interchange, so what w received is
// then incomplete. An Encoder is not safe for concurrent use.
type Encoder struct {
	g *x12.CheckedGroup
}

// EncodeOptions are the options of an Encoder; nil means the zero value.
type EncodeOptions struct {
	// Codes answers for the external code lists the guide names when each set is checked;
	// nil means codes.Default.
	Codes x12.CodeSource
}

// NewEncoder returns an Encoder writing to w with env's headers, control numbers, clock and
// delimiters (opts may be nil). Nothing is written before the first Encode.
func NewEncoder(w io.Writer, env x12.Envelope, opts *EncodeOptions) *Encoder {
	g := x12.NewCheckedGroup(w, env, "HP", Version)
	g.Codes = codes.Default()
	if opts != nil && opts.Codes != nil {
		g.Codes = opts.Codes
	}
	return &Encoder{g: g}
}

// Encode checks r and writes it as the group's next transaction set. A remittance that breaks
// the guide or does not balance is not written: the error is an *x12.WriteError. A nil r is
// refused without stopping the Encoder.
func (enc *Encoder) Encode(r *Remittance) error {
	if r == nil {
		return errors.New("remit835: Encode of a nil *Remittance")
	}
	return enc.g.Encode(func(e *x12.EnvelopeWriter) error { return encode(e, r, r.Control) }, balanceFindings)
}

// balanceFindings are the imbalances of a set as read back, placed, as findings.
func balanceFindings(set *x12.Set, place func(*x12.Position)) []*x12.Error {
	r := FromSet(set)
	if r == nil {
		return nil
	}
	var out []*x12.Error
	for _, b := range Balance(r) {
		place(&b.Pos)
		out = append(out, b.Finding())
	}
	return out
}

// Close ends the interchange and gives w the rest of it. Nothing is written when nothing was
// encoded. Close after Close does nothing; Encode after Close returns an error. After an
// error, Close returns that error.
func (enc *Encoder) Close() error { return enc.g.Close() }

// The guide positions the encoder writes at, for putting Extra segments back in place.
var (
	loop1000A = mustLoop("1000A")
	loop1000B = mustLoop("1000B")
	loop2000  = mustLoop("2000")
	loop2100  = mustLoop("2100")
	loop2110  = mustLoop("2110")
	keyRoot   = struct{ bpr, trn, cur, refEV, refF2, dtm, payer, payee, headers, plb int }{
		Guide.Root.Key("BPR"), Guide.Root.Key("TRN"), Guide.Root.Key("CUR", "PR"),
		Guide.Root.Key("REF", "EV"), Guide.Root.Key("REF", "F2"), Guide.Root.Key("DTM", "405"),
		Guide.Root.LoopIndex("1000A"), Guide.Root.LoopIndex("1000B"), Guide.Root.LoopIndex("2000"),
		Guide.Root.Key("PLB"),
	}
	key2100 = struct{ clp, cas, moa, mia, lines int }{
		loop2100.Key("CLP"), loop2100.Key("CAS", "CO"), loop2100.Key("MOA"), loop2100.Key("MIA"), loop2100.LoopIndex("2110"),
	}
	key2110 = struct{ svc, cas, ref6R, lq int }{
		loop2110.Key("SVC"), loop2110.Key("CAS", "CO"), loop2110.Key("REF", "6R"), loop2110.Key("LQ", "HE"),
	}
)

func mustLoop(id string) *x12.Loop {
	l := Guide.Root.Find(id)
	if l == nil {
		panic("remit835: the guide has no loop " + id)
	}
	return l
}

type encoder struct {
	e *x12.EnvelopeWriter
}

func (enc encoder) s(id string, v ...string) { enc.e.WriteStrings(id, v...) }

// at says the next segment comes from the Go field path gives, built only when the writer
// records fields (EnvelopeWriter.Marking).
func (enc encoder) at(path func() string, names x12.FieldNames) {
	if enc.e.Marking() {
		enc.e.At(path(), names)
	}
}

// The fields of the segments the encoder writes from the model.
var (
	bprNames = x12.ByElement(map[int]string{1: "Handling", 2: "Amount", 3: "CreditDebit", 4: "Method", 5: "PaymentFormat",
		6: "Sender", 7: "Sender", 8: "Sender", 9: "Sender", 10: "PayerID", 11: "Supplement",
		12: "Receiver", 13: "Receiver", 14: "Receiver", 15: "Receiver", 16: "Date"})
	trnNames = x12.ByElement(map[int]string{1: "Type", 2: "Number", 3: "Originator", 4: "Supplement"})
	n1Names  = x12.ByElement(map[int]string{2: "Name", 3: "IDQualifier", 4: "ID"})
	clpNames = x12.ByElement(map[int]string{1: "PatientControl", 2: "Status", 3: "Charge", 4: "Paid",
		5: "PatientResponsibility", 6: "FilingIndicator", 7: "PayerControl", 8: "Facility", 9: "Frequency",
		11: "DRG", 12: "DRGWeight", 13: "DischargeFraction"})
	svcNames = x12.ByElement(map[int]string{1: "Procedure", 2: "Charge", 3: "Paid", 4: "RevenueCode", 5: "Units",
		6: "Submitted", 7: "SubmittedUnits"})
)

// Encode writes one remittance as an 835 transaction set through e, which must have a group
// open. It does not check the result: Write and Encoder do. Claims are grouped under LX header
// numbers by their Header (consecutive claims with the same number share one LX unless the
// later one is marked NewHeader, as a loop repeating its LX01 is read; claims without one get
// LX*1); Extra segments go back where the guide puts them.
func Encode(e *x12.EnvelopeWriter, r *Remittance) error { return encode(e, r, r.Control) }

// encode is Encode with ST02 control.
func encode(e *x12.EnvelopeWriter, r *Remittance, control string) error {
	if err := e.BeginSet(x12.SetHeader{ID: "835", Control: control, Reference: r.Version}); err != nil {
		return err
	}
	enc := encoder{e}
	root := Guide.Root
	ex := x12.NewExtraQueue(r.Extra, root)
	ex.Flush(e, keyRoot.bpr)
	p := &r.Payment
	v := []string{p.Handling, p.Unparsed.Or("Amount", p.Amount.X12()), p.CreditDebit, p.Method, p.PaymentFormat,
		p.Sender.DFIQualifier, p.Sender.DFI, p.Sender.AccountQualifier, p.Sender.Account, p.PayerID, p.Supplement,
		p.Receiver.DFIQualifier, p.Receiver.DFI, p.Receiver.AccountQualifier, p.Receiver.Account, or(p.Date.X12(), p.DateText)}
	e.At("Payment", bprNames)
	enc.s("BPR", append(v, p.Rest...)...)
	ex.Flush(e, keyRoot.trn)
	if r.Trace != (x12.Trace{}) {
		e.At("Trace", trnNames)
		enc.s("TRN", r.Trace.Type, r.Trace.Number, r.Trace.Originator, r.Trace.Supplement)
	}
	ex.Flush(e, keyRoot.cur)
	if r.Currency != "" {
		enc.s("CUR", "PR", r.Currency)
	}
	ex.Flush(e, keyRoot.refEV)
	if r.ReceiverID != "" {
		enc.s("REF", "EV", r.ReceiverID)
	}
	ex.Flush(e, keyRoot.refF2)
	if r.VersionID != "" {
		enc.s("REF", "F2", r.VersionID)
	}
	ex.Flush(e, keyRoot.dtm)
	if !r.Produced.IsZero() {
		enc.s("DTM", "405", r.Produced.X12())
	}
	ex.Flush(e, keyRoot.payer)
	enc.party("PR", "Payer", &r.Payer, r.Extra, loop1000A)
	ex.Flush(e, keyRoot.payee)
	enc.party("PE", "Payee", &r.Payee, r.Extra, loop1000B)
	ex.Flush(e, keyRoot.headers)
	enc.claims(r)
	ex.Flush(e, keyRoot.plb)
	for k, a := range r.Adjustments {
		enc.at(func() string { return "Adjustments[" + strconv.Itoa(k) + "]" }, nil)
		enc.plb(&a)
	}
	ex.FlushAll(e)
	return e.EndSet()
}

func (enc encoder) party(entity, path string, p *Party, extra []x12.RawSegment, loop *x12.Loop) {
	ex := x12.NewExtraQueue(extra, loop)
	enc.e.At(path, n1Names)
	enc.s("N1", entity, p.Name, p.IDQualifier, p.ID)
	if a := p.Address; a != nil {
		ex.Flush(enc.e, loop.Key("N3"))
		if a.Line1 != "" {
			enc.s("N3", a.Line1, a.Line2)
		}
		ex.Flush(enc.e, loop.Key("N4"))
		if a.City != "" {
			enc.s("N4", a.N4Elements()...)
		}
	}
	for _, ref := range p.Refs {
		ex.Flush(enc.e, loop.Key("REF", ref.Qualifier))
		enc.s("REF", ref.Qualifier, ref.Value, ref.Description)
	}
	for _, c := range p.Contacts {
		ex.Flush(enc.e, loop.Key("PER", c.Function))
		enc.contact(&c)
	}
	ex.FlushAll(enc.e)
}

func (enc encoder) contact(c *x12.Contact) {
	v := []string{c.Function, c.Name}
	for _, n := range c.Numbers {
		v = append(v, n.Type, n.Value)
	}
	enc.s("PER", v...)
}

// claims writes the 2000 loops: an LX (with its header's summary) whenever the header number
// changes, taking r.Headers in order, then any header left without claims.
func (enc encoder) claims(r *Remittance) {
	next := 0 // the first header of r.Headers not written yet
	header := func(number string) {
		for k := next; k < len(r.Headers); k++ {
			if r.Headers[k].Number == number {
				for _, h := range r.Headers[next : k+1] { // claimless headers before it too
					enc.lx(&h)
				}
				next = k + 1
				return
			}
		}
		enc.lx(&Header{Number: number})
	}
	current, open := "", false
	for i := range r.Claims {
		c := &r.Claims[i]
		number := c.Header
		if number == "" && len(r.Headers) == 0 {
			number = "1"
		}
		if !open || number != current || c.NewHeader {
			header(number)
			current, open = number, true
		}
		enc.claim(i, c)
	}
	for _, h := range r.Headers[next:] {
		enc.lx(&h)
	}
}

func (enc encoder) lx(h *Header) {
	enc.s("LX", append([]string{h.Number}, h.Rest...)...)
	for _, raw := range h.Summary {
		if s, err := raw.Segment(); err == nil {
			enc.e.WriteSegment(s)
		}
	}
}

func (enc encoder) adjustments(list []Adjustment) {
	for i := 0; i < len(list); {
		j := i + 1
		for j < len(list) && j-i < 6 && list[j].Group == list[i].Group && !list[j].NewCAS {
			j++
		}
		v := []string{list[i].Group}
		for _, a := range list[i:j] {
			v = append(v, a.Reason, a.Amount.X12(), a.Quantity)
		}
		enc.s("CAS", v...)
		i = j
	}
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func optX12(a *x12.Amount) string {
	if a == nil {
		return ""
	}
	return a.X12()
}

func (enc encoder) name(entity string, n *Name) {
	if n == nil {
		return
	}
	kind := "2"
	if n.Person {
		kind = "1"
	}
	enc.s("NM1", entity, kind, n.Last, n.First, n.Middle, "", n.Suffix, n.IDQualifier, n.ID)
}

func (enc encoder) claim(i int, c *Claim) {
	ex := x12.NewExtraQueue(c.Extra, loop2100)
	ex.Flush(enc.e, key2100.clp)
	path := func() string { return "Claims[" + strconv.Itoa(i) + "]" }
	enc.at(path, clpNames)
	u := c.Unparsed
	v := []string{c.PatientControl, c.Status, u.Or("Charge", c.Charge.X12()), u.Or("Paid", c.Paid.X12()),
		u.Or("PatientResponsibility", optX12(c.PatientResponsibility)),
		c.FilingIndicator, c.PayerControl, c.Facility, c.Frequency, "", c.DRG, c.DRGWeight, c.DischargeFraction}
	if len(c.CLPRest) == 2 {
		v[9] = c.CLPRest[0]
		v = append(v, c.CLPRest[1])
	}
	enc.s("CLP", v...)
	ex.Flush(enc.e, key2100.cas)
	enc.at(func() string { return path() + ".Adjustments" }, nil)
	enc.adjustments(c.Adjustments)
	for _, nm := range []struct {
		entity string
		n      *Name
	}{{"QC", c.Patient}, {"IL", c.Insured}, {"74", c.Corrected}, {"82", c.ServiceProvider},
		{"TT", c.Crossover}, {"PR", c.PriorityPayer}, {"GB", c.OtherSubscriber}} {
		if nm.n != nil {
			ex.Flush(enc.e, loop2100.Key("NM1", nm.entity))
			enc.name(nm.entity, nm.n)
		}
	}
	ex.Flush(enc.e, key2100.mia)
	if c.Inpatient != nil {
		enc.s("MIA", c.Inpatient...)
	}
	ex.Flush(enc.e, key2100.moa)
	if m := c.Outpatient; m != nil {
		v := []string{m.Rate, optX12(m.HCPCSPayable), "", "", "", "", "", optX12(m.ESRDPayment), optX12(m.NonPayable)}
		copy(v[2:7], m.Remarks)
		enc.s("MOA", v...)
	}
	for _, ref := range c.Refs {
		ex.Flush(enc.e, loop2100.Key("REF", ref.Qualifier))
		enc.s("REF", ref.Qualifier, ref.Value, ref.Description)
	}
	enc.dates(&ex, loop2100, []string{"232", "233", "036", "050"}, c.date)
	for _, ct := range c.Contacts {
		ex.Flush(enc.e, loop2100.Key("PER", ct.Function))
		enc.contact(&ct)
	}
	enc.amounts(&ex, loop2100, c.Amounts, c.Quantities)
	ex.Flush(enc.e, key2100.lines)
	for j := range c.Lines {
		enc.at(func() string { return path() + ".Lines[" + strconv.Itoa(j) + "]" }, svcNames)
		enc.line(&c.Lines[j])
	}
	ex.FlushAll(enc.e)
}

func (enc encoder) dates(ex *x12.ExtraQueue, loop *x12.Loop, quals []string, date func(string) *x12.Date) {
	for _, q := range quals {
		if d := date(q); !d.IsZero() {
			ex.Flush(enc.e, loop.Key("DTM", q))
			enc.s("DTM", q, d.X12())
		}
	}
}

func (enc encoder) amounts(ex *x12.ExtraQueue, loop *x12.Loop, amounts []Money, quantities []Quantity) {
	for _, m := range amounts {
		ex.Flush(enc.e, loop.Key("AMT", m.Qualifier))
		enc.s("AMT", m.Qualifier, m.Amount.X12())
	}
	for _, q := range quantities {
		ex.Flush(enc.e, loop.Key("QTY", q.Qualifier))
		enc.s("QTY", q.Qualifier, q.Quantity)
	}
}

// procedureElement is the SVC01/SVC06 composite of p; its components go in buf when they fit.
func procedureElement(p *Procedure, buf *[8]string) x12.Element {
	comps := append(append(buf[:0], p.Qualifier, p.Code), p.Modifiers...)
	if p.Description != "" || len(p.Rest) > 0 {
		for len(comps) < 6 {
			comps = append(comps, "")
		}
		comps = append(append(comps, p.Description), p.Rest...)
	}
	return x12.C(comps...)
}

func (enc encoder) line(l *Line) {
	ex := x12.NewExtraQueue(l.Extra, loop2110)
	ex.Flush(enc.e, key2110.svc)
	var proc, submitted [8]string
	el := [...]x12.Element{procedureElement(&l.Procedure, &proc), x12.E(l.Unparsed.Or("Charge", l.Charge.X12())), x12.E(l.Unparsed.Or("Paid", l.Paid.X12())),
		x12.E(l.RevenueCode), x12.E(l.Units), x12.E(""), x12.E(l.SubmittedUnits)}
	if l.Submitted != nil {
		el[5] = procedureElement(l.Submitted, &submitted)
	}
	enc.e.Write("SVC", el[:]...)
	enc.dates(&ex, loop2110, []string{"150", "151", "472"}, l.date)
	ex.Flush(enc.e, key2110.cas)
	enc.adjustments(l.Adjustments)
	written6R := false
	for _, ref := range l.Refs {
		k := loop2110.Key("REF", ref.Qualifier)
		if !written6R && l.ControlNumber != "" && k >= key2110.ref6R { // a second REF*6R (in Refs) after the first
			ex.Flush(enc.e, key2110.ref6R)
			enc.s("REF", "6R", l.ControlNumber)
			written6R = true
		}
		ex.Flush(enc.e, k)
		enc.s("REF", ref.Qualifier, ref.Value, ref.Description)
	}
	if !written6R && l.ControlNumber != "" {
		ex.Flush(enc.e, key2110.ref6R)
		enc.s("REF", "6R", l.ControlNumber)
	}
	enc.amounts(&ex, loop2110, l.Amounts, l.Quantities)
	for _, r := range l.Remarks {
		ex.Flush(enc.e, key2110.lq)
		enc.s("LQ", r.Qualifier, r.Code)
	}
	ex.FlushAll(enc.e)
}

func (enc encoder) plb(a *ProviderAdjustment) {
	el := []x12.Element{x12.E(a.Provider), x12.E(a.PeriodEnd.X12())}
	for _, it := range a.Items {
		if it.Reference != "" {
			el = append(el, x12.C(it.Reason, it.Reference))
		} else {
			el = append(el, x12.E(it.Reason))
		}
		el = append(el, x12.E(it.Amount.X12()))
	}
	enc.e.Write("PLB", el...)
}
