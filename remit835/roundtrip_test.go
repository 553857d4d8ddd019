package remit835

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

func testEnvelope() x12.Envelope {
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC) },
		Newline:     true,
	}
}

// encodeAll writes remittances without the checks Write makes, as read.
func encodeAll(t *testing.T, remits []*Remittance) []byte {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, testEnvelope().WriteGroup(&out, "HP", Version, encodeEach(remits)))
	return out.Bytes()
}

func encodeEach(remits []*Remittance) func(e *x12.EnvelopeWriter) error {
	return func(e *x12.EnvelopeWriter) error {
		for _, r := range remits {
			if err := Encode(e, r); err != nil {
				return err
			}
		}
		return nil
	}
}

func corpusFiles(t *testing.T) []string { return guidetest.CorpusFiles(t, "835") }

// readAll reads data with ReadAll, whose error must be exactly what the guide finds in data:
// nil for a clean file; else an *x12.ErrorList of as many errors as its sets' findings (every
// public sample has some, see TestCorpus), none of them saying that input was lost.
func readAll(t *testing.T, name string, data []byte) []*Remittance {
	t.Helper()
	remits, err := ReadAll(bytes.NewReader(data))
	want := 0
	for _, set := range guidetest.ReadSets(t, bytes.NewReader(data), codes.Default()) {
		want += set.Findings.Errors()
	}
	if want == 0 {
		require.NoError(t, err, name)
		return remits
	}
	var list *x12.ErrorList
	require.ErrorAs(t, err, &list, name)
	assert.Equal(t, want, list.Len()+list.Omitted, name)
	assert.False(t, x12.Lost(err), "%s: %v", name, err)
	return remits
}

// roundTrip decodes data (streaming) and encodes it again: the segments must come back the
// same, in the same order (amounts compared as values).
func roundTrip(t *testing.T, name string, data []byte) []*Remittance {
	remits := readAll(t, name, data)
	require.NotEmpty(t, remits, name)
	want, got := guidetest.SetSegments(t, data), guidetest.SetSegments(t, encodeAll(t, remits))
	same := guidetest.SameSets(want, got)
	if !same && os.Getenv("X12KIT_DEBUG") != "" {
		t.Logf("%s: %s", name, guidetest.FirstDiffText(want, got))
	}
	assert.True(t, same, "%s: %s", name, guidetest.FirstDiff(want, got))
	return remits
}

func TestFixtureRoundTrip(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "telehealth.835"))
	require.NoError(t, err)
	remits := roundTrip(t, "telehealth.835", data)
	require.Len(t, remits, 1)
	r := remits[0]
	assert.Equal(t, "I", r.Payment.Handling)
	assert.Equal(t, x12.Cents(8250), r.Payment.Amount)
	assert.Equal(t, "987654321", r.Payment.Receiver.Account)
	assert.Equal(t, "EFT20260212001", r.Trace.Number)
	assert.Equal(t, x12.NewDate(2026, 2, 10), r.Produced)
	assert.Equal(t, "ACME HEALTH PLAN", r.Payer.Name)
	assert.Len(t, r.Payer.Contacts, 3)
	assert.Equal(t, "1234567893", r.Payee.ID)
	require.Len(t, r.Claims, 2)
	c := r.Claims[0]
	assert.Equal(t, "PCN0001", c.PatientControl)
	assert.Equal(t, "1", c.Header)
	assert.Equal(t, x12.Dollars(150), c.Charge)
	assert.Equal(t, x12.Dollars(80), c.Paid)
	require.NotNil(t, c.PatientResponsibility)
	assert.Equal(t, x12.Dollars(20), *c.PatientResponsibility)
	assert.Equal(t, "10", c.Facility)
	require.NotNil(t, c.Patient)
	assert.Equal(t, "DOE", c.Patient.Last)
	assert.Equal(t, []string{"MA01"}, c.RemarkCodes())
	au, ok := c.Amount("AU")
	assert.True(t, ok)
	assert.Equal(t, x12.Dollars(100), au)
	require.Len(t, c.Lines, 1)
	l := c.Lines[0]
	assert.Equal(t, Procedure{Qualifier: "HC", Code: "99213", Modifiers: []string{"95"}}, l.Procedure)
	assert.Equal(t, "LINE0001", l.ControlNumber)
	assert.Equal(t, x12.NewDate(2026, 1, 14), l.Date)
	assert.Equal(t, []Adjustment{{Group: "CO", Reason: "45", Amount: x12.Dollars(50)}, {Group: "PR", Reason: "3", Amount: x12.Dollars(20)}}, l.Adjustments)
	allowed, ok := l.Allowed()
	assert.True(t, ok)
	assert.Equal(t, x12.Dollars(100), allowed)
	assert.Nil(t, r.Claims[1].PatientResponsibility)
	assert.Equal(t, "4", r.Claims[1].Status)
	require.Len(t, r.Adjustments, 1)
	assert.Equal(t, ProviderItem{Reason: "L6", Reference: "PCN0001", Amount: x12.Cents(-250)}, r.Adjustments[0].Items[0])
	assert.Empty(t, Balance(r))
	for _, c := range r.Claims {
		assert.Empty(t, c.Extra)
		for _, l := range c.Lines {
			assert.Empty(t, l.Extra)
		}
	}
	require.Len(t, r.Extra, 1, "RDM has no field")
	assert.Equal(t, "1000B", r.Extra[0].Loop)
}

// TestCorpusRoundTrip: every public 835 decodes and comes back segment for segment, alone
// and whole inside its own envelopes (ISA to IEA, guidetest.CompareFiles).
func TestCorpusRoundTrip(t *testing.T) {
	segments := 0
	files := corpusFiles(t)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		roundTrip(t, filepath.Base(f), data)
		segments += wholeRoundTrip(t, filepath.Base(f), data)
	}
	t.Logf("%d corpus files round-trip whole, %d segments compared", len(files), segments)
}

// TestCorpusBalance: the public 835s balance, except the tertiary-payment sample, whose
// malformed SVC01 comes with amounts that do not add up (see the corpus MANIFEST).
func TestCorpusBalance(t *testing.T) {
	for _, f := range corpusFiles(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		remits := readAll(t, filepath.Base(f), data)
		var found []Imbalance
		for _, r := range remits {
			found = append(found, Balance(r)...)
		}
		if filepath.Base(f) == "lfh-tertiary-payment.835" {
			assert.NotEmpty(t, found, f)
			for _, im := range found {
				t.Logf("%s: %v", filepath.Base(f), im)
			}
			continue
		}
		assert.Empty(t, found, filepath.Base(f))
	}
}
