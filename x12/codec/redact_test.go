package codec_test

import (
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12/codec"
)

// TestEveryTypeRedactsPatientData: every exported type of the package, found by parsing its
// source, is registered here or exempt, and no string planted in a registered type shows
// under any fmt verb or log/slog handler.
func TestEveryTypeRedactsPatientData(t *testing.T) {
	guidetest.CheckPHI(t, guidetest.PHICheck{
		Dir:   ".",
		Types: []any{codec.FieldReader{}},
	})
}
