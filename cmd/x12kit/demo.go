package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "demo",
		usage:   "demo [--out FILE]",
		summary: "build telehealth 837P claims, check them, print their X12 and a short report",
		run:     runDemo,
	})
}

// demoVisit is one telehealth visit of the demo: who pays, how it happened, and the coding the
// visit gets. Until the claim837 package lands, the demo writes the 837P segments itself.
type demoVisit struct {
	pcn        string
	payer      string // payer name for NM1*PR
	payerID    string
	filing     string // SBR09 claim filing indicator: CI commercial, MB Medicare Part B, MC Medicaid
	modality   string
	pos        string // CLM05-1 place of service
	procedure  string
	modifiers  []string
	charge     string
	diagnosis  string // ICD-10-CM, without the dot
	service    string // date of service, CCYYMMDD
	patient    [2]string
	memberID   string
	birth      string
	gender     string
	renderName [2]string
	renderNPI  string
}

var demoVisits = []demoVisit{
	{
		pcn: "TH0001", payer: "EXAMPLE HEALTH PLAN", payerID: "99999", filing: "CI", modality: "video, patient at home",
		pos: "10", procedure: "99213", modifiers: []string{"95"}, charge: "150", diagnosis: "F411", service: "20261120",
		patient: [2]string{"DOE", "JANE"}, memberID: "XYZ000000001", birth: "19800101", gender: "F",
		renderName: [2]string{"SMITH", "ALEX"}, renderNPI: "1223344551",
	},
	{
		pcn: "TH0002", payer: "MEDICARE PART B", payerID: "00000", filing: "MB", modality: "video, patient at home",
		pos: "10", procedure: "99214", charge: "210", diagnosis: "I10", service: "20261121",
		patient: [2]string{"ROE", "RICHARD"}, memberID: "1EG4TE5MK73", birth: "19500315", gender: "M",
		renderName: [2]string{"SMITH", "ALEX"}, renderNPI: "1223344551",
	},
	{
		pcn: "TH0003", payer: "MEDICARE PART B", payerID: "00000", filing: "MB", modality: "audio only, patient at home",
		pos: "10", procedure: "99213", modifiers: []string{"93"}, charge: "150", diagnosis: "F329", service: "20261124",
		patient: [2]string{"POE", "EDGAR"}, memberID: "2EG4TE5MK74", birth: "19481010", gender: "M",
		renderName: [2]string{"SMITH", "ALEX"}, renderNPI: "1223344551",
	},
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
	var buf bytes.Buffer
	if err := buildDemo(&buf); err != nil {
		fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
		return exitBad
	}
	data := buf.Bytes()

	// Read it back: envelope checks and counts.
	checker, err := x12.CheckEnvelopes(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
		return exitBad
	}
	st, _, err := count(bytes.NewReader(data), func(error) {})
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
		return exitBad
	}
	lines, err := readClaims(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit demo: %v\n", err)
		return exitBad
	}

	fmt.Fprintln(e.stdout, "== 837P (005010X222A1), synthetic data ==")
	e.stdout.Write(data)
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, "== read back ==")
	for _, l := range lines {
		fmt.Fprintln(e.stdout, l)
	}
	fmt.Fprintf(e.stdout, "%d interchange, %d group, %d transaction set(s), %d segments, %d elements, %d bytes\n",
		st.Interchanges, st.Groups, st.Transactions["837"], st.Segments, st.Elements, st.Bytes)
	errs := checker.Errors()
	if errs.Len() == 0 {
		fmt.Fprintln(e.stdout, "envelope and syntax checks: no findings (TA1 would be A/000)")
	} else {
		for _, f := range errs.All() {
			fmt.Fprintln(e.stdout, f)
		}
	}
	if *out != "" {
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			fmt.Fprintf(e.stderr, "x12kit demo: cannot write %s: %v\n", *out, err)
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", *out)
	}
	if errs.Len() > 0 {
		return exitBad
	}
	return exitOK
}

// buildDemo writes one 837P transaction set holding the demo claims, billing provider and
// submitter as in domain.md §2.2 (subscriber = patient, one line per claim).
func buildDemo(w io.Writer) error {
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	ew.Controls = x12.NewSequence(101, 101, 1)
	ew.Now = func() time.Time { return time.Date(2026, 11, 28, 14, 30, 0, 0, time.UTC) }
	ew.BeginInterchange(x12.InterchangeHeader{SenderID: "SUBMITTERID", ReceiverID: "RECEIVERID", AckRequested: true, Usage: x12.Test})
	ew.BeginGroup(x12.GroupHeader{FunctionalID: "HC", SenderCode: "SUBMITTERID", ReceiverCode: "RECEIVERID", Version: "005010X222A1"})
	ew.BeginSet(x12.SetHeader{ID: "837", Reference: "005010X222A1"})
	s := ew.WriteStrings
	s("BHT", "0019", "00", "BATCH0001", "20261128", "1430", "CH")
	s("NM1", "41", "2", "EXAMPLE TELEHEALTH GROUP", "", "", "", "", "46", "SUBMITTERID")
	s("PER", "IC", "BILLING OFFICE", "TE", "5555550100")
	s("NM1", "40", "2", "EXAMPLE CLEARINGHOUSE", "", "", "", "", "46", "RECEIVERID")
	s("HL", "1", "", "20", "1")
	s("PRV", "BI", "PXC", "207Q00000X")
	s("NM1", "85", "2", "EXAMPLE TELEHEALTH GROUP", "", "", "", "", "XX", "1234567893")
	s("N3", "100 MAIN STREET")
	s("N4", "SPRINGFIELD", "IL", "627010001")
	s("REF", "EI", "123456789")
	for i, v := range demoVisits {
		s("HL", fmt.Sprint(i+2), "1", "22", "0")
		s("SBR", "P", "18", "", "", "", "", "", "", v.filing)
		s("NM1", "IL", "1", v.patient[0], v.patient[1], "", "", "", "MI", v.memberID)
		s("N3", "1 TEST LANE")
		s("N4", "SPRINGFIELD", "IL", "62701")
		s("DMG", "D8", v.birth, v.gender)
		s("NM1", "PR", "2", v.payer, "", "", "", "", "PI", v.payerID)
		ew.Write("CLM", x12.E(v.pcn), x12.E(v.charge), x12.E(""), x12.E(""), x12.C(v.pos, "B", "1"),
			x12.E("Y"), x12.E("A"), x12.E("Y"), x12.E("Y"))
		ew.Write("HI", x12.C("ABK", v.diagnosis))
		s("NM1", "82", "1", v.renderName[0], v.renderName[1], "", "", "", "XX", v.renderNPI)
		s("PRV", "PE", "PXC", "2084P0800X")
		s("LX", "1")
		proc := append([]string{"HC", v.procedure}, v.modifiers...)
		ew.Write("SV1", x12.C(proc...), x12.E(v.charge), x12.E("UN"), x12.E("1"), x12.E(""), x12.E(""), x12.C("1"))
		s("DTP", "472", "D8", v.service)
	}
	return ew.Close()
}

// readClaims reads the demo's 837P back with the Reader and describes each claim by its
// coding: what a billing engineer checks first on a telehealth claim.
func readClaims(data []byte) ([]string, error) {
	r := x12.NewReader(bytes.NewReader(data))
	var out []string
	var pcn, pos, filing string
	visit := 0
	for {
		s, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch s.ID() {
		case "SBR":
			filing = s.Value(9)
		case "CLM":
			pcn, pos = s.Value(1), string(s.Component(5, 1))
		case "SV1":
			mods := []string{}
			for c := 3; c <= s.Components(1, 1); c++ {
				mods = append(mods, string(s.Component(1, c)))
			}
			m := "none"
			if len(mods) > 0 {
				m = strings.Join(mods, ",")
			}
			out = append(out, fmt.Sprintf("claim %s  filing %s  POS %s  %s  modifiers %-4s  charge %s  (%s)",
				pcn, filing, pos, string(s.Component(1, 2)), m, s.Value(2), demoVisits[visit].modality))
			visit++
		}
	}
}
