package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
)

// refusedByJSON are the inputs json refuses outright (no JSON to write back), and why.
var refusedByJSON = map[string]string{
	"MANIFEST.md":            "the corpus's description, not X12",
	"LICENSE-Apache-2.0.txt": "the corpus's licence, not X12",
}

// roundTripInputs are the acceptance test's inputs by name: every file of the reference
// corpus (X12KIT_CORPUS, when set), the testdata fixtures of this command and of the
// transaction packages (some without their ST03 too), generated files and acknowledgments.
func roundTripInputs(t *testing.T) map[string][]byte {
	t.Helper()
	inputs := map[string][]byte{}
	noST03 := regexp.MustCompile(`(ST\*[0-9]+\*[0-9]+)\*[^~]*~`)
	add := func(name, path string) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		inputs[name] = data
	}
	if dir := os.Getenv("X12KIT_CORPUS"); dir != "" {
		require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			add("corpus/"+filepath.ToSlash(rel), path)
			return nil
		}))
	} else {
		t.Log("X12KIT_CORPUS is not set: the reference corpus is not round-tripped")
	}
	for _, root := range []string{"testdata", "../../claim837/testdata", "../../remit835/testdata",
		"../../eligibility/testdata", "../../x12/testdata"} {
		require.NoError(t, filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "fuzz" {
				return filepath.SkipDir // fuzz inputs: the fuzz targets' business
			}
			if d.IsDir() || strings.HasSuffix(path, ".json") {
				return nil // plans and rules files: not X12
			}
			add(filepath.ToSlash(path), path)
			return nil
		}))
	}
	// Sets without ST03 (their guide named by GS08) must come back without one.
	for _, f := range []string{"../../claim837/testdata/telehealth.837", "../../remit835/testdata/telehealth.835",
		"../../eligibility/testdata/telehealth.270", "../../eligibility/testdata/telehealth.271"} {
		inputs[f+" without ST03"] = noST03.ReplaceAll(inputs[f], []byte("$1~"))
	}
	for _, args := range [][]string{{"837p", "--claims", "40", "--seed", "7"}, {"270", "--claims", "12", "--seed", "3"},
		{"835", "--claims", "20", "--seed", "5"}, {"271", "--claims", "12", "--seed", "5"}} {
		code, out, errOut := runCLI(t, "", append([]string{"gen"}, args...)...)
		require.Equal(t, exitOK, code, errOut)
		inputs["gen "+strings.Join(args, " ")] = []byte(out)
		switch args[0] {
		case "837p":
			code, remit, errOut := runCLI(t, out, "gen", "835", "--from", "-")
			require.Equal(t, exitOK, code, errOut)
			inputs["gen 835 --from (gen "+strings.Join(args, " ")+")"] = []byte(remit)
		case "270":
			code, answer, errOut := runCLI(t, out, "gen", "271", "--from", "-")
			require.Equal(t, exitOK, code, errOut)
			inputs["gen 271 --from (gen "+strings.Join(args, " ")+")"] = []byte(answer)
		}
	}
	// An 00401 interchange whose ISA11 (no repetition separator there) is not the usual U.
	inputs[ackFile+" as 00401, ISA11 X"] = bytes.Replace(inputs[ackFile], []byte("*^*00501*"), []byte("*X*00401*"), 1)
	// Acknowledgments as validate writes them: a TA1 (an interchange without groups) and a 999.
	for _, ack := range []string{"ta1", "999"} {
		code, out, errOut := runCLI(t, "", "validate", "--ack", ack, goodFile)
		require.Equal(t, exitOK, code, errOut)
		inputs["validate --ack "+ack] = []byte(out)
	}
	return inputs
}

// TestJSONRoundTripLossless is the json/x12 contract (docs/cli.md): x12 of json of F gives F's
// segments back, envelopes included, in the same order with the same values; only SE01/SE02,
// GE01/GE02, IEA01/IEA02 and HL04 may differ, where F had them wrong. Both ways of reading
// (837P and 835 streamed, or every set read whole) are checked.
func TestJSONRoundTripLossless(t *testing.T) {
	inputs := roundTripInputs(t)
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	sort.Strings(names)
	files, segments, corrected, refused, corpus := 0, 0, 0, 0, 0
	for _, name := range names {
		if strings.HasPrefix(name, "corpus/") {
			corpus++
		}
	}
	for _, stream := range []bool{true, false} {
		for _, name := range names {
			data := inputs[name]
			label := name
			if !stream {
				label += " (read whole)"
			}
			res := runJSONMode(t, string(data), stream)
			if why, ok := refusedByJSON[filepath.Base(name)]; ok {
				assert.NotEqual(t, exitOK, res.code, "%s is listed as refused (%s)", label, why)
				assert.Empty(t, strings.TrimSpace(res.out), "%s: refused, yet JSON was written", label)
				refused++
				continue
			}
			require.Contains(t, []int{exitOK, exitBad}, res.code, "%s: %s", label, res.err)
			require.NotEmpty(t, res.out, "%s: json wrote nothing (%s)", label, res.err)
			code, back, errOut := runCLI(t, res.out, "x12", "-")
			require.Equal(t, exitOK, code, "%s: x12 refused json's output: %s", label, errOut)
			d := guidetest.CompareFiles(data, []byte(back))
			segments += guidetest.AssertRoundTrip(t, label, data, []byte(back))
			corrected += len(d.Corrected)
			files++
		}
	}
	t.Logf("json → x12: %d inputs (%d corpus files), %d round trips compared (two ways of reading), %d segments, %d elements the writer corrected; %d refused by json (listed, both ways)",
		len(inputs), corpus, files, segments, corrected, refused)
}
