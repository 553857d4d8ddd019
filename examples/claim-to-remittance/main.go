// Command claim-to-remittance runs the whole billing loop offline: it generates telehealth
// 837P claims, lets the payer simulator adjudicate them into an 835, writes the 835 (which is
// validated and balanced before anything is written), then streams it back claim by claim,
// checks that every claim balances, and prints what was paid and why. Copy it to test a
// billing system end to end without a payer:
//
//	go run ./examples/claim-to-remittance
package main

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/simulate"
	"github.com/x12kit/x12kit/x12"
)

func main() {
	// 1. Claims, as a billing system would build them (here: synthetic and deterministic).
	batch := simulate.Claims(12, 7, simulate.ClaimOptions{})

	// 2. The payer adjudicates them: one 835 per payer and billing provider.
	remits := simulate.Adjudicate(batch.Claims)

	// 3. Write the 835s. Write reads its own output back through the guide and balances it.
	var edi bytes.Buffer
	env := x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) },
		Newline:     true,
	}
	if err := remit835.Write(&edi, env, remits...); err != nil {
		log.Fatal(err) // positions and codes only: never patient data
	}

	// 4. Read it back as a clearinghouse would: one claim payment at a time.
	d := remit835.NewDecoder(bytes.NewReader(edi.Bytes()), nil)
	var charged, paid x12.Amount
	reasons := map[string]x12.Amount{}
	i := 0
	for claim, err := range d.Claims() {
		if err != nil {
			log.Fatal(err)
		}
		if imbalances := remit835.BalanceClaim(claim, i); len(imbalances) > 0 {
			log.Fatalf("claim %d does not balance: %v", i, imbalances[0])
		}
		charged += claim.Charge
		paid += claim.Paid
		for _, l := range claim.Lines {
			for _, a := range l.Adjustments {
				reasons[a.Group+"-"+a.Reason] += a.Amount
			}
		}
		i++
	}
	fmt.Printf("%d claims in %d remittances (%d bytes of 835): charged %s, paid %s\n",
		i, len(remits), edi.Len(), charged, paid)
	for _, r := range []string{"CO-45", "PR-2", "PR-3", "CO-253", "CO-181", "CO-4", "CO-5", "CO-96"} {
		if amt, ok := reasons[r]; ok {
			fmt.Printf("  %-7s %s\n", r, amt)
		}
	}
}
