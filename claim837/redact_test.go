package claim837

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
			Decoder{}, Batch{}, Submitter{}, Receiver{}, Provider{},
			Person{}, Subscriber{}, Patient{}, Payer{}, Diagnosis{}, Note{}, Facility{},
			Claim{}, Line{}, Drug{}, Encoder{},
		},
		Exempt: map[string]string{
			"EncodeOptions": "configuration only: the checks' options, a switch and the split",
			"Options":       "configuration only: rule severities by rule ID and the code policy and registry",
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}
