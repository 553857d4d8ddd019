package x12

import (
	"encoding/binary"
	"math/bits"
)

// The reader's split a word (eight bytes) at a time: SWAR byte comparisons find the element
// separators, and any line break or lead byte of a two-byte component separator, in a
// segment's bytes.

const (
	swarLow  = 0x0101010101010101
	swarHigh = 0x7f7f7f7f7f7f7f7f
)

// swarEq returns a word with the high bit of each byte set where w's byte equals the byte
// broadcast in b (b = c·swarLow), and no other bit: exact, with no carry between bytes.
func swarEq(w, b uint64) uint64 {
	x := w ^ b
	t := (x & swarHigh) + swarHigh
	return ^(t | x | swarHigh)
}

// splitWords appends to seps the offsets of sep in raw, as the byte loop of split does, and
// reports breaks (stopping there) at the first line break or byte lead (0: none). sep is
// neither a line break nor lead.
func splitWords(raw []byte, seps []int32, sep, lead byte) ([]int32, bool) {
	bs := uint64(sep) * swarLow
	bn, br := uint64('\n')*swarLow, uint64('\r')*swarLow
	bl := uint64(lead) * swarLow
	i := 0
	for ; i+8 <= len(raw); i += 8 {
		w := binary.LittleEndian.Uint64(raw[i:])
		stop := swarEq(w, bn) | swarEq(w, br)
		if lead != 0 {
			stop |= swarEq(w, bl)
		}
		m := swarEq(w, bs)
		if stop != 0 {
			// Only the separators before the first stop count.
			first := bits.TrailingZeros64(stop)
			m &= (uint64(1) << first) - 1
			for ; m != 0; m &= m - 1 {
				seps = append(seps, int32(i+bits.TrailingZeros64(m)>>3))
			}
			return seps, true
		}
		for ; m != 0; m &= m - 1 {
			seps = append(seps, int32(i+bits.TrailingZeros64(m)>>3))
		}
	}
	for ; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == sep:
			seps = append(seps, int32(i))
		case c == '\n' || c == '\r' || lead != 0 && c == lead:
			return seps, true
		}
	}
	return seps, false
}
