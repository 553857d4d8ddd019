// Command x12kit inspects, validates, converts and generates HIPAA X12 5010 files.
//
// Every subcommand reads its input as a stream (a path, or - for standard input), writes
// results to standard output and diagnostics to standard error, and exits 0 when the input
// was accepted, 1 when it has errors and 2 on a usage error or unreadable input. Nothing
// printed contains patient data unless the subcommand exists to print it.
//
// Run "x12kit help" for the list of subcommands and "x12kit CMD -h" for their flags.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// Exit codes shared by every subcommand (the README's "The command" lists them).
const (
	exitOK    = 0 // success, input accepted
	exitBad   = 1 // the input has errors or was rejected
	exitUsage = 2 // usage error or unreadable input
)

// env is what a subcommand may touch; tests substitute buffers for the real streams.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand. Files in this package add theirs with register from init.
type command struct {
	name    string
	usage   string // one line: "stat [--json] IN"
	summary string // one sentence for "x12kit help"
	run     func(e env, args []string) int
}

var commands = map[string]command{}

// register adds a subcommand; it panics on a duplicate name, which is a programming error.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("x12kit: duplicate command " + c.name)
	}
	commands[c.name] = c
}

func main() {
	os.Exit(run(env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

// run dispatches args to a subcommand and returns the process exit code.
func run(e env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return c.run(e, []string{"-h"})
			}
		}
		printHelp(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "x12kit: unknown command %q; run \"x12kit help\"\n", args[0])
		return exitUsage
	}
	return c.run(e, args[1:])
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "x12kit: HIPAA X12 5010 tools for telehealth billing")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: x12kit COMMAND [flags] [IN]   (IN is a path, or - for standard input)")
	fmt.Fprintln(w)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-48s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Exit status: 0 accepted, 1 input has errors (also when empty, and after printing what could be read),")
	fmt.Fprintln(w, "2 usage error or unreadable input. Quirks the reader tolerates (legacy ISA11, unpadded ISA…) are")
	fmt.Fprintln(w, "warnings: listed, exit 0 (validate --strict makes them errors).")
	fmt.Fprintln(w, "Run \"x12kit COMMAND -h\" for a command's flags.")
}
