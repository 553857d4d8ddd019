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
	ProcRHCFQHC         = "rhc-fqhc"            // G2025, G0071, G0466–G0470 (FQHC PPS payment codes)
	ProcOriginatingSite = "originating-site"    // Q3014
	ProcProlonged       = "prolonged-service"   // 99417, G2212
	ProcEMAddOn         = "em-add-on"           // G2211: visit complexity add-on to office E/M
	ProcPsychiatry      = "psychiatry"          // 90785–90853: psychiatric evaluation and psychotherapy
	ProcOTP             = "otp"                 // G2067–G2080: opioid treatment program bundles and add-ons
	ProcOfficeOUD       = "office-oud"          // G2086–G2088: office-based opioid use disorder treatment
	ProcFacilityEM      = "facility-em"         // hospital, nursing facility, domiciliary and home E/M visits
	ProcTeleConsult     = "telehealth-consult"  // G0406–G0408, G0425–G0427, G0508, G0509: telehealth consultations
	ProcCareManagement  = "care-management"     // 99483, 99495–99498: cognitive care planning, TCM, advance care planning
	ProcEducation       = "education-nutrition" // G0108, G0109, 97802–97804, G0420, G0421, G0473: DSMT, MNT, counseling
	ProcPreventive      = "preventive"          // G0438, G0439: annual wellness visits
	ProcNeuroTesting    = "neuro-testing"       // 96116, 96121: neurobehavioral status exam
	ProcHealthBehavior  = "health-behavior"     // 96156–96171: health behavior assessment and intervention
	ProcESRD            = "esrd"                // 90951–90970: end-stage renal disease monthly and daily services
	ProcHearingVision   = "hearing-vision"      // audiology tests, cochlear implant programming, eye exams
	ProcTherapy         = "therapy"             // therapy, adaptive behavior, cognitive and self-management services
	ProcOtherListed     = "other-listed"        // other services on the Medicare telehealth list (care plan oversight, screening, prolonged care)
)

// procedureSet holds the telehealth-relevant CPT and HCPCS codes (office and home E/M,
// psychotherapy, virtual check-ins and e-visits, telephone E/M, the 98000-series, RHC/FQHC
// and OTP G-codes, the Medicare telehealth list) with their dates. Descriptions are x12kit's own short words: CPT descriptors are licensed text
// and are not reproduced. The set is Partial — it is not a CPT/HCPCS code list. Medicare's
// payment status for these codes lives in the telehealth policy's tables (telehealth.go), and
// is summarized in each Note.
//
// Confidence [V] unless the Note says otherwise. The codes of the Medicare Telehealth Services
// List, the OTP and FQHC codes and G2211 come from telehealthListProcedures, where every
// Note starts with its confidence tag and names its source.
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
	hc("G2025", ProcRHCFQHC, "RHC/FQHC distant-site telehealth (non-behavioral)", ymd{2020, 1, 27}, ymd{},
		"[S] first date of service 2020-01-27 (CARES Act section 3704, as CMS's RHC/FQHC telehealth fact sheet applies it; the policy holds the same date); Medicare payment extended through 2026-12-31 by the CY2026 PFS [V]", "")
	hc("Q3014", ProcOriginatingSite, "Telehealth originating-site facility fee", ymd{}, ymd{},
		"billed by the originating facility, separately", "")
	hc("G2212", ProcProlonged, "Prolonged outpatient E/M add-on (Medicare)", ymd{2021, 1, 1}, ymd{}, "", "")
	cs = append(cs, telehealthListProcedures()...)
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

// Sources of the codes below, written once. Each is cited by name in the Notes; the confidence
// tag in front of each Note is the one that source (or the sources together) earns.
const (
	srcCPT2013      = "CPT 2013 psychiatry revision (Tufts Health Plan CPT code changes notice; APA psych.org 'Changes to the codes'; nepsy.com on APAPO)"
	srcPre2013      = "unchanged by CPT 2013 (pimsyehr.com 'Change in CPT codes, part 2')"
	srcOTP          = "CMS CR 11353 / Transmittal 4486 (OTP codes, effective 2020-01-01); NGS 'Coding and billing for OTP services'; CMS OTP 'Billing & payment' page"
	srcOfficeOUD    = "NGS 'Coding and billing for OTP services' (office-based G2086–G2088); CY2020 PFS final rule per ABA Health Lawyer, April 2020"
	srcFQHCPPS      = "FQHC PPS final rule, 79 FR 25436 (2014-05-02, PPS from 2014-10-01); pyapc.com FQHC PPS primer; aimuph.com"
	srcG2211        = "created with the CY2021 PFS, payment delayed by the CAA 2021 (medprecisionbilling.com; outsourcestrategies.com; ksmcpa.com); payable 2024-01-01 (AAFP; Noridian JE)"
	srcCMSList2018  = "Medicare telehealth list as of 2018 (codinginstitute.com 'New telemedicine options from CMS')"
	srcCY2021       = "CY2021 PFS final rule, Category 1 additions (practice-alt.com; northwestahec.wakehealth.edu; healthlawattorneyblog.com)"
	srcCY2026       = "CY2026 PFS final rule CMS-1832-F additions (privacylawrules.com; wachlerblog.com on the proposed rule)"
	srcPHEList2021  = "CMS list of telehealth services during the PHE, as transcribed by medicalcodingrights.com (April 2021)"
	srcCY2023Cat1   = "CY2023 PFS final rule, Category 1 additions (mtelehealth.com; medicalcodingrights.com 'Telehealth updates 2023')"
	srcCY2023Cat3   = "CY2023 PFS final rule, Category 3 through CY2023 (medicalcodingrights.com 'Telehealth updates 2023'; umtrc.org: 54 codes)"
	srcCY2024List   = "CY2024 PFS final rule: Category 3 becomes 'provisional' (mtelehealth.com; manatt.com)"
	srcCY2025       = "CY2025 PFS final rule (manatt.com 'Key digital health implications of the 2025 MPFS'; mtelehealth.com on the proposed rule)"
	srcCY2026Perm   = "CY2026 PFS final rule: every provisional service accepted as permanent (manatt.com on the proposal; WEDI, privacylawrules.com on the final rule); removals, if any, not checked code by code"
	srcPHETelephone = "CMS-5531-IFC (2020-04-30): telephone E/M treated as telehealth, retroactive to 2020-03-01 (panaceainc.com)"
)

// telehealthListProcedures are the codes of the Medicare Telehealth Services List (as far as
// x12kit has sourced it: telehealthservices.go), the OTP and FQHC payment codes, G2211 and the
// psychotherapy codes they replaced, in the "procedure" set's form. Effective and Terminated are
// the code's own dates in CPT or HCPCS, not its dates on the telehealth list. A code whose first
// date no source gave has a zero Effective and says so in its Note (dateNotSourced): it was in
// use before 2020, when x12kit's Medicare rules start.
func telehealthListProcedures() []Code {
	var cs []Code
	add := func(v, cat, desc string, eff, term ymd, note, repl string) {
		cs = append(cs, Code{Value: v, Description: desc, Category: cat, Effective: eff.t(), Terminated: term.t(),
			Note: note, ReplacedBy: repl})
	}
	rng := func(lo, hi int, cat, desc string, eff, term ymd, note string) {
		for n := lo; n <= hi; n++ {
			add(itoa5(n), cat, desc, eff, term, note, "")
		}
	}
	y2013 := ymd{2013, 1, 1}

	// Psychiatric evaluation and psychotherapy (CPT 2013 structure).
	cpt2013 := "[V] " + srcCPT2013
	add("90785", ProcPsychiatry, "Interactive complexity add-on to psychiatric services", y2013, ymd{}, cpt2013, "")
	add("90791", ProcPsychiatry, "Psychiatric diagnostic evaluation without medical services", y2013, ymd{}, cpt2013, "")
	add("90792", ProcPsychiatry, "Psychiatric diagnostic evaluation with medical services", y2013, ymd{}, cpt2013, "")
	add("90832", ProcPsychiatry, "Psychotherapy with patient, 30 minutes", y2013, ymd{}, cpt2013, "")
	add("90833", ProcPsychiatry, "Psychotherapy add-on with an E/M visit, 30 minutes", y2013, ymd{}, cpt2013, "")
	add("90834", ProcPsychiatry, "Psychotherapy with patient, 45 minutes", y2013, ymd{}, cpt2013, "")
	add("90836", ProcPsychiatry, "Psychotherapy add-on with an E/M visit, 45 minutes", y2013, ymd{}, cpt2013, "")
	add("90837", ProcPsychiatry, "Psychotherapy with patient, 60 minutes", y2013, ymd{}, cpt2013, "")
	add("90838", ProcPsychiatry, "Psychotherapy add-on with an E/M visit, 60 minutes", y2013, ymd{}, cpt2013, "")
	add("90839", ProcPsychiatry, "Psychotherapy for crisis, first 60 minutes", y2013, ymd{}, cpt2013, "")
	add("90840", ProcPsychiatry, "Psychotherapy for crisis, each added 30 minutes", y2013, ymd{}, cpt2013, "")
	pre2013 := "[S] " + srcPre2013 + "; " + dateNotSourced
	add("90845", ProcPsychiatry, "Psychoanalysis", ymd{}, ymd{}, pre2013, "")
	add("90846", ProcPsychiatry, "Family psychotherapy without the patient present", ymd{}, ymd{}, pre2013, "")
	add("90847", ProcPsychiatry, "Family psychotherapy with the patient present", ymd{}, ymd{}, pre2013, "")
	add("90849", ProcPsychiatry, "Multiple-family group psychotherapy", ymd{}, ymd{}, pre2013, "")
	add("90853", ProcPsychiatry, "Group psychotherapy", ymd{}, ymd{}, pre2013, "")
	replaced := "[S] deleted by the " + srcCPT2013 + "; the old code numbers are [M]; " + dateNotSourced
	add("90801", ProcPsychiatry, "Psychiatric diagnostic interview (old code)", ymd{}, y2013, replaced, "90791 or 90792")
	add("90804", ProcPsychiatry, "Outpatient psychotherapy, 20-30 minutes (old code)", ymd{}, y2013, replaced, "90832")
	add("90806", ProcPsychiatry, "Outpatient psychotherapy, 45-50 minutes (old code)", ymd{}, y2013, replaced, "90834")
	add("90808", ProcPsychiatry, "Outpatient psychotherapy, 75-80 minutes (old code)", ymd{}, y2013, replaced, "90837")

	// Opioid treatment programs: weekly bundles and add-ons, billed only by enrolled OTPs.
	otp := "[V] " + srcOTP
	y2020 := ymd{2020, 1, 1}
	add("G2067", ProcOTP, "OTP weekly bundle: methadone", y2020, ymd{}, otp, "")
	add("G2068", ProcOTP, "OTP weekly bundle: oral buprenorphine", y2020, ymd{}, otp, "")
	add("G2069", ProcOTP, "OTP weekly bundle: injectable buprenorphine", y2020, ymd{}, otp, "")
	add("G2070", ProcOTP, "OTP weekly bundle: buprenorphine implant insertion", y2020, ymd{}, otp, "")
	add("G2071", ProcOTP, "OTP weekly bundle: buprenorphine implant removal", y2020, ymd{}, otp, "")
	add("G2072", ProcOTP, "OTP weekly bundle: buprenorphine implant insertion and removal", y2020, ymd{}, otp, "")
	add("G2073", ProcOTP, "OTP weekly bundle: extended-release injectable naltrexone", y2020, ymd{}, otp, "")
	add("G2074", ProcOTP, "OTP weekly bundle without medication", y2020, ymd{}, otp, "")
	add("G2075", ProcOTP, "OTP weekly bundle: medication not otherwise specified", y2020, ymd{}, otp, "")
	add("G2076", ProcOTP, "OTP add-on: intake activities for a new patient", y2020, ymd{}, otp, "")
	add("G2077", ProcOTP, "OTP add-on: periodic assessment", y2020, ymd{}, otp, "")
	add("G2078", ProcOTP, "OTP add-on: take-home supply of methadone", y2020, ymd{}, otp+"; BCBSNC OTP policy", "")
	add("G2079", ProcOTP, "OTP add-on: take-home supply of oral buprenorphine", y2020, ymd{}, otp+"; BCBSNC OTP policy", "")
	add("G2080", ProcOTP, "OTP add-on: additional counseling or therapy", y2020, ymd{}, otp, "")
	oud := "[S] " + srcOfficeOUD
	add("G2086", ProcOfficeOUD, "Office-based OUD treatment, first month", y2020, ymd{}, oud, "")
	add("G2087", ProcOfficeOUD, "Office-based OUD treatment, later month", y2020, ymd{}, oud, "")
	add("G2088", ProcOfficeOUD, "Office-based OUD treatment, each added 30 minutes", y2020, ymd{}, oud, "")

	// FQHC prospective payment system: the visit codes an FQHC reports on its 837I.
	fqhc := "[V] " + srcFQHCPPS
	pps := ymd{2014, 10, 1}
	add("G0466", ProcRHCFQHC, "FQHC visit, new patient", pps, ymd{}, fqhc, "")
	add("G0467", ProcRHCFQHC, "FQHC visit, established patient", pps, ymd{}, fqhc, "")
	add("G0468", ProcRHCFQHC, "FQHC visit, initial preventive exam or annual wellness visit", pps, ymd{}, fqhc, "")
	add("G0469", ProcRHCFQHC, "FQHC visit, mental health, new patient", pps, ymd{}, fqhc, "")
	add("G0470", ProcRHCFQHC, "FQHC visit, mental health, established patient", pps, ymd{}, fqhc, "")

	// The office E/M complexity add-on: a valid HCPCS code from 2021, paid by Medicare from 2024.
	add("G2211", ProcEMAddOn, "Visit complexity add-on to an office or outpatient E/M visit", ymd{2021, 1, 1}, ymd{},
		"[V] "+srcG2211+"; Medicare: not payable before 2024-01-01", "")

	// Hospital, nursing facility, domiciliary and home E/M.
	mem := func(what string) string { return "[M] " + what + "; " + dateNotSourced }
	rng(99231, 99233, ProcFacilityEM, "Subsequent hospital inpatient or observation care", ymd{}, ymd{}, mem("long-standing CPT E/M"))
	rng(99307, 99310, ProcFacilityEM, "Subsequent nursing facility care", ymd{}, ymd{}, mem("long-standing CPT E/M"))
	rng(99281, 99285, ProcFacilityEM, "Emergency department visit", ymd{}, ymd{}, mem("long-standing CPT E/M"))
	for _, v := range []string{"99334", "99335"} {
		add(v, ProcFacilityEM, "Domiciliary or rest home visit, established patient (old code)", ymd{}, ymd{2023, 1, 1},
			mem("deleted 2023-01-01 when CPT merged domiciliary into home visits, from memory"), "99347-99350")
	}
	rng(99347, 99350, ProcFacilityEM, "Home or residence visit, established patient", ymd{}, ymd{}, mem("long-standing CPT E/M"))

	// Telehealth consultations (HCPCS codes made for telehealth).
	add("G0406", ProcTeleConsult, "Follow-up inpatient telehealth consultation, limited", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0407", ProcTeleConsult, "Follow-up inpatient telehealth consultation, intermediate", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0408", ProcTeleConsult, "Follow-up inpatient telehealth consultation, complex", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0425", ProcTeleConsult, "Initial telehealth consultation, emergency or inpatient, about 30 minutes", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0426", ProcTeleConsult, "Initial telehealth consultation, emergency or inpatient, about 50 minutes", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0427", ProcTeleConsult, "Initial telehealth consultation, emergency or inpatient, 70 minutes or more", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0508", ProcTeleConsult, "Critical care telehealth consultation, initial", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0509", ProcTeleConsult, "Critical care telehealth consultation, subsequent", ymd{}, ymd{}, mem(srcCMSList2018), "")

	// Care management.
	add("99483", ProcCareManagement, "Cognitive assessment and care planning", ymd{}, ymd{}, mem("CPT code, on the list from 2021 ("+srcCY2021+")"), "")
	add("99495", ProcCareManagement, "Transitional care management, moderate complexity", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("99496", ProcCareManagement, "Transitional care management, high complexity", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("99497", ProcCareManagement, "Advance care planning, first 30 minutes", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("99498", ProcCareManagement, "Advance care planning, each added 30 minutes", ymd{}, ymd{}, mem(srcCMSList2018), "")

	// Self-management training, nutrition therapy, education and counseling; wellness visits.
	add("G0108", ProcEducation, "Diabetes self-management training, individual, per 30 minutes", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0109", ProcEducation, "Diabetes self-management training, group, per 30 minutes", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("97802", ProcEducation, "Medical nutrition therapy, initial, individual, each 15 minutes", ymd{}, ymd{}, mem("long-standing CPT code"), "")
	add("97803", ProcEducation, "Medical nutrition therapy, reassessment, individual, each 15 minutes", ymd{}, ymd{}, mem("long-standing CPT code"), "")
	add("97804", ProcEducation, "Medical nutrition therapy, group, each 30 minutes", ymd{}, ymd{}, mem("long-standing CPT code"), "")
	add("G0420", ProcEducation, "Kidney disease education, individual, per session", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0421", ProcEducation, "Kidney disease education, group, per session", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0473", ProcEducation, "Group behavioral counseling for obesity, 30 minutes", ymd{}, ymd{}, mem("HCPCS code, on the list from 2026 ("+srcCY2026+")"), "")
	add("G0438", ProcPreventive, "Annual wellness visit, initial", ymd{}, ymd{}, mem(srcCMSList2018), "")
	add("G0439", ProcPreventive, "Annual wellness visit, subsequent", ymd{}, ymd{}, mem(srcCMSList2018), "")

	// Testing and health behavior services.
	add("96116", ProcNeuroTesting, "Neurobehavioral status exam, first hour", ymd{}, ymd{}, mem("long-standing CPT code"), "")
	add("96121", ProcNeuroTesting, "Neurobehavioral status exam, each added hour", ymd{}, ymd{}, mem("CPT 2019 from memory; on the list from 2021 ("+srcCY2021+")"), "")
	for _, v := range []string{"96156", "96158", "96159", "96164", "96165", "96167", "96168"} {
		add(v, ProcHealthBehavior, "Health behavior assessment or intervention", ymd{}, ymd{},
			mem("CPT 2020 from memory, replacing 96150–96155"), "")
	}

	// Added to the list by the CY2023 PFS (Category 1) and CY2024, CY2025 (permanent); new HCPCS codes.
	cy2023 := "[S] " + srcCY2023Cat1
	add("G0316", ProcOtherListed, "Prolonged hospital inpatient or observation care, each 15 minutes", ymd{2023, 1, 1}, ymd{}, cy2023, "")
	add("G0317", ProcOtherListed, "Prolonged nursing facility care, each 15 minutes", ymd{2023, 1, 1}, ymd{}, cy2023, "")
	add("G0318", ProcOtherListed, "Prolonged home or residence care, each 15 minutes", ymd{2023, 1, 1}, ymd{}, cy2023, "")
	add("G3002", ProcOtherListed, "Chronic pain management and treatment, first 30 minutes of a month", ymd{2023, 1, 1}, ymd{}, cy2023, "")
	add("G3003", ProcOtherListed, "Chronic pain management and treatment, each added 15 minutes", ymd{2023, 1, 1}, ymd{}, cy2023, "")
	add("G0136", ProcOtherListed, "Social determinants of health risk assessment, 5-15 minutes", ymd{2024, 1, 1}, ymd{},
		"[S] new stand-alone G-code of the CY2024 PFS (nixonlawgroup.com; hooperlundy.com)", "")
	add("G0011", ProcOtherListed, "Individual counseling for HIV pre-exposure prophylaxis", ymd{}, ymd{}, mem("on the list from 2025 ("+srcCY2025+")"), "")
	add("G0013", ProcOtherListed, "Individual counseling for HIV pre-exposure prophylaxis with a preventive visit", ymd{}, ymd{}, mem("on the list from 2025 ("+srcCY2025+")"), "")
	for _, v := range []string{"G0539", "G0540", "G0541", "G0542", "G0543"} {
		add(v, ProcTherapy, "Caregiver training without the patient (HCPCS)", ymd{2025, 1, 1}, ymd{},
			"[S] new for 2025: placeholders GCTD1-3 and GCTB1-2 in the proposed rule ("+srcCY2025+")", "")
	}
	for _, v := range []string{"97550", "97551", "97552"} {
		add(v, ProcTherapy, "Caregiver training in strategies and techniques, without the patient (CPT)", ymd{}, ymd{},
			mem("CPT caregiver training; on the list from 2025 ("+srcCY2025+")"), "")
	}
	add("96202", ProcTherapy, "Multiple-family group behavior management training, first 60 minutes", ymd{}, ymd{}, mem("on the list from 2025 ("+srcCY2025+")"), "")
	add("96203", ProcTherapy, "Multiple-family group behavior management training, each added 15 minutes", ymd{}, ymd{}, mem("on the list from 2025 ("+srcCY2025+")"), "")

	// Category 3 services of the CY2023 PFS: the list's provisional part in 2023–2025.
	// Descriptions are x12kit's own from memory; the codes are those the sources list.
	cat3 := func(v, cat, desc string) {
		add(v, cat, desc, ymd{}, ymd{}, mem("kept on the list as Category 3 by the CY2023 PFS ("+srcCY2023Cat3+")"), "")
	}
	cat3("90875", ProcTherapy, "Psychophysiological therapy with biofeedback, 30 minutes")
	cat3("90901", ProcTherapy, "Biofeedback training, any modality")
	cat3("92012", ProcHearingVision, "Eye examination, established patient, intermediate")
	cat3("92014", ProcHearingVision, "Eye examination, established patient, comprehensive")
	cat3("92550", ProcHearingVision, "Tympanometry and reflex threshold measurements")
	cat3("92552", ProcHearingVision, "Pure tone audiometry, air only")
	cat3("92553", ProcHearingVision, "Pure tone audiometry, air and bone")
	cat3("92555", ProcHearingVision, "Speech audiometry threshold")
	cat3("92556", ProcHearingVision, "Speech audiometry threshold with speech recognition")
	cat3("92557", ProcHearingVision, "Comprehensive audiometry threshold evaluation and speech recognition")
	cat3("92563", ProcHearingVision, "Tone decay test")
	cat3("92567", ProcHearingVision, "Tympanometry")
	cat3("92568", ProcHearingVision, "Acoustic reflex testing, threshold")
	cat3("92570", ProcHearingVision, "Acoustic immittance testing")
	cat3("92587", ProcHearingVision, "Distortion product evoked otoacoustic emissions, limited")
	cat3("92588", ProcHearingVision, "Distortion product evoked otoacoustic emissions, comprehensive")
	cat3("92601", ProcHearingVision, "Cochlear implant programming, patient under 7 years, first")
	cat3("92625", ProcHearingVision, "Tinnitus assessment")
	cat3("92626", ProcHearingVision, "Auditory rehabilitation status evaluation, first hour")
	cat3("92627", ProcHearingVision, "Auditory rehabilitation status evaluation, each added 15 minutes")
	cat3("94005", ProcOtherListed, "Home ventilator management care plan oversight")
	cat3("95970", ProcOtherListed, "Neurostimulator analysis without programming")
	cat3("95983", ProcOtherListed, "Brain neurostimulator analysis with programming, first 15 minutes")
	cat3("95984", ProcOtherListed, "Brain neurostimulator analysis with programming, each added 15 minutes")
	cat3("96105", ProcNeuroTesting, "Assessment of aphasia")
	cat3("96110", ProcNeuroTesting, "Developmental screening with a standardized instrument")
	cat3("96112", ProcNeuroTesting, "Developmental test administration, first hour")
	cat3("96113", ProcNeuroTesting, "Developmental test administration, each added 30 minutes")
	cat3("96127", ProcNeuroTesting, "Brief emotional or behavioral assessment")
	cat3("96170", ProcHealthBehavior, "Health behavior intervention, family without the patient, first 30 minutes")
	cat3("96171", ProcHealthBehavior, "Health behavior intervention, family without the patient, each added 15 minutes")
	cat3("97129", ProcTherapy, "Therapeutic interventions for cognitive function, first 15 minutes")
	cat3("97130", ProcTherapy, "Therapeutic interventions for cognitive function, each added 15 minutes")
	cat3("97150", ProcTherapy, "Therapeutic procedures, group")
	cat3("97151", ProcTherapy, "Behavior identification assessment, each 15 minutes")
	cat3("97152", ProcTherapy, "Behavior identification supporting assessment, each 15 minutes")
	cat3("97153", ProcTherapy, "Adaptive behavior treatment by protocol, each 15 minutes")
	cat3("97154", ProcTherapy, "Group adaptive behavior treatment by protocol, each 15 minutes")
	cat3("97155", ProcTherapy, "Adaptive behavior treatment with protocol modification, each 15 minutes")
	cat3("97156", ProcTherapy, "Family adaptive behavior treatment guidance, each 15 minutes")
	cat3("97157", ProcTherapy, "Multiple-family group adaptive behavior treatment guidance, each 15 minutes")
	cat3("97158", ProcTherapy, "Group adaptive behavior treatment with protocol modification, each 15 minutes")
	cat3("97530", ProcTherapy, "Therapeutic activities, each 15 minutes")
	cat3("97537", ProcTherapy, "Community or work reintegration training, each 15 minutes")
	cat3("97542", ProcTherapy, "Wheelchair management, each 15 minutes")
	cat3("97763", ProcTherapy, "Orthotic or prosthetic management and training, subsequent encounter")
	cat3("98960", ProcEducation, "Self-management education and training, individual, each 30 minutes")
	cat3("98961", ProcEducation, "Self-management education and training, 2-4 patients, each 30 minutes")
	cat3("98962", ProcEducation, "Self-management education and training, 5-8 patients, each 30 minutes")
	cat3("99473", ProcOtherListed, "Self-measured blood pressure: patient education and device calibration")
	cat3("0362T", ProcTherapy, "Behavior identification supporting assessment (Category III)")
	cat3("0373T", ProcTherapy, "Adaptive behavior treatment with protocol modification (Category III)")

	// End-stage renal disease services.
	rng(90951, 90970, ProcESRD, "ESRD-related services, monthly or daily, by age and number of visits", ymd{}, ymd{},
		mem("long-standing CPT codes; the telehealth subset is on the 2018 list ("+srcCMSList2018+")"))
	return cs
}
