package claim837

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Coordination of benefits: loop 2320 (another payer's coverage and adjudication of the
// claim) and its names, 2330A–G.

// otherSubscriber is loop 2320.
func otherSubscriber() *x12.Loop {
	children := segs(
		sbr("Other Subscriber Information", guide.ElID(1069, "Individual Relationship Code", req, 2, 2).WithCodeSet("relationship")),
		cas("Claim Level Adjustments"),
		amt("Coordination of Benefits (COB) Payer Paid Amount", "D"),
		amt("Coordination of Benefits (COB) Total Non-Covered Amount", "A8"),
		amt("Remaining Patient Liability", "EAF"),
		seg("OI", "Other Insurance Coverage Information", req, 1,
			nu(1032, "Claim Filing Indicator Code"),
			nu(1383, "Claim Submission Reason Code"),
			guide.ElID(1073, "Benefits Assignment Certification Indicator", req, 1, 1, "N", "W", "Y"),
			guide.ElID(1351, "Patient Signature Source Code", sit, 1, 1, "P"),
			nu(1360, "Provider Agreement Code"),
			guide.ElID(1363, "Release of Information Code", req, 1, 1, "I", "Y")),
		moa(),
	)
	for _, l := range otherPayerNames() {
		children = append(children, x12.Sub(l))
	}
	return loop("2320", "Other Subscriber Information", sit, 10, children...)
}

// moa is the other payer's Medicare outpatient adjudication.
func moa() *x12.SegmentSpec {
	s := seg("MOA", "Outpatient Adjudication Information", sit, 1,
		guide.ElR(954, "Reimbursement Rate", sit, 1, 10),
		amount("HCPCS Payable Amount", sit))
	for range 5 {
		s.Elements = append(s.Elements, guide.ElAN(127, "Claim Payment Remark Code", sit, 1, 50).WithCodeSet("rarc"))
	}
	s.Elements = append(s.Elements,
		amount("End Stage Renal Disease Payment Amount", sit),
		amount("Non-Payable Professional Component Billed Amount", sit))
	return s
}

// otherPayerProvider is a 2330C–G loop: a provider named to the other payer only by its
// secondary identifiers (REF, required).
func otherPayerProvider(id, name string, entities, types []string, repeat, refs int, quals ...string) *x12.Loop {
	return loop(id, name, sit, repeat, segs(
		nm1(name, guide.Party{Entities: entities, Types: types, Last: unused, Given: unused}),
		ref(name+" Secondary Identification", req, refs, false, quals...),
	)...)
}

// otherPayerNames are loops 2330A–G.
func otherPayerNames() []*x12.Loop {
	person, either := []string{"1"}, []string{"1", "2"}
	return []*x12.Loop{
		loop("2330A", "Other Subscriber Name", req, 1, segs(
			nm1("Other Subscriber Name", guide.Party{Entities: []string{"IL"}, Types: either, Last: req, Given: sit, IDs: []string{"II", "MI"}, IDUsage: req, PHI: true}),
			n3("Other Subscriber Address", sit, true),
			n4("Other Subscriber City, State, ZIP Code", sit, true),
			ref("Other Subscriber Secondary Identification", sit, 1, true, "SY"),
		)...),
		loop("2330B", "Other Payer Name", req, 1, segs(
			nm1("Other Payer Name", guide.Party{Entities: []string{"PR"}, Types: []string{"2"}, Last: req, Given: unused, IDs: []string{"PI", "XV"}, IDUsage: req}),
			n3("Other Payer Address", sit, false),
			n4("Other Payer City, State, ZIP Code", sit, false),
			dtp("Claim Check or Remittance Date", sit, 1, day, "573"),
			ref("Other Payer Secondary Identifier", sit, 2, false, "2U", "EI", "FY", "NF"),
			ref("Other Payer Prior Authorization Number", sit, 1, false, "G1"),
			ref("Other Payer Referral Number", sit, 1, false, "9F"),
			refCode("Other Payer Claim Adjustment Indicator", "T4", "Y"),
			ref("Other Payer Claim Control Number", sit, 1, false, "F8"),
		)...),
		otherPayerProvider("2330C", "Other Payer Referring Provider", []string{"DN", "P3"}, person, 2, 3, stateLicenseUPINCommercial...),
		otherPayerProvider("2330D", "Other Payer Rendering Provider", []string{"82"}, either, 1, 3, withLocation...),
		otherPayerProvider("2330E", "Other Payer Service Facility Location", []string{"77"}, []string{"2"}, 1, 3, "0B", "G2", "LU"),
		otherPayerProvider("2330F", "Other Payer Supervising Provider", []string{"DQ"}, person, 1, 3, withLocation...),
		otherPayerProvider("2330G", "Other Payer Billing Provider", []string{"85"}, either, 1, 2, "G2", "LU"),
	}
}
