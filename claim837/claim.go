package claim837

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The claim: loop 2300 and its claim-level providers and locations (2310A–F). Other
// coverage (2320) is in cob.go, service lines (2400) in line.go.

// claimBase is loop 2300, built once: the subscriber and patient levels each hold a copy
// that differs only in usage, so both places share the same segment uses.
var claimBase = loop("2300", "Claim Information", sit, 100, claimChildren()...)

// claimLoop is loop 2300 with the usage it has at one hierarchical level.
func claimLoop(u x12.Usage) *x12.Loop {
	l := *claimBase
	l.Usage = u
	return &l
}

func claimChildren() []x12.Child {
	out := segs(clm())
	out = append(out, segs(claimDates()...)...)
	out = append(out, segs(
		pwk("Claim Supplemental Information", 10, reportTypes, []string{"AA", "BM", "EL", "EM", "FT", "FX"}, sit),
		cn1(),
		amt("Patient Amount Paid", "F5"),
		refCode("Service Authorization Exception Code", "4N", "1", "2", "3", "4", "5", "6", "7"),
		refCode("Mandatory Medicare (Section 4081) Crossover Indicator", "F5", "N", "Y"),
		ref("Mammography Certification Number", sit, 1, false, "EW"),
		ref("Referral Number", sit, 1, false, "9F"),
		ref("Prior Authorization", sit, 1, false, "G1"),
		ref("Payer Claim Control Number", sit, 1, false, "F8"),
		ref("Clinical Laboratory Improvement Amendment (CLIA) Number", sit, 1, false, "X4"),
		ref("Repriced Claim Number", sit, 1, false, "9A"),
		ref("Adjusted Repriced Claim Number", sit, 1, false, "9C"),
		ref("Investigational Device Exemption Number", sit, 1, false, "LX"),
		ref("Claim Identifier for Transmission Intermediaries", sit, 1, false, "D9"),
		ref("Medical Record Number", sit, 1, true, "EA"),
		ref("Demonstration Project Identifier", sit, 1, false, "P4"),
		ref("Care Plan Oversight", sit, 1, false, "1J"),
		k3(),
		nte("Claim Note", "ADD", "CER", "DCP", "DGN", "TPO"),
		cr1(),
		cr2(),
		crc("Ambulance Certification", 3, []string{"07"}, yesNo, 4, ambulanceConditions...),
		crc("Patient Condition Information: Vision", 3, []string{"E1", "E2", "E3"}, yesNo, 4, "L1", "L2", "L3", "L4", "L5"),
		crc("Homebound Indicator", 1, []string{"75"}, []string{"Y"}, 0, "IH"),
		crc("EPSDT Referral", 1, []string{"ZZ"}, yesNo, 2, "AV", "NU", "S2", "ST"),
		withUse(healthCareCodes("Health Care Diagnosis Code", 1, 12, []string{"ABK", "BK"}, []string{"ABF", "BF"}), req),
		healthCareCodes("Anesthesia Related Procedure", 1, 2, []string{"BP"}, []string{"BO"}),
		healthCareCodes("Condition Information", 2, 12, []string{"BG"}, []string{"BG"}),
		hcp("Claim Pricing/Repricing Information", false),
	)...)
	for _, l := range claimProviders() {
		out = append(out, x12.Sub(l))
	}
	return append(out, x12.Sub(otherSubscriber()), x12.Sub(serviceLine()))
}

// clm is the claim itself: patient control number, total charge, place of service and
// frequency, and the signature and assignment indicators.
func clm() *x12.SegmentSpec {
	return seg("CLM", "Claim Information", req, 1,
		guide.ElAN(1028, "Patient Control Number", req, 1, 38).MarkPHI(),
		amount("Total Claim Charge Amount", req),
		nu(1032, "Claim Filing Indicator Code"),
		nu(1343, "Non-Institutional Claim Type Code"),
		guide.ElComposite(0, "Health Care Service Location Information", req,
			guide.ElAN(1331, "Place of Service Code", req, 1, 2).WithCodeSet("pos"),
			guide.ElID(1332, "Facility Code Qualifier", req, 1, 2, "B"),
			guide.ElID(1325, "Claim Frequency Type Code", req, 1, 1, claimFrequencyCodes...)),
		guide.ElID(1073, "Provider or Supplier Signature Indicator", req, 1, 1, "N", "Y"),
		guide.ElID(1359, "Assignment or Plan Participation Code", req, 1, 1, "A", "B", "C"),
		guide.ElID(1073, "Benefits Assignment Certification Indicator", req, 1, 1, "N", "W", "Y"),
		guide.ElID(1363, "Release of Information Code", req, 1, 1, "I", "Y"),
		guide.ElID(1351, "Patient Signature Source Code", sit, 1, 1, "P"),
		guide.ElComposite(0, "Related Causes Information", sit,
			guide.ElID(1362, "Related Causes Code", req, 2, 3, "AA", "EM", "OA"),
			guide.ElID(1362, "Related Causes Code", sit, 2, 3, "AA", "EM", "OA"),
			guide.ElID(1362, "Related Causes Code", unused, 2, 3),
			guide.ElID(156, "Auto Accident State or Province Code", sit, 2, 2),
			guide.ElID(26, "Country Code", sit, 2, 3)),
		guide.ElID(1366, "Special Program Indicator", sit, 2, 3, "02", "03", "05", "09"),
		nu(1073, "Yes/No Condition or Response Code"),
		nu(1338, "Level of Service Code"),
		nu(1073, "Yes/No Condition or Response Code"),
		nu(1360, "Provider Agreement Code"),
		nu(1029, "Claim Status Code"),
		nu(1073, "Yes/No Condition or Response Code"),
		nu(1383, "Claim Submission Reason Code"),
		guide.ElID(1514, "Delay Reason Code", sit, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "15"))
}

// claimFrequencyCodes are CLM05-3's values. The TR3 gives no list of its own: it points to the
// National Uniform Billing Committee's type of bill frequency codes (the last digit of the type
// of bill), all of them, so the guide accepts every one; a professional claim is almost always
// 1 (original), 7 (replacement) or 8 (void), which is what the codes package's
// "claim-frequency" set lists for business use.
//
// The list was taken (codes only) from public copies of the NUBC list, checked 2026-12: the
// CMS Research Data Assistance Center's claim frequency code table (CLM_FREQ_CD, current and
// older editions), the CMS Blue Button variable clm_freq_cd and First Coast Service Options'
// UB-04 bill type tool. 6 (adjustment of a prior claim) is only in the older ResDAC table, no
// longer in the current lists, and is left out; L, N, O and R–W are in none.
var claimFrequencyCodes = []string{
	"0", "1", "2", "3", "4", "5", "7", "8", "9",
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "M", "P", "Q", "X", "Y", "Z",
}

// claimDates are the claim-level DTP uses, each told apart by DTP01.
func claimDates() []*x12.SegmentSpec {
	return []*x12.SegmentSpec{
		date("Date - Onset of Current Illness or Symptom", "431"),
		date("Date - Initial Treatment", "454"),
		date("Date - Last Seen", "304"),
		date("Date - Acute Manifestation", "453"),
		date("Date - Accident", "439"),
		date("Date - Last Menstrual Period", "484"),
		date("Date - Last X-ray", "455"),
		date("Date - Hearing and Vision Prescription", "471"),
		dtp("Date - Disability Dates", sit, 1, dayRange, "314", "360", "361"),
		date("Date - Last Worked", "297"),
		date("Date - Authorized Return to Work", "296"),
		date("Date - Admission", "435"),
		date("Date - Discharge", "096"),
		dtp("Date - Assumed and Relinquished Care Dates", sit, 2, day, "090", "091"),
		date("Date - Property and Casualty Date of First Contact", "444"),
		date("Date - Repricer Received", "050"),
	}
}

// cr2 is spinal manipulation (chiropractic) information.
func cr2() *x12.SegmentSpec {
	return seg("CR2", "Spinal Manipulation Service Information", sit, 1,
		nu(609, "Count"),
		nu(380, "Quantity"),
		nu(1367, "Subluxation Level Code"),
		nu(1367, "Subluxation Level Code"),
		nu(355, "Unit or Basis for Measurement Code"),
		nu(380, "Quantity"),
		nu(380, "Quantity"),
		guide.ElID(1342, "Nature of Condition Code", req, 1, 1, "A", "C", "D", "E", "F", "G", "M"),
		nu(1073, "Yes/No Condition or Response Code"),
		guide.ElAN(352, "Patient Condition Description", sit, 1, 80),
		guide.ElAN(352, "Patient Condition Description", sit, 1, 80),
		nu(1073, "Yes/No Condition or Response Code"))
}

// healthCareCode is one C022 of HI: a code list qualifier and a code, nothing else used.
// Diagnosis and procedure codes describe the patient: patient data.
func healthCareCode(u x12.Usage, quals ...string) *x12.ElementSpec {
	c := guide.ElComposite(0, "Health Care Code Information", u,
		guide.ElID(1270, "Code List Qualifier Code", req, 1, 3, quals...),
		guide.ElAN(1271, "Industry Code", req, 1, 30).MarkPHI())
	for _, n := range []struct {
		ref  int
		name string
	}{{1250, "Date Time Period Format Qualifier"}, {1251, "Date Time Period"}, {782, "Monetary Amount"},
		{380, "Quantity"}, {799, "Version Identifier"}, {1271, "Industry Code"}, {1073, "Yes/No Condition or Response Code"}} {
		c.Components = append(c.Components, nu(n.ref, n.name))
	}
	return c
}

// healthCareCodes is an HI use told apart by HI01-1, at most maxUse times: first qualifies
// HI01, rest the other used composites (up to n in all); the remaining of the twelve are not
// used.
func healthCareCodes(name string, maxUse, n int, first, rest []string) *x12.SegmentSpec {
	s := seg("HI", name, sit, maxUse, healthCareCode(req, first...))
	for i := 2; i <= 12; i++ {
		if i <= n {
			s.Elements = append(s.Elements, healthCareCode(sit, rest...))
		} else {
			s.Elements = append(s.Elements, guide.ElComposite(0, "Health Care Code Information", unused, nu(1270, "Code List Qualifier Code")))
		}
	}
	s.Qualifiers = []x12.Qualifier{{Element: 1, Component: 1, Values: first}}
	return s
}

// Provider secondary identifier qualifiers (REF01).
var (
	stateLicenseUPINCommercial = []string{"0B", "1G", "G2"}
	withLocation               = []string{"0B", "1G", "G2", "LU"}
)

// claimProviders are loops 2310A–F.
func claimProviders() []*x12.Loop {
	return []*x12.Loop{
		loop("2310A", "Referring Provider Name", sit, 2, segs(
			provider("Referring Provider Name", []string{"DN", "P3"}, "1"),
			ref("Referring Provider Secondary Identification", sit, 3, false, stateLicenseUPINCommercial...),
		)...),
		loop("2310B", "Rendering Provider Name", sit, 1, segs(
			provider("Rendering Provider Name", []string{"82"}, "1", "2"),
			prv("Rendering Provider Specialty Information", "PE"),
			ref("Rendering Provider Secondary Identification", sit, 4, false, withLocation...),
		)...),
		loop("2310C", "Service Facility Location Name", sit, 1, segs(
			provider("Service Facility Location Name", []string{"77"}, "2"),
			n3("Service Facility Location Address", req, false),
			n4("Service Facility Location City, State, ZIP Code", req, false),
			ref("Service Facility Location Secondary Identification", sit, 3, false, "0B", "G2", "LU"),
			per("Service Facility Contact Information", 1, false, 2, phone, phoneExt),
		)...),
		loop("2310D", "Supervising Provider Name", sit, 1, segs(
			provider("Supervising Provider Name", []string{"DQ"}, "1"),
			ref("Supervising Provider Secondary Identification", sit, 4, false, withLocation...),
		)...),
		ambulanceLocation("2310E", "Ambulance Pick-up Location", "PW", unused),
		ambulanceLocation("2310F", "Ambulance Drop-off Location", "45", sit),
	}
}

// ambulanceLocation is an ambulance pick-up (NM101 PW) or drop-off (45) loop, claim (2310E/F)
// or line (2420G/H): an address, named (NM103) only for a drop-off.
//
// Where the patient was picked up (often the home) or left is the patient's data: the loop's
// name and address are marked.
func ambulanceLocation(id, name, entity string, named x12.Usage) *x12.Loop {
	nm := nm1(name, guide.Party{Entities: []string{entity}, Types: []string{"2"}, Last: named, Given: unused, PHI: true})
	return loop(id, name, sit, 1, segs(append([]*x12.SegmentSpec{nm}, address(name, req, true)...)...)...)
}
