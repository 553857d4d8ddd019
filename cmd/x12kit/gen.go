package main

import (
	"bufio"
	"fmt"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/x12"
)

func init() {
	register(command{
		name:    "gen",
		usage:   "gen 837p [--claims N] [--seed S]",
		summary: "write deterministic synthetic transactions that pass validation (837p today)",
		run:     runGen,
	})
}

func runGen(e env, args []string) int {
	c := commands["gen"]
	fs := newFlags(e, c)
	n := fs.Int("claims", 10, "number of claims")
	seed := fs.Uint64("seed", 1, "seed: the same seed gives the same file")
	if len(args) == 0 {
		fs.Usage()
		return exitUsage
	}
	kind, rest := args[0], args[1:]
	if kind == "-h" || kind == "--help" {
		fs.Usage()
		return exitOK
	}
	if code, ok := parseFlags(fs, rest); !ok {
		return code
	}
	if kind != "837p" {
		fmt.Fprintf(e.stderr, "x12kit gen: %q is not generated yet; this build generates 837p\n", kind)
		return exitUsage
	}
	if *n < 1 || *n > 1_000_000 || fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	batch := claim837.Generate(*n, *seed)
	w := bufio.NewWriter(e.stdout)
	_, err := claim837.Write(w, claim837.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SUBMITTER01", ReceiverID: "RECEIVER01", Usage: x12.Test},
		Now:         func() time.Time { return batch.Created },
		Newline:     true,
	}, batch)
	if err != nil {
		fmt.Fprintf(e.stderr, "x12kit gen: %v\n", err)
		return exitBad
	}
	if err := w.Flush(); err != nil {
		return exitUsage
	}
	return exitOK
}
