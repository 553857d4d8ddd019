package claim837

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// TestQuirkFiles: each quirk real senders write (testdata/quirks: the telehealth claim with
// one quirk each) decodes to the same claims as the file without it, with one warning naming
// the quirk and no error; under Strict the same claims come with an error naming it.
func TestQuirkFiles(t *testing.T) {
	want := quirkClaims(t, "testdata/telehealth.837", false)
	require.Len(t, want.claims, 1)
	require.NoError(t, want.err)
	for _, tc := range []struct {
		file  string
		quirk error
	}{
		{"legacy-repetition.837", x12.ErrLegacyRepetition},
		{"repetition-is-component.837", x12.ErrRepetitionComponent},
		{"unpadded-isa.837", x12.ErrUnpaddedISA},
		{"two-byte-isa16.837", x12.ErrMultibyteComponent},
		{"no-final-terminator.837", x12.ErrNoFinalTerminator},
		{"trailing-padding.837", x12.ErrTrailingPadding},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "quirks", tc.file)
			got := quirkClaims(t, path, false)
			require.NoError(t, got.err)
			assert.Equal(t, want.segments, got.segments, "segments")
			assert.JSONEq(t, string(want.json), string(got.json), "claims")
			require.Len(t, got.warnings, 1)
			assert.ErrorIs(t, got.warnings[0], tc.quirk)
			assert.Equal(t, x12.SeverityWarning, got.warnings[0].Severity)

			strict := quirkClaims(t, path, true)
			assert.JSONEq(t, string(want.json), string(strict.json), "claims under Strict")
			require.Error(t, strict.err)
			assert.ErrorIs(t, strict.err, tc.quirk)
		})
	}
}

type quirkResult struct {
	claims   []Claim
	json     []byte
	segments int
	warnings []*x12.Error
	err      error // ReadAll's
}

// quirkClaims reads path with a Decoder (for its findings) and with ReadAll (for its error).
func quirkClaims(t *testing.T, path string, strict bool) quirkResult {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var r quirkResult
	d := NewDecoder(bytes.NewReader(data), nil)
	d.Reader().Strict = strict
	for c, err := range d.Claims() {
		if err != nil {
			r.err = err
			break
		}
		c.Findings = nil
		r.claims = append(r.claims, *c)
	}
	for _, f := range d.Findings().All() {
		if f.Severity == x12.SeverityWarning {
			r.warnings = append(r.warnings, f)
		}
	}
	sr := x12.NewReader(bytes.NewReader(data))
	for {
		_, err := sr.Next()
		if err != nil {
			break
		}
		r.segments++
	}
	r.json, err = json.Marshal(r.claims)
	require.NoError(t, err)
	if !strict {
		_, r.err = ReadAll(bytes.NewReader(data))
	} else if r.err == nil {
		r.err = errors.New("no error under Strict")
	}
	return r
}
