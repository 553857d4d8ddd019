package remit835

import (
	"github.com/x12kit/x12kit/x12"
)

// SegmentBalancer checks the balancing rules (see Balance) on an 835 given segment by segment,
// in the order they are read: for a validator that reads sets without keeping them (an
// x12.SetReader's Trace). It keeps only the amounts of the claim being read, so memory stays
// flat whatever the size of the set. Feed it every segment of a stream with Segment; after each
// 835 set's SE, Imbalances returns that set's findings. Not safe for concurrent use.
type SegmentBalancer struct {
	in       bool // inside an 835 set
	remit    Remittance
	claim    Claim
	hasClaim bool
	index    int // the claim's index in the set
	paid     x12.Amount
	cas      int
	fields   []string
	found    []Imbalance
}

// Segment takes the next segment of the stream (envelopes included).
func (b *SegmentBalancer) Segment(s *x12.Segment) {
	id := s.ID()
	if id == "ST" {
		*b = SegmentBalancer{in: s.Value(1) == "835", fields: b.fields[:0]}
		return
	}
	if !b.in {
		return
	}
	b.fields = s.Fields(b.fields)
	f := b.fields
	switch id {
	case "BPR":
		decodeBPR(f, &b.remit.Payment)
		b.remit.Payment.Pos = s.Pos
	case "CLP":
		b.endClaim()
		b.claim, b.hasClaim, b.cas = Claim{Lines: b.claim.Lines[:0]}, true, 0
		decodeCLP(f, &b.claim, nil)
		b.claim.Pos = s.Pos
	case "SVC":
		if b.hasClaim {
			b.claim.Lines = append(b.claim.Lines, Line{Pos: s.Pos})
			decodeSVC(f, s.Delimiters().Component, &b.claim.Lines[len(b.claim.Lines)-1], nil)
			b.cas = 0
		}
	case "CAS":
		switch {
		case !b.hasClaim:
		case len(b.claim.Lines) > 0:
			l := &b.claim.Lines[len(b.claim.Lines)-1]
			decodeCAS(f, &l.Adjustments, &b.cas)
		default:
			decodeCAS(f, &b.claim.Adjustments, &b.cas)
		}
	case "PLB":
		b.endClaim()
		if p, _ := decodePLB(f, s.Delimiters().Component); len(p.Items) > 0 {
			b.remit.Adjustments = append(b.remit.Adjustments, p)
		}
	case "LX":
		b.endClaim()
	case "SE":
		b.endClaim()
		if im, ok := BalanceTransaction(&b.remit, b.paid); !ok {
			b.found = append(b.found, im)
		}
		b.in = false
	}
}

func (b *SegmentBalancer) endClaim() {
	if !b.hasClaim {
		return
	}
	b.found = append(b.found, BalanceClaim(&b.claim, b.index)...)
	b.paid += b.claim.Paid
	b.index++
	b.hasClaim = false
}

// Imbalances returns the findings of the last 835 set read to its SE (none for other sets).
func (b *SegmentBalancer) Imbalances() []Imbalance { return b.found }
