package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// safeHarborPositions are, by segment ID, the elements of the 5010 healthcare transactions that
// hold what HIPAA's Safe Harbor de-identification removes: names (NM1, N1, PER, SBR04, RDM),
// addresses below the state (N3, N401, N403), dates tied to a person or a service (DTP, DMG,
// DTM, PAT06, MPI07), telephone, fax and e-mail (PER, RDM03), identifying numbers (NM109, N104,
// REF, TRN, SBR03, CLM01, CLP01, CLP07, INS17, PWK06, bank accounts in BPR) and free text
// (NTE, MSG, K3, REF03, EB05, III04). It is written from that list, by segment, apart from
// the guides' marks that the redaction follows, so that it checks them. Names, identifiers,
// addresses and contacts count where they are a person's (personEntities); reference
// numbers where they are not a provider's or payer's (providerNumbers).
var safeHarborPositions = map[string][]int{
	"NM1": {3, 4, 5, 7, 9},
	"N1":  {2, 4},
	"N3":  {1, 2},
	"N4":  {1, 3},
	"PER": {2, 4, 6, 8},
	"RDM": {2, 3},
	"DMG": {2},
	"DTP": {3},
	"DTM": {2},
	"PAT": {6, 8},
	"MPI": {7},
	"REF": {2, 3},
	"TRN": {2},
	"SBR": {3, 4},
	"CLM": {1},
	"CLP": {1, 7},
	"INS": {17},
	"PWK": {6},
	"BPR": {7, 9, 13, 15},
	"NTE": {2},
	"MSG": {1},
	"K3":  {1},
	"EB":  {5},
	"III": {4},
}

// personEntities are the NM101/N101 codes of a person the data is about (subscriber, patient,
// dependent, insured, employer) or of a place tied to the patient (an ambulance's pick-up and
// drop-off): their names, identifiers, addresses and contacts are Safe Harbor data.
var personEntities = map[string]bool{"IL": true, "QC": true, "03": true, "74": true, "GB": true, "36": true, "PW": true, "45": true}

// partyElements are the segments whose Safe Harbor positions count only for a person's party.
var partyElements = map[string]bool{"NM1": true, "N1": true, "N3": true, "N4": true, "PER": true}

// providerNumbers are REF01 codes of numbers that identify a provider, payer or facility.
var providerNumbers = map[string]bool{
	"0B": true, "1A": true, "1B": true, "1C": true, "1D": true, "1G": true, "1H": true, "1J": true,
	"D3": true, "G2": true, "LU": true, "HPI": true, "TJ": true, "EI": true, "2U": true, "FY": true,
	"NF": true, "EO": true, "HI": true, "PQ": true, "N5": true, "N7": true, "4A": true, "X4": true,
	"F4": true, "EV": true, "F2": true, "EW": true, "0K": true,
}

// plantMarkers rewrites data with a unique marker in every non-empty Safe Harbor position
// (one segment a line, in the file's own delimiters), and with every segment that holds one
// renamed when corrupt is set (NM1 becomes QM1: no guide can place it). It returns the
// rewritten file and the markers planted.
func plantMarkers(t *testing.T, data []byte, corrupt bool) ([]byte, []string) {
	t.Helper()
	r := x12.NewReader(bytes.NewReader(data))
	var out bytes.Buffer
	var markers []string
	person := false // whether the party named last is a person the data is about
	for {
		s, err := r.Next()
		if err != nil {
			break
		}
		d := s.Delimiters()
		positions := safeHarborPositions[s.ID()]
		switch s.ID() {
		case "NM1", "N1":
			person = personEntities[string(s.Element(1))]
		case "HL", "LX", "CLM", "CLP", "SVC", "EB", "LS", "LE":
			person = false
		}
		if partyElements[s.ID()] && !person || s.ID() == "REF" && providerNumbers[string(s.Element(1))] {
			positions = nil // a provider's or payer's
		}
		if len(positions) == 0 || s.IsBinary() {
			out.Write(s.Raw())
			out.WriteString(d.Segment + "\n")
			continue
		}
		elements := make([]string, 0, s.Len()+1)
		id := s.ID()
		if corrupt {
			id = "Q" + id[1:]
			if id == s.ID() {
				id = "Z" + id[1:]
			}
		}
		elements = append(elements, id)
		for n := 1; n <= s.Len(); n++ {
			v := string(s.Element(n))
			for _, p := range positions {
				if p == n && v != "" {
					v = fmt.Sprintf("QJZ%05d", len(markers))
					markers = append(markers, v)
				}
			}
			elements = append(elements, v)
		}
		out.WriteString(strings.Join(elements, string(d.Element)))
		out.WriteString(d.Segment + "\n")
	}
	return out.Bytes(), markers
}

// redactionInputs are the files the redaction is checked on: the command's fixtures, files
// generated for each transaction, and (with X12KIT_CORPUS) every file of the public corpus.
func redactionInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{}
	fixtures, err := filepath.Glob(filepath.Join("testdata", "*.x12"))
	require.NoError(t, err)
	more, err := filepath.Glob(filepath.Join("testdata", "*.271"))
	require.NoError(t, err)
	for _, f := range append(fixtures, more...) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		in[f] = data
	}
	for _, kind := range []string{"837p", "835", "270", "271"} {
		code, out, errOut := runCLI(t, "", "gen", kind, "--claims", "30", "--seed", "5")
		require.Equal(t, exitOK, code, errOut)
		in["gen "+kind] = []byte(out)
	}
	if dir := os.Getenv("X12KIT_CORPUS"); dir != "" {
		files, err := filepath.Glob(filepath.Join(dir, "*", "*"))
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".txt") {
				continue
			}
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			in[filepath.Base(f)] = data
		}
	}
	return in
}

// TestRedactSafeHarbor: inspect --redact shows no value planted at a Safe Harbor position of
// any file, whether the guide places the segment or its ID is corrupted so that nothing can,
// and keeps every segment and every line's length.
func TestRedactSafeHarbor(t *testing.T) {
	checked, files := 0, 0
	for name, data := range redactionInputs(t) {
		for _, corrupt := range []bool{false, true} {
			planted, markers := plantMarkers(t, data, corrupt)
			if len(markers) == 0 {
				continue
			}
			_, plain, _ := runCLI(t, string(planted), "inspect", "-")
			_, red, _ := runCLI(t, string(planted), "inspect", "--redact", "-")
			require.NotEmpty(t, red, name)
			assert.Equal(t, len(plain), len(red), "%s: redaction keeps lengths", name)
			assert.Equal(t, strings.Count(plain, "\n"), strings.Count(red, "\n"), name)
			for _, m := range markers {
				require.Contains(t, plain, m, "%s: the marker is printed without --redact", name)
				if !assert.NotContains(t, red, m, "%s (IDs corrupted: %v)", name, corrupt) {
					break
				}
			}
			checked += len(markers)
		}
		files++
	}
	t.Logf("%d values at Safe Harbor positions checked over %d files, each also with its segment IDs corrupted", checked, files)
	assert.Greater(t, checked, 1000)
}

// TestRedactUnplaced: a segment no guide places is masked whole, its ID aside; the envelope
// segments stay readable, and so do codes and amounts in placed segments.
func TestRedactUnplaced(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	bad := strings.Replace(string(data), "NM1*IL*1*DOE*JANE****MI*XYZ000000001~", "QM1*IL*1*DOE*JANE****MI*XYZ000000001~", 1)
	require.NotEqual(t, string(data), bad)
	_, red, _ := runCLI(t, bad, "inspect", "--redact", "-")
	assert.Contains(t, red, "QM1*XX*9*XXX*XXXX****XX*XXX999999999")
	assert.Contains(t, red, "GS*HC*")
	assert.Contains(t, red, "SV1*HC:99213:93*150")
	assert.Contains(t, red, "CLM*XX9999*150***02:B:1")
}

// FuzzInspectRedact: inspect --redact never panics and keeps every line and its length, on
// any input: a guide's segment with more elements or components than the guide defines, a
// corrupted ID, a binary segment.
func FuzzInspectRedact(f *testing.F) {
	for _, file := range []string{goodFile, ackFile, "testdata/eligibility-pos02-copay.271"} {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(data)
	}
	data, err := os.ReadFile(goodFile)
	require.NoError(f, err)
	f.Add([]byte(strings.Replace(string(data), "SV1*HC:99213:93*150*UN*1***1", "SV1*HC:99213:93:::::DESC:X^Y*150*UN*1***1*********Z:Z", 1)))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 1<<16 {
			return
		}
		_, plain, _ := runCLI(t, string(in), "inspect", "-")
		_, red, _ := runCLI(t, string(in), "inspect", "--redact", "-")
		require.Equal(t, len(plain), len(red))
		require.Equal(t, strings.Count(plain, "\n"), strings.Count(red, "\n"))
	})
}
