package claim837

import (
	"strconv"
	"unicode/utf8"
)

// RecommendedMaxClaims is the most claims (CLM segments) the 837P guide recommends in one
// transaction set (ST/SE), the figure payers and clearinghouses commonly enforce; use it as
// EncodeOptions.MaxClaimsPerSet. The guide sets no limit on the number of sets in a functional
// group or an interchange.
const RecommendedMaxClaims = 5000

// maxReference is the longest BHT03 the guide allows.
const maxReference = 50

// Split returns the batches an Encoder with these options writes for b, one per transaction
// set, as MaxClaimsPerSet and SplitByPayer ask; a program that encodes sets itself (Encode)
// calls it to write what the Encoder would. When b needs no split — neither option set, at most
// MaxClaimsPerSet claims, and one payer when SplitByPayer is set — Split returns just b.
//
// Otherwise every batch returned is a complete 837P of its own, and:
//   - its header is b's (BHT, submitter 1000A, receiver 1000B), with two differences: Control
//     is empty, so the envelope writer numbers each set's ST02 and no two sets share one, and
//     Reference (BHT03) ends in "-1", "-2"… in the order of the sets, so each set has its own
//     reference, which acknowledgements of the claims echo (a Reference that would grow past
//     the guide's 50 characters loses its end to make room; an empty one stays empty);
//   - its claims are b's claims, copied, in the order Write writes them in one set: under each
//     billing provider, each subscriber's claims (the subscriber's own, then their
//     dependents'), so decoding the sets gives the claims in the order decoding one set would;
//   - a subscriber's claims are never spread over two sets when they fit in one: a subscriber
//     whose claims do not fit in the room left in a set starts the next set. Only a subscriber
//     with more claims than MaxClaimsPerSet is split, over as few sets as the limit allows (the
//     first of them a new set), with the billing provider and subscriber loops (and the
//     patient loop) written again at the top of each. The limit counts claims, never
//     subscribers, so no set holds more than MaxClaimsPerSet claims;
//   - the billing provider and subscriber loops are repeated in every set that holds claims
//     under them;
//   - with SplitByPayer, the claims of each payer (NM108 and NM109 of 2010BB, or its name when
//     NM109 is empty) are split apart first, payers in the order of their first claim, and
//     MaxClaimsPerSet then applies to each payer's claims;
//   - claims read from X12 (every claim with its HL) stay under the HL loops they came from,
//     and their HL01s are numbered again from 1 in each set (Claim.HL of the copies), as the
//     guide asks of every set.
//
// The claims' lines, parties and Extra are shared with b's, not copied; b is not changed.
func (o EncodeOptions) Split(b *Batch) []*Batch {
	sets, _ := o.split(b)
	return sets
}

// split is Split, with the indexes in b.Claims of each batch's claims (nil when b is not
// split).
func (o EncodeOptions) split(b *Batch) ([]*Batch, [][]int) {
	limit := max(o.MaxClaimsPerSet, 0)
	if b == nil || !o.SplitByPayer && (limit == 0 || len(b.Claims) <= limit) {
		return []*Batch{b}, nil
	}
	claims := b.Claims
	all := make([]int, len(claims))
	for i := range all {
		all[i] = i
	}
	parts := [][]int{all}
	if o.SplitByPayer {
		parts = groupBy(claims, all, payerKey, 0)
		if len(parts) <= 1 && (limit == 0 || len(claims) <= limit) {
			return []*Batch{b}, nil
		}
	}
	g := grouping(claims)
	var sets [][]int
	for _, part := range parts {
		sets = append(sets, pack(subscriberUnits(claims, g, part), limit)...)
	}
	out := make([]*Batch, len(sets))
	for k, set := range sets {
		nb := *b
		nb.Control = ""
		nb.Reference = setReference(b.Reference, k+1)
		nb.Claims = make([]Claim, len(set))
		for j, i := range set {
			nb.Claims[j] = claims[i]
		}
		if g.received {
			renumberHL(nb.Claims)
		}
		out[k] = &nb
	}
	return out, sets
}

// payerID is what makes two claims' payers the same one for SplitByPayer.
type payerID struct{ qualifier, id, name string }

func payerKey(c *Claim) payerID {
	p := &c.Payer
	if p.ID == "" {
		return payerID{name: p.Name}
	}
	return payerID{qualifier: or(p.IDQualifier, "PI"), id: p.ID}
}

// subscriberUnits gives the claims at indexes as Encode writes them, one slice per subscriber
// loop: billing provider by billing provider, subscriber by subscriber, the subscriber's own
// claims and then each patient's.
func subscriberUnits(claims []Claim, g hlGrouping, indexes []int) [][]int {
	var units [][]int
	for _, bp := range g.billing(claims, indexes) {
		for _, sub := range g.subscriber(claims, bp) {
			own, deps := split(claims, sub)
			unit := make([]int, 0, len(sub))
			unit = append(unit, own...)
			for _, pat := range g.patient(claims, deps) {
				unit = append(unit, pat...)
			}
			units = append(units, unit)
		}
	}
	return units
}

// pack fills sets of at most limit claims (0: no limit) with whole subscriber units, in order;
// a unit that does not fit in the room left starts a new set, and a unit larger than limit
// fills sets of its own, its last one open to the units after it.
func pack(units [][]int, limit int) [][]int {
	var sets [][]int
	var cur []int
	for _, u := range units {
		if limit > 0 && len(cur)+len(u) > limit {
			if len(cur) > 0 {
				sets = append(sets, cur)
				cur = nil
			}
			for len(u) > limit {
				sets = append(sets, u[:limit:limit])
				u = u[limit:]
			}
		}
		cur = append(cur, u...)
	}
	if len(cur) > 0 {
		sets = append(sets, cur)
	}
	return sets
}

// setReference is BHT03 of the n-th set a batch is split into: the batch's reference with
// "-n", cut to the guide's length.
func setReference(ref string, n int) string {
	if ref == "" {
		return ""
	}
	suffix := "-" + strconv.Itoa(n)
	for utf8.RuneCountInString(ref)+len(suffix) > maxReference && ref != "" {
		_, size := utf8.DecodeLastRuneInString(ref)
		ref = ref[:len(ref)-size]
	}
	return ref + suffix
}

// renumberHL gives claims read from X12 new HL01s for a set of their own: numbered from 1 in
// the order Encode writes the loops, each loop as it was received.
func renumberHL(claims []Claim) {
	g := grouping(claims)
	all := make([]int, len(claims))
	for i := range all {
		all[i] = i
	}
	n := 0
	next := func() string {
		n++
		return strconv.Itoa(n)
	}
	for _, bp := range g.billing(claims, all) {
		prov := next()
		for _, sub := range g.subscriber(claims, bp) {
			own, deps := split(claims, sub)
			pats := g.patient(claims, deps) // grouped before any HL of theirs changes
			hl := []string{prov, next()}
			for _, i := range own {
				claims[i].HL = hl // shared by the claims of a loop, as the Decoder does
			}
			for _, pat := range pats {
				phl := []string{hl[0], hl[1], next()}
				for _, i := range pat {
					claims[i].HL = phl
				}
			}
		}
	}
}
