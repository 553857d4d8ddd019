package x12

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// write999 acknowledges every set read from in, one 999 for its group, and returns the 999.
func write999(t *testing.T, sets []*Set) string {
	t.Helper()
	require.NotEmpty(t, sets)
	ack := NewAck999(sets[0].GS01, sets[0].GS06, sets[0].GS08)
	for _, s := range sets {
		ack.AddSet(s)
	}
	ack.Close(0)
	var b bytes.Buffer
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	e.Writer().Newline = true
	require.NoError(t, e.BeginInterchange(InterchangeHeader{SenderID: "RECEIVER", ReceiverID: "SENDER"}))
	require.NoError(t, e.BeginGroup(GroupHeader{FunctionalID: "FA", SenderCode: "RECEIVER", ReceiverCode: "SENDER", Version: "005010X231A1"}))
	require.NoError(t, ack.Write(e))
	require.NoError(t, e.Close())
	return b.String()
}

func TestAck999RoundTrip(t *testing.T) {
	bad := append([]string(nil), goodBody...)
	bad[8] = "CLM*A1"            // CLM02 missing: IK4 1
	bad[2] = "PER*IC*BILLING*TE" // too many elements: IK4 3
	sets := readSets(t, testSets(goodBody, bad))
	require.Len(t, sets, 2)
	out := write999(t, sets)
	golden := filepath.Join("testdata", "ack999.golden.x12")
	if os.Getenv("X12KIT_UPDATE") == "1" {
		require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out)

	// The 999 x12kit writes passes its own guide, envelopes included.
	acks := readSets(t, out)
	require.Len(t, acks, 1)
	assert.Equal(t, Guide999, acks[0].Guide)
	assert.Zero(t, acks[0].Findings.Len(), "%v", acks[0].Findings.All())
	c, err := CheckEnvelopes(strings.NewReader(out))
	require.NoError(t, err)
	assert.Zero(t, c.Errors().Len())

	// And reads back into the same values.
	got, err := Parse999(acks[0])
	require.NoError(t, err)
	assert.Equal(t, &Ack999{
		GroupID: "ZZ", GroupControl: "1", Version: "TEST01", Code: "P", Included: 2, Received: 2, Accepted: 1,
		Sets: []SetAck{
			{ID: "100", Control: "0001", Reference: "TEST01", Code: "A"},
			{ID: "100", Control: "0002", Reference: "TEST01", Code: "R", Errors: []string{"5"}, Segments: []SegmentAck{
				{ID: "PER", Position: 4, Code: "8", Elements: []ElementAck{{Position: 3, Code: "3"}}},
				{ID: "CLM", Position: 10, Code: "8", Elements: []ElementAck{{Position: 2, Ref: 782, Code: "1"}}},
			}},
		},
	}, got)
}

func TestAck999SetLevelCodes(t *testing.T) {
	in := strings.Replace(testSet(goodBody...), "SE*17*0001", "SE*5*0009", 1)
	sets := readSets(t, in)
	require.Len(t, sets, 1)
	ack := NewAck999("ZZ", "1", "TEST01")
	ack.AddSet(sets[0])
	ack.Close(1)
	assert.Equal(t, "R", ack.Sets[0].Code)
	assert.Equal(t, []string{"4", "3"}, ack.Sets[0].Errors)
	assert.Equal(t, "R", ack.Code)
	assert.Equal(t, 0, ack.Accepted)
}

func TestUnknownTransaction(t *testing.T) {
	in := strings.Replace(testSet(goodBody...), "ST*100", "ST*101", 1)
	sets := readSets(t, in)
	require.Len(t, sets, 1)
	assert.Nil(t, sets[0].Guide)
	require.Equal(t, 1, sets[0].Findings.Len())
	e := sets[0].Findings.All()[0]
	assert.Equal(t, LevelSet, e.Level)
	assert.Equal(t, "1", e.Code)
}

// TestCorpus999: the corpus's valid 999 passes the 999 guide; the invalid one does not, and
// says where.
func TestCorpus999(t *testing.T) {
	dir := os.Getenv("X12KIT_CORPUS")
	if dir == "" {
		t.Skip("X12KIT_CORPUS is not set: skipping the reference-corpus tests")
	}
	read := func(name string) *Set {
		f, err := os.Open(filepath.Join(dir, "999", name))
		require.NoError(t, err)
		defer f.Close()
		sr := NewSetReader(f)
		set, err := sr.Next()
		require.NoError(t, err)
		_, err = sr.Next()
		require.Equal(t, io.EOF, err)
		return set
	}
	good := read("staedi-simple999.edi")
	assert.Zero(t, good.Findings.Len(), "%v", good.Findings.All())
	ack, err := Parse999(good)
	require.NoError(t, err)
	assert.Equal(t, "P", ack.Code)
	require.Len(t, ack.Sets, 3)
	assert.Equal(t, []ElementAck{{Position: 2, Ref: 782, Code: "1"}}, ack.Sets[1].Segments[0].Elements)

	bad := read("staedi-invalid999.edi")
	var got []string
	for _, e := range bad.Findings.All() {
		got = append(got, e.Level.String()+" "+e.Code+" @"+itoaT(e.Pos.SetSegment))
	}
	assert.Equal(t, []string{"IK304 2 @2", "IK403 5 @3", "IK403 3 @4", "IK403 7 @5", "IK304 5 @6", "IK403 6 @14", "IK502 4 @18"}, got)
}
