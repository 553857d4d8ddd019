package eligibility

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// knownCorpusDefects holds each defective corpus file's findings, exactly.
var knownCorpusDefects = map[string][]finding{
	// MANIFEST known defect: SE02 (4323) differs from ST02 (4321). The envelope checker
	// reports it at set level (IK502 3) and SetReader puts it in the set's findings.
	"lfh-subscriber-health-benefit-check-error.271": {{x12.LevelSet, "3", 8, 2, 0, 0, "", "SE"}},
}

// TestCorpus reads the public 270 and 271 samples (X12KIT_CORPUS, see the corpus MANIFEST):
// every set must find its guide and read with no guide finding, except the known defects
// asserted below.
func TestCorpus(t *testing.T) {
	root := os.Getenv("X12KIT_CORPUS")
	if root == "" {
		t.Skip("X12KIT_CORPUS not set: skipping the public 270/271 samples")
	}
	known := knownCorpusDefects
	for dir, guide := range map[string]*x12.Transaction{"270": Guide270, "271": Guide271} {
		files, err := filepath.Glob(filepath.Join(root, dir, "*"))
		require.NoError(t, err)
		require.NotEmpty(t, files, dir)
		for _, path := range files {
			t.Run(dir+"/"+filepath.Base(path), func(t *testing.T) {
				f, err := os.Open(path)
				require.NoError(t, err)
				defer f.Close()
				sets := readCorpusSets(t, f)
				require.NotEmpty(t, sets)
				var got []finding
				for _, set := range sets {
					assert.Same(t, guide, set.Guide)
					got = append(got, findingsOf(set)...)
					for _, e := range set.Findings.All() {
						if e.Level == x12.LevelSet {
							assert.ErrorIs(t, e, x12.ErrControlNumberMismatch)
						}
					}
				}
				assert.Equal(t, known[filepath.Base(path)], got)
			})
		}
	}
}
