package simulate

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// ClaimOptions shape the batch Claims makes. The zero value makes the batch Claims has always
// made for a seed (one line per claim, all originals, dates of service in the 60 days before
// 2026-11-28, every visit by telehealth, whatever the checks say), byte for byte once
// written; each option set draws more from the seed's sequence, so it changes the claims
// that follow.
type ClaimOptions struct {
	// Lines is the most service lines a claim has: each has 1 to Lines, drawn, with
	// procedures of the same mix on the same date of service. 0 or 1: one line.
	Lines int
	// Replacements and Voids are the percentages of claims sent as replacements (CLM05-3 7)
	// and voids (8) of an earlier claim, with the payer's claim number of the original in
	// REF*F8 (synthetic); the others are originals (1). Their sum is at most 100.
	Replacements, Voids int
	// From and To bound the dates of service, both included; a zero bound is the default
	// range's (the 60 days before 2026-11-28). To before From makes every date From.
	From, To x12.Date
	// InPerson is the percentage of claims for visits in person: place of service 11 (office)
	// and no telehealth modifier; the others are telehealth visits coded by ApplyTelehealth.
	InPerson int
	// Clean keeps only claims that claim837's checks find nothing in (no error, no warning):
	// a claim with a finding is drawn again, up to MaxCleanDraws times, and left out when none
	// of the draws is clean, so the batch may then hold fewer than n claims.
	Clean bool
}

// MaxCleanDraws is how many times Claims draws a claim with ClaimOptions.Clean before it
// leaves the claim out.
const MaxCleanDraws = 100

// Claims makes a batch of n synthetic telehealth claims for test harnesses: realistic,
// deterministic for a seed and options, and valid — NPIs with correct check digits,
// ICD-10-CM codes of real shape, procedure codes active on their dates of service, and POS
// and modifiers from the telehealth policy for a mix of payers (Medicare, a state Medicaid,
// commercial plans), modalities (video, audio only) and patients (subscribers and
// dependents). No real person or organization is named. See ClaimOptions for what can be
// changed.
func Claims(n int, seed uint64, opts ClaimOptions) *claim837.Batch {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	created := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	b := &claim837.Batch{
		Submitter: claim837.Submitter{Name: "SYNTHETIC BILLING SERVICE", ID: "SUBMITTER01", Contact: x12.Contact{Name: "EDI DESK", Numbers: []x12.Number{{Type: "TE", Value: "5555550100"}}}},
		Receiver:  claim837.Receiver{Name: "SYNTHETIC CLEARINGHOUSE", ID: "RECEIVER01"},
		Reference: fmt.Sprintf("GEN%08d", seed%100000000), Created: created,
	}
	g := claimMaker{rng: rng, opts: opts, created: created, policy: &codes.Policy{}, header: *b}
	for i := 0; i < n; i++ {
		c, ok := g.claim(i)
		for draws := 1; opts.Clean && !ok && draws < MaxCleanDraws; draws++ {
			c, ok = g.claim(i)
		}
		if ok || !opts.Clean {
			b.Claims = append(b.Claims, c)
		}
	}
	return b
}

// The synthetic parties and codes Claims draws from.
var (
	claimGroups = []claim837.Provider{
		{Name: "NORTH TELEHEALTH GROUP", NPI: luhnNPI(123456789), Taxonomy: "207Q00000X", EIN: "111111111",
			Address: &x12.Address{Line1: "10 FIRST AVENUE", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		{Name: "SOUTH VIRTUAL CARE", NPI: luhnNPI(198765432), Taxonomy: "2084P0800X", EIN: "222222222",
			Address: &x12.Address{Line1: "20 SECOND STREET", City: "PEORIA", State: "IL", ZIP: "616020002"}},
	}
	claimPayers = []struct {
		payer  claim837.Payer
		filing string
		kind   codes.PayerKind
	}{
		{claim837.Payer{Name: "MEDICARE PART B", ID: "00000"}, "MB", codes.Medicare},
		{claim837.Payer{Name: "STATE MEDICAID", ID: "77777"}, "MC", codes.Medicaid},
		{claim837.Payer{Name: "EXAMPLE HEALTH PLAN", ID: "99999"}, "CI", codes.Commercial},
		{claim837.Payer{Name: "SAMPLE MUTUAL INSURANCE", ID: "88888"}, "CI", codes.Commercial},
	}
	claimDiagnoses  = []string{"F411", "F329", "F331", "I10", "E119", "J069", "M545", "R051", "Z79899", "F902"}
	claimProcedures = []string{"99212", "99213", "99214", "99215", "99203", "99204", "90834", "90837"}
	lastNames       = []string{"ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"}
	firstNames      = []string{"ANN", "BEN", "CARA", "DAN", "EVA", "FINN", "GIA", "HAL"}
)

// claimMaker draws the claims of a batch, in order, from one random sequence.
type claimMaker struct {
	rng     *rand.Rand
	opts    ClaimOptions
	created time.Time
	policy  *codes.Policy
	header  claim837.Batch // the batch's header, for the checks of Clean
}

// claim draws claim i (patient control number PCN and i+1) and reports whether it is clean:
// always true without ClaimOptions.Clean, else whether the checks find nothing in it.
func (g *claimMaker) claim(i int) (claim837.Claim, bool) {
	rng, opts := g.rng, g.opts
	p := claimPayers[rng.IntN(len(claimPayers))]
	home := &x12.Address{Line1: fmt.Sprintf("%d TEST ROAD", 1+rng.IntN(900)), City: "SPRINGFIELD", State: "IL", ZIP: "62701"}
	birth := x12.NewDate(1940+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	if p.kind == codes.Medicare {
		birth.Year = 1940 + rng.IntN(20)
	}
	sub := claim837.Subscriber{Person: claim837.Person{Last: lastNames[rng.IntN(len(lastNames))], First: firstNames[rng.IntN(len(firstNames))],
		MemberID: fmt.Sprintf("M%09d", rng.IntN(1e9)), BirthDate: birth, Gender: []string{"F", "M"}[rng.IntN(2)], Address: home},
		Responsibility: "P", FilingIndicator: p.filing}
	dos := g.serviceDate()
	proc := claimProcedures[rng.IntN(len(claimProcedures))]
	c := claim837.Claim{
		BillingProvider: claimGroups[rng.IntN(len(claimGroups))], Subscriber: sub, Payer: p.payer,
		PatientControlNumber: fmt.Sprintf("PCN%06d", i+1), ProviderSignature: true,
		Diagnoses: []claim837.Diagnosis{{Qualifier: "ABK", Code: claimDiagnoses[rng.IntN(len(claimDiagnoses))]}},
		Rendering: &claim837.Provider{Person: true, Name: lastNames[rng.IntN(len(lastNames))], First: firstNames[rng.IntN(len(firstNames))], NPI: luhnNPI(150000000 + rng.IntN(1e7))},
		Lines: []claim837.Line{{Procedure: proc, Charge: x12.Dollars(int64(80 + rng.IntN(200))), Quantity: "1",
			DiagnosisPointers: []int{1}, ServiceDate: dos}},
	}
	if p.kind != codes.Medicare && rng.IntN(4) == 0 {
		c.Patient = &claim837.Patient{Person: claim837.Person{Last: sub.Last, First: firstNames[rng.IntN(len(firstNames))],
			BirthDate: x12.NewDate(2008+rng.IntN(15), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)), Gender: []string{"F", "M"}[rng.IntN(2)],
			Address: home}, Relationship: "19"}
	}
	if opts.Lines > 1 {
		for range rng.IntN(opts.Lines) {
			c.Lines = append(c.Lines, claim837.Line{Procedure: claimProcedures[rng.IntN(len(claimProcedures))],
				Charge: x12.Dollars(int64(80 + rng.IntN(200))), Quantity: "1", DiagnosisPointers: []int{1}, ServiceDate: dos})
		}
	}
	if opts.Replacements > 0 || opts.Voids > 0 {
		switch r := rng.IntN(100); {
		case r < opts.Replacements:
			c.Frequency = "7"
		case r < opts.Replacements+opts.Voids:
			c.Frequency = "8"
		}
		if c.Frequency != "" {
			c.OriginalReference = fmt.Sprintf("%s%07d", dos.X12(), rng.IntN(1e7)) // the payer's number of the original
		}
	}
	modality := codes.AudioVideo
	if rng.IntN(4) == 0 {
		modality = codes.AudioOnly
	}
	setting := codes.Home
	if rng.IntN(5) == 0 {
		setting = codes.OtherSite
	}
	if opts.InPerson > 0 && rng.IntN(100) < opts.InPerson {
		c.PlaceOfService = "11" // seen at the office: no telehealth coding
	} else {
		v := codes.Visit{Payer: codes.Payer{Kind: p.kind, State: "IL", Name: p.payer.Name}, Modality: modality, Setting: setting,
			Behavioral: proc == "90834" || proc == "90837"}
		if _, err := claim837.ApplyTelehealth(&c, v, g.policy); err != nil || c.PlaceOfService == "" {
			c.PlaceOfService = "11" // the policy had nothing to say: bill as an office visit
		}
	}
	if !opts.Clean {
		return c, true
	}
	b := g.header
	b.Claims = []claim837.Claim{c}
	return c, len(claim837.CheckWith(&b, claim837.Options{})) == 0
}

// serviceDate draws a date of service in ClaimOptions' range, or the 60 days before the
// batch's creation.
func (g *claimMaker) serviceDate() x12.Date {
	from, to := g.opts.From, g.opts.To
	if from.IsZero() && to.IsZero() {
		return x12.DateOf(g.created.AddDate(0, 0, -1-g.rng.IntN(60)))
	}
	if from.IsZero() {
		from = x12.DateOf(g.created.AddDate(0, 0, -60))
	}
	if to.IsZero() {
		to = x12.DateOf(g.created.AddDate(0, 0, -1))
	}
	days := max(int(to.Time().Sub(from.Time()).Hours()/24), 0)
	return x12.DateOf(from.Time().AddDate(0, 0, g.rng.IntN(days+1)))
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
