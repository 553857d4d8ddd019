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
	Practice ProviderKind = iota // a physician or practitioner billing an 837P
	RHC                          // rural health clinic (837I, no POS)
	FQHC                         // federally qualified health center (837I, no POS)
	CAH2                         // critical access hospital, optional (method II) payment (837I, no POS)
	OTP                          // opioid treatment program
)

// String gives the kind as the CLI spells it: "practice", "rhc", "fqhc", "cah2", "otp".
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
	}
	return "unknown"
}

// institutional reports whether the provider bills on an 837I, where there is no POS.
func (k ProviderKind) institutional() bool { return k == RHC || k == FQHC || k == CAH2 }

// Visit is one telehealth service to code.
type Visit struct {
	DateOfService time.Time    // drives every dated rule (only the calendar date counts)
	Payer         Payer        // who is billed
	Modality      Modality     // audio-video, audio-only or store-and-forward
	Setting       Setting      // the patient's home or another originating site
	Provider      ProviderKind // who bills: a practice (zero value), RHC, FQHC, CAH method II, OTP
	Code          string       // CPT or HCPCS code of the service (optional); checked against the procedure set
	Behavioral    bool         // diagnosis or treatment of a mental health or substance use disorder
	AcuteStroke   bool         // acute stroke care: Medicare modifier G0
	PatientState  string       // where the patient is (optional); Medicare store-and-forward needs AK or HI
	InPersonPOS   string       // the POS had the visit been in person; "" means 11 (office)
}

// Warning is a reason to look twice at a Decision. Code is stable and safe to match on;
// Message is for people and may change.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
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
)

// Decision is the coding the policy gives for a Visit.
type Decision struct {
	POS       string    `json:"pos"`       // CLM05-1; "" for institutional claims
	Modifiers []string  `json:"modifiers"` // in the order to send them; never nil
	Warnings  []Warning `json:"warnings"`  // never nil
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
)

// PayerRule is how one payer (or every payer of a kind) wants telehealth coded for a span of
// dates. Zero fields match anything: Modality 0 any modality, Setting 0 any setting, empty
// State any Medicaid state, empty Name any commercial payer, zero From/Until an open end.
type PayerRule struct {
	Kind      PayerKind // required
	State     string    // Medicaid state, e.g. "NY"
	Name      string    // commercial payer name, compared without case
	From      time.Time // first date of service the rule applies to
	Until     time.Time // first date it no longer applies
	Modality  Modality  // 0: any modality
	Setting   Setting   // 0: any setting
	POS       string    // a POS code, or POSByLocation or POSInPerson
	Modifiers []string  // modifiers to send, e.g. {"95"}
	Note      string    // where the rule comes from (the payer's bulletin, a contract)
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
		r.Setting != 0 && r.Setting != v.Setting:
		return false
	}
	return true
}

// ErrVisit is wrapped by the errors Decide returns for an incomplete visit.
var ErrVisit = errors.New("incomplete visit")

// Policy decides POS and modifiers for telehealth visits: Medicare's rules are built in (see
// medicare.go), other payers' are PayerRules registered with RegisterPayerRule.
//
// For a payer with no matching rule — any Medicaid program or commercial payer you have not
// described — the policy uses this default, and says so with a WarnNoPayerRule warning: POS 10
// when the patient is at home and 02 elsewhere (02 before POS 10 existed on 2022-01-01),
// modifier 95 for audio-video, 93 for audio-only (from 2022-01-01) and GQ for
// store-and-forward. That is the most common commercial convention (domain.md §3.1); many
// payers differ, so register their rules.
//
// The zero Policy is ready to use. A Policy is safe for concurrent use; rules registered while
// Decide runs apply to later calls.
type Policy struct {
	mu    sync.RWMutex
	rules []PayerRule

	// Procedures is the code set codes are checked against; nil means Default's "procedure".
	Procedures *Set
}

// RegisterPayerRule adds a rule. When several rules match a visit, the one registered last
// wins, so a later rule overrides an earlier, broader one. A rule for Medicare replaces the
// built-in POS and modifiers (the built-in warnings still apply).
func (p *Policy) RegisterPayerRule(r PayerRule) error {
	if r.Kind < Medicare || r.Kind > Commercial {
		return fmt.Errorf("codes: payer rule: %w: payer kind", ErrVisit)
	}
	r.Modifiers = slices.Clone(r.Modifiers)
	p.mu.Lock()
	p.rules = append(p.rules, r)
	p.mu.Unlock()
	return nil
}

func (p *Policy) rule(v Visit) (PayerRule, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for i := len(p.rules) - 1; i >= 0; i-- {
		if p.rules[i].matches(v) {
			return p.rules[i], true
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

// Decide is Decide of the zero Policy: Medicare's built-in rules and the stated default for
// every other payer.
func Decide(v Visit) (Decision, error) {
	var p Policy
	return p.Decide(v)
}

// Decide gives the POS, modifiers and warnings for a visit. It fails (wrapping ErrVisit) only
// when the visit lacks a date, payer kind, modality or setting, or a Medicaid visit lacks its
// state; everything questionable about a complete visit is a Warning.
func (p *Policy) Decide(v Visit) (Decision, error) {
	if err := v.check(); err != nil {
		return Decision{}, err
	}
	if v.InPersonPOS == "" {
		v.InPersonPOS = "11"
	}
	d := Decision{Modifiers: []string{}, Warnings: []Warning{}}

	code, known := p.checkCode(&d, v)
	if known && nonTelehealthFamilies[code.Category] {
		d.POS = v.InPersonPOS
		d.warn(WarnNotTelehealthService,
			"%s is a communication-technology service, not telehealth: report the practitioner's usual POS and no telehealth modifier", v.Code)
		return d, nil
	}

	if v.Payer.Kind == Medicare {
		decideMedicare(&d, v, code, known)
	}
	if r, ok := p.rule(v); ok {
		d.POS = rulePOS(r.POS, v)
		d.Modifiers = slices.Clone(r.Modifiers)
		if d.Modifiers == nil {
			d.Modifiers = []string{}
		}
		return d, nil
	}
	if v.Payer.Kind != Medicare {
		decideDefault(&d, v)
	}
	return d, nil
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
	case v.Provider < Practice || v.Provider > OTP:
		what = "provider kind"
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

// nonTelehealthFamilies are procedure families that CPT and CMS define as
// communication-technology-based services rather than telehealth: they take the practitioner's
// usual POS and no 95/93, for every payer (domain.md §3.3).
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

func decideDefault(d *Decision, v Visit) {
	d.POS = posByLocation(v)
	if m := defaultModifiers[v.Modality]; codeActive("modifier", m, v.DateOfService) {
		d.addModifier(m)
	}
	who := "this commercial payer"
	if v.Payer.Kind == Medicaid {
		who = "Medicaid of " + strings.ToUpper(v.Payer.State)
	}
	d.warn(WarnNoPayerRule, "no rule registered for %s: used the default (POS 10 home / 02 elsewhere; 95 video, 93 audio, GQ async)", who)
}
