package x12

// CompareElementChecks makes sr check each placed segment's elements twice more, through the
// general checks (check) and the fast path (fastCheck) of checkers of their own, and calls
// diff with a description of each segment for which their findings differ. It returns the
// count of findings compared, filled as sr reads.
func CompareElementChecks(sr *SetReader, diff func(string)) *int {
	var slow, fast []*Error
	count := new(int)
	var cs, cf *elementChecker
	var guide *Transaction
	sr.Trace = func(s *Segment, in *Node, spec *SegmentSpec) {
		if in == nil || spec == nil || sr.cur == nil || sr.cur.set.Guide == nil {
			return
		}
		if g := sr.cur.set.Guide; g != guide || cs == nil {
			guide = g
			cs = &elementChecker{codes: sr.Codes, report: func(e *Error) { slow = append(slow, e) }}
			cf = &elementChecker{codes: sr.Codes, report: func(e *Error) { fast = append(fast, e) }}
		}
		// The builder's compiled qualifiers agree with the specs' for every use of the ID.
		key := idKey(s.id)
		for l, ix := range guide.index() {
			for j, ch := range l.Children {
				sp := ch.Segment
				if ch.Loop != nil && len(ch.Loop.Children) > 0 {
					sp = ch.Loop.Children[0].Segment
				}
				if sp != nil && ix.keys[j] == key && ix.quals[j].match(s) != sp.qualified(s) {
					diff(s.Pos.String() + ": qualifiers of " + l.ID + " child differ")
				}
			}
		}
		slow, fast = slow[:0], fast[:0]
		cs.check(s, spec, in.Loop.ID)
		cf.fastCheck(s, cf.compiled(spec, -1, 0), in.Loop.ID)
		*count += len(slow)
		same := len(slow) == len(fast)
		for i := 0; same && i < len(slow); i++ {
			a, b := slow[i], fast[i]
			same = a.Pos == b.Pos && a.Code == b.Code && a.Ref == b.Ref && a.Err == b.Err && a.Level == b.Level && a.Severity == b.Severity
		}
		if !same {
			diff(s.Pos.String() + ": " + fmtErrs(slow) + " / " + fmtErrs(fast))
		}
	}
	return count
}

func fmtErrs(l []*Error) string {
	out := ""
	for _, e := range l {
		out += "[" + e.Error() + "]"
	}
	return out
}

// Generate835 is the generated 835 of the benchmarks, for the external tests.
func Generate835(n int) string { return generate835(n) }
