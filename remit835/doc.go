// Package remit835 is the 835 health care claim payment/advice (005010X221A1): the remittance a
// payer sends with, or apart from, the money for the claims it adjudicated.
//
// The implementation guide is data, [Guide], registered in x12.Guides when the package is
// imported, so an x12.SetReader places every segment of an 835 in its loop (payer 1000A,
// payee 1000B, header number 2000, claim 2100, service line 2110) and reports what the guide
// forbids with 999 codes.
//
// # Reading
//
// A [Decoder] hands out a [Remittance] per transaction set ([Decoder.Next], [Decoder.All]), or
// streams one [Claim] (a CLP with its adjustments, names, dates, amounts and service [Line]s)
// at a time ([Decoder.NextClaim], [Decoder.Claims]), validating against the guide as it
// reads; memory is then bounded by one claim and the header above it, whatever the size of
// the file (many interchanges, groups and sets included). [Decoder.Remittance] is the
// payment, trace, payer and payee the claim belongs to; [Decoder.SetDone] sees each set's
// provider adjustments (PLB) and findings at its end. [ReadAll] and [FromSet] give whole
// [Remittance] values:
//
//	d := remit835.NewDecoder(f, nil)
//	for claim, err := range d.Claims() {
//		if err != nil {
//			return err
//		}
//		fmt.Println(claim.Status, claim.Charge, claim.Paid) // x12.Amount: exact cents
//	}
//
// Nothing is lost without an error: a set that is not an 835, a segment the reader had to
// drop, truncated or empty input come back from Next and NextClaim as errors (x12.ErrWrongTransaction,
// x12.ErrTruncated, x12.ErrNoInterchange…; see [Decoder]), after which Next can go on; each
// claim carries its guide findings ([Claim].Findings), and those of set ends and envelopes
// are in [Decoder.Findings]. [ReadAll] reads to the end and returns what it read with an
// error whenever anything was lost or any finding is an error.
//
// Every segment has a home: the ones without a field are kept in Extra and written back in
// the guide's place, so decoding then encoding an 835 gives back the same segments. An amount
// of BPR, CLP or SVC that does not parse leaves its field zero and keeps its text in the
// value's Unparsed, which the encoder writes back.
//
// # Balancing
//
// [Balance] checks the three rules of an 835, exactly to the cent: each service line (SVC02
// minus its adjustments is SVC03), each claim (CLP03 minus the claim's and its lines'
// adjustments is CLP04) and the transaction (BPR02, signed by BPR03, is the claims' payments
// minus the provider adjustments). Each broken rule is an [Imbalance] with its position; a
// file that does not balance is still read. [BalanceClaim] and [BalanceTransaction] do the
// same claim by claim for a streaming reader, [SegmentBalancer] segment by segment. Package
// remitstats sums claim payments into billing figures, reconciles them with the 837P claims
// sent and pairs reversals.
//
// # Writing
//
// An [Encoder] streams remittances into one interchange (claims grouped under their LX header
// numbers), a transaction set per [Encoder.Encode] with memory bounded by one remittance: each
// set is read back through the guide and the envelope checks and balanced before it is
// written, and one that is not clean is refused with an [x12.WriteError] and stops the Encoder.
// [Write] does the same for a list of remittances in memory and writes nothing unless all is
// clean:
//
//	enc := remit835.NewEncoder(w, env, nil)
//	for _, r := range remits {
//		if err := enc.Encode(r); err != nil {
//			return err // positions and codes, never values
//		}
//	}
//	return enc.Close()
//
// Package simulate holds a deterministic payer that turns 837P claims
// into balanced 835s (`x12kit gen 835 --from`).
//
// Patient data (names and identifiers of patients, insureds and other subscribers, the
// patient control number CLP01, claim identifiers, dates of service) and the bank routing and
// account numbers of BPR are marked in the guide, so x12 redaction masks them and a 999 never
// echoes them; [Claim], [Name], [Payment], [BankAccount] and [Remittance] print without them.
package remit835
