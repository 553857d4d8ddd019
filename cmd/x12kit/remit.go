package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/x12kit/x12kit/remitstats"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:  "remit",
		usage: "remit summary [--json] [--claims FILE.837] [--top N] IN...",
		summary: "835 billing figures over one or many remittances: totals, per payer and month, denial rates, top adjustment reasons, " +
			"telehealth vs in person, imbalances as findings (exit 1, after the summary of what could be read, when any line, " +
			"claim or transaction does not balance, the guide finds errors, or an input holds other transactions than 835s, " +
			"is damaged, empty or truncated); --claims reconciles with the 837P claims sent (the work list names claims by patient control number)",
		run: runRemit,
	})
}

// figuresJSON is one Figures as "remit summary --json" prints it; amounts are decimal strings.
type figuresJSON struct {
	Claims                int                   `json:"claims"` // CLP
	Lines                 int                   `json:"lines"`  // SVC
	Charged               x12.Amount            `json:"charged"`
	Allowed               x12.Amount            `json:"allowed"` // Σ AMT*B6 where sent
	AllowedLines          int                   `json:"allowed_lines"`
	Paid                  x12.Amount            `json:"paid"`
	PatientResponsibility x12.Amount            `json:"patient_responsibility"` // Σ CLP05
	Payments              x12.Amount            `json:"payments"`               // Σ BPR02, negative for BPR03 D
	ProviderAdjustments   x12.Amount            `json:"provider_adjustments"`   // Σ PLB
	ProviderReasons       map[string]x12.Amount `json:"provider_adjustment_reasons"`
	Adjustments           map[string]x12.Amount `json:"adjustments"` // CAS group → Σ, claim and line level
	Contractual           x12.Amount            `json:"contractual"`
	PatientShare          x12.Amount            `json:"patient_share"`     // Σ PR
	OtherAdjustments      x12.Amount            `json:"other_adjustments"` // Σ OA + PI
	DeniedClaims          int                   `json:"denied_claims"`
	DeniedCharged         x12.Amount            `json:"denied_charged"`
	ClaimOutcomes         remitstats.Counts     `json:"claim_outcomes"`
	LineOutcomes          remitstats.Counts     `json:"line_outcomes"`
	DenialRate            float64               `json:"denial_rate"`
	DenialRateDollars     float64               `json:"denial_rate_dollars"`
	AverageDaysToPayment  *float64              `json:"average_days_to_payment"`
	Telehealth            remitstats.Delivery   `json:"telehealth"`
	InPerson              remitstats.Delivery   `json:"in_person"`
}

func toFiguresJSON(f *remitstats.Figures) figuresJSON {
	out := figuresJSON{
		Claims: f.Claims.Total, Lines: f.Lines.Total, Charged: f.Billed, Allowed: f.Allowed, AllowedLines: f.AllowedLines,
		Paid: f.Paid, PatientResponsibility: f.PatientResponsibility, Payments: f.Payments,
		ProviderAdjustments: f.ProviderAdjustments, ProviderReasons: f.ProviderReasons, Adjustments: f.Adjustments,
		Contractual: f.Contractual(), PatientShare: f.PatientShare(), OtherAdjustments: f.OtherAdjustments(),
		DeniedClaims: f.Claims.Denied, DeniedCharged: f.DeniedBilled, ClaimOutcomes: f.Claims, LineOutcomes: f.Lines,
		DenialRate: f.DenialRate(), DenialRateDollars: f.DenialRateDollars(), Telehealth: f.Telehealth, InPerson: f.InPerson,
	}
	if d, ok := f.AverageDaysToPayment(); ok {
		out.AverageDaysToPayment = &d
	}
	return out
}

type remitFinding struct {
	Level       string     `json:"level"` // line, claim, transaction
	Input       int        `json:"input"` // index of IN on the command line
	Set         int        `json:"set"`   // the 835 set's number in its input
	Claim       int        `json:"claim"` // index in its set; -1 for the transaction
	Line        int        `json:"line"`  // index in its claim; -1 unless level is line
	Interchange int        `json:"interchange"`
	Segment     int        `json:"segment"`
	SegmentID   string     `json:"segment_id,omitempty"`
	SetPosition int        `json:"set_position"`
	Offset      int64      `json:"offset"`
	Expected    x12.Amount `json:"expected"`
	Actual      x12.Amount `json:"actual"`
}

type remitSummaryJSON struct {
	Totals struct {
		figuresJSON
		Sets          int  `json:"transactions"`
		Balanced      bool `json:"balanced"`
		Imbalances    int  `json:"imbalances"`
		GuideFindings int  `json:"guide_findings"`
	} `json:"totals"`
	ByPayer []struct {
		remitstats.PayerKey
		figuresJSON
	} `json:"by_payer"`
	ByMonth []struct {
		Month string `json:"month"`
		figuresJSON
	} `json:"by_month"`
	TopReasons []remitstats.Reason `json:"top_reasons"`
	Reversals  struct {
		Count          int        `json:"count"`
		WithOriginal   int        `json:"with_original"`
		WithCorrection int        `json:"with_correction"`
		Net            x12.Amount `json:"net"`
	} `json:"reversals"`
	Findings       []remitFinding       `json:"findings"`
	Omitted        int                  `json:"omitted_findings,omitempty"`
	Reconciliation *remitstats.WorkList `json:"reconciliation,omitempty"`
}

func runRemit(e env, args []string) int {
	c := commands["remit"]
	if len(args) == 0 || args[0] != "summary" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			newFlags(e, c).Usage()
			return exitOK
		}
		fmt.Fprintln(e.stderr, "x12kit remit: expected the action: summary")
		newFlags(e, c).Usage()
		return exitUsage
	}
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print the summary as one JSON document")
	claims := fs.String("claims", "", "837P file of the claims sent: its places of service count for telehealth, and the summary adds the reconciliation work list")
	top := fs.Int("top", 10, "how many adjustment reasons to list")
	if code, ok := parseFlags(fs, args[1:]); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "x12kit remit summary: expected at least one input (a path, or - for standard input)")
		fs.Usage()
		return exitUsage
	}
	s := remitstats.NewSummary()
	if *claims != "" {
		sub := remitstats.NewSubmitted()
		if code := readInput(e, fs, *claims, sub.Read); code != exitOK {
			return code
		}
		s.Submitted = sub
		s.Reconciler = remitstats.NewReconciler(sub)
	}
	var found findingSet
	for _, path := range fs.Args() {
		if code := readRemits(e, path, s, &found); code != exitOK {
			return code
		}
	}
	if *asJSON {
		if err := writeJSON(e, remitJSON(s, *top)); err != nil {
			return exitUsage
		}
	} else {
		printRemitSummary(e.stdout, s, *top)
	}
	found.print(e.stderr, "remit summary", 20)
	if n := found.errors(); n > 0 {
		fmt.Fprintf(e.stderr, "x12kit remit summary: the input has %d error(s) (x12kit validate lists every finding); the summary is of what could be read\n", n)
	}
	if !s.Balanced() || s.GuideFindings > 0 || found.errors() > 0 {
		return exitBad
	}
	return exitOK
}

// readRemits streams the 835s of the input at path into s (Summary.Read: a remit835.Decoder,
// which reads past the sets of other transactions without building them, and past every
// error that does not stop it, so the summary is of everything that could be read): exit 2
// when it cannot be opened or read, else exit 0 with the errors reported (a set that is not
// an 835, a dropped segment, a truncated or empty input, envelope and set-end errors) in
// found, which the caller turns into exit 1.
func readRemits(e env, path string, s *remitstats.Summary, found *findingSet) int {
	in, err := openInput(e, path)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit remit summary: cannot open input: %v\n", err)
		return exitUsage
	}
	defer in.Close()
	if err := s.Read(in); err != nil {
		if bad := nonFinding(err); bad != nil {
			fmt.Fprintf(e.stderr, "x12kit remit summary: %s: cannot read input: %v\n", inputName(path), bad)
			return exitUsage
		}
		found.add(err)
	}
	return exitOK
}

// readInput opens path and streams it through read: exit 2 when it cannot be opened, 1 when
// it cannot be read to its end.
func readInput(e env, fs *flag.FlagSet, path string, read func(io.Reader) error) int {
	in, err := openInput(e, path)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit remit %s: cannot open input: %v\n", fs.Name(), err)
		return exitUsage
	}
	defer in.Close()
	if err := read(in); err != nil {
		fmt.Fprintf(e.stderr, "x12kit remit: %s: %v\n", inputName(path), err)
		return exitBad
	}
	return exitOK
}

func remitJSON(s *remitstats.Summary, top int) *remitSummaryJSON {
	out := &remitSummaryJSON{TopReasons: s.TopReasons(top), Findings: []remitFinding{}, Omitted: s.Omitted}
	out.Totals.figuresJSON = toFiguresJSON(&s.Totals)
	out.Totals.Sets, out.Totals.Balanced = s.Sets, s.Balanced()
	out.Totals.Imbalances, out.Totals.GuideFindings = s.Imbalances, s.GuideFindings
	for _, k := range s.Payers() {
		out.ByPayer = append(out.ByPayer, struct {
			remitstats.PayerKey
			figuresJSON
		}{k, toFiguresJSON(s.ByPayer[k])})
	}
	for _, m := range s.Months() {
		out.ByMonth = append(out.ByMonth, struct {
			Month string `json:"month"`
			figuresJSON
		}{m, toFiguresJSON(s.ByMonth[m])})
	}
	for _, p := range s.Pairs.Pairs() {
		out.Reversals.Count++
		if p.Original != nil {
			out.Reversals.WithOriginal++
		}
		if p.Correction != nil {
			out.Reversals.WithCorrection++
		}
		out.Reversals.Net += p.Net
	}
	for _, f := range s.Findings {
		out.Findings = append(out.Findings, remitFinding{Level: f.Level.String(), Input: f.Input, Set: f.Set, Claim: f.Claim,
			Line: f.Line, Interchange: f.Pos.Interchange, Segment: f.Pos.Segment, SegmentID: f.Pos.ID,
			SetPosition: f.Pos.SetSegment, Offset: f.Pos.Offset, Expected: f.Expected, Actual: f.Actual})
	}
	if s.Reconciler != nil {
		out.Reconciliation = s.Reconciler.WorkList()
	}
	return out
}

func percent(r float64) string { return fmt.Sprintf("%.1f%%", 100*r) }

// printRemitSummary writes the short text report: no patient data (the work list's claims
// are counted, not named; --json names them).
func printRemitSummary(w io.Writer, s *remitstats.Summary, top int) {
	t := &s.Totals
	verdict := "balanced"
	if !s.Balanced() {
		verdict = fmt.Sprintf("%d imbalance(s)", s.Imbalances)
	}
	fmt.Fprintf(w, "835 summary: %d transaction set(s), %d claim payment(s), %d service line(s): %s\n",
		s.Sets, t.Claims.Total, t.Lines.Total, verdict)
	if s.GuideFindings > 0 {
		fmt.Fprintf(w, "%d implementation guide finding(s): run x12kit validate for them\n", s.GuideFindings)
	}
	fmt.Fprintf(w, "charged %s, allowed %s (%d lines), paid %s, patient responsibility %s\n",
		t.Billed, t.Allowed, t.AllowedLines, t.Paid, t.PatientResponsibility)
	fmt.Fprintf(w, "adjustments: contractual %s, patient share %s, other %s\n", t.Contractual(), t.PatientShare(), t.OtherAdjustments())
	fmt.Fprintf(w, "payments (BPR02) %s, provider adjustments (PLB) %s\n", t.Payments, t.ProviderAdjustments)
	fmt.Fprintf(w, "claims: %d paid, %d partially paid, %d denied, %d reversed; denial rate %s by count, %s by dollars\n",
		t.Claims.Paid, t.Claims.PartiallyPaid, t.Claims.Denied, t.Claims.Reversed, percent(t.DenialRate()), percent(t.DenialRateDollars()))
	if d, ok := t.AverageDaysToPayment(); ok {
		fmt.Fprintf(w, "average %.1f days from service to payment\n", d)
	}
	fmt.Fprintf(w, "telehealth: %d claims, charged %s, paid %s; in person: %d claims, charged %s, paid %s\n",
		t.Telehealth.Claims, t.Telehealth.Billed, t.Telehealth.Paid, t.InPerson.Claims, t.InPerson.Billed, t.InPerson.Paid)
	if n := len(s.Pairs.Pairs()); n > 0 {
		fmt.Fprintf(w, "reversals: %d, net %s\n", n, s.Pairs.Net())
	}

	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	row := func(name string, f *remitstats.Figures) {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\t%s\t\n", name, f.Claims.Total, f.Billed, f.Paid, f.Claims.Denied,
			percent(f.DenialRate()), f.Payments)
	}
	fmt.Fprintln(w, "\nby payer:")
	fmt.Fprintln(tw, "payer\tclaims\tcharged\tpaid\tdenied\tdenial rate\tpayments\t")
	for _, k := range s.Payers() {
		name := k.Name
		if k.ID != "" {
			name += " (" + k.ID + ")"
		}
		row(name, s.ByPayer[k])
	}
	tw.Flush()
	fmt.Fprintln(w, "\nby month:")
	fmt.Fprintln(tw, "month\tclaims\tcharged\tpaid\tdenied\tdenial rate\tpayments\t")
	for _, m := range s.Months() {
		row(m, s.ByMonth[m])
	}
	tw.Flush()
	if reasons := s.TopReasons(top); len(reasons) > 0 {
		fmt.Fprintln(w, "\ntop adjustment reasons:")
		for _, r := range reasons {
			fmt.Fprintf(tw, "%s-%s\t%d×\t%s\t\n", r.Group, r.Reason, r.Count, r.Amount)
		}
		tw.Flush()
		fmt.Fprintln(w, "reasons:")
		for _, r := range reasons {
			fmt.Fprintf(w, "  %s-%s %s\n", r.Group, r.Reason, strings.TrimSpace(r.Category+": "+r.Description))
		}
	}
	if len(s.Findings) > 0 {
		fmt.Fprintln(w, "\nfindings:")
		for _, f := range s.Findings {
			fmt.Fprintf(w, "input %d, set %d: %v\n", f.Input, f.Set, f.Imbalance)
		}
		if s.Omitted > 0 {
			fmt.Fprintf(w, "… and %d more\n", s.Omitted)
		}
	}
	if s.Reconciler != nil {
		wl := s.Reconciler.WorkList()
		fmt.Fprintf(w, "\nreconciliation: %d claims sent, %d answered; to follow up: %d unpaid, %d denied, %d partially paid, %d short-paid; %d payments for claims not sent (--json lists them)\n",
			wl.Submitted, wl.Matched, len(wl.Unpaid), len(wl.Denied), len(wl.Partial), len(wl.ShortPaid), len(wl.Unmatched))
	}
}
