package codes

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTelehealthProceduresByDate looks up each group of the codes the telehealth list brought
// into the procedure set the day before, on and after its effective or termination date.
func TestTelehealthProceduresByDate(t *testing.T) {
	trs := []transition{
		{"procedure", "90791", date(2013, 1, 1), NotYetEffective, Active},
		{"procedure", "90792", date(2013, 1, 1), NotYetEffective, Active},
		{"procedure", "90785", date(2013, 1, 1), NotYetEffective, Active},
		{"procedure", "90801", date(2013, 1, 1), Active, Terminated},
		{"procedure", "90806", date(2013, 1, 1), Active, Terminated},
		{"procedure", "G0466", date(2014, 10, 1), NotYetEffective, Active},
		{"procedure", "G0470", date(2014, 10, 1), NotYetEffective, Active},
		{"procedure", "G2086", date(2020, 1, 1), NotYetEffective, Active},
		{"procedure", "G2211", date(2021, 1, 1), NotYetEffective, Active},
		{"procedure", "99334", date(2023, 1, 1), Active, Terminated},
		{"procedure", "G0316", date(2023, 1, 1), NotYetEffective, Active},
		{"procedure", "G3003", date(2023, 1, 1), NotYetEffective, Active},
		{"procedure", "G0136", date(2024, 1, 1), NotYetEffective, Active},
		{"procedure", "G0543", date(2025, 1, 1), NotYetEffective, Active},
	}
	for _, r := range [][2]int{{90832, 90834}, {90836, 90840}} {
		trs = append(trs, rangeTransitions("procedure", r[0], r[1], date(2013, 1, 1), NotYetEffective, Active)...)
	}
	for n := 2067; n <= 2080; n++ {
		trs = append(trs, transition{"procedure", "G" + itoa5(n)[1:], date(2020, 1, 1), NotYetEffective, Active})
	}
	trs = append(trs, rangeTransitions("procedure", 98000, 98015, date(2025, 1, 1), NotYetEffective, Active)...)
	for _, tr := range trs {
		for _, c := range tr.cases() {
			_, st, err := Lookup(tr.set, tr.code, c.date)
			require.NoError(t, err)
			assert.Equal(t, c.want, st, "%s %s on %s", tr.set, tr.code, c.date.Format(time.DateOnly))
		}
	}
	// Codes in use before x12kit's history starts are active on any date before their end.
	for _, v := range []string{"90845", "90846", "90847", "90849", "90853", "99231", "G0425", "97802", "90951"} {
		_, st, _ := Lookup("procedure", v, date(2019, 6, 1))
		assert.Equal(t, Active, st, v)
	}
	c, _, _ := Lookup("procedure", "90806", date(2013, 1, 1))
	assert.Equal(t, "90834", c.ReplacedBy)
	c, _, _ = Lookup("procedure", "G2211", date(2022, 6, 1))
	assert.Contains(t, c.Note, "not payable before 2024-01-01")
}

// TestTelehealthProcedureNotes: every code the list brought in names its source after its
// confidence tag, and a code without a first date says why.
func TestTelehealthProcedureNotes(t *testing.T) {
	for _, c := range telehealthListProcedures() {
		assert.Regexp(t, confidenceTag, c.Note, c.Value)
		assert.Greater(t, len(c.Note), len("[M] ")+10, "%s: the Note names the source", c.Value)
		if c.Effective.IsZero() {
			assert.Contains(t, c.Note, dateNotSourced, "%s has no effective date and does not say why", c.Value)
		}
	}
}

func TestMedicareTelehealthListSources(t *testing.T) {
	list := MedicareTelehealthListings()
	require.NotEmpty(t, list)
	procs, _ := Default().Set("procedure")
	for _, l := range list {
		assert.Regexp(t, confidenceTag, l.Source, "%s: every listing starts with its confidence tag", l.Code)
		assert.Greater(t, len(l.Source), 20, "%s: every listing names its source", l.Code)
		assert.NotEqual(t, "unknown", l.Status.String(), l.Code)
		assert.True(t, procs.Contains(l.Code), "%s is listed but not in the procedure set", l.Code)
		if !l.From.IsZero() && !l.Until.IsZero() {
			assert.True(t, l.Until.After(l.From), l.Code)
		}
		if l.Status == ListOTP {
			c, _ := procs.Get(l.Code)
			assert.Equal(t, ProcOTP, c.Category, l.Code)
			assert.NotZero(t, l.Modality, "%s: an OTP rule names its modality", l.Code)
		}
	}
	// The copy is the caller's.
	list[0].Code = "XXXXX"
	assert.NotEqual(t, "XXXXX", MedicareTelehealthListings()[0].Code)
}

func TestMedicareTelehealthService(t *testing.T) {
	onList := func(code string, on time.Time) (ListStatus, bool) {
		for _, l := range MedicareTelehealthService(code, on) {
			if l.Status != ListOTP {
				return l.Status, true
			}
		}
		return 0, false
	}
	for _, c := range []struct {
		code   string
		on     time.Time
		want   ListStatus
		listed bool
	}{
		{"90834", date(2025, 6, 1), ListPermanent, true},
		{"90834", date(2019, 6, 1), ListPermanent, true},
		{"90791", date(2020, 3, 3), ListPermanent, true},
		{"90847", date(2014, 12, 31), 0, false},
		{"90847", date(2015, 1, 1), ListPermanent, true},
		{"G0439", date(2015, 1, 1), ListPermanent, true},
		{"90853", date(2020, 2, 29), 0, false},
		{"90853", date(2020, 3, 1), ListTemporary, true},
		{"90853", date(2021, 1, 1), ListPermanent, true},
		{"90849", date(2025, 12, 31), 0, false},
		{"90849", date(2026, 1, 1), ListPermanent, true},
		{"G2211", date(2020, 12, 31), 0, false},
		{"G2211", date(2021, 1, 1), ListPermanent, true},
		{"G2211", date(2024, 1, 1), ListPermanent, true},
		{"99213", date(2026, 3, 2), ListPermanent, true},
		{"99201", date(2020, 12, 31), ListPermanent, true},
		{"99201", date(2021, 1, 1), 0, false},
		{"99334", date(2022, 12, 31), ListPermanent, true},
		{"99334", date(2023, 1, 1), 0, false},
		{"G2086", date(2019, 12, 31), 0, false},
		{"G2086", date(2020, 1, 1), ListPermanent, true},
		{"G0425", date(2024, 5, 1), ListPermanent, true},
		{"97802", date(2024, 5, 1), ListPermanent, true},
		{"99495", date(2024, 5, 1), ListPermanent, true},
		{"98005", date(2025, 6, 1), 0, false}, // CPT telemedicine codes: not on Medicare's list
		{"G2010", date(2025, 6, 1), 0, false}, // communication-technology service, not telehealth
		{"G2076", date(2024, 1, 1), 0, false}, // OTP: outside the list
		{"96170", date(2022, 12, 31), 0, false},
		{"96170", date(2023, 1, 1), ListProvisional, true},
		{"97153", date(2025, 12, 31), ListProvisional, true},
		{"97153", date(2026, 1, 1), ListPermanent, true},
		{"0373T", date(2024, 6, 1), ListProvisional, true},
		{"96156", date(2020, 1, 1), ListPermanent, true},
		{"97550", date(2024, 12, 31), 0, false},
		{"97550", date(2025, 1, 1), ListProvisional, true},
		{"G0541", date(2026, 1, 1), ListPermanent, true},
		{"G0011", date(2025, 1, 1), ListPermanent, true},
		{"G0136", date(2023, 12, 31), 0, false},
		{"G0136", date(2024, 1, 1), ListPermanent, true},
		{"G3002", date(2023, 1, 1), ListPermanent, true},
		{"99283", date(2020, 2, 29), 0, false},
		{"99283", date(2020, 3, 1), ListTemporary, true},
		{"99283", date(2023, 6, 1), ListProvisional, true},
		{"99285", date(2026, 1, 1), ListPermanent, true},
		{"99441", date(2020, 2, 29), 0, false},
		{"99441", date(2020, 3, 1), ListTemporary, true},
		{"99443", date(2024, 12, 31), ListProvisional, true},
		{"99443", date(2025, 1, 1), 0, false},
	} {
		st, ok := onList(c.code, c.on)
		assert.Equal(t, c.listed, ok, "%s on %s", c.code, c.on.Format(time.DateOnly))
		assert.Equal(t, c.want, st, "%s on %s", c.code, c.on.Format(time.DateOnly))
	}

	// OTP services: audio-video from 2020, audio-only from the PHE; intake by video from 2023.
	modalities := func(code string, on time.Time) []Modality {
		var ms []Modality
		for _, l := range MedicareTelehealthService(code, on) {
			if l.Status == ListOTP {
				ms = append(ms, l.Modality)
			}
		}
		return ms
	}
	assert.Equal(t, []Modality{AudioVideo}, modalities("G2080", date(2020, 2, 1)))
	assert.ElementsMatch(t, []Modality{AudioVideo, AudioOnly}, modalities("G2080", date(2020, 3, 1)))
	assert.ElementsMatch(t, []Modality{AudioVideo, AudioOnly}, modalities("G2080", date(2026, 6, 1)))
	assert.ElementsMatch(t, []Modality{AudioVideo, AudioOnly}, modalities("G2077", date(2024, 12, 31)))
	assert.Equal(t, []Modality{AudioVideo}, modalities("G2077", date(2025, 1, 1)), "audio-only periodic assessments after 2024: not sourced")
	assert.Empty(t, modalities("G2077", date(2020, 2, 1)))
	assert.Empty(t, modalities("G2076", date(2022, 12, 31)))
	assert.ElementsMatch(t, []Modality{AudioVideo, AudioOnly}, modalities("G2076", date(2023, 1, 1)))
	assert.Equal(t, []Modality{AudioVideo}, modalities("G2067", date(2020, 1, 1)))
	assert.Nil(t, MedicareTelehealthService("G2078", date(2024, 1, 1)), "take-home supplies are not telehealth")
	assert.Nil(t, MedicareTelehealthService("00000", date(2024, 1, 1)))
}

func TestProcedureModality(t *testing.T) {
	for n := 98000; n <= 98007; n++ {
		m, ok := ProcedureModality(itoa5(n))
		assert.True(t, ok, n)
		assert.Equal(t, AudioVideo, m, n)
	}
	for _, r := range [][2]int{{98008, 98015}, {99441, 99443}, {98966, 98968}} {
		for n := r[0]; n <= r[1]; n++ {
			m, ok := ProcedureModality(itoa5(n))
			assert.True(t, ok, n)
			assert.Equal(t, AudioOnly, m, n)
		}
	}
	for _, v := range []string{"98016", "97999", "99213", "90834", "G2080", "9800", "980000", "9800A", "", "98 00"} {
		m, ok := ProcedureModality(v)
		assert.False(t, ok, v)
		assert.Zero(t, m, v)
	}
	// Every code with a modality is in the procedure set, in a family that fits.
	procs, _ := Default().Set("procedure")
	for _, c := range procs.Codes() {
		if _, ok := ProcedureModality(c.Value); ok {
			assert.True(t, c.Category == ProcTelemedicineEM || c.Category == ProcTelephoneEM, c.Value)
		} else {
			assert.NotEqual(t, ProcTelemedicineEM, c.Category, c.Value)
		}
	}
}

func TestListStatusString(t *testing.T) {
	for s, want := range map[ListStatus]string{ListPermanent: "permanent", ListProvisional: "provisional",
		ListTemporary: "temporary", ListOTP: "otp", 0: "unknown"} {
		assert.Equal(t, want, s.String())
	}
}
