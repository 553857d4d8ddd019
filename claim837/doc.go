// Package claim837 is the 837P professional health care claim (005010X222A1) for x12kit.
//
// Today it holds the implementation guide as data: Guide describes every loop and segment
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
// What the guide cannot say — situational rules between segments, code validity by date of
// service, NPI check digits, CLM02 equal to the sum of SV102 — belongs to business rules,
// and typed claim structs with decode and encode come later, on top of this guide.
package claim837
