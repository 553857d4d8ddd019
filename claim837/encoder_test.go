package claim837

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// TestEncoderMapsGuideFindings: a value the business checks let through but the guide refuses
// stops the Encoder with an *x12.WriteError whose finding names the batch by its index, the Go
// field the element was written from, and where it would have been in the output; nothing of
// the refused batch is written, and the error is sticky.
func TestEncoderMapsGuideFindings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		spoil   func(b *Batch)
		field   string
		segment string
		element int
	}{
		{name: "subscriber's state", spoil: func(b *Batch) {
			b.Claims[1].Subscriber.Address = &x12.Address{Line1: "1 MAIN ST", City: "SPRINGFIELD", State: "ZZ", ZIP: "627010000"}
		}, field: "Claims[1].Subscriber.Address.State", segment: "N4", element: 2},
		{name: "a line's unit", spoil: func(b *Batch) { b.Claims[0].Lines[0].Unit = "XX" },
			field: "Claims[0].Lines[0].Unit", segment: "SV1", element: 3},
		{name: "a diagnosis qualifier", spoil: func(b *Batch) { b.Claims[1].Diagnoses[0].Qualifier = "ZZZ" },
			field: "Claims[1].Diagnoses[0].Qualifier", segment: "HI", element: 1},
		{name: "the submitter's contact", spoil: func(b *Batch) { b.Submitter.Contact.Numbers[0].Type = "ZZ" },
			field: "Submitter.Contact.Numbers", segment: "PER", element: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			enc := NewEncoder(&out, testEnvelope(), &EncodeOptions{SkipChecks: true})
			require.NoError(t, enc.Encode(testBatch()))
			sent := out.Len()
			bad := testBatch()
			tc.spoil(bad)
			err := enc.Encode(bad)
			var we *x12.WriteError
			require.ErrorAs(t, err, &we)
			assert.ErrorIs(t, err, x12.ErrInvalid)
			require.NotEmpty(t, we.Findings)
			f := we.Findings[0]
			assert.Equal(t, 1, f.Index, "the second batch encoded")
			assert.Equal(t, tc.field, f.Field)
			assert.Equal(t, tc.segment, f.Pos.ID)
			assert.Equal(t, tc.element, f.Pos.Element)
			assert.Equal(t, x12.RuleGuide, f.RuleID())
			assert.Equal(t, sent, out.Len(), "nothing of the refused batch is written")
			assert.Same(t, err, enc.Close(), "the error is sticky")
		})
	}
}

// TestEncoderChecksFirst: a batch with business-check errors is refused before anything of it
// is encoded, its findings carrying the batch's index; warnings go to Warnings and do not stop
// the Encoder; a nil batch is refused without stopping it.
func TestEncoderChecksFirst(t *testing.T) {
	var out bytes.Buffer
	enc := NewEncoder(&out, testEnvelope(), nil)
	assert.Error(t, enc.Encode(nil))
	warned := testBatch()
	warned.Claims[1].Lines[0].Modifiers = []string{"95"}
	warned.Claims[0].PlaceOfService = "02" // a commercial home visit billed as 02: a policy warning
	require.NoError(t, enc.Encode(warned))
	require.NotEmpty(t, enc.Warnings())
	for _, w := range enc.Warnings() {
		assert.Equal(t, x12.SeverityWarning, w.Severity)
		assert.Equal(t, 0, w.Index)
	}
	bad := testBatch()
	bad.Claims[1].Subscriber.MemberID = ""
	err := enc.Encode(bad)
	var we *x12.WriteError
	require.ErrorAs(t, err, &we)
	require.Len(t, we.Findings, 1)
	assert.Equal(t, "Claims[1].Subscriber.MemberID", we.Findings[0].Field)
	assert.Equal(t, 1, we.Findings[0].Index)
	assert.True(t, errors.Is(err, ErrRequired))
	claim, line := ClaimLine(we.Findings[0])
	assert.Equal(t, [2]int{1, -1}, [2]int{claim, line})
	assert.NotContains(t, err.Error(), "XYZ", "no member ID in the text")
}
