package simulate

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/x12"
)

// Plans describes a simulated payer for Respond: its plans, its members, which providers may
// ask, and whether it can answer at all. It reads from JSON (see SamplePlans).
type Plans struct {
	Payer       PayerInfo    `json:"payer"`
	Unavailable bool         `json:"unavailable,omitempty"` // answer every inquiry with AAA 42 (unable to respond now)
	Providers   []string     `json:"providers,omitempty"`   // NPIs allowed to ask; empty: any (else AAA 50)
	Plans       []Plan       `json:"plans"`
	Members     []PlanMember `json:"members"`
}

// PayerInfo is the payer's name and id (2100A).
type PayerInfo struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// Plan is a benefit plan: copays by service type, cost sharing and telehealth coverage.
type Plan struct {
	ID              string                `json:"id"`
	Name            string                `json:"name"`                       // EB05
	InsuranceType   string                `json:"insurance_type,omitempty"`   // EB04: PR PPO, HM HMO, MB Medicare Part B…
	Copays          map[string]x12.Amount `json:"copays,omitempty"`           // per visit, by service type
	Coinsurance     string                `json:"coinsurance,omitempty"`      // a fraction, e.g. "0.2"
	Deductible      *x12.Amount           `json:"deductible,omitempty"`       // per calendar year
	DeductibleMet   *x12.Amount           `json:"deductible_met,omitempty"`   // so far this year
	Telehealth      bool                  `json:"telehealth"`                 // telehealth visits (POS 02, 10) covered
	TelehealthCopay *x12.Amount           `json:"telehealth_copay,omitempty"` // nil: the ordinary copay
	Authorization   []string              `json:"authorization,omitempty"`    // service types that need prior authorization
	Begin           x12.Date              `json:"begin,omitzero"`             // plan begin (DTP*346)
}

// PlanMember is a subscriber with their plan and dependents.
type PlanMember struct {
	ID         string          `json:"id"`
	Last       string          `json:"last"`
	First      string          `json:"first"`
	BirthDate  x12.Date        `json:"birth_date"`
	Gender     string          `json:"gender"`
	Plan       string          `json:"plan"`
	Group      string          `json:"group,omitempty"`
	Active     bool            `json:"active"`
	Dependents []PlanDependent `json:"dependents,omitempty"`
	Address    *x12.Address    `json:"address,omitempty"`
}

// PlanDependent is a dependent on a member's plan.
type PlanDependent struct {
	Last         string   `json:"last"`
	First        string   `json:"first"`
	BirthDate    x12.Date `json:"birth_date"`
	Gender       string   `json:"gender"`
	Relationship string   `json:"relationship"` // INS02: 19 child, 01 spouse…
}

// String keeps member data out of logs.
func (m PlanMember) String() string { return "plan member (redacted)" }

// Format implements fmt.Formatter with String's redaction.
func (m PlanMember) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(m.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (m PlanMember) LogValue() slog.Value { return slog.StringValue(m.String()) }

// String keeps dependent data out of logs.
func (d PlanDependent) String() string { return "plan dependent (redacted)" }

// Format implements fmt.Formatter with String's redaction.
func (d PlanDependent) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(d.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (d PlanDependent) LogValue() slog.Value { return slog.StringValue(d.String()) }

// String describes the plans file by its counts (it lists members).
func (p Plans) String() string {
	return fmt.Sprintf("plans (%d plans, %d members)", len(p.Plans), len(p.Members))
}

// Format implements fmt.Formatter: only String is printed.
func (p Plans) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer: only String is logged.
func (p Plans) LogValue() slog.Value { return slog.StringValue(p.String()) }

//go:embed sample_plans.json
var samplePlans []byte

// SamplePlans returns the plans file x12kit ships for demos and `x12kit gen 271`: a PPO with
// telehealth, an HMO without, active and inactive members, dependents.
func SamplePlans() *Plans {
	p, err := ParsePlans(samplePlans)
	if err != nil {
		panic("simulate: the sample plans do not parse: " + err.Error())
	}
	return p
}

// ErrPlans is wrapped by every error of ParsePlans, which names positions (a byte offset,
// a member's or plan's index, a JSON field) and never the values found there.
var ErrPlans = errors.New("simulate: the plans file is not valid")

// ParsePlans reads a plans description from JSON and checks it: every member's plan exists,
// member ids are unique, coinsurance is a fraction ("0.2").
func ParsePlans(data []byte) (*Plans, error) {
	var p Plans
	if err := json.Unmarshal(data, &p); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			return nil, fmt.Errorf("%w: JSON syntax error at byte %d", ErrPlans, syntax.Offset)
		case errors.As(err, &typ):
			return nil, fmt.Errorf("%w: field %s wants a JSON %s (byte %d)", ErrPlans, typ.Field, typ.Type, typ.Offset)
		}
		return nil, fmt.Errorf("%w: %w", ErrPlans, err)
	}
	for i := range p.Plans {
		if _, ok := eligibility.Fraction(p.Plans[i].Coinsurance); p.Plans[i].Coinsurance != "" && !ok {
			return nil, fmt.Errorf("%w: plan %d: coinsurance is not a fraction such as 0.2", ErrPlans, i)
		}
	}
	seen := make(map[string]bool, len(p.Members))
	for i, m := range p.Members {
		if p.plan(m.Plan) == nil {
			return nil, fmt.Errorf("%w: member %d names no plan of the file", ErrPlans, i)
		}
		if seen[m.ID] {
			return nil, fmt.Errorf("%w: member %d repeats an earlier member's id", ErrPlans, i)
		}
		seen[m.ID] = true
	}
	return &p, nil
}

func (p *Plans) plan(id string) *Plan {
	for i := range p.Plans {
		if p.Plans[i].ID == id {
			return &p.Plans[i]
		}
	}
	return nil
}

// index maps member ids to members, so a batch of thousands of inquiries is answered in
// time linear in its size.
func (p *Plans) index() map[string]*PlanMember {
	out := make(map[string]*PlanMember, len(p.Members))
	for i := range p.Members {
		if _, dup := out[p.Members[i].ID]; !dup {
			out[p.Members[i].ID] = &p.Members[i]
		}
	}
	return out
}

// validMemberID is the shape the simulated payer issues: 2–20 letters and digits.
func validMemberID(id string) bool {
	if len(id) < 2 || len(id) > 20 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// Respond answers a 270 as the payer would: a 271 with, per inquiry, the member as the
// payer has them and their benefits for the service types asked (for 30, also the plan-level
// types a 271 answers a generic inquiry with when the plan covers them: 1, 33, 35, 47, 86, 88,
// 98, AL, MH, UC), or the AAA rejections a real payer sends — 42 unable to respond, 43 invalid
// or missing provider id, 50 provider not eligible for inquiries, 72 invalid member id, 75
// subscriber not found, 71 birth date mismatch, 67 dependent not found. Traces are echoed (TRN01 2). now dates the response.
// Respond does not change p and is safe for concurrent use.
func (p *Plans) Respond(req *eligibility.Request, now time.Time) *eligibility.Response {
	resp := &eligibility.Response{Header: eligibility.Header{Purpose: "11", Reference: req.Reference, Created: now.Truncate(time.Minute)}, Answers: []eligibility.Answer{}}
	source := eligibility.Party{Entity: "PR", Name: p.Payer.Name, IDQualifier: "PI", ID: p.Payer.ID}
	members := p.index()
	for i := range req.Inquiries {
		resp.Answers = append(resp.Answers, p.answer(&req.Inquiries[i], source, members))
	}
	return resp
}

func echo(traces []x12.Trace) []x12.Trace {
	out := make([]x12.Trace, 0, len(traces))
	for _, t := range traces {
		if t.Type == "1" {
			out = append(out, x12.Trace{Type: "2", Number: t.Number, Originator: t.Originator, Supplement: t.Supplement})
		}
	}
	return out
}

// reject is one AAA: the request was valid (AAA01 Y) but cannot be answered for reason.
func reject(loop, reason, followUp string) []eligibility.Reject {
	return []eligibility.Reject{{Loop: loop, Valid: "Y", Reason: reason, FollowUp: followUp}}
}

// knownProvider reports whether the receiver names itself with an identifier the payer can
// check: any id, and for an NPI (NM108 XX) one with a valid check digit.
func knownProvider(r *eligibility.Party) bool {
	return r.ID != "" && (r.IDQualifier != "XX" || codes.CheckNPI(r.ID) == nil)
}

// asked returns a copy of the member as the inquiry named them, traces echoed.
func asked(m *eligibility.Member, entity string) eligibility.Member {
	return eligibility.Member{Traces: echo(m.Traces), Entity: entity, Last: m.Last, First: m.First, IDQualifier: m.IDQualifier, ID: m.ID}
}

func (p *Plans) answer(q *eligibility.Inquiry, source eligibility.Party, members map[string]*PlanMember) eligibility.Answer {
	src := source
	if p.Unavailable {
		src.Errors = reject("2000A", "42", "R")
		return eligibility.Answer{Source: src}
	}
	rcv := eligibility.Party{Entity: q.Receiver.Entity, Person: q.Receiver.Person, Name: q.Receiver.Name, First: q.Receiver.First,
		IDQualifier: q.Receiver.IDQualifier, ID: q.Receiver.ID}
	if !knownProvider(&q.Receiver) {
		rcv.Errors = []eligibility.Reject{{Loop: "2100B", Valid: "N", Reason: "43", FollowUp: "C"}}
		return eligibility.Answer{Source: src, Receiver: rcv}
	}
	if len(p.Providers) > 0 && !(q.Receiver.IDQualifier == "XX" && slices.Contains(p.Providers, q.Receiver.ID)) {
		rcv.Errors = reject("2100B", "50", "N")
		return eligibility.Answer{Source: src, Receiver: rcv}
	}
	a := eligibility.Answer{Source: src, Receiver: rcv}
	sub := asked(&q.Subscriber, "IL") // traces echoed, so a dependent's answer sits under the same subscriber level
	switch m := members[q.Subscriber.ID]; {
	case !validMemberID(q.Subscriber.ID):
		sub.Errors = reject("2100C", "72", "C")
	case m == nil:
		sub.Errors = reject("2100C", "75", "C")
	case !q.Subscriber.BirthDate.IsZero() && q.Subscriber.BirthDate != m.BirthDate:
		sub.Errors = reject("2100C", "71", "C")
	default:
		sub = eligibility.Member{Traces: sub.Traces, Entity: "IL", Last: m.Last, First: m.First, IDQualifier: "MI", ID: m.ID,
			Address: m.Address, BirthDate: m.BirthDate, Gender: m.Gender}
		if m.Group != "" {
			sub.Refs = []x12.Ref{{Qualifier: "6P", Value: m.Group}}
		}
		plan := p.plan(m.Plan)
		if !plan.Begin.IsZero() {
			sub.Dates = []eligibility.DateRange{{Qualifier: "346", From: plan.Begin}}
		}
		if q.Dependent == nil {
			a.Subscriber, a.Benefits = sub, benefits(plan, m.Active, "IND", q.Questions)
			return a
		}
		a.Subscriber = sub
		dep := asked(q.Dependent, "03")
		for _, d := range m.Dependents {
			if strings.EqualFold(d.First, q.Dependent.First) && (q.Dependent.BirthDate.IsZero() || d.BirthDate == q.Dependent.BirthDate) {
				dep = eligibility.Member{Traces: dep.Traces, Entity: "03", Last: d.Last, First: d.First, BirthDate: d.BirthDate,
					Gender: d.Gender, Relationship: d.Relationship}
				a.Dependent, a.Benefits = &dep, benefits(plan, m.Active, "DEP", q.Questions)
				return a
			}
		}
		dep.Errors = reject("2100D", "67", "C")
		a.Dependent = &dep
		return a
	}
	if q.Dependent != nil {
		// The subscriber level carries the rejection; the dependent is echoed as asked.
		dep := asked(q.Dependent, "03")
		a.Dependent = &dep
	}
	a.Subscriber = sub
	return a
}

// planLevelTypes are the service types a 271 answers a generic (30) inquiry with when the
// plan covers them.
var planLevelTypes = []string{"1", "33", "35", "47", "86", "88", "98", "AL", "MH", "UC"}

// benefits lists a plan's benefits for the service types asked (30 when none).
func benefits(plan *Plan, active bool, level string, questions []eligibility.Question) []eligibility.Benefit {
	if !active {
		return []eligibility.Benefit{{Info: "6", Coverage: level, ServiceTypes: []string{"30"}}}
	}
	var types []string
	for _, q := range questions {
		for _, st := range q.ServiceTypes {
			if !slices.Contains(types, st) {
				types = append(types, st)
			}
		}
	}
	if len(types) == 0 {
		types = []string{"30"}
	}
	out := []eligibility.Benefit{{Info: "1", Coverage: level, ServiceTypes: []string{"30"}, InsuranceType: plan.InsuranceType, Plan: plan.Name}}
	if slices.Contains(types, "30") {
		// A generic inquiry is also answered for the plan-level service types, with the
		// cost shares the plan has for them.
		out = append(out, eligibility.Benefit{Info: "1", Coverage: level, ServiceTypes: slices.Clone(planLevelTypes), InsuranceType: plan.InsuranceType, Plan: plan.Name})
		for _, st := range planLevelTypes {
			if _, ok := plan.Copays[st]; ok && !slices.Contains(types, st) {
				types = append(types, st)
			}
		}
	}
	telehealth := []eligibility.Place{{Qualifier: "ZZ", Code: "02"}, {Qualifier: "ZZ", Code: "10"}}
	for _, st := range types {
		auth := ""
		if slices.Contains(plan.Authorization, st) {
			auth = "Y"
		}
		if copay, ok := plan.Copays[st]; ok {
			c := copay
			out = append(out, eligibility.Benefit{Info: "B", Coverage: level, ServiceTypes: []string{st}, InsuranceType: plan.InsuranceType,
				Period: "27", Amount: &c, Authorization: auth, InNetwork: "Y"})
			if plan.Telehealth {
				tc := c
				if plan.TelehealthCopay != nil {
					tc = *plan.TelehealthCopay
				}
				out = append(out, eligibility.Benefit{Info: "B", Coverage: level, ServiceTypes: []string{st}, InsuranceType: plan.InsuranceType,
					Period: "27", Amount: &tc, Authorization: auth, InNetwork: "Y",
					Messages: []string{"TELEHEALTH VISIT"}, Places: telehealth})
			}
		}
		if !plan.Telehealth {
			out = append(out, eligibility.Benefit{Info: "I", Coverage: level, ServiceTypes: []string{st},
				Messages: []string{"TELEHEALTH NOT COVERED"}, Places: telehealth})
		}
		if plan.Coinsurance != "" {
			out = append(out, eligibility.Benefit{Info: "A", Coverage: level, ServiceTypes: []string{st}, InsuranceType: plan.InsuranceType,
				Period: "27", Percent: plan.Coinsurance, Authorization: auth, InNetwork: "Y"})
		}
	}
	if d := plan.Deductible; d != nil {
		total := *d
		out = append(out, eligibility.Benefit{Info: "C", Coverage: level, ServiceTypes: []string{"30"}, InsuranceType: plan.InsuranceType,
			Period: "23", Amount: &total, InNetwork: "Y"})
		if met := plan.DeductibleMet; met != nil {
			left := max(total-*met, 0)
			out = append(out, eligibility.Benefit{Info: "C", Coverage: level, ServiceTypes: []string{"30"}, InsuranceType: plan.InsuranceType,
				Period: "29", Amount: &left, InNetwork: "Y"})
		}
	}
	return out
}
