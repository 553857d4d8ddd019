package x12_test

import (
	"testing"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

func TestEveryTypeRedactsSegmentData(t *testing.T) {
	res := guidetest.CheckPHI(t, guidetest.PHICheck{
		Dir: ".",
		Types: []any{
			x12.Ack999{}, x12.SetAck{}, x12.SegmentAck{}, x12.ElementAck{}, x12.Address{}, x12.Sanitizer{}, x12.Date{},
			x12.Delimiters{}, x12.InterchangeResult{}, x12.EnvelopeChecker{}, x12.InterchangeHeader{}, x12.GroupHeader{},
			x12.SetHeader{}, &x12.Sequence{}, x12.EnvelopeWriter{}, x12.Position{}, x12.Error{}, x12.ErrorList{}, x12.ExtraQueue{},
			x12.Node{}, x12.Item{}, x12.Envelope{}, x12.RawSegment{}, x12.Reader{}, x12.PHITable{}, x12.DataType(""),
			x12.Transaction{}, x12.Loop{}, x12.Child{}, x12.SegmentSpec{}, x12.Qualifier{}, x12.ElementSpec{}, x12.SyntaxRule{},
			x12.Segment{}, x12.Party{}, x12.Set{}, &x12.Registry{}, x12.SetReader{}, x12.Part{}, x12.Stream{}, x12.TA1{},
			x12.Unparsed{}, x12.UnparsedValue{}, x12.Element{}, x12.Writer{},
		},
	})
	t.Logf("%d types, %d planted strings, %d outputs checked", res.Types, res.Planted, res.Outputs)
}
