package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "validate",
		usage:   "validate [--ack 999|ta1] [--json] IN",
		summary: "check syntax, envelopes and each transaction set against its implementation guide (chosen by ST01 and GS08); every finding with its position and code",
		run:     runValidate,
	})
}

// finding is one problem as "x12kit validate --json" reports it: positions and codes only.
type finding struct {
	Level       string `json:"level"` // the acknowledgment element the code belongs to: TA105, AK905, IK502, IK304, IK403; "835" for balancing
	Code        string `json:"code"`
	Message     string `json:"message"`
	Interchange int    `json:"interchange"`
	Segment     int    `json:"segment"`
	SegmentID   string `json:"segment_id,omitempty"`
	SetPosition int    `json:"set_position,omitempty"`
	Loop        string `json:"loop,omitempty"`
	Element     int    `json:"element,omitempty"`
	Component   int    `json:"component,omitempty"`
	Repetition  int    `json:"repetition,omitempty"`
	ElementRef  int    `json:"element_ref,omitempty"`
	Offset      int64  `json:"offset"`
}

// setSummary is one transaction set's verdict in the JSON report.
type setSummary struct {
	ID       string `json:"id"`      // ST01
	Control  string `json:"control"` // ST02
	Guide    string `json:"guide"`   // the implementation guide used, "" when none
	Accepted bool   `json:"accepted"`
	Segments int    `json:"segments"`
}

type validateReport struct {
	Valid        bool         `json:"valid"`
	Interchanges int          `json:"interchanges"`
	Sets         []setSummary `json:"transactions"`
	Findings     []finding    `json:"findings"`
	Omitted      int          `json:"omitted,omitempty"`
}

func toFinding(f *x12.Error) finding {
	return finding{
		Level: f.Level.String(), Code: f.Code, Message: f.Err.Error(),
		Interchange: f.Pos.Interchange, Segment: f.Pos.Segment, SegmentID: f.Pos.ID, SetPosition: f.Pos.SetSegment,
		Loop: f.Pos.Loop, Element: f.Pos.Element, Component: f.Pos.Component, Repetition: f.Pos.Repetition,
		ElementRef: f.Ref, Offset: f.Pos.Offset,
	}
}

// groupAck gathers the 999 of one functional group.
type groupAck struct {
	interchange int
	gsSegment   int // the GS's segment index in its interchange
	ack         *x12.Ack999
	isa         x12.InterchangeResult
}

func runValidate(e env, args []string) int {
	c := commands["validate"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print the report as one JSON document")
	ack := fs.String("ack", "", "write an acknowledgment to standard output (999 or ta1); the report then goes to standard error")
	in, path, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()
	if *ack != "" && *ack != "999" && *ack != "ta1" {
		fmt.Fprintln(e.stderr, "x12kit validate: --ack takes 999 or ta1")
		return exitUsage
	}

	sr := x12.NewSetReader(in)
	sr.Codes = codeSource()
	sr.ValidateOnly = true
	var groups []*groupAck
	var balance remit835.SegmentBalancer // 835 balancing (domain.md §4.3), segment by segment
	sr.Trace = func(s *x12.Segment, _ *x12.Node, _ *x12.SegmentSpec) {
		balance.Segment(s)
		if s.ID() == "GS" {
			groups = append(groups, &groupAck{interchange: s.Pos.Interchange, gsSegment: s.Pos.Segment,
				ack: x12.NewAck999(s.Value(1), s.Value(6), s.Value(8))})
		}
	}
	var all x12.ErrorList
	var sets []setSummary
	var imbalances []remit835.Imbalance
	seen := map[*x12.Error]bool{}
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "x12kit validate: cannot read input: %v\n", err)
			return exitUsage
		}
		guide := ""
		if set.Guide != nil {
			guide = set.Guide.Versions[0]
		}
		sets = append(sets, setSummary{ID: set.ST01, Control: set.ST02, Guide: guide, Accepted: set.Accepted(), Segments: set.Segments})
		for _, f := range set.Findings.All() {
			all.Add(f)
			seen[f] = true
		}
		all.Omitted += set.Findings.Omitted
		imbalances = append(imbalances, balance.Imbalances()...)
		if len(groups) > 0 {
			groups[len(groups)-1].ack.AddSet(set)
		}
	}
	envc := sr.Envelopes()
	for _, f := range envc.Errors().All() {
		if !seen[f] {
			all.Add(f)
		}
	}
	all.Omitted += envc.Errors().Omitted
	all.Sort()

	rep := validateReport{Valid: all.Len() == 0 && all.Omitted == 0 && len(imbalances) == 0, Interchanges: len(envc.Interchanges()),
		Sets: sets, Findings: []finding{}, Omitted: all.Omitted}
	if rep.Sets == nil {
		rep.Sets = []setSummary{}
	}
	for _, f := range all.All() {
		rep.Findings = append(rep.Findings, toFinding(f))
	}
	for _, im := range imbalances {
		rep.Findings = append(rep.Findings, imbalanceFinding(im))
	}

	reportTo := e.stdout
	if *ack != "" {
		reportTo = e.stderr
		var err error
		if *ack == "ta1" {
			err = writeTA1s(e.stdout, envc.Interchanges())
		} else {
			err = write999s(e.stdout, groups, envc)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "x12kit validate: cannot write the acknowledgment: %v\n", err)
			return exitUsage
		}
	}
	if *asJSON {
		if err := writeJSON(env{stdout: reportTo}, rep); err != nil {
			return exitUsage
		}
	} else {
		for _, f := range all.All() {
			fmt.Fprintln(reportTo, f)
		}
		if all.Omitted > 0 {
			fmt.Fprintf(reportTo, "… and %d more findings\n", all.Omitted)
		}
		for _, im := range imbalances {
			fmt.Fprintf(reportTo, "%v: %v\n", im.Pos, im)
		}
		verdict := "valid"
		if !rep.Valid {
			verdict = fmt.Sprintf("%d finding(s)", all.Len()+all.Omitted+len(imbalances))
		}
		fmt.Fprintf(reportTo, "%s: %d interchange(s), %d transaction set(s), %s\n", inputName(path), rep.Interchanges, len(sets), verdict)
	}
	if !rep.Valid {
		return exitBad
	}
	return exitOK
}

// imbalanceFinding reports an 835 balancing rule broken (level "835", code the rule's level:
// line, claim or transaction) at the SVC, CLP or BPR: positions only, no amounts.
func imbalanceFinding(im remit835.Imbalance) finding {
	return finding{Level: "835", Code: im.Level.String(), Message: im.Error(), Interchange: im.Pos.Interchange,
		Segment: im.Pos.Segment, SegmentID: im.Pos.ID, SetPosition: im.Pos.SetSegment, Loop: im.Pos.Loop, Offset: im.Pos.Offset}
}

func inputName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// write999s writes one interchange back to the first interchange's sender holding a
// functional group of 999s, one per acknowledged group.
func write999s(w io.Writer, groups []*groupAck, env *x12.EnvelopeChecker) error {
	results := env.Interchanges()
	if len(groups) == 0 || len(results) == 0 {
		return fmt.Errorf("no functional group to acknowledge")
	}
	first := results[0]
	// Group-level findings (AK905 codes) go to the group they point into.
	for _, f := range env.Errors().All() {
		if f.Level != x12.LevelGroup {
			continue
		}
		var g *groupAck
		for _, cand := range groups {
			if cand.interchange == f.Pos.Interchange && cand.gsSegment <= f.Pos.Segment {
				g = cand
			}
		}
		if g != nil && len(g.ack.GroupErrors) < 5 {
			g.ack.GroupErrors = append(g.ack.GroupErrors, f.Code)
		}
	}
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	usage := x12.Test
	if first.Usage == x12.Production {
		usage = x12.Production
	}
	err := ew.BeginInterchange(x12.InterchangeHeader{
		SenderQualifier: qualifier(first.ReceiverQualifier), SenderID: first.ReceiverID,
		ReceiverQualifier: qualifier(first.SenderQualifier), ReceiverID: first.SenderID, Usage: usage,
	})
	if err == nil {
		err = ew.BeginGroup(x12.GroupHeader{FunctionalID: "FA", SenderCode: gsCode(first.ReceiverID),
			ReceiverCode: gsCode(first.SenderID), Version: "005010X231A1"})
	}
	for _, g := range groups {
		if err != nil {
			break
		}
		g.ack.Close(0, g.ack.GroupErrors...)
		err = g.ack.Write(ew)
	}
	if err != nil {
		return err
	}
	return ew.Close()
}

func gsCode(id string) string {
	id = strings.TrimSpace(id)
	if len(id) < 2 {
		return "XX"
	}
	return id
}

// writeTA1s writes one interchange per acknowledged interchange, from its receiver back to its
// sender, holding only a TA1 (IEA01 = 0).
func writeTA1s(w io.Writer, results []x12.InterchangeResult) error {
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	for i, r := range results {
		if r.ControlNumber == "" {
			continue // no readable ISA to answer
		}
		usage := x12.Test
		if r.Usage == x12.Production {
			usage = x12.Production
		}
		ew.Controls = x12.NewSequence(int64(i+1), 1, 1)
		err := ew.BeginInterchange(x12.InterchangeHeader{
			SenderQualifier: qualifier(r.ReceiverQualifier), SenderID: r.ReceiverID,
			ReceiverQualifier: qualifier(r.SenderQualifier), ReceiverID: r.SenderID,
			Usage: usage,
		})
		if err == nil {
			err = ew.WriteTA1(r.TA1())
		}
		if err == nil {
			err = ew.EndInterchange()
		}
		if err != nil {
			return err
		}
	}
	return ew.Close()
}

func qualifier(q string) string {
	q = strings.TrimSpace(q)
	if len(q) != 2 {
		return "ZZ"
	}
	return q
}
