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
		name:    "inspect",
		usage:   "inspect [--redact] IN",
		summary: "print one line per segment, numbered and indented by envelope level",
		run:     runInspect,
	})
}

func runInspect(e env, args []string) int {
	c := commands["inspect"]
	fs := newFlags(e, c)
	redact := fs.Bool("redact", false, "mask patient data (names, identifiers, dates, addresses, phone numbers, free text), keeping structure and lengths")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	path, ok := oneInput(e, fs)
	if !ok {
		return exitUsage
	}
	in, err := openInput(e, path)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit inspect: cannot open input: %v\n", err)
		return exitUsage
	}
	defer in.Close()

	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	r := x12.NewReader(in)
	depth, bad := 0, 0
	var line []byte
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.Err() != nil && !isX12Error(err) {
				fmt.Fprintf(e.stderr, "x12kit inspect: cannot read input: %v\n", err)
				return exitUsage
			}
			bad++
			out.Flush()
			fmt.Fprintln(e.stderr, err)
			if r.Err() != nil {
				break
			}
			continue
		}
		switch s.ID() {
		case "SE", "GE", "IEA":
			depth = max(depth-1, 0)
		}
		line = line[:0]
		line = append(line, pad6(s.Pos.Segment)...)
		line = append(line, "  "...)
		for range depth {
			line = append(line, "  "...)
		}
		if *redact {
			line = x12.AppendRedacted(line, s, x12.DefaultPHI.Has)
		} else {
			line = append(line, s.Raw()...)
		}
		line = append(line, '\n')
		out.Write(line)
		switch s.ID() {
		case "ISA", "GS", "ST":
			depth++
		}
	}
	if bad > 0 {
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
