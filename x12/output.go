package x12

import (
	"bytes"
	"io"
	"time"
)

// Envelope says how a typed encoder wraps its transaction sets: one interchange holding one
// functional group.
type Envelope struct {
	Interchange  InterchangeHeader
	SenderCode   string           // GS02; ISA06 when empty
	ReceiverCode string           // GS03; ISA08 when empty
	Controls     ControlSource    // nil: a sequence starting at 1, refused for production (ISA15 P): see EnvelopeWriter
	Now          func() time.Time // clock for headers without a time; nil: time.Now
	Delimiters   Delimiters       // zero: * : ^ ~
	Newline      bool             // a line break after each segment
}

// WriteGroup writes one interchange with one functional group (GS01 functionalID, GS08
// version) whose transaction sets body writes through the EnvelopeWriter.
func (env Envelope) WriteGroup(w io.Writer, functionalID, version string, body func(e *EnvelopeWriter) error) error {
	e := NewEnvelopeWriter(w)
	e.Controls, e.Now = env.Controls, env.Now
	e.Writer().Delimiters, e.Writer().Newline = env.Delimiters, env.Newline
	sender, receiver := env.SenderCode, env.ReceiverCode
	if sender == "" {
		sender = env.Interchange.SenderID
	}
	if receiver == "" {
		receiver = env.Interchange.ReceiverID
	}
	if err := e.BeginInterchange(env.Interchange); err != nil {
		return err
	}
	if err := e.BeginGroup(GroupHeader{FunctionalID: functionalID, SenderCode: sender, ReceiverCode: receiver, Version: version}); err != nil {
		return err
	}
	if err := body(e); err != nil {
		return err
	}
	return e.Close()
}

// CheckOutput validates X12 an encoder produced against its guides (registered in Guides)
// and the envelope rules, and returns every finding; none means a validator built on the
// same guides accepts it. visit, when set, is called with each set as read (to run business
// checks on it).
func CheckOutput(data []byte, codes CodeSource, visit func(*Set)) []*Error {
	sr := NewSetReader(bytes.NewReader(data))
	sr.ValidateOnly = visit == nil
	sr.Codes = codes
	var out []*Error
	for {
		set, err := sr.Next()
		if err != nil {
			break
		}
		out = append(out, set.Findings.All()...)
		if visit != nil {
			visit(set)
		}
	}
	for _, e := range sr.Envelopes().Errors().All() {
		if e.Level != LevelSet { // set-level ones are already in the sets' findings
			out = append(out, e)
		}
	}
	return out
}
