package codes

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const ruleHead = `{"format": "x12kit-telehealth-rules", "version": 1, "title": "t", "rules": [`

func rulesDoc(rules ...string) string { return ruleHead + strings.Join(rules, ",") + "]}" }

func TestLoadRules(t *testing.T) {
	rules, err := LoadRules(strings.NewReader(rulesDoc(
		`{"payer": "medicaid:ny", "from": "2024-01-01", "until": "2025-01-01", "modality": "video", "setting": "home",
		  "providers": ["practice", "fqhc"], "pos": "in-person", "modifiers": ["gt"],
		  "warnings": [{"message": "prior authorization for more than 4 visits"}],
		  "note": "n", "source": "NY Medicaid Update", "url": "https://example.org/u", "checked": "2026-12-06", "confidence": "S"}`,
		`{"payer": "medicaid", "source": "s", "checked": "2026-12-06", "confidence": "?"}`,
		`{"payer": "commercial:Acme", "pos": "by-location", "modifiers": [], "source": "s", "checked": "2026-12-06", "confidence": "M"}`,
		`{"payer": "medicare", "pos": "02", "source": "s", "checked": "2026-12-06", "confidence": "V"}`)))
	require.NoError(t, err)
	require.Len(t, rules, 4)
	ny := rules[0]
	assert.Equal(t, Medicaid, ny.Kind)
	assert.Equal(t, "NY", ny.State)
	assert.Equal(t, date(2024, 1, 1), ny.From)
	assert.Equal(t, date(2025, 1, 1), ny.Until)
	assert.Equal(t, AudioVideo, ny.Modality)
	assert.Equal(t, Home, ny.Setting)
	assert.Equal(t, []ProviderKind{Practice, FQHC}, ny.Providers)
	assert.Equal(t, POSInPerson, ny.POS)
	assert.Equal(t, []string{"GT"}, ny.Modifiers)
	assert.False(t, ny.ModifiersUnstated)
	assert.Equal(t, []Warning{{Code: WarnPayerRule, Message: "prior authorization for more than 4 visits"}}, ny.Warnings)
	assert.Equal(t, "NY Medicaid Update <https://example.org/u>", ny.Source)
	assert.Equal(t, date(2026, 12, 6), ny.Checked)
	assert.Equal(t, "S", ny.Confidence)

	every := rules[1]
	assert.Equal(t, Medicaid, every.Kind)
	assert.Empty(t, every.State, "medicaid alone is every state")
	assert.Equal(t, POSUnstated, every.POS)
	assert.True(t, every.ModifiersUnstated)
	assert.Nil(t, every.Providers)

	assert.Equal(t, "Acme", rules[2].Name)
	assert.Equal(t, POSByLocation, rules[2].POS)
	assert.Equal(t, []string{}, rules[2].Modifiers)
	assert.Equal(t, "02", rules[3].POS)
}

func TestLoadRulesErrors(t *testing.T) {
	ok := `"source": "s", "checked": "2026-12-06", "confidence": "S"`
	for name, doc := range map[string]string{
		"not JSON":          `{`,
		"two documents":     rulesDoc() + rulesDoc(),
		"format":            `{"format": "other", "version": 1, "rules": []}`,
		"version":           `{"format": "x12kit-telehealth-rules", "version": 2, "rules": []}`,
		"unknown key":       rulesDoc(`{"payer": "medicare", "pos": "02", "colour": "red", ` + ok + `}`),
		"payer":             rulesDoc(`{"payer": "blue", ` + ok + `}`),
		"medicaid state":    rulesDoc(`{"payer": "medicaid:ZZ", ` + ok + `}`),
		"from":              rulesDoc(`{"payer": "medicare", "from": "2024-13-01", ` + ok + `}`),
		"until before from": rulesDoc(`{"payer": "medicare", "from": "2024-01-01", "until": "2024-01-01", ` + ok + `}`),
		"modality":          rulesDoc(`{"payer": "medicare", "modality": "fax", ` + ok + `}`),
		"setting":           rulesDoc(`{"payer": "medicare", "setting": "car", ` + ok + `}`),
		"provider":          rulesDoc(`{"payer": "medicare", "providers": ["hospital"], ` + ok + `}`),
		"pos":               rulesDoc(`{"payer": "medicare", "pos": "1", ` + ok + `}`),
		"pos unknown":       rulesDoc(`{"payer": "medicare", "pos": "ZZ", ` + ok + `}`),
		"modifier":          rulesDoc(`{"payer": "medicare", "modifiers": ["955"], ` + ok + `}`),
		"five modifiers":    rulesDoc(`{"payer": "medicare", "modifiers": ["95", "GT", "25", "59", "XE"], ` + ok + `}`),
		"warning":           rulesDoc(`{"payer": "medicare", "warnings": [{"code": "x"}], ` + ok + `}`),
		"no source":         rulesDoc(`{"payer": "medicare", "checked": "2026-12-06", "confidence": "S"}`),
		"no checked":        rulesDoc(`{"payer": "medicare", "source": "s", "confidence": "S"}`),
		"checked":           rulesDoc(`{"payer": "medicare", "source": "s", "checked": "yesterday", "confidence": "S"}`),
		"confidence":        rulesDoc(`{"payer": "medicare", "source": "s", "checked": "2026-12-06", "confidence": "high"}`),
	} {
		rules, err := LoadRules(strings.NewReader(doc))
		assert.ErrorIs(t, err, ErrRules, name)
		assert.Nil(t, rules, name)
	}

	// Nothing registers from a file with an error, even its good rules.
	var p Policy
	err := p.LoadRules(strings.NewReader(rulesDoc(`{"payer": "medicaid:IL", "pos": "02", `+ok+`}`, `{"payer": "x", `+ok+`}`)))
	require.ErrorIs(t, err, ErrRules)
	assert.Contains(t, err.Error(), "rule 2: payer")
	d, err := p.Decide(visit(y2025, AudioVideo, Home, medicaid("IL")))
	require.NoError(t, err)
	assert.Contains(t, warningCodes(d), WarnNoPayerRule)
}

// Every shipped rule file loads, and every rule in it names its source, the date it was
// checked and its confidence (issue 17 item 6).
func TestBuiltinRuleFiles(t *testing.T) {
	names := BuiltinRuleFiles()
	assert.Equal(t, []string{"medicaid-ca.json", "medicaid-nc.json", "medicaid-oh.json", "medicaid-tx.json"}, names)
	for _, name := range names {
		data, err := BuiltinRuleFile(name)
		require.NoError(t, err, name)
		rules, err := LoadRules(bytes.NewReader(data))
		require.NoError(t, err, name)
		require.NotEmpty(t, rules, name)
		state := strings.ToUpper(strings.TrimSuffix(strings.TrimPrefix(name, "medicaid-"), ".json"))
		for i, r := range rules {
			assert.Equal(t, Medicaid, r.Kind, "%s rule %d", name, i+1)
			assert.Equal(t, state, r.State, "%s rule %d: one state a file", name, i+1)
			assert.NotEmpty(t, r.Source, "%s rule %d", name, i+1)
			assert.Contains(t, r.Source, "<https://", "%s rule %d: the source's address", name, i+1)
			assert.Equal(t, date(2026, 12, 6), r.Checked, "%s rule %d", name, i+1)
			assert.NotEmpty(t, r.Confidence, "%s rule %d", name, i+1)
			assert.NotEmpty(t, r.Note, "%s rule %d", name, i+1)
			assert.False(t, r.From.IsZero(), "%s rule %d: a shipped rule starts where its source was confirmed", name, i+1)
		}
	}
	_, err := BuiltinRuleFile("medicaid-zz.json")
	assert.Error(t, err)
	assert.Len(t, builtinRules(), 8)
}

// A rules file for a state Medicaid program changes the answer for that state, and only there.
func TestStateRulesChangeTheAnswer(t *testing.T) {
	ohio := visit(date(2021, 6, 1), AudioVideo, Home, medicaid("OH"))
	indiana := visit(date(2021, 6, 1), AudioVideo, Home, medicaid("IN"))

	bare := &Policy{NoBuiltinRules: true}
	d, err := bare.Decide(ohio)
	require.NoError(t, err)
	assert.Equal(t, []string{"95"}, d.Modifiers)
	assert.Contains(t, warningCodes(d), WarnNoPayerRule)
	assert.Nil(t, d.Rule)

	data, err := BuiltinRuleFile("medicaid-oh.json")
	require.NoError(t, err)
	require.NoError(t, bare.LoadRules(bytes.NewReader(data)))
	d, err = bare.Decide(ohio)
	require.NoError(t, err)
	assert.Equal(t, []string{"GT"}, d.Modifiers)
	assert.NotContains(t, warningCodes(d), WarnNoPayerRule)
	assert.Contains(t, warningCodes(d), WarnPayerRuleIncomplete, "the Ohio source states no POS")
	require.NotNil(t, d.Rule)
	assert.Contains(t, d.Rule.Source, "OAC 5160-1-18")

	d, err = bare.Decide(indiana)
	require.NoError(t, err)
	assert.Equal(t, []string{"95"}, d.Modifiers, "another state keeps the default")

	// The zero Policy applies the shipped files; a registered rule wins over them.
	d, err = Decide(ohio)
	require.NoError(t, err)
	assert.Equal(t, []string{"GT"}, d.Modifiers)
	var p Policy
	require.NoError(t, p.RegisterPayerRule(PayerRule{Kind: Medicaid, State: "OH", POS: "02", Modifiers: []string{"95"},
		Source: "our contract", Confidence: "S"}))
	d, err = p.Decide(ohio)
	require.NoError(t, err)
	assert.Equal(t, "02", d.POS)
	assert.Equal(t, []string{"95"}, d.Modifiers)
	assert.Empty(t, warningCodes(d))
}

// A rule that states neither POS nor modifiers keeps Medicare's built-in answer and says so.
func TestUnstatedRuleKeepsMedicare(t *testing.T) {
	var p Policy
	require.NoError(t, p.LoadRules(strings.NewReader(rulesDoc(
		`{"payer": "medicare", "from": "2026-01-01", "warnings": [{"code": "contractor-note", "message": "our MAC wants a note"}],
		  "source": "MAC bulletin", "checked": "2026-12-06", "confidence": "S"}`))))
	d, err := p.Decide(visit(y2026, AudioOnly, Home))
	require.NoError(t, err)
	assert.Equal(t, "10", d.POS)
	assert.Equal(t, []string{"93"}, d.Modifiers)
	got := warningCodes(d)
	assert.Contains(t, got, WarnPayerRuleIncomplete)
	assert.Contains(t, got, "contractor-note")
	for _, w := range d.Warnings {
		if w.Code == WarnPayerRuleIncomplete {
			assert.Contains(t, w.Message, "MAC bulletin [S]")
		}
	}
}

func TestParsers(t *testing.T) {
	p, err := ParsePayer("medicaid:tx")
	require.NoError(t, err)
	assert.Equal(t, Payer{Kind: Medicaid, State: "TX"}, p)
	for _, bad := range []string{"", "medicaid", "medicaid:texas", "medicaid:QC", "medicaid:on", "medicare:x", "blue"} {
		_, err := ParsePayer(bad)
		assert.ErrorIs(t, err, ErrParse, bad)
	}
	k, err := ParseProviderKind("Hospital-Outpatient")
	require.NoError(t, err)
	assert.Equal(t, HospitalOutpatient, k)
	_, err = ParseProviderKind("hospital")
	assert.ErrorIs(t, err, ErrParse)
	pu, err := ParsePurpose("substance-use")
	require.NoError(t, err)
	assert.Equal(t, PurposeSubstanceUse, pu)
	pu, err = ParsePurpose("")
	require.NoError(t, err)
	assert.Equal(t, PurposeUnstated, pu)
	_, err = ParsePurpose("unstated")
	assert.ErrorIs(t, err, ErrParse, "unstated is the absence of a value, not one")
	pr, err := ParsePractitioner("audiologist")
	require.NoError(t, err)
	assert.Equal(t, PractitionerAudiologist, pr)
	a, err := ParseArea("urban")
	require.NoError(t, err)
	assert.Equal(t, AreaIneligible, a)
	m, err := ParseModality("async")
	require.NoError(t, err)
	assert.Equal(t, StoreAndForward, m)
	s, err := ParseSetting("facility")
	require.NoError(t, err)
	assert.Equal(t, OtherSite, s)
}
