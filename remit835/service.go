package remit835

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Service lines: loop 2110, one per adjudicated line of a claim.

// service is loop 2110: the line's procedure as paid, its date(s), adjustments, identifiers,
// allowed amount and remark codes.
func service() *x12.Loop {
	return loop("2110", "Service Payment Information", sit, 999,
		svc(),
		dtm("Service Date", 2, true, "150", "151", "472"),
		cas("Service Adjustment"),
		ref("Service Identification", 8, false, "1S", "APC", "BB", "E9", "G1", "G3", "LU", "RB"),
		ref("Line Item Control Number", 1, false, "6R"),
		ref("Rendering Provider Information", 10, false,
			"0B", "1A", "1B", "1C", "1D", "1G", "1H", "1J", "D3", "G2", "HPI", "SY", "TJ"),
		ref("HealthCare Policy Identification", 5, false, "0K"),
		amt("Service Supplemental Amount", 9, "B6", "KH", "T", "T2", "ZK", "ZL", "ZM", "ZN", "ZO"),
		qty("Service Supplemental Quantity", 6, "ZK", "ZL", "ZM", "ZN", "ZO"),
		noted(seg("LQ", "Health Care Remark Codes", sit, 99,
			guide.ElID(1270, "Code List Qualifier Code", req, 1, 3, "HE", "RX"),
			guide.ElAN(1271, "Remark Code", req, 1, 30).WithCodeSet("rarc")), "C0102"))
}

// procedure is a C003 composite: the product/service qualifier, the code and up to four
// modifiers. description is the usage of the description (C003-07).
func procedure(name string, u, description x12.Usage, quals ...string) *x12.ElementSpec {
	modifier := func() *x12.ElementSpec {
		return guide.ElAN(1339, "Procedure Modifier", sit, 2, 2).WithCodeSet("modifier")
	}
	return guide.ElComposite(3, name, u,
		guide.ElID(235, "Product or Service ID Qualifier", req, 2, 2, quals...),
		guide.ElAN(234, "Procedure Code", req, 1, 48),
		modifier(), modifier(), modifier(), modifier(),
		guide.ElAN(352, "Description", description, 1, 80),
		nu(234, "Product/Service ID"))
}

// svc is the service payment: the procedure as adjudicated (SVC01), charge, payment, revenue
// code, units paid, and the procedure as submitted (SVC06) when the payer changed it.
func svc() *x12.SegmentSpec {
	return seg("SVC", "Service Payment Information", req, 1,
		procedure("Composite Medical Procedure Identifier", req, unused,
			"AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU", "UI", "WK"),
		guide.ElAmount("Line Item Charge Amount", req),
		guide.ElAmount("Line Item Provider Payment Amount", req),
		guide.ElAN(234, "National Uniform Billing Committee Revenue Code", sit, 1, 48),
		count("Units of Service Paid Count", sit),
		procedure("Submitted Medical Procedure Identifier", sit, sit,
			"AD", "ER", "HC", "HP", "IV", "N4", "NU", "WK"),
		count("Original Units of Service Count", sit))
}
