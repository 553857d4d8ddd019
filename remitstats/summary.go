package remitstats

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// Outcome is what a claim payment (CLP) or a service payment (SVC) came to, for billing
// figures. The rules, applied in this order:
//
// A claim payment is
//   - Reversed when CLP02 is 22 (a reversal of a previous payment, its amounts negated);
//   - Denied when CLP02 is 4, or when CLP04 is zero and nothing of it was put on the patient
//     (no PR adjustment with a non-zero amount on the claim or its lines, CLP05 absent or zero);
//   - PartiallyPaid when CLP04 is positive but one of its lines is Denied or PartiallyPaid,
//     or a claim-level adjustment is a denial adjustment (below);
//   - Paid otherwise: paid as the contract says, or applied entirely to the patient's share
//     (CLP04 zero with PR adjustments, e.g. a deductible).
//
// A service line is Reversed or Denied when its claim is; otherwise it is Denied when SVC03 is
// zero, SVC02 is not and no PR adjustment with a non-zero amount is on the line;
// PartiallyPaid when SVC03 is positive and the line carries a denial adjustment; Paid
// otherwise.
//
// A denial adjustment is a CAS reason with a positive amount whose group is not PR and whose
// CARC category in the codes package is none of contractual (CO-45, CO-253…),
// patient-responsibility, coordination-of-benefits and informational: a reason not in the
// table counts as a denial.
type Outcome int

// The outcomes; the zero Outcome is none.
const (
	Paid Outcome = iota + 1
	PartiallyPaid
	Denied
	Reversed
)

// String gives the outcome as the CLI's JSON spells it.
func (o Outcome) String() string {
	switch o {
	case Paid:
		return "paid"
	case PartiallyPaid:
		return "partially_paid"
	case Denied:
		return "denied"
	case Reversed:
		return "reversed"
	}
	return "none"
}

// carcTable is the CARC set of the default registry, looked up once.
var carcTable = sync.OnceValue(func() *codes.Set {
	s, _ := codes.Default().Set("carc")
	return s
})

// telehealthCodes are the modifiers and places of service the codes package files under
// telehealth (95, 93, GT, GQ, FQ, FR, G0; POS 02 and 10).
var telehealthCodes = sync.OnceValue(func() (t struct{ modifiers, pos map[string]bool }) {
	t.modifiers, t.pos = map[string]bool{}, map[string]bool{}
	for name, dst := range map[string]map[string]bool{"modifier": t.modifiers, "pos": t.pos} {
		if s, ok := codes.Default().Set(name); ok {
			for _, c := range s.Codes() {
				if c.Category == codes.ModTelehealth {
					dst[c.Value] = true
				}
			}
		}
	}
	return t
})

// TelehealthModifier reports whether a procedure modifier says the service was delivered
// remotely (the codes package's telehealth modifiers: 95, 93, GT, GQ, FQ, FR, G0).
func TelehealthModifier(m string) bool { return telehealthCodes().modifiers[m] }

// TelehealthPOS reports whether a place of service is a telehealth one (02, 10).
func TelehealthPOS(pos string) bool { return telehealthCodes().pos[pos] }

// IsDenialAdjustment reports whether an adjustment denies rather than prices (see Outcome).
func IsDenialAdjustment(a remit835.Adjustment) bool { return denies(&a, reasonDenies(a.Reason)) }

// denies is IsDenialAdjustment given reasonDenies(a.Reason).
func denies(a *remit835.Adjustment, reason bool) bool {
	return reason && a.Amount > 0 && a.Group != "PR"
}

// reasonDenies reports whether a positive adjustment for the CARC reason, in a group other
// than PR, is a denial adjustment: its category is none of contractual, patient
// responsibility, coordination of benefits and informational (or it is not in the table).
func reasonDenies(reason string) bool {
	cat := codes.CatOther
	if s := carcTable(); s != nil {
		if c, ok := s.Get(reason); ok {
			cat = c.Category
		}
	}
	switch cat {
	case codes.CatContractual, codes.CatPatientResp, codes.CatCOB, codes.CatInformational:
		return false
	}
	return true
}

// adjFlags is what the outcomes need to know of a list of adjustments.
type adjFlags struct {
	pr     bool // a PR adjustment with a non-zero amount
	denial bool // a denial adjustment (IsDenialAdjustment)
}

// note adds adjustment a to f, given reasonDenies(a.Reason).
func (f *adjFlags) note(a *remit835.Adjustment, reason bool) {
	f.pr = f.pr || a.Group == "PR" && a.Amount != 0
	f.denial = f.denial || denies(a, reason)
}

func flagsOf(list []remit835.Adjustment) (f adjFlags) {
	for i := range list {
		f.note(&list[i], reasonDenies(list[i].Reason))
	}
	return f
}

// ClaimOutcome classifies a claim payment (see Outcome).
func ClaimOutcome(c *remit835.Claim) Outcome {
	var room [4]adjFlags
	lines := room[:0]
	for i := range c.Lines {
		lines = append(lines, flagsOf(c.Lines[i].Adjustments))
	}
	return claimOutcome(c, flagsOf(c.Adjustments), lines)
}

// claimOutcome is ClaimOutcome given the flags of the claim's adjustments and of each line's.
func claimOutcome(c *remit835.Claim, claim adjFlags, lines []adjFlags) Outcome {
	switch {
	case c.Status == "22":
		return Reversed
	case c.Status == "4":
		return Denied
	}
	if c.Paid == 0 {
		pr := claim.pr || c.PatientResponsibility != nil && *c.PatientResponsibility != 0
		for _, f := range lines {
			pr = pr || f.pr
		}
		if !pr {
			return Denied
		}
	}
	if c.Paid > 0 {
		if claim.denial {
			return PartiallyPaid
		}
		for i := range c.Lines {
			if o := lineOutcome(Paid, &c.Lines[i], lines[i]); o == Denied || o == PartiallyPaid {
				return PartiallyPaid
			}
		}
	}
	return Paid
}

// LineOutcome classifies a service payment given its claim's outcome (see Outcome).
func LineOutcome(claim Outcome, l *remit835.Line) Outcome {
	return lineOutcome(claim, l, flagsOf(l.Adjustments))
}

// lineOutcome is LineOutcome given the flags of the line's adjustments.
func lineOutcome(claim Outcome, l *remit835.Line, f adjFlags) Outcome {
	switch {
	case claim == Reversed || claim == Denied:
		return claim
	case l.Paid == 0 && l.Charge != 0 && !f.pr:
		return Denied
	case l.Paid > 0 && f.denial:
		return PartiallyPaid
	}
	return Paid
}

// Counts counts claim or service payments by Outcome.
type Counts struct {
	Total         int `json:"total"`
	Paid          int `json:"paid"`
	PartiallyPaid int `json:"partially_paid"`
	Denied        int `json:"denied"`
	Reversed      int `json:"reversed"`
}

func (c *Counts) add(o Outcome) {
	c.Total++
	switch o {
	case Paid:
		c.Paid++
	case PartiallyPaid:
		c.PartiallyPaid++
	case Denied:
		c.Denied++
	case Reversed:
		c.Reversed++
	}
}

// Delivery is the part of the figures for one way of seeing the patient: by telehealth or in
// person.
type Delivery struct {
	Claims int        `json:"claims"`
	Lines  int        `json:"lines"`
	Billed x12.Amount `json:"charged"` // Σ CLP03 of its claims
	Paid   x12.Amount `json:"paid"`    // Σ CLP04 of its claims
}

func (d *Delivery) add(c *remit835.Claim) {
	d.Claims++
	d.Lines += len(c.Lines)
	d.Billed += c.Charge
	d.Paid += c.Paid
}

// Figures are the billing figures of a set of claim payments: all of them (Summary.Totals),
// one payer's or one month's. Amounts are exact sums; a reversal's amounts are negative
// (CLP02 22 negates every amount of the payment it reverses), so an original, its reversal
// and its correction net out in every sum while the counts count each claim payment once.
type Figures struct {
	Claims Counts // CLP, by outcome
	Lines  Counts // SVC, by outcome

	Billed                x12.Amount // Σ CLP03
	Allowed               x12.Amount // Σ AMT*B6 of the lines that carry one
	AllowedLines          int        // how many lines carry an AMT*B6
	Paid                  x12.Amount // Σ CLP04
	PatientResponsibility x12.Amount // Σ CLP05
	// Adjustments is Σ CAS amounts by group code (CO, PR, OA, PI), claim and line level.
	Adjustments map[string]x12.Amount
	// DeniedBilled is the charge denied: CLP03 of Denied claims plus SVC02 of the Denied
	// lines of other claims (reversals excluded).
	DeniedBilled x12.Amount

	Payments            x12.Amount            // Σ BPR02, negative when BPR03 is D
	ProviderAdjustments x12.Amount            // Σ PLB amounts (positive reduces the payment)
	ProviderReasons     map[string]x12.Amount // Σ PLB amounts by reason (WO, L6, FB…)

	Telehealth Delivery // claims with a telehealth line, CLP08 02/10, or an 837P POS 02/10
	InPerson   Delivery // the other claims

	daysSum    int64 // Σ days from service to payment
	daysClaims int   // claims with both dates
}

// Contractual is Σ CO adjustments: what the provider writes off.
func (f *Figures) Contractual() x12.Amount { return f.Adjustments["CO"] }

// PatientShare is Σ PR adjustments: what the payer put on the patient (compare
// PatientResponsibility, Σ CLP05).
func (f *Figures) PatientShare() x12.Amount { return f.Adjustments["PR"] }

// OtherAdjustments is Σ OA and PI adjustments.
func (f *Figures) OtherAdjustments() x12.Amount { return f.Adjustments["OA"] + f.Adjustments["PI"] }

// DenialRate is Denied claims over claims that are not reversals (0 without any).
func (f *Figures) DenialRate() float64 {
	n := f.Claims.Total - f.Claims.Reversed
	if n <= 0 {
		return 0
	}
	return float64(f.Claims.Denied) / float64(n)
}

// DenialRateDollars is DeniedBilled over the charge of the claims that are not reversals
// (Billed without the reversals' negative charges); 0 without any.
func (f *Figures) DenialRateDollars() float64 {
	if f.billedKept() <= 0 {
		return 0
	}
	return float64(f.DeniedBilled) / float64(f.billedKept())
}

func (f *Figures) billedKept() x12.Amount { return f.Telehealth.Billed + f.InPerson.Billed }

// AverageDaysToPayment is the mean number of days from a claim's service date (its earliest
// line DTM*472 or DTM*150, else its DTM*232) to the payment date (BPR16, else DTM*405), over
// the claims that are not reversals and have both; ok is false when none has.
func (f *Figures) AverageDaysToPayment() (days float64, ok bool) {
	if f.daysClaims == 0 {
		return 0, false
	}
	return float64(f.daysSum) / float64(f.daysClaims), true
}

func newFigures() *Figures {
	return &Figures{Adjustments: map[string]x12.Amount{}, ProviderReasons: map[string]x12.Amount{}}
}

// claimFacts is what Summary works out once per claim and adds to each Figures it counts in.
type claimFacts struct {
	c          *remit835.Claim
	outcome    Outcome
	lines      []Outcome
	telehealth bool
	days       int64
	hasDays    bool
}

func (f *Figures) addClaim(k *claimFacts) {
	c := k.c
	f.Claims.add(k.outcome)
	f.Billed += c.Charge
	f.Paid += c.Paid
	if c.PatientResponsibility != nil {
		f.PatientResponsibility += *c.PatientResponsibility
	}
	for _, a := range c.Adjustments {
		f.Adjustments[a.Group] += a.Amount
	}
	if k.outcome == Denied {
		f.DeniedBilled += c.Charge
	}
	if k.outcome != Reversed {
		if k.telehealth {
			f.Telehealth.add(c)
		} else {
			f.InPerson.add(c)
		}
	}
	for i := range c.Lines {
		l := &c.Lines[i]
		f.Lines.add(k.lines[i])
		if k.lines[i] == Denied && k.outcome != Denied {
			f.DeniedBilled += l.Charge
		}
		if a, ok := l.Allowed(); ok {
			f.Allowed += a
			f.AllowedLines++
		}
		for _, a := range l.Adjustments {
			f.Adjustments[a.Group] += a.Amount
		}
	}
	if k.hasDays {
		f.daysSum += k.days
		f.daysClaims++
	}
}

func (f *Figures) addSet(r *remit835.Remittance) {
	f.Payments += r.Payment.NetPayment()
	for _, p := range r.Adjustments {
		for _, it := range p.Items {
			f.ProviderAdjustments += it.Amount
			f.ProviderReasons[it.Reason] += it.Amount
		}
	}
}

// PayerKey names a payer as its 835s do (1000A N102 and N104).
type PayerKey struct {
	Name string `json:"name"`
	ID   string `json:"id,omitempty"`
}

// ReasonKey is an adjustment reason: CAS group code and CARC.
type ReasonKey struct {
	Group  string `json:"group"`
	Reason string `json:"reason"`
}

// Reason is how often an adjustment reason was given and for how much, with its CARC
// category and x12kit's short description from the codes package (empty for a code not in
// the table).
type Reason struct {
	ReasonKey
	Count       int        `json:"count"`
	Amount      x12.Amount `json:"amount"`
	Category    string     `json:"category"`
	Description string     `json:"description,omitempty"`
}

// Finding is an Imbalance placed in the input: Input is the index of the reader given to
// Summary.Read (0 for the first), Set the 835 set's number in it (1 for the first). Like
// Imbalance, it holds positions and amounts, never patient data.
type Finding struct {
	Input int `json:"input"`
	Set   int `json:"set"`
	remit835.Imbalance
}

// DefaultMaxFindings is how many findings a Summary keeps; the rest are counted in Omitted.
const DefaultMaxFindings = 1000

// Summary accumulates billing figures over one or many 835s, claim by claim, so that a file of
// any size is summed in memory bounded by the number of payers, months and adjustment reasons
// (plus what Pairer remembers, see there). Feed it a Decoder with Read, or remittances with
// AddRemittance, or claims with Add and each set's end with EndSet.
//
// Set the exported configuration fields before the first claim. A Summary is not safe for
// concurrent use.
type Summary struct {
	// Submitted, when set, are the 837P claims sent: a claim payment whose 837P claim (same
	// CLP01 = CLM01) or line (same REF*6R) had a telehealth place of service counts as
	// telehealth.
	Submitted *Submitted
	// Reconciler, when set, is given every claim payment added (see Reconciler.WorkList).
	Reconciler *Reconciler
	// MaxFindings caps Findings (0: DefaultMaxFindings).
	MaxFindings int

	Totals  Figures
	ByPayer map[PayerKey]*Figures
	ByMonth map[string]*Figures // "2026-02" by payment date (BPR16, else DTM*405); "unknown" without
	Reasons map[ReasonKey]*Reason

	Sets          int       // 835 transaction sets read
	GuideFindings int       // findings of the implementation guide in them (x12kit validate lists them)
	Findings      []Finding // imbalances, in input order, at most MaxFindings
	Omitted       int       // imbalances not kept in Findings
	Imbalances    int       // all imbalances, kept or not

	// Pairs reversals with their originals and corrections.
	Pairs Pairer

	input    int
	cur      *remit835.Remittance // the set being read
	setPaid  x12.Amount           // Σ CLP04 of its claims
	setIndex int                  // claims of it so far
	payer    *Figures
	month    *Figures
	payDate  x12.Date
	outcomes []Outcome  // reused per claim
	flags    []adjFlags // reused per claim
	book     reasonBook
}

// NewSummary returns an empty Summary.
func NewSummary() *Summary {
	s := &Summary{ByPayer: map[PayerKey]*Figures{}, ByMonth: map[string]*Figures{}, Reasons: map[ReasonKey]*Reason{}}
	s.Totals = *newFigures()
	return s
}

// Balanced reports whether every line, claim and transaction added balanced.
func (s *Summary) Balanced() bool { return s.Imbalances == 0 }

func (s *Summary) startSet(r *remit835.Remittance) {
	s.cur, s.setPaid, s.setIndex = r, 0, 0
	s.book = reasonBook{m: s.Reasons} // counts go where Reasons is now
	s.Sets++
	key := PayerKey{Name: r.Payer.Name, ID: r.Payer.ID}
	if s.payer = s.ByPayer[key]; s.payer == nil {
		s.payer = newFigures()
		s.ByPayer[PayerKey{strings.Clone(key.Name), strings.Clone(key.ID)}] = s.payer
	}
	s.payDate = r.Payment.Date
	if s.payDate.IsZero() {
		s.payDate = r.Produced
	}
	month := "unknown"
	if !s.payDate.IsZero() {
		month = fmt.Sprintf("%04d-%02d", s.payDate.Year, int(s.payDate.Month))
	}
	if s.month = s.ByMonth[month]; s.month == nil {
		s.month = newFigures()
		s.ByMonth[month] = s.month
	}
}

// Add adds one claim payment of r (for a Decoder, r is Decoder.Remittance()). The claim is
// not kept.
func (s *Summary) Add(r *remit835.Remittance, c *remit835.Claim) {
	if r != s.cur {
		s.startSet(r)
	}
	index := s.setIndex
	s.setIndex++
	s.setPaid += c.Paid
	for _, im := range remit835.BalanceClaim(c, index) {
		s.finding(im)
	}
	s.Pairs.Add(s.Sets, index, c)
	if s.Reconciler != nil {
		s.Reconciler.Add(c)
	}

	// Each adjustment is counted in Reasons and classed once, through the book.
	claim := s.book.add(c.Adjustments)
	s.flags = s.flags[:0]
	for i := range c.Lines {
		s.flags = append(s.flags, s.book.add(c.Lines[i].Adjustments))
	}
	k := claimFacts{c: c, outcome: claimOutcome(c, claim, s.flags)}
	s.outcomes = s.outcomes[:0]
	for i := range c.Lines {
		s.outcomes = append(s.outcomes, lineOutcome(k.outcome, &c.Lines[i], s.flags[i]))
	}
	k.lines = s.outcomes
	k.telehealth = s.telehealth(c)
	if k.outcome != Reversed && !s.payDate.IsZero() {
		if d, ok := serviceDate(c); ok {
			k.days, k.hasDays = dayNumber(s.payDate)-dayNumber(d), true
		}
	}
	s.Totals.addClaim(&k)
	s.payer.addClaim(&k)
	s.month.addClaim(&k)
}

// addReasons counts the adjustments of a claim and its lines in m.
func addReasons(m map[ReasonKey]*Reason, c *remit835.Claim) {
	addAdjustments(m, c.Adjustments)
	for i := range c.Lines {
		addAdjustments(m, c.Lines[i].Adjustments)
	}
}

func addAdjustments(m map[ReasonKey]*Reason, list []remit835.Adjustment) {
	for _, a := range list {
		r := m[ReasonKey{a.Group, a.Reason}]
		if r == nil {
			r = newReason(m, a)
		}
		r.Count++
		r.Amount += a.Amount
	}
}

// newReason adds a's reason to m, with its category and description.
func newReason(m map[ReasonKey]*Reason, a remit835.Adjustment) *Reason {
	r := &Reason{ReasonKey: ReasonKey{strings.Clone(a.Group), strings.Clone(a.Reason)}, Category: codes.CatOther}
	if t := carcTable(); t != nil {
		if c, ok := t.Get(a.Reason); ok {
			r.Category, r.Description = c.Category, c.Description
		}
	}
	m[r.ReasonKey] = r
	return r
}

// reasonBook counts adjustments in a Summary's Reasons and classes them (adjFlags),
// remembering the last few reasons it saw with whether they deny: a file gives the same
// handful again and again, and a short list beats the map and the CARC table.
type reasonBook struct {
	m      map[ReasonKey]*Reason
	recent [8]bookEntry
	next   int
}

type bookEntry struct {
	r      *Reason // nil: empty
	denies bool    // reasonDenies(r.Reason)
}

// add counts list in the book's map and returns its flags.
func (b *reasonBook) add(list []remit835.Adjustment) (f adjFlags) {
	for i := range list {
		a := &list[i]
		e := b.entry(a)
		e.r.Count++
		e.r.Amount += a.Amount
		f.note(a, e.denies)
	}
	return f
}

func (b *reasonBook) entry(a *remit835.Adjustment) *bookEntry {
	for i := range b.recent {
		if e := &b.recent[i]; e.r != nil && e.r.Group == a.Group && e.r.Reason == a.Reason {
			return e
		}
	}
	r := b.m[ReasonKey{a.Group, a.Reason}]
	if r == nil {
		r = newReason(b.m, *a)
	}
	e := &b.recent[b.next%len(b.recent)]
	b.next++
	*e = bookEntry{r: r, denies: reasonDenies(a.Reason)}
	return e
}

// EndSet adds the end of r's set: its payment (BPR02), provider adjustments (PLB) and the
// transaction balance. Call it once per set, after its claims (a Decoder's SetDone).
func (s *Summary) EndSet(r *remit835.Remittance) {
	if r != s.cur {
		s.startSet(r) // a set without claims
	}
	s.Totals.addSet(r)
	s.payer.addSet(r)
	s.month.addSet(r)
	if im, ok := remit835.BalanceTransaction(r, s.setPaid); !ok {
		s.finding(im)
	}
	s.cur = nil
}

// AddRemittance adds a whole remittance: its claims, then its end (EndSet).
func (s *Summary) AddRemittance(r *remit835.Remittance) {
	for i := range r.Claims {
		s.Add(r, &r.Claims[i])
	}
	s.EndSet(r)
}

func (s *Summary) finding(im remit835.Imbalance) {
	s.Imbalances++
	limit := s.MaxFindings
	if limit <= 0 {
		limit = DefaultMaxFindings
	}
	if len(s.Findings) >= limit {
		s.Omitted++
		return
	}
	s.Findings = append(s.Findings, Finding{Input: s.input, Set: s.Sets, Imbalance: im})
}

// Read streams every 835 of r into the summary through a Decoder (memory bounded by one
// claim); each call is one input for Findings. It returns Decode's error.
func (s *Summary) Read(r io.Reader) error {
	d := remit835.NewDecoder(r, nil)
	d.ReuseClaim = s.Reconciler == nil // a Reconciler keeps the claims it matches
	err := s.Decode(d)
	s.input++
	return err
}

// Decode reads d to its end into the summary; it sets d.SetDone (calling any SetDone already
// there first). It reads on past the errors of the Decoder that do not stop reading (a set
// that is not an 835, a segment dropped, a set's or an envelope's errors, truncated input:
// see Decoder), so the summary holds every claim payment read, and returns them at the end
// in an *x12.ErrorList (with the error that stopped reading, if one did). Guide findings that
// come with claim payments are not errors here: they are counted in GuideFindings; the
// findings the Decoder makes on amounts it could not type (that the guide accepted) are.
func (s *Summary) Decode(d *remit835.Decoder) error {
	prev := d.SetDone
	d.SetDone = func(r *remit835.Remittance, set *x12.Set) {
		if prev != nil {
			prev(r, set)
		}
		s.EndSet(r)
		s.GuideFindings += set.Findings.Len() + set.Findings.Omitted
	}
	var errs x12.ErrorList // bounded, however many errors a stream holds
	var stop error
	for {
		c, err := d.NextClaim()
		if err == io.EOF {
			break
		}
		if err != nil {
			if d.Stops(err) {
				stop = err
				break
			}
			addError(&errs, err)
			continue
		}
		for _, f := range d.Made() { // amounts the Decoder could not type, which the guide accepted
			errs.Add(f)
		}
		s.Add(d.Remittance(), c)
	}
	var err error
	switch {
	case stop != nil && (errs.Len() > 0 || errs.Omitted > 0):
		err = errors.Join(stop, &errs)
	case stop != nil:
		err = stop
	case errs.Len() > 0 || errs.Omitted > 0:
		err = &errs
	default:
		return nil
	}
	return fmt.Errorf("remitstats: summary: %w", err)
}

// addError adds err's findings to list: an *x12.ErrorList's, or an *x12.Error; anything
// else (a Decoder only returns such errors when they stop it) is wrapped in an *x12.Error.
func addError(list *x12.ErrorList, err error) {
	var l *x12.ErrorList
	var e *x12.Error
	switch {
	case errors.As(err, &l):
		for _, f := range l.All() {
			list.Add(f)
		}
		list.Omitted += l.Omitted
	case errors.As(err, &e):
		list.Add(e)
	default:
		list.Add(&x12.Error{Err: err})
	}
}

// Summarize streams the 835s of r into a new Summary.
func Summarize(r io.Reader) (*Summary, error) {
	s := NewSummary()
	return s, s.Read(r)
}

// SummarizeFiles streams the 835 files at paths, in order, into a new Summary.
func SummarizeFiles(paths ...string) (*Summary, error) {
	s := NewSummary()
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return s, fmt.Errorf("remitstats: summary: input %d: %w", i, err)
		}
		err = s.Read(f)
		f.Close()
		if err != nil {
			return s, fmt.Errorf("input %d: %w", i, err)
		}
	}
	return s, nil
}

// TopReasons returns the n adjustment reasons with the largest amounts (then the most
// frequent, then by group and code); n <= 0 returns them all.
func (s *Summary) TopReasons(n int) []Reason { return topReasons(s.Reasons, n) }

func topReasons(m map[ReasonKey]*Reason, n int) []Reason {
	out := make([]Reason, 0, len(m))
	for _, r := range m {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Reason) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), cmp.Compare(b.Count, a.Count),
			cmp.Compare(a.Group, b.Group), cmp.Compare(a.Reason, b.Reason))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Payers returns the payers in order of name then id.
func (s *Summary) Payers() []PayerKey {
	out := make([]PayerKey, 0, len(s.ByPayer))
	for k := range s.ByPayer {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b PayerKey) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	return out
}

// Months returns the months in order ("unknown" last).
func (s *Summary) Months() []string {
	out := make([]string, 0, len(s.ByMonth))
	for k := range s.ByMonth {
		out = append(out, k)
	}
	slices.Sort(out) // digits sort before "unknown"
	return out
}

// telehealth says whether a claim payment was for a telehealth visit: a line with a
// telehealth modifier, a telehealth CLP08, or a telehealth POS on the submitted 837P claim
// or line.
func (s *Summary) telehealth(c *remit835.Claim) bool {
	if TelehealthPOS(c.Facility) {
		return true
	}
	for i := range c.Lines {
		if slices.ContainsFunc(c.Lines[i].Procedure.Modifiers, TelehealthModifier) {
			return true
		}
	}
	if s.Submitted != nil {
		if sc := s.Submitted.Claim(c.PatientControl); sc != nil {
			if TelehealthPOS(sc.POS) {
				return true
			}
			for i := range c.Lines {
				if sl := sc.Line(c.Lines[i].ControlNumber); sl != nil && TelehealthPOS(sl.POS) {
					return true
				}
			}
		}
	}
	return false
}

// serviceDate is a claim's earliest line date (DTM*472, or DTM*150), else its statement
// start (DTM*232).
func serviceDate(c *remit835.Claim) (x12.Date, bool) {
	var best x12.Date
	for i := range c.Lines {
		d := c.Lines[i].Date
		if d.IsZero() {
			d = c.Lines[i].From
		}
		if !d.IsZero() && (best.IsZero() || d.Before(best)) {
			best = d
		}
	}
	if best.IsZero() {
		best = c.From
	}
	return best, !best.IsZero()
}

// dayNumber counts days from a fixed origin (the proleptic Gregorian calendar), so that the
// difference of two is the days between them.
func dayNumber(d x12.Date) int64 {
	y, m := int64(d.Year), int64(d.Month)
	if m <= 2 {
		y--
		m += 12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + int64(d.Day)
}
