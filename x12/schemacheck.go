package x12

import (
	"fmt"
	"strconv"
)

// CheckGuide checks a guide's own consistency — the tests every guide's package runs on its
// data: ST first and SE last; every loop starts with a segment; sibling loops and segment
// uses with the same segment ID are told apart by a qualifier on a common element with no
// value in common; element lengths are sane; code lists have no duplicates and hold the
// qualifier values; and, when codes is not nil, every named external code set is known.
// It returns every problem found, each naming its place in the guide.
func CheckGuide(t *Transaction, codes CodeSource) []error {
	var errs []error
	bad := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("guide %s: %s: %s", t.ID, where, fmt.Sprintf(format, args...)))
	}
	if t.ID == "" || len(t.Versions) == 0 || t.FunctionalID == "" || t.Root == nil {
		bad("header", "ID, FunctionalID, Versions and Root are required")
		return errs
	}
	kids := t.Root.Children
	if len(kids) < 2 || kids[0].Segment == nil || kids[0].Segment.ID != "ST" || kids[len(kids)-1].Segment == nil || kids[len(kids)-1].Segment.ID != "SE" {
		bad("root", "must start with ST and end with SE")
	}
	t.Root.Walk(func(l, _ *Loop) {
		where := "loop " + l.ID
		if len(l.Children) == 0 || l.Children[0].Segment == nil {
			bad(where, "must start with a segment (its trigger)")
			return
		}
		for i, c := range l.Children {
			if c.Segment == nil && c.Loop == nil || c.Segment != nil && c.Loop != nil {
				bad(where, "child %d must be exactly one of a segment or a loop", i)
				continue
			}
			first := c.Segment
			if c.Loop != nil {
				first = c.Loop.Trigger()
			}
			if first == nil {
				continue
			}
			for _, d := range l.Children[i+1:] {
				other := d.Segment
				if d.Loop != nil {
					other = d.Loop.Trigger()
				}
				if other != nil && other.ID == first.ID && !distinguishable(first, other) {
					bad(where, "two uses of %s (%q, %q) share qualifier values or have none to tell them apart", first.ID, first.Name, other.Name)
				}
			}
			if c.Segment != nil {
				checkSegmentSpec(c.Segment, where, codes, bad)
			}
		}
	})
	return errs
}

// distinguishable reports whether two uses of a segment have a qualifier on the same element
// (and component) with disjoint value lists.
func distinguishable(a, b *SegmentSpec) bool {
	for _, qa := range a.Qualifiers {
		for _, qb := range b.Qualifiers {
			if qa.Element != qb.Element || qa.Component != qb.Component {
				continue
			}
			disjoint := true
			for _, va := range qa.Values {
				for _, vb := range qb.Values {
					if va == vb {
						disjoint = false
					}
				}
			}
			if disjoint {
				return true
			}
		}
	}
	return false
}

func checkSegmentSpec(sp *SegmentSpec, loop string, codes CodeSource, bad func(string, string, ...any)) {
	where := loop + " " + sp.ID + " (" + sp.Name + ")"
	if safeID([]byte(sp.ID)) == "" {
		bad(where, "segment ID malformed")
	}
	if sp.Usage != Required && sp.Usage != Situational && sp.Usage != NotUsed {
		bad(where, "usage must be R, S or N")
	}
	var checkEl func(e *ElementSpec, pos string)
	checkEl = func(e *ElementSpec, pos string) {
		if e == nil {
			return
		}
		w := where + " " + pos
		if e.Usage != Required && e.Usage != Situational && e.Usage != NotUsed {
			bad(w, "usage must be R, S or N")
		}
		if e.Components != nil {
			if e.Type != "" {
				bad(w, "a composite has no data type")
			}
			for k, c := range e.Components {
				checkEl(c, pos+"-"+strconv.Itoa(k+1))
			}
			return
		}
		switch e.Type {
		case TypeAN, TypeID, TypeN0, TypeN2, TypeR, TypeDT, TypeTM, TypeB:
		default:
			bad(w, "unknown data type %q", e.Type)
		}
		if e.Min < 0 || e.Max <= 0 || e.Min > e.Max {
			bad(w, "lengths %d/%d are not sane", e.Min, e.Max)
		}
		if e.Type == TypeDT && e.Max != 8 && e.Max != 6 {
			bad(w, "a date is 8 (or 6) long")
		}
		seen := map[string]bool{}
		for _, c := range e.Codes {
			if seen[c] {
				bad(w, "code %q listed twice", c)
			}
			seen[c] = true
			if len(c) < e.Min || len(c) > e.Max {
				bad(w, "code %q does not fit the element's length", c)
			}
		}
		if e.CodeSet != "" && codes != nil && !codes.Known(e.CodeSet) {
			bad(w, "external code set %q is unknown", e.CodeSet)
		}
	}
	for i, e := range sp.Elements {
		checkEl(e, fmt.Sprintf("%s%02d", sp.ID, i+1))
	}
	for _, q := range sp.Qualifiers {
		if q.Element < 1 || q.Element > len(sp.Elements) || sp.Elements[q.Element-1] == nil {
			bad(where, "qualifier on element %d, which the segment does not describe", q.Element)
			continue
		}
		e := sp.Elements[q.Element-1]
		if q.Component > 0 {
			if q.Component > len(e.Components) || e.Components[q.Component-1] == nil {
				bad(where, "qualifier on component %d-%d, which the segment does not describe", q.Element, q.Component)
				continue
			}
			e = e.Components[q.Component-1]
		}
		if len(q.Values) == 0 {
			bad(where, "qualifier on element %d has no values", q.Element)
		}
		if len(e.Codes) > 0 {
			for _, v := range q.Values {
				if !contains(e.Codes, v) {
					bad(where, "qualifier value %q is not in element %d's code list", v, q.Element)
				}
			}
		}
	}
	for _, r := range sp.Syntax {
		for _, n := range r.Elements {
			if n < 1 || n > len(sp.Elements) {
				bad(where, "syntax note %c names element %d, which the segment does not describe", r.Kind, n)
			}
		}
	}
}
