package x12

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHeadersOfReadValues: headers made from an ISA and a GS as read write them back as they
// were, dates and times that are none, GS07 and an ISB included; a BIN's data is written as
// it is, delimiters and line breaks in it, and reads back.
func TestHeadersOfReadValues(t *testing.T) {
	isa := []string{"01", "0000000000", "01", "0000000000", "ZZ", "ABCDEFGHIJKLMNO", "ZZ", "123456789012345",
		"1011X7", "17", "^", "00501", "000003438", "1", "P", ":"}
	h, err := InterchangeHeaderOf(isa)
	require.NoError(t, err)
	assert.True(t, h.Time.IsZero())
	old := append([]string(nil), isa...)
	old[10], old[11] = "X", "00401"
	h401, err := InterchangeHeaderOf(old)
	require.NoError(t, err)
	assert.Equal(t, "X", h401.Standards)
	var isa401 bytes.Buffer
	e401 := NewEnvelopeWriter(&isa401)
	require.NoError(t, e401.BeginInterchange(h401))
	require.NoError(t, e401.Close())
	assert.Contains(t, isa401.String(), "*17*X*00401*")
	g := GroupHeaderOf([]string{"FA", "ReceiverDept", "SenderDept", "2005081", "19533", "000005", "T", "005010X230"})
	assert.True(t, g.Time.IsZero())
	good := GroupHeaderOf([]string{"FA", "A", "B", "20050812", "195335", "5", "X", "005010X230"})
	assert.Equal(t, "150405", good.TimeFormat)
	assert.Equal(t, 19, good.Time.Hour())

	var out bytes.Buffer
	e := NewEnvelopeWriter(&out)
	require.NoError(t, e.BeginInterchange(h))
	isb := &Segment{}
	*isb = *mustSegment(t, "ISB*1")
	require.NoError(t, e.WriteInterchangeSegment(isb))
	require.NoError(t, e.BeginGroup(g))
	require.Error(t, NewEnvelopeWriter(io.Discard).WriteInterchangeSegment(isb), "outside an interchange")
	require.NoError(t, e.BeginSet(SetHeader{ID: "000", Control: "0001"}))
	require.NoError(t, e.WriteBinary("BIN", []byte("12*4~\n:^")))
	require.NoError(t, e.Close())
	assert.Equal(t, "ISA*01*0000000000*01*0000000000*ZZ*ABCDEFGHIJKLMNO*ZZ*123456789012345*1011X7*17*^*00501*000003438*1*P*:~"+
		"ISB*1~GS*FA*ReceiverDept*SenderDept*2005081*19533*000005*T*005010X230~ST*000*0001~BIN*8*12*4~\n:^~SE*3*0001~"+
		"GE*1*000005~IEA*1*000003438~", out.String())
	assert.ErrorIs(t, e.WriteInterchangeSegment(isb), ErrWriteOrder)

	r := NewReader(bytes.NewReader(out.Bytes()))
	for {
		s, err := r.Next()
		if err == io.EOF {
			t.Fatal("no BIN read back")
		}
		if err == nil && s.ID() == "BIN" {
			assert.True(t, s.IsBinary())
			assert.Equal(t, "12*4~\n:^", string(s.Element(2)))
			break
		}
	}
}

func mustSegment(t *testing.T, text string) *Segment {
	t.Helper()
	s, err := RawSegment{Text: text, Delimiters: "*:^"}.Segment()
	require.NoError(t, err)
	return s
}
