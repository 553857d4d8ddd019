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
	e := env.newWriter(w)
	if err := e.BeginInterchange(env.Interchange); err != nil {
		return err
	}
	if err := e.BeginGroup(env.GroupHeader(functionalID, version)); err != nil {
		return err
	}
	if err := body(e); err != nil {
		return err
	}
	return e.Close()
}

// GroupHeader returns the GS of env's functional group: GS01 functionalID, GS08 version, GS02
// SenderCode (ISA06 when empty) and GS03 ReceiverCode (ISA08 when empty); the control number,
// date and time are left for the EnvelopeWriter to fill in.
func (env Envelope) GroupHeader(functionalID, version string) GroupHeader {
	sender, receiver := env.SenderCode, env.ReceiverCode
	if sender == "" {
		sender = env.Interchange.SenderID
	}
	if receiver == "" {
		receiver = env.Interchange.ReceiverID
	}
	return GroupHeader{FunctionalID: functionalID, SenderCode: sender, ReceiverCode: receiver, Version: version}
}

// newWriter returns an EnvelopeWriter writing to w with env's control numbers, clock and
// delimiters.
func (env Envelope) newWriter(w io.Writer) *EnvelopeWriter {
	e := NewEnvelopeWriter(w)
	e.Controls, e.Now = env.Controls, env.Now
	e.Writer().Delimiters, e.Writer().Newline = env.Delimiters, env.Newline
	return e
}

// CheckOutput validates X12 an encoder produced against its guides (registered in Guides)
// and the envelope rules, and returns every finding; none means a validator built on the
// same guides accepts it. visit, when set, is called with each set as read (to run business
// checks on it).
func CheckOutput(data []byte, codes CodeSource, visit func(*Set)) []*Error {
	return checkWith(NewSetReader(bytes.NewReader(data)), codes, visit)
}

// checkWith is CheckOutput reading through sr.
func checkWith(sr *SetReader, codes CodeSource, visit func(*Set)) []*Error {
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
