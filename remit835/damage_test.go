package remit835

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// damageBase is a valid interchange of three 835 sets: the telehealth remittance (two claim
// payments, a denial, a PLB, segments kept in Extra) and the simulated payer's answer to two
// generated claims (one set per payer).
func damageBase(t *testing.T) []byte {
	t.Helper()
	f, err := os.Open("testdata/telehealth.835")
	require.NoError(t, err)
	defer f.Close()
	remits, err := ReadAll(f)
	require.NoError(t, err)
	remits = append(remits, Adjudicated(2, 2)...)
	for i, r := range remits {
		r.Control = strconv.Itoa(1001 + i)
	}
	var out bytes.Buffer
	require.NoError(t, Write(&out, testEnvelope(), remits...))
	return out.Bytes()
}

// as4010 makes data (written by Write) a 4010 interchange: ISA12 00401, GS08 004010X091A1.
func as4010(data []byte) []byte {
	old := bytes.Replace(data, []byte("*00501*"), []byte("*00401*"), 1)
	return bytes.ReplaceAll(old, []byte("*"+Version+"~"), []byte("*004010X091A1~"))
}

// decodeDamaged reads data with a Decoder as a careful caller does (guidetest.Decode): past
// every error that does not stop it.
func decodeDamaged(data []byte) guidetest.Decoded[*Claim] {
	d := NewDecoder(bytes.NewReader(data), nil)
	return guidetest.Decode(len(data)+10, d.NextClaim, func(c *Claim) []*x12.Error { return c.Findings }, d.Findings)
}

// TestDamageSignals: whatever is done to a valid file (cut at every segment boundary and
// inside every segment, every segment deleted in turn, a wrong SE01, a trailer missing,
// empty, white space, a 4010 interchange, another transaction), the Decoder never hands back
// more claim payments than the input holds nor fewer without an error, and never reads a
// damaged file in silence; ReadAll returns an error for every one of them, with the claim
// payments the Decoder gave.
func TestDamageSignals(t *testing.T) {
	base := damageBase(t)
	dec := decodeDamaged(base)
	require.Empty(t, dec.Errs)
	require.Len(t, dec.Values, 4)
	require.Equal(t, 4, guidetest.Count(base, "CLP"))
	require.False(t, dec.OnValue || dec.Elsewhere, "the undamaged file has findings")
	for _, c := range dec.Values {
		assert.Empty(t, c.Findings)
	}
	assert.Empty(t, NewDecoder(bytes.NewReader(base), nil).Findings().All())
	remits, err := ReadAll(bytes.NewReader(base))
	require.NoError(t, err)
	require.Len(t, remits, 3)

	cases := guidetest.Damages(base, "004010X091A1", guidetest.Others(t, "../claim837/testdata/telehealth.837")...)
	var sig guidetest.Signals
	for _, dm := range cases {
		input := guidetest.Count(dm.Data, "CLP")
		dec := decodeDamaged(dm.Data)
		claims := dec.Values
		assert.LessOrEqual(t, len(claims), input, dm.Name)
		if len(claims) < input {
			assert.Error(t, dec.First(), "%s: %d of %d claim payments and no error", dm.Name, len(claims), input)
		}
		assert.True(t, sig.Add(dm.Kind, dec.First(), len(claims), input, dec.OnValue, dec.Elsewhere), "%s: read in silence", dm.Name)

		remits, err := ReadAll(bytes.NewReader(dm.Data))
		assert.Error(t, err, "%s: ReadAll", dm.Name)
		got := 0
		for _, r := range remits {
			got += len(r.Claims)
		}
		assert.Equal(t, len(claims), got, "%s: ReadAll reads what Next reads", dm.Name)
	}
	t.Logf("835 damage: %v", sig)
	assert.Zero(t, sig.Silent)

	// Only the last terminator cut off: a quirk real translators read (x12.ErrNoFinalTerminator),
	// so nothing is lost and it is a warning, not an error.
	cut := bytes.TrimSuffix(bytes.TrimSuffix(base, []byte("\n")), []byte("~"))
	dec = decodeDamaged(cut)
	assert.Empty(t, dec.Errs)
	assert.Len(t, dec.Values, 4)
	d := NewDecoder(bytes.NewReader(cut), nil)
	for _, err := range d.Claims() {
		require.NoError(t, err)
	}
	require.Len(t, d.Findings().All(), 1)
	assert.ErrorIs(t, d.Findings().All()[0], x12.ErrNoFinalTerminator)
	assert.True(t, x12.IsWarning(d.Findings().All()[0]))
}

// TestDamageErrors: the conditions that lose input come back as the sentinels callers match,
// from Next and from ReadAll.
func TestDamageErrors(t *testing.T) {
	base := damageBase(t)
	other, err := os.ReadFile("../claim837/testdata/telehealth.837")
	require.NoError(t, err)
	wrongSE := bytes.Replace(base, []byte("~\nSE*"), []byte("~\nSE*9"), 1)
	noGE := bytes.Replace(base, []byte("GE*3*1~\n"), nil, 1)
	require.NotEqual(t, base, noGE)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, x12.ErrNoInterchange},
		{"white space", []byte("\n\r\n  \t"), x12.ErrNoInterchange},
		{"cut in a segment", base[:len(base)/2], x12.ErrTruncated},
		{"cut at a boundary", base[:bytes.Index(base, []byte("~\nSE*"))+2], x12.ErrTruncated},
		{"an 837P", other, x12.ErrWrongTransaction},
		{"a 4010 835", as4010(base), x12.ErrWrongTransaction},
		{"wrong SE01", wrongSE, x12.ErrCountMismatch},
		{"GE missing", noGE, x12.ErrMissingTrailer},
		{"not X12", []byte("HELLO WORLD~"), x12.ErrNoISA},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := decodeDamaged(tc.data).Errs
			require.NotEmpty(t, errs)
			assert.True(t, errors.Is(errors.Join(errs...), tc.want), "%v", errs)
			_, err := ReadAll(bytes.NewReader(tc.data))
			assert.True(t, errors.Is(err, tc.want), "ReadAll: %v", err)
		})
	}
}
