package remit835

import "github.com/x12kit/x12kit/x12"

// The segment uses the typed model maps, looked up once in Guide by ID and qualifier. The
// SetReader has matched every segment to its use (x12.Item.Spec), so the decoder switches on
// the use it was given instead of matching IDs and qualifiers again; a lookup that fails
// panics at init, so that a change to the guide cannot silently leave a use unmapped.
var (
	useST = struct {
		st, se, bpr, trn, cur, refEV, refF2, dtm405, plb *x12.SegmentSpec
	}{
		st:     Guide.Root.Children[0].Segment,
		se:     Guide.Root.Children[len(Guide.Root.Children)-1].Segment,
		bpr:    use(Guide.Root, "BPR"),
		trn:    use(Guide.Root, "TRN"),
		cur:    use(Guide.Root, "CUR"),
		refEV:  use(Guide.Root, "REF", "EV"),
		refF2:  use(Guide.Root, "REF", "F2"),
		dtm405: use(Guide.Root, "DTM", "405"),
		plb:    use(Guide.Root, "PLB"),
	}

	// The payer (1000A) and the payee (1000B).
	use1000A = partyUses("1000A", "PR", "2U", "CX", "BL", "IC")
	use1000B = partyUses("1000B", "PE", "0B", "", "", "")

	use2000 = struct{ lx *x12.SegmentSpec }{lx: use(mustLoop("2000"), "LX")}

	use2100 = struct {
		clp, cas, mia, moa, refOther, refRendering, dtmStatement, dtmExpiration, dtmReceived, per, amt, qty *x12.SegmentSpec
		// The names (NM1), by NM101.
		patient, insured, corrected, serviceProvider, crossover, priorityPayer, otherSubscriber *x12.SegmentSpec
	}{
		clp:           use(loop2100, "CLP"),
		cas:           use(loop2100, "CAS", "CO"),
		mia:           use(loop2100, "MIA"),
		moa:           use(loop2100, "MOA"),
		refOther:      use(loop2100, "REF", "1L"),
		refRendering:  use(loop2100, "REF", "0B"),
		dtmStatement:  use(loop2100, "DTM", "232"),
		dtmExpiration: use(loop2100, "DTM", "036"),
		dtmReceived:   use(loop2100, "DTM", "050"),
		per:           use(loop2100, "PER", "CX"),
		amt:           use(loop2100, "AMT", "AU"),
		qty:           use(loop2100, "QTY", "CA"),

		patient:         use(loop2100, "NM1", "QC"),
		insured:         use(loop2100, "NM1", "IL"),
		corrected:       use(loop2100, "NM1", "74"),
		serviceProvider: use(loop2100, "NM1", "82"),
		crossover:       use(loop2100, "NM1", "TT"),
		priorityPayer:   use(loop2100, "NM1", "PR"),
		otherSubscriber: use(loop2100, "NM1", "GB"),
	}

	use2110 = struct {
		svc, dtm, cas, refService, ref6R, refRendering, refPolicy, amt, qty, lq *x12.SegmentSpec
	}{
		svc:          use(loop2110, "SVC"),
		dtm:          use(loop2110, "DTM", "472"),
		cas:          use(loop2110, "CAS", "CO"),
		refService:   use(loop2110, "REF", "1S"),
		ref6R:        use(loop2110, "REF", "6R"),
		refRendering: use(loop2110, "REF", "0B"),
		refPolicy:    use(loop2110, "REF", "0K"),
		amt:          use(loop2110, "AMT", "B6"),
		qty:          use(loop2110, "QTY", "ZK"),
		lq:           use(loop2110, "LQ", "HE"),
	}
)

// partyLoop is the uses of the payer's or the payee's loop: its name (N1), address, REF and
// contacts (PER: business, technical and web site, for the payer only; nil for the payee).
type partyLoop struct {
	n1, n3, n4, ref, perBusiness, perTechnical, perWeb *x12.SegmentSpec
}

// partyUses looks up the uses of the party loop id, named with N101 entity, with its REF
// (of qualifier ref) and its PER of these functions ("" for none).
func partyUses(id, entity, ref, business, technical, web string) partyLoop {
	l := mustLoop(id)
	p := partyLoop{n1: use(l, "N1", entity), n3: use(l, "N3"), n4: use(l, "N4"), ref: use(l, "REF", ref)}
	for _, c := range []struct {
		at       **x12.SegmentSpec
		function string
	}{{&p.perBusiness, business}, {&p.perTechnical, technical}, {&p.perWeb, web}} {
		if c.function != "" {
			*c.at = use(l, "PER", c.function)
		}
	}
	return p
}

// nameOf returns the field of c that a name of the use sp goes to, or nil for a use that is
// no name.
func (c *Claim) nameOf(sp *x12.SegmentSpec) **Name {
	switch sp {
	case use2100.patient:
		return &c.Patient
	case use2100.insured:
		return &c.Insured
	case use2100.corrected:
		return &c.Corrected
	case use2100.serviceProvider:
		return &c.ServiceProvider
	case use2100.crossover:
		return &c.Crossover
	case use2100.priorityPayer:
		return &c.PriorityPayer
	case use2100.otherSubscriber:
		return &c.OtherSubscriber
	}
	return nil
}

// use returns the use in loop of a segment with this ID and these leading elements (as
// x12.Loop.Key takes them); it panics when the loop has none.
func use(l *x12.Loop, id string, elements ...string) *x12.SegmentSpec {
	if k := l.Key(id, elements...); k >= 0 && l.Children[k].Segment != nil {
		return l.Children[k].Segment
	}
	panic("remit835: the guide has no segment use " + id + " in loop " + l.ID)
}
