// Package eligibility is x12kit's home for the HIPAA 270/271 eligibility transactions
// (005010X279A1): a provider asks a payer whether a patient is covered (270) and the payer
// answers with benefits, cost shares and rejections (271).
//
// The package holds the two implementation guides as data, Guide270 and Guide271, and
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
// Typed: a 270 reads into a [Request] of [Inquiry] values (the member asked about, with its
// source, receiver, subscriber and questions) and a 271 into a [Response] of [Answer] values
// (benefits with their dates, messages, III places of service and 2120 entities, and AAA
// rejections at every level). Each kind has its decoder, set by set — a [RequestDecoder] and
// a [ResponseDecoder] (Next, or range over All) — or all at once, ReadRequests and
// ReadResponses:
//
//	d := eligibility.NewResponseDecoder(f, nil)
//	for resp, err := range d.All() { … }
//
// None hands back fewer values without an error: a set of the other kind (a 270 met by the
// ResponseDecoder) or of another transaction, a truncated or empty input and every
// error-level finding come back as errors (and each value carries its set's findings), and
// an element that does not parse into its field keeps its text (Unparsed) or its segment
// (Extra). EncodeRequest/EncodeResponse write them back segment for segment (every fixture
// and public sample round-trips; amounts are written as X12 prefers them, "10" for "10.00").
// A [RequestEncoder] or [ResponseEncoder] checks each set against the guide and writes it, one
// set at a time, for streams (Encode, then Close); WriteRequests/WriteResponses write a list
// through one into memory and give the writer the whole interchange or nothing. A refused set
// is an *x12.WriteError (errors.Is x12.ErrInvalid) with its findings.
//
// [Answer.Ask] answers the front desk: is coverage active for a service type, date (the
// benefits' dates and the member's plan and eligibility dates) and network; the copay (in person and by telehealth), coinsurance, deductible and out-of-pocket
// remaining; whether authorization is needed; and whether telehealth is covered, not covered
// or unknown — with the benefit it was read from, never a guess. [Match] pairs answers with
// inquiries by trace (TRN). Package simulate holds a payer that answers a 270 from a
// plans-and-members description, with the AAA rejections real payers send.
package eligibility
