package x12

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type finding struct {
	sentinel error
	level    Level
	code     string
	segment  int // index in the interchange
	element  int
}

func TestEnvelopeChecks(t *testing.T) {
	good := simpleInterchange("\n")
	isa := strings.TrimSuffix(testISA('*', '^', ':', "~", "000000001"), "~")
	tests := []struct {
		name string
		in   string
		want []finding
	}{
		{"valid", good, nil},
		{"IEA02 differs", strings.Replace(good, "IEA*1*000000001", "IEA*1*000000009", 1),
			[]finding{{ErrControlNumberMismatch, LevelInterchange, "001", 8, 2}}},
		{"IEA01 count wrong", strings.Replace(good, "IEA*1*", "IEA*2*", 1),
			[]finding{{ErrCountMismatch, LevelInterchange, "021", 8, 1}}},
		{"GE02 differs", strings.Replace(good, "GE*1*1", "GE*1*2", 1),
			[]finding{{ErrControlNumberMismatch, LevelGroup, "4", 7, 2}}},
		{"GE01 count wrong", strings.Replace(good, "GE*1*1", "GE*3*1", 1),
			[]finding{{ErrCountMismatch, LevelGroup, "5", 7, 1}}},
		{"SE02 differs", strings.Replace(good, "SE*4*0001", "SE*4*0002", 1),
			[]finding{{ErrControlNumberMismatch, LevelSet, "3", 6, 2}}},
		{"SE01 count wrong", strings.Replace(good, "SE*4*0001", "SE*5*0001", 1),
			[]finding{{ErrCountMismatch, LevelSet, "4", 6, 1}}},
		{"several problems reported together", strings.NewReplacer("SE*4*0001", "SE*5*0002", "GE*1*1", "GE*1*2").Replace(good),
			[]finding{
				{ErrCountMismatch, LevelSet, "4", 6, 1},
				{ErrControlNumberMismatch, LevelSet, "3", 6, 2},
				{ErrControlNumberMismatch, LevelGroup, "4", 7, 2},
			}},
		{"SE missing", strings.Replace(good, "SE*4*0001~\n", "", 1),
			[]finding{{ErrMissingTrailer, LevelSet, "2", 3, 0}}},
		{"GE missing", strings.Replace(good, "GE*1*1~\n", "", 1),
			[]finding{{ErrMissingTrailer, LevelGroup, "3", 2, 0}}},
		{"IEA missing", strings.Replace(good, "IEA*1*000000001~\n", "", 1),
			[]finding{{ErrMissingTrailer, LevelInterchange, "023", 1, 0}}},
		{"duplicate ST02", strings.Replace(good, "SE*4*0001~\n", "SE*4*0001~\nST*837*0001~\nSE*2*0001~\n", 1) + "",
			[]finding{{ErrDuplicateControl, LevelSet, "23", 7, 2}, {ErrCountMismatch, LevelGroup, "5", 9, 1}}},
		{"duplicate GS06", strings.Replace(good, "GE*1*1~\n", "GE*1*1~\nGS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1~\nGE*0*1~\n", 1),
			[]finding{{ErrInvalidGSElement, LevelGroup, "19", 8, 6}, {ErrCountMismatch, LevelInterchange, "021", 10, 1}}},
		{"duplicate ISA13 in a stream", good + good,
			[]finding{{ErrInvalidISAElement, LevelInterchange, "025", 1, 13}}},
		{"segment outside a set", strings.Replace(good, "ST*837", "REF*EA*1~\nST*837", 1),
			[]finding{{ErrUnexpectedSegment, LevelInterchange, "024", 3, 0}}},
		{"bad ISA elements", strings.NewReplacer("*261128*1200*^", "*261332*2561*^", "*0*T*", "*2*X*", "ZZ*SENDER", "QQ*SENDER").Replace(good),
			[]finding{
				{ErrInvalidISAElement, LevelInterchange, "005", 1, 5},
				{ErrInvalidISAElement, LevelInterchange, "014", 1, 9},
				{ErrInvalidISAElement, LevelInterchange, "015", 1, 10},
				{ErrInvalidISAElement, LevelInterchange, "019", 1, 14},
				{ErrInvalidISAElement, LevelInterchange, "020", 1, 15},
			}},
		{"version not 00501", strings.Replace(good, "*00501*", "*00401*", 1),
			[]finding{{ErrInvalidISAElement, LevelInterchange, "017", 1, 12}}},
		{"bad GS elements", strings.Replace(good, "GS*HC*SENDER*RECEIVER*20261128*1200*1*X", "GS*HC*SENDER*RECEIVER*20261131*1260*A*Y", 1),
			[]finding{
				{ErrInvalidGSElement, LevelInterchange, "024", 2, 4},
				{ErrInvalidGSElement, LevelInterchange, "024", 2, 5},
				{ErrInvalidGSElement, LevelGroup, "6", 2, 6},
				{ErrInvalidGSElement, LevelInterchange, "024", 2, 7},
				{ErrControlNumberMismatch, LevelGroup, "4", 7, 2},
			}},
		{"TA1 before GS is fine", strings.Replace(good, "~\nGS*", "~\nTA1*000000007*261127*0900*A*000~\nGS*", 1), nil},
		{"bad TA1", strings.Replace(good, "~\nGS*", "~\nTA1*7*261127*0900*Q*000~\nGS*", 1),
			[]finding{{ErrInvalidTA1, LevelInterchange, "024", 2, 1}}},
		{"garbage instead of an interchange", "HELLO WORLD~",
			[]finding{{ErrNoISA, LevelInterchange, "024", 0, 0}}},
		{"unreadable segment counts toward SE01", isa + "~GS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1~ST*837*0001~9X*A~SE*3*0001~GE*1*1~IEA*1*000000001~",
			[]finding{{ErrSegmentID, LevelSegment, "1", 4, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := CheckEnvelopes(strings.NewReader(tc.in))
			require.NoError(t, err)
			var got []finding
			for _, e := range c.Errors().All() {
				f := finding{level: e.Level, code: e.Code, segment: e.Pos.Segment, element: e.Pos.Element}
				for _, s := range []error{ErrControlNumberMismatch, ErrCountMismatch, ErrMissingTrailer, ErrDuplicateControl,
					ErrInvalidGSElement, ErrInvalidISAElement, ErrUnexpectedSegment, ErrInvalidTA1, ErrNoISA, ErrSegmentID} {
					if assert.ObjectsAreEqual(s, e.Err) {
						f.sentinel = s
					}
				}
				got = append(got, f)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestInterchangeResultTA1(t *testing.T) {
	bad := strings.Replace(simpleInterchange(""), "IEA*1*000000001", "IEA*1*000000002", 1)
	c, err := CheckEnvelopes(strings.NewReader(bad))
	require.NoError(t, err)
	require.Len(t, c.Interchanges(), 1)
	ta1 := c.Interchanges()[0].TA1()
	assert.Equal(t, TA1{ControlNumber: "000000001", Date: "261128", Time: "1200", Ack: 'R', Note: "001"}, ta1)

	c, err = CheckEnvelopes(strings.NewReader(simpleInterchange("")))
	require.NoError(t, err)
	assert.Equal(t, TA1{ControlNumber: "000000001", Date: "261128", Time: "1200", Ack: 'A', Note: "000"}, c.Interchanges()[0].TA1())
}

func TestTA1WriteAndParse(t *testing.T) {
	var b strings.Builder
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	want := TA1{ControlNumber: "000000042", Date: "261127", Time: "0915", Ack: TA1Rejected, Note: "001"}
	require.NoError(t, e.BeginInterchange(InterchangeHeader{SenderID: "CLEARINGHOUSE", ReceiverID: "CLINIC"}))
	require.NoError(t, e.WriteTA1(want))
	require.NoError(t, e.Close())
	segs, errs := readAll(t, b.String())
	require.Empty(t, errs)
	require.Equal(t, "ISA TA1 IEA", ids(segs))
	assert.Equal(t, "IEA*0*000000001", string(segs[2].Raw()))
	got, err := ParseTA1(segs[1])
	require.NoError(t, err)
	assert.Equal(t, want, got)

	for _, bad := range []struct {
		seg  string
		elem int
	}{
		{"TA1*42*261127*0915*R*001", 1},
		{"TA1*000000042*261327*0915*R*001", 2},
		{"TA1*000000042*261127*2515*R*001", 3},
		{"TA1*000000042*261127*0915*X*001", 4},
		{"TA1*000000042*261127*0915*R*1", 5},
	} {
		segs, errs := readAll(t, testISA('*', '^', ':', "~", "000000001")+bad.seg+"~")
		require.Empty(t, errs)
		_, err := ParseTA1(segs[1])
		e := requireX12Error(t, err, ErrInvalidTA1)
		assert.Equal(t, bad.elem, e.Pos.Element, bad.seg)
	}
}
