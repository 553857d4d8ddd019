package claim837

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// Sentinels of the business checks, matched with errors.Is.
var (
	ErrRequired         = errors.New("required value missing")
	ErrTooMany          = errors.New("more than the guide allows")
	ErrNPI              = errors.New("NPI invalid (10 digits, Luhn check digit with the 80840 prefix)")
	ErrDiagnosisCode    = errors.New("diagnosis code invalid for its qualifier or the date of service")
	ErrPointer          = errors.New("diagnosis pointer outside 1..number of diagnoses")
	ErrProcedureCode    = errors.New("procedure code malformed")
	ErrCodeInactive     = errors.New("procedure code not active on the date of service")
	ErrPOBox            = errors.New("billing provider address must be a street address, not a PO box")
	ErrZIP9             = errors.New("billing provider ZIP code must have 9 digits")
	ErrOriginalRef      = errors.New("frequency 7 or 8 needs the payer's original claim number (REF*F8)")
	ErrChargeMismatch   = errors.New("claim charge differs from the sum of its lines")
	ErrTelehealthCoding = errors.New("telehealth coding differs from the policy's")
)

// ClaimLine returns the claim and line a finding of Check or of an Encoder is about, from its
// Go field path ("Claims[3].Lines[1].Modifiers" is claim 3, line 1): -1 for a line when the
// finding is about the claim, and for both when it is about the batch (its header, or a
// segment no claim wrote).
func ClaimLine(f *x12.Error) (claim, line int) {
	claim, line = -1, -1
	rest, ok := strings.CutPrefix(f.Field, "Claims[")
	if !ok {
		return
	}
	n, rest, ok := cutIndex(rest)
	if !ok {
		return
	}
	claim = n
	if rest, ok = strings.CutPrefix(rest, ".Lines["); ok {
		if n, _, ok = cutIndex(rest); ok {
			line = n
		}
	}
	return
}

// cutIndex reads "12]…" into 12 and "…".
func cutIndex(s string) (int, string, bool) {
	digits, rest, ok := strings.Cut(s, "]")
	n, err := strconv.Atoi(digits)
	return n, rest, ok && err == nil && n >= 0
}

// x12At is the position a finding names, from the loop and segment text the checks use:
// "2400 SV101-3" is loop 2400, SV1, element 1, component 3; "2300 REF*F8" is a REF of 2300.
func x12At(text string) x12.Position {
	loop, seg, _ := strings.Cut(text, " ")
	p := x12.Position{Loop: loop}
	seg, _, _ = strings.Cut(seg, "*")
	seg, comp, _ := strings.Cut(seg, "-")
	p.Component, _ = strconv.Atoi(comp)
	if n := len(seg); n >= 4 && isDigit(seg[n-1]) && isDigit(seg[n-2]) {
		p.Element, _ = strconv.Atoi(seg[n-2:])
		seg = seg[:n-2]
	}
	p.ID = seg
	return p
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Options tune Check.
type Options struct {
	// Severity overrides a rule's severity by rule ID: x12.SeverityWarning reports a rule's
	// findings without stopping a write, x12.SeverityError makes a warning stop it.
	Severity map[string]x12.Severity
	// Ignore switches rules off by rule ID: they make no findings.
	Ignore []string
	// Policy decides telehealth coding. Nil means the policy ApplyTelehealth coded a claim
	// with (the claim remembers it, and the visit it was told), else the codes package's
	// built-in policy; set, it is used for every claim.
	Policy *codes.Policy
	// Codes answers code lookups; nil means codes.Default().
	Codes *codes.Registry
}

// Check runs the business checks payers reject claims for, on every claim of the batch, and
// returns their findings: each with its rule (a Rule constant), severity, the Go path of the
// field in the batch ("Claims[3].Lines[1].Modifiers"; ClaimLine reads the indexes back) and
// the X12 loop, segment and element that field is written to (Pos, with no offset: nothing
// is written yet). It never changes the batch. Findings.Err is non-nil when a finding is an
// error.
func Check(b *Batch) x12.Findings { return CheckWith(b, Options{}) }

// CheckWith is Check with options.
func CheckWith(b *Batch, o Options) x12.Findings {
	c := checker{o: o}
	if c.o.Codes == nil {
		c.o.Codes = codes.Default()
	}
	if b.Submitter.Name == "" || b.Submitter.ID == "" {
		c.add(RuleRequired, -1, -1, "Submitter", "1000A NM1", ErrRequired, "")
	}
	if b.Submitter.Contact.Name == "" && len(b.Submitter.Contact.Numbers) == 0 {
		c.add(RuleRequired, -1, -1, "Submitter.Contact", "1000A PER", ErrRequired, "")
	}
	if b.Receiver.Name == "" || b.Receiver.ID == "" {
		c.add(RuleRequired, -1, -1, "Receiver", "1000B NM1", ErrRequired, "")
	}
	for i := range b.Claims {
		c.claim(i, &b.Claims[i])
	}
	return c.out
}

type checker struct {
	o   Options
	out x12.Findings
}

// defaultSeverity is each rule's severity unless Options say otherwise.
var defaultSeverity = map[string]x12.Severity{
	RuleTelehealthPolicy: x12.SeverityWarning,
}

// add makes a finding of rule on field, a path within claim (or within the batch, for claim
// -1) and line.
func (c *checker) add(rule string, claim, line int, field, x12pos string, err error, detail string) {
	if slices.Contains(c.o.Ignore, rule) {
		return
	}
	sev, ok := c.o.Severity[rule]
	if !ok {
		sev = defaultSeverity[rule]
	}
	if claim >= 0 {
		field = "Claims[" + strconv.Itoa(claim) + "]." + field
	}
	c.out = append(c.out, &x12.Error{Severity: sev, Rule: rule, Field: field, Pos: x12At(x12pos), Err: err, Detail: detail})
}

func (c *checker) npi(rule string, ci int, npi, field, pos string, required bool) {
	if npi == "" {
		if required {
			c.add(rule, ci, -1, field, pos, ErrRequired, "")
		}
		return
	}
	if codes.CheckNPI(npi) != nil {
		c.add(rule, ci, -1, field, pos, ErrNPI, "")
	}
}

// noDotsOrSpaces strips what people put between the letters of "P.O. Box".
var noDotsOrSpaces = strings.NewReplacer(".", "", " ", "")

func isPOBox(s string) bool {
	u := strings.ToUpper(noDotsOrSpaces.Replace(s))
	return strings.HasPrefix(u, "POBOX") || strings.HasPrefix(u, "POSTOFFICEBOX") || strings.HasPrefix(u, "PMB")
}

// serviceDate is the claim's earliest line date (for date-dependent rules).
func serviceDate(cl *Claim) x12.Date {
	var d x12.Date
	for i := range cl.Lines {
		if l := cl.Lines[i].ServiceDate; !l.IsZero() && (d.IsZero() || l.Before(d)) {
			d = l
		}
	}
	return d
}

func (c *checker) claim(ci int, cl *Claim) {
	bp := &cl.BillingProvider
	c.npi(RuleNPICheckDigit, ci, bp.NPI, "BillingProvider.NPI", "2010AA NM109", true)
	if bp.Address == nil {
		c.add(RuleBillingAddress, ci, -1, "BillingProvider.Address", "2010AA N3", ErrRequired, "")
	} else {
		if isPOBox(bp.Address.Line1) || isPOBox(bp.Address.Line2) {
			c.add(RuleBillingAddressPOBox, ci, -1, "BillingProvider.Address.Line1", "2010AA N301", ErrPOBox, "")
		}
		if z := bp.Address.ZIP; len(z) != 9 || codes.CheckZIP(z) != nil {
			c.add(RuleBillingZIP9, ci, -1, "BillingProvider.Address.ZIP", "2010AA N403", ErrZIP9, "")
		}
	}
	if bp.EIN == "" && bp.SSN == "" {
		c.add(RuleBillingTaxID, ci, -1, "BillingProvider.EIN", "2010AA REF02", ErrRequired, "")
	}
	for _, p := range []struct {
		prov  *Provider
		field string
		pos   string
	}{{cl.Rendering, "Rendering.NPI", "2310B NM109"}, {cl.Referring, "Referring.NPI", "2310A NM109"}, {cl.Supervising, "Supervising.NPI", "2310D NM109"}} {
		if p.prov != nil {
			c.npi(RuleNPICheckDigit, ci, p.prov.NPI, p.field, p.pos, false)
		}
	}
	if f := cl.ServiceFacility; f != nil {
		c.npi(RuleNPICheckDigit, ci, f.NPI, "ServiceFacility.NPI", "2310C NM109", false)
	}
	if cl.Subscriber.Last == "" {
		c.add(RuleRequired, ci, -1, "Subscriber.Last", "2010BA NM103", ErrRequired, "")
	}
	if cl.Subscriber.MemberID == "" {
		c.add(RuleRequired, ci, -1, "Subscriber.MemberID", "2010BA NM109", ErrRequired, "")
	}
	if cl.PatientControlNumber == "" {
		c.add(RuleRequired, ci, -1, "PatientControlNumber", "2300 CLM01", ErrRequired, "")
	}
	if cl.PlaceOfService == "" {
		c.add(RuleRequired, ci, -1, "PlaceOfService", "2300 CLM05-1", ErrRequired, "")
	}
	if (cl.Frequency == "7" || cl.Frequency == "8") && cl.OriginalReference == "" {
		c.add(RuleFrequencyOriginalReference, ci, -1, "OriginalReference", "2300 REF*F8", ErrOriginalRef, "")
	}
	dos := serviceDate(cl)
	c.diagnoses(ci, cl, dos)
	if len(cl.Lines) == 0 {
		c.add(RuleRequired, ci, -1, "Lines", "2400 LX", ErrRequired, "")
	}
	if len(cl.Lines) > 50 {
		c.add(RuleMaxLines, ci, -1, "Lines", "2400", ErrTooMany, "")
	}
	if cl.Charge != 0 {
		var sum x12.Amount
		for i := range cl.Lines {
			sum += cl.Lines[i].Charge
		}
		if sum != cl.Charge {
			c.add(RuleChargeSum, ci, -1, "Charge", "2300 CLM02", ErrChargeMismatch, "")
		}
	}
	for li := range cl.Lines {
		c.line(ci, cl, li)
	}
}

func (c *checker) diagnoses(ci int, cl *Claim, dos x12.Date) {
	if len(cl.Diagnoses) == 0 {
		c.add(RuleRequired, ci, -1, "Diagnoses", "2300 HI01", ErrRequired, "")
	}
	if len(cl.Diagnoses) > 12 {
		c.add(RuleMaxDiagnoses, ci, -1, "Diagnoses", "2300 HI", ErrTooMany, "")
	}
	for i, d := range cl.Diagnoses {
		field := "Diagnoses[" + strconv.Itoa(i) + "].Code"
		pos := "2300 HI" + fmt.Sprintf("%02d", i+1) + "-2"
		switch d.Qualifier {
		case "ABK", "ABF":
			if codes.CheckICD10CM(d.Code) != nil {
				c.add(RuleICD10Format, ci, -1, field, pos, ErrDiagnosisCode, "")
			}
		case "BK", "BF":
			if !dos.IsZero() && !dos.Before(x12.NewDate(2015, 10, 1)) {
				c.add(RuleICD9AfterTransition, ci, -1, field, pos, ErrDiagnosisCode, "")
			}
		default:
			c.add(RuleDiagnosisQualifier, ci, -1, "Diagnoses["+strconv.Itoa(i)+"].Qualifier", "2300 HI"+fmt.Sprintf("%02d", i+1)+"-1", ErrDiagnosisCode, "")
		}
	}
}

func (c *checker) line(ci int, cl *Claim, li int) {
	l := &cl.Lines[li]
	f := func(name string) string { return "Lines[" + strconv.Itoa(li) + "]." + name }
	add := func(rule, field, pos string, err error, detail string) {
		c.add(rule, ci, li, f(field), pos, err, detail)
	}
	if len(l.Modifiers) > 4 {
		add(RuleMaxModifiers, "Modifiers", "2400 SV101-7", ErrTooMany, "")
	}
	if len(l.DiagnosisPointers) == 0 {
		add(RuleRequired, "DiagnosisPointers", "2400 SV107-1", ErrRequired, "")
	}
	if len(l.DiagnosisPointers) > 4 {
		add(RuleMaxPointers, "DiagnosisPointers", "2400 SV107", ErrTooMany, "")
	}
	for k, p := range l.DiagnosisPointers {
		if p < 1 || p > len(cl.Diagnoses) || p > 12 {
			add(RulePointerRange, "DiagnosisPointers["+strconv.Itoa(k)+"]", "2400 SV107-"+strconv.Itoa(k+1), ErrPointer, "")
		}
	}
	if l.ServiceDate.IsZero() {
		add(RuleRequired, "ServiceDate", "2400 DTP*472", ErrRequired, "")
	}
	if or(l.Qualifier, "HC") == "HC" {
		if codes.CheckProcedure(l.Procedure) != nil {
			add(RuleProcedureFormat, "Procedure", "2400 SV101-2", ErrProcedureCode, "")
		} else if !l.ServiceDate.IsZero() {
			if _, st, err := c.o.Codes.Lookup("procedure", l.Procedure, l.ServiceDate.Time()); err == nil &&
				(st == codes.Terminated || st == codes.NotYetEffective) {
				add(RuleProcedureActive, "Procedure", "2400 SV101-2", ErrCodeInactive, st.String())
			}
		}
	}
	c.telehealth(ci, cl, li)
}

// telehealth compares a line's coding with the policy's for the visit the claim describes,
// when the claim says it was telehealth (POS 02/10 or a telehealth modifier).
func (c *checker) telehealth(ci int, cl *Claim, li int) {
	l := &cl.Lines[li]
	pos := or(l.PlaceOfService, cl.PlaceOfService)
	v, ok := visitOf(cl, l)
	if !ok || l.ServiceDate.IsZero() {
		return
	}
	policy := c.o.Policy
	if cl.coded != nil { // coded by ApplyTelehealth: the same policy, for the visit it was told
		if policy == nil {
			policy = cl.coded.policy
		}
		v = cl.coded.visit
		v.Code, v.DateOfService = l.Procedure, l.ServiceDate.Time()
	}
	if policy == nil {
		policy = defaultPolicy
	}
	d, err := policy.Decide(v)
	if err != nil {
		return
	}
	at := func(field, x string, detail string) {
		c.add(RuleTelehealthPolicy, ci, li, "Lines["+strconv.Itoa(li)+"]."+field, x, ErrTelehealthCoding, detail)
	}
	if d.POS != "" && d.POS != pos {
		at("PlaceOfService", "2300 CLM05-1", "pos-"+d.POS)
	}
	for _, m := range d.Modifiers {
		if !hasString(l.Modifiers, m) {
			at("Modifiers", "2400 SV101-3", "missing-modifier-"+m)
		}
	}
	for _, m := range l.Modifiers {
		if telehealthModifiers[m] && !hasString(d.Modifiers, m) {
			at("Modifiers", "2400 SV101-3", "unexpected-modifier-"+m)
		}
	}
	for _, w := range d.Warnings {
		if w.Advisory() {
			continue
		}
		at("Procedure", "2400 SV101-2", w.Code)
	}
}

var telehealthModifiers = map[string]bool{"95": true, "93": true, "GT": true, "GQ": true, "FQ": true, "FR": true}

func hasString(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// visitOf reads the telehealth visit a line describes: the payer from SBR09, the modality from
// its modifiers, the setting from the POS. ok is false for lines that are not telehealth.
func visitOf(cl *Claim, l *Line) (codes.Visit, bool) {
	pos := or(l.PlaceOfService, cl.PlaceOfService)
	tele := pos == "02" || pos == "10"
	for _, m := range l.Modifiers {
		tele = tele || telehealthModifiers[m]
	}
	if !tele {
		return codes.Visit{}, false
	}
	v := codes.Visit{DateOfService: l.ServiceDate.Time(), Code: l.Procedure, Modality: codes.AudioVideo, Setting: codes.OtherSite}
	switch cl.Subscriber.FilingIndicator {
	case "MB":
		v.Payer = codes.Payer{Kind: codes.Medicare}
	case "MC":
		v.Payer = codes.Payer{Kind: codes.Medicaid, State: stateOf(cl)}
	default:
		v.Payer = codes.Payer{Kind: codes.Commercial, Name: cl.Payer.Name}
	}
	switch {
	case hasString(l.Modifiers, "93") || hasString(l.Modifiers, "FQ"):
		v.Modality = codes.AudioOnly
	case hasString(l.Modifiers, "GQ"):
		v.Modality = codes.StoreAndForward
	}
	if pos == "10" {
		v.Setting = codes.Home
	}
	if pos != "02" && pos != "10" {
		v.InPersonPOS = pos
	}
	return v, true
}

func stateOf(cl *Claim) string {
	if cl.Patient != nil && cl.Patient.Address != nil {
		return cl.Patient.Address.State
	}
	if a := cl.Subscriber.Address; a != nil {
		return a.State
	}
	return ""
}
