package codes

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// PayerKind is the kind of payer a telehealth visit is billed to.
type PayerKind int

// Payer kinds. The zero value is not a payer; Decide rejects it.
const (
	Medicare   PayerKind = iota + 1 // traditional (fee-for-service) Medicare, Part B professional rules
	Medicaid                        // a state's Medicaid program (Payer.State)
	Commercial                      // any other payer, Medicare Advantage plans included (Payer.Name)
)

// String gives the kind as the CLI spells it: "medicare", "medicaid", "commercial".
func (k PayerKind) String() string {
	switch k {
	case Medicare:
		return "medicare"
	case Medicaid:
		return "medicaid"
	case Commercial:
		return "commercial"
	}
	return "unknown"
}

// Payer is who pays: a kind, plus the state for Medicaid and the name for a commercial payer.
type Payer struct {
	Kind  PayerKind // Medicare, Medicaid or Commercial
	State string    // two-letter state for Medicaid, e.g. "NY"
	Name  string    // commercial payer name as you register rules for it; compared without case
}

// Modality is how the practitioner and patient communicated.
type Modality int

// Modalities. The zero value is not a modality; Decide rejects it (a PayerRule reads it as "any").
const (
	AudioVideo      Modality = iota + 1 // real-time audio and video
	AudioOnly                           // real-time audio only (telephone)
	StoreAndForward                     // asynchronous: recorded images, video or data reviewed later
)

// String gives the modality as the CLI spells it: "video", "audio", "async".
func (m Modality) String() string {
	switch m {
	case AudioVideo:
		return "video"
	case AudioOnly:
		return "audio"
	case StoreAndForward:
		return "async"
	}
	return "unknown"
}

// Setting is where the patient was.
type Setting int

// Settings. The zero value is not a setting; Decide rejects it (a PayerRule reads it as "any").
const (
	Home      Setting = iota + 1 // the patient's home: any place that is not a facility (a car, a workplace)
	OtherSite                    // an originating site such as a clinic, hospital or nursing facility
)

// String gives the setting as the CLI spells it: "home", "facility".
func (s Setting) String() string {
	switch s {
	case Home:
		return "home"
	case OtherSite:
		return "facility"
	}
	return "unknown"
}

// ProviderKind is who bills the distant-site service. The zero value is an ordinary practice.
type ProviderKind int

// Provider kinds.
const (
	Practice           ProviderKind = iota // a physician or practitioner billing an 837P
	RHC                                    // rural health clinic (837I, no POS)
	FQHC                                   // federally qualified health center (837I, no POS)
	CAH2                                   // critical access hospital, optional (method II) payment (837I, no POS)
	OTP                                    // opioid treatment program (837P with POS 58 when it bills as a supplier)
	HospitalOutpatient                     // a hospital outpatient department billing its own staff's services (837I, no POS)
)

// String gives the kind as the CLI spells it: "practice", "rhc", "fqhc", "cah2", "otp",
// "hospital-outpatient".
func (k ProviderKind) String() string {
	switch k {
	case Practice:
		return "practice"
	case RHC:
		return "rhc"
	case FQHC:
		return "fqhc"
	case CAH2:
		return "cah2"
	case OTP:
		return "otp"
	case HospitalOutpatient:
		return "hospital-outpatient"
	}
	return "unknown"
}

// institutional reports whether the provider bills on an 837I, where there is no POS.
func (k ProviderKind) institutional() bool {
	return k == RHC || k == FQHC || k == CAH2 || k == HospitalOutpatient
}

// Purpose is what the visit treats, where the rules depend on it. The zero value says nothing
// more than Visit.Behavioral does.
type Purpose int

// Purposes.
const (
	PurposeUnstated     Purpose = iota // not stated: Visit.Behavioral decides behavioral or not; which behavioral kind is unknown
	PurposeMedical                     // neither mental health nor substance use (Behavioral must be false)
	PurposeMentalHealth                // diagnosis, evaluation or treatment of a mental health disorder
	PurposeSubstanceUse                // treatment of a substance use disorder or a co-occurring mental health disorder (SUPPORT Act)
	PurposeHomeDialysis                // monthly ESRD clinical assessment of a home dialysis patient
)

// String gives the purpose as the CLI spells it.
func (p Purpose) String() string {
	switch p {
	case PurposeUnstated:
		return "unstated"
	case PurposeMedical:
		return "medical"
	case PurposeMentalHealth:
		return "mental-health"
	case PurposeSubstanceUse:
		return "substance-use"
	case PurposeHomeDialysis:
		return "home-dialysis"
	}
	return "unknown"
}

// Practitioner is who furnished the service at the distant site, where the rules depend on it.
type Practitioner int

// Practitioner types. Medicare's telehealth statute lists physicians and certain practitioners;
// therapists and audiologists may furnish telehealth only under the temporary flexibility.
const (
	PractitionerUnstated    Practitioner = iota // not stated: a warning where the answer depends on it
	PractitionerPhysician                       // a physician or a practitioner the statute lists (NP, PA, CNS, CNM, psychologist, social worker…)
	PractitionerPT                              // physical therapist
	PractitionerOT                              // occupational therapist
	PractitionerSLP                             // speech-language pathologist
	PractitionerAudiologist                     // audiologist
)

// String gives the practitioner type as the CLI spells it.
func (p Practitioner) String() string {
	switch p {
	case PractitionerUnstated:
		return "unstated"
	case PractitionerPhysician:
		return "physician"
	case PractitionerPT:
		return "pt"
	case PractitionerOT:
		return "ot"
	case PractitionerSLP:
		return "slp"
	case PractitionerAudiologist:
		return "audiologist"
	}
	return "unknown"
}

// therapist reports whether the practitioner is one Medicare lets furnish telehealth only under
// the temporary flexibility (PT, OT, SLP, audiologist).
func (p Practitioner) therapist() bool { return p >= PractitionerPT && p <= PractitionerAudiologist }

// Area is whether the originating site meets Medicare's geographic requirement: a rural health
// professional shortage area, a county outside a metropolitan statistical area, or a federal
// telemedicine demonstration.
type Area int

// Areas.
const (
	AreaUnstated   Area = iota // not stated: a warning where the answer depends on it
	AreaEligible               // rural HPSA, non-MSA county or demonstration: meets the requirement
	AreaIneligible             // none of those
)

// String gives the area as the CLI spells it.
func (a Area) String() string {
	switch a {
	case AreaUnstated:
		return "unstated"
	case AreaEligible:
		return "rural"
	case AreaIneligible:
		return "urban"
	}
	return "unknown"
}

// Visit is one telehealth service to code.
type Visit struct {
	DateOfService time.Time    // drives every dated rule (only the calendar date counts)
	Payer         Payer        // who is billed
	Modality      Modality     // audio-video, audio-only or store-and-forward
	Setting       Setting      // the patient's home or another originating site
	Provider      ProviderKind // who bills: a practice (zero value), RHC, FQHC, CAH method II, OTP, hospital outpatient
	Code          string       // CPT or HCPCS code of the service (optional); checked against the procedure set
	Behavioral    bool         // diagnosis or treatment of a mental health or substance use disorder
	Purpose       Purpose      // which: mental health or substance use (optional; set it where the rules differ)
	Practitioner  Practitioner // who furnished the service (optional; matters for therapists and audiologists)
	Area          Area         // whether the originating site meets the geographic requirement (optional)
	AcuteStroke   bool         // acute stroke care: Medicare modifier G0
	PatientState  string       // where the patient is (optional); Medicare store-and-forward needs AK or HI
	InPersonPOS   string       // the POS had the visit been in person; "" means 11 (office)
}

// behavioral reports whether the visit treats a mental health or substance use disorder,
// from Purpose when it is stated and from Behavioral otherwise.
func (v Visit) behavioral() bool {
	switch v.Purpose {
	case PurposeMentalHealth, PurposeSubstanceUse:
		return true
	case PurposeMedical, PurposeHomeDialysis:
		return false
	}
	return v.Behavioral
}

// Warning is a reason to look twice at a Decision. Code is stable and safe to match on;
// Message is for people and may change.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Advisory reports whether the warning is about what the policy knows rather than about the
// visit's coding: no rule for this payer, a date outside the reviewed span, a payer rule that
// leaves the POS or modifiers to the default, modifiers still unconfirmed. A claim checker
// shows these to the person who maintains the rules, not as a coding error on the claim.
func (w Warning) Advisory() bool {
	switch w.Code {
	case WarnNoPayerRule, WarnRulesUnreviewed, WarnPayerRuleIncomplete, WarnPlatformModifier:
		return true
	}
	return false
}

// Warning codes.
const (
	WarnDeletedCode           = "deleted-code"            // the procedure code was deleted before the date of service
	WarnCodeNotYetEffective   = "code-not-yet-effective"  // the procedure code did not exist yet
	WarnCodeFormat            = "code-format"             // the procedure code is not a CPT or HCPCS code
	WarnNotPayableMedicare    = "not-payable-medicare"    // Medicare does not pay this code or modality
	WarnNotTelehealthService  = "not-telehealth-service"  // a communication-technology service: no POS 02/10, no 95
	WarnAudioOnlyNotHome      = "audio-only-not-home"     // Medicare audio-only telehealth needs the patient at home
	WarnAudioOnlyNotAllowed   = "audio-only-not-allowed"  // before 2025 Medicare paid audio-only only in narrow cases
	WarnHomeFlexibilityLapsed = "home-flexibility-lapsed" // inside a lapse of the home-telehealth flexibility
	WarnHomeNotEligible       = "home-not-eligible"       // no home-telehealth flexibility in force under current law
	WarnInPersonRequired      = "in-person-visit-required"
	WarnInstitutionalClaim    = "institutional-claim" // billed on an 837I: there is no POS
	WarnUseG2025              = "rhc-fqhc-use-g2025"  // RHC/FQHC non-behavioral telehealth is billed as G2025
	WarnOriginatingSiteFee    = "originating-site-fee"
	WarnRulesUnreviewed       = "rules-unreviewed" // the date is outside the span the built-in rules were checked for
	WarnNoPayerRule           = "no-payer-rule"    // no registered rule for this payer: the stated default was used

	WarnPurposeUnknown         = "purpose-unknown"               // behavioral, but mental health or substance use is not stated and the rules differ
	WarnPractitionerUnknown    = "practitioner-unknown"          // the practitioner type is not stated and the answer depends on it
	WarnPractitionerIneligible = "practitioner-not-eligible"     // Medicare does not pay telehealth by this practitioner type on this date
	WarnAreaUnknown            = "originating-area-unknown"      // the geographic requirement applies and the site's area is not stated
	WarnAreaIneligible         = "originating-area-not-eligible" // the geographic requirement applies and the site does not meet it
	WarnModalityMismatch       = "modality-mismatch"             // the code's descriptor requires another modality (98000–98015)
	WarnModalityNotListed      = "modality-not-listed"           // Medicare lists the code on this date only for another modality
	WarnPlatformModifier       = "platform-modifier-unverified"  // CY2027: the proposed platform modifiers (BB, BC) are not confirmed
	WarnPayerRuleIncomplete    = "payer-rule-incomplete"         // the payer rule states no POS or no modifiers: the default filled them in
	WarnPayerRule              = "payer-rule"                    // a caution the payer rule itself carries
)

// Decision is the coding the policy gives for a Visit.
type Decision struct {
	POS       string    `json:"pos"`       // CLM05-1; "" for institutional claims
	Modifiers []string  `json:"modifiers"` // in the order to send them; never nil
	Warnings  []Warning `json:"warnings"`  // never nil

	// Rule is the payer rule that gave POS or modifiers, nil when none matched. It is not part
	// of the JSON form.
	Rule *PayerRule `json:"-"`
}

func (d *Decision) warn(code, format string, args ...any) {
	d.Warnings = append(d.Warnings, Warning{Code: code, Message: fmt.Sprintf(format, args...)})
}

// has reports whether the decision already carries a warning with this code.
func (d *Decision) has(code string) bool {
	return slices.ContainsFunc(d.Warnings, func(w Warning) bool { return w.Code == code })
}

func (d *Decision) addModifier(m string) {
	if m != "" && !slices.Contains(d.Modifiers, m) {
		d.Modifiers = append(d.Modifiers, m)
	}
}

// POS choices of a PayerRule.
const (
	POSByLocation = ""          // 10 when the patient is at home, 02 elsewhere (02 for every visit before POS 10 existed)
	POSInPerson   = "in-person" // the POS the visit would have had in person (Visit.InPersonPOS, default 11)
	POSUnstated   = "unstated"  // the rule's source says nothing about the POS: the default's (or Medicare's built-in) is kept, with a WarnPayerRuleIncomplete
)

// PayerRule is how one payer (or every payer of a kind) wants telehealth coded for a span of
// dates. Zero fields match anything: Modality 0 any modality, Setting 0 any setting, empty
// State any Medicaid state, empty Name any commercial payer, nil Providers any provider kind,
// zero From/Until an open end.
type PayerRule struct {
	Kind      PayerKind      // required
	State     string         // Medicaid state, e.g. "NY"
	Name      string         // commercial payer name, compared without case
	From      time.Time      // first date of service the rule applies to
	Until     time.Time      // first date it no longer applies
	Modality  Modality       // 0: any modality
	Setting   Setting        // 0: any setting
	Providers []ProviderKind // nil: any provider kind
	POS       string         // a POS code, or POSByLocation, POSInPerson or POSUnstated
	Modifiers []string       // modifiers to send, e.g. {"95"}
	// ModifiersUnstated says the rule's source gives no modifiers: the default's (or Medicare's
	// built-in) are kept, with a WarnPayerRuleIncomplete. Modifiers is then ignored.
	ModifiersUnstated bool
	Warnings          []Warning // cautions the rule carries (its source's conditions), added to every decision it gives
	Note              string    // where the rule comes from (the payer's bulletin, a contract), or a remark

	// Where the rule comes from, as rule files record it (LoadRules): the document title or
	// URL, the date it was last read, and its confidence tag ("V", "S", "M" or "?").
	Source     string
	Checked    time.Time
	Confidence string
}

func (r PayerRule) matches(v Visit) bool {
	d := day(v.DateOfService)
	switch {
	case r.Kind != v.Payer.Kind,
		r.State != "" && !strings.EqualFold(r.State, v.Payer.State),
		r.Name != "" && !strings.EqualFold(r.Name, v.Payer.Name),
		!r.From.IsZero() && d.Before(day(r.From)),
		!r.Until.IsZero() && !d.Before(day(r.Until)),
		r.Modality != 0 && r.Modality != v.Modality,
		r.Setting != 0 && r.Setting != v.Setting,
		r.Providers != nil && !slices.Contains(r.Providers, v.Provider):
		return false
	}
	return true
}

// who names the payer a rule or visit is for, for messages.
func (p Payer) who() string {
	switch p.Kind {
	case Medicaid:
		return "Medicaid of " + strings.ToUpper(p.State)
	case Commercial:
		if p.Name != "" {
			return p.Name
		}
		return "this commercial payer"
	}
	return p.Kind.String()
}

// ErrVisit is wrapped by the errors Decide returns for an incomplete visit.
var ErrVisit = errors.New("incomplete visit")

// Policy decides POS and modifiers for telehealth visits: Medicare's rules are built in (see
// medicare.go), other payers' are PayerRules registered with RegisterPayerRule or loaded from a
// rules file with LoadRules, and the state Medicaid rule files x12kit ships (BuiltinRuleFiles)
// apply unless NoBuiltinRules is set.
//
// For a payer with no matching rule — any Medicaid program or commercial payer you have not
// described — the policy uses this default, and says so with a WarnNoPayerRule warning: POS 10
// when the patient is at home and 02 elsewhere (02 before POS 10 existed on 2022-01-01),
// modifier 95 for audio-video, 93 for audio-only (from 2022-01-01) and GQ for
// store-and-forward. That is the most common commercial convention (CMS's POS 02/10
// definitions of 2022, which most commercial payers follow); many
// payers differ, so register their rules.
//
// The zero Policy is ready to use. A Policy is safe for concurrent use; rules registered while
// Decide runs apply to later calls.
type Policy struct {
	mu    sync.RWMutex
	rules []PayerRule

	// Procedures is the code set codes are checked against; nil means Default's "procedure".
	Procedures *Set

	// NoBuiltinRules leaves out the shipped state Medicaid rule files: only rules you register
	// or load apply to Medicaid visits.
	NoBuiltinRules bool
}

// RegisterPayerRule adds a rule. When several rules match a visit, the one registered last
// wins, so a later rule overrides an earlier, broader one; any registered rule wins over the
// shipped ones. A rule for Medicare replaces the built-in POS and modifiers it states (the
// built-in warnings still apply).
func (p *Policy) RegisterPayerRule(r PayerRule) error {
	if r.Kind < Medicare || r.Kind > Commercial {
		return fmt.Errorf("codes: payer rule: %w: payer kind", ErrVisit)
	}
	r.Modifiers = slices.Clone(r.Modifiers)
	r.Providers = slices.Clone(r.Providers)
	r.Warnings = slices.Clone(r.Warnings)
	p.mu.Lock()
	p.rules = append(p.rules, r)
	p.mu.Unlock()
	return nil
}

func (p *Policy) rule(v Visit) (PayerRule, bool) {
	p.mu.RLock()
	for i := len(p.rules) - 1; i >= 0; i-- {
		if p.rules[i].matches(v) {
			r := p.rules[i]
			p.mu.RUnlock()
			return r, true
		}
	}
	p.mu.RUnlock()
	if p.NoBuiltinRules {
		return PayerRule{}, false
	}
	builtin := builtinRules()
	for i := len(builtin) - 1; i >= 0; i-- {
		if builtin[i].matches(v) {
			return builtin[i], true
		}
	}
	return PayerRule{}, false
}

func (p *Policy) procedures() *Set {
	if p.Procedures != nil {
		return p.Procedures
	}
	s, _ := Default().Set("procedure")
	return s
}

// Decide is Decide of the zero Policy: Medicare's built-in rules, the shipped state Medicaid
// rule files and the stated default for every other payer.
func Decide(v Visit) (Decision, error) {
	var p Policy
	return p.Decide(v)
}

// Decide gives the POS, modifiers and warnings for a visit. It fails (wrapping ErrVisit) only
// when the visit lacks a date, payer kind, modality or setting, a Medicaid visit lacks its
// state, or it states a purpose that contradicts Behavioral; everything questionable about a
// complete visit is a Warning. Facts the visit leaves unstated (purpose, practitioner type,
// the originating site's area) are never guessed: where the answer depends on them, a warning
// says so.
func (p *Policy) Decide(v Visit) (Decision, error) {
	if err := v.check(); err != nil {
		return Decision{}, err
	}
	if v.InPersonPOS == "" {
		v.InPersonPOS = "11"
	}
	d := Decision{Modifiers: []string{}, Warnings: []Warning{}}

	code, known := p.checkCode(&d, v)
	checkModality(&d, v)
	if known && nonTelehealthFamilies[code.Category] {
		d.POS = v.InPersonPOS
		d.warn(WarnNotTelehealthService,
			"%s is a communication-technology service, not telehealth: report the practitioner's usual POS and no telehealth modifier", v.Code)
		return d, nil
	}

	if v.Payer.Kind == Medicare {
		decideMedicare(&d, v, code, known)
	}
	r, ok := p.rule(v)
	if !ok {
		if v.Payer.Kind != Medicare {
			decideDefault(&d, v)
			d.warn(WarnNoPayerRule, "no rule registered for %s: used the default (POS 10 home / 02 elsewhere; 95 video, 93 audio, GQ async)", v.Payer.who())
		}
		return d, nil
	}
	if v.Payer.Kind != Medicare {
		decideDefault(&d, v)
	}
	if r.POS == POSUnstated {
		d.warn(WarnPayerRuleIncomplete, "the rule for %s gives no place of service (%s): kept %s; check the payer's manual",
			v.Payer.who(), r.citation(), or(d.POS, "none"))
	} else {
		d.POS = rulePOS(r.POS, v)
	}
	if r.ModifiersUnstated {
		d.warn(WarnPayerRuleIncomplete, "the rule for %s gives no modifiers for this visit (%s): kept %s; check the payer's manual",
			v.Payer.who(), r.citation(), or(strings.Join(d.Modifiers, " "), "none"))
	} else {
		d.Modifiers = slices.Clone(r.Modifiers)
		if d.Modifiers == nil {
			d.Modifiers = []string{}
		}
	}
	d.Warnings = append(d.Warnings, r.Warnings...)
	r.Modifiers, r.Providers, r.Warnings = slices.Clone(r.Modifiers), slices.Clone(r.Providers), slices.Clone(r.Warnings)
	d.Rule = &r // a copy: changing it changes no registered or shipped rule
	return d, nil
}

// citation is how a message names a rule's source.
func (r PayerRule) citation() string {
	c := or(r.Source, r.Note)
	if c == "" {
		return "no source recorded"
	}
	if r.Confidence != "" {
		c += " [" + r.Confidence + "]"
	}
	return c
}

func or(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

func (v Visit) check() error {
	var what string
	switch {
	case v.DateOfService.IsZero():
		what = "date of service"
	case v.Payer.Kind < Medicare || v.Payer.Kind > Commercial:
		what = "payer kind"
	case v.Payer.Kind == Medicaid && len(v.Payer.State) != 2:
		what = "Medicaid state"
	case v.Modality < AudioVideo || v.Modality > StoreAndForward:
		what = "modality"
	case v.Setting < Home || v.Setting > OtherSite:
		what = "setting"
	case v.Provider < Practice || v.Provider > HospitalOutpatient:
		what = "provider kind"
	case v.Purpose < PurposeUnstated || v.Purpose > PurposeHomeDialysis,
		v.Behavioral && (v.Purpose == PurposeMedical || v.Purpose == PurposeHomeDialysis):
		what = "purpose"
	case v.Practitioner < PractitionerUnstated || v.Practitioner > PractitionerAudiologist:
		what = "practitioner"
	case v.Area < AreaUnstated || v.Area > AreaIneligible:
		what = "area"
	default:
		return nil
	}
	return fmt.Errorf("codes: %w: %s", ErrVisit, what)
}

// checkCode warns about a procedure code that is malformed, deleted or not yet in force.
func (p *Policy) checkCode(d *Decision, v Visit) (Code, bool) {
	if v.Code == "" {
		return Code{}, false
	}
	if CheckProcedure(v.Code) != nil {
		d.warn(WarnCodeFormat, "the procedure code is not a CPT or HCPCS Level II code")
		return Code{}, false
	}
	c, st := p.procedures().Lookup(v.Code, v.DateOfService)
	switch st {
	case Terminated:
		msg := fmt.Sprintf("%s was deleted on %s", v.Code, c.Terminated.Format(time.DateOnly))
		if c.ReplacedBy != "" {
			msg += "; use " + c.ReplacedBy
		}
		d.warn(WarnDeletedCode, "%s", msg)
	case NotYetEffective:
		d.warn(WarnCodeNotYetEffective, "%s takes effect on %s", v.Code, c.Effective.Format(time.DateOnly))
	}
	return c, st != Unknown
}

// checkModality warns, for every payer, when the code's own definition names a modality
// other than the visit's (ProcedureModality): the CPT 2025 telemedicine E/M codes are
// audio-video (98000–98007) or audio-only (98008–98015), the telephone codes audio-only.
func checkModality(d *Decision, v Visit) {
	want, ok := ProcedureModality(v.Code)
	if !ok || want == v.Modality {
		return
	}
	d.warn(WarnModalityMismatch, "%s is an %s code but the visit was %s: use the code of the modality used (98000–98007 audio-video, 98008–98015 audio-only)",
		v.Code, modalityWords[want], modalityWords[v.Modality])
}

var modalityWords = map[Modality]string{AudioVideo: "audio-video", AudioOnly: "audio-only", StoreAndForward: "store-and-forward"}

// nonTelehealthFamilies are procedure families that CPT and CMS define as
// communication-technology-based services rather than telehealth: they take the practitioner's
// usual POS and no 95/93, for every payer.
var nonTelehealthFamilies = map[string]bool{
	ProcDigitalEM:      true,
	ProcVirtualCheckIn: true,
	ProcRemoteImage:    true,
}

func rulePOS(pos string, v Visit) string {
	switch pos {
	case POSInPerson:
		return v.InPersonPOS
	case POSByLocation:
		return posByLocation(v)
	}
	return pos
}

// posByLocation is 10 for the patient's home and 02 elsewhere, falling back to 02 on dates
// before POS 10 existed (read from the "pos" set, so a user's override of it counts).
func posByLocation(v Visit) string {
	if v.Setting == Home && codeActive("pos", "10", v.DateOfService) {
		return "10"
	}
	return "02"
}

func codeActive(set, value string, on time.Time) bool {
	_, st, err := Default().Lookup(set, value, on)
	return err == nil && st == Active
}

// defaultModifiers is the modifier the no-rule default sends for each modality.
var defaultModifiers = map[Modality]string{AudioVideo: "95", AudioOnly: "93", StoreAndForward: "GQ"}

// decideDefault sets the stated default's POS and modifier (no warning: Decide adds
// WarnNoPayerRule when no rule matched).
func decideDefault(d *Decision, v Visit) {
	d.POS = posByLocation(v)
	if m := defaultModifiers[v.Modality]; codeActive("modifier", m, v.DateOfService) {
		d.addModifier(m)
	}
}
