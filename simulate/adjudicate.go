package simulate

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// An Adjudicator is a simulated payer for test harnesses: it turns 837P claims into balanced
// 835 remittances with a small, documented and deterministic set of rules, so the whole
// claim → remittance loop can be tested offline. It is not any real payer's logic.
//
// Pricing, line by line:
//
//   - The allowed amount is the fee schedule's amount for the procedure code times the line's
//     units (Fees; nil means [DefaultFees]). A code the schedule does not list is allowed
//     UnlistedPercent of its charge (0 means [DefaultUnlistedPercent], 60%). The allowed
//     amount never exceeds the charge; what the charge exceeds it by is written off as CO-45.
//   - CLP06 is the claim's filing indicator (SBR09), but for the four 837P codes the 835 does
//     not list: CI is written 15, BL 12, FI OF and 11 ZZ.
//   - Cost sharing follows the claim's filing indicator (SBR09; CostShares, nil means
//     [DefaultCostShares], the entry "" for indicators not listed): a deductible per member,
//     payer and calendar year (PR-1), a copay per claim taken from its priced lines in order
//     until it is used up (PR-3), then a coinsurance percentage of what remains of each line's
//     allowed amount (PR-2).
//   - With Sequestration, Medicare claims (filing indicator MB or MA) lose 2% of what the payer
//     pays, as CO-253.
//
// Denials, checked in this order; the first that applies denies the whole line with its
// charge as the adjustment amount, and a remark code (LQ*HE) where one is given:
//
//   - OA-18 (RARC M86): the claim repeats the patient control number (CLM01) of an original
//     claim (frequency 1) already adjudicated by this Adjudicator. Replacements (7) and voids
//     (8) are adjudicated as new claims: the simulator sends no reversals.
//   - CO-16 (MA130): the claim charge (CLM02) differs from the sum of its lines (the
//     difference is a claim-level CO-16), or the line's charge is negative.
//   - CO-181 (N56): the procedure code is not active on the date of service (the codes
//     package's procedure set: 99201 after 2020, 99441–99443 and G2012 from 2025…).
//   - CO-197: the code needs prior authorization (Authorization, nil means
//     [DefaultAuthorization]) and the claim has no REF*G1. Traditional Medicare (MB, MA) asks
//     for none.
//   - Telehealth coding that differs from the policy's for the visit the claim describes (the
//     claim837 "telehealth-policy" check with Policy): a place of service the policy would not
//     give → CO-5 (M77); a missing telehealth modifier → CO-4 (N822), an unexpected one → CO-4
//     (N823); a code Medicare does not pay (98000–98015, store-and-forward outside the
//     Alaska/Hawaii demonstration) → CO-96 (N130); a patient location Medicare does not pay
//     for (audio-only outside the home, the home after the flexibility ends) → CO-58 (M77).
//
// A claim whose every line is denied has status 4; any other has status 1 (2 or 3 when SBR01
// says the payer is secondary or tertiary). Claims are grouped into one remittance per payer
// (2010BB id and name) and billing provider (2010AA), in the order they first appear.
//
// Numbers are deterministic: the payment date is PaymentDate, or 14 days after the latest
// date of service of the claims given; the payer claim control number (CLP07) is that date and
// a count of the claims written, in the order of the remittances; the trace number (TRN02)
// that date and a count of the remittances made; the payer's TRN03/BPR10 is "1" and nine
// digits derived from its payer id. Bank numbers are synthetic (routing 999999992: no routing
// number starts with 99).
//
// The zero Adjudicator is ready to use. An Adjudicator remembers the claims it has seen (for
// duplicates, deductibles and its counters), so the same claims given again give the same
// remittances only to a new Adjudicator. It is not safe for concurrent use.
type Adjudicator struct {
	Fees            map[string]x12.Amount // allowed amount per unit by procedure code; nil: DefaultFees()
	UnlistedPercent int                   // percent of charge allowed for codes not in Fees; 0: DefaultUnlistedPercent
	CostShares      map[string]CostShare  // by claim filing indicator, "" for the rest; nil: DefaultCostShares()
	Authorization   map[string]bool       // procedure codes that need REF*G1; nil: DefaultAuthorization()
	Sequestration   bool                  // take CO-253 (2%) from Medicare payments
	PaymentDate     x12.Date              // BPR16; zero: 14 days after the latest date of service
	Codes           *codes.Registry       // code lookups; nil: codes.Default()
	Policy          *codes.Policy         // telehealth coding policy; nil: the built-in one

	seen     map[string]bool       // patient control numbers of original claims adjudicated
	deducted map[string]x12.Amount // deductible applied by payer, member and year
	claimSeq int                   // claims written (CLP07)
	remitSeq int                   // remittances made (TRN02)
}

// CostShare is what the patient pays under a plan: a deductible per calendar year, a copay
// per claim and a coinsurance percentage.
type CostShare struct {
	Deductible  x12.Amount // per member, payer and calendar year (PR-1)
	Copay       x12.Amount // per claim, taken from its priced lines in order until used up (PR-3)
	Coinsurance int        // percent of the allowed amount left after copay and deductible (PR-2)
}

// DefaultUnlistedPercent is the share of the charge allowed for a code the fee schedule does
// not list.
const DefaultUnlistedPercent = 60

// SequestrationPercent is the Medicare sequestration reduction (CO-253) applied with
// Adjudicator.Sequestration.
const SequestrationPercent = 2

// PaymentLagDays is how long after the latest date of service the simulated payer pays.
const PaymentLagDays = 14

// defaultFees are round figures near Medicare's national non-facility amounts for common
// telehealth services — synthetic, nobody's contract.
var defaultFees = map[string]x12.Amount{
	"99202": x12.Dollars(73), "99203": x12.Dollars(114), "99204": x12.Dollars(170), "99205": x12.Dollars(224),
	"99211": x12.Dollars(23), "99212": x12.Dollars(57), "99213": x12.Dollars(92), "99214": x12.Dollars(130),
	"99215": x12.Dollars(183),
	"90832": x12.Dollars(78), "90834": x12.Dollars(103), "90837": x12.Dollars(152), "90838": x12.Dollars(134),
	"99421": x12.Dollars(15), "99422": x12.Dollars(31), "99423": x12.Dollars(50),
	"98966": x12.Dollars(15), "98967": x12.Dollars(28), "98968": x12.Dollars(41),
	"98016": x12.Dollars(15), "G2252": x12.Dollars(28), "G2010": x12.Dollars(13),
	"Q3014": x12.Cents(3185), "99417": x12.Dollars(30),
}

// DefaultFees returns a copy of the built-in fee schedule: allowed amount per unit by
// procedure code, round figures near Medicare's national non-facility amounts for common
// telehealth services (99202–99205 $73–$224, 99211–99215 $23–$183, 90832/90834/90837
// $78/$103/$152, online and telephone E/M, 98016, G2252, G2010, Q3014 $31.85…). Change the
// copy and set it as Adjudicator.Fees to price differently.
func DefaultFees() map[string]x12.Amount { return cloneMap(defaultFees) }

var defaultCostShares = map[string]CostShare{
	"MB": {Coinsurance: 20},        // Medicare Part B: 20% coinsurance, the deductible taken as met
	"MA": {Coinsurance: 20},        // Medicare Part A
	"MC": {},                       // Medicaid: no cost sharing
	"HM": {Copay: x12.Dollars(20)}, // HMO
	"":   {Copay: x12.Dollars(25)}, // everything else (CI commercial, BL, 12 PPO…)
}

// DefaultCostShares returns a copy of the built-in cost sharing by claim filing indicator:
// Medicare (MB, MA) 20% coinsurance with the deductible taken as met, Medicaid (MC) nothing,
// HMO (HM) a $20 copay, every other indicator ("") a $25 copay.
func DefaultCostShares() map[string]CostShare { return cloneMap(defaultCostShares) }

var defaultAuthorization = map[string]bool{"90837": true, "90838": true}

// DefaultAuthorization returns a copy of the built-in list of procedure codes that need prior
// authorization (REF*G1): the 60-minute psychotherapy codes 90837 and 90838.
func DefaultAuthorization() map[string]bool { return cloneMap(defaultAuthorization) }

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Adjudicate adjudicates claims with a new zero Adjudicator: the default fee schedule, cost
// sharing and authorization list, no sequestration.
func Adjudicate(claims []claim837.Claim) []*remit835.Remittance {
	var a Adjudicator
	return a.Adjudicate(claims)
}

// denial is why a line is not paid: a CAS group and reason, and a remark code.
type denial struct{ group, reason, remark string }

var (
	denyDuplicate = &denial{"OA", "18", "M86"}
	denyCharge    = &denial{"CO", "16", "MA130"}
	denyInactive  = &denial{"CO", "181", "N56"}
	denyAuth      = &denial{"CO", "197", ""}
	denyPOS       = &denial{"CO", "5", "M77"}
	denyModMiss   = &denial{"CO", "4", "N822"}
	denyModWrong  = &denial{"CO", "4", "N823"}
	denyMedicare  = &denial{"CO", "96", "N130"}
	denySetting   = &denial{"CO", "58", "M77"}
)

// telehealthWarnings maps the policy warnings that deny a line; the others only inform.
var telehealthWarnings = map[string]*denial{
	codes.WarnNotPayableMedicare:  denyMedicare,
	codes.WarnAudioOnlyNotHome:    denySetting,
	codes.WarnAudioOnlyNotAllowed: denySetting,
	codes.WarnHomeNotEligible:     denySetting,
}

// lineDenials reads claim837's checks of the claims into the first denial of each line.
func (a *Adjudicator) lineDenials(claims []claim837.Claim) map[[2]int]*denial {
	fs := claim837.CheckWith(&claim837.Batch{Claims: claims}, claim837.Options{Policy: a.Policy, Codes: a.Codes})
	out := map[[2]int]*denial{}
	for _, f := range fs {
		claim, line := claim837.ClaimLine(f)
		if claim < 0 || line < 0 {
			continue
		}
		modifiers := f.Pos.ID == "SV1" && f.Pos.Element == 1 && f.Pos.Component == 3
		var d *denial
		switch {
		case f.Rule == claim837.RuleProcedureActive:
			d = denyInactive
		case f.Rule != claim837.RuleTelehealthPolicy:
		case f.Pos.ID == "CLM" && f.Pos.Element == 5 && f.Pos.Component == 1:
			d = denyPOS
		case modifiers && strings.HasPrefix(f.Detail, "missing"):
			d = denyModMiss
		case modifiers:
			d = denyModWrong
		default:
			d = telehealthWarnings[f.Detail]
		}
		k := [2]int{claim, line}
		if d == nil {
			continue
		}
		// A deleted code outranks the telehealth findings of its line.
		if old := out[k]; old == nil || d == denyInactive {
			out[k] = d
		}
	}
	return out
}

// Adjudicate turns claims into remittances, one per payer and billing provider, balanced by
// construction. See Adjudicator for the rules. Bad input never panics: what an 835 cannot
// carry (a claim without a patient control number, say) makes Write fail, naming positions.
func (a *Adjudicator) Adjudicate(claims []claim837.Claim) []*remit835.Remittance {
	if a.seen == nil {
		a.seen, a.deducted = map[string]bool{}, map[string]x12.Amount{}
	}
	paid := a.PaymentDate
	if paid.IsZero() {
		paid = paymentDate(claims)
	}
	denials := a.lineDenials(claims)
	var out []*remit835.Remittance
	index := map[string]int{}
	for i := range claims {
		c := &claims[i]
		key := c.Payer.ID + "\x00" + c.Payer.Name + "\x00" + c.BillingProvider.NPI + "\x00" + c.BillingProvider.Name
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, newRemittance(c, paid))
		}
		r := out[k]
		r.Claims = append(r.Claims, a.claim(c, i, denials))
	}
	for _, r := range out {
		a.remitSeq++
		a.finish(r, paid)
		for i := range r.Claims {
			a.claimSeq++
			r.Claims[i].PayerControl = fmt.Sprintf("%s%06d", paid.X12(), a.claimSeq%1_000_000)
		}
	}
	return out
}

// paymentDate is PaymentLagDays after the latest date of service, or 2000-01-01 with none.
func paymentDate(claims []claim837.Claim) x12.Date {
	var last x12.Date
	for i := range claims {
		for _, l := range claims[i].Lines {
			for _, d := range []x12.Date{l.ServiceDate, l.ServiceDateEnd} {
				if d.Valid() && last.Before(d) {
					last = d
				}
			}
		}
	}
	if last.IsZero() {
		return x12.NewDate(2000, 1, 1)
	}
	return x12.DateOf(last.Time().AddDate(0, 0, PaymentLagDays))
}

// synthetic values of the simulated payer.
const (
	simRouting      = "999999992" // not a routing number any bank uses (first digits 99)
	simPayerAccount = "000000000001"
	simPayeeAccount = "000000000002"
)

func newRemittance(c *claim837.Claim, paid x12.Date) *remit835.Remittance {
	payer := remit835.Party{Name: cmp.Or(c.Payer.Name, "SIMULATED PAYER"),
		Address:  &x12.Address{Line1: "1 SIMULATED PAYER WAY", City: "SPRINGFIELD", State: "IL", ZIP: "627010000"},
		Contacts: []x12.Contact{{Function: "BL", Name: "EDI SUPPORT", Numbers: []x12.Number{{Type: "TE", Value: "5555550199"}}}}}
	if a := c.Payer.Address; a != nil && a.Line1 != "" && a.City != "" {
		payer.Address = partyAddress(a)
	}
	if c.Payer.ID != "" {
		payer.Refs = []x12.Ref{{Qualifier: "2U", Value: c.Payer.ID}}
	}
	bp := &c.BillingProvider
	payee := remit835.Party{Name: providerName(bp), Address: partyAddress(bp.Address)}
	switch {
	case bp.NPI != "":
		payee.IDQualifier, payee.ID = "XX", bp.NPI
		if bp.EIN != "" {
			payee.Refs = []x12.Ref{{Qualifier: "TJ", Value: bp.EIN}}
		}
	case bp.EIN != "":
		payee.IDQualifier, payee.ID = "FI", bp.EIN
	}
	return &remit835.Remittance{Payer: payer, Payee: payee, Produced: paid,
		Trace: x12.Trace{Type: "1", Originator: payerTIN(c.Payer.ID)}}
}

func partyAddress(a *x12.Address) *x12.Address {
	if a == nil {
		return nil
	}
	return &x12.Address{Line1: a.Line1, Line2: a.Line2, City: a.City, State: a.State, ZIP: a.ZIP, Country: a.Country}
}

func providerName(p *claim837.Provider) string {
	if p.Person && p.First != "" {
		return p.First + " " + p.Name
	}
	return p.Name
}

// payerTIN is the simulated payer's TRN03: "1" and nine digits from its payer id.
func payerTIN(id string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return fmt.Sprintf("1%09d", h.Sum32()%1_000_000_000)
}

// finish fills the payment and trace from the claims paid.
func (a *Adjudicator) finish(r *remit835.Remittance, paid x12.Date) {
	var total x12.Amount
	for i := range r.Claims {
		total += r.Claims[i].Paid
	}
	r.Trace.Number = fmt.Sprintf("%s%04d", paid.X12(), a.remitSeq%10000)
	r.Payment = remit835.Payment{Handling: "H", Amount: total, CreditDebit: "C", Method: "NON", Date: paid}
	if total > 0 {
		r.Payment = remit835.Payment{Handling: "I", Amount: total, CreditDebit: "C", Method: "ACH", PaymentFormat: "CCP",
			Sender:   remit835.BankAccount{DFIQualifier: "01", DFI: simRouting, AccountQualifier: "DA", Account: simPayerAccount},
			PayerID:  r.Trace.Originator,
			Receiver: remit835.BankAccount{DFIQualifier: "01", DFI: simRouting, AccountQualifier: "DA", Account: simPayeeAccount},
			Date:     paid}
	}
}

func isMedicare(filing string) bool { return filing == "MB" || filing == "MA" }

// remitFiling is the CLP06 of a claim filed under SBR09 filing: the same code, but for the
// four codes of the 837P that the 835 does not list, each given the nearest it does —
// commercial insurance (CI) as indemnity (15), Blue Cross/Blue Shield (BL) as a PPO (12), the
// Federal Employees Program (FI) as another federal program (OF), another non-federal program
// (11) as mutually defined (ZZ).
func remitFiling(filing string) string {
	switch filing {
	case "CI":
		return "15"
	case "BL":
		return "12"
	case "FI":
		return "OF"
	case "11":
		return "ZZ"
	}
	return filing
}

// claim adjudicates claim i of the call.
func (a *Adjudicator) claim(c *claim837.Claim, i int, denials map[[2]int]*denial) remit835.Claim {
	filing := c.Subscriber.FilingIndicator
	out := remit835.Claim{PatientControl: c.PatientControlNumber, Status: "1", FilingIndicator: remitFiling(filing),
		Facility: c.PlaceOfService, Frequency: cmp.Or(c.Frequency, "1")}
	switch c.Subscriber.Responsibility {
	case "S":
		out.Status = "2"
	case "T":
		out.Status = "3"
	}
	out.Patient, out.Insured = names(c)
	if r := c.Rendering; r != nil && r.NPI != "" && r.NPI != c.BillingProvider.NPI {
		kind := r.Person
		out.ServiceProvider = &remit835.Name{Person: kind, Last: r.Name, First: r.First, Middle: r.Middle, Suffix: r.Suffix,
			IDQualifier: "XX", ID: r.NPI}
	}

	var lineSum x12.Amount
	for _, l := range c.Lines {
		lineSum += l.Charge
	}
	out.Charge = c.Charge
	if out.Charge == 0 {
		out.Charge = lineSum
	}
	var claimDenial *denial
	if original := c.Frequency == "" || c.Frequency == "1"; original && c.PatientControlNumber != "" {
		if a.seen[c.PatientControlNumber] {
			claimDenial = denyDuplicate
		}
		// A copy: the claim's strings may share the decoder's buffers, which the map would keep.
		a.seen[strings.Clone(c.PatientControlNumber)] = true
	}
	if claimDenial == nil && out.Charge != lineSum {
		claimDenial = denyCharge
		out.Adjustments = []remit835.Adjustment{{Group: "CO", Reason: "16", Amount: out.Charge - lineSum}}
	}
	if len(c.Lines) == 0 && out.Charge != 0 {
		out.Adjustments = []remit835.Adjustment{{Group: "CO", Reason: "16", Amount: out.Charge}}
	}

	share := a.costShare(filing)
	copay := share.Copay
	denied := 0
	var pr x12.Amount
	for j := range c.Lines {
		l := &c.Lines[j]
		d := claimDenial
		if d == nil {
			d = denials[[2]int{i, j}]
		}
		if d == nil && a.needsAuthorization(l.Procedure) && c.PriorAuthorization == "" && !isMedicare(filing) {
			d = denyAuth
		}
		if d == nil && l.Charge < 0 {
			d = denyCharge
		}
		line := serviceLine(l)
		if d != nil {
			denied++
			line.Adjustments = []remit835.Adjustment{{Group: d.group, Reason: d.reason, Amount: l.Charge}}
			if d.remark != "" {
				line.Remarks = []remit835.Remark{{Qualifier: "HE", Code: d.remark}}
			}
			line.Amounts = []remit835.Money{{Qualifier: "B6", Amount: 0}}
		} else {
			pr += a.price(&line, l, c, share, &copay)
		}
		out.Paid += line.Paid
		out.Lines = append(out.Lines, line)
	}
	if denied == len(c.Lines) {
		out.Status = "4"
	}
	if pr != 0 {
		out.PatientResponsibility = &pr
	}
	return out
}

// names gives NM1*QC (the patient) and NM1*IL (the insured, only when it is someone else).
func names(c *claim837.Claim) (patient, insured *remit835.Name) {
	s := &c.Subscriber
	sub := &remit835.Name{Person: true, Last: s.Last, First: s.First, Middle: s.Middle, Suffix: s.Suffix}
	if s.MemberID != "" {
		sub.IDQualifier, sub.ID = "MI", s.MemberID
	}
	if p := c.Patient; p != nil {
		return &remit835.Name{Person: true, Last: p.Last, First: p.First, Middle: p.Middle, Suffix: p.Suffix}, sub
	}
	return sub, nil
}

// serviceLine echoes the submitted line: procedure, charge, dates, units and control number.
func serviceLine(l *claim837.Line) remit835.Line {
	out := remit835.Line{Procedure: remit835.Procedure{Qualifier: cmp.Or(l.Qualifier, "HC"), Code: l.Procedure,
		Modifiers: append([]string(nil), l.Modifiers...)}, Charge: l.Charge, ControlNumber: l.ControlNumber}
	if l.Quantity != "" && l.Quantity != "1" {
		out.Units = l.Quantity
	}
	if l.ServiceDateEnd.IsZero() || l.ServiceDateEnd == l.ServiceDate {
		out.Date = l.ServiceDate
	} else {
		out.From, out.To = l.ServiceDate, l.ServiceDateEnd
	}
	return out
}

func (a *Adjudicator) costShare(filing string) CostShare {
	m := a.CostShares
	if m == nil {
		m = defaultCostShares
	}
	if s, ok := m[filing]; ok {
		return s
	}
	return m[""]
}

func (a *Adjudicator) needsAuthorization(code string) bool {
	if a.Authorization == nil {
		return defaultAuthorization[code]
	}
	return a.Authorization[code]
}

// percentOf is p% of v, rounded half away from zero to the cent.
func percentOf(v x12.Amount, p int) x12.Amount {
	x := int64(v) * int64(p)
	if x < 0 {
		return -x12.Amount((-x + 50) / 100)
	}
	return x12.Amount((x + 50) / 100)
}

// maxUnits caps a line's units (in hundredths) so that pricing cannot overflow.
const maxUnits = 100_000 * 100

// units reads a line's quantity in hundredths (1 when missing or not a positive number).
func units(q string) int64 {
	u, err := x12.ParseAmount(q)
	if err != nil || u <= 0 {
		return 100
	}
	return min(int64(u), maxUnits)
}

// allowed prices a line: the fee schedule times its units, or the unlisted percentage of its
// charge; never more than the charge.
func (a *Adjudicator) allowed(l *claim837.Line) x12.Amount {
	fees := a.Fees
	if fees == nil {
		fees = defaultFees
	}
	var allowed x12.Amount
	if fee, ok := fees[l.Procedure]; ok {
		allowed = x12.Amount((int64(fee)*units(l.Quantity) + 50) / 100)
	} else {
		pct := a.UnlistedPercent
		if pct <= 0 {
			pct = DefaultUnlistedPercent
		}
		allowed = percentOf(l.Charge, pct)
	}
	return max(0, min(allowed, l.Charge))
}

// price fills a paid line's amounts and adjustments and returns the patient's share of it.
// copay is what is left of the claim's copay.
func (a *Adjudicator) price(out *remit835.Line, l *claim837.Line, c *claim837.Claim, share CostShare, copay *x12.Amount) x12.Amount {
	allowed := a.allowed(l)
	left := allowed
	take := func(limit x12.Amount) x12.Amount {
		v := min(limit, left)
		if v < 0 {
			v = 0
		}
		left -= v
		return v
	}
	var ded x12.Amount
	if share.Deductible > 0 {
		key := c.Payer.ID + "\x00" + c.Subscriber.MemberID + "\x00" + fmt.Sprint(l.ServiceDate.Year)
		ded = take(share.Deductible - a.deducted[key])
		a.deducted[key] += ded
	}
	co := take(*copay)
	*copay -= co
	coins := take(percentOf(left, share.Coinsurance))
	var seq x12.Amount
	if a.Sequestration && isMedicare(c.Subscriber.FilingIndicator) {
		seq = take(percentOf(left, SequestrationPercent))
	}
	out.Paid = left
	out.Amounts = []remit835.Money{{Qualifier: "B6", Amount: allowed}}
	for _, adj := range []remit835.Adjustment{
		{Group: "CO", Reason: "45", Amount: l.Charge - allowed},
		{Group: "CO", Reason: "253", Amount: seq},
		{Group: "PR", Reason: "1", Amount: ded},
		{Group: "PR", Reason: "2", Amount: coins},
		{Group: "PR", Reason: "3", Amount: co},
	} {
		if adj.Amount != 0 {
			out.Adjustments = append(out.Adjustments, adj)
		}
	}
	return ded + coins + co
}
