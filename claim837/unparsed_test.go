package claim837

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// TestUnparsedValues: an amount or pointer that does not parse is never zeroed in silence:
// the field stays zero, its text is kept in Unparsed, a finding is on the element (the
// guide's, or the decoder's own when the guide accepts the text), ReadAll returns an error,
// and the encoder writes the text back.
func TestUnparsedValues(t *testing.T) {
	fx := loadFixture(t, "telehealth.837")
	for _, tc := range []struct {
		name, seg   string
		at, element int
		line        bool
		field, text string
		sentinel    error
		setPos      int
	}{
		{"CLM02 with a letter", "CLM*PCN0001*12X.00***10:B:1*Y*A*Y*Y", 17, 2, false, "Charge", "12X.00", nil, 19},
		{"SV102 with three decimals", "SV1*HC:99213:95*150.001*UN*1***1", 22, 2, true, "Charge", "150.001", x12.ErrAmount, 24},
		{"SV107 with an empty pointer", "SV1*HC:99213:95*150*UN*1***1::2", 22, 7, true, "DiagnosisPointers", "1::2", x12.ErrUnparsed, 24},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := fx.with(guidetest.Edit(fx.body, tc.at, tc.seg))
			d := NewDecoder(strings.NewReader(data), nil)
			c, err := d.NextClaim()
			require.NoError(t, err)
			u, charge := c.Unparsed, c.Charge
			if tc.line {
				require.Len(t, c.Lines, 1)
				u, charge = c.Lines[0].Unparsed, c.Lines[0].Charge
			}
			if tc.field == "Charge" {
				assert.Zero(t, charge, "not a guess: zero, with the text kept")
			}
			text, ok := u.Get(tc.field)
			require.True(t, ok)
			assert.Equal(t, tc.text, text)
			var on *x12.Error
			for _, f := range c.Findings {
				if f.Pos.SetSegment == tc.setPos && f.Pos.Element == tc.element {
					on = f
				}
			}
			require.NotNil(t, on, "a finding on the element")
			if tc.sentinel != nil { // the decoder's own finding, from its field reader
				assert.ErrorIs(t, on, tc.sentinel)
				assert.Equal(t, x12.RuleUnparsed, on.Rule)
				assert.Equal(t, tc.field, on.Field)
			}
			assert.NotContains(t, on.Error(), tc.text)

			_, err = ReadAll(strings.NewReader(data))
			assert.Error(t, err)

			var out bytes.Buffer
			_, err = writeRaw(&out, testEnvelope(), &Batch{Claims: []Claim{*c}})
			require.NoError(t, err)
			assert.Contains(t, out.String(), tc.seg+"~", "written back as read")
		})
	}
}

// TestUnparsedBHT: a BHT04/BHT05 that is not a date and time does not become a zero time
// (which the encoder would write as 00010101): the text is kept on the batch and written back.
func TestUnparsedBHT(t *testing.T) {
	fx := loadFixture(t, "telehealth.837")
	require.Equal(t, "BHT*0019*00*BATCH0001*20260115*1430*CH", fx.body[0])
	bht := "BHT*0019*00*BATCH0001*2026011X*14*CH"
	batches, err := ReadAll(strings.NewReader(fx.with(guidetest.Edit(fx.body, 0, bht))))
	require.Error(t, err, "the guide's finding on BHT04")
	require.Len(t, batches, 1)
	b := batches[0]
	assert.True(t, b.Created.IsZero())
	text, ok := b.Unparsed.Get("Created")
	assert.True(t, ok)
	assert.Equal(t, "2026011X", text)

	var out bytes.Buffer
	_, err = writeRaw(&out, testEnvelope(), b)
	require.NoError(t, err)
	assert.Contains(t, out.String(), bht+"~", "written back as read")
}
