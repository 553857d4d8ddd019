// Package remitstats is remittance analytics over 835s read with package remit835: the
// billing figures a practice or clearinghouse follows, the reconciliation of claim payments
// with the 837P claims sent, and the pairing of reversals with their originals.
//
// # Figures
//
// A [Summary] sums claim payments as they stream by, in memory bounded by the number of
// payers, months and adjustment reasons: claims and lines by [Outcome] (paid, partially paid,
// denied, reversed), billed, allowed and paid amounts, adjustments by group and reason,
// provider adjustments (PLB), telehealth against in-person visits, days to payment, in
// [Figures] for all of them, each payer and each month. It checks the balancing rules of
// remit835 on every claim and set as it goes ([Finding]):
//
//	s, err := remitstats.SummarizeFiles("january.835", "february.835")
//	if err != nil {
//		return err
//	}
//	fmt.Println(s.Totals.Paid, s.Totals.DenialRate(), s.TopReasons(5))
//
// # Reconciliation
//
// [Submitted] indexes the 837P claims sent by patient control number; a [Reconciler] given the
// claim payments builds the [WorkList] a billing team follows up: claims unpaid, denied,
// partially paid or short-paid against a fee schedule, and payments for no claim sent.
//
// # Reversals
//
// A [Pairer] pairs each reversal (CLP02 22) with the claim payment it reverses and the
// correction that follows, remembering a bounded number of claim payments ([Pair]).
//
// The values that hold patient control numbers or amounts tied to a patient print redacted
// under fmt and log/slog; their JSON is complete.
package remitstats
