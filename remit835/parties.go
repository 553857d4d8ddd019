package remit835

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// The parties of the header: the payer (1000A) and the payee (1000B). Neither is patient data.

// payer is loop 1000A: who pays, where, and whom to call — the technical contact (PER*BL) is
// required.
func payer() *x12.Loop {
	specs := []*x12.SegmentSpec{n1("Payer Identification", "PR", sit, "XV")}
	specs = append(specs, place("Payer", req)...)
	specs = append(specs,
		ref("Additional Payer Identification", 4, false, "2U", "EO", "HI", "NF"),
		contact("Payer Business Contact Information", sit, 1, "CX", sit,
			[]string{"EM", "FX", "TE"}, []string{"EM", "EX", "FX", "TE"}, []string{"EX"}),
		contact("Payer Technical Contact Information", req, 0, "BL", sit,
			[]string{"EM", "TE", "UR"}, []string{"EM", "EX", "FX", "TE", "UR"}, []string{"EM", "EX", "FX", "UR"}),
		contact("Payer Web Site", sit, 1, "IC", req, []string{"UR"}))
	return loop("1000A", "Payer Identification", req, 1, specs...)
}

// payee is loop 1000B: who is paid (by EIN, CMS plan id or NPI), with the delivery method of
// a remittance sent apart from the payment (RDM).
func payee() *x12.Loop {
	specs := []*x12.SegmentSpec{n1("Payee Identification", "PE", req, "FI", "XV", "XX")}
	specs = append(specs, place("Payee", sit)...)
	specs = append(specs,
		ref("Payee Additional Identification", 0, false, "0B", "D3", "PQ", "TJ"),
		seg("RDM", "Remittance Delivery Method", sit, 1,
			guide.ElID(756, "Report Transmission Code", req, 1, 2, "BM", "EM", "FT", "OL"),
			guide.ElAN(93, "Name", sit, 1, 60),
			guide.ElAN(364, "Communication Number", sit, 1, 256),
			nuComposite("Reference Identifier"),
			nuComposite("Reference Identifier")))
	return loop("1000B", "Payee Identification", req, 1, specs...)
}
