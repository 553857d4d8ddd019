package remitstats

import (
	"hash/maphash"
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// ClaimRef points at a claim payment of the input without holding it: which set and claim,
// and the figures a billing team nets.
type ClaimRef struct {
	Set          int          `json:"set"`   // the 835 set's number, as Summary counts them (1 for the first)
	Index        int          `json:"claim"` // the claim's index in its set
	Status       string       `json:"status"`
	Charge       x12.Amount   `json:"charge"`
	Paid         x12.Amount   `json:"paid"`
	PayerControl string       `json:"payer_claim_control_number,omitempty"` // CLP07
	Pos          x12.Position `json:"position"`
}

// Pair is a reversal (CLP02 = 22) with the claim payment it reverses, when that came earlier
// in the input, and the correction that follows it, when one does. A payer that changes a
// payment it made sends a reversal (CLP02 22, every amount of the original negated) and,
// usually, a corrected claim payment.
//
// The original is the last claim payment before the reversal with the same patient control
// number (CLP01) and, when both carry one, the same payer claim control number (CLP07). The
// correction is the first claim payment after the reversal with the same CLP01 that is not
// itself a reversal (payers often give it a new CLP07).
type Pair struct {
	PatientControl string    `json:"patient_control_number"` // CLP01: patient data
	Original       *ClaimRef `json:"original,omitempty"`
	Reversal       ClaimRef  `json:"reversal"`
	Correction     *ClaimRef `json:"correction,omitempty"`
	// Net is Σ CLP04 of the pair's claims found (original, reversal, correction): with all
	// three, what was finally paid; with the reversal and correction only, how much the
	// correction changed the payment; with the reversal alone, the recoupment (negative).
	Net x12.Amount `json:"net"`
}

// DefaultRemember is how many claim payments a Pairer remembers to find the original of a
// later reversal: about 80 bytes each.
const DefaultRemember = 1 << 20

// Pairer pairs reversals with their originals and corrections as claim payments stream by.
// It remembers the last claim payment per patient control number (at most Remember of them,
// so memory stays bounded on any input; an original beyond that is not found) and the
// reversals still waiting for a correction. The zero Pairer is ready to use. Not safe for
// concurrent use.
type Pairer struct {
	// Remember bounds the claim payments remembered as possible originals: 0 means
	// DefaultRemember, a negative number none.
	Remember int

	last  map[uint64]int32 // by hash of CLP01: the index in mem of the last claim payment that is not a reversal
	mem   [][]remembered   // what last points to, in chunks (never moved); slots let go are listed in free
	slots int32            // slots used in mem
	free  []int32
	open  map[string][]int // by CLP01: indexes in pairs of reversals without a correction
	pairs []Pair
}

// remembered is a possible original, kept small: about 70 bytes with its map entry, nothing
// cut from the claim's text. Keys and CLP07 are 64-bit hashes (a collision is a 2⁻⁶⁴ chance).
type remembered struct {
	set, index   int32
	status       int16 // CLP02 as a number, -1 when it is not one
	charge, paid x12.Amount
	icn          uint64 // hash of CLP07, 0 when empty
	offset       int64  // the CLP's position
	interchange  int32
	segment      int32
	setSegment   int32
}

var pairSeed = maphash.MakeSeed()

func hashOf(s string) uint64 {
	if s == "" {
		return 0
	}
	return maphash.String(pairSeed, s) | 1
}

func (m remembered) ref(icn string) *ClaimRef {
	status := ""
	if m.status >= 0 {
		status = strconv.Itoa(int(m.status))
	}
	return &ClaimRef{Set: int(m.set), Index: int(m.index), Status: status, Charge: m.charge, Paid: m.paid,
		PayerControl: icn, Pos: x12.Position{Offset: m.offset, Interchange: int(m.interchange), Segment: int(m.segment),
			SetSegment: int(m.setSegment), ID: "CLP", Loop: "2100"}}
}

// Add takes the next claim payment: the set's number and the claim's index in it.
func (p *Pairer) Add(set, index int, c *remit835.Claim) {
	refOf := func() ClaimRef {
		return ClaimRef{Set: set, Index: index, Status: c.Status, Charge: c.Charge, Paid: c.Paid,
			PayerControl: strings.Clone(c.PayerControl), Pos: c.Pos}
	}
	if c.Status == "22" {
		ref := refOf()
		pr := Pair{PatientControl: strings.Clone(c.PatientControl), Reversal: ref, Net: c.Paid}
		key, icn := hashOf(c.PatientControl), hashOf(c.PayerControl)
		if i, ok := p.last[key]; ok && (p.slot(i).icn == 0 || icn == 0 || p.slot(i).icn == icn) {
			o := *p.slot(i)
			pcn := ""
			if o.icn != 0 {
				pcn = ref.PayerControl // the same CLP07
			}
			pr.Original = o.ref(pcn)
			pr.Net += o.paid
			delete(p.last, key)
			p.free = append(p.free, i)
		}
		if p.open == nil {
			p.open = map[string][]int{}
		}
		p.open[pr.PatientControl] = append(p.open[pr.PatientControl], len(p.pairs))
		p.pairs = append(p.pairs, pr)
		return
	}
	if waiting := p.open[c.PatientControl]; len(waiting) > 0 {
		pr := &p.pairs[waiting[0]]
		ref := refOf()
		pr.Correction = &ref
		pr.Net += c.Paid
		if len(waiting) == 1 {
			delete(p.open, c.PatientControl)
		} else {
			p.open[c.PatientControl] = waiting[1:]
		}
	}
	p.remember(c, set, index)
}

func (p *Pairer) remember(c *remit835.Claim, set, index int) {
	key := hashOf(c.PatientControl)
	limit := p.Remember
	if limit == 0 {
		limit = DefaultRemember
	}
	if p.last == nil {
		if limit < 0 {
			return
		}
		p.last = map[uint64]int32{}
	}
	i, known := p.last[key]
	if !known {
		if len(p.last) >= limit {
			return
		}
		if k := len(p.free); k > 0 {
			i, p.free = p.free[k-1], p.free[:k-1]
		} else {
			if p.slots%memChunk == 0 {
				p.mem = append(p.mem, make([]remembered, memChunk))
			}
			i = p.slots
			p.slots++
		}
		p.last[key] = i
	}
	status, err := strconv.Atoi(c.Status)
	if err != nil || status > 999 {
		status = -1
	}
	*p.slot(i) = remembered{set: int32(set), index: int32(index), status: int16(status),
		charge: c.Charge, paid: c.Paid, icn: hashOf(c.PayerControl), offset: c.Pos.Offset,
		interchange: int32(c.Pos.Interchange), segment: int32(c.Pos.Segment), setSegment: int32(c.Pos.SetSegment)}
}

// memChunk is how many remembered claim payments a chunk of Pairer.mem holds.
const memChunk = 4096

func (p *Pairer) slot(i int32) *remembered { return &p.mem[i/memChunk][i%memChunk] }

// Pairs returns the reversals seen, in order, each with what was found of its original and
// correction. The slice is the Pairer's own.
func (p *Pairer) Pairs() []Pair { return p.pairs }

// Net is Σ Net of the pairs.
func (p *Pairer) Net() x12.Amount {
	var s x12.Amount
	for _, pr := range p.pairs {
		s += pr.Net
	}
	return s
}
