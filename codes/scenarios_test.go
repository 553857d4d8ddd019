package codes

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// auditRow is one dated scenario of issue 17's audit, or one added with it: the visit, the
// answer a biller should get and the public source that says so. disagreed marks the rows the
// x12kit of commit 21b3a66 (before issue 17) fails — found by running these rows against it,
// with the visit facts it did not have (purpose, practitioner, area) mapped to Behavioral or
// dropped, and a hospital outpatient provider an error.
type auditRow struct {
	name      string
	source    string
	disagreed bool
	visit     Visit
	pos       string
	mods      []string // nil: none
	warns     []string // warning codes that must be present
	not       []string // warning codes that must be absent
}

// Sources cited by the rows, with their confidence tags.
const (
	srcOTPBilling   = "[V] CMS, Opioid Treatment Program — Billing & Payment (POS 58 for all OTP services, audio-video or audio-only; audio-only from 2020-03-01); CMS OTP overview pages CY2022–CY2024"
	srcOTPModifier  = "[?] modifier 95 for OTP video: domain.md §3.1 only; CMS OTP pages name no video modifier"
	src1135Waiver   = "[V] CMS 1135 waiver fact sheet as quoted by operacare ('starting March 6, 2020'); clinicaladvisor ('retroactive to services provided beginning on March 6, 2020'); foley 2020-04"
	srcIFCPOS       = "[V] CMS interim final rule (March 2020), retroactive to 2020-03-01: the in-person POS + 95 (hccinstitute 2020-04-24, powerslaw 2020-06, morganlewis 2020-04)"
	srcSUPPORT      = "[V] SUPPORT Act §2001 (1834(m)(7)), from 2019-07-01: home and no geographic requirement for SUD treatment (K&L Gates 2018-11-14, natlawreview 2018-11-16)"
	srcPrePHE       = "[V] 1834(m) before the emergency: rural HPSA / non-MSA county / demonstration and a listed facility (K&L Gates 2018-11-14, mintz 2025-09-25, decisionhealth PBN)"
	srcHomeDialysis = "[S] K&L Gates 2018-11-14: the home was an originating site for dialysis-related services; start 2019-01-01 [M]"
	srcRHCMental    = "[V] CY2022 PFS: RHC/FQHC mental health visits by real-time telecommunications from 2022-01-01 (CCHP modalities page, thebusinessofc, idahochc 2023-02-28)"
	srcRHCInterim   = "[S] cokergroup summary of CMS RHC/FQHC telehealth guidance: G2025 from 2020-01-27; claims 2020-01-27..06-30 with CG (RHC) and 95; CCHP: no RHC/FQHC distant sites before the CARES Act"
	srcLapses       = "[V] lapses 2025-10-01..11-11 and 2026-01-31..02-02 (domain.md §3.1: kzanow, APMA, McGuireWoods, bhnet; natlawreview 2026-02-03)"
	srcLapseGeo     = "[V] CMS as quoted by compasshealthcareconsulting: from 2025-10-01 the pre-PHE limits return 'outside of rural areas'; decisionhealth PBN (originating site and geographic rules, PT/OT/SLP/audiologists); mintz 2025-09-25"
	srcCPTModality  = "[V] CPT 2025: 98000–98007 audio-video, 98008–98015 audio-only (domain.md §3.3: AAFP FPM, codingintel, jucm, verimedix)"
	srcHospital2024 = "[V] NGS 'Telehealth Changes for 2024 – Modifier 95 and POS' quoting the CY2024 PFS: 95 for a hospital clinician with the patient at home and for PT/OT/SLP outpatient therapy"
	srcTherapyFAQ   = "[S] CMS COVID-19 FAQ (2020-05-27) as quoted by ptmovesme/APTA: institutional outpatient therapy via telehealth with 95"
	srcTherapists   = "[V] PT/OT/SLP/audiologists only under the flexibility: CMS blanket waivers retroactive to 2020-03-01 (doksi copy); CAA 2026 through 2027-12-31 (natlawreview 2026-02-03, entnet); lapses (decisionhealth PBN)"
	srcCAA2026      = "[V] H.R. 7148, Consolidated Appropriations Act, 2026 (signed 2026-02-03): flexibilities through 2027-12-31 (natlawreview, entnet, healthlawdiagnosis, wchsb)"
	srcCY2027       = "[S] CY2027 PFS proposed rule, modifiers BB/BC from 2027-01-01 (gist smanuel/02dc07e4…, 'Healee Blog Post'); the final rule (November 2026) was not found"
	srcG2025CY2026  = "[V] CY2026 PFS: G2025 through 2026-12-31 (CCHP, WEDI 2025-11-03)"
	srcInPerson     = "[V] in-person requirement for mental health telehealth at home delayed to 2028-01-01 (McGuireWoods, healthlawdiagnosis); SUD treatment exempt [M 1834(m)(7)(B)]"
	srcStroke       = "[V] MM11043, Noridian JE, Novitas: G0 from 2019-01-01, exempt from the geographic requirement"
	srcOhio         = "[S] rules/medicaid-oh.json: OPPA 2020-10-19 summarizing ODM's OAC 5160-1-18 (GT on telehealth claims)"
	srcMediCal      = "[S] rules/medicaid-ca.json: CCHP quoting the Medi-Cal Part 2 General Medicine Manual, Telehealth (95 / 93 / GQ)"
	srcTexas        = "[S] rules/medicaid-tx.json: TMHP 2022-07-15 (95) and 2023-04-13 HB4 interim guidance (93)"
	srcNC           = "[S] rules/medicaid-nc.json: CCHP quoting NC Medicaid Clinical Coverage Policy 8F (usual POS; KX for audio-only)"
)

func auditVisit(dos string, mod Modality, set Setting, opts ...func(*Visit)) Visit {
	var y, m, d int
	if _, err := fmt.Sscanf(dos, "%d-%d-%d", &y, &m, &d); err != nil {
		panic(err)
	}
	v := Visit{DateOfService: date(y, time.Month(m), d), Payer: Payer{Kind: Medicare}, Modality: mod, Setting: set}
	for _, o := range opts {
		o(&v)
	}
	return v
}

func medicaid(state string) func(*Visit) { return payer(Payer{Kind: Medicaid, State: state}) }

// TestAuditScenarios is issue 17's table: one row per scenario the issue names (the
// disagreements other than the code-set facts, the missing dimensions, CY2027) and the rows
// added with them, each with its source.
func TestAuditScenarios(t *testing.T) {
	rows := []auditRow{
		// Opioid treatment programs.
		{name: "OTP audio-video visit, patient at home, 2025: POS 58", disagreed: true, source: srcOTPBilling + "; " + srcOTPModifier,
			visit: auditVisit("2025-06-01", AudioVideo, Home, provider(OTP), code("G2080")), pos: "58", mods: []string{"95"},
			not: []string{WarnOriginatingSiteFee, WarnHomeNotEligible}},
		{name: "OTP audio-only, 2025, not marked behavioral: POS 58, no audio-only block", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2025-06-01", AudioOnly, Home, provider(OTP), code("G2080")), pos: "58", mods: []string{"93"},
			not: []string{WarnAudioOnlyNotAllowed, WarnAudioOnlyNotHome}},
		{name: "OTP audio-only at a facility, 2025: no audio-only-not-home", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2025-06-01", AudioOnly, OtherSite, provider(OTP)), pos: "58", mods: []string{"93"},
			not: []string{WarnAudioOnlyNotHome, WarnOriginatingSiteFee}},
		{name: "OTP audio-video, 2021: POS 58, not the in-person 11", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2021-06-01", AudioVideo, Home, provider(OTP)), pos: "58", mods: []string{"95"}},
		{name: "OTP audio-only, 2021 (periodic assessment by phone)", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2021-06-01", AudioOnly, Home, provider(OTP), code("G2077")), pos: "58",
			not: []string{WarnAudioOnlyNotAllowed}},
		{name: "OTP periodic assessment (G2077) by phone in 2025: the OTP rules list it for video only", disagreed: true, source: srcOTPBilling + "; codes.MedicareTelehealthService (G2077 audio-only through 2024)",
			visit: auditVisit("2025-06-01", AudioOnly, Home, provider(OTP), code("G2077")), pos: "58", mods: []string{"93"},
			warns: []string{WarnModalityNotListed}, not: []string{WarnAudioOnlyNotAllowed}},
		{name: "OTP counseling add-on (G2080) by phone in 2025: listed", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2025-06-01", AudioOnly, Home, provider(OTP), code("G2080")), pos: "58", mods: []string{"93"},
			not: []string{WarnModalityNotListed}},
		{name: "OTP audio-only before 2020-03-01 was not allowed", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2020-02-15", AudioOnly, Home, provider(OTP)), pos: "58", warns: []string{WarnAudioOnlyNotAllowed}},
		{name: "no Medicare OTP benefit before 2020", disagreed: true, source: srcOTPBilling,
			visit: auditVisit("2019-10-01", AudioVideo, OtherSite, provider(OTP)), pos: "58", warns: []string{WarnNotPayableMedicare}},

		// The 2020 emergency: the POS + 95 instruction from 03-01, the home from 03-06.
		{name: "home visit 2020-03-03: 11 + 95 per the interim rule, but the home was not yet eligible", disagreed: true,
			source: srcIFCPOS + "; " + src1135Waiver,
			visit:  auditVisit("2020-03-03", AudioVideo, Home, code("99213")), pos: "11", mods: []string{"95"},
			warns: []string{WarnHomeNotEligible}},
		{name: "home visit 2020-03-06: the waiver's first day", source: src1135Waiver,
			visit: auditVisit("2020-03-06", AudioVideo, Home, code("99213")), pos: "11", mods: []string{"95"},
			not: []string{WarnHomeNotEligible, WarnAreaUnknown}},
		{name: "facility visit 2020-03-03: geographic requirement still in force, area not stated", disagreed: true,
			source: srcIFCPOS + "; " + srcPrePHE,
			visit:  auditVisit("2020-03-03", AudioVideo, OtherSite, code("99213")), pos: "11", mods: []string{"95"},
			warns: []string{WarnAreaUnknown, WarnOriginatingSiteFee}},
		{name: "SUD treatment at home 2020-03-03: allowed by the SUPPORT Act", source: srcSUPPORT,
			visit: auditVisit("2020-03-03", AudioVideo, Home, purpose(PurposeSubstanceUse), code("99213")), pos: "11", mods: []string{"95"},
			not: []string{WarnHomeNotEligible, WarnPurposeUnknown}},

		// Before the emergency.
		{name: "2019-08 SUD treatment at home: POS 02, reviewed", disagreed: true, source: srcSUPPORT,
			visit: auditVisit("2019-08-01", AudioVideo, Home, purpose(PurposeSubstanceUse), code("99213")), pos: "02",
			not: []string{WarnHomeNotEligible, WarnRulesUnreviewed, WarnAreaUnknown}},
		{name: "2019-08 mental health at home: the home was not an originating site", disagreed: true, source: srcSUPPORT + "; " + srcPrePHE,
			visit: auditVisit("2019-08-01", AudioVideo, Home, purpose(PurposeMentalHealth), code("90834")), pos: "02",
			warns: []string{WarnHomeNotEligible}, not: []string{WarnRulesUnreviewed}},
		{name: "2019-08 behavioral at home, purpose not stated: a warning, not a guess", disagreed: true, source: srcSUPPORT,
			visit: auditVisit("2019-08-01", AudioVideo, Home, behavioral, code("90834")), pos: "02",
			warns: []string{WarnPurposeUnknown}, not: []string{WarnHomeNotEligible}},
		{name: "2019-05 SUD at home: before the SUPPORT Act's date", disagreed: true, source: srcSUPPORT,
			visit: auditVisit("2019-05-01", AudioVideo, Home, purpose(PurposeSubstanceUse)), pos: "02", warns: []string{WarnHomeNotEligible}},
		{name: "2019 home dialysis ESRD assessment at home", disagreed: true, source: srcHomeDialysis,
			visit: auditVisit("2019-03-01", AudioVideo, Home, purpose(PurposeHomeDialysis)), pos: "02", not: []string{WarnHomeNotEligible, WarnRulesUnreviewed}},
		{name: "2019 medical visit at home: not eligible", disagreed: true, source: srcPrePHE,
			visit: auditVisit("2019-03-01", AudioVideo, Home, code("99213")), pos: "02", warns: []string{WarnHomeNotEligible}},
		{name: "2019 facility in a rural shortage area: payable, Q3014 for the site", disagreed: true, source: srcPrePHE,
			visit: auditVisit("2019-03-01", AudioVideo, OtherSite, area(AreaEligible), practitioner(PractitionerPhysician)), pos: "02",
			warns: []string{WarnOriginatingSiteFee}, not: []string{WarnAreaUnknown, WarnAreaIneligible, WarnPractitionerUnknown, WarnRulesUnreviewed}},
		{name: "2019 facility in a metropolitan area: not payable", disagreed: true, source: srcPrePHE,
			visit: auditVisit("2019-03-01", AudioVideo, OtherSite, area(AreaIneligible)), pos: "02", warns: []string{WarnAreaIneligible}},
		{name: "2019-08 SUD at an urban facility: exempt from the geographic requirement", disagreed: true, source: srcSUPPORT,
			visit: auditVisit("2019-08-01", AudioVideo, OtherSite, area(AreaIneligible), purpose(PurposeSubstanceUse)), pos: "02",
			not: []string{WarnAreaIneligible, WarnRulesUnreviewed}},
		{name: "2019 acute stroke at an urban facility: G0, exempt", disagreed: true, source: srcStroke,
			visit: auditVisit("2019-03-01", AudioVideo, OtherSite, area(AreaIneligible), stroke), pos: "02", mods: []string{"G0"},
			not: []string{WarnAreaIneligible, WarnRulesUnreviewed}},
		{name: "2019 audiologist: not a Medicare telehealth practitioner", disagreed: true, source: srcTherapists,
			visit: auditVisit("2019-03-01", AudioVideo, OtherSite, area(AreaEligible), practitioner(PractitionerAudiologist)), pos: "02",
			warns: []string{WarnPractitionerIneligible}},
		{name: "2018: outside the reviewed span", source: "x12kit's reviewed span starts 2019-01-01",
			visit: auditVisit("2018-06-01", AudioVideo, OtherSite), pos: "02", warns: []string{WarnRulesUnreviewed}},

		// RHC/FQHC.
		{name: "RHC mental health visit by video, 2021: still G2025, no 95", disagreed: true, source: srcRHCMental + "; " + srcRHCInterim,
			visit: auditVisit("2021-06-01", AudioVideo, Home, provider(RHC), purpose(PurposeMentalHealth), code("90834")), pos: "",
			warns: []string{WarnUseG2025, WarnInstitutionalClaim}},
		{name: "RHC mental health visit by video, 2022: a mental health visit with 95", source: srcRHCMental,
			visit: auditVisit("2022-06-01", AudioVideo, Home, provider(RHC), purpose(PurposeMentalHealth), code("90834")), pos: "",
			mods: []string{"95"}, not: []string{WarnUseG2025}},
		{name: "FQHC mental health visit by phone, 2022: FQ", source: srcRHCMental,
			visit: auditVisit("2022-06-01", AudioOnly, Home, provider(FQHC), purpose(PurposeMentalHealth), code("90834")), pos: "",
			mods: []string{"FQ"}, not: []string{WarnUseG2025, WarnAudioOnlyNotAllowed}},
		{name: "RHC G2025 claim 2020-04: 95", disagreed: true, source: srcRHCInterim,
			visit: auditVisit("2020-04-01", AudioVideo, Home, provider(RHC), code("G2025")), pos: "", mods: []string{"95"}},
		{name: "FQHC G2025 claim 2020-07: no 95", source: srcRHCInterim,
			visit: auditVisit("2020-07-01", AudioVideo, Home, provider(FQHC), code("G2025")), pos: ""},
		{name: "RHC distant site before 2020-01-27: not payable", disagreed: true, source: srcRHCInterim,
			visit: auditVisit("2020-01-26", AudioVideo, OtherSite, provider(RHC), code("G2025")), pos: "",
			warns: []string{WarnNotPayableMedicare}},

		// The lapses.
		{name: "lapse: facility in a metropolitan area", disagreed: true, source: srcLapses + "; " + srcLapseGeo,
			visit: auditVisit("2025-10-15", AudioVideo, OtherSite, area(AreaIneligible), practitioner(PractitionerPhysician), code("99213")),
			pos:   "02", warns: []string{WarnAreaIneligible}, not: []string{WarnHomeFlexibilityLapsed}},
		{name: "lapse 2: facility, area not stated", disagreed: true, source: srcLapses + "; " + srcLapseGeo,
			visit: auditVisit("2026-02-01", AudioVideo, OtherSite, practitioner(PractitionerPhysician), code("99213")), pos: "02",
			warns: []string{WarnAreaUnknown}},
		{name: "lapse: rural facility, physician: payable", source: srcLapseGeo,
			visit: auditVisit("2025-10-15", AudioVideo, OtherSite, area(AreaEligible), practitioner(PractitionerPhysician)), pos: "02",
			not: []string{WarnAreaUnknown, WarnAreaIneligible, WarnPractitionerUnknown}},
		{name: "lapse: behavioral care at an urban facility is spared", source: srcLapseGeo,
			visit: auditVisit("2025-10-15", AudioVideo, OtherSite, area(AreaIneligible), behavioral, code("90834")), pos: "02",
			not: []string{WarnAreaIneligible, WarnPurposeUnknown}},
		{name: "lapse: home, non-behavioral", source: srcLapses,
			visit: auditVisit("2025-10-15", AudioVideo, Home, code("99213")), pos: "10", warns: []string{WarnHomeFlexibilityLapsed},
			not: []string{WarnPractitionerUnknown}},
		{name: "lapse: physical therapist at a rural facility", disagreed: true, source: srcTherapists,
			visit: auditVisit("2025-10-15", AudioVideo, OtherSite, area(AreaEligible), practitioner(PractitionerPT)), pos: "02",
			warns: []string{WarnPractitionerIneligible}},
		{name: "lapse: practitioner not stated", disagreed: true, source: srcTherapists,
			visit: auditVisit("2025-10-15", AudioVideo, OtherSite, area(AreaEligible)), pos: "02", warns: []string{WarnPractitionerUnknown}},
		{name: "2025-06 physical therapist under the flexibility; 95 on a professional claim unconfirmed", disagreed: true, source: srcTherapists + "; " + srcHospital2024,
			visit: auditVisit("2025-06-01", AudioVideo, Home, practitioner(PractitionerPT), code("97110")), pos: "10",
			warns: []string{WarnRulesUnreviewed}, not: []string{WarnPractitionerIneligible, WarnPractitionerUnknown}},

		// CPT 2025 telemedicine codes against the modality, every payer.
		{name: "98004 (audio-video) for a phone call", disagreed: true, source: srcCPTModality,
			visit: auditVisit("2025-06-01", AudioOnly, Home, code("98004")), pos: "10", mods: []string{"93"},
			warns: []string{WarnModalityMismatch, WarnNotPayableMedicare}},
		{name: "98012 (audio-only) for a video visit, commercial", disagreed: true, source: srcCPTModality,
			visit: auditVisit("2025-06-01", AudioVideo, Home, code("98012"), payer(Payer{Kind: Commercial})), pos: "10", mods: []string{"95"},
			warns: []string{WarnModalityMismatch}},
		{name: "98005 for a video visit: no mismatch", source: srcCPTModality,
			visit: auditVisit("2025-06-01", AudioVideo, Home, code("98005")), pos: "10",
			not: []string{WarnModalityMismatch}},

		// Hospital outpatient departments.
		{name: "hospital clinician, patient at home, 2025: 837I with 95", disagreed: true, source: srcHospital2024,
			visit: auditVisit("2025-06-01", AudioVideo, Home, provider(HospitalOutpatient)), pos: "", mods: []string{"95"},
			warns: []string{WarnInstitutionalClaim}},
		{name: "hospital outpatient PT, patient at a facility, 2025: 95", disagreed: true, source: srcHospital2024,
			visit: auditVisit("2025-06-01", AudioVideo, OtherSite, provider(HospitalOutpatient), practitioner(PractitionerPT)), pos: "",
			mods: []string{"95"}},
		{name: "hospital outpatient, facility, practitioner not stated: a warning", disagreed: true, source: srcHospital2024,
			visit: auditVisit("2025-06-01", AudioVideo, OtherSite, provider(HospitalOutpatient)), pos: "",
			warns: []string{WarnPractitionerUnknown}},
		{name: "hospital outpatient SLP, 2021: institutional therapy with 95", disagreed: true, source: srcTherapyFAQ,
			visit: auditVisit("2021-06-01", AudioVideo, Home, provider(HospitalOutpatient), practitioner(PractitionerSLP)), pos: "",
			mods: []string{"95"}, not: []string{WarnRulesUnreviewed}},
		{name: "hospital outpatient remote service, 2021, not therapy: not coded here", disagreed: true, source: "APTA 2020-05-22, racmonitor: provider-based home, PO/PN",
			visit: auditVisit("2021-06-01", AudioVideo, Home, provider(HospitalOutpatient), practitioner(PractitionerPhysician)), pos: "",
			warns: []string{WarnRulesUnreviewed}},

		// Purpose after 2027.
		{name: "2028 SUD treatment at home: no in-person requirement", disagreed: true, source: srcInPerson,
			visit: auditVisit("2028-03-01", AudioVideo, Home, purpose(PurposeSubstanceUse)), pos: "10",
			not: []string{WarnInPersonRequired, WarnHomeNotEligible}},
		{name: "2028 mental health at home: in-person requirement", source: srcInPerson,
			visit: auditVisit("2028-03-01", AudioVideo, Home, purpose(PurposeMentalHealth)), pos: "10",
			warns: []string{WarnInPersonRequired, WarnRulesUnreviewed}, not: []string{WarnPurposeUnknown}},
		{name: "2028 behavioral, purpose not stated", disagreed: true, source: srcInPerson,
			visit: auditVisit("2028-03-01", AudioVideo, Home, behavioral), pos: "10", warns: []string{WarnInPersonRequired, WarnPurposeUnknown}},
		{name: "2028 urban facility, medical: geographic requirement back", disagreed: true, source: srcCAA2026 + "; " + srcPrePHE,
			visit: auditVisit("2028-03-01", AudioVideo, OtherSite, area(AreaIneligible)), pos: "02", warns: []string{WarnAreaIneligible}},

		// CY2027.
		{name: "2027 Medicare home video: reviewed (CAA 2026), platform modifiers a warning", disagreed: true, source: srcCAA2026 + "; " + srcCY2027,
			visit: auditVisit("2027-03-01", AudioVideo, Home, code("99213")), pos: "10",
			warns: []string{WarnPlatformModifier}, not: []string{WarnRulesUnreviewed, WarnHomeNotEligible}},
		{name: "2027 PT at home: still under the flexibility", disagreed: true, source: srcCAA2026,
			visit: auditVisit("2027-03-01", AudioVideo, Home, practitioner(PractitionerPT)), pos: "10",
			warns: []string{WarnPlatformModifier}, not: []string{WarnPractitionerIneligible}},
		{name: "2027 RHC G2025: payment unconfirmed past 2026", source: srcG2025CY2026 + "; " + srcCAA2026,
			visit: auditVisit("2027-03-01", AudioVideo, Home, provider(RHC), code("G2025")), pos: "", warns: []string{WarnRulesUnreviewed}},
		{name: "2027 98005: Medicare status depends on the unreviewed CY2027 rule", source: srcCY2027,
			visit: auditVisit("2027-03-01", AudioVideo, Home, code("98005")), pos: "10",
			warns: []string{WarnNotPayableMedicare, WarnRulesUnreviewed}},
		{name: "2028: outside the reviewed span, home not eligible", source: srcCAA2026,
			visit: auditVisit("2028-03-01", AudioVideo, Home), pos: "10", warns: []string{WarnRulesUnreviewed, WarnHomeNotEligible}},

		// State Medicaid rule files.
		{name: "Ohio Medicaid 2021 video: GT, not the default 95", disagreed: true, source: srcOhio,
			visit: auditVisit("2021-06-01", AudioVideo, Home, medicaid("OH")), pos: "02", mods: []string{"GT"},
			warns: []string{WarnPayerRuleIncomplete}, not: []string{WarnNoPayerRule}},
		{name: "Ohio Medicaid after the rule's span: the default again", source: srcOhio,
			visit: auditVisit("2023-06-01", AudioVideo, Home, medicaid("OH")), pos: "10", mods: []string{"95"},
			warns: []string{WarnNoPayerRule}},
		{name: "Medi-Cal audio-only 2025: 93 from the manual, POS unstated", disagreed: true, source: srcMediCal,
			visit: auditVisit("2025-06-01", AudioOnly, Home, medicaid("CA")), pos: "10", mods: []string{"93"},
			warns: []string{WarnPayerRuleIncomplete}, not: []string{WarnNoPayerRule}},
		{name: "Medi-Cal FQHC: not covered by the file", source: srcMediCal,
			visit: auditVisit("2025-06-01", AudioVideo, Home, medicaid("CA"), provider(FQHC)), pos: "10", mods: []string{"95"},
			warns: []string{WarnNoPayerRule}},
		{name: "Texas Medicaid audio-only 2023-06: 93 with TMHP's condition", disagreed: true, source: srcTexas,
			visit: auditVisit("2023-06-01", AudioOnly, Home, medicaid("TX")), pos: "10", mods: []string{"93"},
			warns: []string{WarnPayerRule, WarnPayerRuleIncomplete}},
		{name: "North Carolina Medicaid audio-only 2024: usual POS and KX", disagreed: true, source: srcNC,
			visit: auditVisit("2024-06-01", AudioOnly, Home, medicaid("NC")), pos: "11", mods: []string{"KX"},
			warns: []string{WarnPayerRule}, not: []string{WarnPayerRuleIncomplete, WarnNoPayerRule}},
		{name: "North Carolina Medicaid video 2024: usual POS, modifier unstated", disagreed: true, source: srcNC,
			visit: auditVisit("2024-06-01", AudioVideo, Home, medicaid("NC")), pos: "11", mods: []string{"95"},
			warns: []string{WarnPayerRuleIncomplete}},
	}
	disagreed := 0
	for _, r := range rows {
		require.NotEmpty(t, r.source, r.name)
		if r.disagreed {
			disagreed++
		}
		d, err := Decide(r.visit)
		require.NoError(t, err, r.name)
		assert.Equal(t, r.pos, d.POS, r.name)
		if r.mods == nil {
			r.mods = []string{}
		}
		assert.Equal(t, r.mods, d.Modifiers, r.name)
		got := warningCodes(d)
		for _, w := range r.warns {
			assert.Contains(t, got, w, "%s (%s)", r.name, r.source)
		}
		for _, w := range r.not {
			assert.NotContains(t, got, w, "%s (%s)", r.name, r.source)
		}
		for _, w := range d.Warnings {
			assert.NotEmpty(t, w.Message, r.name)
			assert.False(t, strings.Contains(w.Message, "%!"), "%s: %s", r.name, w.Message)
		}
	}
	t.Logf("%d scenarios, %d that x12kit answered otherwise before issue 17", len(rows), disagreed)
}
