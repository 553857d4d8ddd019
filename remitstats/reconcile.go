package remitstats

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// SubmittedLine is what reconciliation keeps of a submitted 837P service line (2400).
type SubmittedLine struct {
	Procedure     string     `json:"procedure"` // SV101-2
	Modifiers     []string   `json:"modifiers,omitempty"`
	Charge        x12.Amount `json:"charge"`                        // SV102
	Units         string     `json:"units,omitempty"`               // SV104
	POS           string     `json:"place_of_service,omitempty"`    // SV105, else the claim's CLM05-1
	ControlNumber string     `json:"line_control_number,omitempty"` // REF*6R
}

// SubmittedClaim is what reconciliation keeps of a submitted 837P claim (2300).
type SubmittedClaim struct {
	PatientControl string          `json:"patient_control_number"` // CLM01
	Charge         x12.Amount      `json:"charge"`                 // CLM02
	POS            string          `json:"place_of_service"`       // CLM05-1
	Lines          []SubmittedLine `json:"lines"`

	order  int
	byCtrl map[string]int // line control number → index in Lines
}

// Line returns the line with this line control number (REF*6R), or nil.
func (c *SubmittedClaim) Line(control string) *SubmittedLine {
	if i, ok := c.byCtrl[control]; ok && control != "" {
		return &c.Lines[i]
	}
	return nil
}

// Submitted indexes submitted 837P claims by patient control number (CLM01) and, within a
// claim, lines by line control number (REF*6R), for lookups in constant time. A claim sent
// again with the same CLM01 (a replacement, frequency 7) replaces the earlier one.
type Submitted struct {
	claims map[string]*SubmittedClaim
	n      int
}

// NewSubmitted returns an empty index.
func NewSubmitted() *Submitted { return &Submitted{claims: map[string]*SubmittedClaim{}} }

// Add indexes one 837P claim.
func (s *Submitted) Add(c *claim837.Claim) {
	sc := &SubmittedClaim{PatientControl: c.PatientControlNumber, Charge: c.Charge, POS: c.PlaceOfService,
		order: s.n, byCtrl: map[string]int{}}
	s.n++
	for _, l := range c.Lines {
		pos := l.PlaceOfService
		if pos == "" {
			pos = c.PlaceOfService
		}
		sl := SubmittedLine{Procedure: l.Procedure, Modifiers: l.Modifiers, Charge: l.Charge, Units: l.Quantity,
			POS: pos, ControlNumber: l.ControlNumber}
		if sc.Charge == 0 {
			sc.Charge += l.Charge // CLM02 zero means "sum of the lines"
		}
		if l.ControlNumber != "" {
			sc.byCtrl[l.ControlNumber] = len(sc.Lines)
		}
		sc.Lines = append(sc.Lines, sl)
	}
	s.claims[c.PatientControlNumber] = sc
}

// Read adds every claim of the 837P files in r, streaming.
func (s *Submitted) Read(r io.Reader) error {
	d := claim837.NewDecoder(r, nil)
	for c, err := range d.Claims() {
		if err != nil {
			return fmt.Errorf("remitstats: submitted claims: %w", err)
		}
		s.Add(c)
	}
	return nil
}

// Claim returns the submitted claim with this patient control number, or nil.
func (s *Submitted) Claim(patientControl string) *SubmittedClaim {
	if s == nil {
		return nil
	}
	return s.claims[patientControl]
}

// Len is the number of claims indexed.
func (s *Submitted) Len() int { return len(s.claims) }

// Reconciler ties claim payments back to the submitted claims and builds the WorkList a billing
// team follows up. Feed it claim payments with Add (a reversal's correction replaces what the
// original said), then call WorkList. Memory: the submitted claims, plus one small record per
// claim payment added. Not safe for concurrent use.
type Reconciler struct {
	// Fees, when set, is the allowed amount per unit by procedure code (as the Fees of
	// simulate.Adjudicator): a line whose allowed amount (AMT*B6 when sent, else SVC03 plus its
	// PR adjustments) is below Fees[code] × units is short-paid. Codes not in it are not
	// checked.
	Fees map[string]x12.Amount
	// MinPaidPercent, when positive, makes a claim that is not denied short-paid when CLP04 is
	// below this percentage of CLP03.
	MinPaidPercent int

	sub       *Submitted
	latest    map[string]*paymentRecord // by CLP01
	unmatched []*paymentRecord          // claim payments with no submitted claim, in order
}

// paymentRecord is the last word of the 835s on one patient control number.
type paymentRecord struct {
	order     int
	claim     *remit835.Claim // the claim payment (kept only for submitted claims)
	outcome   Outcome
	reversals int
}

// NewReconciler returns a Reconciler against the submitted claims.
func NewReconciler(sub *Submitted) *Reconciler {
	return &Reconciler{sub: sub, latest: map[string]*paymentRecord{}}
}

// Add takes one claim payment.
func (r *Reconciler) Add(c *remit835.Claim) {
	rec := r.latest[c.PatientControl]
	if rec == nil {
		rec = &paymentRecord{order: len(r.latest)}
		r.latest[strings.Clone(c.PatientControl)] = rec
		if r.sub.Claim(c.PatientControl) == nil {
			r.unmatched = append(r.unmatched, rec)
		}
	}
	o := ClaimOutcome(c)
	if o == Reversed {
		rec.reversals++
		if rec.claim == nil {
			rec.claim, rec.outcome = &remit835.Claim{PatientControl: strings.Clone(c.PatientControl), Status: c.Status,
				Charge: c.Charge, Paid: c.Paid, PayerControl: strings.Clone(c.PayerControl)}, o
		}
		return
	}
	rec.outcome = o
	if r.sub.Claim(c.PatientControl) != nil {
		rec.claim = c
	} else {
		rec.claim = &remit835.Claim{PatientControl: strings.Clone(c.PatientControl), Status: c.Status, Charge: c.Charge,
			Paid: c.Paid, PayerControl: strings.Clone(c.PayerControl)}
	}
}

// WorkItem is one claim to follow up: which (by patient control number — patient data, for
// the billing team's eyes), what was billed and paid, and why.
type WorkItem struct {
	PatientControl string     `json:"patient_control_number"`               // CLM01 = CLP01
	PayerControl   string     `json:"payer_claim_control_number,omitempty"` // CLP07
	Status         string     `json:"status,omitempty"`                     // CLP02
	Charge         x12.Amount `json:"charge"`
	Paid           x12.Amount `json:"paid"`
	Expected       x12.Amount `json:"expected,omitempty"` // short-paid: CLP04 plus the lines' shortfall against the fee schedule, or the percentage of CLP03
	Reasons        []Reason   `json:"reasons,omitempty"`  // adjustments of the claim and its lines (denied, short-paid)
	Remarks        []string   `json:"remarks,omitempty"`  // RARC: MOA and LQ*HE
	Lines          []WorkLine `json:"lines,omitempty"`    // the lines concerned
}

// WorkLine is a service line concerned by a WorkItem.
type WorkLine struct {
	ControlNumber string     `json:"line_control_number,omitempty"` // REF*6R
	Procedure     string     `json:"procedure"`
	Charge        x12.Amount `json:"charge"`
	Paid          x12.Amount `json:"paid"`
	Expected      x12.Amount `json:"expected,omitempty"`
	Outcome       string     `json:"outcome"`
}

// WorkList is the reconciliation of claim payments with submitted claims.
type WorkList struct {
	Submitted int        `json:"submitted"` // 837P claims given
	Matched   int        `json:"matched"`   // of them, with a claim payment
	Unpaid    []WorkItem `json:"unpaid"`    // submitted, no claim payment (or only a reversal) yet
	Denied    []WorkItem `json:"denied"`    // the last claim payment denies the claim
	ShortPaid []WorkItem `json:"short_paid"`
	// Partial are claims paid with some lines denied (their lines list those).
	Partial []WorkItem `json:"partially_paid"`
	// Unmatched are claim payments for no submitted claim.
	Unmatched []WorkItem `json:"unmatched"`
}

// WorkList builds the work list from what was added, each part in submission order (Unmatched
// in the order the claim payments came).
func (r *Reconciler) WorkList() *WorkList {
	w := &WorkList{Submitted: r.sub.Len(), Unpaid: []WorkItem{}, Denied: []WorkItem{}, ShortPaid: []WorkItem{},
		Partial: []WorkItem{}, Unmatched: []WorkItem{}}
	ordered := make([]*SubmittedClaim, r.sub.n)
	for _, sc := range r.sub.claims {
		ordered[sc.order] = sc
	}
	for _, sc := range compactClaims(ordered) {
		rec := r.latest[sc.PatientControl]
		if rec == nil || rec.outcome == Reversed {
			w.Unpaid = append(w.Unpaid, WorkItem{PatientControl: sc.PatientControl, Charge: sc.Charge})
			continue
		}
		w.Matched++
		c := rec.claim
		switch rec.outcome {
		case Denied:
			w.Denied = append(w.Denied, r.item(c, sc, false))
			continue
		case PartiallyPaid:
			w.Partial = append(w.Partial, r.item(c, sc, false))
		}
		if it := r.item(c, sc, true); it.Expected != 0 {
			w.ShortPaid = append(w.ShortPaid, it)
		}
	}
	for _, rec := range r.unmatched {
		c := rec.claim
		w.Unmatched = append(w.Unmatched, WorkItem{PatientControl: c.PatientControl, PayerControl: c.PayerControl,
			Status: c.Status, Charge: c.Charge, Paid: c.Paid})
	}
	return w
}

// compactClaims drops the holes replaced claims leave.
func compactClaims(list []*SubmittedClaim) []*SubmittedClaim {
	out := list[:0]
	for _, c := range list {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// item describes a claim payment for the work list. With short, it returns an item with
// Expected set only when the claim is short-paid, listing its short lines.
func (r *Reconciler) item(c *remit835.Claim, sc *SubmittedClaim, short bool) WorkItem {
	it := WorkItem{PatientControl: c.PatientControl, PayerControl: c.PayerControl, Status: c.Status,
		Charge: c.Charge, Paid: c.Paid, Remarks: c.RemarkCodes()}
	reasons := map[ReasonKey]*Reason{}
	addReasons(reasons, c)
	outcome := ClaimOutcome(c)
	var expected, received x12.Amount
	for i := range c.Lines {
		l := &c.Lines[i]
		wl := WorkLine{ControlNumber: l.ControlNumber, Procedure: l.Procedure.Code, Charge: l.Charge, Paid: l.Paid,
			Outcome: LineOutcome(outcome, l).String()}
		if short {
			want, ok := r.expectedLine(l, sc)
			got := allowedOf(l)
			if ok && got < want {
				expected += want
				received += got
				wl.Expected = want
				it.Lines = append(it.Lines, wl)
			}
			continue
		}
		if wl.Outcome != Paid.String() {
			it.Lines = append(it.Lines, wl)
		}
	}
	it.Reasons = topReasons(reasons, 0)
	if !short {
		return it
	}
	if expected > received {
		it.Expected = c.Paid + expected - received
		return it
	}
	it.Lines = nil
	if p := int64(r.MinPaidPercent); p > 0 && int64(c.Paid)*100 < int64(c.Charge)*p {
		it.Expected = x12.Amount(int64(c.Charge) * p / 100)
	}
	return it
}

// allowedOf is a line's allowed amount: AMT*B6 when sent, else SVC03 plus its PR adjustments.
func allowedOf(l *remit835.Line) x12.Amount {
	if a, ok := l.Allowed(); ok {
		return a
	}
	a := l.Paid
	for _, adj := range l.Adjustments {
		if adj.Group == "PR" {
			a += adj.Amount
		}
	}
	return a
}

// expectedLine is the fee schedule's allowed amount for a line: Fees[code] × units (SVC05,
// else the submitted SV104, else 1; whole units only).
func (r *Reconciler) expectedLine(l *remit835.Line, sc *SubmittedClaim) (x12.Amount, bool) {
	fee, ok := r.Fees[l.Procedure.Code]
	if !ok {
		return 0, false
	}
	units := l.Units
	if units == "" {
		if sl := sc.Line(l.ControlNumber); sl != nil {
			units = sl.Units
		}
	}
	n, err := strconv.ParseInt(units, 10, 64)
	if err != nil || n <= 0 {
		n = 1
	}
	return fee * x12.Amount(n), true
}
