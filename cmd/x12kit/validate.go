package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "validate",
		usage:   "validate [--ack ta1] [--json] IN",
		summary: "check syntax and envelopes (ISA/GS/ST counts, control numbers, nesting); every finding with its position and code",
		run:     runValidate,
	})
}

// finding is one problem as "x12kit validate --json" reports it: positions and codes only.
type finding struct {
	Level       string `json:"level"` // the acknowledgment element the code belongs to: TA105, AK905, IK502, IK304, IK403
	Code        string `json:"code"`
	Message     string `json:"message"`
	Interchange int    `json:"interchange"`
	Segment     int    `json:"segment"`
	SegmentID   string `json:"segment_id,omitempty"`
	SetPosition int    `json:"set_position,omitempty"`
	Element     int    `json:"element,omitempty"`
	Component   int    `json:"component,omitempty"`
	Repetition  int    `json:"repetition,omitempty"`
	Offset      int64  `json:"offset"`
}

type validateReport struct {
	Valid        bool      `json:"valid"`
	Interchanges int       `json:"interchanges"`
	Findings     []finding `json:"findings"`
	Omitted      int       `json:"omitted,omitempty"`
}

func isX12Error(err error) bool {
	var e *x12.Error
	return errors.As(err, &e)
}

func runValidate(e env, args []string) int {
	c := commands["validate"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print the report as one JSON document")
	ack := fs.String("ack", "", "write an acknowledgment to standard output (ta1); the report then goes to standard error")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	switch *ack {
	case "", "ta1":
	case "999":
		fmt.Fprintln(e.stderr, "x12kit validate: --ack 999 needs implementation-guide validation, which this build does not have yet; use --ack ta1")
		return exitUsage
	default:
		fmt.Fprintln(e.stderr, "x12kit validate: --ack takes ta1")
		return exitUsage
	}
	path, ok := oneInput(e, fs)
	if !ok {
		return exitUsage
	}
	in, err := openInput(e, path)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit validate: cannot open input: %v\n", err)
		return exitUsage
	}
	defer in.Close()

	checker, err := x12.CheckEnvelopes(in)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit validate: cannot read input: %v\n", err)
		return exitUsage
	}
	errs := checker.Errors()
	errs.Sort()
	rep := validateReport{Valid: errs.Len() == 0, Interchanges: len(checker.Interchanges()), Findings: []finding{}, Omitted: errs.Omitted}
	for _, f := range errs.All() {
		rep.Findings = append(rep.Findings, finding{
			Level: f.Level.String(), Code: f.Code, Message: f.Err.Error(),
			Interchange: f.Pos.Interchange, Segment: f.Pos.Segment, SegmentID: f.Pos.ID, SetPosition: f.Pos.SetSegment,
			Element: f.Pos.Element, Component: f.Pos.Component, Repetition: f.Pos.Repetition, Offset: f.Pos.Offset,
		})
	}

	reportTo := e.stdout
	if *ack != "" {
		reportTo = e.stderr
		if err := writeTA1s(e.stdout, checker.Interchanges()); err != nil {
			fmt.Fprintf(e.stderr, "x12kit validate: cannot write the acknowledgment: %v\n", err)
			return exitUsage
		}
	}
	if *asJSON {
		if err := writeJSON(env{stdout: reportTo}, rep); err != nil {
			return exitUsage
		}
	} else {
		for _, f := range errs.All() {
			fmt.Fprintln(reportTo, f)
		}
		if errs.Omitted > 0 {
			fmt.Fprintf(reportTo, "… and %d more findings\n", errs.Omitted)
		}
		verdict := "valid"
		if !rep.Valid {
			verdict = fmt.Sprintf("%d finding(s)", errs.Len()+errs.Omitted)
		}
		fmt.Fprintf(reportTo, "%s: %d interchange(s), %s\n", inputName(path), rep.Interchanges, verdict)
	}
	if !rep.Valid {
		return exitBad
	}
	return exitOK
}

func inputName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// writeTA1s writes one interchange per acknowledged interchange, from its receiver back to its
// sender, holding only a TA1 (IEA01 = 0). Control numbers continue from the acknowledged one.
func writeTA1s(w io.Writer, results []x12.InterchangeResult) error {
	ew := x12.NewEnvelopeWriter(w)
	ew.Writer().Newline = true
	for i, r := range results {
		if r.ControlNumber == "" {
			continue // no readable ISA to answer
		}
		ew.Controls = x12.NewSequence(int64(i+1), 1, 1)
		err := ew.BeginInterchange(x12.InterchangeHeader{
			SenderQualifier: qualifier(r.ReceiverQualifier), SenderID: r.ReceiverID,
			ReceiverQualifier: qualifier(r.SenderQualifier), ReceiverID: r.SenderID,
			Usage: r.Usage,
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
