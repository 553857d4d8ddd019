package x12

// TA1 is an interchange acknowledgment: whether the receiver accepted an interchange's
// envelope, and a note code saying why not. It travels between ISA and GS (or alone, with
// IEA01 = 0) and echoes the acknowledged interchange's control number, date and time.
type TA1 struct {
	ControlNumber string // TA101: the acknowledged ISA13
	Date          string // TA102: its ISA09, YYMMDD
	Time          string // TA103: its ISA10, HHMM
	Ack           byte   // TA104: 'A' accepted, 'E' accepted with errors, 'R' rejected
	Note          string // TA105: "000" no error, or the first problem's note code
}

// TA1 acknowledgment codes (TA104).
const (
	TA1Accepted           = 'A'
	TA1AcceptedWithErrors = 'E'
	TA1Rejected           = 'R'
)

// ParseTA1 reads a TA1 segment. It checks the shape of each element (lengths and codes) and
// returns an *Error naming the first bad element; never its value.
func ParseTA1(s *Segment) (TA1, error) {
	var t TA1
	bad := func(n int) (TA1, error) {
		return TA1{}, &Error{Pos: elementPos(s, n), Level: LevelElement, Code: "7", Err: ErrInvalidTA1}
	}
	if s.ID() != "TA1" {
		return TA1{}, &Error{Pos: s.Pos, Level: LevelSegment, Code: "2", Err: ErrInvalidTA1}
	}
	t.ControlNumber, t.Date, t.Time, t.Note = s.Value(1), s.Value(2), s.Value(3), s.Value(5)
	if len(t.ControlNumber) != 9 || !allDigits([]byte(t.ControlNumber)) {
		return bad(1)
	}
	if !validYYMMDD(t.Date) {
		return bad(2)
	}
	if !validTime(t.Time, 4, 4) {
		return bad(3)
	}
	if a := s.Element(4); len(a) != 1 || (a[0] != 'A' && a[0] != 'E' && a[0] != 'R') {
		return bad(4)
	} else {
		t.Ack = a[0]
	}
	if len(t.Note) != 3 || !allDigits([]byte(t.Note)) {
		return bad(5)
	}
	return t, nil
}

// elementPos is s's position narrowed to element n.
func elementPos(s *Segment, n int) Position {
	p := s.Pos
	p.ID = s.ID()
	p.Element = n
	return p
}
