package codes

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Payer rules as data: a telehealth rules file is one JSON document describing how one or more
// payers (a state Medicaid program, a commercial plan) want telehealth coded. LoadRules reads
// it; Policy.LoadRules registers what it read. The format (version 1):
//
//	{
//	  "format": "x12kit-telehealth-rules",
//	  "version": 1,
//	  "title": "Example Health Plan telehealth coding (an illustration, not a real payer's rule)",
//	  "rules": [
//	    {
//	      "payer": "commercial:Example Health Plan",
//	      "from": "2026-01-01", "until": "2027-01-01",
//	      "modality": "video", "setting": "home", "providers": ["practice"],
//	      "pos": "in-person",
//	      "modifiers": ["GT"],
//	      "warnings": [{"code": "payer-rule", "message": "…"}],
//	      "note": "…",
//	      "source": "document title", "url": "https://…",
//	      "checked": "2026-12-06", "confidence": "S"
//	    }
//	  ]
//	}
//
// payer is medicare, medicaid (every state), medicaid:XX or commercial[:NAME]. from is the
// first date of service a rule applies to and until the first it no longer does (both
// optional). modality (video, audio, async), setting (home, facility) and providers (practice,
// rhc, fqhc, cah2, otp, hospital-outpatient) narrow a rule; absent, they match anything. pos is
// a two-character POS code, "by-location" (10 at home, 02 elsewhere) or "in-person" (the POS
// the visit would have had in person); modifiers lists what to send, [] for none. A rule that
// leaves pos or modifiers out says its source is silent on them: the decision keeps the
// default's (or Medicare's built-in) and warns WarnPayerRuleIncomplete — unknown is a warning,
// never a guess. warnings are cautions every decision the rule gives carries (code defaults
// to "payer-rule"). source, checked (the date the source was last read) and confidence (V, S,
// M or ?, the tags of the package doc) are required. Unknown keys are an error. When several rules
// match a visit, the last one wins, in file order and across files in load order.

// RulesFormat is the "format" value of a telehealth rules file; RulesVersion its "version".
const (
	RulesFormat  = "x12kit-telehealth-rules"
	RulesVersion = 1
)

// ErrRules is wrapped by every error LoadRules returns for a malformed rules file.
var ErrRules = errors.New("telehealth rules file")

type rulesFile struct {
	Format  string     `json:"format"`
	Version int        `json:"version"`
	Title   string     `json:"title"`
	Rules   []ruleJSON `json:"rules"`
}

type ruleJSON struct {
	Payer      string    `json:"payer"`
	From       string    `json:"from"`
	Until      string    `json:"until"`
	Modality   string    `json:"modality"`
	Setting    string    `json:"setting"`
	Providers  []string  `json:"providers"`
	POS        *string   `json:"pos"`
	Modifiers  *[]string `json:"modifiers"`
	Warnings   []Warning `json:"warnings"`
	Note       string    `json:"note"`
	Source     string    `json:"source"`
	URL        string    `json:"url"`
	Checked    string    `json:"checked"`
	Confidence string    `json:"confidence"`
}

// LoadRules reads a telehealth rules file (the format is documented above and in the README)
// and returns its rules in file order. It checks every field and fails, wrapping ErrRules and
// naming the rule and field, on the first problem; it never returns part of a file.
func LoadRules(r io.Reader) ([]PayerRule, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f rulesFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("codes: %w: %v", ErrRules, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("codes: %w: more than one JSON document", ErrRules)
	}
	if f.Format != RulesFormat {
		return nil, fmt.Errorf("codes: %w: format must be %q", ErrRules, RulesFormat)
	}
	if f.Version != RulesVersion {
		return nil, fmt.Errorf("codes: %w: version %d not supported (want %d)", ErrRules, f.Version, RulesVersion)
	}
	out := make([]PayerRule, 0, len(f.Rules))
	for i, j := range f.Rules {
		r, field, err := j.rule()
		if err != nil {
			return nil, fmt.Errorf("codes: %w: rule %d: %s: %v", ErrRules, i+1, field, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// LoadRules reads a rules file with LoadRules and registers its rules in file order (so a later
// rule overrides an earlier one). Nothing is registered when the file has an error.
func (p *Policy) LoadRules(r io.Reader) error {
	rules, err := LoadRules(r)
	if err != nil {
		return err
	}
	for _, rule := range rules {
		if err := p.RegisterPayerRule(rule); err != nil {
			return err
		}
	}
	return nil
}

var errRequired = errors.New("required")

func (j ruleJSON) rule() (r PayerRule, field string, err error) {
	if r.Kind, r.State, r.Name, err = parseRulePayer(j.Payer); err != nil {
		return r, "payer", err
	}
	for _, d := range []struct {
		name string
		in   string
		out  *time.Time
	}{{"from", j.From, &r.From}, {"until", j.Until, &r.Until}, {"checked", j.Checked, &r.Checked}} {
		if d.in == "" {
			continue
		}
		if *d.out, err = time.Parse(time.DateOnly, d.in); err != nil {
			return r, d.name, errors.New("must be YYYY-MM-DD")
		}
	}
	if !r.From.IsZero() && !r.Until.IsZero() && !r.Until.After(r.From) {
		return r, "until", errors.New("must be after from")
	}
	if j.Modality != "" {
		if r.Modality, err = ParseModality(j.Modality); err != nil {
			return r, "modality", err
		}
	}
	if j.Setting != "" {
		if r.Setting, err = ParseSetting(j.Setting); err != nil {
			return r, "setting", err
		}
	}
	if j.Providers != nil {
		r.Providers = []ProviderKind{}
		for _, s := range j.Providers {
			k, err := ParseProviderKind(s)
			if err != nil {
				return r, "providers", err
			}
			r.Providers = append(r.Providers, k)
		}
	}
	switch {
	case j.POS == nil:
		r.POS = POSUnstated
	case *j.POS == "by-location":
		r.POS = POSByLocation
	case *j.POS == "in-person":
		r.POS = POSInPerson
	case len(*j.POS) == 2 && Default().Contains("pos", *j.POS):
		r.POS = *j.POS
	default:
		return r, "pos", errors.New(`must be "by-location", "in-person" or a place of service code`)
	}
	if j.Modifiers == nil {
		r.ModifiersUnstated = true
	} else {
		r.Modifiers = []string{}
		for _, m := range *j.Modifiers {
			m = strings.ToUpper(m)
			if len(m) != 2 {
				return r, "modifiers", fmt.Errorf("a modifier is two characters")
			}
			r.Modifiers = append(r.Modifiers, m)
		}
		if len(r.Modifiers) > 4 {
			return r, "modifiers", errors.New("at most 4 (SV101-3..6)")
		}
	}
	for _, w := range j.Warnings {
		if w.Message == "" {
			return r, "warnings", errors.New("a warning needs a message")
		}
		if w.Code == "" {
			w.Code = WarnPayerRule
		}
		r.Warnings = append(r.Warnings, w)
	}
	r.Note = j.Note
	r.Source = j.Source
	if j.URL != "" {
		r.Source = strings.TrimSpace(r.Source + " <" + j.URL + ">")
	}
	switch {
	case j.Source == "":
		return r, "source", errRequired
	case j.Checked == "":
		return r, "checked", errRequired
	case !slices.Contains([]string{"V", "S", "M", "?"}, j.Confidence):
		return r, "confidence", errors.New(`must be "V", "S", "M" or "?"`)
	}
	r.Confidence = j.Confidence
	return r, "", nil
}

// parseRulePayer reads a rule's payer: ParsePayer's forms, plus "medicaid" for every state.
func parseRulePayer(s string) (PayerKind, string, string, error) {
	if strings.EqualFold(s, "medicaid") {
		return Medicaid, "", "", nil
	}
	p, err := ParsePayer(s)
	return p.Kind, p.State, p.Name, err
}

// ErrParse is wrapped by the Parse functions' errors.
var ErrParse = errors.New("not a known value")

// ParsePayer reads a payer as the CLI and rules files spell it: "medicare", "medicaid:XX" (a
// two-letter US state or territory) or "commercial[:NAME]".
func ParsePayer(s string) (Payer, error) {
	kind, rest, _ := strings.Cut(s, ":")
	switch strings.ToLower(kind) {
	case "medicare":
		if rest == "" {
			return Payer{Kind: Medicare}, nil
		}
	case "medicaid":
		st := strings.ToUpper(rest)
		if len(st) == 2 && usState(st) {
			return Payer{Kind: Medicaid, State: st}, nil
		}
	case "commercial":
		return Payer{Kind: Commercial, Name: rest}, nil
	}
	return Payer{}, fmt.Errorf("codes: payer %w: want medicare, medicaid:XX or commercial[:NAME]", ErrParse)
}

// ParseModality reads "video", "audio" or "async".
func ParseModality(s string) (Modality, error) {
	return parseEnum(s, "modality", []Modality{AudioVideo, AudioOnly, StoreAndForward})
}

// ParseSetting reads "home" or "facility".
func ParseSetting(s string) (Setting, error) {
	return parseEnum(s, "setting", []Setting{Home, OtherSite})
}

// ParseProviderKind reads "practice", "rhc", "fqhc", "cah2", "otp" or "hospital-outpatient".
func ParseProviderKind(s string) (ProviderKind, error) {
	return parseEnum(s, "provider kind", []ProviderKind{Practice, RHC, FQHC, CAH2, OTP, HospitalOutpatient})
}

// ParsePurpose reads "medical", "mental-health", "substance-use" or "home-dialysis" ("" is
// PurposeUnstated).
func ParsePurpose(s string) (Purpose, error) {
	if s == "" {
		return PurposeUnstated, nil
	}
	return parseEnum(s, "purpose", []Purpose{PurposeMedical, PurposeMentalHealth, PurposeSubstanceUse, PurposeHomeDialysis})
}

// ParsePractitioner reads "physician", "pt", "ot", "slp" or "audiologist" ("" is
// PractitionerUnstated).
func ParsePractitioner(s string) (Practitioner, error) {
	if s == "" {
		return PractitionerUnstated, nil
	}
	return parseEnum(s, "practitioner", []Practitioner{PractitionerPhysician, PractitionerPT, PractitionerOT, PractitionerSLP, PractitionerAudiologist})
}

// ParseArea reads "rural" (meets the geographic requirement) or "urban" ("" is AreaUnstated).
func ParseArea(s string) (Area, error) {
	if s == "" {
		return AreaUnstated, nil
	}
	return parseEnum(s, "area", []Area{AreaEligible, AreaIneligible})
}

func parseEnum[T fmt.Stringer](s, what string, all []T) (T, error) {
	for _, v := range all {
		if strings.EqualFold(s, v.String()) {
			return v, nil
		}
	}
	names := make([]string, len(all))
	for i, v := range all {
		names[i] = v.String()
	}
	var zero T
	return zero, fmt.Errorf("codes: %s %w: want %s", what, ErrParse, strings.Join(names, ", "))
}

// The state Medicaid rule files x12kit ships, each rule with its source, the date it was
// checked and its confidence tag. Policy applies them unless NoBuiltinRules is set; rules a
// user registers or loads win over them.
//
//go:embed rules/*.json
var builtinFS embed.FS

// BuiltinRuleFiles lists the shipped rules files by name ("medicaid-oh.json", …).
func BuiltinRuleFiles() []string {
	entries, _ := fs.ReadDir(builtinFS, "rules")
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// BuiltinRuleFile is the text of a shipped rules file, by the name BuiltinRuleFiles gives.
func BuiltinRuleFile(name string) ([]byte, error) {
	return builtinFS.ReadFile(path.Join("rules", path.Base(name)))
}

// builtinRules are the shipped files' rules in file-name order; a malformed shipped file is a
// programming error (TestBuiltinRuleFiles loads each).
var builtinRules = sync.OnceValue(func() []PayerRule {
	var all []PayerRule
	for _, name := range BuiltinRuleFiles() {
		data, err := BuiltinRuleFile(name)
		if err != nil {
			panic(err)
		}
		rules, err := LoadRules(bytes.NewReader(data))
		if err != nil {
			panic(fmt.Sprintf("%s: %v", name, err))
		}
		all = append(all, rules...)
	}
	return all
})

// usState reports whether st is a U.S. state, district or territory code: the N402 list also
// takes Canadian provinces, which run no Medicaid program.
func usState(st string) bool {
	set, ok := Default().Set("us-state")
	if !ok {
		return false
	}
	c, ok := set.Get(st)
	return ok && c.Category != StateProvince
}
