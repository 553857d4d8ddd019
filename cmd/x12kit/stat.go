package main

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "stat",
		usage:   "stat [--json] IN",
		summary: "stream the input and count interchanges, groups, transactions, segments, elements and bytes",
		run:     runStat,
	})
}

// stats are the counts "x12kit stat" prints; the JSON keys are the contract of cli.md.
type stats struct {
	Interchanges int            `json:"interchanges"`
	Groups       int            `json:"groups"`
	Transactions map[string]int `json:"transactions"`
	Segments     int            `json:"segments"`
	Elements     int            `json:"elements"`
	Bytes        int64          `json:"bytes"`
}

func runStat(e env, args []string) int {
	c := commands["stat"]
	fs := newFlags(e, c)
	asJSON := fs.Bool("json", false, "print one JSON document")
	in, _, code, ok := start(e, fs, args)
	if !ok {
		return code
	}
	defer in.Close()

	st, bad, err := count(in, func(err error) { fmt.Fprintln(e.stderr, err) })
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit stat: cannot read input: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		if err := writeJSON(e, st); err != nil {
			return exitUsage
		}
	} else {
		fmt.Fprintf(e.stdout, "interchanges  %d\ngroups        %d\n", st.Interchanges, st.Groups)
		ids := make([]string, 0, len(st.Transactions))
		for id := range st.Transactions {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			fmt.Fprintf(e.stdout, "transactions  %d  (%s)\n", st.Transactions[id], id)
		}
		if len(ids) == 0 {
			fmt.Fprintln(e.stdout, "transactions  0")
		}
		fmt.Fprintf(e.stdout, "segments      %d\nelements      %d\nbytes         %d\n", st.Segments, st.Elements, st.Bytes)
	}
	if bad > 0 {
		return exitBad
	}
	return exitOK
}

// count streams in and counts it. Segment-level read errors go to report and are counted in
// bad; the error is for input that cannot be read at all.
func count(in io.Reader, report func(error)) (st stats, bad int, err error) {
	st.Transactions = map[string]int{}
	r := x12.NewReader(in)
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var xe *x12.Error
			if !errors.As(err, &xe) {
				return st, bad, err
			}
			bad++
			report(err)
			if r.Err() != nil {
				break // nothing more can be read
			}
			continue
		}
		st.Segments++
		st.Elements += s.Len()
		switch s.ID() {
		case "ISA":
			st.Interchanges++
		case "GS":
			st.Groups++
		case "ST":
			st.Transactions[string(s.Element(1))]++
		}
	}
	st.Bytes = r.Offset()
	return st, bad, nil
}
