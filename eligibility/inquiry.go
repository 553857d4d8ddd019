package eligibility

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The question of a 270 (loop 2110C/D, one EQ each) and the composites the 271's EB reuses.

// procedure is the C003 composite medical procedure identifier (EQ02, EB13): a procedure code
// with its qualifier and up to four modifiers; productID is the usage of the eighth component.
func procedure(productID x12.Usage) *x12.ElementSpec {
	return guide.ElComposite(3, "Composite Medical Procedure Identifier", sit,
		guide.ElID(235, "Product or Service ID Qualifier", req, 2, 2, "AD", "CJ", "HC", "ID", "IV", "N4", "ZZ"),
		guide.ElAN(234, "Procedure Code", req, 1, 48),
		guide.ElAN(1339, "Procedure Modifier", sit, 2, 2).WithCodeSet("modifier"),
		guide.ElAN(1339, "Procedure Modifier", sit, 2, 2).WithCodeSet("modifier"),
		guide.ElAN(1339, "Procedure Modifier", sit, 2, 2).WithCodeSet("modifier"),
		guide.ElAN(1339, "Procedure Modifier", sit, 2, 2).WithCodeSet("modifier"),
		guide.ElAN(352, "Description", unused, 1, 80),
		guide.ElAN(234, "Product or Service ID", productID, 1, 48))
}

// diagnosisPointers is the C004 composite (EQ05, EB14): up to four pointers to HI entries.
func diagnosisPointers() *x12.ElementSpec {
	return guide.ElComposite(4, "Composite Diagnosis Code Pointer", sit,
		guide.ElN0(1328, "Diagnosis Code Pointer", req, 1, 2),
		guide.ElN0(1328, "Diagnosis Code Pointer", sit, 1, 2),
		guide.ElN0(1328, "Diagnosis Code Pointer", sit, 1, 2),
		guide.ElN0(1328, "Diagnosis Code Pointer", sit, 1, 2))
}

// serviceTypes is EQ01 / EB03: service type codes, up to 99 repetitions.
func serviceTypes() *x12.ElementSpec {
	return guide.ElID(1365, "Service Type Code", sit, 1, 2).WithCodeSet("service-type").WithRepeat(99)
}

// eq is one eligibility or benefit question: by service type (EQ01, "30" for the generic
// question) or by procedure (EQ02). Only the subscriber level may ask about family coverage.
func eq(m member) *x12.SegmentSpec {
	family := unused
	if m.subscriber {
		family = sit
	}
	s := seg("EQ", m.who+" Eligibility or Benefit Inquiry", req, 1,
		serviceTypes(),
		procedure(unused),
		guide.ElID(1207, "Coverage Level Code", family, 3, 3, "FAM"),
		guide.ElID(1336, "Insurance Type Code", unused, 1, 3),
		diagnosisPointers())
	s.Syntax = x12.ParseSyntax("R0102")
	return s
}

// amt is a spend-down amount of the subscriber's inquiry, told apart by AMT01.
func amt(name, qualifier string) *x12.SegmentSpec {
	return qualified(seg("AMT", name, sit, 1,
		guide.ElID(522, "Amount Qualifier Code", req, 1, 3, qualifier),
		guide.ElAmount("Monetary Amount", req),
		guide.ElID(478, "Credit/Debit Flag Code", unused, 1, 1)), 1, qualifier)
}

// inquiryIII asks about a place of service (III01 ZZ, III02 a POS code: 02 or 10 for
// telehealth).
func inquiryIII(who string) *x12.SegmentSpec {
	return seg("III", who+" Eligibility or Benefit Additional Inquiry Information", sit, 1,
		guide.ElID(1270, "Code List Qualifier Code", req, 1, 3, "ZZ"),
		guide.ElAN(1271, "Industry Code", req, 1, 30).WithCodeSet("pos"),
		guide.ElID(1136, "Code Category", unused, 2, 2),
		guide.ElAN(933, "Free-form Message Text", unused, 1, 264))
}

// inquiry is loop 2110C/D: one question, with its place of service, authorization or referral
// number and date.
func inquiry(m member) *x12.Loop {
	children := []x12.Child{x12.Seg(eq(m))}
	usage := req
	if m.subscriber {
		usage = sit // the question may be asked at the dependent level instead
		children = append(children,
			x12.Seg(amt(m.who+" Spend Down Amount", "R")),
			x12.Seg(amt(m.who+" Spend Down Total Billed Amount", "PB")))
	}
	children = append(children, segs(
		inquiryIII(m.who),
		ref(m.who+" Additional Information", 1, unused, false, "9F", "G1"),
		dtp(m.who+" Eligibility/Benefit Date", 1, "291"),
	)...)
	return loop("2110"+m.letter, m.who+" Eligibility or Benefit Inquiry", usage, 99, children...)
}
