package eligibility

import (
	"errors"
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The 270 and 271 guides (005010X279A1) as data: the parties and member levels both share,
// and their registration. Guide270 is in guide270.go, Guide271 in guide271.go.

// Versions are the GS08 / ST03 values both guides accept: the errata (written) and the
// original 005010X279.
var Versions = []string{"005010X279A1", "005010X279"}

func init() {
	Guide270.Rules, Guide271.Rules = rules, rules
	x12.Guides.Register(Guide270)
	x12.Guides.Register(Guide271)
}

// rules checks what the element checks cannot: dates against their format, and HL numbers
// and child codes against the hierarchy.
//
//   - A DTP whose DTP03 is not what DTP02 says it is: a CCYYMMDD date for D8, two of them
//     joined by a hyphen for RD8 (IK403 8, invalid date). To the element checks DTP03 is
//     text, since its form depends on DTP02.
//   - An HL01 that is not the HL's place in the set: the guide has HL01 begin with 1 and go
//     up by one with each HL (IK403 7).
//   - An HL04 that says 1 (children follow) when no HL names this one as its parent, or 0
//     when one does (IK403 7); not checked when an HL02 already broke the hierarchy.
func rules(set *x12.Set, report x12.RuleReporter) {
	var hls []*x12.Segment
	parents := map[string]bool{}
	set.Root.Segments(func(s *x12.Segment, spec *x12.SegmentSpec, _ *x12.Node) bool {
		switch s.ID() {
		case "DTP":
			if spec != nil && s.Value(3) != "" && !datePeriodOK(s.Value(2), s.Value(3)) {
				report(s, 3, "8", x12.ErrInvalidDate)
			}
		case "HL":
			hls = append(hls, s)
			parents[s.Value(2)] = true
			if id := s.Value(1); id != "" && id != strconv.Itoa(len(hls)) {
				report(s, 1, "7", x12.ErrInvalidCode)
			}
		}
		return true
	})
	for _, f := range set.Findings.All() {
		if errors.Is(f, x12.ErrHierarchy) {
			return
		}
	}
	for _, s := range hls {
		id := s.Value(1)
		if child := s.Value(4); id != "" && (child == "1" && !parents[id] || child == "0" && parents[id]) {
			report(s, 4, "7", x12.ErrInvalidCode)
		}
	}
}

// datePeriodOK reports whether period is a date (D8) or a range (RD8) as format says; true
// for any other format, which the format's own check reports.
func datePeriodOK(format, period string) bool {
	switch format {
	case "D8":
		_, err := x12.ParseDate(period)
		return err == nil
	case "RD8":
		from, to, ok := strings.Cut(period, "-")
		_, err1 := x12.ParseDate(from)
		_, err2 := x12.ParseDate(to)
		return ok && err1 == nil && err2 == nil
	}
	return true
}

// with returns a copy of list with more appended, never sharing list's backing array.
func with(list []string, more ...string) []string {
	return append(append([]string(nil), list...), more...)
}

// The parties named by NM1 outside the member levels.
var (
	// source is the information source (2100A): the payer or plan answering.
	source = guide.Party{
		Entities: []string{"2B", "36", "GP", "P5", "PR"}, Types: []string{"1", "2"}, Last: req,
		IDs: []string{"24", "46", "FI", "NI", "PI", "XV", "XX"}, IDUsage: req,
	}
	// receiver is the information receiver (2100B): usually the provider asking (1P, NPI).
	receiver = guide.Party{
		Entities: []string{"1P", "2B", "36", "80", "FA", "GP", "P5", "PR"}, Types: []string{"1", "2"}, Last: req,
		IDs: []string{"24", "34", "FI", "PI", "PP", "SV", "XV", "XX"}, IDUsage: req,
	}
	// benefitEntity is a party a 271 benefit names in 2120C/D (primary care provider P3,
	// other payer PR, …). It may be a person tied to the patient (IL, the insured), so its
	// names and identifier are treated as patient data.
	benefitEntity = guide.Party{
		Entities: []string{"13", "1I", "1P", "2B", "36", "73", "FA", "GP", "GW", "I3", "IL", "LR", "OC", "P3",
			"P4", "P5", "PR", "PRP", "SEP", "TTP", "VER", "VN", "VY", "X3", "Y2"},
		Types: []string{"1", "2"}, Last: sit,
		IDs:     []string{"24", "34", "46", "FA", "FI", "II", "MI", "NI", "PI", "PP", "SV", "XV", "XX"},
		IDUsage: sit, Relations: []string{"01", "02", "27", "41", "48", "65", "72"}, PHI: true,
	}
)

// receiverRefs are REF01 of the information receiver's additional identification.
var receiverRefs = []string{"0B", "1C", "1D", "1J", "4A", "CT", "EL", "EO", "HPI", "JD", "N5", "N7", "Q4", "SY", "TJ"}

// memberProviderRefs are PRV02 of the provider information in 2100C/D.
var memberProviderRefs = []string{"9K", "D3", "EI", "HPI", "PXC", "SY", "TJ"}

// member is what tells the subscriber level (2000C) from the dependent level (2000D), in the
// inquiry and the response alike.
type member struct {
	letter     string      // loop ID suffix: "C" or "D"
	who        string      // "Subscriber" or "Dependent", for names
	level      string      // HL03
	children   []string    // HL04
	subscriber bool        // the subscriber level: spend-down amounts, EQ03 family coverage
	party      guide.Party // the member's NM1
	insured    string      // INS01

	// The inquiry's lists (270).
	usage270     x12.Usage
	refs270      []string  // REF01
	relations270 []string  // INS02
	birth270     x12.Usage // INS17

	// The response's lists (271).
	refs271      []string // REF01
	relations271 []string // INS02
	reasons271   []string // AAA03 in 2100C/D
}

var (
	subscriber = member{
		letter: "C", who: "Subscriber", level: "22", children: []string{"0", "1"}, subscriber: true,
		party: guide.Party{Entities: []string{"IL"}, Types: []string{"1", "2"}, Last: sit,
			IDs: []string{"II", "MI"}, IDUsage: sit, PHI: true},
		insured: "Y", usage270: req,
		refs270:      []string{"18", "1L", "1W", "3H", "6P", "CT", "EA", "EJ", "F6", "GH", "HJ", "IG", "N6", "NQ", "SY", "Y4"},
		relations270: []string{"18"}, birth270: req,
		refs271: []string{"18", "1L", "1W", "3H", "49", "6P", "CE", "CT", "EA", "EJ", "F6", "GH", "HJ", "IF", "IG",
			"N6", "NQ", "Q4", "SY", "Y4"},
		relations271: []string{"18"},
		reasons271: []string{"15", "35", "42", "43", "45", "47", "48", "49", "51", "52", "56", "57", "58", "60", "61",
			"62", "63", "71", "72", "73", "74", "75", "76", "78"},
	}
	dependent = member{
		letter: "D", who: "Dependent", level: "23", children: []string{"0"},
		party:   guide.Party{Entities: []string{"03"}, Types: []string{"1"}, Last: sit, PHI: true},
		insured: "N", usage270: sit,
		refs270:      []string{"18", "1L", "1W", "6P", "CT", "EA", "EJ", "F6", "GH", "HJ", "IF", "IG", "MRC", "N6", "SY", "Y4"},
		relations270: []string{"01", "19", "34"}, birth270: sit,
		refs271: []string{"18", "1L", "1W", "49", "6P", "CE", "CT", "EA", "EJ", "F6", "GH", "HJ", "IF", "IG", "MRC",
			"N6", "NQ", "Q4", "SY", "Y4"},
		relations271: []string{"01", "19", "20", "21", "39", "40", "53", "G8"},
		reasons271: []string{"15", "35", "42", "43", "45", "47", "48", "49", "51", "52", "56", "57", "58", "60", "61",
			"62", "63", "64", "65", "66", "67", "68", "71", "77"},
	}
)

// memberLevel assembles a subscriber or dependent level (2000C/D): its HL and trace numbers,
// its name loop (2100C/D: the name segments, then the question or answer loop) and nested
// (the dependent level, under the subscriber).
func memberLevel(m member, u x12.Usage, trace *x12.SegmentSpec, name []*x12.SegmentSpec, inner *x12.Loop, nested ...x12.Child) *x12.Loop {
	nameLoop := loop("2100"+m.letter, m.who+" Name", req, 1, append(segs(name...), x12.Sub(inner))...)
	children := append([]x12.Child{
		x12.Seg(hl(m.who+" Level", m.level, req, m.children...)),
		x12.Seg(trace),
		x12.Sub(nameLoop),
	}, nested...)
	return loop("2000"+m.letter, m.who+" Level", u, 0, children...)
}
