package remit835

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestUnparsedAmounts: an amount of an anchor segment (BPR, CLP, SVC) that does not parse is
// never zeroed in silence: the field stays zero, its text is kept in Unparsed, the guide's
// finding on the element comes with the claim payment (and makes ReadAll return an error),
// and the encoder writes the text back as it was read.
func TestUnparsedAmounts(t *testing.T) {
	data, err := os.ReadFile("testdata/telehealth.835")
	require.NoError(t, err)
	const (
		clp = "CLP*PCN0001*1*150*80*20*12*ACME0000000001*10*1~"
		svc = "SVC*HC:99213:95*150*80**1~"
		bpr = "BPR*I*82.5*C*"
	)
	for _, tc := range []struct {
		name, from, to string
		id             string // the segment and element the finding names
		element        int
		unparsed       func(c *Claim, r *Remittance) x12.Unparsed
		field          string
		zero           func(c *Claim, r *Remittance) bool
	}{
		{"CLP03", clp, "CLP*PCN0001*1*12X.00*80*20*12*ACME0000000001*10*1~", "CLP", 3,
			func(c *Claim, _ *Remittance) x12.Unparsed { return c.Unparsed }, "Charge",
			func(c *Claim, _ *Remittance) bool { return c.Charge == 0 }},
		{"CLP04", clp, "CLP*PCN0001*1*150*8O*20*12*ACME0000000001*10*1~", "CLP", 4,
			func(c *Claim, _ *Remittance) x12.Unparsed { return c.Unparsed }, "Paid",
			func(c *Claim, _ *Remittance) bool { return c.Paid == 0 }},
		{"CLP05", clp, "CLP*PCN0001*1*150*80*2,0*12*ACME0000000001*10*1~", "CLP", 5,
			func(c *Claim, _ *Remittance) x12.Unparsed { return c.Unparsed }, "PatientResponsibility",
			func(c *Claim, _ *Remittance) bool { return c.PatientResponsibility == nil }},
		{"SVC02", svc, "SVC*HC:99213:95*15O*80**1~", "SVC", 2,
			func(c *Claim, _ *Remittance) x12.Unparsed { return c.Lines[0].Unparsed }, "Charge",
			func(c *Claim, _ *Remittance) bool { return c.Lines[0].Charge == 0 }},
		{"SVC03", svc, "SVC*HC:99213:95*150*80.001**1~", "SVC", 3,
			func(c *Claim, _ *Remittance) x12.Unparsed { return c.Lines[0].Unparsed }, "Paid",
			func(c *Claim, _ *Remittance) bool { return c.Lines[0].Paid == 0 }},
		{"BPR02", bpr, "BPR*I*82.5X*C*", "BPR", 2,
			func(_ *Claim, r *Remittance) x12.Unparsed { return r.Payment.Unparsed }, "Amount",
			func(_ *Claim, r *Remittance) bool { return r.Payment.Amount == 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, string(data), tc.from)
			in := []byte(strings.Replace(string(data), tc.from, tc.to, 1))
			text := tc.to[len(tc.id)+1:]
			text = strings.Split(text, "*")[tc.element-1]

			// The Decoder: the first claim payment carries the finding on the element.
			d := NewDecoder(bytes.NewReader(in), nil)
			c, err := d.NextClaim()
			require.NoError(t, err)
			assert.True(t, tc.zero(c, d.Remittance()), "the field is left zero")
			got, ok := tc.unparsed(c, d.Remittance()).Get(tc.field)
			assert.True(t, ok, "the text is kept")
			assert.Equal(t, text, got)
			found := false
			for _, f := range c.Findings {
				found = found || f.Pos.ID == tc.id && f.Pos.Element == tc.element && f.Severity == x12.SeverityError
				assert.NotContains(t, f.Error(), text, "no value in the finding")
			}
			assert.True(t, found, "a finding on %s%02d: %v", tc.id, tc.element, c.Findings)
			assert.NotContains(t, fmt.Sprint(tc.unparsed(c, d.Remittance())), text, "Unparsed prints no value")

			// ReadAll: the remittance, and the finding as its error.
			remits, err := ReadAll(bytes.NewReader(in))
			require.Len(t, remits, 1)
			var e *x12.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tc.id, e.Pos.ID)
			assert.Equal(t, tc.element, e.Pos.Element)
			assert.NotContains(t, err.Error(), text)

			// Encoded again: the text comes back where it was.
			out := encodeAll(t, remits)
			assert.True(t, guidetest.SameSets(guidetest.SetSegments(t, in), guidetest.SetSegments(t, out)),
				guidetest.FirstDiff(guidetest.SetSegments(t, in), guidetest.SetSegments(t, out)))
			assert.Contains(t, string(out), tc.to)
		})
	}
}

// TestUnparsedWriteRefused: Write never sends an amount it could not read.
func TestUnparsedWriteRefused(t *testing.T) {
	remits, err := ReadAll(strings.NewReader(mustRead(t, "testdata/telehealth.835")))
	require.NoError(t, err)
	r := remits[0]
	r.Claims[0].Unparsed.Set("Charge", "12X.00")
	var out bytes.Buffer
	err = Write(&out, testEnvelope(), r)
	assert.ErrorIs(t, err, x12.ErrInvalid)
	assert.Zero(t, out.Len())
}

// TestUnparsedDecoderFindings: when the guide accepts an amount x12.Amount cannot hold (more
// than two decimals) or does not check it (StructureOnly), the Decoder makes the finding
// itself (x12.ErrAmount, no 999 code), on the claim payment or, for the BPR of a set without
// claims, as an error after the set's end; ReadAll returns it, and Decoder.Made lists it.
func TestUnparsedDecoderFindings(t *testing.T) {
	data := mustRead(t, "testdata/telehealth.835")
	madeOn := func(t *testing.T, c *Claim, id string, element int, field string) {
		t.Helper()
		var made []*x12.Error
		for _, f := range c.Findings {
			if errors.Is(f, x12.ErrAmount) {
				made = append(made, f)
			}
		}
		require.Len(t, made, 1, "%v", c.Findings)
		assert.Equal(t, id, made[0].Pos.ID)
		assert.Equal(t, element, made[0].Pos.Element)
		assert.Empty(t, made[0].Code)
		assert.Equal(t, x12.RuleUnparsed, made[0].Rule, "made by the field reader")
		assert.Equal(t, field, made[0].Field)
	}

	t.Run("three decimals", func(t *testing.T) {
		in := strings.Replace(data, "SVC*HC:99213:95*150*80**1~", "SVC*HC:99213:95*150*80.001**1~", 1)
		c, err := NewDecoder(strings.NewReader(in), nil).NextClaim()
		require.NoError(t, err)
		madeOn(t, c, "SVC", 3, "Paid")
		_, err = ReadAll(strings.NewReader(in))
		assert.ErrorIs(t, err, x12.ErrAmount)
		d := NewDecoder(strings.NewReader(in), nil)
		c, err = d.NextClaim()
		require.NoError(t, err)
		require.Len(t, d.Made(), 1)
		assert.Same(t, d.Made()[0], c.Findings[len(c.Findings)-1])
	})

	t.Run("structure only", func(t *testing.T) {
		in := strings.Replace(data, "CLP*PCN0001*1*150*", "CLP*PCN0001*1*12X.00*", 1)
		d := NewDecoder(strings.NewReader(in), nil)
		d.Reader().StructureOnly = true
		c, err := d.NextClaim()
		require.NoError(t, err)
		madeOn(t, c, "CLP", 3, "Charge")
	})

	t.Run("BPR of a set without claims", func(t *testing.T) {
		start, end := strings.Index(data, "LX*1~"), strings.Index(data, "PLB*")
		in := data[:start] + data[end:]
		in = strings.Replace(in, "SE*40*", "SE*"+strconv.Itoa(40-strings.Count(data[start:end], "~"))+"*", 1)
		in = strings.Replace(in, "BPR*I*82.5*", "BPR*I*82.555*", 1)
		remits, err := ReadAll(strings.NewReader(in))
		require.Len(t, remits, 1)
		assert.Equal(t, "82.555", remits[0].Payment.Unparsed.Or("Amount", ""))
		var e *x12.Error
		require.ErrorAs(t, err, &e)
		assert.ErrorIs(t, err, x12.ErrAmount)
		assert.Equal(t, "BPR", e.Pos.ID)
		assert.Equal(t, 2, e.Pos.Element)
		assert.Equal(t, x12.RuleUnparsed, e.Rule)
		assert.Equal(t, "Amount", e.Field)

		d := NewDecoder(strings.NewReader(in), nil)
		ended := false
		d.SetDone = func(*Remittance, *x12.Set) { ended = true }
		_, err = d.NextClaim()
		assert.True(t, ended, "the set's end comes first")
		assert.ErrorIs(t, err, x12.ErrAmount)
		_, err = d.NextClaim()
		assert.Equal(t, io.EOF, err)
	})
}
