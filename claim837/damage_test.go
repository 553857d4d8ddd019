package claim837

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// damageBase is a valid interchange of two 837P sets of generated claims.
func damageBase(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := Write(&buf, testEnvelope(), Generate(3, 1), Generate(4, 2))
	require.NoError(t, err)
	return buf.Bytes()
}

// decodeAll reads data with a Decoder the way a careful caller does (guidetest.Decode): past
// every error that does not stop it. It returns the claims, the first error, and whether a
// claim or the decoder's own findings hold an error-level finding.
func decodeAll(data []byte) (claims []*Claim, first error, onValue, elsewhere bool) {
	d := NewDecoder(bytes.NewReader(data), nil)
	got := guidetest.Decode(len(data)+3, d.NextClaim, func(c *Claim) []*x12.Error { return c.Findings }, d.Findings)
	return got.Values, got.First(), got.OnValue, got.Elsewhere
}

// TestDamageSignals: whatever is done to a valid file (cut anywhere, every segment in turn
// deleted, a wrong SE01, a trailer missing, empty, white space, a 4010 interchange, another
// transaction), the decoder never hands back fewer claims without an error, and never reads
// a damaged file in silence; ReadAll returns an error for every one of them.
func TestDamageSignals(t *testing.T) {
	base := damageBase(t)
	claims, err, onValue, elsewhere := decodeAll(base)
	require.NoError(t, err)
	require.Len(t, claims, 7)
	require.False(t, onValue || elsewhere, "the undamaged file has findings")
	_, err = ReadAll(bytes.NewReader(base))
	require.NoError(t, err)

	var sig guidetest.Signals
	for _, dm := range guidetest.Damages(base, "004010X098A1", guidetest.Others(t, "../remit835/testdata/telehealth.835")...) {
		input := guidetest.Count(dm.Data, "CLM")
		claims, err, onValue, elsewhere := decodeAll(dm.Data)
		assert.LessOrEqual(t, len(claims), input, dm.Name)
		if len(claims) < input {
			assert.Error(t, err, "%s: %d of %d claims and no error", dm.Name, len(claims), input)
		}
		assert.True(t, sig.Add(dm.Kind, err, len(claims), input, onValue, elsewhere), "%s: silent", dm.Name)

		batches, err := ReadAll(bytes.NewReader(dm.Data))
		assert.Error(t, err, "%s: ReadAll", dm.Name)
		got := 0
		for _, b := range batches {
			got += len(b.Claims)
		}
		assert.Equal(t, len(claims), got, "%s: ReadAll reads what Next reads", dm.Name)
	}
	t.Logf("837P damage: %v", sig)
	assert.Zero(t, sig.Silent)
}

// TestDamageErrors: the conditions that lose input come back as the sentinels callers match.
func TestDamageErrors(t *testing.T) {
	base := damageBase(t)
	other, err := os.ReadFile("../remit835/testdata/telehealth.835")
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, x12.ErrNoInterchange},
		{"white space", []byte("\n\r\n  \t"), x12.ErrNoInterchange},
		{"cut in a segment", base[:len(base)/2], x12.ErrTruncated},
		{"cut at a boundary", base[:bytes.Index(base, []byte("~\nSE*"))+2], x12.ErrTruncated},
		{"an 835", other, x12.ErrWrongTransaction},
		{"not X12", []byte("HELLO WORLD~"), x12.ErrNoISA},
		{"segment too long", bytes.Replace(base, []byte("CLM*"), append([]byte("NTE*ADD*"), append(bytes.Repeat([]byte("A"), x12.DefaultMaxElement+1), []byte("~\nCLM*")...)...), 1), x12.ErrElementTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, first, _, _ := decodeAll(tc.data)
			require.Error(t, first)
			assert.True(t, errors.Is(first, tc.want), "%v", first)
			_, err := ReadAll(bytes.NewReader(tc.data))
			assert.True(t, errors.Is(err, tc.want), "ReadAll: %v", err)
		})
	}
}

// TestFindingsPastTheSetsList: every claim carries its own findings, however many the claims
// before it in the same set had (the set's list keeps only its first DefaultErrorLimit).
func TestFindingsPastTheSetsList(t *testing.T) {
	b := Generate(x12.DefaultErrorLimit+200, 3)
	for i := range b.Claims {
		b.Claims[i].PlaceOfService = "00" // not a place of service: one finding a claim
	}
	var buf bytes.Buffer
	_, err := writeRaw(&buf, testEnvelope(), b)
	require.NoError(t, err)
	d := NewDecoder(&buf, nil)
	n := 0
	for c, err := range d.Claims() {
		if err != nil {
			break
		}
		n++
		require.True(t, guidetest.HasError(c.Findings), "claim %d has no finding", n)
	}
	assert.Equal(t, len(b.Claims), n)
	assert.LessOrEqual(t, d.Set().Findings.Len(), x12.DefaultErrorLimit+1)
}
