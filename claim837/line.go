package claim837

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Service lines: loop 2400 with the drug (2410), line providers and locations (2420A–H),
// other payers' line adjudication (2430) and supporting forms (2440).

// serviceLine is loop 2400.
func serviceLine() *x12.Loop {
	children := segs(
		seg("LX", "Service Line Number", req, 1, guide.ElN0(554, "Assigned Number", req, 1, 6)),
		sv1(),
		seg("SV5", "Durable Medical Equipment Service", sit, 1,
			procedure("Composite Medical Procedure Identifier", []string{"HC"}, unused, unused),
			guide.ElID(355, "Unit or Basis for Measurement Code", req, 2, 2, "DA"),
			guide.ElR(380, "Length of Medical Necessity", req, 1, 15),
			amount("DME Rental Price", req),
			amount("DME Purchase Price", req),
			guide.ElID(594, "Rental Unit Price Indicator", req, 1, 1, "1", "4", "6"),
			nu(923, "Prognosis Code")),
		pwk("Line Supplemental Information", 10, reportTypes, []string{"AA", "BM", "EL", "EM", "FT", "FX"}, sit),
		pwk("Durable Medical Equipment Certificate of Medical Necessity Indicator", 1, []string{"CT"}, []string{"AB", "AD", "AF", "AG", "NS"}, unused),
		cr1(),
		seg("CR3", "Durable Medical Equipment Certification", sit, 1,
			guide.ElID(1322, "Certification Type Code", req, 1, 1, "I", "R", "S"),
			guide.ElID(355, "Unit or Basis for Measurement Code", req, 2, 2, "MO"),
			guide.ElR(380, "Durable Medical Equipment Duration", req, 1, 15),
			nu(1335, "Insulin Dependent Code"),
			nu(352, "Description")),
		crc("Ambulance Certification", 3, []string{"07"}, yesNo, 4, ambulanceConditions...),
		crc("Hospice Employee Indicator", 1, []string{"70"}, yesNo, 0, "65"),
		crc("Condition Indicator/Durable Medical Equipment", 1, []string{"09"}, yesNo, 1, "38", "ZV"),
		dtp("Date - Service Date", req, 1, dayRange, "472"),
		date("Date - Prescription", "471"),
		date("Date - Certification Revision/Recertification", "607"),
		date("Date - Begin Therapy", "463"),
		date("Date - Last Certification", "461"),
		date("Date - Last Seen", "304"),
		dtp("Date - Test", sit, 2, day, "738", "739"),
		date("Date - Shipped", "011"),
		date("Date - Last X-ray", "455"),
		date("Date - Initial Treatment", "454"),
		qty("Ambulance Patient Count", "PT"),
		qty("Obstetric Anesthesia Additional Units", "FL"),
		seg("MEA", "Test Result", sit, 5,
			guide.ElID(737, "Measurement Reference ID Code", req, 2, 2, "OG", "TR"),
			guide.ElID(738, "Measurement Qualifier", req, 1, 3, "HT", "R1", "R2", "R3", "R4"),
			guide.ElR(739, "Test Result", req, 1, 20)),
		cn1(),
		ref("Repriced Line Item Reference Number", sit, 1, false, "9B"),
		ref("Adjusted Repriced Line Item Reference Number", sit, 1, false, "9D"),
		refOtherPayer("Prior Authorization", 5, "G1"),
		ref("Line Item Control Number", sit, 1, false, "6R"),
		ref("Mammography Certification Number", sit, 1, false, "EW"),
		ref("Clinical Laboratory Improvement Amendment (CLIA) Number", sit, 1, false, "X4"),
		ref("Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification", sit, 1, false, "F4"),
		ref("Immunization Batch Number", sit, 1, false, "BT"),
		refOtherPayer("Referral Number", 5, "9F"),
		amt("Sales Tax Amount", "T"),
		amt("Postage Claimed Amount", "F4"),
		k3(),
		nte("Line Note", "ADD", "DCP"),
		nte("Third Party Organization Notes", "TPO"),
		seg("PS1", "Purchased Service Information", sit, 1,
			guide.ElAN(127, "Purchased Service Provider Identifier", req, 1, 50),
			amount("Purchased Service Charge Amount", req),
			nu(156, "State or Province Code")),
		hcp("Line Pricing/Repricing Information", true),
	)
	children = append(children, x12.Sub(drug()))
	for _, l := range lineProviders() {
		children = append(children, x12.Sub(l))
	}
	children = append(children, x12.Sub(lineAdjudication()), x12.Sub(forms()))
	return loop("2400", "Service Line Number", req, 50, children...)
}

// sv1 is the professional service: procedure, charge, units, place of service when it
// differs from the claim's, diagnosis pointers and indicators.
func sv1() *x12.SegmentSpec {
	pointer := func(u x12.Usage) *x12.ElementSpec {
		p := guide.ElN0(1328, "Diagnosis Code Pointer", u, 1, 2)
		p.Codes = diagnosisPointers // a pointer names one of HI's twelve diagnoses: 0 and 13 on are invalid codes
		return p
	}
	return seg("SV1", "Professional Service", req, 1,
		procedure("Composite Medical Procedure Identifier", procedureQualifiers, sit, sit),
		amount("Line Item Charge Amount", req),
		guide.ElID(355, "Unit or Basis for Measurement Code", req, 2, 2, "MJ", "UN"),
		guide.ElR(380, "Service Unit Count", req, 1, 8),
		guide.ElAN(1331, "Place of Service Code", sit, 1, 2).WithCodeSet("pos"),
		nu(1365, "Service Type Code"),
		guide.ElComposite(0, "Composite Diagnosis Code Pointer", req, pointer(req), pointer(sit), pointer(sit), pointer(sit)),
		nu(782, "Monetary Amount"),
		guide.ElID(1073, "Emergency Indicator", sit, 1, 1, "Y"),
		nu(1340, "Multiple Procedure Code"),
		guide.ElID(1073, "EPSDT Indicator", sit, 1, 1, "Y"),
		guide.ElID(1073, "Family Planning Indicator", sit, 1, 1, "Y"),
		nu(1364, "Review Code"),
		nu(327, "National or Local Assigned Review Value"),
		guide.ElID(1327, "Co-Pay Status Code", sit, 1, 1, "0"),
		nu(1334, "Health Care Professional Shortage Area Code"),
		nu(127, "Reference Identification"),
		nu(116, "Postal Code"),
		nu(782, "Monetary Amount"),
		nu(1337, "Level of Care Code"),
		nu(1360, "Provider Agreement Code"))
}

// diagnosisPointers are the values of SV107-1 to SV107-4: 1 to 12, the positions of the
// claim's diagnosis codes (2300 HI01–HI12).
var diagnosisPointers = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}

// drug is loop 2410: the National Drug Code of a line, its quantity and prescription number.
func drug() *x12.Loop {
	return loop("2410", "Drug Identification", sit, 1, segs(
		seg("LIN", "Drug Identification", req, 1,
			nu(350, "Assigned Identification"),
			guide.ElID(235, "Product/Service ID Qualifier", req, 2, 2, "EN", "EO", "HI", "N4", "ON", "UK", "UP"),
			guide.ElAN(234, "National Drug Code or Universal Product Number", req, 1, 48)),
		seg("CTP", "Drug Quantity", req, 1,
			nu(687, "Class of Trade Code"),
			nu(236, "Price Identifier Code"),
			nu(212, "Unit Price"),
			guide.ElR(380, "National Drug Unit Count", req, 1, 15),
			guide.ElComposite(0, "Composite Unit of Measure", req,
				guide.ElID(355, "Unit or Basis for Measurement Code", req, 2, 2, "F2", "GR", "ME", "ML", "UN"))),
		ref("Prescription or Compound Drug Association Number", sit, 1, false, "VY", "XZ"),
	)...)
}

// lineProviders are loops 2420A–H.
func lineProviders() []*x12.Loop {
	return []*x12.Loop{
		loop("2420A", "Rendering Provider Name", sit, 1, segs(
			provider("Rendering Provider Name", []string{"82"}, "1", "2"),
			prv("Rendering Provider Specialty Information", "PE"),
			refOtherPayer("Rendering Provider Secondary Identification", 20, withLocation...),
		)...),
		loop("2420B", "Purchased Service Provider Name", sit, 1, segs(
			nm1("Purchased Service Provider Name", guide.Party{Entities: []string{"QB"}, Types: []string{"1", "2"}, Last: unused, Given: unused, IDs: []string{"XX"}, IDUsage: sit}),
			refOtherPayer("Purchased Service Provider Secondary Identification", 20, stateLicenseUPINCommercial...),
		)...),
		loop("2420C", "Service Facility Location Name", sit, 1, segs(
			provider("Service Facility Location Name", []string{"77"}, "2"),
			n3("Service Facility Location Address", req, false),
			n4("Service Facility Location City, State, ZIP Code", req, false),
			refOtherPayer("Service Facility Location Secondary Identification", 3, "0B", "G2", "LU"),
		)...),
		loop("2420D", "Supervising Provider Name", sit, 1, segs(
			provider("Supervising Provider Name", []string{"DQ"}, "1"),
			refOtherPayer("Supervising Provider Secondary Identification", 20, withLocation...),
		)...),
		loop("2420E", "Ordering Provider Name", sit, 1, segs(
			provider("Ordering Provider Name", []string{"DK"}, "1"),
			n3("Ordering Provider Address", sit, false),
			n4("Ordering Provider City, State, ZIP Code", sit, false),
			refOtherPayer("Ordering Provider Secondary Identification", 20, stateLicenseUPINCommercial...),
			per("Ordering Provider Contact Information", 1, false, 3, perFirst, perMore),
		)...),
		loop("2420F", "Referring Provider Name", sit, 2, segs(
			provider("Referring Provider Name", []string{"DN", "P3"}, "1"),
			refOtherPayer("Referring Provider Secondary Identification", 20, stateLicenseUPINCommercial...),
		)...),
		ambulanceLocation("2420G", "Ambulance Pick-up Location", "PW", unused),
		ambulanceLocation("2420H", "Ambulance Drop-off Location", "45", sit),
	}
}

// lineAdjudication is loop 2430: how another payer adjudicated the line.
func lineAdjudication() *x12.Loop {
	return loop("2430", "Line Adjudication Information", sit, 15, segs(
		seg("SVD", "Line Adjudication Information", req, 1,
			guide.ElAN(67, "Other Payer Primary Identifier", req, 2, 80),
			amount("Service Line Paid Amount", req),
			procedure("Composite Medical Procedure Identifier", procedureQualifiers, sit, sit),
			nu(234, "Product/Service ID"),
			guide.ElR(380, "Paid Service Unit Count", req, 1, 8),
			guide.ElN0(554, "Bundled or Unbundled Line Number", sit, 1, 6)),
		cas("Line Adjustment"),
		dtp("Line Check or Remittance Date", req, 1, day, "573"),
		amt("Remaining Patient Liability", "EAF"),
	)...)
}

// forms is loop 2440: a supporting form (LQ) and its answers (FRM).
func forms() *x12.Loop {
	return loop("2440", "Form Identification Code", sit, 0, segs(
		seg("LQ", "Form Identification Code", req, 1,
			guide.ElID(1270, "Code List Qualifier Code", req, 1, 3, "AS", "UT"),
			guide.ElAN(1271, "Form Identifier", req, 1, 30)),
		withSyntax(seg("FRM", "Supporting Documentation", req, 99,
			guide.ElAN(350, "Question Number/Letter", req, 1, 20),
			guide.ElID(1073, "Question Response", sit, 1, 1, "N", "W", "Y"),
			guide.ElAN(127, "Question Response", sit, 1, 50),
			guide.ElDT(373, "Question Response", sit, 8, 8),
			guide.ElR(332, "Question Response", sit, 1, 6)), "R02030405"),
	)...)
}
