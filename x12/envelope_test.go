package x12

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildTelehealthInterchange builds a small interchange the way a transaction package will.
func buildTelehealthInterchange(t *testing.T, controls ControlSource) string {
	t.Helper()
	var b bytes.Buffer
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	e.Controls = controls
	e.Writer().Newline = true
	require.NoError(t, e.BeginInterchange(InterchangeHeader{
		SenderQualifier: "ZZ", SenderID: "TELECLINIC", ReceiverQualifier: "ZZ", ReceiverID: "CLEARINGHOUSE",
		AckRequested: true, Usage: Production,
	}))
	require.NoError(t, e.BeginGroup(GroupHeader{FunctionalID: "HC", SenderCode: "TELECLINIC", ReceiverCode: "CLEARINGHOUSE", Version: "005010X222A1"}))
	for i := 0; i < 2; i++ {
		require.NoError(t, e.BeginSet(SetHeader{ID: "837", Reference: "005010X222A1"}))
		require.NoError(t, e.WriteStrings("BHT", "0019", "00", "0123", "20261128", "1200", "CH"))
		require.NoError(t, e.Write("SV1", C("HC", "99213", "95"), E("150"), E("UN"), E("1"), E("10")))
	}
	require.NoError(t, e.EndGroup())
	require.NoError(t, e.Close())
	return b.String()
}

func TestEnvelopeWriterGolden(t *testing.T) {
	got := buildTelehealthInterchange(t, NewSequence(1234, 56, 1))
	golden := filepath.Join("testdata", "envelope.golden.x12")
	if os.Getenv("X12KIT_UPDATE") == "1" {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)

	// Deterministic: same calls, same control state, same clock → same bytes.
	assert.Equal(t, got, buildTelehealthInterchange(t, NewSequence(1234, 56, 1)))

	// And it passes the envelope checks.
	c, err := CheckEnvelopes(strings.NewReader(got))
	require.NoError(t, err)
	assert.Zero(t, c.Errors().Len(), "%v", c.Errors().All())
	require.Len(t, c.Interchanges(), 1)
	assert.Equal(t, "000001234", c.Interchanges()[0].ControlNumber)
	assert.True(t, c.Interchanges()[0].AckRequested)
}

func TestISAIsFixedWidth(t *testing.T) {
	got := buildTelehealthInterchange(t, new(Sequence)) // production: an explicit source
	isa := got[:strings.IndexByte(got, '~')+1]
	assert.Len(t, isa, 106)
	_, err := ParseISA([]byte(isa))
	require.NoError(t, err)
}

func TestEnvelopeWriterOrder(t *testing.T) {
	var b bytes.Buffer
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	err := e.BeginGroup(GroupHeader{FunctionalID: "HC"})
	requireX12Error(t, err, ErrWriteOrder)
	assert.Same(t, err, e.BeginInterchange(InterchangeHeader{}), "first error is sticky")

	e = NewEnvelopeWriter(&b)
	e.Now = fixedClock
	require.NoError(t, e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B"}))
	requireX12Error(t, e.WriteStrings("BHT", "1"), ErrWriteOrder)

	e = NewEnvelopeWriter(&b)
	e.Now = fixedClock
	require.NoError(t, e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B"}))
	require.NoError(t, e.BeginGroup(GroupHeader{FunctionalID: "HC", SenderCode: "AA", ReceiverCode: "BB", Version: "005010X222A1"}))
	requireX12Error(t, e.WriteTA1(TA1{}), ErrWriteOrder)
}

func TestSequenceConcurrent(t *testing.T) {
	s := NewSequence(1, 1, 1)
	var wg sync.WaitGroup
	seen := sync.Map{}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				n, err := s.Next(SetControl)
				if err != nil {
					t.Error(err)
					return
				}
				if _, dup := seen.LoadOrStore(n, true); dup {
					t.Errorf("duplicate %d", n)
				}
			}
		}()
	}
	wg.Wait()
	n, err := s.Next(SetControl)
	require.NoError(t, err)
	assert.Equal(t, int64(8001), n)

	wrap := NewSequence(999999999, 1, 1)
	n, _ = wrap.Next(InterchangeControl)
	assert.Equal(t, int64(999999999), n)
	n, _ = wrap.Next(InterchangeControl)
	assert.Equal(t, int64(1), n)
}
