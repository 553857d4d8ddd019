package claim837

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/x12kit/x12kit/x12"
)

// Batch is one 837P transaction set: who sends it to whom, and its claims. The encoder groups
// claims built in code under their billing provider and subscriber (HL loops) itself, and
// writes claims it read under the HL loops they came from (Claim.HL); the decoder gives each
// claim back with its own copy of those parties.
type Batch struct {
	Submitter Submitter `json:"submitter"` // 1000A
	Receiver  Receiver  `json:"receiver"`  // 1000B
	Reference string    `json:"reference"` // BHT03: the submitter's batch reference
	Created   time.Time `json:"created"`   // BHT04/BHT05; zero: the envelope writer's clock (EnvelopeWriter.Clock), as the ISA's
	// ClockDigits is how BHT05 was written when it had seconds (6) or hundredths (8) that
	// are zero; 0 lets the encoder write the shortest form that keeps Created.
	ClockDigits int    `json:"clock_digits,omitempty"`
	Purpose     string `json:"purpose"`           // BHT02: "00" original (default), "18" reissue
	Type        string `json:"type"`              // BHT06: "CH" chargeable (default), "RP" reporting (encounters)
	Control     string `json:"control,omitempty"` // ST02 as read; empty: the envelope writer's number
	// Version is ST03 as read (e.g. "005010X222A2"), written back as it was; empty: Version,
	// or no ST03 at all with NoVersion (a set read without one, its guide named by GS08).
	Version   string `json:"version,omitempty"`
	NoVersion bool   `json:"no_version,omitempty"`
	// Unparsed keeps BHT04 and BHT05 as read when they are not a date and time (Created then
	// stays zero); the encoder writes them back.
	Unparsed x12.Unparsed `json:"unparsed,omitempty"`
	Claims   []Claim      `json:"claims"`
}

// Submitter is loop 1000A.
type Submitter struct {
	Name    string      `json:"name"`    // NM103 (organization)
	ID      string      `json:"id"`      // NM109 with NM108 = 46
	Contact x12.Contact `json:"contact"` // PER*IC
}

// Receiver is loop 1000B.
type Receiver struct {
	Name string `json:"name"` // NM103
	ID   string `json:"id"`   // NM109 with NM108 = 46
}

// Provider is a billing, rendering, referring or supervising provider (NM1 + PRV + REF).
type Provider struct {
	Person       bool         `json:"person,omitempty"`        // NM102 = 1 (else 2, an organization)
	Name         string       `json:"name"`                    // NM103: last or organization name
	First        string       `json:"first,omitempty"`         // NM104
	Middle       string       `json:"middle,omitempty"`        // NM105
	Suffix       string       `json:"suffix,omitempty"`        // NM107
	NPI          string       `json:"npi,omitempty"`           // NM109 with NM108 = XX
	Taxonomy     string       `json:"taxonomy,omitempty"`      // PRV03 (PXC)
	EIN          string       `json:"ein,omitempty"`           // REF*EI (billing provider)
	SSN          string       `json:"ssn,omitempty"`           // REF*SY (billing provider without EIN)
	Address      *x12.Address `json:"address,omitempty"`       // N3/N4 (billing provider, service facility)
	Contact      *x12.Contact `json:"contact,omitempty"`       // PER*IC
	SecondaryIDs []x12.Ref    `json:"secondary_ids,omitempty"` // other REF segments (qualifier, value)
}

// Person is a subscriber or patient: patient data, which String, Format and LogValue keep out
// of logs.
type Person struct {
	Last      string       `json:"last"`                 // NM103
	First     string       `json:"first,omitempty"`      // NM104
	Middle    string       `json:"middle,omitempty"`     // NM105
	Suffix    string       `json:"suffix,omitempty"`     // NM107
	MemberID  string       `json:"member_id,omitempty"`  // NM109 with NM108 = MI (subscriber)
	BirthDate x12.Date     `json:"birth_date,omitempty"` // DMG02
	Gender    string       `json:"gender,omitempty"`     // DMG03: F, M or U
	Address   *x12.Address `json:"address,omitempty"`    // N3/N4
}

// Subscriber is loops 2000B/2010BA: the insured person and their coverage.
type Subscriber struct {
	Person
	Responsibility  string `json:"responsibility"`             // SBR01: P primary (default), S, T…
	Relationship    string `json:"relationship,omitempty"`     // SBR02: "18" when the subscriber is the patient
	GroupNumber     string `json:"group_number,omitempty"`     // SBR03
	GroupName       string `json:"group_name,omitempty"`       // SBR04
	InsuranceType   string `json:"insurance_type,omitempty"`   // SBR05: Medicare secondary payer type (12, 13, 14…)
	FilingIndicator string `json:"filing_indicator,omitempty"` // SBR09: CI commercial, MB Medicare Part B, MC Medicaid…
}

// Patient is loops 2000C/2010CA, present only when the patient is not the subscriber.
type Patient struct {
	Person
	Relationship string `json:"relationship"` // PAT01: 01 spouse, 19 child, 20 employee, 21 unknown, G8 other
}

// Payer is loop 2010BB.
type Payer struct {
	Name        string       `json:"name"`                   // NM103
	ID          string       `json:"id"`                     // NM109
	IDQualifier string       `json:"id_qualifier,omitempty"` // NM108: PI payer id (default), XV CMS plan id
	Address     *x12.Address `json:"address,omitempty"`      // N3/N4
}

// Diagnosis is one HI code: ABK (principal) or ABF (other) for ICD-10-CM, BK/BF for ICD-9.
type Diagnosis struct {
	Qualifier string `json:"qualifier"` // HI0n-1
	Code      string `json:"code"`      // HI0n-2, without the dot
}

// Note is an NTE.
type Note struct {
	Type string `json:"type"` // NTE01, e.g. ADD
	Text string `json:"text"` // NTE02
}

// Facility is loop 2310C, the service facility location.
type Facility struct {
	Name    string      `json:"name"`          // NM103
	NPI     string      `json:"npi,omitempty"` // NM109 with NM108 = XX
	Address x12.Address `json:"address"`       // N3/N4
}

// Claim is one CLM (loop 2300) with everything needed to bill it: its parties, its codes and
// its service lines. Anything the guide allows but this model has no field for is kept in
// Extra, so decoding and encoding lose nothing.
type Claim struct {
	BillingProvider Provider     `json:"billing_provider"`  // 2000A/2010AA
	PayTo           *x12.Address `json:"pay_to,omitempty"`  // 2010AB
	Subscriber      Subscriber   `json:"subscriber"`        // 2000B/2010BA
	Payer           Payer        `json:"payer"`             // 2010BB
	Patient         *Patient     `json:"patient,omitempty"` // 2000C/2010CA, nil when the subscriber is the patient

	PatientControlNumber string          `json:"patient_control_number"`        // CLM01
	Charge               x12.Amount      `json:"charge"`                        // CLM02; zero means "sum of the lines"
	PlaceOfService       string          `json:"place_of_service"`              // CLM05-1
	Frequency            string          `json:"frequency"`                     // CLM05-3: 1 original (default), 7 replacement, 8 void
	ProviderSignature    bool            `json:"provider_signature"`            // CLM06
	Assignment           string          `json:"assignment"`                    // CLM07: A (default), B, C
	BenefitsAssigned     string          `json:"benefits_assigned"`             // CLM08: Y (default), N, W
	PatientSignature     string          `json:"patient_signature,omitempty"`   // CLM10: P when the patient signature is on file with the provider
	ReleaseOfInformation string          `json:"release_of_information"`        // CLM09: Y (default), I
	OriginalReference    string          `json:"original_reference,omitempty"`  // REF*F8, required for frequency 7 and 8
	PriorAuthorization   string          `json:"prior_authorization,omitempty"` // REF*G1
	Referral             string          `json:"referral,omitempty"`            // REF*9F
	OnsetDate            x12.Date        `json:"onset_date,omitempty"`          // DTP*431
	Diagnoses            []Diagnosis     `json:"diagnoses"`                     // HI: principal first, at most 12
	Notes                []Note          `json:"notes,omitempty"`               // NTE
	Referring            *Provider       `json:"referring,omitempty"`           // 2310A
	Rendering            *Provider       `json:"rendering,omitempty"`           // 2310B
	ServiceFacility      *Facility       `json:"service_facility,omitempty"`    // 2310C
	Supervising          *Provider       `json:"supervising,omitempty"`         // 2310D
	Lines                []Line          `json:"lines"`                         // 2400, at most 50
	Extra                x12.RawSegments `json:"extra,omitempty"`               // other 2300-level segments and loops (COB 2320/2330…), in order
	// Unparsed keeps the text of claim elements that did not parse into their fields (a CLM02
	// that is not an amount leaves Charge zero and its text here); the encoder writes it back.
	Unparsed x12.Unparsed `json:"unparsed,omitempty"`
	// HL is the hierarchy the claim was read under: the HL01s of its billing provider (2000A),
	// subscriber (2000B) and, when it is under one, patient (2000C) loops, as received; nil
	// for a claim built in code. When every claim of a batch has one, the encoder writes the
	// HL loops as they were received (claims of one loop together, under its HL01, even when
	// several loops hold the same party); else it groups claims by their parties' values.
	HL []string `json:"hl,omitempty"`
	// Findings are the guide findings of the claim's segments (and of the segments before it
	// that no earlier claim took), as the Decoder read them; nil for a claim built in code.
	Findings []*x12.Error `json:"-"`

	coded *codedBy // the policy and visit ApplyTelehealth coded the claim with
}

// Line is one service line (loop 2400).
type Line struct {
	Procedure         string          `json:"procedure"`                  // SV101-2: CPT/HCPCS
	Qualifier         string          `json:"qualifier,omitempty"`        // SV101-1: HC (default)
	Modifiers         []string        `json:"modifiers,omitempty"`        // SV101-3..6, at most 4
	Charge            x12.Amount      `json:"charge"`                     // SV102
	Unit              string          `json:"unit,omitempty"`             // SV103: UN units (default), MJ minutes
	Quantity          string          `json:"quantity"`                   // SV104, a decimal ("1", "1.5")
	PlaceOfService    string          `json:"place_of_service,omitempty"` // SV105, only when it differs from the claim's
	RepeatPOS         bool            `json:"repeat_pos,omitempty"`       // SV105 was sent equal to CLM05-1: written again so a round trip is exact
	DiagnosisPointers []int           `json:"diagnosis_pointers"`         // SV107-1..4, 1-based into Claim.Diagnoses
	ServiceDate       x12.Date        `json:"service_date"`               // DTP*472
	ServiceDateEnd    x12.Date        `json:"service_date_end,omitempty"` // DTP*472 RD8 end
	ControlNumber     string          `json:"control_number,omitempty"`   // REF*6R
	Drug              *Drug           `json:"drug,omitempty"`             // 2410
	Extra             x12.RawSegments `json:"extra,omitempty"`            // other 2400-level segments and loops, in order
	Unparsed          x12.Unparsed    `json:"unparsed,omitempty"`         // SV102 or SV107 text that did not parse (Charge, DiagnosisPointers); written back
}

// Drug is loop 2410: the national drug code given with a line.
type Drug struct {
	NDC      string `json:"ndc"`      // LIN03 with LIN02 = N4
	Quantity string `json:"quantity"` // CTP04
	Unit     string `json:"unit"`     // CTP05-1: UN, ML, GR, F2, ME
}

// String describes the claim without patient data: its index-free shape, and its place of
// service only when it has the shape of a code (x12.RedactCode).
func (c Claim) String() string {
	return fmt.Sprintf("claim (%d lines, %d diagnoses, POS %s)", len(c.Lines), len(c.Diagnoses), x12.RedactCode(c.PlaceOfService))
}

// Format implements fmt.Formatter: every verb prints only String, since a claim holds
// patient data.
func (c Claim) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue implements slog.LogValuer with the same redaction.
func (c Claim) LogValue() slog.Value { return slog.StringValue(c.String()) }

// String describes the person without any identifying data.
func (p Person) String() string { return "person (redacted)" }

// Format implements fmt.Formatter: names, ids, birth dates and addresses are never printed.
func (p Person) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with the same redaction.
func (p Person) LogValue() slog.Value { return slog.StringValue(p.String()) }

// String describes the batch without patient data.
func (b Batch) String() string { return fmt.Sprintf("837P batch (%d claims)", len(b.Claims)) }

// Format implements fmt.Formatter: a batch holds claims, so only String is printed.
func (b Batch) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(b.String())) }

// LogValue implements slog.LogValuer with the same redaction.
func (b Batch) LogValue() slog.Value { return slog.StringValue(b.String()) }
