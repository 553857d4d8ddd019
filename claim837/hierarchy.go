package claim837

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The hierarchical levels: billing provider (2000A, HL03 20) holds subscribers (2000B, 22),
// which hold patients (2000C, 23) when the patient is not the subscriber.

// billingProviderLevel is loop 2000A with the billing provider (2010AA), pay-to address
// (2010AB) and pay-to plan (2010AC).
func billingProviderLevel() *x12.Loop {
	return loop("2000A", "Billing Provider Hierarchical Level", req, 0,
		x12.Seg(hl("Billing Provider Hierarchical Level", "20", unused, "1")),
		x12.Seg(prv("Billing Provider Specialty Information", "BI")),
		x12.Seg(seg("CUR", "Foreign Currency Information", sit, 1,
			guide.ElID(98, "Entity Identifier Code", req, 2, 3, "85"),
			guide.ElID(100, "Currency Code", req, 3, 3))),
		x12.Sub(loop("2010AA", "Billing Provider Name", req, 1, segs(
			provider("Billing Provider Name", []string{"85"}, "1", "2"),
			withUse(n3("Billing Provider Address", req, false), req),
			withUse(n4("Billing Provider City, State, ZIP Code", req, false), req),
			ref("Billing Provider Tax Identification", req, 1, false, "EI", "SY"),
			ref("Billing Provider UPIN/License Information", sit, 2, false, "0B", "1G"),
			per("Billing Provider Contact Information", 2, false, 3, perFirst, perMore),
		)...)),
		x12.Sub(loop("2010AB", "Pay-to Address Name", sit, 1, segs(append(
			[]*x12.SegmentSpec{place("Pay-to Address Name", "87", "1", "2")},
			address("Pay-to", req, false)...)...)...)),
		x12.Sub(loop("2010AC", "Pay-to Plan Name", sit, 1, segs(
			nm1("Pay-to Plan Name", guide.Party{Entities: []string{"PE"}, Types: []string{"2"}, Last: req, Given: unused, IDs: []string{"PI", "XV"}, IDUsage: req}),
			n3("Pay-to Plan Address", req, false),
			n4("Pay-to Plan City, State, ZIP Code", req, false),
			ref("Pay-to Plan Secondary Identification", sit, 1, false, "2U", "FY", "NF"),
			ref("Pay-to Plan Tax Identification Number", req, 1, false, "EI"),
		)...)),
		x12.Sub(subscriberLevel()),
	)
}

// subscriberLevel is loop 2000B: the subscriber's coverage (SBR), the subscriber (2010BA),
// the destination payer (2010BB), the claims when the patient is the subscriber, and the
// patient levels otherwise.
func subscriberLevel() *x12.Loop {
	return loop("2000B", "Subscriber Hierarchical Level", req, 0,
		x12.Seg(hl("Subscriber Hierarchical Level", "22", req, "0", "1")),
		x12.Seg(sbr("Subscriber Information", guide.ElID(1069, "Individual Relationship Code", sit, 2, 2, "18"))),
		x12.Seg(pat("Patient Information", sit, unused)),
		x12.Sub(loop("2010BA", "Subscriber Name", req, 1, segs(
			nm1("Subscriber Name", guide.Party{Entities: []string{"IL"}, Types: []string{"1", "2"}, Last: req, Given: sit, IDs: []string{"II", "MI"}, IDUsage: req, PHI: true}),
			n3("Subscriber Address", sit, true),
			n4("Subscriber City, State, ZIP Code", sit, true),
			dmg("Subscriber Demographic Information", sit),
			ref("Subscriber Secondary Identification", sit, 1, true, "SY"),
			ref("Property and Casualty Claim Number", sit, 1, true, "Y4"),
			per("Property and Casualty Subscriber Contact Information", 1, true, 2, phone, phoneExt),
		)...)),
		x12.Sub(loop("2010BB", "Payer Name", req, 1, segs(
			nm1("Payer Name", guide.Party{Entities: []string{"PR"}, Types: []string{"2"}, Last: req, Given: unused, IDs: []string{"PI", "XV"}, IDUsage: req}),
			n3("Payer Address", sit, false),
			n4("Payer City, State, ZIP Code", sit, false),
			ref("Payer Secondary Identification", sit, 3, false, "2U", "EI", "FY", "NF"),
			ref("Billing Provider Secondary Identification", sit, 2, false, "G2", "LU"),
		)...)),
		x12.Sub(claimLoop(sit)),
		x12.Sub(patientLevel()),
	)
}

// patientLevel is loop 2000C: the patient (2010CA) and the patient's claims.
func patientLevel() *x12.Loop {
	return loop("2000C", "Patient Hierarchical Level", sit, 0,
		x12.Seg(hl("Patient Hierarchical Level", "23", req, "0")),
		x12.Seg(withUse(pat("Patient Information", sit, req), req)),
		x12.Sub(loop("2010CA", "Patient Name", req, 1, segs(
			nm1("Patient Name", guide.Party{Entities: []string{"QC"}, Types: []string{"1"}, Last: req, Given: sit, PHI: true}),
			n3("Patient Address", req, true),
			n4("Patient City, State, ZIP Code", req, true),
			withUse(dmg("Patient Demographic Information", req), req),
			ref("Property and Casualty Claim Number", sit, 1, true, "Y4"),
			ref("Property and Casualty Patient Identifier", sit, 1, true, "1W", "SY"),
			per("Property and Casualty Patient Contact Information", 1, true, 2, phone, phoneExt),
		)...)),
		x12.Sub(claimLoop(req)),
	)
}
