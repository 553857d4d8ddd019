package remit835

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The 835 guide (005010X221A1) as data: the header (payment, trace, payer and payee), the
// claims and service lines (claim.go, service.go) and the provider-level adjustments.

// Versions are the GS08 values the guide accepts: the errata (written) and the original
// 005010X221. The 835 sends no ST03 (the TR3 marks it not used).
var Versions = []string{"005010X221A1", "005010X221"}

func init() { x12.Guides.Register(Guide) }

// Guide is the 835 health care claim payment/advice (005010X221A1): the payer's remittance for
// the claims it adjudicated, with the payment (BPR, TRN), the payer (1000A) and payee (1000B),
// one 2000 loop per provider summary holding the claims (2100) and their service lines (2110),
// and provider-level adjustments (PLB).
var Guide = &x12.Transaction{
	ID: "835", FunctionalID: "HP", Versions: Versions, Name: "Health Care Claim Payment/Advice",
	Root: &x12.Loop{ID: "ST", Name: "Health Care Claim Payment/Advice", Usage: req, Repeat: 1, Children: []x12.Child{
		x12.Seg(x12.STSpec("835", unused)),
		x12.Seg(bpr()),
		x12.Seg(seg("TRN", "Reassociation Trace Number", req, 1,
			guide.ElID(481, "Trace Type Code", req, 1, 2, "1"),
			guide.ElAN(127, "Check or EFT Trace Number", req, 1, 50),
			guide.ElAN(509, "Payer Identifier", req, 10, 10),
			guide.ElAN(127, "Originating Company Supplemental Code", sit, 1, 50))),
		x12.Seg(cur()),
		x12.Seg(ref("Receiver Identification", 1, false, "EV")),
		x12.Seg(ref("Version Identification", 1, false, "F2")),
		x12.Seg(dtm("Production Date", 1, false, "405")),
		x12.Sub(payer()),
		x12.Sub(payee()),
		x12.Sub(headerNumber()),
		x12.Seg(plb()),
		x12.Seg(x12.SESpec()),
	}},
}

// bpr is the financial information: how much is paid, how, and between which accounts. The
// bank routing and account numbers (BPR07, BPR09, BPR13, BPR15) are marked like patient data,
// so they are masked and never echoed.
func bpr() *x12.SegmentSpec {
	return noted(seg("BPR", "Financial Information", req, 1,
		guide.ElID(305, "Transaction Handling Code", req, 1, 2, "C", "D", "H", "I", "P", "U", "X"),
		guide.ElAmount("Total Actual Provider Payment Amount", req),
		guide.ElID(478, "Credit or Debit Flag Code", req, 1, 1, "C", "D"),
		guide.ElID(591, "Payment Method Code", req, 3, 3, "ACH", "BOP", "CHK", "FWT", "NON"),
		guide.ElID(812, "Payment Format Code", sit, 1, 10, "CCP", "CTX"),
		guide.ElID(506, "Sender DFI Identification Number Qualifier", sit, 2, 2, "01", "04"),
		guide.ElAN(507, "Sender DFI Identifier", sit, 3, 12).MarkPHI(),
		guide.ElID(569, "Account Number Qualifier", sit, 1, 3, "DA"),
		guide.ElAN(508, "Sender Bank Account Number", sit, 1, 35).MarkPHI(),
		guide.ElAN(509, "Payer Identifier", sit, 10, 10),
		guide.ElAN(510, "Originating Company Supplemental Code", sit, 9, 9),
		guide.ElID(506, "Receiver DFI Identification Number Qualifier", sit, 2, 2, "01", "04"),
		guide.ElAN(507, "Receiver or Provider Bank ID Number", sit, 3, 12).MarkPHI(),
		guide.ElID(569, "Account Number Qualifier", sit, 1, 3, "DA", "SG"),
		guide.ElAN(508, "Receiver or Provider Account Number", sit, 1, 35).MarkPHI(),
		guide.ElDT(373, "Check Issue or EFT Effective Date", req, 8, 8),
		nu(1048, "Business Function Code"),
		nu(506, "DFI Identification Number Qualifier"),
		nu(507, "DFI Identification Number"),
		nu(569, "Account Number Qualifier"),
		nu(508, "Account Number")), "P0607", "C0809", "P1213", "C1415", "P1819", "C2021")
}

// cur is the currency of the payment when it is not US dollars; only the payer's currency is
// sent (CUR03–CUR21 are not used).
func cur() *x12.SegmentSpec {
	s := seg("CUR", "Foreign Currency Information", sit, 1,
		guide.ElID(98, "Entity Identifier Code", req, 2, 3, "PR"),
		guide.ElID(100, "Currency Code", req, 3, 3),
		nu(280, "Exchange Rate"), nu(98, "Entity Identifier Code"), nu(100, "Currency Code"),
		nu(669, "Currency Market/Exchange Code"))
	for range 5 {
		s.Elements = append(s.Elements, nu(374, "Date/Time Qualifier"), nu(373, "Date"), nu(337, "Time"))
	}
	return s
}

// plb is a provider-level adjustment: up to six reason (PLB03-1, from the plb-reason list)
// and amount pairs. A positive amount reduces the payment. The adjustment's reference
// (PLB03-2 …) often carries a claim's control number, so it is marked as patient data.
func plb() *x12.SegmentSpec {
	s := seg("PLB", "Provider Adjustment", sit, 0,
		guide.ElAN(127, "Provider Identifier", req, 1, 50),
		guide.ElDT(373, "Fiscal Period Date", req, 8, 8))
	s.Elements = append(s.Elements, groups(6, func(u x12.Usage) []*x12.ElementSpec {
		return []*x12.ElementSpec{
			guide.ElComposite(42, "Adjustment Identifier", u,
				guide.ElID(426, "Adjustment Reason Code", req, 2, 2).WithCodeSet("plb-reason"),
				guide.ElAN(127, "Provider Adjustment Identifier", sit, 1, 50).MarkPHI()),
			guide.ElAmount("Provider Adjustment Amount", u),
		}
	})...)
	return noted(s, "P0506", "P0708", "P0910", "P1112", "P1314")
}
