package x12

// PHITable lists, by segment ID, the elements that can carry patient data — names,
// identifiers, birth and service dates, addresses, phone numbers, free text — so that they can
// be masked before a file is shared. Transaction guides mark such elements precisely;
// DefaultPHI is the conservative fallback used when no guide is known, covering the HIPAA
// 5010 transactions' usual positions.
type PHITable map[string][]int

// DefaultPHI marks the elements that hold patient data in the common HIPAA segments.
var DefaultPHI = PHITable{
	"NM1": {3, 4, 5, 7, 9}, // name parts and identifier (member id, SSN, NPI)
	"N3":  {1, 2},          // street address
	"N4":  {1, 3},          // city, postal code
	"DMG": {2},             // birth date
	"REF": {2, 3},          // identifiers (member, SSN, claim numbers) and their descriptions
	"PER": {2, 4, 6, 8},    // contact name and numbers
	"CLM": {1},             // patient control number
	"CLP": {1, 7},          // patient control number, payer claim control number
	"TRN": {2},             // trace number (can be a patient account)
	"DTP": {3},             // dates (service, admission, birth…)
	"DTM": {2},             // dates
	"NTE": {2},             // free text
	"K3":  {1},             // free text
	"MSG": {1},             // free text
	"INS": {17},            // birth sequence
	"PAT": {6, 8},          // death date, weight
	"LIN": {3, 5, 7},       // drug or product identifiers can identify a patient's therapy
	"SBR": {3, 4},          // group number and name
	"PWK": {6},             // attachment control number
	"BPR": {7, 9, 13, 15},  // bank routing and account numbers
}

// Has reports whether element n of a segment with this ID holds patient data.
func (t PHITable) Has(id string, n int) bool {
	for _, e := range t[id] {
		if e == n {
			return true
		}
	}
	return false
}

// AppendRedacted appends s to dst in its own delimiters (without the terminator), with every
// letter of a patient-data element replaced by X and every digit by 9. Everything else —
// segment IDs, codes, separators, lengths, spaces and punctuation — is kept, so the redacted
// file has the same structure as the original and still shows syntax problems.
func AppendRedacted(dst []byte, s *Segment, phi func(id string, n int) bool) []byte {
	start := len(dst)
	dst = append(dst, s.raw...)
	if s.binary {
		// BIN payloads are opaque: mask all of BIN02.
		from := start + int(s.seps[1]) + 1
		for i := from; i < len(dst); i++ {
			dst[i] = 'X'
		}
		return dst
	}
	for n := 1; n <= len(s.seps); n++ {
		if !phi(s.id, n) {
			continue
		}
		from := start + int(s.seps[n-1]) + 1
		to := start + len(s.raw)
		if n < len(s.seps) {
			to = start + int(s.seps[n])
		}
		for i := from; i < to; i++ {
			switch c := dst[i]; {
			case c >= '0' && c <= '9':
				dst[i] = '9'
			case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80:
				dst[i] = 'X'
			}
		}
	}
	return dst
}

// PHI reports whether element n (1-based) of this use of a segment carries patient data, as
// the guide marks it (an element, or any of its components).
func (sp *SegmentSpec) PHI(n int) bool {
	if n < 1 || n > len(sp.Elements) || sp.Elements[n-1] == nil {
		return false
	}
	e := sp.Elements[n-1]
	if e.PHI {
		return true
	}
	for _, c := range e.Components {
		if c != nil && c.PHI {
			return true
		}
	}
	return false
}

// RedactFunc returns the patient-data test to give AppendRedacted for a segment: the guide's
// marks when the segment was placed by a guide (spec not nil), DefaultPHI otherwise.
func RedactFunc(spec *SegmentSpec) func(id string, n int) bool {
	if spec == nil {
		return DefaultPHI.Has
	}
	return func(_ string, n int) bool { return spec.PHI(n) }
}
