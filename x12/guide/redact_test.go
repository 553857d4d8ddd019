package guide_test

import (
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// TestEveryTypeIsGuideData: every exported type of the package, found by parsing its source,
// is exempt with its reason: the package builds guides, whose values hold no patient data.
func TestEveryTypeIsGuideData(t *testing.T) {
	guidetest.CheckPHI(t, guidetest.PHICheck{
		Dir: ".",
		Exempt: map[string]string{
			"Party":   "a guide's description of an NM1 use: entity codes and usages",
			"Contact": "a guide's description of a PER use: function codes and usages",
			"Numbers": "a guide's description of a PER number pair: a usage and qualifier codes",
		},
	})
}
