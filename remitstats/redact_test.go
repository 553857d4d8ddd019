package remitstats

import (
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// TestEveryTypeRedactsPatientData: every exported type of the package, found by parsing its
// source, is registered here or exempt with a reason, and no string planted in a registered
// type shows under any fmt verb or log/slog handler.
func TestEveryTypeRedactsPatientData(t *testing.T) {
	res := guidetest.CheckPHI(t, guidetest.PHICheck{
		Dir: ".",
		Types: []any{
			ClaimRef{}, Pair{}, Pairer{}, SubmittedLine{}, SubmittedClaim{}, Submitted{}, Reconciler{}, WorkItem{},
			WorkLine{}, WorkList{}, Counts{}, Delivery{}, Summary{},
		},
		Exempt: map[string]string{
			"Finding":   "an Imbalance with the input and set numbers",
			"Figures":   "totals, counts and amounts by adjustment group and provider adjustment reason code",
			"PayerKey":  "a payer's organisation name and identifier (N1*PR), not a patient's",
			"ReasonKey": "a CAS group and CARC reason code",
			"Reason":    "a CAS group and CARC reason code with its count, total and code-list wording",
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}
