package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:  "gen",
		usage: "gen 837p|835|270|271 [--claims N] [--seed S] [--from FILE] [--lines N] [--replace PCT] [--void PCT] [--dates FROM..TO] [--in-person PCT] [--clean]",
		summary: "write deterministic synthetic transactions that pass validation; 835 --from adjudicates an 837P's claims, 271 --from answers a 270 " +
			"(an input with findings is answered all the same, their count on stderr; one that lost claims or requests — other " +
			"transactions, damaged, empty, truncated — is refused, exit 1); --lines, --replace, --void, --dates, --in-person and " +
			"--clean shape the claims of 837p and of 835 without --from",
		run: runGen,
	})
	registerGenerator("837p", gen837P)
}

// genOptions are the flags of "gen".
type genOptions struct {
	n    int    // --claims: how many claims (or inquiries)
	seed uint64 // --seed
	from string // --from: the file to answer, "" for none
	// claims shape the generated claims (837p, 835 without --from): --lines, --replace,
	// --void, --dates, --in-person, --clean; zero: the batch the seed has always given
	claims simulate.ClaimOptions
	e      env // for reading --from "-" from standard input
}

// generator writes one kind of synthetic transaction to w. An error is reported with exit 1
// unless it wraps errUsage (exit 2).
type generator func(w io.Writer, o genOptions) error

var generators = map[string]generator{}

// registerGenerator adds a kind to "gen"; files of this package call it from init.
func registerGenerator(kind string, g generator) { generators[kind] = g }

// errUsage marks a generator error that is the caller's (a --from file that cannot be read).
var errUsage = errors.New("usage")

func runGen(e env, args []string) int {
	c := commands["gen"]
	fs := newFlags(e, c)
	n := fs.Int("claims", 10, "number of claims (837p, 835 without --from) or inquiries (270, 271 without --from)")
	seed := fs.Uint64("seed", 1, "seed: the same seed gives the same file")
	from := fs.String("from", "", "835: the 837P whose claims to adjudicate; 271: the 270 to answer")
	var claims simulate.ClaimOptions
	fs.IntVar(&claims.Lines, "lines", 0, "837p, 835: at most this many service lines per claim (0: one)")
	fs.IntVar(&claims.Replacements, "replace", 0, "837p, 835: percent of claims sent as replacements (frequency 7)")
	fs.IntVar(&claims.Voids, "void", 0, "837p, 835: percent of claims sent as voids (frequency 8)")
	dates := fs.String("dates", "", "837p, 835: dates of service FROM..TO (YYYY-MM-DD, either may be left out)")
	fs.IntVar(&claims.InPerson, "in-person", 0, "837p, 835: percent of visits in person (POS 11, no telehealth coding)")
	fs.BoolVar(&claims.Clean, "clean", false, "837p, 835: only claims the business checks find nothing in")
	if len(args) == 0 {
		fs.Usage()
		return exitUsage
	}
	kind, rest := strings.ToLower(args[0]), args[1:]
	if kind == "-h" || kind == "--help" {
		fs.Usage()
		return exitOK
	}
	if code, ok := parseFlags(fs, rest); !ok {
		return code
	}
	g := generators[kind]
	if g == nil {
		known := make([]string, 0, len(generators))
		for k := range generators {
			known = append(known, k)
		}
		slices.Sort(known)
		fmt.Fprintf(e.stderr, "x12kit gen: %q is not a kind this build generates (%s)\n", kind, strings.Join(known, ", "))
		return exitUsage
	}
	if *n < 1 || *n > 1_000_000 || fs.NArg() != 0 || !parseDates(*dates, &claims) || claims.Lines < 0 || claims.Lines > 50 ||
		claims.Replacements < 0 || claims.Voids < 0 || claims.Replacements+claims.Voids > 100 || claims.InPerson < 0 || claims.InPerson > 100 {
		fs.Usage()
		return exitUsage
	}
	w := bufio.NewWriter(e.stdout)
	if err := g(w, genOptions{n: *n, seed: *seed, from: *from, claims: claims, e: e}); err != nil {
		// What was written is whole interchanges (the answers before the error): out it goes,
		// rather than cut wherever the buffer stood.
		w.Flush()
		fmt.Fprintf(e.stderr, "x12kit gen: %v\n", err)
		if errorsIsUsage(err) {
			return exitUsage
		}
		return exitBad
	}
	if err := w.Flush(); err != nil {
		return exitUsage
	}
	return exitOK
}

// parseDates reads --dates, FROM..TO with either side left out, into o's range; it reports
// false for text that is not such a range.
func parseDates(s string, o *simulate.ClaimOptions) bool {
	if s == "" {
		return true
	}
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		return false
	}
	for _, d := range []struct {
		text string
		dst  *x12.Date
	}{{from, &o.From}, {to, &o.To}} {
		if d.text == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.text)
		if err != nil {
			return false
		}
		*d.dst = x12.DateOf(t)
	}
	return true
}

// errorsIsUsage reports whether a generator failed because of how it was called.
func errorsIsUsage(err error) bool { return errors.Is(err, errUsage) }

func gen837P(w io.Writer, o genOptions) error {
	if o.from != "" {
		return fmt.Errorf("837p takes no --from: %w", errUsage)
	}
	batch := simulate.Claims(o.n, o.seed, o.claims)
	err := claim837.Write(w, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTER01", ReceiverID: "RECEIVER01", Usage: x12.Test},
		Now:         func() time.Time { return batch.Created },
		Newline:     true,
	}, batch)
	return err
}
