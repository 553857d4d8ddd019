package eligibility

import "github.com/x12kit/x12kit/x12"

// Guide270 is the 270 eligibility, coverage or benefit inquiry (005010X279A1): a provider
// asks a payer (2000A/2100A) about a subscriber (2000C/2100C) or a dependent (2000D/2100D),
// one EQ per question (2110C/D). HL levels nest: 20 source ⊃ 21 receiver ⊃ 22 subscriber ⊃
// 23 dependent.
var Guide270 = &x12.Transaction{
	ID: "270", FunctionalID: "HS", Versions: Versions, Name: "Eligibility, Coverage or Benefit Inquiry",
	Root: loop("ST", "Eligibility, Coverage or Benefit Inquiry", req, 1,
		x12.Seg(x12.STSpec("270", req, Versions...)),
		x12.Seg(bht([]string{"01", "13"}, "RT")),
		x12.Sub(source270()),
		x12.Seg(x12.SESpec())),
}

// source270 is the information source level (2000A) and everything under it.
func source270() *x12.Loop {
	return loop("2000A", "Information Source Level", req, 0,
		x12.Seg(hl("Information Source Level", "20", unused, "1")),
		x12.Sub(loop("2100A", "Information Source Name", req, 1, x12.Seg(nm1("Information Source Name", source)))),
		x12.Sub(loop("2000B", "Information Receiver Level", req, 0,
			x12.Seg(hl("Information Receiver Level", "21", req, "1")),
			x12.Sub(loop("2100B", "Information Receiver Name", req, 1, segs(
				nm1("Information Receiver Name", receiver),
				ref("Information Receiver Additional Identification", 9, sit, false, receiverRefs...),
				n3("Information Receiver Address", false),
				n4("Information Receiver City, State, ZIP Code", false, false),
				prv("Information Receiver Provider Information", with(providerCodes, "SB"), "PXC"),
			)...)),
			x12.Sub(member270(subscriber, x12.Sub(member270(dependent)))))))
}

// member270 is a subscriber or dependent level of the inquiry; nested follows its name loop
// (the dependent level, under the subscriber).
func member270(m member, nested ...x12.Child) *x12.Loop {
	who := m.who
	return memberLevel(m, m.usage270, trn(who+" Trace Number", 2, "1"), []*x12.SegmentSpec{
		nm1(who+" Name", m.party),
		ref(who+" Additional Identification", 9, unused, true, m.refs270...),
		n3(who+" Address", true),
		n4(who+" City, State, ZIP Code", true, false),
		prv("Provider Information", providerCodes, memberProviderRefs...),
		dmg(who+" Demographic Information", "F", "M"),
		ins(who+" Relationship", m.insured, false, m.birth270, m.relations270...),
		hi(who + " Health Care Diagnosis Code"),
		dtp(who+" Date", 2, "102", "291"),
	}, inquiry(m), nested...)
}
