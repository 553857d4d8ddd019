package simulate

import (
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// TestEveryTypeRedactsPatientData: every exported type of the package, found by parsing its
// source, is registered here or exempt with a reason, and no string planted in a registered
// type shows under any fmt verb or log/slog handler.
func TestEveryTypeRedactsPatientData(t *testing.T) {
	res := guidetest.CheckPHI(t, guidetest.PHICheck{
		Dir:   ".",
		Types: []any{Adjudicator{}, CostShare{}, Plans{}, PlanMember{}, PlanDependent{}},
		Exempt: map[string]string{
			"PayerInfo":    "the answering payer's organisation name and identifier, not a member's",
			"Plan":         "a plan's terms: identifier, name, copays, coinsurance, deductibles",
			"ClaimOptions": "counts, percentages and the bounds of the dates of service: no patient data",
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}
