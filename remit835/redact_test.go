package remit835

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
			SegmentBalancer{}, Decoder{}, Encoder{}, Remittance{}, Payment{}, BankAccount{},
			Party{}, Header{}, Claim{}, Name{}, Outpatient{}, Adjustment{}, Money{},
			Quantity{}, Procedure{}, Line{}, Remark{}, ProviderAdjustment{}, ProviderItem{},
		},
		Exempt: map[string]string{
			"EncodeOptions": "options: a code source",
			"Imbalance":     "an error naming a balancing rule, claim and line indexes and a segment position",
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}
