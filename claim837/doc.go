// Package claim837 is the 837P professional health care claim (005010X222A1) for x12kit:
// typed claims (Batch, Claim, Line…), an encoder and decoder between them and X12, the
// business checks payers reject claims for, and telehealth coding through the codes policy.
//
//	claim837.ApplyTelehealth(&claim, visit, policy) // POS and modifiers for the visit
//	enc := claim837.NewEncoder(w, env, nil)          // Check, then the guide, before writing
//	err := enc.Encode(batch)                         // an *x12.WriteError names field and position
//	err = enc.Close()                                // or claim837.Write(w, env, batches...)
//	d := claim837.NewDecoder(r, nil)                 // batches back, a transaction set at a time
//	for b, err := range d.All() { … }                // or d.Claims(): one claim at a time
//
// The Decoder streams: with NextClaim (or Claims) each claim (loop 2300) comes as soon as it
// is read, validated, with its own copy of its billing provider, subscriber, payer and
// patient, and the reader then lets it and the finished HL loops above it go, so a batch of
// any size decodes in memory bounded by one claim. Next (or All) gathers a transaction set's
// claims into its Batch.
//
// Nothing is lost without an error. The Decoder reads through x12.Stream, and holds to this:
//   - what stops reading or skips input comes back from Next, NextClaim and ReadAll as a non-nil
//     error matched with errors.Is/As: x12.ErrNoInterchange (empty or white space),
//     x12.ErrTruncated (the input ends inside a segment or an interchange),
//     x12.ErrWrongTransaction (a set that is not an 837P), x12.ErrSkipped, ErrUnitTooLarge,
//     ErrTooDeep and the Reader's segment errors (a segment or claim the engine dropped or
//     cut), or an *x12.Error that stopped the Reader;
//   - each claim carries the guide findings of its segments (Claim.Findings); those of a
//     set's end and of the envelopes are an error from the next call too, and stay in
//     Decoder.Findings after the loop;
//   - ReadAll reads to the end and returns what it read with a non-nil error when anything
//     was lost or any finding is an error;
//   - a value that does not parse is never zeroed: BHT04/05, CLM02, SV102 and SV107 keep
//     their text in Unparsed (on the Batch, Claim or Line), a date segment that does not parse
//     stays raw in Extra, and the encoder writes either back as it was read.
//
// The Encoder groups claims built in code under their billing provider and subscriber (HL
// loops, patient loops only for dependents) and writes claims read from X12 back under the HL
// loops they came from (Claim.HL), computes CLM02 from the lines, writes SV105 only where it
// differs. Check returns x12.Findings that name the rule, the Go field path in the batch
// ("Claims[1].Lines[0].Modifiers"; ClaimLine reads the indexes) and the X12 position, never
// the value; rules have IDs (the Rule constants) whose severity Options can override. A
// guide finding on write names the batch (Index) and the field the element was written from. Segments the model has no field
// for travel in Extra (as x12.RawSegment with their loop) and are written back where the
// guide puts them.
//
// Guide describes every loop and segment
// use of the TR3 — usage, repeats, the qualifiers that tell same-ID segments apart (NM1 by
// NM101, REF, DTP, AMT and QTY by their first element, HL by HL03), element types, lengths
// and code lists — and registers itself with x12.Guides when the package is imported. An
// x12.SetReader then places each segment of an 837P in its loop and reports what breaks the
// guide, with the 999's IK304 and IK403 codes:
//
//	import _ "github.com/x12kit/x12kit/claim837"
//
//	sr := x12.NewSetReader(f)
//	sr.Codes = codes.Default()
//	set, err := sr.Next() // set.Guide == claim837.Guide; set.Findings lists the problems
//
// Elements that carry patient data (names and identifiers of subscribers and patients, their
// addresses, birth dates, diagnosis codes, claim dates, the patient control number) are
// marked, so redaction and the 999 never echo them.
//
// What the guide cannot say — code validity by date of service, NPI check digits, CLM02 equal
// to the sum of SV102, telehealth consistency — is in Check (rules.go).
package claim837
