package claim837

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// Write writes one interchange holding one functional group (GS01 HC) with the transaction
// sets of each batch, through an Encoder into memory: each batch is checked (Check) and each
// set read back through Guide and the envelope checks before it is kept, and w gets the whole
// interchange only when every batch is clean. The first batch that is not stops the write
// with an *x12.WriteError (errors.Is x12.ErrInvalid) and w gets nothing. Without batches it
// writes an interchange holding an empty group. To see the checks' warnings, or to stream
// with memory bounded by one batch, use an Encoder.
func Write(w io.Writer, env x12.Envelope, batches ...*Batch) error {
	return codec.WriteAll(w, func(buf io.Writer) (*x12.CheckedGroup, func(*Batch) error) {
		enc := NewEncoder(buf, env, nil)
		return enc.g, enc.Encode
	}, batches)
}

// EncodeOptions are the options of an Encoder; nil means the zero value: the business checks
// with the default options, one transaction set per batch however many claims it holds.
type EncodeOptions struct {
	Checks     Options // for the business checks (Check), and the code lists of the guide's
	SkipChecks bool    // encode without the business checks, e.g. to pass on claims read elsewhere; the guide still checks every set

	// MaxClaimsPerSet is the most claims (CLM segments) one transaction set (ST/SE) holds: a
	// batch with more is written as several sets, each a complete 837P (see Split). Zero (or
	// less) means no limit, one set per batch. The 837P guide recommends at most 5,000 claims
	// per set (RecommendedMaxClaims), and many payers and clearinghouses hold submitters to it:
	// set it to RecommendedMaxClaims unless a trading partner asks for another figure.
	MaxClaimsPerSet int
	// SplitByPayer writes the claims of each payer (2010BB: NM108 and NM109, the name when
	// there is no identifier) in transaction sets of their own, in order of the payers' first
	// claims, so a clearinghouse can route each set to its payer whole. The sets stay in the
	// one functional group (GS) and interchange the Encoder writes, as receivers expect.
	SplitByPayer bool
}

// Encoder streams batches of claims into one interchange holding one functional group (GS01
// HC), each batch as the transaction sets EncodeOptions.Split gives for it, with memory
// bounded by one batch (and the group's ST02s, as many as the envelope checks remember:
// x12.MaxTrackedControlNumbers). Each batch is checked (Check, unless SkipChecks) and each of
// its sets read back through Guide and the envelope checks, in an interchange of its own,
// before any of it is written: only clean sets reach the output. A batch that is not clean
// stops the Encoder with an *x12.WriteError (errors.Is x12.ErrInvalid) whose findings name
// the batch (Index: its place among the batches encoded) and, where a typed field was
// written to the element, the field's Go path ("Claims[3].Subscriber.Address", with the
// element's field when the model has one: "Claims[3].Subscriber.Address.City"), at the
// positions the set would have had in the output. Warnings of the checks do not stop it: they
// are kept in Warnings.
//
// Output reaches w a set at a time: the ISA and GS with the first clean set, each later set
// when it is encoded, the GE and IEA with Close. The first error stops the Encoder and every
// later call returns it; a stopped Encoder does not end the interchange, so what w received
// is then incomplete. A batch refused by its business checks writes nothing of itself, but a
// batch split into several sets may have written its first sets when a later one is refused
// by the guide. An Encoder is not safe for concurrent use.
type Encoder struct {
	g        *x12.CheckedGroup
	opts     EncodeOptions
	n        int // batches encoded
	warnings x12.Findings
	err      error
}

// NewEncoder returns an Encoder writing to w with env's headers, control numbers, clock and
// delimiters (opts may be nil). Nothing is written before the first Encode.
func NewEncoder(w io.Writer, env x12.Envelope, opts *EncodeOptions) *Encoder {
	enc := &Encoder{g: x12.NewCheckedGroup(w, env, "HC", Version)}
	if opts != nil {
		enc.opts = *opts
	}
	enc.g.Codes = codes.Default()
	if c := enc.opts.Checks.Codes; c != nil {
		enc.g.Codes = c
	}
	return enc
}

// errNilBatch is what Encode returns for a nil batch.
var errNilBatch = errors.New("claim837: Encode of a nil *Batch")

// Encode checks b and writes it as the group's next transaction sets. A batch with error
// findings is not written: the error is an *x12.WriteError. A nil b is refused without
// stopping the Encoder.
func (enc *Encoder) Encode(b *Batch) error {
	if enc.err != nil {
		return enc.err
	}
	if b == nil {
		return errNilBatch
	}
	index := enc.n
	if !enc.opts.SkipChecks {
		f := CheckWith(b, enc.opts.Checks)
		for _, x := range f {
			x.Index = index
		}
		if f.HasErrors() {
			enc.err = &x12.WriteError{Findings: f.Errors()}
			enc.warnings = append(enc.warnings, f.Warnings()...)
			return enc.err
		}
		enc.warnings = append(enc.warnings, f...)
	}
	sets, claims := enc.opts.split(b)
	for k, set := range sets {
		var ix []int
		if claims != nil {
			ix = claims[k]
		}
		err := enc.g.Encode(func(e *x12.EnvelopeWriter) error {
			en := encoder{e: e, index: ix}
			return en.batch(set)
		}, nil)
		if err != nil {
			var we *x12.WriteError
			if errors.As(err, &we) {
				for _, f := range we.Findings {
					f.Index = index // the batch's, not the set's
				}
			}
			enc.err = err
			return err
		}
	}
	enc.n++
	return nil
}

// Close ends the interchange and gives w the rest of it. Nothing is written when nothing was
// encoded. Close after Close does nothing; Encode after Close returns an error. After an
// error, Close returns that error.
func (enc *Encoder) Close() error {
	if enc.err != nil {
		return enc.err
	}
	return enc.g.Close()
}

// Warnings returns the warning findings of the business checks of every batch encoded so far
// (telehealth coding the policy would make otherwise…), each with its batch's Index.
func (enc *Encoder) Warnings() x12.Findings { return enc.warnings }

// String names the Encoder and what it wrote, never a value.
func (enc Encoder) String() string {
	return "837P encoder (" + strconv.Itoa(enc.n) + " batches, redacted)"
}

// Format prints String under every verb.
func (enc Encoder) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(enc.String())) }

// LogValue logs String.
func (enc Encoder) LogValue() slog.Value { return slog.StringValue(enc.String()) }

// The fields of the segments the encoder writes from the model.
var (
	bhtNames      = x12.ByElement(map[int]string{2: "Purpose", 3: "Reference", 4: "Created", 5: "Created", 6: "Type"})
	partyNames    = x12.ByElement(map[int]string{3: "Name", 9: "ID"})
	perNames      = x12.ByElement(map[int]string{2: "Name", 3: "Numbers", 4: "Numbers", 5: "Numbers", 6: "Numbers", 7: "Numbers", 8: "Numbers"})
	prvNames      = x12.ByElement(map[int]string{3: "Taxonomy"})
	providerNames = x12.ByElement(map[int]string{2: "Person", 3: "Name", 4: "First", 5: "Middle", 7: "Suffix", 9: "NPI"})
	personNames   = x12.ByElement(map[int]string{3: "Last", 4: "First", 5: "Middle", 7: "Suffix", 9: "MemberID"})
	dmgNames      = x12.ByElement(map[int]string{2: "BirthDate", 3: "Gender"})
	n3Names       = x12.ByElement(map[int]string{1: "Line1", 2: "Line2"})
	n4Names       = x12.ByElement(map[int]string{1: "City", 2: "State", 3: "ZIP", 4: "Country"})
	refNames      = x12.ByElement(map[int]string{1: "Qualifier", 2: "Value"})
	valueNames    = x12.ByElement(map[int]string{}) // a REF or DTP whose value is the field itself
	dateNames     = valueNames
	sbrNames      = x12.ByElement(map[int]string{1: "Responsibility", 2: "Relationship", 3: "GroupNumber", 4: "GroupName", 5: "InsuranceType", 9: "FilingIndicator"})
	patNames      = x12.ByElement(map[int]string{1: "Relationship"})
	payerNames    = x12.ByElement(map[int]string{3: "Name", 8: "IDQualifier", 9: "ID"})
	nteNames      = x12.ByElement(map[int]string{1: "Type", 2: "Text"})
	clmNames      = x12.ByElement(map[int]string{1: "PatientControlNumber", 2: "Charge", 501: "PlaceOfService", 503: "Frequency",
		6: "ProviderSignature", 7: "Assignment", 8: "BenefitsAssigned", 9: "ReleaseOfInformation", 10: "PatientSignature"})
	linNames = x12.ByElement(map[int]string{3: "NDC"})
	ctpNames = x12.ByElement(map[int]string{4: "Quantity", 5: "Unit"})
)

// hiNames: HI01…HI12 are Diagnoses[0]…[11].
func hiNames(el, comp int) string {
	f := "Diagnoses[" + strconv.Itoa(el-1) + "]"
	switch comp {
	case 1:
		return f + ".Qualifier"
	case 2:
		return f + ".Code"
	}
	return f
}

// sv1Names: SV101 is the procedure with its modifiers, SV107 the diagnosis pointers.
func sv1Names(el, comp int) string {
	switch {
	case el == 1 && comp == 1:
		return "Qualifier"
	case el == 1 && comp == 2:
		return "Procedure"
	case el == 1 && comp >= 3 && comp <= 6:
		return "Modifiers[" + strconv.Itoa(comp-3) + "]"
	case el == 1:
		return "Procedure"
	case el == 7 && comp > 0:
		return "DiagnosisPointers[" + strconv.Itoa(comp-1) + "]"
	}
	return [...]string{2: "Charge", 3: "Unit", 4: "Quantity", 5: "PlaceOfService", 7: "DiagnosisPointers", 8: ""}[min(max(el, 0), 8)]
}
