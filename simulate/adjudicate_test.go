package simulate

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func adjEnvelope() x12.Envelope {
	when := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SIMPAYER", ReceiverID: "SUBMITTER01", Time: when, Usage: x12.Test},
		Now:         func() time.Time { return when },
		Newline:     true,
	}
}

var dos = x12.NewDate(2026, 11, 2)

// payers by claim filing indicator, as Claims names them.
var testPayers = map[string]claim837.Payer{
	"MB": {Name: "MEDICARE PART B", ID: "00000"},
	"MC": {Name: "STATE MEDICAID", ID: "77777"},
	"CI": {Name: "EXAMPLE HEALTH PLAN", ID: "99999"},
}

// tclaim is a one-line claim to a payer (by filing indicator) for a procedure with modifiers,
// at a POS, for a charge in dollars.
func tclaim(pcn, filing, pos, code string, charge int64, mods ...string) claim837.Claim {
	return claim837.Claim{
		BillingProvider: claim837.Provider{Name: "NORTH TELEHEALTH GROUP", NPI: "1234567893", EIN: "111111111",
			Address: &x12.Address{Line1: "10 FIRST AVENUE", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		Subscriber: claim837.Subscriber{Person: claim837.Person{Last: "ALPHA", First: "ANN", MemberID: "M000000001",
			Address: &x12.Address{Line1: "1 TEST ROAD", City: "SPRINGFIELD", State: "IL", ZIP: "62701"}},
			Responsibility: "P", FilingIndicator: filing},
		Payer:                testPayers[filing],
		PatientControlNumber: pcn, PlaceOfService: pos,
		Diagnoses: []claim837.Diagnosis{{Qualifier: "ABK", Code: "F411"}},
		Lines: []claim837.Line{{Procedure: code, Modifiers: mods, Charge: x12.Dollars(charge), Quantity: "1",
			DiagnosisPointers: []int{1}, ServiceDate: dos, ControlNumber: pcn + "-1"}},
	}
}

// cas is an adjustment written compactly: cas("CO", "45", 5800) is CO-45 $58.00.
func cas(group, reason string, cents int64) remit835.Adjustment {
	return remit835.Adjustment{Group: group, Reason: reason, Amount: x12.Cents(cents)}
}

// checkWritable asserts that the remittances balance and that Write accepts them.
func checkWritable(t *testing.T, remits []*remit835.Remittance) []byte {
	t.Helper()
	for _, r := range remits {
		assert.Empty(t, remit835.Balance(r))
	}
	var out bytes.Buffer
	require.NoError(t, remit835.Write(&out, adjEnvelope(), remits...))
	return out.Bytes()
}

func TestAdjudicatePricing(t *testing.T) {
	twoUnits := tclaim("P6", "MC", "10", "99213", 300, "95")
	twoUnits.Lines[0].Quantity = "2"
	twoLines := tclaim("P7", "CI", "10", "99211", 40, "95")
	twoLines.Lines = append(twoLines.Lines, twoLines.Lines[0])
	twoLines.Lines[1].Procedure, twoLines.Lines[1].Charge = "99213", x12.Dollars(150)
	for _, tc := range []struct {
		name  string
		a     Adjudicator
		claim claim837.Claim
		paid  []int64 // per line, cents
		adj   [][]remit835.Adjustment
		allow []int64
		pr    int64 // CLP05, 0 for none
	}{
		{name: "commercial: fee schedule, CO-45 and a $25 copay", claim: tclaim("P1", "CI", "10", "99213", 150, "95"),
			paid: []int64{6700}, allow: []int64{9200}, pr: 2500,
			adj: [][]remit835.Adjustment{{cas("CO", "45", 5800), cas("PR", "3", 2500)}}},
		{name: "Medicare: 20% coinsurance and 2% sequestration", a: Adjudicator{Sequestration: true},
			claim: tclaim("P2", "MB", "10", "99214", 180),
			paid:  []int64{10192}, allow: []int64{13000}, pr: 2600,
			adj: [][]remit835.Adjustment{{cas("CO", "45", 5000), cas("CO", "253", 208), cas("PR", "2", 2600)}}},
		{name: "Medicare without sequestration", claim: tclaim("P3", "MB", "10", "99214", 180),
			paid: []int64{10400}, allow: []int64{13000}, pr: 2600,
			adj: [][]remit835.Adjustment{{cas("CO", "45", 5000), cas("PR", "2", 2600)}}},
		{name: "Medicaid: a charge under the fee is allowed in full", claim: tclaim("P4", "MC", "10", "99213", 80, "95"),
			paid: []int64{8000}, allow: []int64{8000}, adj: [][]remit835.Adjustment{nil}},
		{name: "unlisted code: 60% of the charge", claim: tclaim("P5", "MC", "11", "99499", 200),
			paid: []int64{12000}, allow: []int64{12000}, adj: [][]remit835.Adjustment{{cas("CO", "45", 8000)}}},
		{name: "unlisted code at a caller's percentage", a: Adjudicator{UnlistedPercent: 75},
			claim: tclaim("P5", "MC", "11", "99499", 200),
			paid:  []int64{15000}, allow: []int64{15000}, adj: [][]remit835.Adjustment{{cas("CO", "45", 5000)}}},
		{name: "two units", claim: twoUnits,
			paid: []int64{18400}, allow: []int64{18400}, adj: [][]remit835.Adjustment{{cas("CO", "45", 11600)}}},
		{name: "a caller's fee schedule", a: Adjudicator{Fees: map[string]x12.Amount{"99213": x12.Dollars(100)}},
			claim: tclaim("P8", "MC", "10", "99213", 150, "95"),
			paid:  []int64{10000}, allow: []int64{10000}, adj: [][]remit835.Adjustment{{cas("CO", "45", 5000)}}},
		{name: "the copay spills over to the next line", claim: twoLines,
			paid: []int64{0, 9000}, allow: []int64{2300, 9200}, pr: 2500,
			adj: [][]remit835.Adjustment{{cas("CO", "45", 1700), cas("PR", "3", 2300)},
				{cas("CO", "45", 5800), cas("PR", "3", 200)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			remits := tc.a.Adjudicate([]claim837.Claim{tc.claim})
			require.Len(t, remits, 1)
			require.Len(t, remits[0].Claims, 1)
			c := remits[0].Claims[0]
			assert.Equal(t, "1", c.Status)
			require.Len(t, c.Lines, len(tc.paid))
			var total int64
			for i, l := range c.Lines {
				assert.Equal(t, x12.Cents(tc.paid[i]), l.Paid, "line %d paid", i)
				assert.Equal(t, tc.adj[i], l.Adjustments, "line %d adjustments", i)
				allowed, ok := l.Allowed()
				assert.True(t, ok)
				assert.Equal(t, x12.Cents(tc.allow[i]), allowed, "line %d allowed", i)
				total += tc.paid[i]
			}
			assert.Equal(t, x12.Cents(total), c.Paid)
			assert.Equal(t, x12.Cents(total), remits[0].Payment.Amount)
			if tc.pr == 0 {
				assert.Nil(t, c.PatientResponsibility)
			} else if assert.NotNil(t, c.PatientResponsibility) {
				assert.Equal(t, x12.Cents(tc.pr), *c.PatientResponsibility)
			}
			checkWritable(t, remits)
		})
	}
}

func TestAdjudicateDeductibleAcrossClaims(t *testing.T) {
	a := Adjudicator{CostShares: map[string]CostShare{
		"CI": {Deductible: x12.Dollars(100), Coinsurance: 20}}}
	first := tclaim("D1", "CI", "10", "99213", 150, "95")
	second := tclaim("D2", "CI", "10", "99214", 200, "95")
	nextYear := tclaim("D3", "CI", "10", "99213", 150, "95")
	nextYear.Lines[0].ServiceDate = x12.NewDate(2027, 1, 4)
	remits := a.Adjudicate([]claim837.Claim{first, second, nextYear})
	require.Len(t, remits, 1)
	cl := remits[0].Claims
	// 99213 allowed $92: all of it goes to the deductible; the claim is processed, not denied.
	assert.Equal(t, "1", cl[0].Status)
	assert.Equal(t, x12.Cents(0), cl[0].Paid)
	assert.Equal(t, []remit835.Adjustment{cas("CO", "45", 5800), cas("PR", "1", 9200)}, cl[0].Lines[0].Adjustments)
	// 99214 allowed $130: $8 of deductible left, then 20% of $122.
	assert.Equal(t, []remit835.Adjustment{cas("CO", "45", 7000), cas("PR", "1", 800), cas("PR", "2", 2440)}, cl[1].Lines[0].Adjustments)
	assert.Equal(t, x12.Cents(9760), cl[1].Paid)
	// A new calendar year starts a new deductible.
	assert.Equal(t, []remit835.Adjustment{cas("CO", "45", 5800), cas("PR", "1", 9200)}, cl[2].Lines[0].Adjustments)
	checkWritable(t, remits)
}

func TestAdjudicateDenials(t *testing.T) {
	withAuth := tclaim("A2", "CI", "10", "90837", 200, "95")
	withAuth.PriorAuthorization = "AUTH1"
	mismatch := tclaim("C1", "CI", "10", "99213", 150, "95")
	mismatch.Charge = x12.Dollars(200)
	partial := tclaim("PT", "CI", "10", "99213", 150, "95")
	partial.Lines = append(partial.Lines, partial.Lines[0])
	partial.Lines[1].Procedure = "99201"
	replacement := tclaim("DUP", "CI", "10", "99213", 150, "95")
	replacement.Frequency, replacement.OriginalReference = "7", "ICN1"
	for _, tc := range []struct {
		name   string
		claims []claim837.Claim // the last one is checked
		status string
		group  string // "" for a paid line
		reason string
		remark string
	}{
		{name: "deleted code 99201", claims: []claim837.Claim{tclaim("X1", "CI", "10", "99201", 150, "95")},
			status: "4", group: "CO", reason: "181", remark: "N56"},
		{name: "telephone E/M deleted in 2025", claims: []claim837.Claim{tclaim("X2", "MC", "10", "99442", 60, "93")},
			status: "4", group: "CO", reason: "181", remark: "N56"},
		{name: "G2012 deleted in 2025", claims: []claim837.Claim{tclaim("X3", "MB", "11", "G2012", 20)},
			status: "4", group: "CO", reason: "181", remark: "N56"},
		{name: "authorization missing", claims: []claim837.Claim{tclaim("A1", "CI", "10", "90837", 200, "95")},
			status: "4", group: "CO", reason: "197"},
		{name: "authorization given", claims: []claim837.Claim{withAuth}, status: "1"},
		{name: "traditional Medicare asks for no authorization", claims: []claim837.Claim{tclaim("A3", "MB", "10", "90837", 200)},
			status: "1"},
		{name: "Medicare telehealth billed at POS 11 with 95", claims: []claim837.Claim{tclaim("T1", "MB", "11", "99213", 150, "95")},
			status: "4", group: "CO", reason: "5", remark: "M77"},
		{name: "commercial telehealth without 95", claims: []claim837.Claim{tclaim("T2", "CI", "10", "99213", 150)},
			status: "4", group: "CO", reason: "4", remark: "N822"},
		{name: "Medicare no longer wants 95", claims: []claim837.Claim{tclaim("T3", "MB", "10", "99213", 150, "95")},
			status: "4", group: "CO", reason: "4", remark: "N823"},
		{name: "Medicare does not pay the 98000 series", claims: []claim837.Claim{tclaim("T4", "MB", "10", "98005", 150)},
			status: "4", group: "CO", reason: "96", remark: "N130"},
		{name: "Medicare audio-only outside the home", claims: []claim837.Claim{tclaim("T5", "MB", "02", "99213", 150, "93")},
			status: "4", group: "CO", reason: "58", remark: "M77"},
		{name: "Medicare audio-only at home", claims: []claim837.Claim{tclaim("T6", "MB", "10", "99213", 150, "93")},
			status: "1"},
		{name: "duplicate claim", claims: []claim837.Claim{tclaim("DUP", "CI", "10", "99213", 150, "95"), tclaim("DUP", "CI", "10", "99213", 150, "95")},
			status: "4", group: "OA", reason: "18", remark: "M86"},
		{name: "a replacement is not a duplicate", claims: []claim837.Claim{tclaim("DUP", "CI", "10", "99213", 150, "95"), replacement},
			status: "1"},
		{name: "claim charge differs from its lines", claims: []claim837.Claim{mismatch},
			status: "4", group: "CO", reason: "16", remark: "MA130"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a Adjudicator
			remits := a.Adjudicate(tc.claims)
			require.Len(t, remits, 1)
			c := remits[0].Claims[len(remits[0].Claims)-1]
			assert.Equal(t, tc.status, c.Status)
			l := c.Lines[0]
			if tc.group == "" {
				assert.Positive(t, l.Paid)
				assert.Empty(t, l.Remarks)
			} else {
				assert.Equal(t, []remit835.Adjustment{cas(tc.group, tc.reason, int64(l.Charge))}, l.Adjustments)
				assert.Equal(t, x12.Cents(0), l.Paid)
				allowed, _ := l.Allowed()
				assert.Equal(t, x12.Cents(0), allowed)
				assert.Nil(t, c.PatientResponsibility)
				if tc.remark == "" {
					assert.Empty(t, l.Remarks)
				} else {
					assert.Equal(t, []remit835.Remark{{Qualifier: "HE", Code: tc.remark}}, l.Remarks)
				}
				assert.True(t, codes.Default().Contains("carc", tc.reason), "CARC %s is in the codes set", tc.reason)
			}
			checkWritable(t, remits)
		})
	}

	t.Run("the difference of a mismatched charge is a claim-level CO-16", func(t *testing.T) {
		remits := Adjudicate([]claim837.Claim{mismatch})
		assert.Equal(t, []remit835.Adjustment{cas("CO", "16", 5000)}, remits[0].Claims[0].Adjustments)
	})
	t.Run("one denied line leaves the claim processed", func(t *testing.T) {
		remits := Adjudicate([]claim837.Claim{partial})
		c := remits[0].Claims[0]
		assert.Equal(t, "1", c.Status)
		assert.Equal(t, x12.Cents(6700), c.Paid)
		assert.Equal(t, "181", c.Lines[1].Adjustments[0].Reason)
		checkWritable(t, remits)
	})
	t.Run("nothing paid: BPR*H with method NON", func(t *testing.T) {
		remits := Adjudicate([]claim837.Claim{tclaim("Z1", "CI", "10", "99201", 150, "95")})
		p := remits[0].Payment
		assert.Equal(t, []string{"H", "0.00", "C", "NON"}, []string{p.Handling, p.Amount.String(), p.CreditDebit, p.Method})
		checkWritable(t, remits)
	})
}

func TestAdjudicateEchoesTheClaim(t *testing.T) {
	dep := tclaim("E1", "CI", "02", "99214", 170, "95", "25")
	dep.Patient = &claim837.Patient{Person: claim837.Person{Last: "ALPHA", First: "BEN"}, Relationship: "19"}
	dep.Rendering = &claim837.Provider{Person: true, Name: "DELTA", First: "DAN", NPI: "1234567893"}
	dep.Lines[0].Quantity = "2"
	other := tclaim("E2", "MB", "10", "99213", 100)
	other.Rendering = &claim837.Provider{Person: true, Name: "ECHO", First: "EVA", NPI: "1245319599"}
	remits := Adjudicate([]claim837.Claim{dep, other})
	require.Len(t, remits, 2, "one remittance per payer")
	r := remits[0]
	assert.Equal(t, "EXAMPLE HEALTH PLAN", r.Payer.Name)
	assert.Equal(t, []x12.Ref{{Qualifier: "2U", Value: "99999"}}, r.Payer.Refs)
	assert.Equal(t, "XX", r.Payee.IDQualifier)
	assert.Equal(t, "1234567893", r.Payee.ID)
	assert.Equal(t, r.Trace.Originator, r.Payment.PayerID, "TRN03 = BPR10")
	assert.Len(t, r.Trace.Originator, 10)
	assert.Equal(t, x12.NewDate(2026, 11, 16), r.Payment.Date, "14 days after the date of service")

	c := r.Claims[0]
	assert.Equal(t, "E1", c.PatientControl)
	assert.Equal(t, "15", c.FilingIndicator, "CI is not an 835 code: commercial insurance is paid as indemnity")
	assert.Equal(t, "02", c.Facility)
	assert.Equal(t, "1", c.Frequency)
	assert.Equal(t, "20261116000001", c.PayerControl)
	assert.Equal(t, &remit835.Name{Person: true, Last: "ALPHA", First: "BEN"}, c.Patient)
	assert.Equal(t, &remit835.Name{Person: true, Last: "ALPHA", First: "ANN", IDQualifier: "MI", ID: "M000000001"}, c.Insured)
	assert.Nil(t, c.ServiceProvider, "the rendering provider is the payee")
	l := c.Lines[0]
	assert.Equal(t, remit835.Procedure{Qualifier: "HC", Code: "99214", Modifiers: []string{"95", "25"}}, l.Procedure)
	assert.Equal(t, dos, l.Date)
	assert.Equal(t, "E1-1", l.ControlNumber)
	assert.Equal(t, "2", l.Units)

	c = remits[1].Claims[0]
	assert.Equal(t, "20261116000002", c.PayerControl)
	assert.Nil(t, c.Insured, "the subscriber is the patient")
	assert.Equal(t, "MI", c.Patient.IDQualifier)
	require.NotNil(t, c.ServiceProvider)
	assert.Equal(t, "1245319599", c.ServiceProvider.ID)
	checkWritable(t, remits)
}

// TestAdjudicateGenerated adjudicates generated claims read back from their 837P: every 835
// validates clean and balances, and every claim is answered once under its CLM01.
func TestAdjudicateGenerated(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 42, 2026} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			var in bytes.Buffer
			b := Claims(60, seed, ClaimOptions{})
			err := claim837.Write(&in, x12.Envelope{
				Interchange: x12.InterchangeHeader{SenderID: "SUBMITTER01", ReceiverID: "RECEIVER01"},
				Now:         func() time.Time { return b.Created },
			}, b)
			require.NoError(t, err)
			batches, err := claim837.ReadAll(&in)
			require.NoError(t, err)
			require.Len(t, batches, 1)
			a := Adjudicator{Sequestration: true}
			data := checkWritable(t, a.Adjudicate(batches[0].Claims))

			// Independently of Write's own check: the guide, the code sets and the envelopes.
			assert.Empty(t, x12.CheckOutput(data, codes.Default(), nil))

			remits, err := remit835.ReadAll(bytes.NewReader(data))
			require.NoError(t, err)
			answered := map[string]int{}
			statuses := map[string]int{}
			for _, r := range remits {
				assert.Empty(t, remit835.Balance(r))
				for _, c := range r.Claims {
					answered[c.PatientControl]++
					statuses[c.Status]++
				}
			}
			require.Len(t, answered, len(b.Claims))
			for _, c := range b.Claims {
				assert.Equal(t, 1, answered[c.PatientControlNumber], "CLM01 of claim answered once")
			}
			assert.Positive(t, statuses["1"], "some claims are paid")
		})
	}
}

func TestAdjudicateIsDeterministic(t *testing.T) {
	b := Claims(40, 7, ClaimOptions{})
	var a1, a2 Adjudicator
	first := checkWritable(t, a1.Adjudicate(b.Claims))
	second := checkWritable(t, a2.Adjudicate(b.Claims))
	assert.Equal(t, first, second)
	// The same Adjudicator sees the claims a second time as duplicates.
	again := a1.Adjudicate(b.Claims)
	for _, r := range again {
		for _, c := range r.Claims {
			assert.Equal(t, "4", c.Status)
			assert.Equal(t, "18", c.Lines[0].Adjustments[0].Reason)
		}
	}
}

func TestAdjudicateBadInputDoesNotPanic(t *testing.T) {
	claims := []claim837.Claim{
		{},                               // nothing at all
		{PatientControlNumber: "NOLINE"}, // no lines
		{PatientControlNumber: "NEG", Lines: []claim837.Line{{Procedure: "99213", Charge: -100, Quantity: "x"}}},
		{PatientControlNumber: "ZERO", Lines: []claim837.Line{{Procedure: "", Quantity: "0"}}},
		{PatientControlNumber: "HUGE", Lines: []claim837.Line{{Procedure: "99213", Charge: x12.Dollars(99999999), Quantity: "999999999999999"}}},
	}
	var remits []*remit835.Remittance
	require.NotPanics(t, func() { remits = Adjudicate(claims) })
	for _, r := range remits {
		assert.Empty(t, remit835.Balance(r))
		for _, c := range r.Claims {
			assert.GreaterOrEqual(t, int64(c.Paid), int64(0))
		}
	}
	err := remit835.Write(io.Discard, adjEnvelope(), remits...)
	if err != nil {
		require.ErrorIs(t, err, x12.ErrInvalid)
		assert.NotContains(t, err.Error(), "NOLINE")
		assert.NotContains(t, err.Error(), "NEG")
	}
}

// TestAdjudicateGolden keeps one 835 with every rule in testdata, for people to read.
func TestAdjudicateGolden(t *testing.T) {
	auth := tclaim("G05", "CI", "10", "90837", 220, "95")
	auth.PriorAuthorization = "AUTH0001"
	claims := []claim837.Claim{
		tclaim("G01", "CI", "10", "99213", 150, "95"),
		tclaim("G02", "MB", "10", "99214", 180),
		tclaim("G03", "MC", "10", "99212", 50, "95"),
		tclaim("G04", "CI", "10", "90837", 220, "95"),
		auth,
		tclaim("G06", "CI", "10", "99201", 120, "95"),
		tclaim("G07", "MB", "11", "99213", 150, "95"),
		tclaim("G08", "CI", "10", "99213", 150),
		tclaim("G09", "MB", "10", "98005", 150),
		tclaim("G10", "MB", "02", "99213", 150, "93"),
		tclaim("G01", "CI", "10", "99213", 150, "95"),
	}
	a := Adjudicator{Sequestration: true}
	got := checkWritable(t, a.Adjudicate(claims))
	path := filepath.Join("testdata", "rules.835")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestAdjudicateGolden -update to create it")
	assert.Equal(t, string(want), string(got))
}

// TestAdjudicateFilingIndicator: CLP06 echoes SBR09, but for the 837P codes the 835 does not
// list, which become their nearest 835 code; every claim payment passes the 835 guide.
func TestAdjudicateFilingIndicator(t *testing.T) {
	for sbr09, clp06 := range map[string]string{"CI": "15", "BL": "12", "FI": "OF", "11": "ZZ", "MB": "MB", "MC": "MC", "12": "12", "HM": "HM"} {
		t.Run(sbr09, func(t *testing.T) {
			remits := checkWritable(t, Adjudicate([]claim837.Claim{tclaim("F1", sbr09, "10", "99213", 150)}))
			assert.Contains(t, string(remits), "*"+clp06+"*20261116000001*", "CLP06")
		})
	}
}

// BenchmarkAdjudicate measures the simulated payer alone and with Write (encoding, then
// validating and balancing the output), over 1000 generated claims; bytes are the 835's.
func BenchmarkAdjudicate(b *testing.B) {
	claims := Claims(1000, 1, ClaimOptions{}).Claims
	env := adjEnvelope()
	var a Adjudicator
	var buf bytes.Buffer
	require.NoError(b, remit835.Write(&buf, env, a.Adjudicate(claims)...))
	size := int64(buf.Len())
	b.Run("adjudicate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			var a Adjudicator
			a.Adjudicate(claims)
		}
	})
	b.Run("adjudicate+write", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			var a Adjudicator
			if err := remit835.Write(io.Discard, env, a.Adjudicate(claims)...); err != nil {
				b.Fatal(err)
			}
		}
	})
}
