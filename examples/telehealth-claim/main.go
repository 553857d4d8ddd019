// Command telehealth-claim builds one telehealth claim from Go structs, lets the telehealth
// policy choose its place of service and modifiers, checks it, writes the 837P to standard
// output, and reads it back. Copy it as the starting point of a billing integration:
//
//	go run ./examples/telehealth-claim
package main

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

func main() {
	claim := claim837.Claim{
		BillingProvider: claim837.Provider{Name: "EXAMPLE TELEHEALTH GROUP", NPI: "1234567893", EIN: "123456789",
			Address: &x12.Address{Line1: "100 MAIN STREET", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		Subscriber: claim837.Subscriber{Person: claim837.Person{Last: "DOE", First: "JANE", MemberID: "1EG4TE5MK73",
			BirthDate: x12.NewDate(1950, 3, 15), Gender: "F"}, FilingIndicator: "MB"},
		Payer:                claim837.Payer{Name: "MEDICARE PART B", ID: "00000"},
		PatientControlNumber: "VISIT-0001",
		ProviderSignature:    true,
		Diagnoses:            []claim837.Diagnosis{{Qualifier: "ABK", Code: "F411"}},
		Lines: []claim837.Line{{Procedure: "99213", Charge: x12.Dollars(150), Quantity: "1",
			DiagnosisPointers: []int{1}, ServiceDate: x12.NewDate(2026, 11, 20)}},
	}

	// A Medicare audio-only visit with the patient at home: the policy says POS and modifiers.
	warnings, err := claim837.ApplyTelehealth(&claim, codes.Visit{
		Payer: codes.Payer{Kind: codes.Medicare}, Modality: codes.AudioOnly, Setting: codes.Home}, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "policy warning:", w.Code)
	}

	batch := &claim837.Batch{
		Submitter: claim837.Submitter{Name: "EXAMPLE TELEHEALTH GROUP", ID: "SUBMITTERID",
			Contact: x12.Contact{Name: "BILLING OFFICE", Numbers: []x12.Number{{Type: "TE", Value: "5555550100"}}}},
		Receiver:  claim837.Receiver{Name: "EXAMPLE CLEARINGHOUSE", ID: "RECEIVERID"},
		Reference: "BATCH0001", Created: time.Now(),
		Claims: []claim837.Claim{claim},
	}
	var out bytes.Buffer
	enc := claim837.NewEncoder(&out, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID", Usage: x12.Test},
		Newline:     true,
	}, nil)
	err = errors.Join(enc.Encode(batch), enc.Close())
	for _, f := range enc.Warnings() {
		fmt.Fprintln(os.Stderr, f) // rule, field path and X12 position only: no patient data
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err) // the same: an *x12.WriteError lists every finding
		os.Exit(1)
	}
	os.Stdout.Write(out.Bytes())

	// Read it back.
	d := claim837.NewDecoder(bytes.NewReader(out.Bytes()), nil)
	for c, err := range d.Claims() {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "read back: POS %s, %s %v, guide findings %d\n",
			c.PlaceOfService, c.Lines[0].Procedure, c.Lines[0].Modifiers, d.Set().Findings.Len())
	}
}
