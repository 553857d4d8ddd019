package x12_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// Why the exempt types may print what they hold: none holds patient data.
const (
	guideData    = "implementation guide metadata: IDs, names, usages and code values of the guides"
	envelopeData = "envelope or acknowledgment data: sender and receiver IDs, control numbers, dates, codes"
	findingData  = "a finding: segment position, segment and loop IDs and codes, never element data"
)

// TestEveryTypeRedactsSegmentData: every exported type of x12, found by parsing its source,
// is registered here or exempt with a reason, and no string planted in a registered type
// shows under any fmt verb or log/slog handler.
func TestEveryTypeRedactsSegmentData(t *testing.T) {
	res := guidetest.CheckPHI(t, guidetest.PHICheck{
		Dir: ".",
		Types: []any{
			x12.Address{}, x12.Date{}, &x12.Sequence{}, x12.ExtraQueue{}, x12.Node{}, x12.Item{}, x12.RawSegment{}, x12.RawSegments{{Text: "NM1*IL*1*DOE", Delimiters: "*:^"}},
			x12.Reader{}, x12.Segment{}, x12.Set{}, x12.SetReader{}, x12.Part{}, x12.Stream{}, x12.Unparsed{},
			x12.UnparsedValue{}, x12.Element{}, x12.Writer{}, x12.CheckedGroup{},
			x12.Ref{}, x12.Contact{}, x12.Number{}, x12.Trace{},
		},
		Exempt: map[string]string{
			"Transaction": guideData, "Loop": guideData, "Child": guideData, "SegmentSpec": guideData,
			"Qualifier": guideData, "ElementSpec": guideData, "SyntaxRule": guideData,
			"Registry": guideData, "DataType": guideData, "PHITable": "segment IDs and element numbers",
			"Ack999": envelopeData, "SetAck": envelopeData, "SegmentAck": envelopeData, "ElementAck": envelopeData,
			"TA1": envelopeData, "InterchangeResult": envelopeData, "InterchangeHeader": envelopeData,
			"GroupHeader": envelopeData, "SetHeader": envelopeData, "Envelope": envelopeData,
			"EnvelopeChecker": envelopeData, "EnvelopeWriter": envelopeData, "ControlFile": "a file path and a lock",
			"Delimiters": "the delimiter characters", "Sanitizer": "options: a character set and delimiters",
			"Position": findingData, "Error": findingData, "ErrorList": findingData, "WriteError": findingData, "Findings": findingData,
			"DecodeOptions": "options: switches, limits and a code source",
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}

// TestRawSegmentLogsNoText: a JSONHandler marshalled a RawSegment's fields, text included,
// before it had a LogValue; JSON output (the data, not a log) still has the text. (A
// JSONHandler given a slice or a struct that is no slog.LogValuer marshals it with
// encoding/json, the types' data output: that is not redacted.)
func TestRawSegmentLogsNoText(t *testing.T) {
	seg := x12.RawOf(x12.NewSegment(x12.Delimiters{}, "NM1", "IL", "1", "DOE", "JANE", "", "", "", "MI", "XYZ123"))
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("kept", "seg", seg, "ptr", &seg)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("kept", "seg", seg, "segs", []x12.RawSegment{seg})
	out := buf.String() + fmt.Sprintf("%v %+v %#v %s %q %x %X %d", seg, seg, seg, seg, seg, seg, seg, seg)
	assert.NotContains(t, out, "DOE")
	assert.Contains(t, out, "NM1 segment (raw)")
	data, err := json.Marshal(seg)
	require.NoError(t, err)
	assert.Contains(t, string(data), "XYZ123")
}

func TestRedactCode(t *testing.T) {
	for in, want := range map[string]string{"11": "11", "ACH": "ACH", "C": "C", "": "?", "DOE": "DOE", "JANE": "?", "ab": "?", "1 2": "?"} {
		assert.Equal(t, want, x12.RedactCode(in), in)
	}
}
