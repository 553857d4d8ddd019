package codes

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// ListStatus is how a code stands on the Medicare Telehealth Services List on some dates.
type ListStatus int

// List statuses. The zero value is not a status.
const (
	ListPermanent   ListStatus = iota + 1 // on the list with no end set by rule (Category 1 or 2; every listed code from 2026)
	ListProvisional                       // on the list until CMS decides (Category 3, "provisional" in 2024–2025)
	ListTemporary                         // added for the COVID-19 public health emergency only
	ListOTP                               // not on the list: an opioid treatment program service an OTP may furnish by telecommunication
)

// String gives the status as a word: "permanent", "provisional", "temporary", "otp".
func (s ListStatus) String() string {
	switch s {
	case ListPermanent:
		return "permanent"
	case ListProvisional:
		return "provisional"
	case ListTemporary:
		return "temporary"
	case ListOTP:
		return "otp"
	}
	return "unknown"
}

// TelehealthListing is one span of dates during which Medicare lets a code be furnished as
// telehealth: an entry of the CMS Medicare Telehealth Services List, or an opioid treatment
// program rule (ListOTP) for the OTP codes, which are paid outside the list.
//
// From and Until are dates of service: From is the first date, zero when the code was on the
// list before 2020 and the year it was added is not sourced (x12kit's Medicare rules start in
// 2020); Until is the first date it no longer applies, zero while open. Modality is zero when
// the entry does not limit the modality (the general telehealth rules then decide, audio-only
// included), AudioVideo or AudioOnly when the source allows only that one. Source names where
// the entry comes from and starts with its confidence tag ([V], [S], [M], [?]).
type TelehealthListing struct {
	Code     string
	Status   ListStatus
	From     time.Time
	Until    time.Time
	Modality Modality
	Source   string
}

// In reports whether the listing applies on the date of service (only the calendar date
// counts).
func (l TelehealthListing) In(on time.Time) bool {
	return within(day(on), l.From, l.Until)
}

// MedicareTelehealthListings returns every listing x12kit ships, sorted by code, then From. It
// is a copy: change it freely.
//
// The table is not the whole CMS list. It holds the office E/M codes, psychotherapy, the
// telehealth consultations, hospital and nursing facility follow-up visits, care management,
// self-management training and nutrition therapy, wellness visits, ESRD services, office-based
// OUD treatment, the additions of CY2021 to CY2026, the provisional services of 2023–2025 (from
// 2023: what they were during the public health emergency is not in the table), emergency
// department visits, telephone E/M, G2211 and the OTP services. Missing are many services CMS
// added for the emergency (hospital admissions and discharges, critical care, initial nursing
// facility and new-patient home visits, psychological testing, physical and occupational
// therapy) and a few 2026 additions.
func MedicareTelehealthListings() []TelehealthListing {
	return slices.Clone(medicareTelehealthList())
}

// MedicareTelehealthService returns the listings of code that apply on the date of service. A
// code may have two at once: an OTP service allowed by audio-video from one date and
// audio-only from another. nil means x12kit has no listing for that code on that date — which,
// the table being partial (see MedicareTelehealthListings), is not proof that the code was off
// the list.
func MedicareTelehealthService(code string, on time.Time) []TelehealthListing {
	var out []TelehealthListing
	for _, l := range medicareTelehealthList() {
		if l.Code == code && l.In(on) {
			out = append(out, l)
		}
	}
	return out
}

// ProcedureModality reports the modality a procedure code requires by its own definition: the
// CPT 2025 telemedicine E/M codes 98000–98007 are audio-video visits and 98008–98015 audio-only
// ones; the telephone codes 99441–99443 and 98966–98968 are audio-only. ok is false for every
// other code, whose modality the visit states (office E/M, psychotherapy and the rest may be
// furnished either way). The code's dates are not checked here: Lookup it in the "procedure"
// set for that.
//
// The telehealth policy uses it to flag a visit whose stated modality contradicts its code,
// for example 98005 billed for a telephone call.
func ProcedureModality(code string) (Modality, bool) {
	if len(code) != 5 || strings.Trim(code, "0123456789") != "" {
		return 0, false
	}
	switch {
	case code >= "98000" && code <= "98007":
		return AudioVideo, true
	case code >= "98008" && code <= "98015",
		code >= "99441" && code <= "99443",
		code >= "98966" && code <= "98968":
		return AudioOnly, true
	}
	return 0, false
}

// medicareTelehealthList is the shipped table, built once.
var medicareTelehealthList = sync.OnceValue(buildMedicareTelehealthList)

func buildMedicareTelehealthList() []TelehealthListing {
	var ls []TelehealthListing
	add := func(status ListStatus, from, until ymd, m Modality, source string, codes ...string) {
		for _, c := range codes {
			ls = append(ls, TelehealthListing{Code: c, Status: status, From: from.t(), Until: until.t(), Modality: m, Source: source})
		}
	}
	rng := func(lo, hi int) []string {
		var out []string
		for n := lo; n <= hi; n++ {
			out = append(out, itoa5(n))
		}
		return out
	}
	grng := func(lo, hi int) []string {
		var out []string
		for n := lo; n <= hi; n++ {
			out = append(out, fmt.Sprintf("G%04d", n))
		}
		return out
	}
	cat := func(lists ...[]string) []string { return slices.Concat(lists...) }

	// Psychiatry. The CPT 2013 codes replaced codes already on the list; the PHE list of 2021
	// has them all. When each was first listed before 2020 is not sourced.
	psych := "[S] " + srcPHEList2021 + "; on the list before 2020, year added not sourced [M]"
	add(ListPermanent, ymd{}, ymd{}, 0, psych,
		"90785", "90791", "90792", "90832", "90833", "90834", "90836", "90837", "90838", "90839", "90840")
	cy2015 := "[S] proposed for CY2015 (axxess.com on the CY2015 PFS proposed rule, July 2014); finalized from 2015-01-01 [M]"
	add(ListPermanent, ymd{2015, 1, 1}, ymd{}, 0, cy2015, "90845", "90846", "90847", "G0438", "G0439")
	add(ListTemporary, ymd{2020, 3, 1}, ymd{2021, 1, 1}, 0,
		"[S] "+srcPHEList2021+"; from the PHE's first date 2020-03-01 [M]", "90853")
	add(ListPermanent, ymd{2021, 1, 1}, ymd{}, 0, "[V] "+srcCY2021, "90853")
	add(ListPermanent, ymd{2026, 1, 1}, ymd{}, 0, "[V] "+srcCY2026, "90849")

	// Office E/M: the core of the list.
	em := "[S] " + srcCMSList2018 + "; on the list before 2020 [M]"
	add(ListPermanent, ymd{}, ymd{2021, 1, 1}, 0, em+"; 99201 deleted 2021-01-01", "99201")
	add(ListPermanent, ymd{}, ymd{}, 0, em, cat(rng(99202, 99205), rng(99211, 99215))...)

	// Facility follow-up visits, consultations, care management, education, wellness, ESRD.
	add(ListPermanent, ymd{}, ymd{}, 0, em,
		cat(rng(99231, 99233), rng(99307, 99310),
			[]string{"G0406", "G0407", "G0408", "G0425", "G0426", "G0427", "G0508", "G0509"},
			[]string{"99495", "99496", "99497", "99498"},
			[]string{"G0108", "G0109", "G0420", "G0421"},
			[]string{"90951", "90952", "90954", "90955", "90957", "90958", "90960", "90961"}, rng(90963, 90970))...)
	mnt := "[M] on the list before 2020 (medical nutrition therapy and neurobehavioral status exam); not in the sources read"
	add(ListPermanent, ymd{}, ymd{}, 0, mnt, "97802", "97803", "97804", "96116")
	add(ListPermanent, ymd{2020, 1, 1}, ymd{}, 0,
		"[M] on the list from 2020 in place of 96150–96154 (health and behavior assessment, on the 2018 list: "+srcCMSList2018+")",
		"96156", "96158", "96159", "96164", "96165", "96167", "96168")

	// Office-based opioid use disorder treatment, listed from 2020.
	add(ListPermanent, ymd{2020, 1, 1}, ymd{}, 0, "[S] "+srcOfficeOUD, "G2086", "G2087", "G2088")

	// CY2021 Category 1 additions (domiciliary visits until CPT deleted them).
	add(ListPermanent, ymd{2021, 1, 1}, ymd{}, 0, "[V] "+srcCY2021, "96121", "99347", "99348", "99483", "G2211", "G2212")
	add(ListPermanent, ymd{2021, 1, 1}, ymd{2023, 1, 1}, 0, "[V] "+srcCY2021+"; code deleted 2023-01-01 [M]", "99334", "99335")

	// CY2023 Category 1 additions; CY2024 and CY2025 permanent additions.
	add(ListPermanent, ymd{2023, 1, 1}, ymd{}, 0, "[V] "+srcCY2023Cat1, "G0316", "G0317", "G0318", "G3002", "G3003")
	add(ListPermanent, ymd{2024, 1, 1}, ymd{}, 0, "[S] CY2024 PFS final rule: SDOH risk assessment added permanently (hooperlundy.com)", "G0136")
	add(ListPermanent, ymd{2025, 1, 1}, ymd{}, 0, "[V] "+srcCY2025, "G0011", "G0013")

	// The provisional part of the list: Category 3 of the CY2023 PFS (services kept from the
	// PHE; their PHE dates are not in the table), renamed provisional from 2024, and the
	// CY2025 provisional additions; all permanent from 2026.
	cat3 := cat(
		[]string{"90875", "90901", "92012", "92014", "92550", "92552", "92553", "92555", "92556", "92557", "92563",
			"92567", "92568", "92570", "92587", "92588", "92601", "92625", "92626", "92627", "94005", "95970",
			"95983", "95984", "96105", "96110", "96112", "96113", "96127", "96170", "96171", "97129", "97130"},
		rng(97150, 97158),
		[]string{"97530", "97537", "97542", "97763", "98960", "98961", "98962", "99473", "0362T", "0373T"})
	add(ListProvisional, ymd{2023, 1, 1}, ymd{2026, 1, 1}, 0, "[S] "+srcCY2023Cat3+"; provisional from 2024: "+srcCY2024List, cat3...)
	cy2025 := cat([]string{"97550", "97551", "97552", "96202", "96203"}, grng(539, 543))
	add(ListProvisional, ymd{2025, 1, 1}, ymd{2026, 1, 1}, 0, "[S] "+srcCY2025, cy2025...)
	add(ListPermanent, ymd{2026, 1, 1}, ymd{}, 0, "[S] "+srcCY2026Perm, cat(cat3, cy2025)...)

	// Emergency department visits: added for the PHE, kept as Category 3 by the CY2021 PFS.
	ed := rng(99281, 99285)
	add(ListTemporary, ymd{2020, 3, 1}, ymd{2021, 1, 1}, 0,
		"[S] ACEP 'Telehealth during the COVID-19 PHE FAQ': ED visits added for the PHE; ACEP dates them from 2020-03-06 (the waiver), the interim rule's additions from 2020-03-01 [?]", ed...)
	add(ListProvisional, ymd{2021, 1, 1}, ymd{2026, 1, 1}, 0,
		"[S] ACEP FAQ: kept by the CY2021 PFS through the year the PHE ends (Category 3); provisional from 2024: "+srcCY2024List+"; 2024–2025 not checked code by code [M]", ed...)
	add(ListPermanent, ymd{2026, 1, 1}, ymd{}, 0, "[S] "+srcCY2026Perm, ed...)

	// Telephone E/M: telehealth from the PHE, provisional in 2024, deleted 2025-01-01.
	add(ListTemporary, ymd{2020, 3, 1}, ymd{2024, 1, 1}, AudioOnly,
		"[S] "+srcPHETelephone+"; kept through 2023 [M]", "99441", "99442", "99443")
	add(ListProvisional, ymd{2024, 1, 1}, ymd{2025, 1, 1}, AudioOnly,
		"[S] provisional on the list until CPT deleted the codes (manatt.com; mtelehealth.com)", "99441", "99442", "99443")

	// CY2026 additions (G0545, 92622 and 92623 were added too; they are not in the procedure set).
	add(ListPermanent, ymd{2026, 1, 1}, ymd{}, 0, "[V] "+srcCY2026, "G0473")

	// Opioid treatment programs (paid outside the list, POS 58 whatever the modality).
	// Counseling and therapy (the weekly bundles' non-drug part, G2080): audio-video from the
	// start of the benefit, audio-only from the PHE and, when video is not available, for good
	// from CY2022. Periodic assessments (G2077): audio-video or audio-only from the PHE; the
	// audio-only allowance was extended year by year to the end of 2024, and what the CY2025
	// rule did is not sourced [?]. Intake (G2076): buprenorphine initiation by audio-video, or
	// audio-only when video is not available, from 2023; methadone intake by audio-video
	// (SAMHSA, 2024) is not in the table.
	counseling := cat(grng(2067, 2075), []string{"G2080"})
	add(ListOTP, ymd{2020, 1, 1}, ymd{}, AudioVideo,
		"[S] CY2020 PFS final rule: OTP counseling and therapy by two-way audio-video (ABA Health Lawyer, April 2020); 42 CFR 410.67(b)", counseling...)
	add(ListOTP, ymd{2020, 3, 1}, ymd{}, AudioOnly,
		"[V] CMS OTP 'Billing & payment' page (PHE, from 2020-03-01) and OTP page 'New for CY 2022' (after the PHE when video is not available; G2080 takes a service-level modifier); 42 CFR 410.67(b)",
		counseling...)
	add(ListOTP, ymd{2020, 3, 1}, ymd{}, AudioVideo,
		"[S] CMS OTP 'Billing & payment' page: periodic assessments by audio-video from 2020-03-01; after the PHE implied by the yearly audio-only extensions [M]", "G2077")
	add(ListOTP, ymd{2020, 3, 1}, ymd{2025, 1, 1}, AudioOnly,
		"[V] CMS OTP 'Billing & payment' page (from 2020-03-01) and OTP pages 'New for 2023' and 'New for CY 2024' (extended through 2023, then 2024); 2025 on not sourced [?]", "G2077")
	add(ListOTP, ymd{2023, 1, 1}, ymd{}, AudioVideo,
		"[V] CMS OTP page 'New for 2023'; Foley & Lardner, 2022-11-09: intake to start buprenorphine by audio-video", "G2076")
	add(ListOTP, ymd{2023, 1, 1}, ymd{}, AudioOnly,
		"[S] CMS OTP page 'New for 2023': buprenorphine intake audio-only when audio-video is not available", "G2076")

	slices.SortStableFunc(ls, func(a, b TelehealthListing) int {
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return a.From.Compare(b.From)
	})
	return ls
}
