package codes

import (
	"fmt"
	"time"
)

// Procedure families (Code.Category of the "procedure" set).
const (
	ProcOfficeEM        = "office-em"           // 99202–99215: Medicare's telehealth E/M codes
	ProcTelemedicineEM  = "telemedicine-em"     // 98000–98015: CPT 2025 telemedicine E/M
	ProcTelephoneEM     = "telephone-em"        // 99441–99443, 98966–98968
	ProcDigitalEM       = "online-digital-em"   // 99421–99423, 98970–98972: portal visits, not telehealth
	ProcVirtualCheckIn  = "virtual-check-in"    // G2012, G2252, 98016, G2251
	ProcRemoteImage     = "remote-image-review" // G2010, G2250
	ProcRHCFQHC         = "rhc-fqhc"            // G2025, G0071
	ProcOriginatingSite = "originating-site"    // Q3014
	ProcProlonged       = "prolonged-service"   // 99417, G2212
)

// procedureSet holds the telehealth-relevant CPT and HCPCS codes of domain.md §3.3 with
// their dates. Descriptions are x12kit's own short words: CPT descriptors are licensed text
// and are not reproduced. The set is Partial — it is not a CPT/HCPCS code list. Medicare's
// payment status for these codes lives in the telehealth policy's tables (telehealth.go), and
// is summarized in each Note.
//
// Confidence [V] unless the Note says otherwise.
func procedureSet() *Set {
	var cs []Code
	em := func(lo, hi int, cat, desc string, eff, term ymd, note, repl string) {
		for n := lo; n <= hi; n++ {
			cs = append(cs, Code{Value: itoa5(n), Description: desc, Category: cat,
				Effective: eff.t(), Terminated: term.t(), Note: note, ReplacedBy: repl})
		}
	}
	em(99201, 99201, ProcOfficeEM, "Office visit, new patient, lowest level", ymd{}, ymd{2021, 1, 1},
		"deleted 2021-01-01 (CPT 2021 E/M revision)", "99202")
	em(99202, 99205, ProcOfficeEM, "Office or outpatient visit, new patient", ymd{}, ymd{},
		"Medicare: payable, on the telehealth list; levels by MDM or time", "")
	em(99211, 99215, ProcOfficeEM, "Office or outpatient visit, established patient", ymd{}, ymd{},
		"Medicare: payable, on the telehealth list", "")
	em(99444, 99444, ProcDigitalEM, "Online E/M by physician (old code)", ymd{}, ymd{2020, 1, 1},
		"[M] replaced by 99421–99423 on 2020-01-01", "99421")
	em(99421, 99423, ProcDigitalEM, "Online digital E/M over 7 days, established patient", ymd{2020, 1, 1}, ymd{},
		"Medicare: payable; not a telehealth service (no POS 02/10, no 95)", "")
	em(98970, 98972, ProcDigitalEM, "Online digital assessment by a non-physician professional", ymd{2020, 1, 1}, ymd{},
		"[M] Medicare: payable; not a telehealth service", "")
	em(99441, 99443, ProcTelephoneEM, "Telephone E/M by physician or QHP", ymd{2008, 1, 1}, ymd{2025, 1, 1},
		"deleted 2025-01-01; Medicare status in 2024 unconfirmed [?]", "98008-98015 or 99202-99215 with 93")
	em(98966, 98968, ProcTelephoneEM, "Telephone assessment by a non-physician professional", ymd{2008, 1, 1}, ymd{},
		"[S] still active; Medicare payable", "")
	em(98000, 98003, ProcTelemedicineEM, "Telemedicine E/M over audio and video, new patient", ymd{2025, 1, 1}, ymd{},
		"Medicare: status I, not paid (2025, 2026; 2027 unverified [?])", "")
	em(98004, 98007, ProcTelemedicineEM, "Telemedicine E/M over audio and video, established patient", ymd{2025, 1, 1}, ymd{},
		"Medicare: status I, not paid (2025, 2026; 2027 unverified [?])", "")
	em(98008, 98011, ProcTelemedicineEM, "Telemedicine E/M audio-only, new patient", ymd{2025, 1, 1}, ymd{},
		"Medicare: status I, not paid (2025, 2026; 2027 unverified [?])", "")
	em(98012, 98015, ProcTelemedicineEM, "Telemedicine E/M audio-only, established patient", ymd{2025, 1, 1}, ymd{},
		"Medicare: status I, not paid (2025, 2026; 2027 unverified [?])", "")
	em(98016, 98016, ProcVirtualCheckIn, "Brief virtual check-in, established patient, 5–10 minutes", ymd{2025, 1, 1}, ymd{},
		"Medicare: payable; replaces G2012", "")
	em(99417, 99417, ProcProlonged, "Prolonged outpatient E/M add-on (CPT)", ymd{2021, 1, 1}, ymd{},
		"[S] also used with the 98000 series per CPT", "")
	hc := func(v, cat, desc string, eff, term ymd, note, repl string) {
		cs = append(cs, Code{Value: v, Description: desc, Category: cat, Effective: eff.t(), Terminated: term.t(),
			Note: note, ReplacedBy: repl})
	}
	hc("G2012", ProcVirtualCheckIn, "Virtual check-in, 5–10 minutes", ymd{2019, 1, 1}, ymd{2025, 1, 1},
		"deleted 2025-01-01", "98016")
	hc("G2252", ProcVirtualCheckIn, "Virtual check-in, 11–20 minutes", ymd{2021, 1, 1}, ymd{}, "Medicare: payable", "")
	hc("G2010", ProcRemoteImage, "Remote review of recorded video or images, established patient", ymd{2019, 1, 1}, ymd{},
		"Medicare: payable; store-and-forward, not a telehealth service", "")
	hc("G2250", ProcRemoteImage, "Remote image review by a non-physician professional", ymd{2021, 1, 1}, ymd{}, "[S] APTA", "")
	hc("G2251", ProcVirtualCheckIn, "Virtual check-in by a non-physician professional", ymd{2021, 1, 1}, ymd{}, "[S] APTA", "")
	hc("G0071", ProcRHCFQHC, "RHC/FQHC virtual communication services", ymd{2019, 1, 1}, ymd{},
		"digital assessments removed 2023-05-12; status after 2025 unconfirmed [?]", "")
	hc("G2025", ProcRHCFQHC, "RHC/FQHC distant-site telehealth (non-behavioral)", ymd{2020, 1, 1}, ymd{},
		"[M] start month; Medicare payment extended through 2026-12-31 by the CY2026 PFS [V]", "")
	hc("Q3014", ProcOriginatingSite, "Telehealth originating-site facility fee", ymd{}, ymd{},
		"billed by the originating facility, separately", "")
	hc("G2212", ProcProlonged, "Prolonged outpatient E/M add-on (Medicare)", ymd{2021, 1, 1}, ymd{}, "", "")
	s := NewSet("procedure", "Telehealth-relevant CPT and HCPCS Level II codes (SV101-2)", reviewed, cs...)
	s.Partial = true
	return s
}

// ymd is a calendar date written compactly in tables: ymd{2025, 1, 1}. The zero ymd is
// "no date" (an open end).
type ymd struct {
	y, m, d int
}

func (d ymd) t() (t time.Time) {
	if d == (ymd{}) {
		return t
	}
	return date(d.y, time.Month(d.m), d.d)
}

func itoa5(n int) string { return fmt.Sprintf("%05d", n) }
