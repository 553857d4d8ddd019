package eligibility

import "github.com/x12kit/x12kit/x12"

// Guide271 is the 271 eligibility, coverage or benefit information (005010X279A1): the
// payer's answer to a 270, with the same HL levels. Each level may carry AAA rejections; the
// subscriber and dependent levels carry one EB per benefit (2110C/D), narrowed by III
// (2115C/D) and naming related entities such as the primary care provider (2120C/D).
var Guide271 = &x12.Transaction{
	ID: "271", FunctionalID: "HB", Versions: Versions, Name: "Eligibility, Coverage or Benefit Information",
	Root: loop("ST", "Eligibility, Coverage or Benefit Information", req, 1,
		x12.Seg(x12.STSpec("271", req, Versions...)),
		x12.Seg(bht([]string{"06", "11"})),
		x12.Sub(source271()),
		x12.Seg(x12.SESpec())),
}

// followUps are AAA04 of the name loops 2100B/C/D.
var followUps = []string{"C", "N", "R", "S", "W", "X", "Y"}

// source271 is the information source level (2000A) of the response and everything under it.
func source271() *x12.Loop {
	recv := receiver
	recv.Last = sit
	return loop("2000A", "Information Source Level", req, 0,
		x12.Seg(hl("Information Source Level", "20", unused, "0", "1")),
		x12.Seg(aaa("Request Validation", []string{"04", "41", "42", "79"}, []string{"C", "N", "P", "R", "S", "Y"})),
		x12.Sub(loop("2100A", "Information Source Name", req, 1, segs(
			nm1("Information Source Name", source),
			per("Information Source Contact Information", "ED", "EM", "FX", "TE", "UR"),
			aaa("Information Source Request Validation", []string{"04", "41", "42", "79", "80", "T4"}, with(followUps, "P")),
		)...)),
		x12.Sub(loop("2000B", "Information Receiver Level", sit, 0,
			x12.Seg(hl("Information Receiver Level", "21", req, "0", "1")),
			x12.Sub(loop("2100B", "Information Receiver Name", req, 1, segs(
				nm1("Information Receiver Name", recv),
				ref("Information Receiver Additional Identification", 9, sit, false, receiverRefs...),
				n3("Information Receiver Address", false),
				n4("Information Receiver City, State, ZIP Code", false, false),
				aaa("Information Receiver Request Validation",
					[]string{"15", "41", "43", "44", "45", "46", "47", "48", "50", "51", "79", "97", "T4"}, followUps),
				prv("Information Receiver Provider Information", with(providerCodes, "SB"), "PXC"),
			)...)),
			x12.Sub(member271(subscriber, x12.Sub(member271(dependent)))))))
}

// member271 is a subscriber or dependent level of the response; nested follows its name loop.
func member271(m member, nested ...x12.Child) *x12.Loop {
	who := m.who
	return memberLevel(m, sit, trn(who+" Trace Number", 3, "1", "2"), []*x12.SegmentSpec{
		nm1(who+" Name", m.party),
		ref(who+" Additional Identification", 9, sit, true, m.refs271...),
		n3(who+" Address", true),
		n4(who+" City, State, ZIP Code", true, false),
		aaa(who+" Request Validation", m.reasons271, followUps),
		prv("Provider Information", providerCodes, memberProviderRefs...),
		dmg(who+" Demographic Information", "F", "M", "U"),
		ins(who+" Relationship", m.insured, true, sit, m.relations271...),
		hi(who + " Health Care Diagnosis Code"),
		dtp(who+" Date", 9, "096", "102", "152", "291", "307", "318", "340", "341", "342", "343", "346", "347",
			"356", "357", "382", "435", "442", "458", "472", "539", "540", "636", "771"),
		mpi(who + " Military Personnel Information"),
	}, benefit(m), nested...)
}
