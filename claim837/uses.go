package claim837

import "github.com/x12kit/x12kit/x12"

// The segment uses the typed model maps, looked up once in Guide by ID and qualifier. The
// SetReader has matched every segment to its use (x12.Item.Spec), so the decoder switches on
// the use it was given instead of matching IDs and qualifiers again; a lookup that fails
// panics at init, so that a change to the guide cannot silently leave a use unmapped.
var (
	useST    = struct{ bht *x12.SegmentSpec }{bht: use(Guide.Root, "BHT")}
	use1000A = struct{ nm1, per *x12.SegmentSpec }{
		nm1: use(mustLoop("1000A"), "NM1", "41"),
		per: use(mustLoop("1000A"), "PER", "IC"),
	}
	use1000B = struct{ nm1 *x12.SegmentSpec }{nm1: use(mustLoop("1000B"), "NM1", "40")}

	use2000A = struct{ prv *x12.SegmentSpec }{prv: use(loop2000A, "PRV", "BI")}
	use2000B = struct{ sbr *x12.SegmentSpec }{sbr: use(loop2000B, "SBR")}
	use2000C = struct{ pat *x12.SegmentSpec }{pat: use(loop2000C, "PAT")}

	// The party loops: the billing provider, the pay-to address, the subscriber, the payer
	// and the patient.
	use2010AA = struct {
		party
		refTax, refUPIN, per *x12.SegmentSpec
	}{
		party:   partyUses("2010AA", "85"),
		refTax:  use(mustLoop("2010AA"), "REF", "EI"),
		refUPIN: use(mustLoop("2010AA"), "REF", "0B"),
		per:     use(mustLoop("2010AA"), "PER", "IC"),
	}
	use2010AB = partyUses("2010AB", "87")
	use2010BA = partyUses("2010BA", "IL")
	use2010BB = partyUses("2010BB", "PR")
	use2010CA = partyUses("2010CA", "QC")

	use2300 = struct {
		clm, onset, refF8, ref9F, refG1, nte, hi *x12.SegmentSpec
	}{
		clm:   use(loop2300, "CLM"),
		onset: use(loop2300, "DTP", "431"),
		refF8: use(loop2300, "REF", "F8"),
		ref9F: use(loop2300, "REF", "9F"),
		refG1: use(loop2300, "REF", "G1"),
		nte:   use(loop2300, "NTE", "ADD"),
		hi:    use(loop2300, "HI", "ABK:X"),
	}

	// The claim's providers (2310A, B and D: a name, a taxonomy for the rendering provider,
	// secondary identifiers) and service facility (2310C).
	use2310A = providerUses("2310A", "DN", "2310B")
	use2310B = providerUses("2310B", "82", "2310B")
	use2310D = providerUses("2310D", "DQ", "2310B")
	use2310C = partyUses("2310C", "77")

	use2400 = struct{ lx, sv1, service, ref6R *x12.SegmentSpec }{
		lx:      loop2400.Trigger(),
		sv1:     use(loop2400, "SV1"),
		service: use(loop2400, "DTP", "472"),
		ref6R:   use(loop2400, "REF", "6R"),
	}
	use2410 = struct{ lin, ctp *x12.SegmentSpec }{
		lin: use(mustLoop("2410"), "LIN"),
		ctp: use(mustLoop("2410"), "CTP"),
	}
)

// party is the uses of a party loop: its name, its address (nil for a loop without one)
// and, for the subscriber and the patient, their demographics.
type party struct {
	nm1, n3, n4, dmg *x12.SegmentSpec
}

// partyUses looks up the uses of the party loop id, named with NM101 entity.
func partyUses(id, entity string) party {
	l := mustLoop(id)
	return party{nm1: use(l, "NM1", entity), n3: optUse(l, "N3"), n4: optUse(l, "N4"), dmg: optUse(l, "DMG")}
}

// providerLoop is the uses of a claim-level provider loop (2310A, B, D).
type providerLoop struct {
	nm1, prv, ref *x12.SegmentSpec
}

// providerUses looks up the uses of the provider loop id, named with NM101 entity. Its
// taxonomy (PRV) is the loop's PRV use when it has one (the rendering provider's); a loop
// without one (the referring and supervising providers) takes that of taxonomyLoop, which
// stands for a PRV the guide has no place for there and the model holds all the same (see
// unplacedUse).
func providerUses(id, entity, taxonomyLoop string) providerLoop {
	l := mustLoop(id)
	return providerLoop{nm1: use(l, "NM1", entity), ref: use(l, "REF", "0B"), prv: use(mustLoop(taxonomyLoop), "PRV", "PE")}
}

// use returns the use in loop of a segment with this ID and these leading elements (as
// x12.Loop.Key takes them); it panics when the loop has none.
func use(l *x12.Loop, id string, elements ...string) *x12.SegmentSpec {
	k := childKey(l, id, elements...)
	if c := l.Children[k]; c.Segment != nil {
		return c.Segment
	}
	panic("claim837: the guide has no segment use " + id + " in loop " + l.ID)
}

// optUse is use for a segment a loop may not have: nil then.
func optUse(l *x12.Loop, id string, elements ...string) *x12.SegmentSpec {
	if k := l.Key(id, elements...); k >= 0 {
		return l.Children[k].Segment
	}
	return nil
}
