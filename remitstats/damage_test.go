package remitstats

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// TestSummaryReadsPastErrors: a Summary counts every claim payment a damaged input (two
// interchanges: the telehealth remittance and the summary's three sets) holds and returns
// what the Decoder said about the rest.
func TestSummaryReadsPastErrors(t *testing.T) {
	var base []byte
	for _, f := range []string{"../remit835/testdata/telehealth.835", summaryFile} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		base = append(base, data...)
	}
	other, err := os.ReadFile("../claim837/testdata/telehealth.837")
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"an 837P after the 835", append(append([]byte{}, base...), other...), x12.ErrWrongTransaction},
		{"wrong SE01", bytes.Replace(base, []byte("~\nSE*"), []byte("~\nSE*9"), 1), x12.ErrCountMismatch},
		{"IEA missing", base[:bytes.LastIndex(base, []byte("IEA*"))], x12.ErrTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSummary()
			err := s.Read(bytes.NewReader(tc.data))
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, 10, s.Totals.Claims.Total)
			assert.Equal(t, 4, s.Sets)
		})
	}
	s := NewSummary()
	require.NoError(t, s.Read(bytes.NewReader(base)))
	assert.Equal(t, 10, s.Totals.Claims.Total)
}
