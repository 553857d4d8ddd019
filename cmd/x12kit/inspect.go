package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:  "inspect",
		usage: "inspect [--redact] IN",
		summary: "print one line per segment, numbered, indented by envelope and loop, with loop ID and name when the guide is known; " +
			"exit 1 when the input cannot be split into segments or its envelopes are wrong (guide findings are validate's)",
		run: runInspect,
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
	// Each segment is printed as it is read (Trace): the loop placement is all inspect needs,
	// so no set's tree is kept (ValidateOnly) and no element is checked (StructureOnly).
	sr := x12.NewSetReader(in)
	sr.ValidateOnly, sr.StructureOnly = true, true
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
			line = x12.AppendRedactedSpec(line, s, spec)
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
			if isFinding(err) {
				break // input that cannot be read on: the finding is in the envelope checks
			}
			out.Flush()
			fmt.Fprintf(e.stderr, "x12kit inspect: cannot read input: %v\n", err)
			return exitUsage
		}
	}
	if err := out.Flush(); err != nil {
		return exitUsage
	}
	// What inspect vouches for is the segments and their envelopes: the reader's errors
	// (input it could not split into segments, no interchange at all), the envelope errors (a
	// missing or wrong trailer…) and the quirks it tolerated (warnings). Guide findings are
	// validate's to report.
	var found findingSet
	found.addList(sr.Envelopes().Errors())
	found.print(e.stderr, "inspect", 20)
	if n := found.errors(); n > 0 {
		fmt.Fprintf(e.stderr, "x12kit inspect: the input has %d error(s) (x12kit validate lists every finding)\n", n)
		return exitBad
	}
	return exitOK
}

func pad6(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 6 {
		s = " " + s
	}
	return s
}
