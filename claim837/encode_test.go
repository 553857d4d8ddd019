package claim837

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

var clock = func() time.Time { return time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC) }

func testEnvelope() x12.Envelope {
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID", Usage: x12.Test},
		Controls:    x12.NewSequence(101, 101, 1), Now: clock, Newline: true,
	}
}

// testBatch: a telehealth group billing three visits — a commercial video visit at home, a
// Medicare audio-only follow-up, and a dependent child's video visit under the same subscriber.
func testBatch() *Batch {
	billing := Provider{Name: "EXAMPLE TELEHEALTH GROUP", NPI: "1234567893", Taxonomy: "207Q00000X", EIN: "123456789",
		Address: &x12.Address{Line1: "100 MAIN STREET", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}}
	rendering := &Provider{Person: true, Name: "SMITH", First: "ALEX", NPI: "1223344551", Taxonomy: "2084P0800X"}
	jane := Subscriber{Person: Person{Last: "DOE", First: "JANE", MemberID: "XYZ000000001", BirthDate: x12.NewDate(1980, 1, 1), Gender: "F",
		Address: &x12.Address{Line1: "1 TEST LANE", City: "SPRINGFIELD", State: "IL", ZIP: "62701"}},
		Responsibility: "P", GroupNumber: "GRP0001", FilingIndicator: "CI"}
	plan := Payer{Name: "EXAMPLE HEALTH PLAN", ID: "99999"}
	line := func(code string, mods []string, charge int64, d x12.Date) Line {
		return Line{Procedure: code, Modifiers: mods, Charge: x12.Dollars(charge), Quantity: "1", DiagnosisPointers: []int{1}, ServiceDate: d}
	}
	return &Batch{
		Submitter: Submitter{Name: "EXAMPLE TELEHEALTH GROUP", ID: "SUBMITTERID", Contact: x12.Contact{Name: "BILLING OFFICE", Numbers: []x12.Number{{Type: "TE", Value: "5555550100"}}}},
		Receiver:  Receiver{Name: "EXAMPLE CLEARINGHOUSE", ID: "RECEIVERID"},
		Reference: "BATCH0001", Created: clock(),
		Claims: []Claim{
			{BillingProvider: billing, Subscriber: jane, Payer: plan, PatientControlNumber: "TH0001", PlaceOfService: "10",
				ProviderSignature: true, Diagnoses: []Diagnosis{{"ABK", "F411"}}, Rendering: rendering,
				Lines: []Line{line("99213", []string{"95"}, 150, x12.NewDate(2026, 11, 20))}},
			{BillingProvider: billing,
				Subscriber: Subscriber{Person: Person{Last: "ROE", First: "RICHARD", MemberID: "1EG4TE5MK73", BirthDate: x12.NewDate(1950, 3, 15), Gender: "M",
					Address: &x12.Address{Line1: "2 TEST LANE", City: "SPRINGFIELD", State: "IL", ZIP: "62701"}}, Responsibility: "P", FilingIndicator: "MB"},
				Payer: Payer{Name: "MEDICARE PART B", ID: "00000"}, PatientControlNumber: "TH0002", PlaceOfService: "10", ProviderSignature: true,
				Diagnoses: []Diagnosis{{"ABK", "I10"}, {"ABF", "E119"}}, Rendering: rendering,
				Lines: []Line{line("99214", []string{"93"}, 210, x12.NewDate(2026, 11, 21))}},
			{BillingProvider: billing, Subscriber: jane, Payer: plan,
				Patient: &Patient{Person: Person{Last: "DOE", First: "SAM", BirthDate: x12.NewDate(2015, 6, 1), Gender: "M",
					Address: &x12.Address{Line1: "1 TEST LANE", City: "SPRINGFIELD", State: "IL", ZIP: "62701"}}, Relationship: "19"},
				PatientControlNumber: "TH0003", PlaceOfService: "10", ProviderSignature: true, Diagnoses: []Diagnosis{{"ABK", "J069"}},
				Rendering: rendering, Lines: []Line{line("99212", []string{"95"}, 95, x12.NewDate(2026, 11, 24))}},
		},
	}
}

func TestWriteValidatesClean(t *testing.T) {
	var buf bytes.Buffer
	warnings, err := EncodeOptions{}.write(&buf, testEnvelope(), testBatch())
	require.NoError(t, err)
	for _, w := range warnings {
		assert.Equal(t, x12.SeverityWarning, w.Severity, w.Error())
	}
	golden := filepath.Join("testdata", "encode.golden.837")
	if os.Getenv("X12KIT_UPDATE") == "1" {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())

	sr := x12.NewSetReader(bytes.NewReader(buf.Bytes()))
	sr.Codes = codes.Default()
	set, err := sr.Next()
	require.NoError(t, err)
	assert.Zero(t, set.Findings.Len(), "%v", set.Findings.All())
	_, err = sr.Next()
	require.Equal(t, io.EOF, err)
	assert.Zero(t, sr.Envelopes().Errors().Len())

	// The HL hierarchy: billing provider, two subscribers, the child under Jane.
	var hls []string
	set.Root.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, n *x12.Node) bool {
		if s.ID() == "HL" {
			hls = append(hls, string(s.Raw()))
		}
		return true
	})
	assert.Equal(t, []string{"HL*1**20*1", "HL*2*1*22*1", "HL*3*2*23*0", "HL*4*1*22*0"}, hls)
}

func TestDecodeRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, testEnvelope(), testBatch())
	require.NoError(t, err)
	batches, err := ReadAll(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, batches, 1)
	got := batches[0]
	assert.Equal(t, "BATCH0001", got.Reference)
	require.Len(t, got.Claims, 3)
	byPCN := map[string]Claim{}
	for _, c := range got.Claims {
		byPCN[c.PatientControlNumber] = c
	}
	want := testBatch()
	for _, w := range want.Claims {
		g := byPCN[w.PatientControlNumber]
		w.Charge = claimCharge(&w)
		w.Frequency, w.Assignment, w.BenefitsAssigned, w.ReleaseOfInformation = "1", "A", "Y", "Y"
		for i := range w.Lines {
			w.Lines[i].Qualifier, w.Lines[i].Unit = "HC", "UN"
		}
		// SBR02 is 18 for every claim under a subscriber who is also a patient (Jane here).
		if w.Patient == nil || w.Subscriber.MemberID == "XYZ000000001" {
			w.Subscriber.Relationship = "18"
		}
		// The HL loops it was read under: the billing provider's, the subscriber's and the
		// patient's when it has one.
		assert.Len(t, g.HL, map[bool]int{true: 2, false: 3}[w.Patient == nil], w.PatientControlNumber)
		g.HL = nil
		wj, _ := json.Marshal(w)
		gj, _ := json.Marshal(g)
		assert.JSONEq(t, string(wj), string(gj), w.PatientControlNumber)
	}
	// And writing what was read gives the same bytes.
	var again bytes.Buffer
	err = Write(&again, testEnvelope(), got)
	require.NoError(t, err)
	assert.Equal(t, buf.String(), again.String())
}

func TestCheckFindings(t *testing.T) {
	b := testBatch()
	c := &b.Claims[0]
	c.BillingProvider.NPI = "1234567890" // bad check digit
	c.BillingProvider.Address = &x12.Address{Line1: "PO BOX 12", City: "X", State: "IL", ZIP: "62701"}
	c.Frequency = "7"                                           // no original reference
	c.Diagnoses = append(c.Diagnoses, Diagnosis{"ABF", "1234"}) // not ICD-10
	c.Lines[0].Modifiers = []string{"95", "25", "59", "XU", "GT"}
	c.Lines[0].DiagnosisPointers = []int{1, 3}
	c.Lines[0].Procedure = "99441" // deleted 2025
	c.Charge = x12.Dollars(999)
	b.Claims[1].Subscriber.MemberID = "" // 2010BA NM109 is required
	f := Check(b)
	var got []string
	for _, x := range f {
		got = append(got, x.Rule+" "+x.Field+" "+x.Severity.String())
	}
	for _, want := range []string{
		"npi-check-digit Claims[0].BillingProvider.NPI error",
		"billing-address-po-box Claims[0].BillingProvider.Address.Line1 error",
		"billing-zip9 Claims[0].BillingProvider.Address.ZIP error",
		"frequency-original-reference Claims[0].OriginalReference error",
		"icd10-format Claims[0].Diagnoses[1].Code error",
		"max-modifiers Claims[0].Lines[0].Modifiers error",
		"pointer-range Claims[0].Lines[0].DiagnosisPointers[1] error",
		"procedure-active Claims[0].Lines[0].Procedure error",
		"charge-sum Claims[0].Charge error",
		"required Claims[1].Subscriber.MemberID error",
	} {
		assert.Contains(t, got, want)
	}
	require.Error(t, f.Err())
	assert.True(t, errors.Is(f.Err(), ErrNPI))

	// Write refuses, and says nothing of the values.
	err := Write(io.Discard, testEnvelope(), b)
	require.Error(t, err)
	for _, secret := range []string{"1234567890", "PO BOX", "99441", "DOE", "TH0001"} {
		assert.NotContains(t, err.Error(), secret)
	}

	// Severity can be overridden by rule ID.
	f = CheckWith(b, Options{Ignore: []string{"npi-check-digit"}})
	for _, x := range f {
		assert.NotEqual(t, "npi-check-digit", x.Rule)
	}
}

func TestTelehealthWarnings(t *testing.T) {
	b := testBatch()
	b.Claims[1].Lines[0].Modifiers = []string{"95"} // Medicare audio-only coded as video: no warning (video)
	b.Claims[0].PlaceOfService = "02"               // commercial visit at home billed as 02
	f := Check(b)
	require.NoError(t, f.Err())
	var rules []string
	for _, x := range f {
		if x.Rule == "telehealth-policy" {
			rules = append(rules, x.Field+" "+x.Detail)
		}
	}
	assert.NotEmpty(t, rules)
}

func TestApplyTelehealth(t *testing.T) {
	c := testBatch().Claims[1]
	c.PlaceOfService, c.Lines[0].Modifiers = "11", []string{"GT", "25"}
	w, err := ApplyTelehealth(&c, codes.Visit{Payer: codes.Payer{Kind: codes.Medicare}, Modality: codes.AudioOnly, Setting: codes.Home}, nil)
	require.NoError(t, err)
	assert.Equal(t, "10", c.PlaceOfService)
	assert.Equal(t, []string{"93", "25"}, c.Lines[0].Modifiers)
	assert.Empty(t, c.Lines[0].PlaceOfService)
	for _, x := range w {
		assert.NotEmpty(t, x.Code)
	}
}

func TestClaimNeverPrintsPatientData(t *testing.T) {
	b := testBatch()
	for _, v := range []any{b.Claims[2], &b.Claims[2], *b, b.Claims[2].Subscriber, b.Claims[2].Patient} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			out := sprintf(verb, v)
			for _, secret := range []string{"DOE", "JANE", "SAM", "XYZ000000001", "1980"} {
				assert.NotContains(t, out, secret, verb)
			}
		}
	}
	_ = strings.Contains
}
