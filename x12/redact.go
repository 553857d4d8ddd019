package x12

// PHITable lists, by segment ID, the elements that can carry patient data — names,
// identifiers, birth and service dates, addresses, phone numbers, free text — so that they can
// be masked before a file is shared. Transaction guides mark such elements precisely;
// DefaultPHI is the conservative fallback used when no guide is known, covering the HIPAA
// 5010 transactions' usual positions.
type PHITable map[string][]int

// DefaultPHI marks, by segment ID alone, the elements that hold patient data in the common
// HIPAA segments, for AppendRedacted when the caller has no guide; RedactFunc and
// AppendRedactedSpec, which know the guide's use of a segment, are finer.
var DefaultPHI = PHITable{
	"NM1": {3, 4, 5, 7, 9}, // name parts and identifier (member id, SSN, NPI)
	"N1":  {2, 4},          // name and identifier
	"N3":  {1, 2},          // street address
	"N4":  {1, 3},          // city, postal code
	"DMG": {2},             // birth date
	"REF": {2, 3},          // identifiers (member, SSN, claim numbers) and their descriptions
	"PER": {2, 4, 6, 8},    // contact name and numbers
	"RDM": {2, 3},          // remittance delivery name and number
	"CLM": {1},             // patient control number
	"CLP": {1, 7},          // patient control number, payer claim control number
	"EB":  {5},             // plan coverage description (free text)
	"III": {4},             // free text
	"MPI": {7},             // military service dates
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
		maskBinary(dst[start:], s)
		return dst
	}
	for n := 1; n <= len(s.seps); n++ {
		if phi(s.id, n) {
			from, to := s.span(n)
			mask(dst[start+from : start+to])
		}
	}
	return dst
}

// AppendRedactedSpec is AppendRedacted for a segment that the guide placed as spec, masking
// component by component: in a composite, only the components that carry patient data (a
// procedure code's description, not the code). With spec nil — a segment no guide placed —
// it masks as RedactFunc(nil) says: every element of any segment but the envelope's.
func AppendRedactedSpec(dst []byte, s *Segment, spec *SegmentSpec) []byte {
	if spec == nil || s.binary {
		return AppendRedacted(dst, s, RedactFunc(spec))
	}
	start := len(dst)
	dst = append(dst, s.raw...)
	d := s.delims
	for n := 1; n <= len(s.seps); n++ {
		from, to := s.span(n)
		e := dst[start+from : start+to]
		switch {
		case !spec.PHI(n):
		case n > len(spec.Elements) || spec.Elements[n-1] == nil: // the guide has no such element
			mask(e)
		case len(spec.Elements[n-1].Components) == 0 || spec.Elements[n-1].PHI:
			mask(e)
		default:
			maskComponents(e, spec, n, d)
		}
	}
	return dst
}

// maskComponents masks, in every repetition of composite element n, the components PHIAt
// names.
func maskComponents(e []byte, sp *SegmentSpec, n int, d Delimiters) {
	c := 1
	from := 0
	for i := 0; i <= len(e); i++ {
		end := i == len(e)
		if !end && e[i] != d.Component && (d.Repetition == 0 || e[i] != d.Repetition) {
			continue
		}
		if sp.PHIAt(n, c) {
			mask(e[from:i])
		}
		c++
		if !end && e[i] != d.Component {
			c = 1 // a new repetition
		}
		from = i + 1
	}
}

// span returns the byte range of element n (1-based) within the segment's raw text.
func (s *Segment) span(n int) (from, to int) {
	from = int(s.seps[n-1]) + 1
	to = len(s.raw)
	if n < len(s.seps) {
		to = int(s.seps[n])
	}
	return from, to
}

// mask replaces every letter (and every byte of a multibyte character) with X and every digit
// with 9, keeping spaces, punctuation and separators.
func mask(b []byte) {
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			b[i] = '9'
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80:
			b[i] = 'X'
		}
	}
}

// maskBinary masks all of a BIN segment's payload (BIN02): it is opaque.
func maskBinary(raw []byte, s *Segment) {
	for i := int(s.seps[1]) + 1; i < len(raw); i++ {
		raw[i] = 'X'
	}
}

// PHI reports whether element n (1-based) of this use of a segment carries patient data: the
// guide marks it (the element or any of its components), or it is of a kind that carries
// patient data wherever it stands (see SafeHarbor), or the guide does not define it at all (a
// position past the segment's last element, or one the guide leaves empty), since what the
// guide cannot name cannot be vouched for.
func (sp *SegmentSpec) PHI(n int) bool {
	if n < 1 || n > len(sp.Elements) || sp.Elements[n-1] == nil {
		return n >= 1
	}
	e := sp.Elements[n-1]
	if e.PHI || len(e.Components) == 0 && SafeHarbor(sp, n, e) { // a composite's Ref is its C-number
		return true
	}
	for _, c := range e.Components {
		if c != nil && (c.PHI || SafeHarbor(sp, n, c)) {
			return true
		}
	}
	return false
}

// PHIAt reports whether component c (1-based) of element n carries patient data, as PHI
// does for a whole element: the element is marked, or the component is, or SafeHarbor names
// it, or the guide defines no such component. With c 0 it is PHI(n).
func (sp *SegmentSpec) PHIAt(n, c int) bool {
	if c == 0 || n < 1 || n > len(sp.Elements) || sp.Elements[n-1] == nil {
		return sp.PHI(n)
	}
	e := sp.Elements[n-1]
	if len(e.Components) == 0 {
		return c > 1 || sp.PHI(n) // a simple element has one component
	}
	if e.PHI || c > len(e.Components) || e.Components[c-1] == nil {
		return true
	}
	return e.Components[c-1].PHI || SafeHarbor(sp, n, e.Components[c-1])
}

// SafeHarbor reports whether the data element e, element n (or one of its components) of this
// use of a segment, is of a kind that HIPAA's Safe Harbor de-identification removes wherever it
// stands, whichever loop holds it: dates tied to a person or a service (DTP03, DMG02, the
// 835's DTM02), free text (NTE02, MSG01, K301, REF03, EB05, III04, the descriptions in
// composites), the patient control number (CLM01, CLP01), the payer's claim number (CLP07),
// the group number and name (SBR03, SBR04), trace numbers (TRN02), every reference number
// (REF02) but a provider's or a payer's, bank accounts, the birth sequence and the patient's
// weight. It completes the guides' own marks, which say where names, member identifiers,
// addresses and telephone numbers are a person's (a subscriber's, a patient's) rather than a
// provider's or a payer's.
func SafeHarbor(sp *SegmentSpec, n int, e *ElementSpec) bool {
	switch e.Ref {
	case 1251, // dates and date ranges: DTP03, DMG02, PAT06, MPI07
		352, 933, 449, 1204, // free text
		1028, 1470, 81, 507, 508: // patient control number, birth sequence, weight, bank accounts
		return true
	case 373: // a date: the service and claim dates of the 835's DTM, a form's answer
		return sp.ID == "DTM" || sp.ID == "FRM"
	case 93: // a name: the group's (often the employer's) in SBR04; others as the guide marks
		return sp.ID == "SBR"
	case 127: // a reference number
		switch sp.ID {
		case "CLP", "SBR", "FRM":
			return true
		case "TRN":
			return n == 2
		case "REF":
			return !providerReference(sp)
		}
	}
	return false
}

// providerRefQualifiers are the REF01 codes of numbers that identify a provider, a payer or a
// facility, or that are codes rather than numbers: license, NPI and legacy provider numbers,
// tax IDs, payer IDs, CLIA and certification numbers.
var providerRefQualifiers = map[string]bool{
	"0B": true, "1A": true, "1B": true, "1C": true, "1D": true, "1G": true, "1H": true, "1J": true,
	"D3": true, "G2": true, "LU": true, "HPI": true, "TJ": true, "EI": true, "2U": true, "FY": true,
	"NF": true, "EO": true, "HI": true, "PQ": true, "N5": true, "N7": true, "Q4": true, "4A": true,
	"EL": true, "JD": true, "X4": true, "F4": true, "EV": true, "F2": true, "P4": true, "LX": true,
	"EW": true, "0K": true, "4N": true, "F5": true, "T4": true, "1S": true, "APC": true, "E9": true,
	"RB": true,
}

// providerReference reports whether this use of REF takes only provider, payer or facility
// qualifiers: a REF use that can hold a member's, a claim's or an authorization's number, or
// whose qualifiers the guide does not list, holds patient data.
func providerReference(sp *SegmentSpec) bool {
	for _, q := range sp.Qualifiers {
		if q.Element != 1 || q.Component != 0 {
			continue
		}
		for _, v := range q.Values {
			if !providerRefQualifiers[v] {
				return false
			}
		}
		return len(q.Values) > 0
	}
	return false
}

// RedactFunc returns the patient-data test to give AppendRedacted for a segment: the guide's
// marks completed by SafeHarbor when the guide placed the segment (spec not nil). A segment
// that no guide placed — an unknown or corrupted segment ID, a segment the guide has no room
// for, any segment of a transaction with no guide — is masked whole, since nothing says what
// its elements hold; only the envelope segments outside a set (ISA, GS, GE, IEA, TA1), which
// hold no patient data, are shown as they are.
func RedactFunc(spec *SegmentSpec) func(id string, n int) bool {
	if spec == nil {
		return redactUnplaced
	}
	return func(_ string, n int) bool { return spec.PHI(n) }
}

func redactUnplaced(id string, _ int) bool {
	switch id {
	case "ISA", "IEA", "GS", "GE", "TA1", "ST", "SE":
		return false
	}
	return true
}
