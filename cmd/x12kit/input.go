package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/x12kit/x12kit/x12"
)

// newFlags returns a flag set for a subcommand that reports to e.stderr.
func newFlags(e env, c command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: x12kit %s\n\n%s\n\n", c.usage, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; ok is false when the command should stop with code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return exitOK, true
}

// oneInput returns the single IN argument, or reports a usage error.
func oneInput(e env, fs *flag.FlagSet) (string, bool) {
	if fs.NArg() != 1 {
		fmt.Fprintf(e.stderr, "x12kit %s: expected one input (a path, or - for standard input)\n", fs.Name())
		fs.Usage()
		return "", false
	}
	return fs.Arg(0), true
}

// start parses a subcommand's flags (fs holds its own ones) and opens its one input. When ok
// is false the command ends with code (help, usage error, unreadable input).
func start(e env, fs *flag.FlagSet, args []string) (in io.ReadCloser, path string, code int, ok bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return nil, "", code, false
	}
	path, ok = oneInput(e, fs)
	if !ok {
		return nil, "", exitUsage, false
	}
	in, err := openInput(e, path)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit %s: cannot open input: %v\n", fs.Name(), err)
		return nil, "", exitUsage, false
	}
	return in, path, exitOK, true
}

// openInput opens a path, or standard input for "-".
func openInput(e env, path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(e.stdin), nil
	}
	return os.Open(path)
}

// writeJSON prints v as indented JSON on standard output.
func writeJSON(e env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// findingSet collects the X12 findings a command met, each once: errors, which make it exit
// 1, and warnings (quirks the reader tolerated), which are only listed. Each list keeps at
// most x12.DefaultErrorLimit findings and counts the rest.
type findingSet struct {
	seen  map[*x12.Error]bool
	errs  x12.ErrorList
	warns x12.ErrorList
}

// add takes an *x12.Error, an *x12.ErrorList (every finding in it), or an error wrapping or
// joining them; it reports false when err holds anything else (an I/O error: the caller's
// to handle), after adding the findings it holds.
func (f *findingSet) add(err error) bool {
	switch e := err.(type) {
	case nil:
		return true
	case *x12.ErrorList:
		for _, x := range e.All() {
			f.one(x)
		}
		f.errs.Omitted += e.Omitted // not told apart: counted as errors, as x12 does
		return true
	case *x12.Error:
		f.one(e)
		return true
	case interface{ Unwrap() []error }:
		ok := true
		for _, x := range e.Unwrap() {
			ok = f.add(x) && ok
		}
		return ok
	case interface{ Unwrap() error }:
		if u := e.Unwrap(); u != nil {
			return f.add(u)
		}
	}
	return false
}

// addList adds every finding of l.
func (f *findingSet) addList(l *x12.ErrorList) { f.add(l) }

// one adds a finding unless it was added before. ErrInterchangeOverLimit is left out: it says
// the EnvelopeChecker stopped keeping one result per interchange (for TA1s), which no command
// relies on (validate follows the results as they come), not that the input is wrong.
func (f *findingSet) one(e *x12.Error) {
	if e == nil || f.seen[e] || errors.Is(e, x12.ErrInterchangeOverLimit) {
		return
	}
	l := &f.errs
	if e.Severity == x12.SeverityWarning {
		l = &f.warns
	}
	if l.Len() >= x12.DefaultErrorLimit {
		l.Omitted++ // not remembered: memory stays bounded (a repeat may be counted twice)
		return
	}
	if f.seen == nil {
		f.seen = map[*x12.Error]bool{}
	}
	f.seen[e] = true
	l.Add(e)
}

// errors is the number of error-level findings, omitted ones included.
func (f *findingSet) errors() int { return f.errs.Len() + f.errs.Omitted }

// warnings is the number of warnings, omitted ones included.
func (f *findingSet) warnings() int { return f.warns.Len() + f.warns.Omitted }

// print lists the findings on w, at most limit of each kind, prefixed with the command's
// name: positions and codes only (x12 errors never hold element values).
func (f *findingSet) print(w io.Writer, name string, limit int) {
	for _, l := range []*x12.ErrorList{&f.errs, &f.warns} {
		for i, e := range l.All() {
			if i == limit {
				break
			}
			fmt.Fprintf(w, "x12kit %s: %v\n", name, e)
		}
		if more := l.Len() + l.Omitted - min(l.Len(), limit); more > 0 {
			fmt.Fprintf(w, "x12kit %s: … and %d more\n", name, more)
		}
	}
}

// noInterchange is the finding for an input that held no interchange at all (empty or white
// space only), ending at offset.
func noInterchange(offset int64) *x12.Error {
	return &x12.Error{Pos: x12.Position{Offset: offset}, Level: x12.LevelInterchange, Code: "024", Err: x12.ErrNoInterchange}
}

// isFinding reports whether err is (or wraps or joins) X12 findings and nothing else, as
// opposed to an I/O error.
func isFinding(err error) bool { return nonFinding(err) == nil }

// nonFinding returns the first error in err's tree that is not an X12 finding (an I/O error),
// or nil.
func nonFinding(err error) error {
	switch e := err.(type) {
	case nil, *x12.Error, *x12.ErrorList:
		return nil
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			if bad := nonFinding(x); bad != nil {
				return bad
			}
		}
		return nil
	case interface{ Unwrap() error }:
		if u := e.Unwrap(); u != nil {
			return nonFinding(u)
		}
	}
	return err
}

// losesInput reports whether err says that input was lost (x12.Lost: a segment dropped, a
// set of another kind or version skipped, a truncated or empty input) or is not an X12
// finding at all (an I/O error), as opposed to findings about input read whole.
// ErrInterchangeOverLimit is not a loss here (see findingSet.one).
func losesInput(err error) bool {
	if !isFinding(err) {
		return true
	}
	var l *x12.ErrorList
	if errors.As(err, &l) {
		for _, e := range l.All() {
			if x12.Lost(e) && !errors.Is(e, x12.ErrInterchangeOverLimit) {
				return true
			}
		}
		return false
	}
	return x12.Lost(err) && !errors.Is(err, x12.ErrInterchangeOverLimit)
}
