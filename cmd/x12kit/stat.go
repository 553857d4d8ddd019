package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:  "stat",
		usage: "stat [--json] IN",
		summary: "stream the input and count interchanges, groups, transactions, segments, elements and bytes; exit 1 when it " +
			"cannot be split into segments or its envelopes are wrong (after printing the counts)",
		run: runStat,
	})
}

// stats are the counts "x12kit stat" prints; the JSON keys are the command's contract (README, "The command").
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

	st, found, err := count(in)
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
	found.print(e.stderr, "stat", 20)
	if n := found.errors(); n > 0 {
		fmt.Fprintf(e.stderr, "x12kit stat: the input has %d error(s) (x12kit validate lists every finding); the counts are of what could be read\n", n)
		return exitBad
	}
	return exitOK
}

// count streams in and counts it, checking the envelopes as it goes (no guide: that is
// validate's work). found holds the reader's errors (input it could not split into segments,
// an input without an interchange), the envelope errors (a missing or wrong trailer…) and
// the warnings of quirks the reader tolerated; the error is for input that cannot be read at
// all (I/O).
func count(in io.Reader) (st stats, found *findingSet, err error) {
	st.Transactions = map[string]int{}
	found = &findingSet{}
	r := x12.NewReader(in)
	var env x12.EnvelopeChecker
	for {
		s, err := r.Next()
		if err != nil && err != io.EOF && !isFinding(err) {
			return st, found, err
		}
		env.Feed(r, s, err) // with the quirks the reader tolerated
		if err == io.EOF {
			break
		}
		if err != nil {
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
	found.addList(env.Finish())
	if st.Interchanges == 0 && r.Err() == nil {
		found.one(noInterchange(st.Bytes)) // empty, or white space only
	}
	return st, found, nil
}
