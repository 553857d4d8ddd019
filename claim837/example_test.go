package claim837_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

func exampleClaim() claim837.Claim {
	return claim837.Claim{
		BillingProvider: claim837.Provider{Name: "EXAMPLE TELEHEALTH GROUP", NPI: "1234567893", EIN: "123456789",
			Address: &x12.Address{Line1: "100 MAIN STREET", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		Subscriber: claim837.Subscriber{Person: claim837.Person{Last: "DOE", First: "JANE", MemberID: "XYZ000000001",
			BirthDate: x12.NewDate(1980, 1, 1), Gender: "F"}, FilingIndicator: "MB"},
		Payer:                claim837.Payer{Name: "MEDICARE PART B", ID: "00000"},
		PatientControlNumber: "TH0001", ProviderSignature: true,
		Diagnoses: []claim837.Diagnosis{{Qualifier: "ABK", Code: "F411"}},
		Lines: []claim837.Line{{Procedure: "99213", Charge: x12.Dollars(150), Quantity: "1",
			DiagnosisPointers: []int{1}, ServiceDate: x12.NewDate(2026, 11, 20)}},
	}
}

func ExampleApplyTelehealth() {
	c := exampleClaim()
	warnings, err := claim837.ApplyTelehealth(&c, codes.Visit{Payer: codes.Payer{Kind: codes.Medicare},
		Modality: codes.AudioOnly, Setting: codes.Home}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println("POS", c.PlaceOfService, "modifiers", c.Lines[0].Modifiers, "warnings", len(warnings))
	// Output: POS 10 modifiers [93] warnings 0
}

func ExampleWrite() {
	c := exampleClaim()
	c.PlaceOfService = "10"
	c.Lines[0].Modifiers = []string{"93"}
	b := &claim837.Batch{
		Submitter: claim837.Submitter{Name: "EXAMPLE TELEHEALTH GROUP", ID: "SUBMITTERID",
			Contact: x12.Contact{Name: "BILLING OFFICE", Numbers: []x12.Number{{Type: "TE", Value: "5555550100"}}}},
		Receiver:  claim837.Receiver{Name: "EXAMPLE CLEARINGHOUSE", ID: "RECEIVERID"},
		Reference: "BATCH0001", Created: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC),
		Claims: []claim837.Claim{c},
	}
	var out strings.Builder
	err := claim837.Write(&out, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID"},
		Now:         func() time.Time { return time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC) },
	}, b)
	if err != nil {
		fmt.Println(err) // every finding names the batch, Go field and X12 position — no values
		return
	}
	for _, seg := range strings.Split(out.String(), "~") {
		if strings.HasPrefix(seg, "CLM") || strings.HasPrefix(seg, "SV1") || strings.HasPrefix(seg, "HL") {
			fmt.Println(seg)
		}
	}
	// Output:
	// HL*1**20*1
	// HL*2*1*22*0
	// CLM*TH0001*150***10:B:1*Y*A*Y*Y
	// SV1*HC:99213:93*150*UN*1***1
}

func ExampleCheck() {
	c := exampleClaim()
	c.PlaceOfService = "11"
	c.BillingProvider.NPI = "1234567890" // wrong check digit
	c.Lines[0].Procedure = "99441"       // deleted at the end of 2024
	for _, f := range claim837.Check(&claim837.Batch{Claims: []claim837.Claim{c}}) {
		if claim, _ := claim837.ClaimLine(f); claim < 0 {
			continue // batch-level findings (this bare batch has no submitter or receiver)
		}
		fmt.Println(f.Severity, f.Rule, f.Field, f.Pos.Loop, f.Pos.ID, f.Pos.Element, f.Pos.Component)
	}
	// Output:
	// error npi-check-digit Claims[0].BillingProvider.NPI 2010AA NM1 9 0
	// error procedure-active Claims[0].Lines[0].Procedure 2400 SV1 1 2
}

func ExampleDecoder() {
	f, err := os.Open("testdata/encode.golden.837")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d := claim837.NewDecoder(f, nil)
	for c, err := range d.Claims() {
		if err != nil {
			panic(err)
		}
		fmt.Println(c.PatientControlNumber, c.PlaceOfService, c.Lines[0].Procedure, c.Lines[0].Modifiers, c.Patient != nil)
	}
	fmt.Println("findings:", d.Set().Findings.Len())
	// Output:
	// TH0001 10 99213 [95] false
	// TH0003 10 99212 [95] true
	// TH0002 10 99214 [93] false
	// findings: 0
}

// A damaged file never reads as fewer claims with a nil error: here the file was cut inside
// the CLM of its third claim. ReadAll returns the two claims it could read and an error
// saying why the rest is not there; a caller of Next gets the same error after them.
func ExampleReadAll_truncated() {
	data, err := os.ReadFile("testdata/encode.golden.837")
	if err != nil {
		panic(err)
	}
	cut := data[:bytes.LastIndex(data, []byte("CLM*"))+10]
	batches, err := claim837.ReadAll(bytes.NewReader(cut))
	fmt.Println(len(batches[0].Claims), "claims;", "truncated:", errors.Is(err, x12.ErrTruncated))
	// Output:
	// 2 claims; truncated: true
}

// ExampleNewEncoder streams an 837P file in, a batch (transaction set) at a time, and writes
// it back out through an Encoder, which checks each batch before any of it is written.
func ExampleNewEncoder() {
	in, err := os.ReadFile("testdata/encode.golden.837")
	if err != nil {
		panic(err)
	}
	env := x12.Envelope{ // the envelope the file was written with
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID", Usage: x12.Test},
		Controls:    x12.NewSequence(101, 101, 1), Newline: true,
		Now: func() time.Time { return time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC) },
	}
	var out bytes.Buffer
	enc := claim837.NewEncoder(&out, env, &claim837.EncodeOptions{SkipChecks: true})
	d := claim837.NewDecoder(bytes.NewReader(in), nil)
	for b, err := range d.All() {
		if err != nil {
			panic(err)
		}
		fmt.Println("batch", b.Reference, len(b.Claims), "claims")
		if err := enc.Encode(b); err != nil {
			panic(err)
		}
	}
	if err := enc.Close(); err != nil {
		panic(err)
	}
	fmt.Println("the same bytes:", bytes.Equal(in, out.Bytes()))
	// Output:
	// batch BATCH0001 3 claims
	// the same bytes: true
}
