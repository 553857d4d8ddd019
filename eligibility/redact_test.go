package eligibility

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
			RequestDecoder{}, ResponseDecoder{}, RequestEncoder{}, ResponseEncoder{}, Pair{}, Matches{}, Request{}, Header{}, Response{}, Inquiry{}, Answer{}, Party{},
			Member{}, Reject{}, DateRange{}, Question{}, Place{}, Benefit{}, Entity{}, Query{},
			Coverage{},
		},
		Exempt: map[string]string{
			"EncodeOptions": "options: a code source",
			"Telehealth":    "one of three fixed words: covered, not_covered, unknown",
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}
