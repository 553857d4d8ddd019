package x12_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/codes"
	_ "github.com/x12kit/x12kit/eligibility"
	_ "github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// TestMemoKeepsFindings: checking a segment once per set and remembering it clean gives the
// same findings as checking every segment, on every corpus file.
func TestMemoKeepsFindings(t *testing.T) {
	dir := os.Getenv("X12KIT_CORPUS")
	if dir == "" {
		t.Skip("X12KIT_CORPUS is not set: skipping the reference-corpus tests")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*"))
	require.NoError(t, err)
	read := func(data []byte, every bool) []string {
		sr := x12.NewSetReader(bytes.NewReader(data))
		sr.Codes = codes.Default()
		if every {
			x12.CheckEverySegment(sr)
		}
		var out []string
		for {
			set, err := sr.Next()
			if err != nil {
				return out
			}
			for _, e := range set.Findings.All() {
				out = append(out, fmt.Sprintf("%s %s %d %d %d", e.Code, e.Pos.ID, e.Pos.SetSegment, e.Pos.Element, e.Pos.Component))
			}
		}
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || filepath.Ext(f) == ".txt" {
			continue
		}
		assert.Equal(t, read(data, true), read(data, false), filepath.Base(f))
		n++
	}
	t.Logf("%d corpus files compared", n)
}
