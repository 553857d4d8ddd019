package x12

import (
	"errors"
	"strconv"
)

// Ack999 is a 999 implementation acknowledgment for one functional group, as x12kit writes
// it and as Parse999 reads it. It never holds patient data: the copy of bad data (IK404) and
// business-unit context (CTX) are not produced, and Parse999 does not keep them.
type Ack999 struct {
	GroupID      string   // AK101: GS01 of the acknowledged group
	GroupControl string   // AK102: its GS06
	Version      string   // AK103: its GS08
	Sets         []SetAck // one 2000 loop per transaction set
	Code         string   // AK901: A, E, M, P, R, W or X
	Included     int      // AK902: sets the group said it held (GE01)
	Received     int      // AK903
	Accepted     int      // AK904
	GroupErrors  []string // AK905–AK909
}

// SetAck is the 2000 loop: one transaction set's verdict.
type SetAck struct {
	ID        string       // AK201: ST01
	Control   string       // AK202: ST02
	Reference string       // AK203: ST03
	Segments  []SegmentAck // 2100 loops
	Code      string       // IK501: A, E, M, R, W or X
	Errors    []string     // IK502–IK506
}

// SegmentAck is the 2100 loop: a segment in error.
type SegmentAck struct {
	ID       string       // IK301: segment ID
	Position int          // IK302: position in the set, ST = 1
	Loop     string       // IK303: bounded loop identifier (LS01), rarely used in HIPAA
	Code     string       // IK304
	Elements []ElementAck // 2110 loops
}

// ElementAck is the 2110 loop: an element in error.
type ElementAck struct {
	Position   int    // IK401-1: element position
	Component  int    // IK401-2
	Repetition int    // IK401-3
	Ref        int    // IK402: data element reference number
	Code       string // IK403
}

// NewAck999 starts the acknowledgment of the group a set came from.
func NewAck999(gs01, gs06, gs08 string) *Ack999 {
	return &Ack999{GroupID: gs01, GroupControl: gs06, Version: gs08}
}

// AddSet adds a transaction set's verdict, built from its findings: segment findings become
// IK3, element findings IK4 under an IK3 with code 8, set findings IK502 codes.
func (a *Ack999) AddSet(set *Set) {
	sa := SetAck{ID: set.ST01, Control: set.ST02, Reference: set.ST03, Code: "A"}
	var cur *SegmentAck
	for _, e := range set.Findings.All() {
		switch e.Level {
		case LevelSet:
			if len(sa.Errors) < 5 && !contains(sa.Errors, e.Code) {
				sa.Errors = append(sa.Errors, e.Code)
			}
		case LevelSegment:
			sa.Segments = append(sa.Segments, SegmentAck{ID: e.Pos.ID, Position: e.Pos.SetSegment, Code: e.Code})
			cur = nil
		case LevelElement:
			if cur == nil || cur.Position != e.Pos.SetSegment || cur.Code != "8" {
				sa.Segments = append(sa.Segments, SegmentAck{ID: e.Pos.ID, Position: e.Pos.SetSegment, Code: "8"})
				cur = &sa.Segments[len(sa.Segments)-1]
			}
			cur.Elements = append(cur.Elements, ElementAck{Position: e.Pos.Element, Component: e.Pos.Component,
				Repetition: e.Pos.Repetition, Ref: e.Ref, Code: e.Code})
		}
	}
	if len(sa.Segments) > 0 && len(sa.Errors) < 5 && !contains(sa.Errors, "5") {
		sa.Errors = append(sa.Errors, "5")
	}
	if len(sa.Errors) > 0 {
		sa.Code = "R"
	}
	a.Sets = append(a.Sets, sa)
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// Close computes AK9 from the sets added: the counts and A (all accepted), P (some), or R
// (none, or a group-level error). included is GE01 when known, or 0 to use the sets counted.
func (a *Ack999) Close(included int, groupErrors ...string) {
	a.Received, a.Accepted = len(a.Sets), 0
	for _, s := range a.Sets {
		if s.Code == "A" || s.Code == "E" {
			a.Accepted++
		}
	}
	a.Included = included
	if a.Included <= 0 {
		a.Included = a.Received
	}
	a.GroupErrors = groupErrors
	if len(a.GroupErrors) > 5 {
		a.GroupErrors = a.GroupErrors[:5]
	}
	switch {
	case len(a.GroupErrors) > 0 || a.Accepted == 0 && a.Received > 0:
		a.Code = "R"
	case a.Accepted < a.Received:
		a.Code = "P"
	default:
		a.Code = "A"
	}
}

// Write writes the 999 as one transaction set (ST through SE) through e, which must have a
// group open (GS01 FA, GS08 005010X231A1).
func (a *Ack999) Write(e *EnvelopeWriter) error {
	if err := e.BeginSet(SetHeader{ID: "999", Reference: "005010X231A1"}); err != nil {
		return err
	}
	e.WriteStrings("AK1", a.GroupID, a.GroupControl, a.Version)
	for _, s := range a.Sets {
		e.WriteStrings("AK2", s.ID, s.Control, s.Reference)
		for _, g := range s.Segments {
			e.WriteStrings("IK3", g.ID, strconv.Itoa(g.Position), g.Loop, g.Code)
			for _, el := range g.Elements {
				e.Write("IK4", C(itoaOrEmpty(el.Position), itoaOrEmpty(el.Component), itoaOrEmpty(el.Repetition)),
					E(itoaOrEmpty(el.Ref)), E(el.Code))
			}
		}
		e.WriteStrings("IK5", append([]string{s.Code}, s.Errors...)...)
	}
	e.WriteStrings("AK9", append([]string{a.Code, strconv.Itoa(a.Included), strconv.Itoa(a.Received), strconv.Itoa(a.Accepted)}, a.GroupErrors...)...)
	return e.EndSet()
}

func itoaOrEmpty(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// ErrNot999 is returned by Parse999 for a set that is not a 999 read with Guide999.
var ErrNot999 = errors.New("transaction set is not a 999 read with its guide")

// Parse999 reads a 999 transaction set (read by a SetReader with Guide999) into an Ack999.
// Validate the set's Findings first: Parse999 takes what is there, numbers it leniently
// (a malformed number reads as 0), and drops the PHI-bearing IK404 and CTX values.
func Parse999(set *Set) (*Ack999, error) {
	if set.Root == nil || set.Guide != Guide999 {
		return nil, ErrNot999
	}
	a := &Ack999{}
	num := func(b []byte) int { n, _ := strconv.Atoi(string(b)); return n }
	rest := func(s *Segment, from int) []string {
		var out []string
		for n := from; n <= s.Len(); n++ {
			if s.Has(n) {
				out = append(out, s.Value(n))
			}
		}
		return out
	}
	for _, it := range set.Root.Items {
		if it.Node != nil && it.Node.Loop.ID == "2000" {
			var sa SetAck
			for _, si := range it.Node.Items {
				switch {
				case si.Segment != nil && si.Segment.id == "AK2":
					sa.ID, sa.Control, sa.Reference = si.Segment.Value(1), si.Segment.Value(2), si.Segment.Value(3)
				case si.Segment != nil && si.Segment.id == "IK5":
					sa.Code, sa.Errors = si.Segment.Value(1), rest(si.Segment, 2)
				case si.Node != nil && si.Node.Loop.ID == "2100":
					var g SegmentAck
					for _, gi := range si.Node.Items {
						switch {
						case gi.Segment != nil && gi.Segment.id == "IK3":
							s := gi.Segment
							g.ID, g.Position, g.Loop, g.Code = s.Value(1), num(s.Element(2)), s.Value(3), s.Value(4)
						case gi.Node != nil && gi.Node.Loop.ID == "2110":
							if s := gi.Node.Items[0].Segment; s != nil && s.id == "IK4" {
								g.Elements = append(g.Elements, ElementAck{
									Position: num(s.Component(1, 1)), Component: num(s.Component(1, 2)), Repetition: num(s.Component(1, 3)),
									Ref: num(s.Element(2)), Code: s.Value(3),
								})
							}
						}
					}
					sa.Segments = append(sa.Segments, g)
				}
			}
			a.Sets = append(a.Sets, sa)
			continue
		}
		s := it.Segment
		if s == nil {
			continue
		}
		switch s.id {
		case "AK1":
			a.GroupID, a.GroupControl, a.Version = s.Value(1), s.Value(2), s.Value(3)
		case "AK9":
			a.Code, a.Included, a.Received, a.Accepted = s.Value(1), num(s.Element(2)), num(s.Element(3)), num(s.Element(4))
			a.GroupErrors = rest(s, 5)
		}
	}
	return a, nil
}
