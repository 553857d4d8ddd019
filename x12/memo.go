package x12

import "hash/maphash"

// memoLimit bounds the distinct clean segments an elementChecker remembers.
const memoLimit = 4096

// memoSeed hashes segment bytes for every memo; only equality within a process matters.
var memoSeed = maphash.MakeSeed()

// segmentMemo is the set of segments a set has shown clean, by use and bytes: an
// open-addressing table (linear probing, at most half full) that grows from nothing to
// 2·memoLimit slots, so a set of a few segments pays for a few.
type segmentMemo struct {
	slots []memoEntry // len a power of two, or 0
	n     int
}

// memoEntry is a segment use and the segment's bytes, checked clean; spec is nil for an
// empty slot.
type memoEntry struct {
	hash uint64
	spec *SegmentSpec
	raw  string
}

func memoHash(raw []byte) uint64 { return maphash.Bytes(memoSeed, raw) }

// has reports whether the use spec of a segment with these bytes (and hash) is in the memo.
func (m *segmentMemo) has(h uint64, spec *SegmentSpec, raw []byte) bool {
	mask := uint64(len(m.slots) - 1)
	for i := h & mask; len(m.slots) > 0; i = (i + 1) & mask {
		e := &m.slots[i]
		if e.spec == nil {
			return false
		}
		if e.hash == h && e.spec == spec && e.raw == string(raw) {
			return true
		}
	}
	return false
}

// add remembers a clean segment, unless the memo is full.
func (m *segmentMemo) add(h uint64, spec *SegmentSpec, raw []byte) {
	if m.n >= memoLimit {
		return
	}
	if 2*(m.n+1) > len(m.slots) {
		old := m.slots
		m.slots = make([]memoEntry, max(2*len(old), 64))
		for _, e := range old {
			if e.spec != nil {
				m.put(e)
			}
		}
	}
	m.put(memoEntry{h, spec, string(raw)})
	m.n++
}

func (m *segmentMemo) put(e memoEntry) {
	mask := uint64(len(m.slots) - 1)
	i := e.hash & mask
	for m.slots[i].spec != nil {
		i = (i + 1) & mask
	}
	m.slots[i] = e
}
