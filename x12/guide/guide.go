// Package guide holds the builders for writing an implementation guide as data: the
// x12.Transaction, x12.Loop, x12.SegmentSpec and x12.ElementSpec values the engine (an
// x12.SetReader) places segments with and validates against. The transaction packages write
// their guides with it; a program that only reads and writes X12 does not need it.
//
// An element is made by its data type (ElAN, ElID, ElN0, ElR, ElDT, ElTM, ElComposite, and the
// HIPAA shapes ElAmount, ElNotUsed), a segment use with NewSegmentSpec (Qualify tells uses of
// one segment apart, WithSyntax adds syntax notes), a loop with NewLoop, x12.Seg and x12.Sub.
// HLSpec, N3Spec, N4Spec and NM1Spec are the segment uses whose shape every 5010 guide
// shares, REFSpec, DTPSpec, AMTSpec, QTYSpec and PERSpec the qualified ones every guide
// repeats; x12.STSpec and x12.SESpec open and close every guide.
package guide

import "github.com/x12kit/x12kit/x12"

// ElAN is an AN (string) element.
func ElAN(ref int, name string, u x12.Usage, min, max int) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Type: x12.TypeAN, Min: min, Max: max}
}

// ElID is an ID (code) element with its inline code list (empty when the codes come from a
// named external set: see x12.ElementSpec.WithCodeSet).
func ElID(ref int, name string, u x12.Usage, min, max int, codes ...string) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Type: x12.TypeID, Min: min, Max: max, Codes: codes}
}

// ElN0 is an N0 (integer) element.
func ElN0(ref int, name string, u x12.Usage, min, max int) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Type: x12.TypeN0, Min: min, Max: max}
}

// ElR is an R (decimal) element; min and max count digits, not sign or point.
func ElR(ref int, name string, u x12.Usage, min, max int) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Type: x12.TypeR, Min: min, Max: max}
}

// ElDT is a DT (date) element: CCYYMMDD (min = max = 8), or YYMMDD when max is 6.
func ElDT(ref int, name string, u x12.Usage, min, max int) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Type: x12.TypeDT, Min: min, Max: max}
}

// ElTM is a TM (time) element, HHMM[SS[D[D]]].
func ElTM(ref int, name string, u x12.Usage, min, max int) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Type: x12.TypeTM, Min: min, Max: max}
}

// ElComposite is a composite element made of components (nil for a component the guide
// does not describe).
func ElComposite(ref int, name string, u x12.Usage, components ...*x12.ElementSpec) *x12.ElementSpec {
	return &x12.ElementSpec{Ref: ref, Name: name, Usage: u, Components: components}
}

// ElAmount is a monetary amount (element 782) of at most x12.MaxAmountDigits digits.
func ElAmount(name string, u x12.Usage) *x12.ElementSpec {
	return ElR(782, name, u, 1, x12.MaxAmountDigits)
}

// ElNotUsed is an element a guide does not use: only its position and reference matter.
func ElNotUsed(ref int, name string) *x12.ElementSpec { return ElAN(ref, name, x12.NotUsed, 1, 80) }

// ElNotUsedComposite is a composite element a guide does not use.
func ElNotUsedComposite(name string) *x12.ElementSpec {
	return ElComposite(0, name, x12.NotUsed, ElNotUsed(0, name))
}

// PHIIf marks e as patient data when phi is set, and returns it.
func PHIIf(phi bool, e *x12.ElementSpec) *x12.ElementSpec {
	if phi {
		e.MarkPHI()
	}
	return e
}

// NewSegmentSpec is a use of a segment with its elements in order.
func NewSegmentSpec(id, name string, u x12.Usage, maxUse int, elements ...*x12.ElementSpec) *x12.SegmentSpec {
	return &x12.SegmentSpec{ID: id, Name: name, Usage: u, MaxUse: maxUse, Elements: elements}
}

// Qualify marks s as the use of its segment whose element holds one of values, and returns s.
func Qualify(s *x12.SegmentSpec, element int, values ...string) *x12.SegmentSpec {
	s.Qualifiers = []x12.Qualifier{{Element: element, Values: values}}
	return s
}

// WithSyntax adds X12 syntax notes ("P0809"…) to s and returns it.
func WithSyntax(s *x12.SegmentSpec, notes ...string) *x12.SegmentSpec {
	s.Syntax = x12.ParseSyntax(notes...)
	return s
}

// NewLoop is a loop of a guide; its first child is its trigger.
func NewLoop(id, name string, u x12.Usage, repeat int, children ...x12.Child) *x12.Loop {
	return &x12.Loop{ID: id, Name: name, Usage: u, Repeat: repeat, Children: children}
}

// Segs wraps segment uses as loop children.
func Segs(specs ...*x12.SegmentSpec) []x12.Child {
	out := make([]x12.Child, len(specs))
	for i, s := range specs {
		out[i] = x12.Seg(s)
	}
	return out
}

// HLSpec is the HL that starts a hierarchical level, told apart from its siblings by its level
// code (HL03); parent is the usage of HL02 (not used at the top level), child lists HL04's
// codes.
func HLSpec(name, level string, parent x12.Usage, child ...string) *x12.SegmentSpec {
	return Qualify(NewSegmentSpec("HL", name, x12.Required, 1,
		ElAN(628, "Hierarchical ID Number", x12.Required, 1, 12),
		ElAN(734, "Hierarchical Parent ID Number", parent, 1, 12),
		ElID(735, "Hierarchical Level Code", x12.Required, 1, 2, level),
		ElID(736, "Hierarchical Child Code", x12.Required, 1, 1, child...)), 3, level)
}

// N3Spec is an N3 (one or two address lines); phi marks them as patient data.
func N3Spec(name string, u x12.Usage, phi bool) *x12.SegmentSpec {
	return NewSegmentSpec("N3", name, u, 1,
		PHIIf(phi, ElAN(166, "Address Information", x12.Required, 1, 55)),
		PHIIf(phi, ElAN(166, "Address Information", x12.Situational, 1, 55)))
}

// N4Spec is an N4 (city, state, postal code, country) without a location qualifier (N405,
// N406 not used); phi marks the city and postal code as patient data.
func N4Spec(name string, u x12.Usage, phi bool) *x12.SegmentSpec {
	return WithSyntax(NewSegmentSpec("N4", name, u, 1,
		PHIIf(phi, ElAN(19, "City Name", x12.Required, 2, 30)),
		ElID(156, "State or Province Code", x12.Situational, 2, 2).WithCodeSet("us-state"),
		PHIIf(phi, ElID(116, "Postal Code", x12.Situational, 3, 15)),
		ElID(26, "Country Code", x12.Situational, 2, 3),
		ElNotUsed(309, "Location Qualifier"),
		ElNotUsed(310, "Location Identifier"),
		ElID(1715, "Country Subdivision Code", x12.Situational, 1, 3)), "E0207", "C0605", "C0704")
}

// Party is one use of NM1 (individual or organizational name) in a guide: the entities it
// names and which of its elements apply.
type Party struct {
	Entities  []string  // NM101; also the qualifier that tells the use apart
	Types     []string  // NM102: 1 person, 2 organization
	Last      x12.Usage // NM103
	Given     x12.Usage // NM104, NM105 and NM107: first name, middle name, suffix
	Suffix    x12.Usage // NM107 where it differs from Given; 0: as Given
	IDs       []string  // NM108; none: NM108 and NM109 are not used
	IDUsage   x12.Usage // NM108 and NM109, when IDs are listed
	Relations []string  // NM110; none: not used
	PHI       bool      // the names and the identifier are patient data (NM106 too, should it come)
}

// NM1Spec is the NM1 use for p, with usage u, at most once, told apart by NM101, under the
// syntax notes P0809, C1110 and C1203. NM106, NM111 and NM112 are never used in 5010.
func NM1Spec(name string, u x12.Usage, p Party) *x12.SegmentSpec {
	idUsage, relUsage, suffix := x12.NotUsed, x12.NotUsed, p.Given
	if len(p.IDs) > 0 {
		idUsage = p.IDUsage
	}
	if p.Suffix != 0 {
		suffix = p.Suffix
	}
	if len(p.Relations) > 0 {
		relUsage = x12.Situational
	}
	return WithSyntax(Qualify(NewSegmentSpec("NM1", name, u, 1,
		ElID(98, "Entity Identifier Code", x12.Required, 2, 3, p.Entities...),
		ElID(1065, "Entity Type Qualifier", x12.Required, 1, 1, p.Types...),
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

// REFSpec is a REF use told apart by REF01 (quals): REF02 the identifier (patient data when
// phi is set), REF03 a description of usage desc (x12.NotUsed in most guides), REF04 not used;
// syntax note R0203.
func REFSpec(name string, u x12.Usage, maxUse int, phi bool, desc x12.Usage, quals ...string) *x12.SegmentSpec {
	return WithSyntax(Qualify(NewSegmentSpec("REF", name, u, maxUse,
		ElID(128, "Reference Identification Qualifier", x12.Required, 2, 3, quals...),
		PHIIf(phi, ElAN(127, "Reference Identification", x12.Required, 1, 50)),
		ElAN(352, "Description", desc, 1, 80),
		ElComposite(40, "Reference Identifier", x12.NotUsed, ElID(128, "Reference Identification Qualifier", x12.Required, 2, 3))),
		1, quals...), "R0203")
}

// DTPSpec is a DTP use told apart by DTP01 (quals): DTP02 one of formats (D8, RD8…), DTP03
// the date or range, patient data.
func DTPSpec(name string, u x12.Usage, maxUse int, formats []string, quals ...string) *x12.SegmentSpec {
	return Qualify(NewSegmentSpec("DTP", name, u, maxUse,
		ElID(374, "Date Time Qualifier", x12.Required, 3, 3, quals...),
		ElID(1250, "Date Time Period Format Qualifier", x12.Required, 2, 3, formats...),
		ElAN(1251, "Date Time Period", x12.Required, 1, 35).MarkPHI()), 1, quals...)
}

// AMTSpec is an AMT use told apart by AMT01 (quals): AMT02 a monetary amount (ElAmount),
// AMT03 not used.
func AMTSpec(name string, u x12.Usage, maxUse int, quals ...string) *x12.SegmentSpec {
	return Qualify(NewSegmentSpec("AMT", name, u, maxUse,
		ElID(522, "Amount Qualifier Code", x12.Required, 1, 3, quals...),
		ElAmount("Monetary Amount", x12.Required),
		ElNotUsed(478, "Credit/Debit Flag Code")), 1, quals...)
}

// QTYSpec is a QTY use told apart by QTY01 (quals): QTY02 a quantity, QTY03 and QTY04 not
// used; syntax notes E0204 and R0204.
func QTYSpec(name string, u x12.Usage, maxUse int, quals ...string) *x12.SegmentSpec {
	return WithSyntax(Qualify(NewSegmentSpec("QTY", name, u, maxUse,
		ElID(673, "Quantity Qualifier", x12.Required, 2, 2, quals...),
		ElR(380, "Quantity", x12.Required, 1, 15),
		ElNotUsedComposite("Composite Unit of Measure"),
		ElNotUsed(61, "Free-form Information")), 1, quals...), "E0204", "R0204")
}

// Contact is one use of PER in a guide: the contact functions PER01 takes, the usage of the
// name (PER02), and of each communication number pair (PER03/04, PER05/06, PER07/08) with
// the qualifiers it takes (a pair of zero usage is not used).
type Contact struct {
	Functions []string
	Name      x12.Usage
	Numbers   [3]Numbers
	PHI       bool // the name and the numbers are patient data
}

// Numbers is one communication number pair of a PER: its usage and the qualifiers (TE, EX,
// EM, FX, UR…) it takes.
type Numbers struct {
	Usage x12.Usage
	Codes []string
}

// PERSpec is the PER use c, with usage u and at most maxUse repeats; PER09 is not used;
// syntax notes P0304, P0506 and P0708. Qualify it by PER01 where a loop has several.
func PERSpec(name string, u x12.Usage, maxUse int, c Contact) *x12.SegmentSpec {
	s := NewSegmentSpec("PER", name, u, maxUse,
		ElID(366, "Contact Function Code", x12.Required, 2, 2, c.Functions...),
		PHIIf(c.PHI, ElAN(93, "Name", orNotUsed(c.Name), 1, 60)))
	for _, n := range c.Numbers {
		s.Elements = append(s.Elements,
			ElID(365, "Communication Number Qualifier", orNotUsed(n.Usage), 2, 2, n.Codes...),
			PHIIf(c.PHI, ElAN(364, "Communication Number", orNotUsed(n.Usage), 1, 256)))
	}
	s.Elements = append(s.Elements, ElNotUsed(443, "Contact Inquiry Reference"))
	return WithSyntax(s, "P0304", "P0506", "P0708")
}

// orNotUsed is u, or x12.NotUsed for the zero Usage.
func orNotUsed(u x12.Usage) x12.Usage {
	if u == 0 {
		return x12.NotUsed
	}
	return u
}
