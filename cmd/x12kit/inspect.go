package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "inspect",
		usage:   "inspect [--redact] IN",
		summary: "print one line per segment, numbered, indented by envelope and loop, with loop ID and name when the guide is known",
		run:     runInspect,
	})
}

func runInspect(e env, args []string) int {
	c := commands["inspect"]
	fs := newFlags(e, c)
	redact := fs.Bool("redact", false, "mask patient data (names, identifiers, dates, addresses, phone numbers, free text) as the guide marks it, keeping structure and lengths")
	in, _, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()

	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	sr := x12.NewSetReader(in)
	sr.Codes = codeSource()
	envDepth := 0
	var line []byte
	sr.Trace = func(s *x12.Segment, n *x12.Node, spec *x12.SegmentSpec) {
		switch s.ID() {
		case "SE", "GE", "IEA":
			envDepth = max(envDepth-1, 0)
		}
		depth := envDepth
		if n != nil && s.ID() != "ST" && s.ID() != "SE" {
			for p := n; p != nil; p = p.Parent {
				depth++
			}
		}
		line = append(line[:0], pad6(s.Pos.Segment)...)
		line = append(line, "  "...)
		for range depth {
			line = append(line, "  "...)
		}
		if *redact {
			line = x12.AppendRedacted(line, s, x12.RedactFunc(spec))
		} else {
			line = append(line, s.Raw()...)
		}
		if n != nil && spec != nil {
			line = append(line, "    # "...)
			if n.Loop.ID != "ST" {
				line = append(line, n.Loop.ID...)
				line = append(line, ' ')
			}
			line = append(line, spec.Name...)
		}
		line = append(line, '\n')
		out.Write(line)
		switch s.ID() {
		case "ISA", "GS", "ST":
			envDepth++
		}
	}
	for {
		_, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			out.Flush()
			fmt.Fprintf(e.stderr, "x12kit inspect: cannot read input: %v\n", err)
			return exitUsage
		}
	}
	out.Flush()
	bad := 0
	for _, f := range sr.Envelopes().Errors().All() {
		if isReadProblem(f) {
			fmt.Fprintln(e.stderr, f) // the input could not be split into segments here
			bad++
		}
	}
	if bad > 0 {
		return exitBad
	}
	return exitOK
}

// readProblems are the reader's errors: places where the input could not be split into
// segments (as opposed to envelope or guide findings, which validate reports).
var readProblems = []error{
	x12.ErrNoISA, x12.ErrShortISA, x12.ErrElementSeparator, x12.ErrComponentSeparator,
	x12.ErrSegmentTerminator, x12.ErrDelimiters, x12.ErrSegmentTooLong, x12.ErrElementTooLong,
	x12.ErrTooManyElements, x12.ErrSegmentID, x12.ErrBinaryLength, x12.ErrMissingTerminate,
}

func isReadProblem(err error) bool {
	for _, p := range readProblems {
		if errors.Is(err, p) {
			return true
		}
	}
	return false
}

func pad6(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 6 {
		s = " " + s
	}
	return s
}
