package remit835

import (
	"fmt"
	"log/slog"

	"github.com/x12kit/x12kit/x12"
)

// Remittance is one 835 transaction set: a payment (or a notice that nothing is paid), who
// pays whom, the claims it pays, and provider-level adjustments. Money is x12.Amount (exact
// cents). Its String, Format and LogValue print counts and totals, never patient data or
// bank numbers.
type Remittance struct {
	Control     string               `json:"control,omitempty"`              // ST02 as read; empty: the envelope writer's number
	Version     string               `json:"version,omitempty"`              // ST03 as read, written back when set (none otherwise: GS08 names the guide)
	Payment     Payment              `json:"payment"`                        // BPR
	Trace       x12.Trace            `json:"trace"`                          // TRN: TRN03 is "1" and the payer's TIN, or its id
	Currency    string               `json:"currency,omitempty"`             // CUR02 when not US dollars
	ReceiverID  string               `json:"receiver_id,omitempty"`          // REF*EV
	VersionID   string               `json:"version_id,omitempty"`           // REF*F2
	Produced    x12.Date             `json:"produced,omitzero"`              // DTM*405 production date
	Payer       Party                `json:"payer"`                          // 1000A
	Payee       Party                `json:"payee"`                          // 1000B
	Headers     []Header             `json:"headers,omitempty"`              // 2000 header numbers (LX with TS3/TS2)
	Claims      []Claim              `json:"claims"`                         // 2100, in order, each naming its header number
	Adjustments []ProviderAdjustment `json:"provider_adjustments,omitempty"` // PLB
	Extra       x12.RawSegments      `json:"extra,omitempty"`                // header segments without a field here
}

// Payment is the BPR: how much is paid, when and how. The bank numbers are sensitive: String,
// Format and LogValue mask them.
type Payment struct {
	Handling      string      `json:"handling"`             // BPR01: C payment + remittance, H notification only, I remittance only…
	Amount        x12.Amount  `json:"amount"`               // BPR02, never signed
	CreditDebit   string      `json:"credit_debit"`         // BPR03: C credit, D debit
	Method        string      `json:"method"`               // BPR04: ACH, CHK, BOP, FWT, NON
	PaymentFormat string      `json:"format,omitempty"`     // BPR05: CCP, CTX
	Sender        BankAccount `json:"sender,omitzero"`      // BPR06–BPR09: the payer's bank
	PayerID       string      `json:"payer_id,omitempty"`   // BPR10
	Supplement    string      `json:"supplement,omitempty"` // BPR11 originating company supplemental code
	Receiver      BankAccount `json:"receiver,omitzero"`    // BPR12–BPR15: the payee's bank
	Date          x12.Date    `json:"date"`                 // BPR16: check issue or EFT effective date
	Rest          []string    `json:"rest,omitempty"`       // BPR17–BPR21 as read (not used by the guide)
	// DateText is BPR16 as read when it is not a real date (the guide reports it), so that it
	// is written back unchanged.
	DateText string `json:"date_text,omitempty"`
	// Unparsed keeps the text of a BPR02 that is not an amount (Amount is then zero), so that
	// it is written back unchanged; the guide's finding on the element says what is wrong.
	Unparsed x12.Unparsed `json:"unparsed,omitempty"`

	// Pos is where the BPR was read (zero for a payment built in Go).
	Pos x12.Position `json:"-"`
}

// BankAccount is a depository financial institution and an account in it.
type BankAccount struct {
	DFIQualifier     string `json:"dfi_qualifier,omitempty"`     // 01 ABA routing, 04 Canadian
	DFI              string `json:"dfi,omitempty"`               // routing number
	AccountQualifier string `json:"account_qualifier,omitempty"` // DA demand deposit, SG savings
	Account          string `json:"account,omitempty"`
}

// String masks the numbers: only the last four digits of the account are shown.
func (a BankAccount) String() string {
	if a.Account == "" && a.DFI == "" {
		return "no account"
	}
	last := a.Account
	if len(last) > 4 {
		last = last[len(last)-4:]
	}
	return "account ****" + last
}

// Format implements fmt.Formatter with String's masking.
func (a BankAccount) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(a.String())) }

// LogValue implements slog.LogValuer with String's masking.
func (a BankAccount) LogValue() slog.Value { return slog.StringValue(a.String()) }

// Party is the payer (1000A) or payee (1000B): N1 with its address, references and contacts.
type Party struct {
	Name        string        `json:"name"`                   // N102
	IDQualifier string        `json:"id_qualifier,omitempty"` // N103: XV plan id; FI, XX for the payee
	ID          string        `json:"id,omitempty"`           // N104
	Address     *x12.Address  `json:"address,omitempty"`      // N3/N4
	Refs        []x12.Ref     `json:"refs,omitempty"`         // REF
	Contacts    []x12.Contact `json:"contacts,omitempty"`     // PER (payer: CX business, BL technical, IC web site)
}

// Header is a 2000 header number: the LX that groups claims (often by provider or bill type),
// with its institutional summaries (TS3, TS2) kept as read.
type Header struct {
	Number  string          `json:"number"`            // LX01
	Rest    []string        `json:"rest,omitempty"`    // LX02… as read (the guide has none)
	Summary x12.RawSegments `json:"summary,omitempty"` // TS3, TS2
}

// Claim is one 2100 claim payment: the CLP with everything under it. Claims hold patient
// data; String, Format and LogValue print only the status and amounts.
type Claim struct {
	Header                string      `json:"header_number,omitempty"`          // the LX01 of its 2000 loop
	NewHeader             bool        `json:"new_header,omitempty"`             // first claim of a 2000 loop repeating the LX01 before it, as received: a new LX is written
	PatientControl        string      `json:"patient_control_number"`           // CLP01 = the 837's CLM01
	Status                string      `json:"status"`                           // CLP02: 1/2/3 processed, 4 denied, 22 reversal…
	Charge                x12.Amount  `json:"charge"`                           // CLP03
	Paid                  x12.Amount  `json:"paid"`                             // CLP04
	PatientResponsibility *x12.Amount `json:"patient_responsibility,omitempty"` // CLP05
	FilingIndicator       string      `json:"filing_indicator"`                 // CLP06
	PayerControl          string      `json:"payer_claim_control_number"`       // CLP07
	Facility              string      `json:"facility,omitempty"`               // CLP08: place of service for professional claims
	Frequency             string      `json:"frequency,omitempty"`              // CLP09
	DRG                   string      `json:"drg,omitempty"`                    // CLP11
	DRGWeight             string      `json:"drg_weight,omitempty"`             // CLP12
	DischargeFraction     string      `json:"discharge_fraction,omitempty"`     // CLP13
	CLPRest               []string    `json:"clp_rest,omitempty"`               // CLP10, CLP14 as read when sent (not used by the guide)

	Adjustments []Adjustment `json:"adjustments,omitempty"` // claim-level CAS

	Patient         *Name `json:"patient,omitempty"`           // NM1*QC
	Insured         *Name `json:"insured,omitempty"`           // NM1*IL
	Corrected       *Name `json:"corrected_patient,omitempty"` // NM1*74
	ServiceProvider *Name `json:"service_provider,omitempty"`  // NM1*82 rendering provider
	Crossover       *Name `json:"crossover_carrier,omitempty"` // NM1*TT
	PriorityPayer   *Name `json:"priority_payer,omitempty"`    // NM1*PR corrected priority payer
	OtherSubscriber *Name `json:"other_subscriber,omitempty"`  // NM1*GB

	Inpatient  []string    `json:"inpatient,omitempty"`  // MIA01–MIA24 as read
	Outpatient *Outpatient `json:"outpatient,omitempty"` // MOA

	Refs       []x12.Ref     `json:"refs,omitempty"`            // REF: other claim ids, then rendering provider ids
	From       x12.Date      `json:"statement_from,omitzero"`   // DTM*232
	To         x12.Date      `json:"statement_to,omitzero"`     // DTM*233
	Expires    x12.Date      `json:"coverage_expires,omitzero"` // DTM*036
	Received   x12.Date      `json:"received,omitzero"`         // DTM*050
	Contacts   []x12.Contact `json:"contacts,omitempty"`        // PER*CX
	Amounts    []Money       `json:"amounts,omitempty"`         // AMT: AU coverage, I interest, D8 discount…
	Quantities []Quantity    `json:"quantities,omitempty"`      // QTY

	Lines []Line          `json:"lines,omitempty"` // 2110
	Extra x12.RawSegments `json:"extra,omitempty"` // segments without a field here

	// Unparsed keeps the text of CLP amounts that did not parse into their fields (a CLP03
	// that is not an amount leaves Charge zero and its text here, under "Charge"; "Paid",
	// "PatientResponsibility" likewise); the encoder writes it back.
	Unparsed x12.Unparsed `json:"unparsed,omitempty"`
	// Findings are the guide findings of the claim payment's segments (and of the segments
	// before it that no earlier claim payment took: the set's header for the first), as the
	// Decoder read them; nil for a claim payment built in code or read by FromSet.
	Findings []*x12.Error `json:"-"`

	// Pos is where the CLP was read (zero for a claim built in Go).
	Pos x12.Position `json:"-"`
}

// Name is an NM1 of a claim payment: a person or organization and its identifier.
type Name struct {
	Person      bool   `json:"person"`                 // NM102 = 1 (else 2)
	Last        string `json:"last,omitempty"`         // NM103: last name or organization
	First       string `json:"first,omitempty"`        // NM104
	Middle      string `json:"middle,omitempty"`       // NM105
	Suffix      string `json:"suffix,omitempty"`       // NM107
	IDQualifier string `json:"id_qualifier,omitempty"` // NM108
	ID          string `json:"id,omitempty"`           // NM109
}

// String never prints the name or identifier.
func (n Name) String() string { return "name (redacted)" }

// Format implements fmt.Formatter with String's redaction.
func (n Name) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(n.String())) }

// LogValue implements slog.LogValuer with String's redaction.
func (n Name) LogValue() slog.Value { return slog.StringValue(n.String()) }

// Outpatient is the MOA outpatient adjudication: reimbursement rate, payable HCPCS amount,
// and up to five claim-level remark codes (RARC).
type Outpatient struct {
	Rate         string      `json:"rate,omitempty"`                     // MOA01
	HCPCSPayable *x12.Amount `json:"hcpcs_payable,omitempty"`            // MOA02
	Remarks      []string    `json:"remarks,omitempty"`                  // MOA03–MOA07, in their places
	ESRDPayment  *x12.Amount `json:"esrd_payment,omitempty"`             // MOA08
	NonPayable   *x12.Amount `json:"non_payable_professional,omitempty"` // MOA09
}

// Adjustment is one reason of a CAS: group code (CO contractual, PR patient responsibility,
// OA other, PI payer initiated), CARC reason, amount (positive reduces payment) and quantity.
type Adjustment struct {
	Group    string     `json:"group"`
	Reason   string     `json:"reason"`
	Amount   x12.Amount `json:"amount"`
	Quantity string     `json:"quantity,omitempty"`
	// NewCAS marks an adjustment that starts a new CAS segment although the previous CAS
	// has the same group and room left (the encoder otherwise packs up to six per CAS).
	NewCAS bool `json:"new_cas,omitempty"`
}

// Money is an AMT: qualifier and amount.
type Money struct {
	Qualifier string     `json:"qualifier"`
	Amount    x12.Amount `json:"amount"`
}

// Quantity is a QTY: qualifier and quantity as read.
type Quantity struct {
	Qualifier string `json:"qualifier"`
	Quantity  string `json:"quantity"`
}

// Procedure is an adjudicated or submitted procedure composite (SVC01, SVC06): qualifier
// (HC for CPT/HCPCS), code, up to four modifiers, and a description.
type Procedure struct {
	Qualifier   string   `json:"qualifier"`
	Code        string   `json:"code"`
	Modifiers   []string `json:"modifiers,omitempty"` // as read: an empty one keeps its place
	Description string   `json:"description,omitempty"`
	Rest        []string `json:"rest,omitempty"` // components after the description, as read
}

// Line is one 2110 service payment.
type Line struct {
	Procedure      Procedure       `json:"procedure"`                     // SVC01
	Charge         x12.Amount      `json:"charge"`                        // SVC02
	Paid           x12.Amount      `json:"paid"`                          // SVC03
	RevenueCode    string          `json:"revenue_code,omitempty"`        // SVC04
	Units          string          `json:"units,omitempty"`               // SVC05 units paid
	Submitted      *Procedure      `json:"submitted_procedure,omitempty"` // SVC06, when it differs
	SubmittedUnits string          `json:"submitted_units,omitempty"`     // SVC07
	Date           x12.Date        `json:"date,omitzero"`                 // DTM*472
	From           x12.Date        `json:"from,omitzero"`                 // DTM*150
	To             x12.Date        `json:"to,omitzero"`                   // DTM*151
	Adjustments    []Adjustment    `json:"adjustments,omitempty"`         // CAS
	Refs           []x12.Ref       `json:"refs,omitempty"`                // REF other than 6R
	ControlNumber  string          `json:"line_control_number,omitempty"` // REF*6R = the 837's REF*6R
	Amounts        []Money         `json:"amounts,omitempty"`             // AMT: B6 allowed, KH late filing…
	Quantities     []Quantity      `json:"quantities,omitempty"`          // QTY
	Remarks        []Remark        `json:"remarks,omitempty"`             // LQ
	Extra          x12.RawSegments `json:"extra,omitempty"`
	Unparsed       x12.Unparsed    `json:"unparsed,omitempty"` // SVC02 or SVC03 text that did not parse ("Charge", "Paid"); written back

	// Pos is where the SVC was read (zero for a line built in Go).
	Pos x12.Position `json:"-"`
}

// Remark is an LQ: HE for a RARC remark code, RX for an NCPDP reject reason.
type Remark struct {
	Qualifier string `json:"qualifier"`
	Code      string `json:"code"`
}

// ProviderAdjustment is a PLB: the provider, the fiscal period, and its adjustments.
type ProviderAdjustment struct {
	Provider  string         `json:"provider"`          // PLB01
	PeriodEnd x12.Date       `json:"fiscal_period_end"` // PLB02
	Items     []ProviderItem `json:"items"`             // PLB03/04 … PLB13/14
}

// ProviderItem is one reason/reference/amount of a PLB; a positive amount reduces payment.
type ProviderItem struct {
	Reason    string     `json:"reason"`              // PLB03-1: WO overpayment recovery, L6 interest, FB forwarding balance…
	Reference string     `json:"reference,omitempty"` // PLB03-2
	Amount    x12.Amount `json:"amount"`
}

// Allowed returns the line's allowed amount (AMT*B6) and whether it was sent.
func (l *Line) Allowed() (x12.Amount, bool) { return amountOf(l.Amounts, "B6") }

// Amount returns the claim's AMT with this qualifier (AU coverage, I interest…) and whether
// it was sent.
func (c *Claim) Amount(qualifier string) (x12.Amount, bool) { return amountOf(c.Amounts, qualifier) }

func amountOf(list []Money, q string) (x12.Amount, bool) {
	for _, m := range list {
		if m.Qualifier == q {
			return m.Amount, true
		}
	}
	return 0, false
}

// RemarkCodes returns the claim's remark codes (MOA) and its lines' (LQ*HE), without duplicates.
func (c *Claim) RemarkCodes() []string {
	var out []string
	add := func(code string) {
		for _, v := range out {
			if v == code {
				return
			}
		}
		out = append(out, code)
	}
	if c.Outpatient != nil {
		for _, r := range c.Outpatient.Remarks {
			if r != "" {
				add(r)
			}
		}
	}
	for i := range c.Lines {
		for _, r := range c.Lines[i].Remarks {
			if r.Qualifier == "HE" {
				add(r.Code)
			}
		}
	}
	return out
}

// String describes the claim payment without patient data: its status when it has the shape
// of a code (x12.RedactCode), amounts and line count.
func (c Claim) String() string {
	return fmt.Sprintf("claim payment (status %s, charge %s, paid %s, %d lines)", x12.RedactCode(c.Status), c.Charge, c.Paid, len(c.Lines))
}

// Format implements fmt.Formatter: only String is printed.
func (c Claim) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// LogValue implements slog.LogValuer with the same redaction.
func (c Claim) LogValue() slog.Value { return slog.StringValue(c.String()) }

// String describes the remittance without patient data or bank numbers: its payment method
// when it has the shape of a code (x12.RedactCode), amount and claim count.
func (r Remittance) String() string {
	return fmt.Sprintf("835 remittance (%s %s, %d claims)", x12.RedactCode(r.Payment.Method), r.Payment.Amount, len(r.Claims))
}

// Format implements fmt.Formatter: only String is printed.
func (r Remittance) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(r.String())) }

// LogValue implements slog.LogValuer with the same redaction.
func (r Remittance) LogValue() slog.Value { return slog.StringValue(r.String()) }

// String describes the payment with its bank accounts masked and its codes shown only when
// they have the shape of one (x12.RedactCode).
func (p Payment) String() string {
	return fmt.Sprintf("payment %s %s %s to %s", x12.RedactCode(p.Method), p.Amount, x12.RedactCode(p.CreditDebit), p.Receiver)
}

// Format implements fmt.Formatter with String's masking.
func (p Payment) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// LogValue implements slog.LogValuer with String's masking.
func (p Payment) LogValue() slog.Value { return slog.StringValue(p.String()) }
