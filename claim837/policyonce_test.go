package claim837

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// TestPolicyHeldOnce: a claim coded by ApplyTelehealth with a payer's rule is checked against
// that same rule without the policy being passed again (before, Check used the built-in
// policy and flagged the payer's own coding); an explicit Options.Policy still wins; the
// policy's advisory warnings are never claim findings.
func TestPolicyHeldOnce(t *testing.T) {
	acme := &codes.Policy{}
	require.NoError(t, acme.RegisterPayerRule(codes.PayerRule{Kind: codes.Commercial, Name: "EXAMPLE HEALTH PLAN",
		Modality: codes.AudioVideo, POS: "02", Modifiers: []string{"GT"}}))
	telehealthFindings := func(f x12.Findings) []string {
		var out []string
		for _, x := range f {
			if x.Rule == "telehealth-policy" {
				out = append(out, x.Field+" "+x.Detail)
			}
		}
		return out
	}
	visit := codes.Visit{Payer: codes.Payer{Kind: codes.Commercial, Name: "EXAMPLE HEALTH PLAN"}, Modality: codes.AudioVideo, Setting: codes.Home}

	b := testBatch()
	b.Claims = b.Claims[:1]
	w, err := ApplyTelehealth(&b.Claims[0], visit, acme)
	require.NoError(t, err)
	assert.Equal(t, "02", b.Claims[0].PlaceOfService)
	assert.Equal(t, []string{"GT"}, b.Claims[0].Lines[0].Modifiers)
	for _, x := range w {
		assert.False(t, x.Advisory(), "the payer has a rule: %s", x.Code)
	}
	assert.Empty(t, telehealthFindings(Check(b)), "checked against the policy it was coded with")

	withDefault := CheckWith(b, Options{Policy: &codes.Policy{}})
	assert.Equal(t, []string{"Claims[0].Lines[0].PlaceOfService pos-10", "Claims[0].Lines[0].Modifiers missing-modifier-95",
		"Claims[0].Lines[0].Modifiers unexpected-modifier-GT"},
		telehealthFindings(withDefault), "an explicit policy is used for every claim")

	// A claim whose policy has no rule for the payer gets an advisory no-payer-rule warning
	// from ApplyTelehealth, and no finding for it from Check.
	b = testBatch()
	b.Claims = b.Claims[:1]
	w, err = ApplyTelehealth(&b.Claims[0], visit, nil)
	require.NoError(t, err)
	var advisory []string
	for _, x := range w {
		if x.Advisory() {
			advisory = append(advisory, x.Code)
		}
	}
	assert.Equal(t, []string{codes.WarnNoPayerRule}, advisory)
	assert.Empty(t, telehealthFindings(Check(b)))
}
