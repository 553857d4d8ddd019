package remit835

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The detail: header number loops (2000) with their provider summaries, and the claims paid
// under each (2100). Service lines (2110) are in service.go.

// headerNumber is loop 2000: LX groups claims, with the institutional provider summaries
// (TS3, TS2) when the payer sends them.
func headerNumber() *x12.Loop {
	l := loop("2000", "Header Number", sit, 0,
		seg("LX", "Header Number", req, 1, guide.ElN0(554, "Assigned Number", req, 1, 6)),
		ts3(), ts2())
	l.Children = append(l.Children, x12.Sub(claim()))
	return l
}

// ts3 is the provider summary of an institutional remittance; TS306–TS312, TS314, TS316 and
// TS319 were dropped in 5010 (not used).
func ts3() *x12.SegmentSpec {
	s := seg("TS3", "Provider Summary Information", sit, 1,
		guide.ElAN(127, "Provider Identifier", req, 1, 50),
		guide.ElAN(1331, "Facility Type Code", req, 1, 2),
		guide.ElDT(373, "Fiscal Period Date", req, 8, 8),
		count("Total Claim Count", req),
		guide.ElAmount("Total Claim Charge Amount", req))
	for range 7 {
		s.Elements = append(s.Elements, nu(782, "Monetary Amount"))
	}
	s.Elements = append(s.Elements,
		guide.ElAmount("Total MSP Payer Amount", sit),
		nu(782, "Monetary Amount"),
		guide.ElAmount("Total Non-Lab Charge Amount", sit),
		nu(782, "Monetary Amount"),
		guide.ElAmount("Total HCPCS Reported Charge Amount", sit),
		guide.ElAmount("Total HCPCS Payable Amount", sit),
		nu(782, "Monetary Amount"),
		guide.ElAmount("Total Professional Component Amount", sit),
		guide.ElAmount("Total MSP Patient Liability Met Amount", sit),
		guide.ElAmount("Total Patient Reimbursement Amount", sit),
		count("Total PIP Claim Count", sit),
		guide.ElAmount("Total PIP Adjustment Amount", sit))
	return s
}

// ts2 is the provider's supplemental (DRG, outlier, pass-through) summary: all situational.
func ts2() *x12.SegmentSpec {
	return seg("TS2", "Provider Supplemental Summary Information", sit, 1,
		guide.ElAmount("Total DRG Amount", sit),
		guide.ElAmount("Total Federal Specific Amount", sit),
		guide.ElAmount("Total Hospital Specific Amount", sit),
		guide.ElAmount("Total Disproportionate Share Amount", sit),
		guide.ElAmount("Total Capital Amount", sit),
		guide.ElAmount("Total Indirect Medical Education Amount", sit),
		count("Total Outlier Day Count", sit),
		guide.ElAmount("Total Day Outlier Amount", sit),
		guide.ElAmount("Total Cost Outlier Amount", sit),
		count("Average DRG Length of Stay", sit),
		count("Total Discharge Count", sit),
		count("Total Cost Report Day Count", sit),
		count("Total Covered Day Count", sit),
		count("Total Noncovered Day Count", sit),
		guide.ElAmount("Total MSP Pass-Through Amount", sit),
		count("Average DRG Weight", sit),
		guide.ElAmount("Total PPS Capital FSP DRG Amount", sit),
		guide.ElAmount("Total PPS Capital HSP DRG Amount", sit),
		guide.ElAmount("Total PPS DSH DRG Amount", sit))
}

// payerIDs are NM108 of the crossover carrier and the corrected priority payer.
var payerIDs = []string{"AD", "FI", "NI", "PI", "PP", "XV"}

// claimParties are the NM1 uses of loop 2100, in the guide's order.
var claimParties = []party{
	{name: "Patient Name", usage: req, Party: guide.Party{Entities: []string{"QC"}, Types: []string{"1"}, Last: sit, Given: sit,
		IDUsage: sit, IDs: []string{"34", "HN", "II", "MI", "MR"}, PHI: true}},
	{name: "Insured Name", usage: sit, Party: guide.Party{Entities: []string{"IL"}, Types: []string{"1", "2"}, Last: sit, Given: sit,
		IDUsage: req, IDs: []string{"FI", "II", "MI"}, PHI: true}},
	{name: "Corrected Patient/Insured Name", usage: sit, Party: guide.Party{Entities: []string{"74"}, Types: []string{"1", "2"}, Last: sit, Given: sit,
		IDUsage: sit, IDs: []string{"C"}, PHI: true}},
	{name: "Service Provider Name", usage: sit, Party: guide.Party{Entities: []string{"82"}, Types: []string{"1", "2"}, Last: sit, Given: sit,
		IDUsage: req, IDs: []string{"BD", "BS", "FI", "MC", "PC", "SL", "UP", "XX"}}},
	{name: "Crossover Carrier Name", usage: sit, Party: guide.Party{Entities: []string{"TT"}, Types: []string{"2"}, Last: req, Given: unused,
		IDUsage: req, IDs: payerIDs}},
	{name: "Corrected Priority Payer Name", usage: sit, Party: guide.Party{Entities: []string{"PR"}, Types: []string{"2"}, Last: req, Given: unused,
		IDUsage: req, IDs: payerIDs}},
	{name: "Other Subscriber Name", usage: sit, Party: guide.Party{Entities: []string{"GB"}, Types: []string{"1", "2"}, Last: sit, Given: sit,
		IDUsage: sit, IDs: []string{"FI", "II", "MI"}, PHI: true}},
}

// claim is loop 2100: one adjudicated claim with its adjustments, the people and payers it
// names, inpatient or outpatient adjudication, identifiers, dates, contact, amounts and
// quantities, and its service lines.
func claim() *x12.Loop {
	specs := []*x12.SegmentSpec{clp(), cas("Claim Adjustment")}
	for _, p := range claimParties {
		specs = append(specs, p.nm1())
	}
	specs = append(specs, mia(), moa(),
		ref("Other Claim Related Identification", 5, true,
			"1L", "1W", "28", "6P", "9A", "9C", "BB", "CE", "EA", "F8", "G1", "G3", "IG", "SY"),
		ref("Rendering Provider Identification", 10, false, "0B", "1A", "1B", "1C", "1D", "1G", "1H", "1J", "D3", "G2", "LU"),
		dtm("Statement From or To Date", 2, true, "232", "233"),
		dtm("Coverage Expiration Date", 1, true, "036"),
		dtm("Claim Received Date", 1, false, "050"),
		contact("Claim Contact Information", sit, 2, "CX", req,
			[]string{"EM", "FX", "TE"}, []string{"EM", "EX", "FX", "TE"}, []string{"EX"}),
		amt("Claim Supplemental Information", 13, "AU", "D8", "DY", "F5", "I", "NL", "T", "T2", "ZK", "ZL", "ZM", "ZN", "ZO"),
		qty("Claim Supplemental Information Quantity", 14, "CA", "CD", "LA", "LE", "NE", "NR", "OU", "PS", "VS", "ZK", "ZL", "ZM", "ZN", "ZO"))
	l := loop("2100", "Claim Payment Information", req, 0, specs...)
	l.Children = append(l.Children, x12.Sub(service()))
	return l
}

// clp is the claim payment: the provider's patient control number (CLP01, from the 837's
// CLM01), status, charge, payment, patient responsibility and the payer's claim number.
func clp() *x12.SegmentSpec {
	return seg("CLP", "Claim Payment Information", req, 1,
		guide.ElAN(1028, "Patient Control Number", req, 1, 38).MarkPHI(),
		guide.ElID(1029, "Claim Status Code", req, 1, 2).WithCodeSet("claim-status"),
		guide.ElAmount("Total Claim Charge Amount", req),
		guide.ElAmount("Claim Payment Amount", req),
		guide.ElAmount("Patient Responsibility Amount", sit),
		guide.ElID(1032, "Claim Filing Indicator Code", req, 1, 2).WithCodeSet("claim-filing-indicator-835"),
		guide.ElAN(127, "Payer Claim Control Number", req, 1, 50),
		guide.ElAN(1331, "Facility Type Code", sit, 1, 2),
		guide.ElID(1325, "Claim Frequency Code", sit, 1, 1),
		nu(1352, "Patient Status Code"),
		guide.ElID(1354, "Diagnosis Related Group (DRG) Code", sit, 1, 4),
		count("Diagnosis Related Group (DRG) Weight", sit),
		guide.ElR(954, "Discharge Fraction", sit, 1, 10),
		nu(1073, "Yes/No Condition or Response Code"))
}

// mia is the inpatient adjudication: covered days, PPS amounts and up to five remark codes
// (MIA05, MIA20–MIA23).
func mia() *x12.SegmentSpec {
	s := seg("MIA", "Inpatient Adjudication Information", sit, 1,
		count("Covered Days or Visits Count", req),
		guide.ElAmount("PPS Operating Outlier Amount", sit),
		count("Lifetime Psychiatric Days Count", sit),
		guide.ElAmount("Claim DRG Amount", sit),
		remark(sit))
	for _, name := range []string{"Claim Disproportionate Share Amount", "Claim MSP Pass-through Amount",
		"Claim PPS Capital Amount", "PPS-Capital FSP DRG Amount", "PPS-Capital HSP DRG Amount",
		"PPS-Capital DSH DRG Amount", "Old Capital Amount", "PPS-Capital IME Amount",
		"PPS-Operating Hospital Specific DRG Amount"} {
		s.Elements = append(s.Elements, guide.ElAmount(name, sit))
	}
	s.Elements = append(s.Elements,
		count("Cost Report Day Count", sit),
		guide.ElAmount("PPS-Operating Federal Specific DRG Amount", sit),
		guide.ElAmount("Claim PPS Capital Outlier Amount", sit),
		guide.ElAmount("Claim Indirect Teaching Amount", sit),
		guide.ElAmount("Nonpayable Professional Component Amount", sit),
		remark(sit), remark(sit), remark(sit), remark(sit),
		guide.ElAmount("PPS-Capital Exception Amount", sit))
	return s
}

// moa is the outpatient adjudication: reimbursement rate, HCPCS payable amount, up to five
// remark codes (MOA03–MOA07), ESRD and non-payable professional component amounts.
func moa() *x12.SegmentSpec {
	return seg("MOA", "Outpatient Adjudication Information", sit, 1,
		guide.ElR(954, "Reimbursement Rate", sit, 1, 10),
		guide.ElAmount("Claim HCPCS Payable Amount", sit),
		remark(sit), remark(sit), remark(sit), remark(sit), remark(sit),
		guide.ElAmount("Claim ESRD Payment Amount", sit),
		guide.ElAmount("Nonpayable Professional Component Amount", sit))
}
