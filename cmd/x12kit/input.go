package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
