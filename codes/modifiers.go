package codes

// Modifier categories.
const (
	ModTelehealth = "telehealth" // how a remote service was delivered
	ModPayment    = "payment"    // liability notices, distinct services, medical necessity
	ModAnatomic   = "anatomic"
	ModComponent  = "component"
)

// dateNotSourced is written in the Note of every modifier (and procedure) whose Effective date
// is zero because no source gave its first date: the zero date then means "valid before this
// table's history starts", not a date anyone published.
const dateNotSourced = "first date not sourced"

// modifierSet holds the procedure modifiers billing uses on telehealth and common professional
// claims (SV101-3..6). It is not the whole CPT/HCPCS modifier list (Partial).
//
// Every entry's Note starts with its confidence tag and names where its dates come from.
// Meanings are [V] (FCSO, Novitas, NGS, Noridian modifier pages). Dates:
//   - 95: CPT 2017 with Appendix P [V: AAPC Emergency Medicine Coding Alert "CPT adds new
//     modifier 95"; IDSA note "New CPT modifier for telemedicine services, new for 2017";
//     AASM "Telemedicine codes"].
//   - 93: 2022-01-01 [V: AMA "CPT Appendix T and modifier 93"; AAFP FPM Getting Paid blog,
//     2021-12-29; ISMS 2022-01-07].
//   - FQ, FR, FS, FT: 2022-01-01 [S: the HCPCS Level II modifier table at hcpcs.codes/modifiers;
//     FS and FT also Part B News, 2022 HCPCS release]. FR was not in use in 2019: no source
//     seen dates it before 2022 (the audit's "active in 2019" is unsupported [?]).
//   - G0: 2019-01-01 [V: NGS "G0 modifier required for telehealth for individuals with acute
//     stroke"; Noridian JE "Modifier G0" (MM11043); Transmittal 2142].
//   - XE, XP, XS, XU: 2015-01-01 [V: CMS Transmittal 1422 as reported by Xifin (2014-11-26,
//     2015-02-26), Rapid Return Medical Billing, MedPrecision].
//   - CR: dates of service from 2005-08-21 [S: CMS disaster-claims guidance as transcribed by
//     medicalbillingcptmodifiers.com; Noridian "Modifier CR" (CR 6451, mandatory from 2009-08-31)].
//   - CS: created for the 2010 Gulf oil spill, reworded for COVID-19 testing-related cost
//     sharing from 2020-03-18 [V: Palmetto GBA "HCPCS modifier CS"; AAPC; CodingIntel].
//
// The others — the CPT modifiers (24, 25, 26, 50, 57, 59, 76, 77) and GT, GQ, GA, GY, GZ, KX,
// LT, RT, TC — are long-standing; no source seen gives their first date, so Effective is zero
// and the Note says so (dateNotSourced). None of these modifiers has been deleted. The
// proposed 2027 platform modifiers BB/BC are not shipped: their final status is unverified
// (the CY2027 PFS final rule was not reviewed).
func modifierSet() *Set {
	s := NewSet("modifier", "Procedure modifiers used in telehealth and common professional billing (SV101-3..6)", reviewed,
		Code{Value: "95", Description: "Synchronous telemedicine over real-time audio and video", Category: ModTelehealth,
			Effective: date(2017, 1, 1), Note: "[V] CPT 2017 (AAPC; IDSA; AASM); Medicare: required with in-person POS 2020-03 to 2023-12-31, since 2024 only for OTPs and institutional cases"},
		Code{Value: "93", Description: "Synchronous telemedicine over telephone or other audio-only link", Category: ModTelehealth,
			Effective: date(2022, 1, 1), Note: "[V] 2022-01-01 (AMA Appendix T page; AAFP FPM; ISMS); Medicare audio-only to the patient's home"},
		Code{Value: "GT", Description: "Via interactive audio and video (HCPCS)", Category: ModTelehealth,
			Note: "[V] Medicare dropped it from professional claims 2018-01-01 (CR 10152); still on CAH method II institutional claims (NGS, from 2018-10-01); " + dateNotSourced},
		Code{Value: "GQ", Description: "Via asynchronous (store-and-forward) telecommunication", Category: ModTelehealth,
			Note: "[V] Medicare: only the federal telemedicine demonstration in Alaska and Hawaii (Palmetto GBA); " + dateNotSourced},
		Code{Value: "FQ", Description: "Service furnished with audio-only technology (RHC/FQHC)", Category: ModTelehealth,
			Effective: date(2022, 1, 1), Note: "[S] 2022-01-01 (hcpcs.codes modifier table); telehealth.org"},
		Code{Value: "FR", Description: "Supervising practitioner present through two-way audio and video", Category: ModTelehealth,
			Effective: date(2022, 1, 1), Note: "[S] 2022-01-01 (hcpcs.codes modifier table); no source dates it earlier [?]; virtual direct supervision"},
		Code{Value: "G0", Description: "Telehealth for diagnosis, evaluation or treatment of acute stroke", Category: ModTelehealth,
			Effective: date(2019, 1, 1), Note: "[V] 2019-01-01 (NGS; Noridian JE, MM11043; Transmittal 2142)"},
		Code{Value: "FS", Description: "Split (shared) E/M visit", Category: ModPayment,
			Effective: date(2022, 1, 1), Note: "[V] 2022-01-01 (hcpcs.codes modifier table; Part B News on the 2022 HCPCS release)"},
		Code{Value: "FT", Description: "Unrelated E/M on the day of another E/M or a procedure, or in a global period", Category: ModPayment,
			Effective: date(2022, 1, 1), Note: "[V] 2022-01-01 (hcpcs.codes modifier table; Part B News on the 2022 HCPCS release)"},
		Code{Value: "25", Description: "Significant, separately identifiable E/M on the day of a procedure", Category: ModPayment,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "59", Description: "Distinct procedural service", Category: ModPayment,
			Note: "[M] CPT modifier; still valid beside the X{EPSU} subset (Xifin); " + dateNotSourced},
		Code{Value: "XE", Description: "Separate encounter", Category: ModPayment, Effective: date(2015, 1, 1),
			Note: "[V] 2015-01-01 (Transmittal 1422 per Xifin; Rapid Return; MedPrecision)"},
		Code{Value: "XS", Description: "Separate structure or organ", Category: ModPayment, Effective: date(2015, 1, 1),
			Note: "[V] 2015-01-01 (Transmittal 1422 per Xifin; Rapid Return; MedPrecision)"},
		Code{Value: "XP", Description: "Separate practitioner", Category: ModPayment, Effective: date(2015, 1, 1),
			Note: "[V] 2015-01-01 (Transmittal 1422 per Xifin; Rapid Return; MedPrecision)"},
		Code{Value: "XU", Description: "Unusual non-overlapping service", Category: ModPayment, Effective: date(2015, 1, 1),
			Note: "[V] 2015-01-01 (Transmittal 1422 per Xifin; Rapid Return; MedPrecision)"},
		Code{Value: "76", Description: "Repeat procedure by the same practitioner", Category: ModPayment,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "77", Description: "Repeat procedure by another practitioner", Category: ModPayment,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "GA", Description: "Liability notice (ABN) on file", Category: ModPayment,
			Note: "[S] wording revised 2010-04-01 (a1bs, MM6563) and 2011-01-01 (Palmetto GBA); " + dateNotSourced},
		Code{Value: "GY", Description: "Statutorily excluded or not a Medicare benefit", Category: ModPayment,
			Note: "[M] " + dateNotSourced},
		Code{Value: "GZ", Description: "Expected denial as not reasonable and necessary, no ABN on file", Category: ModPayment,
			Note: "[M] " + dateNotSourced},
		Code{Value: "KX", Description: "Requirements in the medical policy have been met", Category: ModPayment,
			Note: "[M] " + dateNotSourced},
		Code{Value: "24", Description: "Unrelated E/M during a postoperative period", Category: ModPayment,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "57", Description: "E/M that resulted in the decision for surgery", Category: ModPayment,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "26", Description: "Professional component", Category: ModComponent,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "TC", Description: "Technical component", Category: ModComponent,
			Note: "[M] " + dateNotSourced},
		Code{Value: "50", Description: "Bilateral procedure", Category: ModAnatomic,
			Note: "[M] CPT modifier; " + dateNotSourced},
		Code{Value: "LT", Description: "Left side", Category: ModAnatomic,
			Note: "[M] " + dateNotSourced},
		Code{Value: "RT", Description: "Right side", Category: ModAnatomic,
			Note: "[M] " + dateNotSourced},
		Code{Value: "CR", Description: "Catastrophe or disaster related", Category: ModPayment, Effective: date(2005, 8, 21),
			Note: "[S] dates of service from 2005-08-21 (CMS guidance per medicalbillingcptmodifiers.com; Noridian, CR 6451); disaster modifier, not telehealth"},
		Code{Value: "CS", Description: "Cost sharing waived for COVID-19 testing-related services", Category: ModPayment,
			Earlier: []Wording{{Until: date(2020, 3, 18), Description: "Related to the 2010 Gulf of Mexico oil spill"}},
			Note:    "[V] reworded from 2020-03-18 (Palmetto GBA; AAPC; CodingIntel); created for the 2010 oil spill, " + dateNotSourced},
	)
	s.Partial = true
	return s
}
