package codes

import (
	"slices"
	"time"
)

// Traditional Medicare's telehealth coding rules as dated data (domain.md §3). The decision
// procedure, decideMedicare, only walks these tables. Each entry carries its confidence tag.

var (
	// medicareRulesFrom..medicareRulesUntil is the span of dates of service the tables were
	// checked for. Outside it every decision carries WarnRulesUnreviewed: the rules start with the
	// 2020 public health emergency, and the CY2027 PFS final rule has not been reviewed [?].
	medicareRulesFrom  = date(2020, 3, 1)
	medicareRulesUntil = date(2027, 1, 1)

	// From this date any telehealth service to a patient at home may be audio-only (CY2025 PFS,
	// the permanent "interactive telecommunications system" definition) [V pavmt/CCHP, AAN].
	medicareAudioOnlyAnyServiceFrom = date(2025, 1, 1)

	// The home-telehealth flexibility for non-behavioral services runs to this date under
	// H.R. 7148, CAA 2026 (through 2027-12-31) [V McGuireWoods, gillcompliance, natlawreview].
	medicareHomeFlexibilityUntil = date(2028, 1, 1)

	// Behavioral telehealth at home needs an in-person visit from this date (delayed) [V].
	medicareBehavioralInPersonFrom = date(2028, 1, 1)
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
	{date(2020, 3, 1), date(2024, 1, 1), POSInPerson, "[V] NGS: the in-person POS (usually 11) + 95 through 2023-12-31"},
	{date(2024, 1, 1), time.Time{}, POSByLocation, "[V] NGS 'Telehealth changes for 2024', MLN901705, AAFP FPM 2025: POS 02/10"},
}

// medicareHomeLapses are the spans when the home-telehealth flexibility had lapsed; both were
// restored retroactively, so claims were held and later paid (domain.md §3.1) [V kzanow, APMA,
// McGuireWoods, bhnet]. Until is the signing date, the first day back in force.
var medicareHomeLapses = []struct {
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
	behavioralOnly bool
	modifier       string
	source         string
}

// medicareModifiers are the modality modifiers. Stroke's G0 and store-and-forward's GQ are
// decided in code (they depend on the visit's purpose and the patient's state).
var medicareModifiers = []medicareModifier{
	{until: date(2018, 1, 1), providers: []ProviderKind{Practice, OTP}, modality: AudioVideo,
		modifier: "GT", source: "[V] CR 10152: GT left professional claims 2018-01-01"},
	{from: date(2020, 3, 1), until: date(2024, 1, 1), providers: []ProviderKind{Practice, OTP}, modality: AudioVideo,
		modifier: "95", source: "[V] NGS: in-person POS + 95 through 2023-12-31"},
	{from: date(2024, 1, 1), providers: []ProviderKind{OTP}, modality: AudioVideo,
		modifier: "95", source: "[V] NGS: OTPs still report 95 from 2024"},
	{from: date(2022, 1, 1), providers: []ProviderKind{Practice, OTP}, modality: AudioOnly,
		modifier: "93", source: "[V] FCSO/Novitas; 93 exists from CPT 2022 [M]"},
	{from: date(2022, 1, 1), providers: []ProviderKind{RHC, FQHC}, modality: AudioOnly,
		modifier: "FQ", source: "[S] RHC/FQHC audio-only: FQ (93 also accepted)"},
	{from: date(2020, 3, 1), providers: []ProviderKind{RHC, FQHC}, modality: AudioVideo, behavioralOnly: true,
		modifier: "95", source: "[M] RHC/FQHC mental health visit by audio-video"},
	{from: date(2020, 3, 1), providers: []ProviderKind{CAH2}, modality: AudioVideo,
		modifier: "GT", source: "[V] NGS: GT stays on CAH method II institutional claims"},
	{from: date(2022, 1, 1), providers: []ProviderKind{CAH2}, modality: AudioOnly,
		modifier: "93", source: "[M] CAH method II audio-only"},
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
		"[V] CY2025 PFS status I for 98000–98015; still in 2026 (AAN); 2027 unverified [?]"},
}

// medicareG2025Until is the end of Medicare's G2025 payment for RHC/FQHC non-behavioral
// telehealth as extended by the CY2026 PFS [V CCHP, WEDI, MHA].
var medicareG2025Until = date(2027, 1, 1)

func within(d, from, until time.Time) bool {
	return (from.IsZero() || !d.Before(from)) && (until.IsZero() || d.Before(until))
}

func decideMedicare(d *Decision, v Visit, code Code, known bool) {
	dos := day(v.DateOfService)
	if !within(dos, medicareRulesFrom, medicareRulesUntil) {
		d.warn(WarnRulesUnreviewed, "x12kit's Medicare rules were checked for dates of service from %s to %s; verify this date against current CMS guidance",
			medicareRulesFrom.Format(time.DateOnly), medicareRulesUntil.AddDate(0, 0, -1).Format(time.DateOnly))
	}

	// Place of service.
	switch {
	case v.Provider.institutional():
		d.POS = ""
		d.warn(WarnInstitutionalClaim, "%s services are billed on an institutional claim (837I): no place of service; telehealth shows in modifiers and revenue codes", v.Provider)
	default:
		d.POS = v.InPersonPOS
		for _, p := range medicarePOS {
			if within(dos, p.from, p.until) {
				d.POS = rulePOS(p.pos, v)
			}
		}
	}

	// Modality modifiers, from the table.
	telephoneCode := known && code.Category == ProcTelephoneEM
	for _, m := range medicareModifiers {
		if within(dos, m.from, m.until) && m.modality == v.Modality && slices.Contains(m.providers, v.Provider) &&
			(!m.behavioralOnly || v.Behavioral) && !telephoneCode {
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

	// Audio-only.
	if v.Modality == AudioOnly {
		switch {
		case !dos.Before(medicareAudioOnlyAnyServiceFrom) && v.Setting != Home:
			d.warn(WarnAudioOnlyNotHome, "Medicare allows audio-only telehealth only when the patient is at home")
		case dos.Before(medicareAudioOnlyAnyServiceFrom) && !v.Behavioral && !telephoneCode:
			d.warn(WarnAudioOnlyNotAllowed, "before 2025-01-01 Medicare paid audio-only services only for behavioral health and the telephone E/M codes")
		}
	}

	// The patient's home as originating site.
	if v.Setting == Home {
		if v.Behavioral {
			if !dos.Before(medicareBehavioralInPersonFrom) {
				d.warn(WarnInPersonRequired, "behavioral telehealth at home needs an in-person visit within the required period from %s", medicareBehavioralInPersonFrom.Format(time.DateOnly))
			}
		} else {
			for _, l := range medicareHomeLapses {
				if within(dos, l.from, l.until) {
					d.warn(WarnHomeFlexibilityLapsed, "the home-telehealth flexibility had lapsed on this date (%s to %s) and was restored by %s: check how the contractor reprocessed held claims",
						l.from.Format(time.DateOnly), l.until.AddDate(0, 0, -1).Format(time.DateOnly), l.restoredBy)
				}
			}
			if !dos.Before(medicareHomeFlexibilityUntil) {
				d.warn(WarnHomeNotEligible, "under current law the home-telehealth flexibility ends %s: the home is not an eligible originating site for non-behavioral services",
					medicareHomeFlexibilityUntil.AddDate(0, 0, -1).Format(time.DateOnly))
			}
		}
	} else if !v.Provider.institutional() {
		d.warn(WarnOriginatingSiteFee, "the originating site, when it is a facility, bills Q3014 separately")
	}

	// Stroke.
	if v.AcuteStroke && codeActive("modifier", "G0", dos) {
		d.addModifier("G0")
	}

	// RHC/FQHC non-behavioral services: G2025.
	if (v.Provider == RHC || v.Provider == FQHC) && !v.Behavioral {
		if v.Code != "" && v.Code != "G2025" {
			d.warn(WarnUseG2025, "RHC/FQHC non-behavioral telehealth is billed to Medicare as G2025")
		}
		if !dos.Before(medicareG2025Until) && !d.has(WarnRulesUnreviewed) {
			d.warn(WarnRulesUnreviewed, "Medicare's G2025 payment is confirmed only through %s", medicareG2025Until.AddDate(0, 0, -1).Format(time.DateOnly))
		}
	}

	// Codes Medicare does not pay.
	if known {
		for _, np := range medicareNotPayable {
			if code.Category == np.category && within(dos, np.from, np.until) {
				d.warn(WarnNotPayableMedicare, "Medicare does not pay %s: %s", v.Code, np.instead)
			}
		}
	}
}
