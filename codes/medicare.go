package codes

import (
	"fmt"
	"slices"
	"time"
)

// Traditional Medicare's telehealth coding rules as dated data. The decision
// procedure, decideMedicare, only walks these tables. Each entry carries its source and
// confidence tag: [V] two or more sources, [S] one, [M] general knowledge, [?] unconfirmed.

var (
	// medicareRulesFrom..medicareRulesUntil is the span of dates of service the tables were
	// checked for. Outside it every decision carries WarnRulesUnreviewed. The span starts with
	// the Bipartisan Budget Act 2018 changes in force on 2019-01-01 (stroke G0, home dialysis)
	// and ends with the flexibilities the Consolidated Appropriations Act, 2026 runs through
	// 2027-12-31 [V natlawreview 2026-02-03, entnet, healthlawdiagnosis]. What the CY2027 PFS
	// final rule decides for 2027 was not reviewed: see medicareCY2027.
	medicareRulesFrom  = date(2019, 1, 1)
	medicareRulesUntil = date(2028, 1, 1)

	// medicareCY2027 is the calendar year whose PFS final rule (November 2026) could not be
	// found for review. The CY2027 proposed rule would require informational modifiers BB
	// (service through a virtual platform the clinician has a contract or payment agreement
	// with) and BC (telehealth integral to another service) from 2027-01-01 [S gist
	// smanuel/02dc07e4…, "Healee Blog Post"]; the CAA 2026 requires CMS to identify such
	// services [V McGuireWoods, gillcompliance]. Until the final rule is read, 2027 decisions
	// carry WarnPlatformModifier.
	medicareCY2027From  = date(2027, 1, 1)
	medicareCY2027Until = date(2028, 1, 1)

	// From this date any telehealth service to a patient at home may be audio-only (CY2025 PFS,
	// the permanent "interactive telecommunications system" definition) [V pavmt/CCHP, AAN].
	medicareAudioOnlyAnyServiceFrom = date(2025, 1, 1)

	// The section 1135 waiver made the home (and every area) an originating site for
	// professional telehealth from 2020-03-06 [V operacare quoting the CMS fact sheet,
	// clinicaladvisor ("retroactive to services provided beginning on March 6, 2020"), foley
	// 2020-04]. The interim final rule's POS + 95 instruction starts earlier, 2020-03-01 (see
	// medicarePOS): a home visit on 2020-03-01..05 is coded 11 + 95 but the home was not yet
	// eligible.
	medicareHomeWaiverFrom = date(2020, 3, 6)

	// The home-telehealth and geographic flexibility for non-behavioral services runs to this
	// date under H.R. 7148, CAA 2026 (through 2027-12-31) [V natlawreview, entnet, McGuireWoods].
	medicareHomeFlexibilityUntil = date(2028, 1, 1)

	// Before the emergency the home was an originating site for substance use disorder
	// treatment from 2019-07-01 (SUPPORT Act §2001, 1834(m)(7)) [V K&L Gates 2018-11-14,
	// natlawreview 2018-11-16, techhealthperspectives], which also lifted the geographic
	// requirement for it; and for the monthly ESRD assessment of a home dialysis patient from
	// 2019-01-01 (BBA 2018) [S K&L Gates ("the home in the case of dialysis related services");
	// its start date is [M]].
	medicareSUDHomeFrom      = date(2019, 7, 1)
	medicareHomeDialysisFrom = date(2019, 1, 1)

	// Behavioral telehealth at home needs an in-person visit from this date (delayed by CAA
	// 2026) [V McGuireWoods, healthlawdiagnosis 2026-02-03]. The requirement is for mental
	// health services; treatment of a substance use disorder is exempt [M: 1834(m)(7)(B)].
	medicareBehavioralInPersonFrom = date(2028, 1, 1)

	// PT, OT, SLP and audiologists may furnish Medicare telehealth only under the flexibility:
	// from 2020-03-01 (CMS blanket waivers, CARES Act authority, "retroactive effective date of
	// March 1, 2020") [S doksi copy of "COVID-19 Emergency Declaration Blanket Waivers for
	// Health Care Providers"] through 2027-12-31 (CAA 2026) [V natlawreview, entnet], except in
	// the lapses [V decisionhealth PBN 2025-09, mintz 2025-09-25].
	medicareTherapistsFrom  = date(2020, 3, 1)
	medicareTherapistsUntil = date(2028, 1, 1)

	// RHCs and FQHCs could be distant sites (billing G2025) for services from 2020-01-27, the
	// date CMS chose for G2025's payment; the CARES Act (2020-03-27) authorized it [S
	// cokergroup summary of CMS's RHC/FQHC guidance; CCHP "Before March 27, 2020 … not
	// permitted to serve as distant sites"; the issue's audit tags the date medium].
	medicareRHCDistantFrom = date(2020, 1, 27)

	// From this date an RHC/FQHC mental health visit may be furnished by real-time audio-video
	// or audio-only telecommunications and billed as a mental health visit, not as G2025 (CY2022
	// PFS) [V CCHP "Effective January 1, 2022, a mental health visit is a face-to-face
	// encounter or an encounter furnished using interactive, real-time, audio and video…",
	// thebusinessofc "Medicare FQHC Behavioral Health Televisits January 1, 2022", idahochc].
	// Whether substance use treatment counts as a "mental health visit" is [M].
	medicareRHCMentalHealthFrom = date(2022, 1, 1)

	// Medicare's OTP benefit (bundled weekly payments) starts 2020-01-01; OTPs report POS 58 on
	// every claim, audio-video and audio-only alike; audio-only counseling, therapy and periodic
	// assessments are allowed from 2020-03-01 [V CMS "Opioid Treatment Program — Billing &
	// Payment" page (both versions), CMS OTP overview (CY2022: audio-only after the PHE when
	// video is not available; CY2023/2024: periodic assessments by audio-only), 42 CFR 410.67].
	medicareOTPFrom          = date(2020, 1, 1)
	medicareOTPAudioOnlyFrom = date(2020, 3, 1)
)

// medicarePOS says where a professional telehealth service is reported, by date (a POS code,
// POSInPerson or POSByLocation). Before 2017 there is no entry: Decide then uses the in-person
// POS and warns that the rules were not reviewed for the date.
var medicarePOS = []struct {
	from, until time.Time
	pos         string
	source      string
}{
	{date(2017, 1, 1), date(2020, 3, 1), "02", "[V] POS 02 created 2017-01-01 (any originating site)"},
	{date(2020, 3, 1), date(2024, 1, 1), POSInPerson, "[V] interim final rule (March 2020), retroactive to 2020-03-01: the in-person POS + 95 (hccinstitute 2020-04-24, powerslaw, morganlewis); NGS: through 2023-12-31"},
	{date(2024, 1, 1), time.Time{}, POSByLocation, "[V] NGS 'Telehealth changes for 2024', MLN901705, AAFP FPM 2025: POS 02/10"},
}

// medicareLapses are the spans when the statutory flexibilities had lapsed — the home and
// geographic waivers for non-behavioral services, and therapists as telehealth practitioners;
// both were restored retroactively, so claims were held and later paid [V
// kzanow, APMA, McGuireWoods, bhnet; natlawreview 2026-02-03]. Until is the signing date, the
// first day back in force. In a lapse the pre-2020 geographic requirement applied to facility
// originating sites too [V compasshealthcareconsulting quoting CMS, decisionhealth PBN, mintz].
var medicareLapses = []struct {
	from, until time.Time
	restoredBy  string
}{
	{date(2025, 10, 1), date(2025, 11, 12), "H.R. 5371 (signed 2025-11-12), retroactively"},
	{date(2026, 1, 31), date(2026, 2, 3), "H.R. 7148, CAA 2026 (signed 2026-02-03), retroactively"},
}

// medicareModifier says which modifier marks a modality for some provider kinds on some dates.
type medicareModifier struct {
	from, until    time.Time
	providers      []ProviderKind
	modality       Modality
	behavioralOnly bool           // only for a behavioral visit
	medicalOnly    bool           // only for a non-behavioral visit
	homeOnly       bool           // only with the patient at home
	practitioners  []Practitioner // nil: any practitioner type
	modifier       string
	source         string
}

var therapists = []Practitioner{PractitionerPT, PractitionerOT, PractitionerSLP}

// medicareModifiers are the modality modifiers. Stroke's G0 and store-and-forward's GQ are
// decided in code (they depend on the visit's purpose and the patient's state).
var medicareModifiers = []medicareModifier{
	{until: date(2018, 1, 1), providers: []ProviderKind{Practice}, modality: AudioVideo,
		modifier: "GT", source: "[V] CR 10152: GT left professional claims 2018-01-01"},
	{from: date(2020, 3, 1), until: date(2024, 1, 1), providers: []ProviderKind{Practice}, modality: AudioVideo,
		modifier: "95", source: "[V] interim final rule 2020-03 (hccinstitute, powerslaw, morganlewis); NGS: in-person POS + 95 through 2023-12-31"},
	{from: date(2020, 3, 1), providers: []ProviderKind{OTP}, modality: AudioVideo,
		modifier: "95", source: "[?] domain.md §3.1 lists OTPs among the 2024 modifier-95 cases; the NGS 2024 page read for issue 17 names only hospital clinicians and PT/OT/SLP, and the CMS OTP pages name no video modifier"},
	{from: date(2022, 1, 1), providers: []ProviderKind{Practice}, modality: AudioOnly,
		modifier: "93", source: "[V] FCSO/Novitas; 93 exists from CPT 2022 [M]"},
	{from: date(2022, 1, 1), providers: []ProviderKind{OTP}, modality: AudioOnly,
		modifier: "93", source: "[S] CMS OTP page (CY2022): OTPs must use a service-level modifier for audio-only counseling and therapy; that it is 93 is [M]"},
	{from: date(2022, 1, 1), providers: []ProviderKind{RHC, FQHC}, modality: AudioOnly,
		modifier: "FQ", source: "[S] RHC/FQHC audio-only: FQ (93 also accepted)"},
	{from: medicareRHCDistantFrom, until: date(2020, 7, 1), providers: []ProviderKind{RHC, FQHC}, modality: AudioVideo,
		modifier: "95", source: "[S] cokergroup summary of CMS RHC/FQHC guidance: G2025 claims 2020-01-27..06-30 (RHC with CG; modifier 95 'may also be added'); the issue's audit: they carried 95 (medium)"},
	{from: medicareRHCMentalHealthFrom, providers: []ProviderKind{RHC, FQHC}, modality: AudioVideo, behavioralOnly: true,
		modifier: "95", source: "[M] RHC/FQHC mental health visit by audio-video, from 2022-01-01 [V CCHP, thebusinessofc]"},
	{providers: []ProviderKind{CAH2}, modality: AudioVideo,
		modifier: "GT", source: "[V] NGS: GT stays on CAH method II institutional claims"},
	{from: date(2022, 1, 1), providers: []ProviderKind{CAH2}, modality: AudioOnly,
		modifier: "93", source: "[M] CAH method II audio-only"},
	{from: date(2024, 1, 1), providers: []ProviderKind{HospitalOutpatient}, modality: AudioVideo, homeOnly: true,
		modifier: "95", source: "[V] NGS 'Telehealth changes for 2024' quoting the CY2024 PFS: 95 continues 'when the clinician is in the hospital and the patient is in the home'; domain.md §3.1"},
	{from: date(2020, 3, 1), providers: []ProviderKind{HospitalOutpatient}, modality: AudioVideo, practitioners: therapists,
		modifier: "95", source: "[V] outpatient therapy by PT/OT/SLP on institutional claims with 95: CMS COVID-19 FAQ (2020-05-27) as quoted by ptmovesme/APTA, revenuecycleadvisor 2021; from 2024 NGS 'Telehealth changes for 2024'"},
}

// medicareNotPayable are codes Medicare does not pay on a span of dates, with what to bill.
var medicareNotPayable = []struct {
	category    string
	from, until time.Time
	instead     string
	source      string
}{
	{ProcTelemedicineEM, date(2025, 1, 1), time.Time{},
		"bill 99202–99215 with POS 02/10 (+93 for audio-only)",
		"[V] CY2025 PFS status I for 98000–98015; still in 2026 (AAN); 2027 depends on the CY2027 PFS final rule, not reviewed [?]"},
}

// medicareG2025Until is the end of Medicare's G2025 payment for RHC/FQHC non-behavioral
// telehealth as extended by the CY2026 PFS [V CCHP, WEDI, MHA]. The CAA 2026 lets RHCs and
// FQHCs furnish telehealth through 2027-12-31 [V natlawreview], but how 2027 visits are paid
// is the CY2027 PFS's to say, and it was not reviewed.
var medicareG2025Until = date(2027, 1, 1)

func within(d, from, until time.Time) bool {
	return (from.IsZero() || !d.Before(from)) && (until.IsZero() || d.Before(until))
}

// medicareLapse is the lapse dos falls in, if any.
func medicareLapse(dos time.Time) (from, until time.Time, restoredBy string, ok bool) {
	for _, l := range medicareLapses {
		if within(dos, l.from, l.until) {
			return l.from, l.until, l.restoredBy, true
		}
	}
	return time.Time{}, time.Time{}, "", false
}

// flexible reports whether the statutory flexibilities (home and any area for every service,
// therapists as practitioners) were in force on dos.
func flexible(dos time.Time, from time.Time) bool {
	_, _, _, lapsed := medicareLapse(dos)
	return within(dos, from, medicareHomeFlexibilityUntil) && !lapsed
}

// when says in words why a restriction applies on dos, for messages.
func when(dos time.Time) string {
	if from, until, by, ok := medicareLapse(dos); ok {
		return fmt.Sprintf("the flexibility had lapsed (%s to %s; restored by %s: check how the contractor reprocessed held claims)",
			from.Format(time.DateOnly), until.AddDate(0, 0, -1).Format(time.DateOnly), by)
	}
	if !dos.Before(medicareHomeFlexibilityUntil) {
		return fmt.Sprintf("under current law the flexibility ends %s", medicareHomeFlexibilityUntil.AddDate(0, 0, -1).Format(time.DateOnly))
	}
	return fmt.Sprintf("before the 2020 public health emergency waiver (from %s)", medicareHomeWaiverFrom.Format(time.DateOnly))
}

func decideMedicare(d *Decision, v Visit, code Code, known bool) {
	dos := day(v.DateOfService)
	if !within(dos, medicareRulesFrom, medicareRulesUntil) {
		d.warn(WarnRulesUnreviewed, "x12kit's Medicare rules were checked for dates of service from %s to %s; verify this date against current CMS guidance",
			medicareRulesFrom.Format(time.DateOnly), medicareRulesUntil.AddDate(0, 0, -1).Format(time.DateOnly))
	}
	if within(dos, medicareCY2027From, medicareCY2027Until) {
		d.warn(WarnPlatformModifier, "the CY2027 PFS final rule was not reviewed: the proposed rule would require modifier BB (service through a virtual platform the clinician has a contract or payment agreement with) or BC (telehealth integral to another service) from 2027-01-01; check the final rule before billing")
	}

	medicarePOSFor(d, v, dos)

	// Modality modifiers, from the table.
	beh := v.behavioral()
	telephoneCode := known && code.Category == ProcTelephoneEM
	for _, m := range medicareModifiers {
		if within(dos, m.from, m.until) && m.modality == v.Modality && slices.Contains(m.providers, v.Provider) &&
			(!m.behavioralOnly || beh) && (!m.medicalOnly || !beh) && (!m.homeOnly || v.Setting == Home) &&
			(m.practitioners == nil || slices.Contains(m.practitioners, v.Practitioner)) && !telephoneCode {
			d.addModifier(m.modifier)
		}
	}

	// Store-and-forward: only the Alaska/Hawaii demonstration.
	if v.Modality == StoreAndForward {
		if v.PatientState == "AK" || v.PatientState == "HI" {
			d.addModifier("GQ")
		} else {
			d.warn(WarnNotPayableMedicare, "Medicare pays store-and-forward telehealth only in the Alaska and Hawaii demonstration (GQ); a remote image review code such as G2010 is the alternative")
		}
	}

	medicareAudioOnly(d, v, dos, beh, telephoneCode)
	medicareListedModality(d, v, dos)
	if v.Provider == OTP {
		medicareOTP(d, v, dos)
	} else {
		medicareOriginatingSite(d, v, dos, beh)
		medicarePractitioner(d, v, dos)
	}
	if v.Provider == HospitalOutpatient {
		medicareHospital(d, v, dos)
	}
	if v.Provider == Practice && v.Practitioner.therapist() && v.Practitioner != PractitionerAudiologist &&
		!dos.Before(date(2024, 1, 1)) && v.Modality == AudioVideo {
		d.warn(WarnRulesUnreviewed, "NGS's 2024 note keeps modifier 95 for outpatient therapy by a PT, OT or SLP; x12kit adds it on hospital (institutional) claims only: whether a private practice therapist's professional claim takes 95 is not confirmed by the sources reviewed")
	}

	// Stroke.
	if v.AcuteStroke && codeActive("modifier", "G0", dos) {
		d.addModifier("G0")
	}

	if v.Provider == RHC || v.Provider == FQHC {
		medicareRHC(d, v, dos, beh)
	}

	// Codes Medicare does not pay.
	if known {
		for _, np := range medicareNotPayable {
			if code.Category == np.category && within(dos, np.from, np.until) {
				d.warn(WarnNotPayableMedicare, "Medicare does not pay %s: %s", v.Code, np.instead)
				if within(dos, medicareCY2027From, medicareCY2027Until) && !d.has(WarnRulesUnreviewed) {
					d.warn(WarnRulesUnreviewed, "Medicare's 2027 status of %s depends on the CY2027 PFS final rule, which was not reviewed", v.Code)
				}
			}
		}
	}
}

// medicarePOSFor sets the place of service: none on institutional claims, 58 for an OTP, else
// the dated table.
func medicarePOSFor(d *Decision, v Visit, dos time.Time) {
	switch {
	case v.Provider.institutional():
		d.POS = ""
		d.warn(WarnInstitutionalClaim, "%s services are billed on an institutional claim (837I): no place of service; telehealth shows in modifiers and revenue codes", v.Provider)
	case v.Provider == OTP:
		d.POS = "58"
	default:
		d.POS = v.InPersonPOS
		for _, p := range medicarePOS {
			if within(dos, p.from, p.until) {
				d.POS = rulePOS(p.pos, v)
			}
		}
	}
}

// medicareAudioOnly warns where Medicare did not allow audio-only telehealth. OTPs have their
// own audio-only rules (medicareOTP).
func medicareAudioOnly(d *Decision, v Visit, dos time.Time, beh, telephoneCode bool) {
	if v.Modality != AudioOnly || v.Provider == OTP {
		return
	}
	switch {
	case !dos.Before(medicareAudioOnlyAnyServiceFrom) && v.Setting != Home:
		d.warn(WarnAudioOnlyNotHome, "Medicare allows audio-only telehealth only when the patient is at home")
	case dos.Before(medicareAudioOnlyAnyServiceFrom) && !beh && !telephoneCode:
		d.warn(WarnAudioOnlyNotAllowed, "before 2025-01-01 Medicare paid audio-only services only for behavioral health and the telephone E/M codes")
	}
}

// medicareOTP checks an opioid treatment program's visit: the benefit's start, audio-only's.
// OTP services are not Medicare telehealth services under 1834(m): no originating-site or
// geographic requirement, no Q3014.
func medicareOTP(d *Decision, v Visit, dos time.Time) {
	switch {
	case dos.Before(medicareOTPFrom):
		d.warn(WarnNotPayableMedicare, "Medicare's opioid treatment program benefit starts %s", medicareOTPFrom.Format(time.DateOnly))
	case v.Modality == AudioOnly && dos.Before(medicareOTPAudioOnlyFrom):
		d.warn(WarnAudioOnlyNotAllowed, "Medicare allowed audio-only OTP counseling, therapy and periodic assessments from %s", medicareOTPAudioOnlyFrom.Format(time.DateOnly))
	}
}

// medicareOriginatingSite checks the patient's location against the dated originating-site
// and geographic requirements.
func medicareOriginatingSite(d *Decision, v Visit, dos time.Time, beh bool) {
	if v.Setting == Home {
		medicareHome(d, v, dos, beh)
		return
	}
	if !v.Provider.institutional() {
		d.warn(WarnOriginatingSiteFee, "the originating site, when it is a facility, bills Q3014 separately")
	}
	if flexible(dos, medicareHomeWaiverFrom) || !within(dos, medicareRulesFrom, time.Time{}) {
		return
	}
	// The geographic requirement applies: before the waiver, in a lapse, after the flexibility.
	exempt := v.AcuteStroke || v.Purpose == PurposeHomeDialysis ||
		v.Purpose == PurposeSubstanceUse && !dos.Before(medicareSUDHomeFrom) ||
		beh && !dos.Before(medicareHomeWaiverFrom) // mental health and SUD after the PHE waiver began [V: lapses and 2028 spare behavioral care]
	switch {
	case exempt:
	case beh && v.Purpose == PurposeUnstated && !dos.Before(medicareSUDHomeFrom):
		d.warn(WarnPurposeUnknown, "on this date the geographic requirement spared substance use disorder treatment but not mental health care: state the purpose")
		medicareArea(d, v, dos)
	default:
		medicareArea(d, v, dos)
	}
}

// medicareArea warns about the originating site's area where the geographic requirement applies.
func medicareArea(d *Decision, v Visit, dos time.Time) {
	switch v.Area {
	case AreaUnstated:
		d.warn(WarnAreaUnknown, "%s the originating site had to be in a rural health professional shortage area, a county outside a metropolitan statistical area, or a federal demonstration: state whether it was", when(dos))
	case AreaIneligible:
		d.warn(WarnAreaIneligible, "%s Medicare paid telehealth only from originating sites in a rural shortage area, a non-metropolitan county or a federal demonstration", when(dos))
	}
}

// medicareHome checks the patient's home as originating site.
func medicareHome(d *Decision, v Visit, dos time.Time, beh bool) {
	mentalHealthOK := !dos.Before(medicareHomeWaiverFrom) // waiver, then CAA 2021 §123 [V]
	sudOK := !dos.Before(medicareSUDHomeFrom)
	switch {
	case v.Purpose == PurposeHomeDialysis && !dos.Before(medicareHomeDialysisFrom):
	case v.Purpose == PurposeSubstanceUse && sudOK:
	case v.Purpose == PurposeMentalHealth && mentalHealthOK:
	case beh && v.Purpose == PurposeUnstated && mentalHealthOK:
	case beh && v.Purpose == PurposeUnstated && sudOK:
		d.warn(WarnPurposeUnknown, "before %s the home was an originating site for substance use disorder treatment (from %s) but not for mental health care: state the purpose",
			medicareHomeWaiverFrom.Format(time.DateOnly), medicareSUDHomeFrom.Format(time.DateOnly))
	case flexible(dos, medicareHomeWaiverFrom):
	default:
		if from, until, by, ok := medicareLapse(dos); ok {
			d.warn(WarnHomeFlexibilityLapsed, "the home-telehealth flexibility had lapsed on this date (%s to %s) and was restored by %s: check how the contractor reprocessed held claims",
				from.Format(time.DateOnly), until.AddDate(0, 0, -1).Format(time.DateOnly), by)
		} else {
			d.warn(WarnHomeNotEligible, "%s: the home is not an eligible originating site for this service (only substance use disorder treatment from %s and home dialysis ESRD assessments)",
				when(dos), medicareSUDHomeFrom.Format(time.DateOnly))
		}
	}
	if beh && !dos.Before(medicareBehavioralInPersonFrom) && v.Purpose != PurposeSubstanceUse {
		d.warn(WarnInPersonRequired, "mental health telehealth at home needs an in-person visit within the required period from %s (substance use disorder treatment is exempt)", medicareBehavioralInPersonFrom.Format(time.DateOnly))
		if v.Purpose == PurposeUnstated {
			d.warn(WarnPurposeUnknown, "the in-person requirement applies to mental health care, not to substance use disorder treatment: state the purpose")
		}
	}
}

// medicarePractitioner checks therapists and audiologists, who may furnish Medicare
// telehealth only under the flexibility.
func medicarePractitioner(d *Decision, v Visit, dos time.Time) {
	if flexible(dos, medicareTherapistsFrom) || !within(dos, medicareRulesFrom, time.Time{}) ||
		d.has(WarnHomeFlexibilityLapsed) || d.has(WarnHomeNotEligible) {
		return
	}
	switch {
	case v.Practitioner.therapist():
		d.warn(WarnPractitionerIneligible, "%s Medicare did not pay telehealth furnished by a %s", when(dos), practitionerWords[v.Practitioner])
	case v.Practitioner == PractitionerUnstated && (v.Provider == Practice || v.Provider == HospitalOutpatient):
		d.warn(WarnPractitionerUnknown, "%s physical and occupational therapists, speech-language pathologists and audiologists could not furnish Medicare telehealth: state the practitioner type", when(dos))
	}
}

var practitionerWords = map[Practitioner]string{PractitionerPT: "physical therapist", PractitionerOT: "occupational therapist",
	PractitionerSLP: "speech-language pathologist", PractitionerAudiologist: "audiologist"}

// medicareHospital says what x12kit cannot code for a hospital outpatient department.
func medicareHospital(d *Decision, v Visit, dos time.Time) {
	switch {
	case dos.Before(date(2024, 1, 1)) && !v.Practitioner.therapist():
		d.warn(WarnRulesUnreviewed, "hospital outpatient remote services before 2024 were billed as hospital services with the patient's home registered as a provider-based department (PO/PN modifiers, condition code DR): not coded here")
	case v.Modality == AudioOnly:
		d.warn(WarnRulesUnreviewed, "no source reviewed gives the modifier for an audio-only hospital outpatient service on the institutional claim")
	case v.Setting != Home && v.Practitioner == PractitionerUnstated && v.Modality == AudioVideo:
		d.warn(WarnPractitionerUnknown, "modifier 95 goes on hospital outpatient therapy by a PT, OT or SLP: state the practitioner type")
	}
}

// medicareRHC checks an RHC or FQHC as distant site: when it could be one, G2025, the mental
// health visit from 2022.
func medicareRHC(d *Decision, v Visit, dos time.Time, beh bool) {
	if dos.Before(medicareRHCDistantFrom) {
		d.warn(WarnNotPayableMedicare, "RHCs and FQHCs could not be Medicare distant sites before %s (G2025's first date of service)", medicareRHCDistantFrom.Format(time.DateOnly))
		return
	}
	mentalHealthVisit := beh && !dos.Before(medicareRHCMentalHealthFrom)
	if mentalHealthVisit {
		return
	}
	if v.Code != "" && v.Code != "G2025" {
		if beh {
			d.warn(WarnUseG2025, "before %s RHC/FQHC telehealth, behavioral included, was billed to Medicare as G2025; mental health visits by telecommunications were billed as such from that date",
				medicareRHCMentalHealthFrom.Format(time.DateOnly))
		} else {
			d.warn(WarnUseG2025, "RHC/FQHC non-behavioral telehealth is billed to Medicare as G2025")
		}
	}
	if !dos.Before(medicareG2025Until) && !d.has(WarnRulesUnreviewed) {
		d.warn(WarnRulesUnreviewed, "Medicare's G2025 payment is confirmed only through %s (CY2026 PFS); the CAA 2026 lets RHCs and FQHCs furnish telehealth through 2027-12-31, but the CY2027 PFS final rule, which sets how, was not reviewed",
			medicareG2025Until.AddDate(0, 0, -1).Format(time.DateOnly))
	}
}

// medicareListedModality warns when every listing of the code on the date (the Medicare
// Telehealth Services List and the OTP rules, MedicareTelehealthService) limits it to another
// modality — G2077 by audio-only after 2024, say. No listing says nothing: the table is partial.
func medicareListedModality(d *Decision, v Visit, dos time.Time) {
	if v.Code == "" || v.Modality == StoreAndForward {
		return
	}
	ls := MedicareTelehealthService(v.Code, dos)
	if len(ls) == 0 {
		return
	}
	for _, l := range ls {
		if l.Modality == 0 || l.Modality == v.Modality {
			return
		}
	}
	d.warn(WarnModalityNotListed, "on this date Medicare allows %s by telecommunication only as %s (%s)",
		v.Code, modalityWords[ls[0].Modality], ls[0].Source)
}
