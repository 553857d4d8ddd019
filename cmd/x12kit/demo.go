package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "demo",
		usage:   "demo [--out FILE]",
		summary: "build telehealth 837P claims from typed structs, code them with the telehealth policy, validate them, print the X12 and a report",
		run:     runDemo,
	})
}

// demoClock fixes the demo's dates so its output is the same on every run.
var demoClock = func() time.Time { return time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC) }

// demoVisit is one telehealth visit: the claim without its coding, and how it happened.
type demoVisit struct {
	story string
	claim claim837.Claim
	visit codes.Visit
}

func demoVisits() []demoVisit {
	billing := claim837.Provider{Name: "EXAMPLE TELEHEALTH GROUP", NPI: "1234567893", Taxonomy: "207Q00000X", EIN: "123456789",
		Address: &x12.Address{Line1: "100 MAIN STREET", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}}
	rendering := &claim837.Provider{Person: true, Name: "SMITH", First: "ALEX", NPI: "1223344551", Taxonomy: "2084P0800X"}
	home := &x12.Address{Line1: "1 TEST LANE", City: "SPRINGFIELD", State: "IL", ZIP: "62701"}
	jane := claim837.Subscriber{Person: claim837.Person{Last: "DOE", First: "JANE", MemberID: "XYZ000000001",
		BirthDate: x12.NewDate(1980, 1, 1), Gender: "F", Address: home}, Responsibility: "P", GroupNumber: "GRP0001", FilingIndicator: "CI"}
	richard := claim837.Subscriber{Person: claim837.Person{Last: "ROE", First: "RICHARD", MemberID: "1EG4TE5MK73",
		BirthDate: x12.NewDate(1950, 3, 15), Gender: "M", Address: home}, Responsibility: "P", FilingIndicator: "MB"}
	plan := claim837.Payer{Name: "EXAMPLE HEALTH PLAN", ID: "99999"}
	medicare := claim837.Payer{Name: "MEDICARE PART B", ID: "00000"}
	line := func(code string, charge int64, d x12.Date) []claim837.Line {
		return []claim837.Line{{Procedure: code, Charge: x12.Dollars(charge), Quantity: "1", DiagnosisPointers: []int{1}, ServiceDate: d}}
	}
	claim := func(pcn string, sub claim837.Subscriber, payer claim837.Payer, dx string, lines []claim837.Line) claim837.Claim {
		return claim837.Claim{BillingProvider: billing, Subscriber: sub, Payer: payer, PatientControlNumber: pcn,
			ProviderSignature: true, Diagnoses: []claim837.Diagnosis{{Qualifier: "ABK", Code: dx}}, Rendering: rendering, Lines: lines}
	}
	child := claim("TH0004", jane, plan, "J069", line("99212", 95, x12.NewDate(2026, 11, 25)))
	child.Patient = &claim837.Patient{Person: claim837.Person{Last: "DOE", First: "SAM", BirthDate: x12.NewDate(2015, 6, 1), Gender: "M", Address: home},
		Relationship: "19"}
	commercial := codes.Payer{Kind: codes.Commercial, Name: plan.Name}
	return []demoVisit{
		{"commercial plan, video, patient at home (payer rule: POS 02 + 95)",
			claim("TH0001", jane, plan, "F411", line("99213", 150, x12.NewDate(2026, 11, 20))),
			codes.Visit{Payer: commercial, Modality: codes.AudioVideo, Setting: codes.Home}},
		{"Medicare, video, patient at home",
			claim("TH0002", richard, medicare, "I10", line("99214", 210, x12.NewDate(2026, 11, 21))),
			codes.Visit{Payer: codes.Payer{Kind: codes.Medicare}, Modality: codes.AudioVideo, Setting: codes.Home}},
		{"Medicare, audio-only follow-up, patient at home",
			claim("TH0003", richard, medicare, "I10", line("99213", 150, x12.NewDate(2026, 11, 24))),
			codes.Visit{Payer: codes.Payer{Kind: codes.Medicare}, Modality: codes.AudioOnly, Setting: codes.Home}},
		{"commercial plan, dependent child, video at home",
			child, codes.Visit{Payer: commercial, Modality: codes.AudioVideo, Setting: codes.Home}},
	}
}

func runDemo(e env, args []string) int {
	c := commands["demo"]
	fs := newFlags(e, c)
	out := fs.String("out", "", "also write the 837P to this file")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	data, report, err := buildDemo()
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
		return exitBad
	}
	fmt.Fprintln(e.stdout, "== 837P (005010X222A1), synthetic data ==")
	e.stdout.Write(data)
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, "== report ==")
	for _, l := range report {
		fmt.Fprintln(e.stdout, l)
	}

	// Read it back: the guide, the envelopes, the typed claims.
	sr := x12.NewSetReader(bytes.NewReader(data))
	sr.Codes = codes.Default()
	findings := 0
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
			return exitBad
		}
		for _, f := range set.Findings.All() {
			fmt.Fprintln(e.stdout, f)
			findings++
		}
	}
	for _, f := range sr.Envelopes().Errors().All() {
		fmt.Fprintln(e.stdout, f)
		findings++
	}
	batches, err := claim837.ReadAll(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
		return exitBad
	}
	n := 0
	for _, b := range batches {
		n += len(b.Claims)
	}
	if findings == 0 {
		fmt.Fprintf(e.stdout, "validated against 005010X222A1: no findings; read back %d claims\n", n)
	}
	if *out != "" {
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			fmt.Fprintf(e.stderr, "x12kit demo: cannot write %s: %v\n", *out, err)
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", *out)
	}
	if findings > 0 {
		return exitBad
	}
	return exitOK
}

// buildDemo codes each visit with the telehealth policy (one commercial payer registered with
// its own rule), checks and writes the claims, and returns the X12 and a report line per claim.
func buildDemo() ([]byte, []string, error) {
	var policy codes.Policy
	if err := policy.RegisterPayerRule(codes.PayerRule{Kind: codes.Commercial, Name: "EXAMPLE HEALTH PLAN",
		Modality: codes.AudioVideo, POS: "02", Modifiers: []string{"95"}, Note: "the plan's telehealth bulletin (example)"}); err != nil {
		return nil, nil, err
	}
	batch := &claim837.Batch{
		Submitter: claim837.Submitter{Name: "EXAMPLE TELEHEALTH GROUP", ID: "SUBMITTERID",
			Contact: x12.Contact{Name: "BILLING OFFICE", Numbers: []x12.Number{{Type: "TE", Value: "5555550100"}}}},
		Receiver:  claim837.Receiver{Name: "EXAMPLE CLEARINGHOUSE", ID: "RECEIVERID"},
		Reference: "BATCH0001", Created: demoClock(),
	}
	var report []string
	for _, v := range demoVisits() {
		cl := v.claim
		warnings, err := claim837.ApplyTelehealth(&cl, v.visit, &policy)
		if err != nil {
			return nil, nil, err
		}
		l := cl.Lines[0]
		line := fmt.Sprintf("claim %s  POS %s  %s %v  $%s  %s", cl.PatientControlNumber, cl.PlaceOfService, l.Procedure, l.Modifiers, l.Charge, v.story)
		for _, w := range warnings {
			line += "\n    policy: " + w.Code
		}
		report = append(report, line)
		batch.Claims = append(batch.Claims, cl)
	}
	var buf bytes.Buffer
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID", AckRequested: true, Usage: x12.Test},
		Controls:    x12.NewSequence(101, 101, 1), Now: demoClock, Newline: true,
	}
	enc := claim837.NewEncoder(&buf, env, &claim837.EncodeOptions{Checks: claim837.Options{Policy: &policy}})
	err := errors.Join(enc.Encode(batch), enc.Close())
	for _, f := range enc.Warnings() {
		report = append(report, "check: "+f.Error())
	}
	if err != nil {
		return nil, report, err
	}
	return buf.Bytes(), report, nil
}
