package claim837_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/x12"
)

// An Encoder that splits batches: at most two claims per transaction set, each payer's claims
// in sets of their own (production files use claim837.RecommendedMaxClaims). Each set is a
// complete 837P with its own ST02 and BHT03.
func ExampleEncodeOptions_Split() {
	b := &claim837.Batch{
		Submitter: claim837.Submitter{Name: "EXAMPLE TELEHEALTH GROUP", ID: "SUBMITTERID",
			Contact: x12.Contact{Name: "BILLING OFFICE", Numbers: []x12.Number{{Type: "TE", Value: "5555550100"}}}},
		Receiver:  claim837.Receiver{Name: "EXAMPLE CLEARINGHOUSE", ID: "RECEIVERID"},
		Reference: "BATCH0001", Created: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC),
	}
	plans := map[string]claim837.Payer{
		"CI": {Name: "EXAMPLE HEALTH PLAN", ID: "99999"},
		"MB": {Name: "MEDICARE PART B", ID: "00000"},
	}
	for i, filing := range []string{"CI", "MB", "CI", "CI", "MB"} {
		b.Claims = append(b.Claims, claim837.Claim{
			BillingProvider: claim837.Provider{Name: "EXAMPLE TELEHEALTH GROUP", NPI: "1234567893", EIN: "123456789",
				Address: &x12.Address{Line1: "100 MAIN STREET", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
			Subscriber: claim837.Subscriber{Person: claim837.Person{Last: "DOE", First: "JANE", MemberID: fmt.Sprintf("XYZ00000000%d", i+1),
				BirthDate: x12.NewDate(1950, 1, 1), Gender: "F"}, FilingIndicator: filing},
			Payer:                plans[filing],
			PatientControlNumber: fmt.Sprintf("TH000%d", i+1), PlaceOfService: "10", ProviderSignature: true,
			Diagnoses: []claim837.Diagnosis{{Qualifier: "ABK", Code: "F411"}},
			Lines: []claim837.Line{{Procedure: "99213", Modifiers: []string{"95"}, Charge: x12.Dollars(150), Quantity: "1",
				DiagnosisPointers: []int{1}, ServiceDate: x12.NewDate(2026, 11, 20)}},
		})
	}

	opts := &claim837.EncodeOptions{MaxClaimsPerSet: 2, SplitByPayer: true}
	for _, set := range opts.Split(b) { // what the Encoder writes: one batch per set
		fmt.Println(set.Reference, set.Claims[0].Payer.Name, len(set.Claims), "claims")
	}

	var out strings.Builder
	enc := claim837.NewEncoder(&out, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID"},
		Now:         func() time.Time { return time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC) },
	}, opts)
	if err := errors.Join(enc.Encode(b), enc.Close()); err != nil {
		fmt.Println(err)
		return
	}
	for _, seg := range strings.Split(out.String(), "~") {
		e := strings.Split(seg, "*")
		switch {
		case e[0] == "ST" || e[0] == "SE":
			fmt.Println(seg)
		case e[0] == "BHT":
			fmt.Println("  BHT03", e[3])
		case e[0] == "NM1" && e[1] == "PR":
			fmt.Println("  payer", e[9])
		case e[0] == "CLM":
			fmt.Println("  CLM01", e[1])
		}
	}
	// Output:
	// BATCH0001-1 EXAMPLE HEALTH PLAN 2 claims
	// BATCH0001-2 EXAMPLE HEALTH PLAN 1 claims
	// BATCH0001-3 MEDICARE PART B 2 claims
	// ST*837*0001*005010X222A1
	//   BHT03 BATCH0001-1
	//   payer 99999
	//   CLM01 TH0001
	//   payer 99999
	//   CLM01 TH0003
	// SE*31*0001
	// ST*837*0002*005010X222A1
	//   BHT03 BATCH0001-2
	//   payer 99999
	//   CLM01 TH0004
	// SE*21*0002
	// ST*837*0003*005010X222A1
	//   BHT03 BATCH0001-3
	//   payer 00000
	//   CLM01 TH0002
	//   payer 00000
	//   CLM01 TH0005
	// SE*31*0003
}
