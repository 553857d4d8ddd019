package x12

// Segment uses whose shape is the same in every 5010 guide that has them; the guides differ
// only in the arguments.

// HLSpec is the HL that starts a hierarchical level, told apart from its siblings by its level
// code (HL03); parent is the usage of HL02 (not used at the top level), child lists HL04's
// codes.
func HLSpec(name, level string, parent Usage, child ...string) *SegmentSpec {
	return Qualify(NewSegmentSpec("HL", name, Required, 1,
		ElAN(628, "Hierarchical ID Number", Required, 1, 12),
		ElAN(734, "Hierarchical Parent ID Number", parent, 1, 12),
		ElID(735, "Hierarchical Level Code", Required, 1, 2, level),
		ElID(736, "Hierarchical Child Code", Required, 1, 1, child...)), 3, level)
}

// N3Spec is an N3 (one or two address lines); phi marks them as patient data.
func N3Spec(name string, u Usage, phi bool) *SegmentSpec {
	return NewSegmentSpec("N3", name, u, 1,
		PHIIf(phi, ElAN(166, "Address Information", Required, 1, 55)),
		PHIIf(phi, ElAN(166, "Address Information", Situational, 1, 55)))
}

// N4Spec is an N4 (city, state, postal code, country) without a location qualifier (N405,
// N406 not used); phi marks the city and postal code as patient data.
func N4Spec(name string, u Usage, phi bool) *SegmentSpec {
	return WithSyntax(NewSegmentSpec("N4", name, u, 1,
		PHIIf(phi, ElAN(19, "City Name", Required, 2, 30)),
		ElID(156, "State or Province Code", Situational, 2, 2).WithCodeSet("us-state"),
		PHIIf(phi, ElID(116, "Postal Code", Situational, 3, 15)),
		ElID(26, "Country Code", Situational, 2, 3),
		ElNotUsed(309, "Location Qualifier"),
		ElNotUsed(310, "Location Identifier"),
		ElID(1715, "Country Subdivision Code", Situational, 1, 3)), "E0207", "C0605", "C0704")
}

// MaxAmountDigits is the most digits a monetary amount (element 782, type R) may have in a
// HIPAA 5010 guide: 10, sign and decimal point not counted (X12 RFI 1526), where the X12
// dictionary allows 18.
const MaxAmountDigits = 10

// ElAmount is a monetary amount (element 782) of at most MaxAmountDigits digits.
func ElAmount(name string, u Usage) *ElementSpec { return ElR(782, name, u, 1, MaxAmountDigits) }

// ElNotUsed is an element a guide does not use: only its position and reference matter.
func ElNotUsed(ref int, name string) *ElementSpec { return ElAN(ref, name, NotUsed, 1, 80) }

// ElNotUsedComposite is a composite element a guide does not use.
func ElNotUsedComposite(name string) *ElementSpec {
	return ElComposite(0, name, NotUsed, ElNotUsed(0, name))
}

// Party is one use of NM1 (individual or organizational name) in a guide: the entities it
// names and which of its elements apply.
type Party struct {
	Entities  []string // NM101; also the qualifier that tells the use apart
	Types     []string // NM102: 1 person, 2 organization
	Last      Usage    // NM103
	Given     Usage    // NM104, NM105 and NM107: first name, middle name, suffix
	Suffix    Usage    // NM107 where it differs from Given; 0: as Given
	IDs       []string // NM108; none: NM108 and NM109 are not used
	IDUsage   Usage    // NM108 and NM109, when IDs are listed
	Relations []string // NM110; none: not used
	PHI       bool     // the names and the identifier are patient data (NM106 too, should it come)
}

// NM1Spec is the NM1 use for p, with usage u, at most once, told apart by NM101, under the
// syntax notes P0809, C1110 and C1203. NM106, NM111 and NM112 are never used in 5010.
func NM1Spec(name string, u Usage, p Party) *SegmentSpec {
	idUsage, relUsage, suffix := NotUsed, NotUsed, p.Given
	if len(p.IDs) > 0 {
		idUsage = p.IDUsage
	}
	if p.Suffix != 0 {
		suffix = p.Suffix
	}
	if len(p.Relations) > 0 {
		relUsage = Situational
	}
	return WithSyntax(Qualify(NewSegmentSpec("NM1", name, u, 1,
		ElID(98, "Entity Identifier Code", Required, 2, 3, p.Entities...),
		ElID(1065, "Entity Type Qualifier", Required, 1, 1, p.Types...),
		PHIIf(p.PHI, ElAN(1035, "Name Last or Organization Name", p.Last, 1, 60)),
		PHIIf(p.PHI, ElAN(1036, "Name First", p.Given, 1, 35)),
		PHIIf(p.PHI, ElAN(1037, "Name Middle", p.Given, 1, 25)),
		PHIIf(p.PHI, ElNotUsed(1038, "Name Prefix")),
		PHIIf(p.PHI, ElAN(1039, "Name Suffix", suffix, 1, 10)),
		ElID(66, "Identification Code Qualifier", idUsage, 1, 2, p.IDs...),
		PHIIf(p.PHI, ElAN(67, "Identification Code", idUsage, 2, 80)),
		ElID(706, "Entity Relationship Code", relUsage, 2, 2, p.Relations...),
		ElNotUsed(98, "Entity Identifier Code"),
		ElNotUsed(1035, "Name Last or Organization Name")), 1, p.Entities...), "P0809", "C1110", "C1203")
}
