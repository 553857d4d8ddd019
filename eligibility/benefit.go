package eligibility

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The answer of a 271 (loop 2110C/D, one EB each), with its delivery pattern, references,
// dates, rejections and messages, the 2115C/D III that narrows it (III*ZZ*02: by
// telehealth), and the 2120C/D entities it names between LS*2120 and LE*2120.

// benefitReasons are AAA03 of a rejected question (2110C/D).
var benefitReasons = []string{"15", "33", "52", "53", "54", "55", "56", "57", "60", "61", "62", "63", "69", "70",
	"98", "AA", "AE", "AF", "AG", "AO", "CI", "E8", "IA", "MA"}

// eb is one piece of eligibility or benefit information.
func eb(who string) *x12.SegmentSpec {
	s := seg("EB", who+" Eligibility or Benefit Information", req, 1,
		guide.ElID(1390, "Eligibility or Benefit Information Code", req, 1, 2).WithCodeSet("eb-benefit"),
		guide.ElID(1207, "Coverage Level Code", sit, 3, 3).WithCodeSet("coverage-level"),
		serviceTypes(),
		guide.ElID(1336, "Insurance Type Code", sit, 1, 3).WithCodeSet("insurance-type"),
		guide.ElAN(1204, "Plan Coverage Description", sit, 1, 50),
		guide.ElID(615, "Time Period Qualifier", sit, 1, 2).WithCodeSet("time-period"),
		guide.ElAmount("Benefit Amount", sit),
		guide.ElR(954, "Benefit Percent", sit, 1, 10),
		guide.ElID(673, "Quantity Qualifier", sit, 2, 2, "8H", "99", "CA", "CE", "D3", "DB", "DY", "HS", "LA", "LE",
			"M2", "MN", "P6", "QA", "S7", "S8", "VS", "YY"),
		guide.ElR(380, "Benefit Quantity", sit, 1, 15),
		guide.ElID(1073, "Authorization or Certification Indicator", sit, 1, 1, "N", "U", "Y"),
		guide.ElID(1073, "In Plan Network Indicator", sit, 1, 1, "N", "U", "W", "Y"),
		procedure(sit),
		diagnosisPointers())
	s.Syntax = x12.ParseSyntax("P0910")
	return s
}

// hsd is the delivery pattern of a benefit (visits per period: HSD*VS*12***22).
func hsd(who string) *x12.SegmentSpec {
	s := seg("HSD", who+" Health Care Services Delivery", sit, 9,
		guide.ElID(673, "Quantity Qualifier", sit, 2, 2, "DY", "FL", "HS", "MN", "VS"),
		guide.ElR(380, "Benefit Quantity", sit, 1, 15),
		guide.ElID(355, "Unit or Basis for Measurement Code", sit, 2, 2, "DA", "MO", "VS", "WK", "YR"),
		guide.ElR(1167, "Sample Selection Modulus", sit, 1, 6),
		guide.ElID(615, "Time Period Qualifier", sit, 1, 2).WithCodeSet("time-period"),
		guide.ElN0(616, "Period Count", sit, 1, 3),
		guide.ElID(678, "Delivery Frequency Code", sit, 1, 2, "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B",
			"C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "SG", "SL", "SP", "SX",
			"SY", "SZ", "T", "U", "V", "W", "X", "Y"),
		guide.ElID(679, "Delivery Pattern Time Code", sit, 1, 1, "A", "B", "C", "D", "E", "F", "G", "Y"))
	s.Syntax = x12.ParseSyntax("P0102", "C0605")
	return s
}

// msg is free text about a benefit.
func msg(who string) *x12.SegmentSpec {
	return seg("MSG", who+" Message Text", sit, 10, guide.ElAN(933, "Free-form Message Text", req, 1, 264))
}

// benefitIII is loop 2115C/D's III: a place of service (ZZ, the CMS POS list), a nature of
// injury (GR, NI) the benefit is limited to.
func benefitIII(who string) *x12.SegmentSpec {
	s := seg("III", who+" Eligibility or Benefit Additional Information", req, 1,
		guide.ElID(1270, "Code List Qualifier Code", sit, 1, 3, "GR", "NI", "ZZ"),
		guide.ElAN(1271, "Industry Code", sit, 1, 30),
		guide.ElID(1136, "Code Category", sit, 2, 2, "44"),
		guide.ElAN(933, "Injured Body Part Name", sit, 1, 264))
	s.Syntax = x12.ParseSyntax("P0102")
	return s
}

// loopMark is LS or LE around the 2120 loop: LS01 and LE01 are "2120".
func loopMark(id, name string) *x12.SegmentSpec {
	return seg(id, name, sit, 1, guide.ElID(447, "Loop Identifier Code", req, 1, 4, "2120"))
}

// benefit is loop 2110C/D of the 271. LS and LE are its own segments, placed before and
// after the 2120 loop they wrap; the 2120 loop starts at its NM1, chosen by NM101.
func benefit(m member) *x12.Loop {
	who, l := m.who, m.letter
	related := loop("2120"+l, who+" Benefit Related Entity", sit, 23, segs(
		nm1(who+" Benefit Related Entity Name", benefitEntity),
		n3(who+" Benefit Related Entity Address", true),
		n4(who+" Benefit Related Entity City, State, ZIP Code", true, true),
		per(who+" Benefit Related Entity Contact Information", "ED", "EM", "FX", "TE", "UR", "WP"),
		prv(who+" Benefit Related Provider Information", with(providerCodes, "SB"), "PXC"),
	)...)
	return loop("2110"+l, who+" Eligibility or Benefit Information", sit, 0,
		x12.Seg(eb(who)),
		x12.Seg(hsd(who)),
		x12.Seg(ref(who+" Additional Identification", 9, sit, false,
			"18", "1L", "1W", "49", "6P", "9F", "ALS", "CLI", "F6", "FO", "G1", "IG", "M7", "N6", "NQ")),
		x12.Seg(dtp(who+" Eligibility/Benefit Date", 20, "096", "193", "194", "198", "290", "291", "292", "295",
			"304", "307", "318", "346", "347", "348", "349", "356", "357", "435", "472", "636", "771")),
		x12.Seg(aaa(who+" Request Validation", benefitReasons, []string{"C", "N", "R", "W", "X", "Y"})),
		x12.Seg(msg(who)),
		x12.Sub(loop("2115"+l, who+" Eligibility or Benefit Additional Information", sit, 10, x12.Seg(benefitIII(who)))),
		x12.Seg(loopMark("LS", "Loop Header")),
		x12.Sub(related),
		x12.Seg(loopMark("LE", "Loop Trailer")))
}
