package eligibility

import "github.com/x12kit/x12kit/x12"

// The segment uses the typed model maps, looked up once in each guide. The SetReader has
// matched every segment to its use (x12.Item.Spec), so the decoder switches on the use it was
// given instead of matching IDs again. In these guides a loop has at most one use of each
// segment the model maps, so a use is looked up by its ID; a lookup panics at init when the
// use the model maps is missing or no longer the only one of its ID in its loop, so that a
// change to a guide cannot silently leave a use unmapped.
var (
	uses270 = guideUses(Guide270, false)
	uses271 = guideUses(Guide271, true)
)

// usesOf is the uses of a guide's loops, levels and name and item loops indexed by the loop
// ID's letter (A–D; the item loops are C and D).
type usesOf struct {
	st, se, bht *x12.SegmentSpec
	level       [4]levelUses
	name        [4]nameUses
	item        [4]itemUses
}

// levelUses is the uses of an HL level (2000A–D) the model maps: its HL, the AAA of the
// source level (271) and a member's traces.
type levelUses struct {
	hl, aaa, trn *x12.SegmentSpec
}

// nameUses is the uses of a name loop (2100A–D) the model maps; nil for those the loop does
// not have in the guide.
type nameUses struct {
	nm1, ref, n3, n4, aaa, dmg, ins, dtp *x12.SegmentSpec
}

// itemUses is the uses of a question (270) or benefit (271) loop (2110C/D): the question's
// EQ, III and DTP; the benefit's EB, DTP, AAA, MSG, LS and LE, the III of its 2115 loops and
// the NM1 of its related entities (2120).
type itemUses struct {
	eq, iii, eb, dtp, aaa, msg, ls, le, iii2115, nm12120 *x12.SegmentSpec
}

// levelIndex is the index of a loop in usesOf's arrays: its ID's letter.
func levelIndex(l *x12.Loop) int {
	if k := len(l.ID); k > 0 && l.ID[k-1] >= 'A' && l.ID[k-1] <= 'D' {
		return int(l.ID[k-1] - 'A')
	}
	return 0
}

// guideUses looks up the uses of g (the 271's when response).
func guideUses(g *x12.Transaction, response bool) *usesOf {
	root := g.Root
	u := &usesOf{st: root.Children[0].Segment, se: root.Children[len(root.Children)-1].Segment, bht: need(root, "BHT")}
	for i, letter := range []string{"A", "B", "C", "D"} {
		level := mustFind(g, "2000"+letter)
		u.level[i] = levelUses{hl: need(level, "HL"), aaa: byID(level, "AAA"), trn: byID(level, "TRN")}
		name := mustFind(g, "2100"+letter)
		u.name[i] = nameUses{nm1: need(name, "NM1"), ref: byID(name, "REF"), n3: byID(name, "N3"), n4: byID(name, "N4"),
			aaa: byID(name, "AAA"), dmg: byID(name, "DMG"), ins: byID(name, "INS"), dtp: byID(name, "DTP")}
		if i < 1 {
			continue
		}
		need(name, "REF")
		need(name, "N3")
		need(name, "N4")
		if response {
			need(name, "AAA")
		}
		if i < 2 {
			continue
		}
		need(level, "TRN")
		need(name, "DMG")
		need(name, "INS")
		need(name, "DTP")
		item := mustFind(g, "2110"+letter)
		if !response {
			u.item[i] = itemUses{eq: need(item, "EQ"), iii: need(item, "III"), dtp: need(item, "DTP")}
			continue
		}
		u.item[i] = itemUses{eb: need(item, "EB"), dtp: need(item, "DTP"), aaa: need(item, "AAA"), msg: need(item, "MSG"),
			ls: need(item, "LS"), le: need(item, "LE"),
			iii2115: need(mustFind(g, "2115"+letter), "III"), nm12120: need(mustFind(g, "2120"+letter), "NM1")}
	}
	if response {
		need(mustFind(g, "2000A"), "AAA")
		need(mustFind(g, "2100A"), "AAA")
	}
	return u
}

// mustFind returns g's loop id; it panics when there is none.
func mustFind(g *x12.Transaction, id string) *x12.Loop {
	l := g.Root.Find(id)
	if l == nil {
		panic("eligibility: the " + g.ID + " guide has no loop " + id)
	}
	return l
}

// byID returns l's use of the segment id, nil when it has none; it panics when it has more
// than one (the decoder would have to tell them apart).
func byID(l *x12.Loop, id string) *x12.SegmentSpec {
	var found *x12.SegmentSpec
	for _, c := range l.Children {
		if c.Segment != nil && c.Segment.ID == id {
			if found != nil {
				panic("eligibility: loop " + l.ID + " has more than one use of " + id)
			}
			found = c.Segment
		}
	}
	return found
}

// need is byID for a use the model maps: it panics when l has none.
func need(l *x12.Loop, id string) *x12.SegmentSpec {
	sp := byID(l, id)
	if sp == nil {
		panic("eligibility: loop " + l.ID + " has no use of " + id)
	}
	return sp
}
