package codes

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// visit builds a traditional-Medicare practice visit; options change one thing at a time.
func visit(dos time.Time, mod Modality, set Setting, opts ...func(*Visit)) Visit {
	v := Visit{DateOfService: dos, Payer: Payer{Kind: Medicare}, Modality: mod, Setting: set, Code: "99213"}
	for _, o := range opts {
		o(&v)
	}
	return v
}

func code(c string) func(*Visit)           { return func(v *Visit) { v.Code = c } }
func provider(k ProviderKind) func(*Visit) { return func(v *Visit) { v.Provider = k } }
func payer(p Payer) func(*Visit)           { return func(v *Visit) { v.Payer = p } }
func behavioral(v *Visit)                  { v.Behavioral = true }
func stroke(v *Visit)                      { v.AcuteStroke = true }
func inState(s string) func(*Visit)        { return func(v *Visit) { v.PatientState = s } }
func purpose(p Purpose) func(*Visit)       { return func(v *Visit) { v.Purpose = p } }
func practitioner(p Practitioner) func(*Visit) {
	return func(v *Visit) { v.Practitioner = p }
}
func area(a Area) func(*Visit) { return func(v *Visit) { v.Area = a } }

func warningCodes(d Decision) []string {
	out := []string{}
	for _, w := range d.Warnings {
		out = append(out, w.Code)
	}
	return out
}

type scenario struct {
	rule  string
	visit Visit
	pos   string
	mods  []string
	warns []string // warning codes that must be present
	not   []string // warning codes that must be absent
}

func checkScenarios(t *testing.T, p *Policy, scenarios []scenario) {
	t.Helper()
	for _, s := range scenarios {
		d, err := p.Decide(s.visit)
		require.NoError(t, err, s.rule)
		assert.Equal(t, s.pos, d.POS, s.rule)
		if s.mods == nil {
			s.mods = []string{}
		}
		assert.Equal(t, s.mods, d.Modifiers, s.rule)
		got := warningCodes(d)
		for _, w := range s.warns {
			assert.Contains(t, got, w, s.rule)
		}
		for _, w := range s.not {
			assert.NotContains(t, got, w, s.rule)
		}
	}
}

var (
	y2023 = date(2023, 6, 1)
	y2024 = date(2024, 6, 1)
	y2025 = date(2025, 6, 1)
	y2026 = date(2026, 6, 1)
)

// TestMedicareTelehealthRules is domain.md §3 as a table: each row is one rule.
func TestMedicareTelehealthRules(t *testing.T) {
	checkScenarios(t, &Policy{}, []scenario{
		{rule: "through 2023, Medicare video visits use the in-person POS plus 95",
			visit: visit(y2023, AudioVideo, Home), pos: "11", mods: []string{"95"}},
		{rule: "the in-person POS is the one the visit would have had",
			visit: visit(y2023, AudioVideo, OtherSite, func(v *Visit) { v.InPersonPOS = "22" }), pos: "22", mods: []string{"95"}},
		{rule: "from 2024, video to the patient's home is POS 10 with no modifier",
			visit: visit(y2024, AudioVideo, Home), pos: "10", not: []string{WarnNoPayerRule}},
		{rule: "from 2024, video to another site is POS 02 with no modifier; the site bills Q3014",
			visit: visit(y2024, AudioVideo, OtherSite), pos: "02", warns: []string{WarnOriginatingSiteFee}},
		{rule: "from 2025, audio-only to the home is POS 10 with 93",
			visit: visit(y2025, AudioOnly, Home), pos: "10", mods: []string{"93"}, not: []string{WarnAudioOnlyNotHome}},
		{rule: "from 2025, audio-only outside the home is not allowed",
			visit: visit(y2025, AudioOnly, OtherSite), pos: "02", mods: []string{"93"}, warns: []string{WarnAudioOnlyNotHome}},
		{rule: "before 2025, audio-only for non-behavioral E/M was not paid",
			visit: visit(y2024, AudioOnly, Home), pos: "10", mods: []string{"93"}, warns: []string{WarnAudioOnlyNotAllowed}},
		{rule: "before 2025, audio-only behavioral health at home takes 93",
			visit: visit(y2024, AudioOnly, Home, behavioral, code("90834")), pos: "10", mods: []string{"93"},
			not: []string{WarnAudioOnlyNotAllowed}},
		{rule: "RHC/FQHC audio-only takes FQ, on an institutional claim without POS",
			visit: visit(y2025, AudioOnly, Home, provider(FQHC), behavioral, code("")), pos: "", mods: []string{"FQ"},
			warns: []string{WarnInstitutionalClaim}},
		{rule: "RHC/FQHC non-behavioral telehealth is G2025",
			visit: visit(y2025, AudioVideo, Home, provider(RHC)), pos: "", warns: []string{WarnUseG2025}},
		{rule: "RHC/FQHC billing G2025 is fine",
			visit: visit(y2026, AudioVideo, Home, provider(RHC), code("G2025")), pos: "", not: []string{WarnUseG2025}},
		{rule: "CAH method II takes GT on the institutional claim",
			visit: visit(y2025, AudioVideo, OtherSite, provider(CAH2)), pos: "", mods: []string{"GT"},
			warns: []string{WarnInstitutionalClaim}},
		{rule: "OTPs report POS 58 on every claim (CMS OTP Billing & Payment page); 95 for video is [?]",
			visit: visit(y2025, AudioVideo, Home, provider(OTP)), pos: "58", mods: []string{"95"}},
		{rule: "acute stroke telehealth adds G0",
			visit: visit(y2025, AudioVideo, OtherSite, stroke), pos: "02", mods: []string{"G0"}},
		{rule: "CAH method II stroke: GT and G0",
			visit: visit(y2025, AudioVideo, OtherSite, provider(CAH2), stroke), pos: "", mods: []string{"GT", "G0"}},
		{rule: "store-and-forward is paid only in the Alaska/Hawaii demonstration",
			visit: visit(y2025, StoreAndForward, OtherSite), pos: "02", warns: []string{WarnNotPayableMedicare}},
		{rule: "store-and-forward in Alaska takes GQ",
			visit: visit(y2025, StoreAndForward, OtherSite, inState("AK")), pos: "02", mods: []string{"GQ"},
			not: []string{WarnNotPayableMedicare}},
		{rule: "98000–98015 are not paid by Medicare: bill 99202–99215",
			visit: visit(y2025, AudioVideo, Home, code("98005")), pos: "10", warns: []string{WarnNotPayableMedicare}},
		{rule: "98016 is the virtual check-in and payable",
			visit: visit(y2025, AudioOnly, Home, code("98016")), pos: "11", warns: []string{WarnNotTelehealthService},
			not: []string{WarnNotPayableMedicare}},
		{rule: "99421–99423 are not telehealth: no POS 02/10, no 95",
			visit: visit(y2023, AudioVideo, Home, code("99422")), pos: "11", warns: []string{WarnNotTelehealthService}},
		{rule: "99201 is gone after 2020",
			visit: visit(y2024, AudioVideo, Home, code("99201")), pos: "10", warns: []string{WarnDeletedCode}},
		{rule: "99441–99443 are gone from 2025",
			visit: visit(y2025, AudioOnly, Home, code("99442")), pos: "10", warns: []string{WarnDeletedCode}},
		{rule: "G2012 is gone from 2025 (98016 replaces it)",
			visit: visit(y2025, AudioOnly, Home, code("G2012")), pos: "11", warns: []string{WarnDeletedCode, WarnNotTelehealthService}},
		{rule: "98000 did not exist in 2024",
			visit: visit(y2024, AudioVideo, Home, code("98000")), pos: "10", warns: []string{WarnCodeNotYetEffective}},
		{rule: "a malformed code is flagged",
			visit: visit(y2025, AudioVideo, Home, code("9921")), pos: "10", warns: []string{WarnCodeFormat}},
		{rule: "behavioral telehealth at home is permanent, but from 2028 needs an in-person visit",
			visit: visit(date(2028, 3, 1), AudioVideo, Home, behavioral), pos: "10",
			warns: []string{WarnInPersonRequired}, not: []string{WarnHomeNotEligible}},
		{rule: "non-behavioral home telehealth ends after 2027-12-31 under current law",
			visit: visit(date(2028, 3, 1), AudioVideo, Home), pos: "10", warns: []string{WarnHomeNotEligible, WarnRulesUnreviewed}},
		{rule: "dates the rules were not checked for say so; before the PHE it was POS 02",
			visit: visit(date(2018, 6, 1), AudioVideo, OtherSite), pos: "02", warns: []string{WarnRulesUnreviewed}},
		{rule: "before 2018, GT marked professional telehealth",
			visit: visit(date(2017, 6, 1), AudioVideo, OtherSite), pos: "02", mods: []string{"GT"}, warns: []string{WarnRulesUnreviewed}},
	})
}

func TestMedicareDatedTransitions(t *testing.T) {
	type tr struct {
		name          string
		on            time.Time
		v             func(time.Time) Visit
		before, after func(*testing.T, string, Decision)
	}
	hasWarn := func(code string) func(*testing.T, string, Decision) {
		return func(t *testing.T, msg string, d Decision) { assert.Contains(t, warningCodes(d), code, msg) }
	}
	noWarn := func(code string) func(*testing.T, string, Decision) {
		return func(t *testing.T, msg string, d Decision) { assert.NotContains(t, warningCodes(d), code, msg) }
	}
	posMods := func(pos string, mods ...string) func(*testing.T, string, Decision) {
		return func(t *testing.T, msg string, d Decision) {
			assert.Equal(t, pos, d.POS, msg)
			if mods == nil {
				mods = []string{}
			}
			assert.Equal(t, mods, d.Modifiers, msg)
		}
	}
	video := func(set Setting, opts ...func(*Visit)) func(time.Time) Visit {
		return func(d time.Time) Visit { return visit(d, AudioVideo, set, opts...) }
	}
	audio := func(set Setting, opts ...func(*Visit)) func(time.Time) Visit {
		return func(d time.Time) Visit { return visit(d, AudioOnly, set, opts...) }
	}
	lapse := WarnHomeFlexibilityLapsed
	for _, c := range []tr{
		{"2024: POS 02/10 replace in-person POS + 95", date(2024, 1, 1), video(Home), posMods("11", "95"), posMods("10")},
		{"2022: modifier 93 for audio-only", date(2022, 1, 1), audio(Home, behavioral, code("90834")), posMods("11"), posMods("11", "93")},
		{"2025: audio-only for any service at home", date(2025, 1, 1), audio(Home), hasWarn(WarnAudioOnlyNotAllowed), noWarn(WarnAudioOnlyNotAllowed)},
		{"2025: audio-only outside the home", date(2025, 1, 1), audio(OtherSite), noWarn(WarnAudioOnlyNotHome), hasWarn(WarnAudioOnlyNotHome)},
		{"lapse 1 starts 2025-10-01", date(2025, 10, 1), video(Home), noWarn(lapse), hasWarn(lapse)},
		{"lapse 1 ends with H.R. 5371 on 2025-11-12", date(2025, 11, 12), video(Home), hasWarn(lapse), noWarn(lapse)},
		{"lapse 2 starts 2026-01-31", date(2026, 1, 31), video(Home), noWarn(lapse), hasWarn(lapse)},
		{"lapse 2 ends with H.R. 7148 on 2026-02-03", date(2026, 2, 3), video(Home), hasWarn(lapse), noWarn(lapse)},
		{"lapses do not touch behavioral care", date(2025, 10, 1), video(Home, behavioral), noWarn(lapse), noWarn(lapse)},
		{"lapses do not touch other sites", date(2025, 10, 1), video(OtherSite), noWarn(lapse), noWarn(lapse)},
		{"home flexibility ends after 2027-12-31", date(2028, 1, 1), video(Home), noWarn(WarnHomeNotEligible), hasWarn(WarnHomeNotEligible)},
		{"behavioral in-person requirement from 2028-01-01", date(2028, 1, 1), video(Home, behavioral), noWarn(WarnInPersonRequired), hasWarn(WarnInPersonRequired)},
		{"rules start 2019-01-01", date(2019, 1, 1), video(OtherSite), hasWarn(WarnRulesUnreviewed), noWarn(WarnRulesUnreviewed)},
		{"home waiver starts 2020-03-06", date(2020, 3, 6), video(Home), hasWarn(WarnHomeNotEligible), noWarn(WarnHomeNotEligible)},
		{"geographic waiver starts 2020-03-06", date(2020, 3, 6), video(OtherSite), hasWarn(WarnAreaUnknown), noWarn(WarnAreaUnknown)},
		{"SUPPORT Act: home for SUD treatment from 2019-07-01", date(2019, 7, 1), video(Home, purpose(PurposeSubstanceUse)),
			hasWarn(WarnHomeNotEligible), noWarn(WarnHomeNotEligible)},
		{"RHC/FQHC distant site from 2020-01-27", date(2020, 1, 27), video(OtherSite, provider(RHC), code("G2025")),
			hasWarn(WarnNotPayableMedicare), noWarn(WarnNotPayableMedicare)},
		{"RHC/FQHC 95 on G2025 claims ends 2020-06-30", date(2020, 7, 1), video(OtherSite, provider(FQHC), code("G2025")),
			posMods("", "95"), posMods("")},
		{"RHC/FQHC mental health visits by telecommunications from 2022-01-01", date(2022, 1, 1),
			video(Home, provider(RHC), purpose(PurposeMentalHealth), code("90834")), hasWarn(WarnUseG2025), noWarn(WarnUseG2025)},
		{"therapists' telehealth lapses 2025-10-01", date(2025, 10, 1), video(OtherSite, practitioner(PractitionerPT), area(AreaEligible)),
			noWarn(WarnPractitionerIneligible), hasWarn(WarnPractitionerIneligible)},
		{"PHE: POS 02 gives way to in-person POS + 95", date(2020, 3, 1), video(OtherSite), posMods("02"), posMods("11", "95")},
		{"GT leaves professional claims 2018-01-01", date(2018, 1, 1), video(OtherSite), posMods("02", "GT"), posMods("02")},
		{"rules reviewed through 2027-12-31", date(2028, 1, 1), video(OtherSite), noWarn(WarnRulesUnreviewed), hasWarn(WarnRulesUnreviewed)},
		{"CY2027 PFS final rule unreviewed: platform modifiers", date(2027, 1, 1), video(OtherSite), noWarn(WarnPlatformModifier), hasWarn(WarnPlatformModifier)},
		{"99201 deleted 2021-01-01", date(2021, 1, 1), video(OtherSite, code("99201")), noWarn(WarnDeletedCode), hasWarn(WarnDeletedCode)},
		{"99441 deleted 2025-01-01", date(2025, 1, 1), audio(Home, code("99441")), noWarn(WarnDeletedCode), hasWarn(WarnDeletedCode)},
		{"99443 deleted 2025-01-01", date(2025, 1, 1), audio(Home, code("99443")), noWarn(WarnDeletedCode), hasWarn(WarnDeletedCode)},
		{"98004 starts 2025-01-01, unpaid by Medicare", date(2025, 1, 1), video(Home, code("98004")),
			hasWarn(WarnCodeNotYetEffective), hasWarn(WarnNotPayableMedicare)},
		{"98016 starts 2025-01-01", date(2025, 1, 1), audio(Home, code("98016")), hasWarn(WarnCodeNotYetEffective), noWarn(WarnCodeNotYetEffective)},
		{"G2012 deleted 2025-01-01", date(2025, 1, 1), audio(Home, code("G2012")), noWarn(WarnDeletedCode), hasWarn(WarnDeletedCode)},
	} {
		for _, off := range []int{-1, 0, 1} {
			dos := c.on.AddDate(0, 0, off)
			d, err := Decide(c.v(dos))
			require.NoError(t, err)
			msg := c.name + " on " + dos.Format(time.DateOnly)
			if off < 0 {
				c.before(t, msg, d)
			} else {
				c.after(t, msg, d)
			}
		}
	}
}

func TestOtherPayers(t *testing.T) {
	p := &Policy{}
	require.NoError(t, p.RegisterPayerRule(PayerRule{Kind: Commercial, Name: "Acme Health",
		POS: "02", Modifiers: []string{"95"}, Note: "Acme bulletin: POS 02 + 95 for all telehealth"}))
	require.NoError(t, p.RegisterPayerRule(PayerRule{Kind: Commercial, Name: "acme health", Modality: AudioOnly,
		From: date(2026, 1, 1), POS: POSByLocation, Modifiers: []string{"93"}}))
	require.NoError(t, p.RegisterPayerRule(PayerRule{Kind: Medicaid, State: "NY", POS: POSInPerson, Modifiers: []string{"GT"}}))
	commercial := func(name string) func(*Visit) { return payer(Payer{Kind: Commercial, Name: name}) }
	checkScenarios(t, p, []scenario{
		{rule: "an unknown commercial payer gets the stated default: POS 10 home, 95 video",
			visit: visit(y2025, AudioVideo, Home, commercial("Unknown Plan")), pos: "10", mods: []string{"95"},
			warns: []string{WarnNoPayerRule}, not: []string{WarnNotPayableMedicare}},
		{rule: "default: POS 02 elsewhere, 93 audio",
			visit: visit(y2025, AudioOnly, OtherSite, commercial("")), pos: "02", mods: []string{"93"},
			warns: []string{WarnNoPayerRule}, not: []string{WarnAudioOnlyNotHome}},
		{rule: "default: GQ store-and-forward",
			visit: visit(y2025, StoreAndForward, OtherSite, commercial("")), pos: "02", mods: []string{"GQ"}},
		{rule: "default before POS 10 existed: POS 02 even at home",
			visit: visit(date(2021, 12, 31), AudioVideo, Home, commercial("")), pos: "02", mods: []string{"95"}},
		{rule: "default before 93 existed: no audio modifier",
			visit: visit(date(2021, 12, 31), AudioOnly, Home, commercial("")), pos: "02"},
		{rule: "default on the day POS 10 and 93 start",
			visit: visit(date(2022, 1, 1), AudioOnly, Home, commercial("")), pos: "10", mods: []string{"93"}},
		{rule: "Medicaid without a rule gets the default too",
			visit: visit(y2025, AudioVideo, Home, payer(Payer{Kind: Medicaid, State: "IL"})), pos: "10", mods: []string{"95"},
			warns: []string{WarnNoPayerRule}},
		{rule: "a registered commercial rule wins (name without case)",
			visit: visit(y2025, AudioVideo, Home, commercial("ACME HEALTH")), pos: "02", mods: []string{"95"},
			not: []string{WarnNoPayerRule}},
		{rule: "a later, narrower rule overrides it from its start date",
			visit: visit(y2026, AudioOnly, Home, commercial("Acme Health")), pos: "10", mods: []string{"93"}},
		{rule: "…but not before it",
			visit: visit(y2025, AudioOnly, Home, commercial("Acme Health")), pos: "02", mods: []string{"95"}},
		{rule: "a Medicaid state rule",
			visit: visit(y2025, AudioVideo, Home, payer(Payer{Kind: Medicaid, State: "ny"})), pos: "11", mods: []string{"GT"}},
		{rule: "deleted codes are flagged for every payer",
			visit: visit(y2025, AudioOnly, Home, commercial(""), code("99441")), pos: "10", mods: []string{"93"},
			warns: []string{WarnDeletedCode}},
		{rule: "99421–99423 are not telehealth for any payer",
			visit: visit(y2025, AudioVideo, Home, commercial("Acme Health"), code("99421")), pos: "11",
			warns: []string{WarnNotTelehealthService}},
	})

	// A Medicare rule replaces the built-in POS and modifiers but keeps its warnings.
	require.NoError(t, p.RegisterPayerRule(PayerRule{Kind: Medicare, From: date(2027, 1, 1), POS: POSByLocation, Modifiers: []string{"BB"}}))
	checkScenarios(t, p, []scenario{{rule: "a user's 2027 Medicare rule",
		visit: visit(date(2027, 2, 1), AudioVideo, Home), pos: "10", mods: []string{"BB"}, warns: []string{WarnPlatformModifier}}})
	assert.Error(t, p.RegisterPayerRule(PayerRule{}))
}

func TestDecideRejectsIncompleteVisits(t *testing.T) {
	good := visit(y2025, AudioVideo, Home)
	for name, change := range map[string]func(*Visit){
		"no date":                    func(v *Visit) { v.DateOfService = time.Time{} },
		"no payer":                   func(v *Visit) { v.Payer = Payer{} },
		"medicaid no state":          func(v *Visit) { v.Payer = Payer{Kind: Medicaid} },
		"no modality":                func(v *Visit) { v.Modality = 0 },
		"no setting":                 func(v *Visit) { v.Setting = 0 },
		"bad provider":               func(v *Visit) { v.Provider = 99 },
		"bad purpose":                func(v *Visit) { v.Purpose = 99 },
		"purpose against behavioral": func(v *Visit) { v.Behavioral, v.Purpose = true, PurposeMedical },
		"bad practitioner":           func(v *Visit) { v.Practitioner = 99 },
		"bad area":                   func(v *Visit) { v.Area = 99 },
	} {
		v := good
		change(&v)
		_, err := Decide(v)
		assert.ErrorIs(t, err, ErrVisit, name)
	}
	d, err := Decide(good)
	require.NoError(t, err)
	assert.NotNil(t, d.Modifiers)
	assert.NotNil(t, d.Warnings)
}

func TestEnumStrings(t *testing.T) {
	assert.Equal(t, "medicaid", Medicaid.String())
	assert.Equal(t, "audio", AudioOnly.String())
	assert.Equal(t, "facility", OtherSite.String())
	assert.Equal(t, "cah2", CAH2.String())
	assert.Equal(t, "unknown", PayerKind(0).String())
	assert.Equal(t, "hospital-outpatient", HospitalOutpatient.String())
	assert.Equal(t, "substance-use", PurposeSubstanceUse.String())
	assert.Equal(t, "slp", PractitionerSLP.String())
	assert.Equal(t, "rural", AreaEligible.String())
	assert.Equal(t, "unknown", Purpose(9).String())
	assert.Equal(t, "unknown", Practitioner(9).String())
	assert.Equal(t, "unknown", Area(9).String())
}
