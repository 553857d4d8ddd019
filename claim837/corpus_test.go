package claim837

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// corpusDir returns the public 837P samples folder (X12KIT_CORPUS, see its MANIFEST), or
// skips the test.
func corpusDir(t *testing.T) string {
	root := os.Getenv("X12KIT_CORPUS")
	if root == "" {
		t.Skip("X12KIT_CORPUS not set: skipping the public 837P samples")
	}
	return filepath.Join(root, "837p")
}

// separatorDefect is what a claim gives when its ISA16 says ':' but its body writes
// composites with '>': CLM05 is one over-long value (its -2 and -3 missing), HI01-1 is no
// known qualifier (so no diagnosis HI is found), SV101 is one over-long value.
func separatorDefect(clm, hi, sv1 int) []finding {
	return []finding{
		{x12.LevelElement, "5", clm, 5, 1, 0, "2300", "CLM"},
		{x12.LevelElement, "1", clm, 5, 2, 0, "2300", "CLM"},
		{x12.LevelElement, "1", clm, 5, 3, 0, "2300", "CLM"},
		{x12.LevelElement, "7", hi, 1, 1, 0, "2300", "HI"},
		{x12.LevelSegment, "3", hi + 1, 0, 0, 0, "2300", "HI"},
		{x12.LevelElement, "5", sv1, 1, 1, 0, "2400", "SV1"},
		{x12.LevelElement, "1", sv1, 1, 2, 0, "2400", "SV1"},
	}
}

// TestCorpus reads every public 837P sample: each set must find the guide and read with no
// finding, except the defects of the files themselves asserted below. ICD-9 diagnoses (BK)
// and NPIs failing the check digit are business rules: they give no guide finding.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	known := map[string][]finding{
		// CLM05 is "41::1": the facility code qualifier CLM05-2 ("B") is required (X222A1).
		"lfh-demo.ambulance.example5.837": {{x12.LevelElement, "1", 21, 5, 2, 0, "2300", "CLM"}},
		// ISA16 is ':' but the composites are written with '>' (see separatorDefect).
		"lfh-demo.cob.2ndary.example4.837": separatorDefect(19, 24, 26),
		"lfh-demo.example6.837":            separatorDefect(19, 24, 26),
		"lfh-demo.example12.837":           separatorDefect(24, 27, 37),
		// The same, and SV107 "1.00" is no diagnosis pointer (N0).
		"lfh-demo.example9.837": append(separatorDefect(18, 19, 27),
			finding{x12.LevelElement, "6", 27, 7, 1, 0, "2400", "SV1"}),
		// The same on two lines; the first line's SV107 "1>2" is one value, not two pointers.
		"lfh-demo.example11.837": append(append(separatorDefect(19, 22, 30),
			finding{x12.LevelElement, "6", 30, 7, 1, 0, "2400", "SV1"}),
			finding{x12.LevelElement, "5", 34, 1, 1, 0, "2400", "SV1"},
			finding{x12.LevelElement, "1", 34, 1, 2, 0, "2400", "SV1"}),
		// 2320 has an other subscriber (2330A) but no other payer: 2330B is required.
		"lfh-demo.cob.example3.A.837": {{x12.LevelSegment, "I7", 42, 0, 0, 0, "2330B", "NM1"}},
		// AMT*F2 in 2320 is the 4010 patient responsibility amount; X222A1 has only D, A8
		// and EAF there.
		"lfh-demo.cob.example4.837": {{x12.LevelElement, "7", 29, 1, 0, 0, "2320", "AMT"}},
		// Two truncated sets (00402 ISA, X222 version): the first stops after the billing
		// provider's PRV, the second after its HL.
		"staedi-sample837-small.edi": {
			{x12.LevelSegment, "I7", 8, 0, 0, 0, "2010AA", "NM1"},
			{x12.LevelSegment, "I7", 8, 0, 0, 0, "2000B", "HL"},
			{x12.LevelSegment, "I7", 3, 0, 0, 0, "1000A", "NM1"},
			{x12.LevelSegment, "I7", 3, 0, 0, 0, "1000B", "NM1"},
			{x12.LevelSegment, "I7", 4, 0, 0, 0, "2010AA", "NM1"},
			{x12.LevelSegment, "I7", 4, 0, 0, 0, "2000B", "HL"},
		},
		// GS08 is the bare standard "005010" and ST03 absent: no implementation guide is
		// named, so none applies (IK502 1). TestNestedHierarchy reads its HLs.
		"staedi-sample837-HL-nested.edi": {
			{x12.LevelSet, "1", 1, 1, 0, 0, "", "ST"},
			{x12.LevelSet, "1", 1, 1, 0, 0, "", "ST"},
		},
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(t, err)
	require.Len(t, files, 21)
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			sets := readCorpusSets(t, f)
			require.NotEmpty(t, sets)
			var got []finding
			for _, set := range sets {
				if !strings.Contains(name, "HL-nested") {
					assert.Same(t, Guide, set.Guide)
				}
				got = append(got, findingsOf(set)...)
			}
			assert.Equal(t, known[name], got)
		})
	}
}

// TestNestedHierarchy reads the staedi nested-HL sample through the guide (registered, for
// this test only, under the file's bare "005010"): every HL with a level code lands in the
// loop of its level, under the HL its HL02 names.
func TestNestedHierarchy(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir(t), "staedi-sample837-HL-nested.edi"))
	require.NoError(t, err)
	defer f.Close()
	g := *Guide
	g.Versions = []string{"005010"}
	reg := &x12.Registry{}
	reg.Register(&g)
	sr := x12.NewSetReader(f)
	sr.Guides = reg
	levels := map[string]string{"20": "2000A", "22": "2000B", "23": "2000C"}
	placed := 0
	sr.Trace = func(s *x12.Segment, n *x12.Node, _ *x12.SegmentSpec) {
		if s.ID() != "HL" || n == nil || levels[s.Value(3)] == "" {
			return
		}
		placed++
		assert.Equal(t, levels[s.Value(3)], n.Loop.ID, "HL*%s", s.Value(1))
		if parent := s.Value(2); parent != "" {
			require.NotNil(t, n.Parent)
			assert.Equal(t, parent, n.Parent.Items[0].Segment.Value(1), "HL*%s", s.Value(1))
		}
	}
	sets := guidetest.Drain(t, sr)
	require.Len(t, sets, 2)
	assert.Equal(t, 16+10, placed, "every HL with a level code, in both sets")
}
