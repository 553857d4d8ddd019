package claim837

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Versions are the implementation conventions (GS08, ST03) the guide reads: X222A1, the one
// HIPAA names and the one written, then its A2 errata and the base X222 some senders still
// put in GS08.
var Versions = []string{"005010X222A1", "005010X222A2", "005010X222"}

// Guide is the 837P professional claim, 005010X222A1, as data: every loop and segment use of
// the TR3 from the header (BHT, 1000A submitter, 1000B receiver) through the billing
// provider (2000A), subscriber (2000B) and patient (2000C) levels, the claim (2300) with its
// providers (2310A–F) and other coverage (2320, 2330A–G), and the service lines (2400) with
// drug (2410), line providers (2420A–H), line adjudication (2430) and forms (2440).
//
// The claim loop 2300 "floats": it sits under the subscriber level when the patient is the
// subscriber, else under the patient level.
var Guide = &x12.Transaction{
	ID: "837", FunctionalID: "HC", Versions: Versions, Name: "Health Care Claim: Professional",
	Root: loop("ST", "Health Care Claim: Professional", req, 1,
		x12.Seg(x12.STSpec("837", req, Versions...)),
		x12.Seg(bht()),
		x12.Sub(loop("1000A", "Submitter Name", req, 1, segs(
			nm1("Submitter Name", guide.Party{Entities: []string{"41"}, Types: []string{"1", "2"}, Last: req, Given: sit, Suffix: unused,
				IDs: []string{"46"}, IDUsage: req}),
			withUse(per("Submitter EDI Contact Information", 2, false, 3, submitterFirst, submitterMore), req),
		)...)),
		x12.Sub(loop("1000B", "Receiver Name", req, 1, segs(
			nm1("Receiver Name", guide.Party{Entities: []string{"40"}, Types: []string{"2"}, Last: req, Given: unused, IDs: []string{"46"}, IDUsage: req}),
		)...)),
		x12.Sub(billingProviderLevel()),
		x12.Seg(x12.SESpec()),
	),
}

func init() { x12.Guides.Register(Guide) }

// bht starts the claim batch: BHT06 says whether the claims are for payment (CH), encounters
// (RP) or a subrogation demand (31).
func bht() *x12.SegmentSpec {
	return seg("BHT", "Beginning of Hierarchical Transaction", req, 1,
		guide.ElID(1005, "Hierarchical Structure Code", req, 4, 4, "0019"),
		guide.ElID(353, "Transaction Set Purpose Code", req, 2, 2, "00", "18"),
		guide.ElAN(127, "Originator Application Transaction Identifier", req, 1, 50),
		guide.ElDT(373, "Transaction Set Creation Date", req, 8, 8),
		guide.ElTM(337, "Transaction Set Creation Time", req, 4, 8),
		guide.ElID(640, "Claim or Encounter Identifier", req, 2, 2, "31", "CH", "RP"))
}

// withUse sets a segment use's usage (the builders default to situational).
func withUse(s *x12.SegmentSpec, u x12.Usage) *x12.SegmentSpec {
	s.Usage = u
	return s
}
