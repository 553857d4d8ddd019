package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "eligibility",
		usage:   "eligibility check [--service-type CODE] [--date D] [--json] IN | eligibility respond --plans FILE IN",
		summary: "check: the front desk's answers from a 271 for each subscriber/dependent (active, telehealth, copay, coinsurance, their telehealth (POS 02/10) amounts, deductible remaining, authorization, rejections); respond: answer a 270 with a 271 from a plans file (a payer simulator)",
		run:     runEligibility,
	})
	registerGenerator("270", gen270)
	registerGenerator("271", gen271)
	registerKind(&typedKind{
		name: "270", key: "request",
		read: func(set *x12.Set) (any, bool) {
			r := eligibility.RequestFromSet(set)
			return r, r != nil
		},
		decode: func(raw json.RawMessage) (any, error) {
			var r eligibility.Request
			err := json.Unmarshal(raw, &r)
			return &r, err
		},
		write: func(ew *x12.EnvelopeWriter, st []string, body any) error {
			r := body.(*eligibility.Request)
			r.Control = el(st, 2)
			return eligibility.EncodeRequest(ew, r)
		},
	})
	registerKind(&typedKind{
		name: "271", key: "response",
		read: func(set *x12.Set) (any, bool) {
			r := eligibility.ResponseFromSet(set)
			return r, r != nil
		},
		decode: func(raw json.RawMessage) (any, error) {
			var r eligibility.Response
			err := json.Unmarshal(raw, &r)
			return &r, err
		},
		write: func(ew *x12.EnvelopeWriter, st []string, body any) error {
			r := body.(*eligibility.Response)
			r.Control = el(st, 2)
			return eligibility.EncodeResponse(ew, r)
		},
	})
}

func runEligibility(e env, args []string) int {
	c := commands["eligibility"]
	if len(args) == 0 {
		newFlags(e, c).Usage()
		return exitUsage
	}
	switch args[0] {
	case "check":
		return runEligibilityCheck(e, args[1:])
	case "respond":
		return runEligibilityRespond(e, args[1:])
	case "-h", "--help", "help":
		newFlags(e, c).Usage()
		return exitOK
	}
	fmt.Fprintf(e.stderr, "x12kit eligibility: %q is not check or respond\n", args[0])
	return exitUsage
}

func runEligibilityCheck(e env, args []string) int {
	fs := newFlags(e, command{name: "eligibility check", usage: "eligibility check [--service-type CODE] [--date D] [--json] IN",
		summary: "ask a 271 the front desk's questions for each subscriber/dependent in it: active, telehealth (covered, not_covered or unknown, with the benefit it was read from), the general copay and coinsurance and, apart, the ones the 271 ties to telehealth places of service 02/10, deductible remaining, authorization, AAA rejections; " +
			"exit 1, after the answers that could be read, when the input holds no 271, other transactions, or errors (damaged, empty, truncated)"})
	st := fs.String("service-type", "98", "service type code (EB03), e.g. 98 professional visit, 30 plan coverage, MH mental health")
	date := fs.String("date", "", "date of service YYYY-MM-DD (default: the response's own date, BHT04)")
	asJSON := fs.Bool("json", false, "one JSON array, an object per subscriber/dependent")
	in, _, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()
	var day x12.Date
	if *date != "" {
		d, err := time.Parse("2006-01-02", *date)
		if err != nil {
			fmt.Fprintln(e.stderr, "x12kit eligibility check: --date is not YYYY-MM-DD")
			return exitUsage
		}
		day = x12.DateOf(d)
	}
	out := &checkOutput{w: e.stdout, json: *asJSON}
	d := eligibility.NewResponseDecoder(in, nil)
	var found findingSet
	var last error
	for {
		resp, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A set that is no 271 (a 270 included) is one of these errors.
			if err == last {
				break // it stops reading: returned again
			}
			last = err
			if !found.add(err) {
				out.close()
				fmt.Fprintf(e.stderr, "x12kit eligibility check: cannot read input: %v\n", err)
				return exitUsage
			}
			continue
		}
		when := day
		if when.IsZero() && !resp.Created.IsZero() {
			when = x12.DateOf(resp.Created)
		}
		for i := range resp.Answers {
			if err := out.write(resp.Answers[i].Ask(eligibility.Query{ServiceType: *st, Date: when})); err != nil {
				return exitUsage
			}
		}
	}
	if err := out.close(); err != nil {
		return exitUsage
	}
	found.addList(d.Envelopes().Errors()) // its warnings: the errors came from Next
	found.print(e.stderr, "eligibility check", 20)
	if n := found.errors(); n > 0 {
		fmt.Fprintf(e.stderr, "x12kit eligibility check: the input has %d error(s) (x12kit validate lists every finding); the answers are what could be read\n", n)
		return exitBad
	}
	if out.n == 0 {
		fmt.Fprintln(e.stderr, "x12kit eligibility check: no 271 answer in the input")
		return exitBad
	}
	return exitOK
}

// checkResult is one element of `eligibility check --json`: exactly the keys the command's contract lists.
//
// copay and coinsurance are the general amounts, from benefits whose III names no
// telehealth place of service; telehealth_copay and telehealth_coinsurance are the ones the
// 271 ties to place of service 02 or 10 (III*ZZ*02, III*ZZ*10 in the benefit's 2110C/D
// loop). The two kinds never mix: a 271 whose only copay is tied to 02 or 10 gives a null
// copay and that amount as telehealth_copay (eligibility.Coverage says more). Amounts are
// decimal strings ("25.00", coinsurance as a fraction "0.2") or null.
type checkResult struct {
	Trace                 string                 `json:"trace"`
	Active                bool                   `json:"active"`
	Telehealth            eligibility.Telehealth `json:"telehealth"`
	TelehealthEvidence    *string                `json:"telehealth_evidence"` // null when unknown
	Copay                 *x12.Amount            `json:"copay"`
	Coinsurance           *string                `json:"coinsurance"`
	DeductibleRemaining   *x12.Amount            `json:"deductible_remaining"`
	AuthorizationRequired *bool                  `json:"authorization_required"`
	Errors                []string               `json:"errors"`
	TelehealthCopay       *x12.Amount            `json:"telehealth_copay"`       // null: none tied to POS 02/10
	TelehealthCoinsurance *string                `json:"telehealth_coinsurance"` // null: none tied to POS 02/10
}

// checkOutput streams the answers as they are asked: a JSON array written element by
// element, or a line each.
type checkOutput struct {
	w    io.Writer
	json bool
	n    int
}

func (o *checkOutput) write(c eligibility.Coverage) error {
	o.n++
	if !o.json {
		_, err := fmt.Fprintf(o.w, "trace %s: %s\n", or(c.Trace, "(none)"), describe(&c))
		return err
	}
	r := checkResult{Trace: c.Trace, Active: c.Active, Telehealth: c.Telehealth, Copay: c.Copay, Coinsurance: c.Coinsurance,
		DeductibleRemaining: c.DeductibleRemaining, AuthorizationRequired: c.AuthorizationRequired, Errors: c.Errors,
		TelehealthCopay: c.TelehealthCopay, TelehealthCoinsurance: c.TelehealthCoinsurance}
	if c.TelehealthEvidence != "" {
		r.TelehealthEvidence = &c.TelehealthEvidence
	}
	data, err := json.MarshalIndent(r, "  ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n  "
	if o.n == 1 {
		sep = "[\n  "
	}
	_, err = fmt.Fprintf(o.w, "%s%s", sep, data)
	return err
}

func (o *checkOutput) close() error {
	if !o.json {
		return nil
	}
	end := "\n]\n"
	if o.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(o.w, end)
	return err
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func describe(c *eligibility.Coverage) string {
	var parts []string
	if c.Active {
		parts = append(parts, "active")
	} else {
		parts = append(parts, "not active")
	}
	parts = append(parts, "telehealth "+string(c.Telehealth))
	amt := func(name string, a *x12.Amount) {
		if a != nil {
			parts = append(parts, name+" "+a.String())
		}
	}
	amt("copay", c.Copay)
	amt("telehealth copay", c.TelehealthCopay)
	pct := func(name string, p *string) {
		if p != nil {
			parts = append(parts, name+" "+*p)
		}
	}
	pct("coinsurance", c.Coinsurance)
	pct("telehealth coinsurance", c.TelehealthCoinsurance)
	amt("deductible remaining", c.DeductibleRemaining)
	amt("out of pocket remaining", c.OutOfPocketRemaining)
	if c.AuthorizationRequired != nil {
		parts = append(parts, fmt.Sprintf("authorization required %t", *c.AuthorizationRequired))
	}
	if len(c.Errors) > 0 {
		parts = append(parts, "rejected: AAA "+strings.Join(c.Errors, ", "))
	}
	evidence := c.TelehealthEvidence
	if evidence == "" {
		evidence = "no benefit for the service type names place of service 02 or 10"
	}
	return strings.Join(parts, "; ") + " (" + evidence + ")"
}

func runEligibilityRespond(e env, args []string) int {
	fs := newFlags(e, command{name: "eligibility respond", usage: "eligibility respond --plans FILE IN",
		summary: "answer a 270 with a 271 from a plans/members file (a payer simulator); requests with findings are answered " +
			"all the same (counted on stderr), input that lost requests (other transactions, damaged, empty, truncated) is refused, exit 1"})
	plansPath := fs.String("plans", "", "the plans and members JSON (see simulate/sample_plans.json)")
	in, _, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()
	if *plansPath == "" {
		fmt.Fprintln(e.stderr, "x12kit eligibility respond: --plans is required")
		return exitUsage
	}
	data, err := os.ReadFile(*plansPath)
	if err != nil {
		fmt.Fprintln(e.stderr, "x12kit eligibility respond: the plans file cannot be read")
		return exitUsage
	}
	plans, err := simulate.ParsePlans(data)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit eligibility respond: %v\n", err)
		return exitUsage
	}
	if err := respond(e.stdout, e.stderr, in, plans); err != nil {
		fmt.Fprintf(e.stderr, "x12kit eligibility respond: %v\n", err)
		return exitBad
	}
	return exitOK
}

var errNoRequest = errors.New("no 270 in the input")

// respond answers every 270 of in, set by set as it reads them (memory stays bounded by the
// largest set), in one interchange dated a minute after the first request. Requests with
// findings are answered all the same (their count goes to stderr); input that lost requests
// (x12.Lost: a set of another kind or version, a segment dropped, a truncated or empty
// input) or cannot be read on is refused with an error, after the interchange holding the
// answers so far is closed.
func respond(w io.Writer, stderr io.Writer, in io.Reader, plans *simulate.Plans) error {
	var now time.Time
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "PROVIDER", Usage: x12.Test},
		Now:         func() time.Time { return now },
		Newline:     true,
	}
	enc := eligibility.NewResponseEncoder(w, env, nil)
	d := eligibility.NewRequestDecoder(in, nil)
	answered := 0
	var found findingSet
	var last error
	for {
		req, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A set that is no 270 (a 271 included) loses input: x12.ErrWrongTransaction.
			if err == last || losesInput(err) {
				if answered > 0 {
					enc.Close()
				}
				return err
			}
			last = err
			found.add(err)
			continue
		}
		t := req.Created
		if t.IsZero() {
			t = time.Now()
		}
		if answered == 0 {
			now = t.Add(time.Minute)
		}
		if err := enc.Encode(plans.Respond(req, t.Add(time.Minute))); err != nil {
			return err
		}
		answered++
	}
	if answered == 0 {
		return errNoRequest
	}
	found.addList(d.Envelopes().Errors()) // the errors came from Next; any further are counted too
	if n := found.errors(); n > 0 {
		fmt.Fprintf(stderr, "x12kit eligibility: the 270 input has %d finding(s) (x12kit validate lists them); answered all the same\n", n)
	}
	return enc.Close()
}

func gen270(w io.Writer, o genOptions) error {
	if o.from != "" {
		return fmt.Errorf("270 takes no --from: %w", errUsage)
	}
	req := simulate.EligibilityRequest(o.n, o.seed)
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PROVIDER", ReceiverID: "PAYER", Usage: x12.Test},
		Now:         func() time.Time { return req.Created },
		Newline:     true,
	}
	return eligibility.WriteRequests(w, env, req)
}

func gen271(w io.Writer, o genOptions) error {
	plans := simulate.SamplePlans()
	if o.from == "" {
		var buf strings.Builder
		if err := gen270(&buf, o); err != nil {
			return err
		}
		return respond(w, o.e.stderr, strings.NewReader(buf.String()), plans)
	}
	in, err := openInput(o.e, o.from)
	if err != nil {
		return fmt.Errorf("--from cannot be read: %w", errUsage)
	}
	defer in.Close()
	return respond(w, o.e.stderr, in, plans)
}
