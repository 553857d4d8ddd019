package eligibility

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Segment builders shared by the 270 and the 271: each returns a fresh SegmentSpec for one use
// of a segment, so the two guides (and the subscriber and dependent levels) state each shape
// once and differ only in the codes and usages they pass.

const (
	req    = x12.Required
	sit    = x12.Situational
	unused = x12.NotUsed
)

// The x12 guide builders, under the short names this guide reads best with.
var (
	seg       = guide.NewSegmentSpec
	qualified = guide.Qualify
	phiIf     = guide.PHIIf
	loop      = guide.NewLoop
	segs      = guide.Segs
	hl        = guide.HLSpec
)

// bht is the BHT of both guides; transactionType lists BHT06 (none: not used).
func bht(purposes []string, transactionType ...string) *x12.SegmentSpec {
	s := seg("BHT", "Beginning of Hierarchical Transaction", req, 1,
		guide.ElID(1005, "Hierarchical Structure Code", req, 4, 4, "0022"),
		guide.ElID(353, "Transaction Set Purpose Code", req, 2, 2, purposes...),
		guide.ElAN(127, "Submitter Transaction Identifier", sit, 1, 50),
		guide.ElDT(373, "Transaction Set Creation Date", req, 8, 8),
		guide.ElTM(337, "Transaction Set Creation Time", req, 4, 8))
	if len(transactionType) > 0 {
		s.Elements = append(s.Elements, guide.ElID(640, "Transaction Type Code", sit, 2, 2, transactionType...))
	}
	return s
}

// nm1 is an NM1 use for a party; NM104, NM105 and NM107 are situational in every use of both
// guides.
func nm1(name string, p guide.Party) *x12.SegmentSpec {
	p.Given = sit
	return guide.NM1Spec(name, req, p)
}

// ref is a REF use told apart by REF01; description is the usage of REF03.
func ref(name string, maxUse int, description x12.Usage, phi bool, quals ...string) *x12.SegmentSpec {
	return guide.REFSpec(name, sit, maxUse, phi, description, quals...)
}

// n3 is an address's N3, situational wherever this guide has one.
func n3(name string, phi bool) *x12.SegmentSpec { return guide.N3Spec(name, sit, phi) }

// n4 is a city, state and ZIP; region says whether N405/N406 (a DOD health service region)
// may be sent.
func n4(name string, phi, region bool) *x12.SegmentSpec {
	locUsage, locCodes := unused, []string{"CY", "FI"}
	if region {
		locUsage, locCodes = sit, []string{"RJ"}
	}
	s := seg("N4", name, sit, 1,
		phiIf(phi, guide.ElAN(19, "City Name", req, 2, 30)),
		guide.ElID(156, "State or Province Code", sit, 2, 2).WithCodeSet("us-state"),
		phiIf(phi, guide.ElID(116, "Postal Code", sit, 3, 15)),
		guide.ElID(26, "Country Code", sit, 2, 3),
		guide.ElID(309, "Location Qualifier", locUsage, 1, 2, locCodes...),
		guide.ElAN(310, "Location Identifier", locUsage, 1, 30),
		guide.ElID(1715, "Country Subdivision Code", sit, 1, 3))
	s.Syntax = x12.ParseSyntax("C0605", "C0704", "E0207")
	return s
}

// providerCodes are PRV01's values (SB, student, only for the information receiver).
var providerCodes = []string{"AD", "AT", "BI", "CO", "CV", "H", "HH", "LA", "OT", "P1", "P2", "PC", "PE", "R", "RF", "SK", "SU"}

// prv is provider information; PRV02 lists its reference qualifiers.
func prv(name string, codes []string, quals ...string) *x12.SegmentSpec {
	s := seg("PRV", name, sit, 1,
		guide.ElID(1221, "Provider Code", req, 1, 3, codes...),
		guide.ElID(128, "Reference Identification Qualifier", sit, 2, 3, quals...),
		guide.ElAN(127, "Provider Identifier", sit, 1, 50))
	s.Syntax = x12.ParseSyntax("P0203")
	return s
}

// dmg is a person's birth date and gender: always patient data.
func dmg(name string, genders ...string) *x12.SegmentSpec {
	s := seg("DMG", name, sit, 1,
		guide.ElID(1250, "Date Time Period Format Qualifier", sit, 2, 3, "D8"),
		guide.ElDT(1251, "Birth Date", sit, 8, 8).MarkPHI(),
		guide.ElID(1068, "Gender Code", sit, 1, 1, genders...).MarkPHI())
	s.Syntax = x12.ParseSyntax("P0102")
	return s
}

// insUnused are INS05 to INS16, which neither guide uses.
func insUnused() []*x12.ElementSpec {
	return []*x12.ElementSpec{
		guide.ElID(1216, "Benefit Status Code", unused, 1, 1),
		guide.ElID(1218, "Medicare Plan Code", unused, 1, 1),
		guide.ElID(1219, "COBRA Qualifying Event Code", unused, 1, 2),
		guide.ElID(584, "Employment Status Code", unused, 2, 2),
		guide.ElID(1220, "Student Status Code", unused, 1, 1),
		guide.ElID(1073, "Handicap Indicator", unused, 1, 1),
		guide.ElID(1250, "Date Time Period Format Qualifier", unused, 2, 3),
		guide.ElAN(1251, "Date Time Period", unused, 1, 35),
		guide.ElID(1165, "Confidentiality Code", unused, 1, 1),
		guide.ElAN(19, "City Name", unused, 2, 30),
		guide.ElID(156, "State or Province Code", unused, 2, 2),
		guide.ElID(26, "Country Code", unused, 2, 3),
	}
}

// ins is the member's relationship to the subscriber (and birth sequence for multiple births);
// maintenance says whether the 271's INS03/INS04 (a changed identity: "001", "25") may be sent.
func ins(name, insured string, maintenance bool, birthSequence x12.Usage, relations ...string) *x12.SegmentSpec {
	mUsage := unused
	if maintenance {
		mUsage = sit
	}
	els := []*x12.ElementSpec{
		guide.ElID(1073, "Insured Indicator", req, 1, 1, insured),
		guide.ElID(1069, "Individual Relationship Code", req, 2, 2, relations...),
		guide.ElID(875, "Maintenance Type Code", mUsage, 3, 3, "001"),
		guide.ElID(1203, "Maintenance Reason Code", mUsage, 2, 3, "25"),
	}
	els = append(els, insUnused()...)
	els = append(els, guide.ElN0(1470, "Birth Sequence Number", birthSequence, 1, 9))
	return seg("INS", name, sit, 1, els...)
}

// diagnosis is one C022 of HI: a diagnosis code with its code list qualifier.
func diagnosis(u x12.Usage, quals ...string) *x12.ElementSpec {
	return guide.ElComposite(22, "Health Care Code Information", u,
		guide.ElID(1270, "Diagnosis Type Code", req, 1, 3, quals...),
		guide.ElAN(1271, "Diagnosis Code", req, 1, 30).MarkPHI())
}

// hi is up to eight diagnosis codes: the principal one (ICD-10 ABK, ICD-9 BK) first.
func hi(name string) *x12.SegmentSpec {
	s := seg("HI", name, sit, 1, diagnosis(req, "ABK", "BK"))
	for range 7 {
		s.Elements = append(s.Elements, diagnosis(sit, "ABF", "BF"))
	}
	for range 4 {
		s.Elements = append(s.Elements, guide.ElComposite(22, "Health Care Code Information", unused,
			guide.ElID(1270, "Code List Qualifier Code", req, 1, 3)))
	}
	return s
}

// dtp is a date (D8) or date range (RD8) told apart by DTP01.
func dtp(name string, maxUse int, quals ...string) *x12.SegmentSpec {
	return guide.DTPSpec(name, sit, maxUse, []string{"D8", "RD8"}, quals...)
}

// trn is a trace number: TRN01 1 (sent by the originator) or 2 (echoed by the source).
func trn(name string, maxUse int, types ...string) *x12.SegmentSpec {
	return seg("TRN", name, sit, maxUse,
		guide.ElID(481, "Trace Type Code", req, 1, 2, types...),
		guide.ElAN(127, "Trace Number", req, 1, 50),
		guide.ElAN(509, "Trace Assigning Entity Identifier", req, 10, 10),
		guide.ElAN(127, "Trace Assigning Entity Additional Identifier", sit, 1, 50))
}

// per is a contact (PER01 IC) with up to three numbers; later numbers may also be an
// extension (EX).
func per(name string, numbers ...string) *x12.SegmentSpec {
	more := append(append([]string(nil), numbers...), "EX")
	return guide.PERSpec(name, sit, 3, guide.Contact{Functions: []string{"IC"}, Name: sit,
		Numbers: [3]guide.Numbers{{Usage: sit, Codes: numbers}, {Usage: sit, Codes: more}, {Usage: sit, Codes: more}}})
}

// aaa is a request validation: why the source could not answer (AAA03, from this loop's own
// list) and what the receiver should do next (AAA04).
func aaa(name string, reasons, followUps []string) *x12.SegmentSpec {
	return seg("AAA", name, sit, 9,
		guide.ElID(1073, "Valid Request Indicator", req, 1, 1, "N", "Y"),
		guide.ElID(559, "Agency Qualifier Code", unused, 2, 2),
		guide.ElID(901, "Reject Reason Code", req, 2, 2, reasons...).WithCodeSet("aaa-reject-reason"),
		guide.ElID(889, "Follow-up Action Code", req, 1, 1, followUps...).WithCodeSet("aaa-follow-up"))
}

// mpi is a member's military personnel information (271).
func mpi(name string) *x12.SegmentSpec {
	s := seg("MPI", name, sit, 1,
		guide.ElID(1201, "Information Status Code", req, 1, 1, "A", "C", "L", "O", "P", "S", "T"),
		guide.ElID(584, "Employment Status Code", req, 2, 2, "AE", "AO", "AS", "AT", "AU", "CC", "DD", "HD", "IR", "LX", "PE", "RE", "RM", "RR", "RU"),
		guide.ElID(1595, "Government Service Affiliation Code", req, 1, 1, "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "Q", "R", "S", "U", "W"),
		guide.ElAN(352, "Description", sit, 1, 80),
		guide.ElID(1596, "Military Service Rank Code", sit, 2, 2),
		guide.ElID(1250, "Date Time Period Format Qualifier", sit, 2, 3, "D8", "RD8"),
		guide.ElAN(1251, "Date Time Period", sit, 1, 35))
	s.Syntax = x12.ParseSyntax("P0607")
	return s
}
