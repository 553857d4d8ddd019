package codes

import (
	"fmt"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRegistryNames(t *testing.T) {
	names := Default().Names()
	for _, n := range []string{"pos", "modifier", "procedure", "carc", "rarc", "service-type", "cas-group",
		"claim-status", "plb-reason", "claim-frequency", "claim-filing-indicator", "claim-filing-indicator-835", "relationship", "patient-relationship", "entity-id",
		"id-qualifier", "eb-benefit", "coverage-level", "insurance-type", "time-period", "aaa-reject-reason",
		"aaa-follow-up", "us-state"} {
		assert.Contains(t, names, n)
		assert.True(t, Default().Known(n), n)
	}
	assert.False(t, Default().Known("no-such-set"))
	assert.False(t, Default().Contains("no-such-set", "1"))
	assert.True(t, Default().Contains("pos", "10"))
	assert.False(t, Default().Contains("cas-group", "CR"), "CR was removed in 5010")
}

func TestStatusString(t *testing.T) {
	assert.Equal(t, "active", Active.String())
	assert.Equal(t, "not_yet_effective", NotYetEffective.String())
	assert.Equal(t, "terminated", Terminated.String())
	assert.Equal(t, "unknown", Unknown.String())
	b, err := Terminated.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "terminated", string(b))
}

// transition expands one dated change into the day before, the day of and the day after.
type transition struct {
	set, code     string
	on            time.Time
	before, after Status
}

func (tr transition) cases() []struct {
	date time.Time
	want Status
} {
	return []struct {
		date time.Time
		want Status
	}{{tr.on.AddDate(0, 0, -1), tr.before}, {tr.on, tr.after}, {tr.on.AddDate(0, 0, 1), tr.after}}
}

func rangeTransitions(set string, lo, hi int, on time.Time, before, after Status) []transition {
	var out []transition
	for n := lo; n <= hi; n++ {
		out = append(out, transition{set, fmt.Sprintf("%05d", n), on, before, after})
	}
	return out
}

func TestDatedTransitions(t *testing.T) {
	trs := []transition{
		{"pos", "02", date(2017, 1, 1), NotYetEffective, Active},
		{"pos", "10", date(2022, 1, 1), NotYetEffective, Active},
		{"pos", "27", date(2023, 10, 1), NotYetEffective, Active},
		{"procedure", "99201", date(2021, 1, 1), Active, Terminated},
		{"procedure", "99444", date(2020, 1, 1), Active, Terminated},
		{"procedure", "G2012", date(2025, 1, 1), Active, Terminated},
		{"procedure", "G2012", date(2019, 1, 1), NotYetEffective, Active},
		{"procedure", "G2252", date(2021, 1, 1), NotYetEffective, Active},
		{"procedure", "G2010", date(2019, 1, 1), NotYetEffective, Active},
		{"modifier", "95", date(2017, 1, 1), NotYetEffective, Active},
		{"modifier", "93", date(2022, 1, 1), NotYetEffective, Active},
		{"modifier", "FQ", date(2022, 1, 1), NotYetEffective, Active},
		{"modifier", "G0", date(2019, 1, 1), NotYetEffective, Active},
		{"modifier", "XU", date(2015, 1, 1), NotYetEffective, Active},
	}
	trs = append(trs, rangeTransitions("procedure", 99441, 99443, date(2025, 1, 1), Active, Terminated)...)
	trs = append(trs, rangeTransitions("procedure", 98000, 98016, date(2025, 1, 1), NotYetEffective, Active)...)
	trs = append(trs, rangeTransitions("procedure", 99421, 99423, date(2020, 1, 1), NotYetEffective, Active)...)
	for _, tr := range trs {
		for _, c := range tr.cases() {
			_, got, err := Lookup(tr.set, tr.code, c.date)
			require.NoError(t, err)
			assert.Equal(t, c.want, got, "%s %s on %s", tr.set, tr.code, c.date.Format(time.DateOnly))
		}
	}
}

func TestLookupDescriptionByDate(t *testing.T) {
	for _, c := range []struct {
		on   time.Time
		want string
	}{
		{date(2021, 12, 31), "Telehealth (any originating site)"},
		{date(2022, 1, 1), "Telehealth, patient not at home"},
		{date(2022, 1, 2), "Telehealth, patient not at home"},
	} {
		code, st, err := Lookup("pos", "02", c.on)
		require.NoError(t, err)
		assert.Equal(t, Active, st)
		assert.Equal(t, c.want, code.Description, c.on.Format(time.DateOnly))
	}
	// The clock and location of the date do not matter, only the calendar date.
	late := time.Date(2024, 12, 31, 23, 59, 0, 0, time.FixedZone("X", -10*3600))
	_, st, _ := Lookup("procedure", "99441", late)
	assert.Equal(t, Active, st)

	code, st, err := Lookup("pos", "00", date(2026, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, Unknown, st)
	assert.Equal(t, Code{}, code)

	_, _, err = Lookup("nope", "1", date(2026, 1, 1))
	assert.ErrorIs(t, err, ErrNoSet)
}

// wellFormed says what a value looks like in each shipped set.
var wellFormed = map[string]*regexp.Regexp{
	"pos":                        regexp.MustCompile(`^[0-9]{2}$`),
	"modifier":                   regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"procedure":                  regexp.MustCompile(`^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$`),
	"carc":                       regexp.MustCompile(`^([1-9][0-9]{0,2}|[A-Z][0-9]{1,2})$`),
	"rarc":                       regexp.MustCompile(`^(M|N|MA)[0-9]{1,4}$`),
	"cas-group":                  regexp.MustCompile(`^(CO|OA|PI|PR)$`),
	"claim-status":               regexp.MustCompile(`^[0-9]{1,2}$`),
	"plb-reason":                 regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"claim-frequency":            regexp.MustCompile(`^[0-9]$`),
	"claim-filing-indicator":     regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"claim-filing-indicator-835": regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"relationship":               regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"patient-relationship":       regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"gender":                     regexp.MustCompile(`^[FMU]$`),
	"entity-id":                  regexp.MustCompile(`^[0-9A-Z]{2,3}$`),
	"id-qualifier":               regexp.MustCompile(`^[0-9A-Z]{1,2}$`),
	"reference-qualifier":        regexp.MustCompile(`^[0-9A-Z]{2,3}$`),
	"eb-benefit":                 regexp.MustCompile(`^[0-9A-Z]{1,2}$`),
	"coverage-level":             regexp.MustCompile(`^[A-Z]{3}$`),
	"service-type":               regexp.MustCompile(`^[0-9A-Z]{1,2}$`),
	"insurance-type":             regexp.MustCompile(`^[0-9A-Z]{1,2}$`),
	"time-period":                regexp.MustCompile(`^[0-9]{1,2}$`),
	"aaa-reject-reason":          regexp.MustCompile(`^[0-9A-Z]{2}$`),
	"aaa-follow-up":              regexp.MustCompile(`^[A-Z]$`),
	"us-state":                   regexp.MustCompile(`^[A-Z]{2}$`),
}

var denialCategories = []string{CatEligibility, CatAuthorization, CatCoding, CatDuplicate, CatTimelyFiling,
	CatMedicalNecessity, CatBundling, CatCOB, CatPatientResp, CatContractual, CatMissingInfo, CatNonCovered,
	CatBenefitLimit, CatProvider, CatInformational, CatOther}

func TestShippedDataSelfConsistent(t *testing.T) {
	reg := Default()
	for _, name := range reg.Names() {
		s, _ := reg.Set(name)
		assert.Equal(t, name, s.Name)
		assert.NotEmpty(t, s.Title, name)
		assert.Equal(t, date(2026, 11, 28), s.LastReviewed, name)
		re := wellFormed[name]
		require.NotNil(t, re, "no well-formedness rule for set %s", name)
		seen := map[string]bool{}
		descs := map[string]string{}
		for _, c := range s.Codes() {
			assert.False(t, seen[c.Value], "%s: duplicate %s", name, c.Value)
			seen[c.Value] = true
			assert.Regexp(t, re, c.Value, "%s: malformed code", name)
			assert.NotEmpty(t, c.Description, "%s %s", name, c.Value)
			assert.LessOrEqual(t, len(c.Description), 100, "%s %s: keep descriptions short", name, c.Value)
			if !c.Effective.IsZero() && !c.Terminated.IsZero() {
				assert.True(t, c.Terminated.After(c.Effective), "%s %s ends before it starts", name, c.Value)
			}
			for _, w := range c.Earlier {
				assert.True(t, c.Effective.IsZero() || w.Until.After(c.Effective), "%s %s wording", name, c.Value)
			}
			if name == "procedure" {
				assert.NoError(t, CheckProcedure(c.Value), c.Value)
				assert.NotEmpty(t, c.Category, c.Value)
			}
			if name == "carc" || name == "rarc" {
				assert.Contains(t, denialCategories, c.Category, "%s %s", name, c.Value)
				assert.NotEmpty(t, c.Note, "%s %s needs its confidence tag", name, c.Value)
			}
			if name != "service-type" && name != "procedure" { // service types and E/M ranges repeat wording by design
				if prev, dup := descs[c.Description]; dup {
					t.Errorf("%s: %s and %s share a description", name, prev, c.Value)
				}
				descs[c.Description] = c.Value
			}
		}
	}
}

func TestCommonCodesShipped(t *testing.T) {
	for _, v := range []string{"1", "2", "3", "4", "5", "6", "9", "11", "16", "18", "22", "23", "26", "27", "29",
		"31", "45", "50", "96", "97", "109", "119", "125", "129", "140", "151", "167", "170", "171", "185", "197",
		"204", "222", "223", "236", "242", "253", "B7", "B9", "B15"} {
		assert.True(t, Default().Contains("carc", v), "CARC %s", v)
	}
	for _, v := range []string{"M15", "M51", "M76", "M77", "N4", "N30", "N95", "N130", "N290", "N362", "N386",
		"N479", "N519", "N522", "MA04", "MA18", "MA130"} {
		assert.True(t, Default().Contains("rarc", v), "RARC %s", v)
	}
	for _, v := range []string{"95", "93", "GT", "GQ", "FQ", "FR", "G0", "25", "59", "XE", "XS", "XP", "XU",
		"76", "77", "GA", "GY", "GZ", "KX", "24", "57"} {
		assert.True(t, Default().Contains("modifier", v), "modifier %s", v)
	}
	for _, v := range []string{"1", "30", "33", "35", "47", "48", "50", "86", "88", "98", "99", "A3", "A4",
		"A6", "A8", "AL", "BY", "BZ", "CF", "MH", "UC", "PT"} {
		assert.True(t, Default().Contains("service-type", v), "service type %s", v)
	}
	c, _ := Default().Set("carc")
	code, _ := c.Get("253")
	assert.Equal(t, CatContractual, code.Category)
}

func TestNewSetPanicsOnBadTables(t *testing.T) {
	assert.Panics(t, func() { NewSet("x", "x", reviewed, Code{Value: "1"}, Code{Value: "1"}) })
	assert.Panics(t, func() { NewSet("x", "x", reviewed, Code{Value: ""}) })
	assert.Panics(t, func() {
		NewSet("x", "x", reviewed, Code{Value: "1", Effective: date(2020, 1, 1), Terminated: date(2020, 1, 1)})
	})
}

func TestDefaultIsFrozenCloneIsNot(t *testing.T) {
	reg := Default()
	pos, _ := reg.Set("pos")
	assert.ErrorIs(t, pos.Add(Code{Value: "98", Description: "x"}), ErrFrozen)
	assert.ErrorIs(t, reg.Register(NewSet("mine", "mine", reviewed)), ErrFrozen)
	assert.ErrorIs(t, reg.Override(NewSet("pos", "pos", reviewed)), ErrFrozen)

	mine := reg.Clone()
	p, _ := mine.Set("pos")
	require.NoError(t, p.Add(Code{Value: "98", Description: "A payer's private code", Effective: date(2027, 1, 1)}))
	assert.True(t, mine.Contains("pos", "98"))
	assert.False(t, reg.Contains("pos", "98"), "the clone must not change Default")
	_, st, _ := mine.Lookup("pos", "98", date(2026, 12, 31))
	assert.Equal(t, NotYetEffective, st)
	assert.ErrorIs(t, p.Add(Code{Value: ""}), ErrBadCode)

	assert.ErrorIs(t, mine.Register(NewSet("pos", "dup", reviewed)), ErrDuplicate)
	require.NoError(t, mine.Override(NewSet("pos", "payer POS list", reviewed, Code{Value: "11", Description: "Office"})))
	assert.False(t, mine.Contains("pos", "10"))
	require.NoError(t, mine.Register(NewSet("payer-x-pos", "x", reviewed)))
	assert.True(t, mine.Known("payer-x-pos"))

	var zero Registry
	require.NoError(t, zero.Register(NewSet("a", "a", reviewed, Code{Value: "1", Description: "one"})))
	assert.True(t, zero.Contains("a", "1"))
	var zs Set
	require.NoError(t, zs.Add(Code{Value: "1"}))
	assert.Equal(t, 1, zs.Len())
}

// codeSource mirrors x12.CodeSource, which the guide engine consumes (codes imports no other
// x12kit package, so the interface is restated here).
type codeSource interface {
	Known(set string) bool
	Contains(set, value string) bool
}

var _ codeSource = (*Registry)(nil)

func TestConcurrentReadsAndWrites(t *testing.T) {
	reg := Default().Clone()
	s, _ := reg.Set("carc")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				reg.Contains("carc", "45")
				s.Lookup("16", date(2026, 1, 1))
				_ = s.Codes()
			}
		}()
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				_ = s.Add(Code{Value: fmt.Sprintf("Z%d", i*100+j), Description: "test"})
				_ = reg.Override(NewSet(fmt.Sprintf("s%d", i), "t", reviewed))
			}
		}(i)
	}
	wg.Wait()
	assert.True(t, reg.Contains("carc", "Z0"))
}
