package main

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:  "validate",
		usage: "validate [--ack 999|ta1] [--strict] [--json] IN",
		summary: "check syntax, envelopes and each transaction set against its implementation guide (chosen by ST01 and GS08), " +
			"and 835 balancing; every finding with its position and code. Quirks the reader tolerates (legacy ISA11, " +
			"unpadded ISA, no final terminator…) are listed as warnings and leave the file valid unless --strict. " +
			"With --ack an acknowledgment of whatever could be read is always written: --ack ta1 a TA1 for every " +
			"interchange (one that cannot be read is rejected, TA101 000000000); --ack 999 a 999 for every functional " +
			"group, or TA1s as --ack ta1 when no group could be read (an empty input gets one TA1 that rejects it)",
		run: runValidate,
	})
}

// finding is one problem as "x12kit validate --json" reports it: positions and codes only.
type finding struct {
	Level       string `json:"level"`    // the acknowledgment element the code belongs to: TA105, AK905, IK502, IK304, IK403; "835" for balancing
	Severity    string `json:"severity"` // "error", or "warning" for a quirk the reader tolerated (an error under --strict)
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

// maxSetSummaries bounds the sets listed one by one in the report; the others are counted.
var maxSetSummaries = 10_000

// maxInterchanges is the envelope checker's MaxInterchanges (0: its default); tests lower it.
var maxInterchanges = 0

type validateReport struct {
	Valid        bool         `json:"valid"`
	Interchanges int          `json:"interchanges"`
	Sets         []setSummary `json:"transactions"`
	SetCount     int          `json:"transaction_count"`
	SetsOmitted  int          `json:"transactions_omitted,omitempty"` // sets past maxSetSummaries, counted only
	Errors       int          `json:"errors"`
	Warnings     int          `json:"warnings"`
	Findings     []finding    `json:"findings"`
	Omitted      int          `json:"omitted,omitempty"`
}

func toFinding(f *x12.Error) finding {
	return finding{
		Level: f.Level.String(), Severity: f.Severity.String(), Code: f.Code, Message: f.Err.Error(),
		Interchange: f.Pos.Interchange, Segment: f.Pos.Segment, SegmentID: f.Pos.ID, SetPosition: f.Pos.SetSegment,
		Loop: f.Pos.Loop, Element: f.Pos.Element, Component: f.Pos.Component, Repetition: f.Pos.Repetition,
		ElementRef: f.Ref, Offset: f.Pos.Offset,
	}
}

func runValidate(e env, args []string) int {
	c := commands["validate"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print the report as one JSON document")
	ack := fs.String("ack", "", "write an acknowledgment of whatever could be read to standard output (999 or ta1); the report then goes to standard error")
	strict := fs.Bool("strict", false, "make the quirks the reader tolerates (legacy ISA11, unpadded ISA, no final terminator…) errors instead of warnings")
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
	sr.Strict = *strict
	envc := sr.Envelopes()
	envc.MaxInterchanges = maxInterchanges
	watch := &interchangeWatch{env: envc}
	var ta1s *ta1Writer
	var acks *ack999Writer
	switch *ack {
	case "ta1":
		ta1s = newTA1Writer(e.stdout)
		watch.emit = ta1s.write
	case "999":
		acks = newAck999Writer(e.stdout, envc)
	}
	var balance remit835.SegmentBalancer // 835 balancing (lines, claims, the transaction), segment by segment
	sr.Trace = func(s *x12.Segment, _ *x12.Node, _ *x12.SegmentSpec) {
		balance.Segment(s)
		switch s.ID() {
		case "ISA":
			if acks != nil {
				acks.endGroup(s.Pos.Offset)
			}
			watch.observe()
		case "GS":
			watch.observe()
			if acks != nil {
				acks.endGroup(s.Pos.Offset)
				acks.beginGroup(s, watch.cur)
			}
		case "GE":
			watch.observe()
			if acks != nil {
				acks.endGroup(math.MaxInt64)
			}
		case "IEA":
			if acks != nil {
				acks.endGroup(s.Pos.Offset)
			}
			watch.ended()
		}
	}
	var all x12.ErrorList
	var rep validateReport
	var imbalances []remit835.Imbalance
	imbalancesOmitted := 0
	// A set's findings include the envelope findings of its ST and SE (which the envelope
	// checks keep too): those are added with the envelope's. envKept holds the envelope
	// findings kept so far (at most x12.DefaultErrorLimit).
	envKept, envSeen := map[*x12.Error]bool{}, 0
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if isFinding(err) {
				break // input that cannot be read on: the finding is in the envelope checks
			}
			fmt.Fprintf(e.stderr, "x12kit validate: cannot read input: %v\n", err)
			return exitUsage
		}
		rep.SetCount++
		if len(rep.Sets) < maxSetSummaries {
			guide := ""
			if set.Guide != nil {
				guide = set.Guide.Versions[0]
			}
			rep.Sets = append(rep.Sets, setSummary{ID: set.ST01, Control: set.ST02, Guide: guide, Accepted: set.Accepted(), Segments: set.Segments})
		} else {
			rep.SetsOmitted++
		}
		envAll := envc.Errors().All()
		for ; envSeen < len(envAll); envSeen++ {
			envKept[envAll[envSeen]] = true
		}
		for _, f := range set.Findings.All() {
			if !envKept[f] {
				all.Add(f)
			}
		}
		all.Omitted += set.Findings.Omitted
		for _, im := range balance.Imbalances() {
			if len(imbalances) < x12.DefaultErrorLimit {
				imbalances = append(imbalances, im)
			} else {
				imbalancesOmitted++
			}
		}
		if acks != nil {
			acks.addSet(set)
		}
	}
	for _, f := range envc.Errors().All() {
		if !errors.Is(f, x12.ErrInterchangeOverLimit) {
			// ErrInterchangeOverLimit says the checker stopped keeping a result per
			// interchange: validate does not use them (it follows them as they come).
			all.Add(f)
		}
	}
	all.Omitted += envc.Errors().Omitted
	all.Sort()
	watch.finish()

	errorCount := all.Errors() + len(imbalances) + imbalancesOmitted
	rep.Valid = errorCount == 0
	rep.Interchanges = watch.seen
	rep.Errors, rep.Warnings = errorCount, all.Len()+all.Omitted-all.Errors()
	rep.Findings, rep.Omitted = []finding{}, all.Omitted+imbalancesOmitted
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
		switch {
		case ta1s != nil:
			if watch.seen == 0 {
				err = ta1s.write(rejectNothing(&all))
			}
			if err == nil {
				err = watch.err
			}
			if err == nil {
				err = ta1s.close()
			}
		default:
			err = acks.close()
			if err == nil && acks.groups == 0 {
				// No functional group could be read: answer each interchange with a TA1.
				ta1s = newTA1Writer(e.stdout)
				results := envc.Interchanges()
				if len(results) == 0 {
					results = []x12.InterchangeResult{rejectNothing(&all)}
				}
				for _, r := range results {
					if err == nil {
						err = ta1s.write(r)
					}
				}
				if err == nil {
					err = ta1s.close()
				}
			}
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
		if imbalancesOmitted > 0 {
			fmt.Fprintf(reportTo, "… and %d more 835 imbalances\n", imbalancesOmitted)
		}
		verdict := "valid"
		if !rep.Valid {
			verdict = fmt.Sprintf("%d finding(s)", errorCount)
		}
		if rep.Warnings > 0 {
			verdict += fmt.Sprintf(", %d warning(s)", rep.Warnings)
		}
		fmt.Fprintf(reportTo, "%s: %d interchange(s), %d transaction set(s), %s\n", inputName(path), rep.Interchanges, rep.SetCount, verdict)
	}
	if !rep.Valid {
		return exitBad
	}
	return exitOK
}

// imbalanceFinding reports an 835 balancing rule broken (level "835", code the rule's level:
// line, claim or transaction) at the SVC, CLP or BPR: positions only, no amounts.
func imbalanceFinding(im remit835.Imbalance) finding {
	return finding{Level: "835", Severity: "error", Code: im.Level.String(), Message: im.Error(), Interchange: im.Pos.Interchange,
		Segment: im.Pos.Segment, SegmentID: im.Pos.ID, SetPosition: im.Pos.SetSegment, Loop: im.Pos.Loop, Offset: im.Pos.Offset}
}

func inputName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}
