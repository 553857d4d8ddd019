package claim837

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Segment builders: each returns a fresh SegmentSpec for one use of a segment, so the guide
// states each shape once and the loops differ only in qualifiers, usages and code lists.

const (
	req    = x12.Required
	sit    = x12.Situational
	unused = x12.NotUsed
)

// The x12 guide builders, under the short names this guide reads best with.
var (
	seg         = guide.NewSegmentSpec
	qualified   = guide.Qualify
	withSyntax  = guide.WithSyntax
	loop        = guide.NewLoop
	segs        = guide.Segs
	hl          = guide.HLSpec
	n3          = guide.N3Spec
	n4          = guide.N4Spec
	nu          = guide.ElNotUsed
	nuComposite = guide.ElNotUsedComposite
)

// amount is a monetary amount (element 782): at most 10 digits, as in the 835 and 270/271.
func amount(name string, u x12.Usage) *x12.ElementSpec { return guide.ElAmount(name, u) }

// nm1 is the NM1 that names a party; it is always the trigger of its loop, so it is required
// wherever its loop appears.
func nm1(name string, p guide.Party) *x12.SegmentSpec { return guide.NM1Spec(name, req, p) }

// provider is the NM1 of a provider named by NPI (NM108 XX, situational): a person (NM102 1),
// an organization (2), or either.
func provider(name string, entities []string, types ...string) *x12.SegmentSpec {
	given := unused
	for _, t := range types {
		if t == "1" {
			given = sit
		}
	}
	return nm1(name, guide.Party{Entities: entities, Types: types, Last: req, Given: given, IDs: []string{"XX"}, IDUsage: sit})
}

// place is the NM1 of an unnamed location or a provider known only by its REFs (NM103 on).
func place(name string, entity string, types ...string) *x12.SegmentSpec {
	return nm1(name, guide.Party{Entities: []string{entity}, Types: types, Last: unused, Given: unused})
}

// address is the N3 and N4 pair of a loop.
func address(who string, u x12.Usage, phi bool) []*x12.SegmentSpec {
	return []*x12.SegmentSpec{n3(who+" Address", u, phi), n4(who+" City, State, ZIP Code", u, phi)}
}

// ref is a REF use told apart by REF01.
func ref(name string, u x12.Usage, maxUse int, phi bool, quals ...string) *x12.SegmentSpec {
	return guide.REFSpec(name, u, maxUse, phi, unused, quals...)
}

// refCode is a REF whose REF02 is a one-character code from codes, not an identifier.
func refCode(name, qual string, codes ...string) *x12.SegmentSpec {
	s := ref(name, sit, 1, false, qual)
	s.Elements[1] = guide.ElID(127, name, req, 1, 1, codes...)
	return s
}

// refOtherPayer is a line-level provider REF whose REF04 may name the other payer (REF04-1
// 2U) the identifier belongs to.
func refOtherPayer(name string, maxUse int, quals ...string) *x12.SegmentSpec {
	s := ref(name, sit, maxUse, false, quals...)
	s.Elements[3] = guide.ElComposite(0, "Reference Identifier", sit,
		guide.ElID(128, "Reference Identification Qualifier", req, 2, 3, "2U"),
		guide.ElAN(127, "Other Payer Primary Identifier", req, 1, 50))
	return s
}

// dtp is a date (D8) or, where formats says so, a range (RD8), told apart by DTP01.
// Dates in a claim are the patient's: they are marked as patient data.
func dtp(name string, u x12.Usage, maxUse int, formats []string, quals ...string) *x12.SegmentSpec {
	return guide.DTPSpec(name, u, maxUse, formats, quals...)
}

// Date formats of DTP02.
var (
	day      = []string{"D8"}
	dayRange = []string{"D8", "RD8"}
)

// date is a situational single-date DTP used at most once.
func date(name string, quals ...string) *x12.SegmentSpec {
	return dtp(name, sit, 1, day, quals...)
}

// amt is an amount told apart by AMT01.
func amt(name string, qual string) *x12.SegmentSpec { return guide.AMTSpec(name, sit, 1, qual) }

// qty is a quantity told apart by QTY01.
func qty(name, qual string) *x12.SegmentSpec { return guide.QTYSpec(name, sit, 1, qual) }

// per is a contact with up to numbers (2 or 3) communication numbers: PER03 from first,
// later ones from more; phi for a patient's or subscriber's contact.
func per(name string, maxUse int, phi bool, numbers int, first, more []string) *x12.SegmentSpec {
	c := guide.Contact{Functions: []string{"IC"}, Name: sit, PHI: phi,
		Numbers: [3]guide.Numbers{{Usage: req, Codes: first}, {Usage: sit, Codes: more}}}
	if numbers > 2 {
		c.Numbers[2] = guide.Numbers{Usage: sit, Codes: more}
	}
	return guide.PERSpec(name, sit, maxUse, c)
}

// Communication number qualifiers of PER.
var (
	perFirst = []string{"EM", "FX", "TE"}
	perMore  = []string{"EM", "EX", "FX", "TE"}
	// The submitter's EDI contact may also give an EDI access number (ED).
	submitterFirst = []string{"ED", "EM", "FX", "TE"}
	submitterMore  = []string{"ED", "EM", "EX", "FX", "TE"}
	phone          = []string{"TE"}
	phoneExt       = []string{"EX"}
)

// prv is a provider's taxonomy (PRV02 PXC) in the role PRV01 names.
func prv(name, role string) *x12.SegmentSpec {
	return withSyntax(seg("PRV", name, sit, 1,
		guide.ElID(1221, "Provider Code", req, 1, 3, role),
		guide.ElID(128, "Reference Identification Qualifier", req, 2, 3, "PXC"),
		guide.ElAN(127, "Provider Taxonomy Code", req, 1, 50),
		nu(156, "State or Province Code"),
		nuComposite("Provider Specialty Information"),
		nu(1223, "Provider Organization Code")), "P0203")
}

// dmg is a person's birth date and gender: always patient data.
func dmg(name string, u x12.Usage) *x12.SegmentSpec {
	return withSyntax(seg("DMG", name, u, 1,
		guide.ElID(1250, "Date Time Period Format Qualifier", req, 2, 3, "D8"),
		guide.ElAN(1251, "Birth Date", req, 1, 35).MarkPHI(),
		guide.ElID(1068, "Gender Code", req, 1, 1, "F", "M", "U").MarkPHI()), "P0102")
}

// pat is the patient's relationship to the subscriber (PAT01, when the patient is not the
// subscriber) and the death date, weight and pregnancy details.
func pat(name string, u, relation x12.Usage) *x12.SegmentSpec {
	rel := guide.ElID(1069, "Individual Relationship Code", relation, 2, 2)
	if relation != unused {
		rel.WithCodeSet("patient-relationship")
	}
	return withSyntax(seg("PAT", name, u, 1,
		rel,
		nu(1384, "Patient Location Code"),
		nu(584, "Employment Status Code"),
		nu(1220, "Student Status Code"),
		guide.ElID(1250, "Date Time Period Format Qualifier", sit, 2, 3, "D8"),
		guide.ElAN(1251, "Patient Death Date", sit, 1, 35).MarkPHI(),
		guide.ElID(355, "Unit or Basis for Measurement Code", sit, 2, 2, "01"),
		guide.ElR(81, "Patient Weight", sit, 1, 10),
		guide.ElID(1073, "Pregnancy Indicator", sit, 1, 1, "Y")), "P0506", "P0708")
}

// Payer responsibility sequence (SBR01) and insurance type (SBR05) codes.
var (
	payerSequence  = []string{"A", "B", "C", "D", "E", "F", "G", "H", "P", "S", "T", "U"}
	insuranceTypes = []string{"12", "13", "14", "15", "16", "41", "42", "43", "47"}
)

// sbr is a subscriber's coverage; relation is SBR02 (the subscriber level allows only 18).
func sbr(name string, relation *x12.ElementSpec) *x12.SegmentSpec {
	return seg("SBR", name, req, 1,
		guide.ElID(1138, "Payer Responsibility Sequence Number Code", req, 1, 1, payerSequence...),
		relation,
		guide.ElAN(127, "Insured Group or Policy Number", sit, 1, 50),
		guide.ElAN(93, "Insured Group Name", sit, 1, 60),
		guide.ElID(1336, "Insurance Type Code", sit, 1, 3, insuranceTypes...),
		nu(1143, "Coordination of Benefits Code"),
		nu(1073, "Yes/No Condition or Response Code"),
		nu(584, "Employment Status Code"),
		guide.ElID(1032, "Claim Filing Indicator Code", sit, 1, 2).WithCodeSet("claim-filing-indicator"))
}

// cas is a claim or line adjustment by another payer: a group code and up to six reason,
// amount, quantity triples.
func cas(name string) *x12.SegmentSpec {
	s := seg("CAS", name, sit, 5,
		guide.ElID(1033, "Claim Adjustment Group Code", req, 1, 2).WithCodeSet("cas-group"),
		guide.ElID(1034, "Adjustment Reason Code", req, 1, 5).WithCodeSet("carc"),
		amount("Adjustment Amount", req),
		guide.ElR(380, "Adjustment Quantity", sit, 1, 15))
	notes := []string{}
	for i := 5; i <= 17; i += 3 {
		s.Elements = append(s.Elements,
			guide.ElID(1034, "Adjustment Reason Code", sit, 1, 5).WithCodeSet("carc"),
			amount("Adjustment Amount", sit),
			guide.ElR(380, "Adjustment Quantity", sit, 1, 15))
		a, b, c := pos2(i), pos2(i+1), pos2(i+2)
		notes = append(notes, "L"+a+b+c, "C"+b+a, "C"+c+a)
	}
	return withSyntax(s, notes...)
}

// pos2 writes an element position as a syntax note does: two digits.
func pos2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// Ambulance certification condition codes (CRC03–CRC07 with CRC01 07).
var ambulanceConditions = []string{"01", "04", "05", "06", "07", "08", "09", "12"}

// crc is a condition indicator told apart by its code category (CRC01); conditions lists
// CRC03 and the first more of CRC04–CRC07 (the rest not used); answers lists CRC02.
func crc(name string, maxUse int, category []string, answers []string, more int, conditions ...string) *x12.SegmentSpec {
	s := qualified(seg("CRC", name, sit, maxUse,
		guide.ElID(1136, "Code Category", req, 2, 2, category...),
		guide.ElID(1073, "Certification Condition Indicator", req, 1, 1, answers...),
		guide.ElID(1321, "Condition Indicator", req, 2, 3, conditions...)), 1, category...)
	for i := 0; i < 4; i++ {
		u := unused
		if i < more {
			u = sit
		}
		s.Elements = append(s.Elements, guide.ElID(1321, "Condition Indicator", u, 2, 3, conditions...))
	}
	return s
}

var yesNo = []string{"N", "Y"}

// cr1 is ambulance transport information (claim or line).
func cr1() *x12.SegmentSpec {
	return withSyntax(seg("CR1", "Ambulance Transport Information", sit, 1,
		guide.ElID(355, "Unit or Basis for Measurement Code", sit, 2, 2, "LB"),
		guide.ElR(81, "Patient Weight", sit, 1, 10),
		nu(1316, "Ambulance Transport Code"),
		guide.ElID(1317, "Ambulance Transport Reason Code", req, 1, 1, "A", "B", "C", "D", "E"),
		guide.ElID(355, "Unit or Basis for Measurement Code", req, 2, 2, "DH"),
		guide.ElR(380, "Transport Distance", req, 1, 15),
		nu(166, "Address Information"),
		nu(166, "Address Information"),
		guide.ElAN(352, "Round Trip Purpose Description", sit, 1, 80),
		guide.ElAN(352, "Stretcher Purpose Description", sit, 1, 80)), "P0102", "P0506")
}

// Attachment report types (PWK01) of claim and line supplemental information.
var reportTypes = []string{"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21",
	"A3", "A4", "AM", "AS", "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB",
	"DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1", "MT", "NN", "OB", "OC", "OD", "OE",
	"OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}

// pwk is a paperwork attachment; it is told apart by how the paperwork is sent (PWK02),
// since the DME certificate of medical necessity shares report type CT.
func pwk(name string, maxUse int, types, transmission []string, control x12.Usage) *x12.SegmentSpec {
	return withSyntax(qualified(seg("PWK", name, sit, maxUse,
		guide.ElID(755, "Report Type Code", req, 2, 2, types...),
		guide.ElID(756, "Report Transmission Code", req, 1, 2, transmission...),
		nu(757, "Report Copies Needed"),
		nu(98, "Entity Identifier Code"),
		guide.ElID(66, "Identification Code Qualifier", control, 1, 2, "AC"),
		guide.ElAN(67, "Attachment Control Number", control, 2, 50),
		nu(352, "Description"),
		nuComposite("Actions Indicated"),
		nu(1525, "Request Category Code")), 2, transmission...), "P0506")
}

// cn1 is contract information (claim or line).
func cn1() *x12.SegmentSpec {
	return seg("CN1", "Contract Information", sit, 1,
		guide.ElID(1166, "Contract Type Code", req, 2, 2, "01", "02", "03", "04", "05", "06", "09"),
		amount("Contract Amount", sit),
		guide.ElR(332, "Contract Percentage", sit, 1, 6),
		guide.ElAN(127, "Contract Code", sit, 1, 50),
		guide.ElR(338, "Terms Discount Percentage", sit, 1, 6),
		guide.ElAN(799, "Contract Version Identifier", sit, 1, 30))
}

// k3 is fixed-format file information.
func k3() *x12.SegmentSpec {
	return seg("K3", "File Information", sit, 10,
		guide.ElAN(449, "Fixed Format Information", req, 1, 80),
		nu(1333, "Record Format Code"),
		nuComposite("Composite Unit of Measure"))
}

// nte is a free-text note told apart by its reference code; the text may hold anything, so
// it is treated as patient data.
func nte(name string, codes ...string) *x12.SegmentSpec {
	return qualified(seg("NTE", name, sit, 1,
		guide.ElID(363, "Note Reference Code", req, 3, 3, codes...),
		guide.ElAN(352, "Description", req, 1, 80).MarkPHI()), 1, codes...)
}

// hcp is pricing or repricing information; line says whether the repriced procedure
// (HCP09–HCP12) may be sent. Its syntax notes P0910 and P1112 pair the procedure with its
// qualifier and the unit count with its unit.
func hcp(name string, line bool) *x12.SegmentSpec {
	proc := unused
	methods := []string{"00", "01", "02", "03", "04", "05", "07", "08", "09", "10", "11", "12", "13", "14"}
	if line {
		proc = sit
		methods = []string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"}
	}
	return withSyntax(seg("HCP", name, sit, 1,
		guide.ElID(1473, "Pricing Methodology", req, 2, 2, methods...),
		amount("Repriced Allowed Amount", req),
		amount("Repriced Saving Amount", sit),
		guide.ElAN(127, "Repricing Organization Identifier", sit, 1, 50),
		guide.ElR(118, "Repricing Per Diem or Flat Rate Amount", sit, 1, 9),
		guide.ElAN(127, "Repriced Approved Ambulatory Patient Group Code", sit, 1, 50),
		amount("Repriced Approved Ambulatory Patient Group Amount", sit),
		nu(234, "Product/Service ID"),
		guide.ElID(235, "Product/Service ID Qualifier", proc, 2, 2, "ER", "HC", "IV", "WK"),
		guide.ElAN(234, "Repriced Approved HCPCS Code", proc, 1, 48),
		guide.ElID(355, "Unit or Basis for Measurement Code", proc, 2, 2, "MJ", "UN"),
		guide.ElR(380, "Repriced Approved Service Unit Count", proc, 1, 8),
		guide.ElID(901, "Reject Reason Code", sit, 2, 2, "T1", "T2", "T3", "T4", "T5", "T6"),
		guide.ElID(1526, "Policy Compliance Code", sit, 1, 2, "1", "2", "3", "4", "5"),
		guide.ElID(1527, "Exception Code", sit, 1, 2, "1", "2", "3", "4", "5", "6")), "P0910", "P1112")
}

// procedure is a C003 composite medical procedure identifier: qualifier, code, up to four
// modifiers (when modifiers) and a description (when described).
func procedure(name string, quals []string, modifiers, described x12.Usage) *x12.ElementSpec {
	return guide.ElComposite(0, name, req,
		guide.ElID(235, "Product/Service ID Qualifier", req, 2, 2, quals...),
		guide.ElAN(234, "Procedure Code", req, 1, 48),
		guide.ElAN(1339, "Procedure Modifier", modifiers, 2, 2),
		guide.ElAN(1339, "Procedure Modifier", modifiers, 2, 2),
		guide.ElAN(1339, "Procedure Modifier", modifiers, 2, 2),
		guide.ElAN(1339, "Procedure Modifier", modifiers, 2, 2),
		guide.ElAN(352, "Description", described, 1, 80),
		guide.ElAN(234, "Product/Service ID", unused, 1, 48))
}

// procedureQualifiers are SV101-1 and SVD03-1: HC (CPT/HCPCS) for HIPAA; ER, IV, WK are the
// non-HIPAA codes the guide still lists.
var procedureQualifiers = []string{"ER", "HC", "IV", "WK"}
