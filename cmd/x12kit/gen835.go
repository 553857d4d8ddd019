package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

func init() { registerGenerator("835", gen835) }

// errNoClaims is gen 835's answer to an input without 837P claims.
var errNoClaims = errors.New("the input holds no 837P claims")

// genChunk is how many claims gen 835 --from adjudicates and writes at a time.
var genChunk = 5000

// gen835 adjudicates 837P claims with the simulated payer (simulate.Adjudicator, sequestration
// on) and writes the 835s. With --from it streams the file: each 837P transaction set — each run of genChunk
// claims of a larger one — is adjudicated on its own and answered by one interchange holding
// an 835 set per payer and billing provider; duplicates are recognized across the whole file.
// Memory is bounded by genChunk claims and their 835, plus the patient control numbers seen.
// Claims of a set with guide or envelope findings are adjudicated all the same (a real
// payer's front end would have answered with a 999 first; the findings are counted on
// standard error); input that lost claims (x12.Lost: a set of another kind or version, a
// segment dropped, a truncated or empty input) or that cannot be read on is refused, exit 1,
// after the interchanges already answered; what an 835 cannot carry fails the write, exit 1.
// Without --from it adjudicates simulate.Claims(--claims, --seed) shaped by --lines,
// --replace, --void, --dates, --in-person and --clean. Control numbers count up
// from 1 across the output, and every date comes from the claims (the payment date), so the
// same input gives the same bytes.
func gen835(w io.Writer, o genOptions) error {
	a := &simulate.Adjudicator{Sequestration: true}
	controls := x12.NewSequence(1, 1, 1)
	if o.from == "" {
		b := simulate.Claims(o.n, o.seed, o.claims)
		return write835(w, a, controls, b, b.Claims)
	}
	in, err := openInput(o.e, o.from)
	if err != nil {
		return fmt.Errorf("cannot open --from: %w: %w", errUsage, err)
	}
	defer in.Close()
	d := claim837.NewDecoder(in, nil)
	var (
		set    *x12.Set
		batch  claim837.Batch
		claims []claim837.Claim
		chunks int
	)
	flush := func() error {
		if len(claims) == 0 {
			return nil
		}
		chunks++
		err := write835(w, a, controls, &batch, claims)
		claims = claims[:0]
		if err != nil {
			return fmt.Errorf("interchange %d: %w", chunks, err)
		}
		return nil
	}
	var found findingSet
	var last error
	for {
		c, err := d.NextClaim()
		if err == io.EOF {
			break
		}
		if err != nil {
			if err == last || losesInput(err) {
				// Claims were lost (or reading stopped: the same error again): refuse.
				return fmt.Errorf("reading the 837P: %w", err)
			}
			last = err
			found.add(err)
			continue
		}
		for _, f := range c.Findings {
			found.one(f)
		}
		if d.Set() != set || len(claims) >= genChunk {
			if err := flush(); err != nil {
				return err
			}
			set, batch = d.Set(), *d.Batch()
		}
		claims = append(claims, *c)
	}
	if err := flush(); err != nil {
		return err
	}
	found.addList(d.Findings())
	if n := found.errors(); n > 0 {
		fmt.Fprintf(o.e.stderr, "x12kit gen: the 837P has %d finding(s) (x12kit validate lists them); its claims were adjudicated all the same\n", n)
	}
	if chunks == 0 {
		return errNoClaims
	}
	return nil
}

// write835 adjudicates one 837P set's claims and writes them as one interchange from the
// simulated payer to the 837P's submitter, dated on the payment date.
func write835(w io.Writer, a *simulate.Adjudicator, controls x12.ControlSource, b *claim837.Batch, claims []claim837.Claim) error {
	remits := a.Adjudicate(claims)
	if len(remits) == 0 {
		return errNoClaims
	}
	when := remits[0].Payment.Date.Time().Add(12 * time.Hour)
	return remit835.Write(w, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "SIMPAYER", ReceiverID: interchangeID(b.Submitter.ID), Time: when, Usage: x12.Test},
		Controls:    controls,
		Now:         func() time.Time { return when },
		Newline:     true,
	}, remits...)
}

// interchangeID is id when it fits ISA08 (2–15 upper-case letters, digits or spaces), else a
// placeholder.
func interchangeID(id string) string {
	if len(id) < 2 || len(id) > 15 {
		return "SUBMITTER"
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ') {
			return "SUBMITTER"
		}
	}
	return id
}
