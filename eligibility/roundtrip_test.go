package eligibility

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

func testEnvelope() x12.Envelope {
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "TELECLINIC", ReceiverID: "ACMEHEALTH", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) },
		Newline:     true,
	}
}

// encodeBoth writes what was read, without Write's checks (the corpus has files the guide
// rejects), requests and responses in their own groups.
func encodeBoth(t *testing.T, reqs []*Request, resps []*Response) []byte {
	t.Helper()
	out, err := encodeAll(reqs, resps)
	require.NoError(t, err)
	return out
}

func encodeAll(reqs []*Request, resps []*Response) ([]byte, error) {
	var out bytes.Buffer
	env := testEnvelope()
	if len(reqs) > 0 {
		if err := env.WriteGroup(&out, "HS", Version, func(e *x12.EnvelopeWriter) error {
			for _, r := range reqs {
				if err := EncodeRequest(e, r); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	if len(resps) > 0 {
		if err := env.WriteGroup(&out, "HB", Version, func(e *x12.EnvelopeWriter) error {
			for _, r := range resps {
				if err := EncodeResponse(e, r); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return out.Bytes(), nil
}

// readFile reads a file of one kind with the reader of that kind, as its first ST01 says
// (ReadResponses for a 271, else ReadRequests): its requests or responses, and that reader's
// error.
func readFile(data []byte) ([]*Request, []*Response, error) {
	return readKind(data, firstST01(data))
}

// readKind reads data with ReadResponses when st01 is 271, else with ReadRequests.
func readKind(data []byte, st01 string) ([]*Request, []*Response, error) {
	if st01 == "271" {
		resps, err := ReadResponses(bytes.NewReader(data))
		return nil, resps, err
	}
	reqs, err := ReadRequests(bytes.NewReader(data))
	return reqs, nil, err
}

// firstST01 is the ST01 of data's first set, "" when it has none that can be read.
func firstST01(data []byte) string {
	r := x12.NewReader(bytes.NewReader(data))
	for {
		s, err := r.Next()
		if err == io.EOF || err != nil && r.Err() != nil {
			return ""
		}
		if err == nil && s.ID() == "ST" {
			return s.Value(1)
		}
	}
}

// roundTrip decodes data and encodes it again: the same segments must come back. A file
// with known defects (knownCorpusDefects) reads with their error; any other without one.
func roundTrip(t *testing.T, name string, data []byte) ([]*Request, []*Response) {
	reqs, resps, err := readFile(data)
	if known := knownCorpusDefects[name]; known != nil {
		var list *x12.ErrorList
		require.ErrorAs(t, err, &list, name)
		got := make([]string, 0, list.Len())
		for _, e := range list.All() {
			got = append(got, e.Level.String()+" "+e.Code)
		}
		want := make([]string, 0, len(known))
		for _, f := range known {
			want = append(want, f.level.String()+" "+f.code)
		}
		require.Equal(t, want, got, name)
	} else {
		require.NoError(t, err, name)
	}
	require.NotEmpty(t, len(reqs)+len(resps), name)
	want, got := guidetest.SetSegments(t, data), guidetest.SetSegments(t, encodeBoth(t, reqs, resps))
	same := guidetest.SameSets(want, got)
	if !same && os.Getenv("X12KIT_DEBUG") != "" {
		t.Logf("%s: %s", name, guidetest.FirstDiffText(want, got))
	}
	assert.True(t, same, "%s: %s", name, guidetest.FirstDiff(want, got))
	return reqs, resps
}

func TestFixturesRoundTrip(t *testing.T) {
	for _, name := range []string{"telehealth.270", "telehealth.271", "rejected.271", "x279.271"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		roundTrip(t, name, data)
		wholeRoundTrip(t, name, data)
	}
}

func TestCorpusRoundTrip(t *testing.T) {
	dir := os.Getenv("X12KIT_CORPUS")
	if dir == "" {
		t.Skip("X12KIT_CORPUS is not set: skipping the reference-corpus tests")
	}
	count, segments := guidetest.EachFile(t, []string{filepath.Join(dir, "270", "*"), filepath.Join(dir, "271", "*")},
		func(name string, data []byte) int {
			roundTrip(t, filepath.Base(name), data)
			return wholeRoundTrip(t, filepath.Base(name), data) // inside its own envelopes
		})
	require.Positive(t, count)
	t.Logf("%d corpus files round-trip whole, %d segments compared", count, segments)
}
