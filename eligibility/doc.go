// Package eligibility is x12kit's home for the HIPAA 270/271 eligibility transactions
// (005010X279A1): a provider asks a payer whether a patient is covered (270) and the payer
// answers with benefits, cost shares and rejections (271).
//
// Today the package holds the two implementation guides as data, Guide270 and Guide271, and
// registers them in x12.Guides when imported: an x12.SetReader then places each segment of a
// 270 or 271 in its loop (2000A source, 2000B receiver, 2000C subscriber, 2000D dependent,
// 2110C/D one question or one benefit each) and reports what breaks the guide with 999 codes.
//
//	import _ "github.com/x12kit/x12kit/eligibility"
//
//	sr := x12.NewSetReader(f)
//	for {
//		set, err := sr.Next()
//		if err == io.EOF {
//			break
//		}
//		// set.Guide is eligibility.Guide271 for a 271; set.Findings lists its problems.
//	}
//
// Typed structs for inquiries and benefits, their mapping from and to the loop tree, and the
// telehealth reading of a 271 (III*ZZ*02 under an EB) come later.
package eligibility
