package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/x12kit/x12kit/codes"
)

func init() {
	register(command{
		name:    "codes",
		usage:   "codes lookup SET CODE [--date D] [--json] | sets",
		summary: "look a code up in a shipped code set on a date of service (exit 1 when it is not in the set), or list the sets",
		run:     runCodes,
	})
}

// codeJSON is what "x12kit codes lookup --json" prints; the keys are the command's contract.
type codeJSON struct {
	Set         string  `json:"set"`
	Code        string  `json:"code"`
	Description string  `json:"description"`
	Effective   *string `json:"effective"`
	Terminated  *string `json:"terminated"`
	Status      string  `json:"status"`
}

// setJSON is one entry of "x12kit codes sets --json".
type setJSON struct {
	Name         string `json:"name"`
	Title        string `json:"title"`
	Codes        int    `json:"codes"`
	LastReviewed string `json:"last_reviewed"`
	Partial      bool   `json:"partial"`
}

func runCodes(e env, args []string) int {
	c := commands["codes"]
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "x12kit codes: expected lookup or sets")
		newFlags(e, c).Usage()
		return exitUsage
	}
	switch args[0] {
	case "lookup":
		return runCodesLookup(e, c, args[1:])
	case "sets":
		return runCodesSets(e, c, args[1:])
	case "-h", "-help", "--help":
		newFlags(e, c).Usage()
		return exitOK
	}
	fmt.Fprintln(e.stderr, "x12kit codes: unknown subcommand; expected lookup or sets")
	return exitUsage
}

// parseInterspersed parses flags that may come before, between or after positional arguments
// and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if code, ok := parseFlags(fs, args); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return pos, exitOK, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseDay reads a YYYY-MM-DD date flag.
func parseDay(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

func runCodesLookup(e env, c command, args []string) int {
	fs := newFlags(e, c)
	on := fs.String("date", "", "date of service as YYYY-MM-DD (default today)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	pos, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintln(e.stderr, "x12kit codes lookup: expected SET and CODE")
		fs.Usage()
		return exitUsage
	}
	date := time.Now()
	if *on != "" {
		d, err := parseDay(*on)
		if err != nil {
			fmt.Fprintln(e.stderr, "x12kit codes lookup: --date must be YYYY-MM-DD")
			return exitUsage
		}
		date = d
	}
	set, ok := codes.Default().Set(pos[0])
	if !ok {
		fmt.Fprintf(e.stderr, "x12kit codes lookup: no code set named %q; run \"x12kit codes sets\"\n", pos[0])
		return exitUsage
	}
	cd, st := set.Lookup(pos[1], date)
	out := codeJSON{Set: set.Name, Code: pos[1], Description: cd.Description,
		Effective: dateOrNil(cd.Effective), Terminated: dateOrNil(cd.Terminated), Status: st.String()}
	if *asJSON {
		if err := writeJSON(e, out); err != nil {
			return exitUsage
		}
	} else {
		fmt.Fprintf(e.stdout, "set          %s\ncode         %s\n", out.Set, out.Code)
		if st != codes.Unknown {
			fmt.Fprintf(e.stdout, "description  %s\neffective    %s\nterminated   %s\n",
				out.Description, orDash(out.Effective), orDash(out.Terminated))
		}
		fmt.Fprintf(e.stdout, "status       %s on %s\n", out.Status, date.Format(time.DateOnly))
	}
	if st == codes.Unknown {
		return exitBad
	}
	return exitOK
}

func dateOrNil(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func orDash(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func runCodesSets(e env, c command, args []string) int {
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print one JSON document")
	pos, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		fmt.Fprintln(e.stderr, "x12kit codes sets: takes no arguments")
		return exitUsage
	}
	reg := codes.Default()
	var list []setJSON
	for _, n := range reg.Names() {
		s, _ := reg.Set(n)
		list = append(list, setJSON{Name: n, Title: s.Title, Codes: s.Len(),
			LastReviewed: s.LastReviewed.Format(time.DateOnly), Partial: s.Partial})
	}
	if *asJSON {
		if err := writeJSON(e, list); err != nil {
			return exitUsage
		}
		return exitOK
	}
	for _, s := range list {
		partial := ""
		if s.Partial {
			partial = " (common codes only)"
		}
		fmt.Fprintf(e.stdout, "%-24s %4d  reviewed %s  %s%s\n", s.Name, s.Codes, s.LastReviewed,
			strings.TrimSpace(s.Title), partial)
	}
	return exitOK
}
