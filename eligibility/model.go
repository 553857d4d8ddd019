package eligibility

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/x12kit/x12kit/x12"
)

// Request is one 270 transaction set: inquiries about members, each asked by a receiver
// (usually the provider) of a source (the payer). The encoder groups the inquiries under their
// source, receiver and subscriber (HL loops) itself; the decoder gives each inquiry back with
// its own copy of those parties.
type Request struct {
	Header              // BHT02 "13" request (default), "01" cancellation, "36" authority to deduct
	Inquiries []Inquiry `json:"inquiries"`
	// Findings are the guide and envelope findings of the set as the RequestDecoder read it (at
	// most x12.DefaultErrorLimit); nil for a request built in code. They are not encoded.
	Findings []*x12.Error `json:"-"`
}

// Header is what a 270 and a 271 set say about themselves (ST02, BHT).
type Header struct {
	Control     string          `json:"control,omitempty"`      // ST02 as read; empty: the envelope writer's number
	Version     string          `json:"version,omitempty"`      // ST03 as read (e.g. "005010X279"); empty: Version, or none with NoVersion
	NoVersion   bool            `json:"no_version,omitempty"`   // the set had no ST03 (its guide named by GS08): written without one
	Purpose     string          `json:"purpose"`                // BHT02
	Reference   string          `json:"reference"`              // BHT03: the inquirer's reference (a 271 echoes it)
	Created     time.Time       `json:"created"`                // BHT04/BHT05
	ClockDigits int             `json:"clock_digits,omitempty"` // BHT05 written with seconds (6) or hundredths (8)
	Extra       x12.RawSegments `json:"extra,omitempty"`        // set-level segments without a field here
	// Unparsed keeps BHT04 ("Created") and BHT05 ("ClockDigits") as read when they are not a
	// date and time (Created is then zero); the encoder writes them back.
	Unparsed x12.Unparsed `json:"unparsed,omitempty"`
}

// Response is one 271 transaction set: the answers to a 270, one per member asked about.
type Response struct {
	Header           // BHT02 "11" response (default), "06" confirmation
	Answers []Answer `json:"answers"`
	// Findings are the guide and envelope findings of the set as the ResponseDecoder read it (at
	// most x12.DefaultErrorLimit); nil for a response built in code. They are not encoded.
	Findings []*x12.Error `json:"-"`
}

// Inquiry is what a 270 asks about one member: the subscriber (2000C) or, when Dependent is
// set, a dependent of that subscriber (2000D); Questions are the EQ loops of that level.
type Inquiry struct {
	Source     Party      `json:"source"`              // 2000A/2100A: the payer asked
	Receiver   Party      `json:"receiver"`            // 2000B/2100B: who asks (the provider)
	Subscriber Member     `json:"subscriber"`          // 2000C/2100C
	Dependent  *Member    `json:"dependent,omitempty"` // 2000D/2100D: the patient, when not the subscriber
	Questions  []Question `json:"questions,omitempty"` // 2110C/2110D: EQ
	// HL is the hierarchy it was read under: the HL01s of its source, receiver, subscriber
	// and dependent levels (as many as it has), as received; nil when built in code. When
	// every inquiry of a set has one, the encoder writes the HL levels as they were received
	// (under their HL01s, a level repeated for the same party kept apart); else it groups
	// by the parties' values.
	HL []string `json:"hl,omitempty"`
}

// Answer is what a 271 says about one member: the subscriber or, when Dependent is set, a
// dependent; Benefits are the EB loops of that level. An answer whose Subscriber has no
// Entity is a rejection at the provider's level (Receiver.Errors), one whose Receiver has no
// Entity at the payer's level (Source.Errors).
type Answer struct {
	Source     Party     `json:"source"`              // 2000A/2100A: the payer answering, with its AAA rejections
	Receiver   Party     `json:"receiver"`            // 2000B/2100B
	Subscriber Member    `json:"subscriber"`          // 2000C/2100C, as the payer returns it
	Dependent  *Member   `json:"dependent,omitempty"` // 2000D/2100D
	Benefits   []Benefit `json:"benefits,omitempty"`  // 2110C/2110D: EB
	// HL is the hierarchy it was read under: the HL01s of its source, receiver, subscriber
	// and dependent levels (as many as it has), as received; nil when built in code. When
	// every answer of a set has one, the encoder writes the HL levels as they were received
	// (under their HL01s, a level repeated for the same party kept apart); else it groups
	// by the parties' values.
	HL []string `json:"hl,omitempty"`
}

// Patient returns the member the inquiry is about: the dependent when there is one.
func (q *Inquiry) Patient() *Member {
	if q.Dependent != nil {
		return q.Dependent
	}
	return &q.Subscriber
}

// Patient returns the member the answer is about: the dependent when there is one.
func (a *Answer) Patient() *Member {
	if a.Dependent != nil {
		return a.Dependent
	}
	return &a.Subscriber
}

// Party is the source (payer) or receiver (provider) of an inquiry: its NM1, and for the
// receiver its REF, address and PRV; AAA rejections the payer sent at its level.
type Party struct {
	Entity      string          `json:"entity"`                 // NM101: PR payer, 1P provider…
	Person      bool            `json:"person,omitempty"`       // NM102 = 1 (else 2, an organization)
	Name        string          `json:"name"`                   // NM103: last name or organization
	First       string          `json:"first,omitempty"`        // NM104
	Middle      string          `json:"middle,omitempty"`       // NM105
	Suffix      string          `json:"suffix,omitempty"`       // NM107
	IDQualifier string          `json:"id_qualifier,omitempty"` // NM108: PI payer id, XX NPI…
	ID          string          `json:"id,omitempty"`           // NM109
	Refs        []x12.Ref       `json:"refs,omitempty"`         // REF
	Address     *x12.Address    `json:"address,omitempty"`      // N3/N4
	Errors      []Reject        `json:"errors,omitempty"`       // AAA at this party's levels (2000A, 2100A, 2100B)
	Extra       x12.RawSegments `json:"extra,omitempty"`        // PER, PRV and others without a field here
	Unparsed    x12.Unparsed    `json:"unparsed,omitempty"`     // NM102 other than 1 or 2 ("Person"), written back
}

// Member is a subscriber or dependent (2000C/2100C, 2000D/2100D): patient data, which
// String, Format and LogValue keep out of logs.
type Member struct {
	Traces       []x12.Trace     `json:"traces,omitempty"`       // TRN at the member's HL level
	Entity       string          `json:"entity"`                 // NM101: IL subscriber, 03 dependent
	Last         string          `json:"last,omitempty"`         // NM103
	First        string          `json:"first,omitempty"`        // NM104
	Middle       string          `json:"middle,omitempty"`       // NM105
	Suffix       string          `json:"suffix,omitempty"`       // NM107
	IDQualifier  string          `json:"id_qualifier,omitempty"` // NM108: MI member id
	ID           string          `json:"id,omitempty"`           // NM109
	Refs         []x12.Ref       `json:"refs,omitempty"`         // REF: group number 6P, …
	Address      *x12.Address    `json:"address,omitempty"`      // N3/N4
	Errors       []Reject        `json:"errors,omitempty"`       // AAA (271): why the payer could not answer for this member
	BirthDate    x12.Date        `json:"birth_date,omitzero"`    // DMG02
	Gender       string          `json:"gender,omitempty"`       // DMG03
	Relationship string          `json:"relationship,omitempty"` // INS02: 18 self, 19 child, 01 spouse…
	Dates        []DateRange     `json:"dates,omitempty"`        // DTP: 291 plan, 346 plan begin, 307 eligibility…
	Extra        x12.RawSegments `json:"extra,omitempty"`        // PRV, HI, MPI, INS beyond INS02, …
	NameType     string          `json:"name_type,omitempty"`    // NM102 when not 1 (a person)
}

// Reject is an AAA: the request could not be answered (Valid "N") for Reason (AAA03: 72
// invalid member id, 75 subscriber not found, 71 birth date mismatch, 42 unable to respond…),
// with what to do (AAA04: C correct and resubmit, R resubmit, N do not resubmit…).
type Reject struct {
	Loop     string `json:"loop"`                // where it was sent: 2000A, 2100A, 2100B, 2100C, 2110C…
	Valid    string `json:"valid"`               // AAA01
	Reason   string `json:"reason"`              // AAA03
	FollowUp string `json:"follow_up,omitempty"` // AAA04
}

// DateRange is a DTP: qualifier and a date or a range (RD8).
type DateRange struct {
	Qualifier string   `json:"qualifier"`
	From      x12.Date `json:"from"`
	To        x12.Date `json:"to,omitzero"` // the end of an RD8 range
}

// Question is one EQ loop of a 270: service types asked about (or a procedure), with the
// places of service of interest (III, e.g. ZZ 02 telehealth).
type Question struct {
	ServiceTypes []string        `json:"service_types,omitempty"` // EQ01 (repeating)
	Procedure    []string        `json:"procedure,omitempty"`     // EQ02 composite: qualifier, code, modifiers…
	Coverage     string          `json:"coverage,omitempty"`      // EQ03
	Places       []Place         `json:"places,omitempty"`        // III
	Dates        []DateRange     `json:"dates,omitempty"`         // DTP*291
	Rest         []string        `json:"rest,omitempty"`          // EQ04… as read
	Extra        x12.RawSegments `json:"extra,omitempty"`         // AMT, REF…
}

// Place is an III: qualifier (ZZ: place of service) and code (02 telehealth other than home,
// 10 telehealth in the patient's home…).
type Place struct {
	Qualifier string `json:"qualifier"`
	Code      string `json:"code"`
}

// Benefit is one EB loop of a 271: what is covered, how, and what the member pays.
type Benefit struct {
	Info              string          `json:"info"`                         // EB01: 1 active, 6 inactive, A coinsurance, B copay, C deductible, G out of pocket, I non-covered…
	Coverage          string          `json:"coverage,omitempty"`           // EB02: IND, FAM, EMP…
	ServiceTypes      []string        `json:"service_types,omitempty"`      // EB03 (repeating)
	InsuranceType     string          `json:"insurance_type,omitempty"`     // EB04
	Plan              string          `json:"plan,omitempty"`               // EB05 plan coverage description
	Period            string          `json:"period,omitempty"`             // EB06: 27 visit, 23 calendar year, 29 remaining…
	Amount            *x12.Amount     `json:"amount,omitempty"`             // EB07
	Percent           string          `json:"percent,omitempty"`            // EB08, a fraction: .2 is 20 %
	QuantityQualifier string          `json:"quantity_qualifier,omitempty"` // EB09
	Quantity          string          `json:"quantity,omitempty"`           // EB10
	Authorization     string          `json:"authorization,omitempty"`      // EB11: Y, N, U
	InNetwork         string          `json:"in_network,omitempty"`         // EB12: Y in plan network, N out, W not applicable
	Procedure         []string        `json:"procedure,omitempty"`          // EB13 composite
	Diagnoses         string          `json:"diagnosis_pointers,omitempty"` // EB14 as read
	Dates             []DateRange     `json:"dates,omitempty"`              // DTP
	Errors            []Reject        `json:"errors,omitempty"`             // AAA
	Messages          []string        `json:"messages,omitempty"`           // MSG01
	Places            []Place         `json:"places,omitempty"`             // 2115 III
	Entities          []Entity        `json:"entities,omitempty"`           // 2120 between LS and LE
	Rest              []string        `json:"rest,omitempty"`               // EB15… as read
	Extra             x12.RawSegments `json:"extra,omitempty"`              // HSD, REF, …
	Unparsed          x12.Unparsed    `json:"unparsed,omitempty"`           // EB07 that is not an amount ("Amount"; Amount nil), written back
}

// Entity is a 2120 related entity of a benefit: a primary care provider, another payer…
type Entity struct {
	Entity      string          `json:"entity"`                 // NM101: P3 primary care provider, PR payer…
	Person      bool            `json:"person,omitempty"`       // NM102 = 1
	Name        string          `json:"name,omitempty"`         // NM103
	First       string          `json:"first,omitempty"`        // NM104
	IDQualifier string          `json:"id_qualifier,omitempty"` // NM108
	ID          string          `json:"id,omitempty"`           // NM109
	Middle      string          `json:"middle,omitempty"`       // NM105
	Suffix      string          `json:"suffix,omitempty"`       // NM107
	Relation    string          `json:"relation,omitempty"`     // NM110 entity relationship code
	Extra       x12.RawSegments `json:"extra,omitempty"`        // N3, N4, PER, PRV
	Unparsed    x12.Unparsed    `json:"unparsed,omitempty"`     // NM102 other than 1 or 2 ("Person"), written back
}

// String never prints names, identifiers or birth dates.
func (m Member) String() string { return "member (redacted)" }

// Format implements fmt.Formatter with String's redaction.
func (m Member) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(m.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (m Member) LogValue() slog.Value { return slog.StringValue(m.String()) }

// String describes the inquiry without patient data.
func (q Inquiry) String() string {
	return fmt.Sprintf("270 inquiry (%d questions, dependent %t)", len(q.Questions), q.Dependent != nil)
}

// Format implements fmt.Formatter: only String is printed.
func (q Inquiry) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(q.String())) }

// LogValue implements slog.LogValuer: only String is logged.
func (q Inquiry) LogValue() slog.Value { return slog.StringValue(q.String()) }

// String describes the answer without patient data.
func (a Answer) String() string {
	return fmt.Sprintf("271 answer (%d benefits, dependent %t)", len(a.Benefits), a.Dependent != nil)
}

// Format implements fmt.Formatter: only String is printed.
func (a Answer) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// LogValue implements slog.LogValuer: only String is logged.
func (a Answer) LogValue() slog.Value { return slog.StringValue(a.String()) }

// String describes the request without patient data.
func (r Request) String() string { return fmt.Sprintf("270 request (%d inquiries)", len(r.Inquiries)) }

// Format implements fmt.Formatter: only String is printed.
func (r Request) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer: only String is logged.
func (r Request) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the response without patient data.
func (r Response) String() string { return fmt.Sprintf("271 response (%d answers)", len(r.Answers)) }

// Format implements fmt.Formatter: only String is printed.
func (r Response) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer: only String is logged.
func (r Response) LogValue() slog.Value { return slog.StringValue(r.String()) }
