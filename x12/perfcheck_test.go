package x12_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// TestFastElementChecks: the element checks' fast path reports what the general checks
// report, segment by segment, on every corpus file and test file, and on copies of them with
// bytes changed to delimiters, digits, signs, points, letters and bytes outside ASCII.
func TestFastElementChecks(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/*.x12", "testdata/quirks/*.x12"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if dir := os.Getenv("X12KIT_CORPUS"); dir != "" {
		m, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
		files = append(files, m...)
	}
	var inputs [][]byte
	for _, f := range files {
		if filepath.Ext(f) == ".txt" || filepath.Ext(f) == ".md" {
			continue
		}
		if data, err := os.ReadFile(f); err == nil {
			inputs = append(inputs, data)
		}
	}
	inputs = append(inputs, []byte(x12.Generate835(40)))
	rng := rand.New(rand.NewPCG(1, 2))
	swaps := []byte("*:^~0123456789-.AZaz \x01\xc3\xa9\xff:^")
	n, mutated := len(inputs), 0
	for i := range n {
		for range 6 {
			d := bytes.Clone(inputs[i])
			for range 1 + len(d)/200 {
				j := 110 + rng.IntN(max(len(d)-110, 1))
				if j < len(d) {
					d[j] = swaps[rng.IntN(len(swaps))]
				}
			}
			inputs = append(inputs, d)
			mutated++
		}
	}
	diffs, findings := 0, 0
	for _, data := range inputs {
		sr := x12.NewSetReader(bytes.NewReader(data))
		sr.Codes = codes.Default()
		count := x12.CompareElementChecks(sr, func(d string) {
			diffs++
			if diffs < 10 {
				t.Error(d)
			}
		})
		for {
			if _, err := sr.Next(); err != nil {
				if err != io.EOF && sr.Reader().Err() == nil {
					t.Fatal(err)
				}
				break
			}
		}
		findings += *count
	}
	t.Logf("%d inputs (%d mutated) compared, %d findings, %d differences", len(inputs), mutated, findings, diffs)
	if findings < 100 {
		t.Error("too few findings to compare")
	}
}
