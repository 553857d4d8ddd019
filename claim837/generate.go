package claim837

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// Generate makes a batch of n synthetic telehealth claims for test harnesses: realistic,
// deterministic for a seed, and valid — NPIs with correct check digits, ICD-10-CM codes of
// real shape, procedure codes active on their dates of service, and POS and modifiers from
// the telehealth policy for a mix of payers (Medicare, a state Medicaid, commercial plans),
// modalities (video, audio only) and patients (subscribers and dependents). No real person
// or organization is named.
func Generate(n int, seed uint64) *Batch {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	created := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	b := &Batch{
		Submitter: Submitter{Name: "SYNTHETIC BILLING SERVICE", ID: "SUBMITTER01", Contact: Contact{Name: "EDI DESK", Numbers: []Number{{"TE", "5555550100"}}}},
		Receiver:  Receiver{Name: "SYNTHETIC CLEARINGHOUSE", ID: "RECEIVER01"},
		Reference: fmt.Sprintf("GEN%08d", seed%100000000), Created: created,
	}
	groups := []Provider{
		{Name: "NORTH TELEHEALTH GROUP", NPI: luhnNPI(123456789), Taxonomy: "207Q00000X", EIN: "111111111",
			Address: &Address{Line1: "10 FIRST AVENUE", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		{Name: "SOUTH VIRTUAL CARE", NPI: luhnNPI(198765432), Taxonomy: "2084P0800X", EIN: "222222222",
			Address: &Address{Line1: "20 SECOND STREET", City: "PEORIA", State: "IL", ZIP: "616020002"}},
	}
	payers := []struct {
		payer  Payer
		filing string
		kind   codes.PayerKind
	}{
		{Payer{Name: "MEDICARE PART B", ID: "00000"}, "MB", codes.Medicare},
		{Payer{Name: "STATE MEDICAID", ID: "77777"}, "MC", codes.Medicaid},
		{Payer{Name: "EXAMPLE HEALTH PLAN", ID: "99999"}, "CI", codes.Commercial},
		{Payer{Name: "SAMPLE MUTUAL INSURANCE", ID: "88888"}, "CI", codes.Commercial},
	}
	diagnoses := []string{"F411", "F329", "F331", "I10", "E119", "J069", "M545", "R051", "Z79899", "F902"}
	procedures := []string{"99212", "99213", "99214", "99215", "99203", "99204", "90834", "90837"}
	last := []string{"ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"}
	first := []string{"ANN", "BEN", "CARA", "DAN", "EVA", "FINN", "GIA", "HAL"}
	policy := &codes.Policy{}
	for i := 0; i < n; i++ {
		p := payers[rng.IntN(len(payers))]
		home := &Address{Line1: fmt.Sprintf("%d TEST ROAD", 1+rng.IntN(900)), City: "SPRINGFIELD", State: "IL", ZIP: "62701"}
		birth := x12.NewDate(1940+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		if p.kind == codes.Medicare {
			birth.Year = 1940 + rng.IntN(20)
		}
		sub := Subscriber{Person: Person{Last: last[rng.IntN(len(last))], First: first[rng.IntN(len(first))],
			MemberID: fmt.Sprintf("M%09d", rng.IntN(1e9)), BirthDate: birth, Gender: []string{"F", "M"}[rng.IntN(2)], Address: home},
			Responsibility: "P", FilingIndicator: p.filing}
		dos := x12.DateOf(created.AddDate(0, 0, -1-rng.IntN(60)))
		proc := procedures[rng.IntN(len(procedures))]
		c := Claim{
			BillingProvider: groups[rng.IntN(len(groups))], Subscriber: sub, Payer: p.payer,
			PatientControlNumber: fmt.Sprintf("PCN%06d", i+1), ProviderSignature: true,
			Diagnoses: []Diagnosis{{Qualifier: "ABK", Code: diagnoses[rng.IntN(len(diagnoses))]}},
			Rendering: &Provider{Person: true, Name: last[rng.IntN(len(last))], First: first[rng.IntN(len(first))], NPI: luhnNPI(150000000 + rng.IntN(1e7))},
			Lines: []Line{{Procedure: proc, Charge: x12.Dollars(int64(80 + rng.IntN(200))), Quantity: "1",
				DiagnosisPointers: []int{1}, ServiceDate: dos}},
		}
		if p.kind != codes.Medicare && rng.IntN(4) == 0 {
			c.Patient = &Patient{Person: Person{Last: sub.Last, First: first[rng.IntN(len(first))],
				BirthDate: x12.NewDate(2008+rng.IntN(15), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)), Gender: []string{"F", "M"}[rng.IntN(2)],
				Address: home}, Relationship: "19"}
		}
		modality := codes.AudioVideo
		if rng.IntN(4) == 0 {
			modality = codes.AudioOnly
		}
		setting := codes.Home
		if rng.IntN(5) == 0 {
			setting = codes.OtherSite
		}
		v := codes.Visit{Payer: codes.Payer{Kind: p.kind, State: "IL", Name: p.payer.Name}, Modality: modality, Setting: setting,
			Behavioral: proc == "90834" || proc == "90837"}
		if _, err := ApplyTelehealth(&c, v, policy); err != nil || c.PlaceOfService == "" {
			c.PlaceOfService = "11" // the policy had nothing to say: bill as an office visit
		}
		b.Claims = append(b.Claims, c)
	}
	return b
}

// luhnNPI completes a 9-digit base into an NPI with its check digit (Luhn over 80840 + base).
func luhnNPI(base int) string {
	digits := fmt.Sprintf("80840%09d", base%1e9)
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 { // doubled, counting from the right of the payload
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return fmt.Sprintf("%09d%d", base%1e9, (10-sum%10)%10)
}
