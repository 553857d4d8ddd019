package x12

import "sort"

// FieldNames names the Go field of element el (component comp, 0 for the whole element) of a
// segment a typed encoder writes from a value: "" when no field holds it (a qualifier the
// encoder writes itself).
type FieldNames func(el, comp int) string

// ByElement names fields by element number, and by element×100+component where a component
// has a field of its own (CLM05-1 is 501).
func ByElement(m map[int]string) FieldNames {
	return func(el, comp int) string {
		if f, ok := m[el*100+comp]; ok && comp > 0 {
			return f
		}
		return m[el]
	}
}

// At says the next segment written comes from the Go field at path ("Claims[3].Lines[0]"),
// its elements named by names (nil: the segment as a whole). A CheckedGroup gives the
// findings on that segment this path, so that a refused value names the field. Outside a
// CheckedGroup it does nothing.
func (e *EnvelopeWriter) At(path string, names FieldNames) {
	if e.fields != nil {
		e.fields.add(e.w.Count()+1, path, names)
	}
}

// Marking reports whether At records anything (under a CheckedGroup), so that an encoder can
// skip building paths when nothing will read them.
func (e *EnvelopeWriter) Marking() bool { return e.fields != nil }

// fieldMarks records, for the segments of one transaction set being written, the Go field
// each came from, by the segment's number in the interchange.
type fieldMarks struct{ marks []fieldMark }

type fieldMark struct {
	segment int
	path    string
	names   FieldNames
}

func (m *fieldMarks) reset() { m.marks = m.marks[:0] }

// add says segment (numbered in the interchange) comes from path; a later add for the same
// segment replaces it (a segment announced and then not written).
func (m *fieldMarks) add(segment int, path string, names FieldNames) {
	if n := len(m.marks); n > 0 && m.marks[n-1].segment == segment {
		m.marks[n-1] = fieldMark{segment, path, names}
		return
	}
	m.marks = append(m.marks, fieldMark{segment, path, names})
}

// field is the Go path of what was written at p: the field of the element when the segment's
// names have one, else of the segment; "" for a segment no field wrote.
func (m *fieldMarks) field(p Position) string {
	i := sort.Search(len(m.marks), func(i int) bool { return m.marks[i].segment >= p.Segment })
	if i == len(m.marks) || m.marks[i].segment != p.Segment {
		return ""
	}
	mk := m.marks[i]
	if mk.names == nil || p.Element == 0 {
		return mk.path
	}
	name := mk.names(p.Element, p.Component)
	switch {
	case name == "":
		return mk.path
	case mk.path == "":
		return name
	case name[0] == '[':
		return mk.path + name
	}
	return mk.path + "." + name
}
