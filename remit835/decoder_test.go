package remit835

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestDecoderNextSets: Next hands out one remittance per transaction set, with the claim
// payments NextClaim hands out one by one and ReadAll returns; a set without claims is a
// remittance without claims; io.EOF repeats.
func TestDecoderNextSets(t *testing.T) {
	remits := Adjudicated(40, 3)
	require.GreaterOrEqual(t, len(remits), 2)
	none := *remits[0]
	none.Control, none.Claims, none.Headers, none.Adjustments = "", nil, nil, nil
	none.Payment.Handling, none.Payment.Amount, none.Payment.Method = "H", 0, "NON"
	none.Payment.Sender, none.Payment.Receiver = BankAccount{}, BankAccount{}
	remits = append(remits, &none)
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, testEnvelope(), remits...))
	data := buf.Bytes()

	d := NewDecoder(bytes.NewReader(data), nil)
	var got []*Remittance
	for r, err := range d.All() {
		require.NoError(t, err)
		got = append(got, r)
	}
	require.Len(t, got, len(remits))
	_, err := d.Next()
	assert.Equal(t, io.EOF, err, "io.EOF again")
	assert.Empty(t, got[len(got)-1].Claims, "the notification without claims")

	all, err := ReadAll(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, all, got)

	n := 0
	for c, err := range NewDecoder(bytes.NewReader(data), nil).Claims() {
		require.NoError(t, err)
		require.NotNil(t, c)
		n++
	}
	total := 0
	for _, r := range got {
		total += len(r.Claims)
	}
	assert.Equal(t, total, n)
}

// TestDecoderReuseClaim: with ReuseClaim, NextClaim hands out one *Claim again and again,
// each time holding what a Decoder without it hands out.
func TestDecoderReuseClaim(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, testEnvelope(), Adjudicated(60, 5)...))
	fresh := NewDecoder(bytes.NewReader(buf.Bytes()), nil)
	reused := NewDecoder(bytes.NewReader(buf.Bytes()), nil)
	reused.ReuseClaim = true
	n := guidetest.SameAsFresh(t, fresh.NextClaim, reused.NextClaim)
	assert.Greater(t, n, 40)

	// MOAs of every shape in turn, and claims without one between them: a reused claim's
	// outpatient values must not keep the last claim's remarks or amounts.
	amt := func(a x12.Amount) *x12.Amount { return &a }
	moas := []*Outpatient{
		{Remarks: []string{"MA01", "MA18", "N130"}, HCPCSPayable: amt(x12.Dollars(12)), NonPayable: amt(x12.Dollars(3))},
		nil,
		{Rate: "0.5", Remarks: []string{"MA01"}, ESRDPayment: amt(x12.Dollars(7))},
		{Remarks: []string{"MA18"}},
		nil,
	}
	remits := Adjudicated(30, 6)
	k := 0
	for _, r := range remits {
		for i := range r.Claims {
			r.Claims[i].Outpatient = moas[k%len(moas)]
			k++
		}
	}
	buf.Reset()
	require.NoError(t, Write(&buf, testEnvelope(), remits...))
	fresh = NewDecoder(bytes.NewReader(buf.Bytes()), nil)
	reused = NewDecoder(bytes.NewReader(buf.Bytes()), nil)
	reused.ReuseClaim = true
	assert.Equal(t, k, guidetest.SameAsFresh(t, fresh.NextClaim, reused.NextClaim))
	got, err := ReadAll(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	k = 0
	for _, r := range got {
		for _, c := range r.Claims {
			assert.Equal(t, moas[k%len(moas)], c.Outpatient, "claim %d", k)
			k++
		}
	}
	assert.Greater(t, k, 2*len(moas))
}
