package x12

// Guide999 is the 999 implementation acknowledgment (005010X231A1) in the schema model: the
// first guide written as data, so a 999 that x12kit writes is checked by the same engine.

// Element constructors for writing guides as data, one per data type. Chain WithCodeSet,
// WithRepeat and MarkPHI for the rest.

// ElAN is an AN (string) element.
func ElAN(ref int, name string, u Usage, min, max int) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Type: TypeAN, Min: min, Max: max}
}

// ElID is an ID (code) element with its inline code list (empty when the codes come from a
// named external set: see WithCodeSet).
func ElID(ref int, name string, u Usage, min, max int, codes ...string) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Type: TypeID, Min: min, Max: max, Codes: codes}
}

// ElN0 is an N0 (integer) element.
func ElN0(ref int, name string, u Usage, min, max int) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Type: TypeN0, Min: min, Max: max}
}

// ElR is an R (decimal) element; min and max count digits, not sign or point.
func ElR(ref int, name string, u Usage, min, max int) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Type: TypeR, Min: min, Max: max}
}

// ElDT is a DT (date) element: CCYYMMDD (min = max = 8), or YYMMDD when max is 6.
func ElDT(ref int, name string, u Usage, min, max int) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Type: TypeDT, Min: min, Max: max}
}

// ElTM is a TM (time) element, HHMM[SS[D[D]]].
func ElTM(ref int, name string, u Usage, min, max int) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Type: TypeTM, Min: min, Max: max}
}

// ElComposite is a composite element made of components (nil for a component the guide
// does not describe).
func ElComposite(ref int, name string, u Usage, components ...*ElementSpec) *ElementSpec {
	return &ElementSpec{Ref: ref, Name: name, Usage: u, Components: components}
}

// WithCodeSet names the external code list (see CodeSource) that the element's values come from.
func (e *ElementSpec) WithCodeSet(set string) *ElementSpec { e.CodeSet = set; return e }

// WithRepeat sets how many repetitions the element may have.
func (e *ElementSpec) WithRepeat(n int) *ElementSpec { e.Repeat = n; return e }

// MarkPHI marks the element as carrying patient data.
func (e *ElementSpec) MarkPHI() *ElementSpec { e.PHI = true; return e }

// Code lists of the 999.
var (
	ik304Codes = []string{"1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9"}
	ik403Codes = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "I6", "I9", "I10", "I11", "I12", "I13"}
	ik502Codes = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "15", "16", "17", "18", "19", "23", "24", "25", "26", "27", "I5", "I6"}
	ak905Codes = []string{"1", "2", "3", "4", "5", "6", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "23", "24", "25", "26"}
)

// STSpec is the ST every guide starts with: ST01 fixed, ST03 with the accepted references.
func STSpec(st01 string, refUsage Usage, references ...string) *SegmentSpec {
	ref := ElID(1705, "Implementation Convention Reference", refUsage, 1, 35, references...)
	if len(references) == 0 {
		ref = ElAN(1705, "Implementation Convention Reference", refUsage, 1, 35)
	}
	return &SegmentSpec{ID: "ST", Name: "Transaction Set Header", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
		ElID(143, "Transaction Set Identifier Code", Required, 3, 3, st01),
		ElAN(329, "Transaction Set Control Number", Required, 4, 9),
		ref,
	}}
}

// SESpec is the SE every guide ends with.
func SESpec() *SegmentSpec {
	return &SegmentSpec{ID: "SE", Name: "Transaction Set Trailer", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
		ElN0(96, "Number of Included Segments", Required, 1, 10),
		ElAN(329, "Transaction Set Control Number", Required, 4, 9),
	}}
}

// ctxContext is the CTX shape shared by the segment and element contexts of the 999.
func ctxContext(name string, maxUse int) *SegmentSpec {
	return &SegmentSpec{ID: "CTX", Name: name, Usage: Situational, MaxUse: maxUse,
		Qualifiers: []Qualifier{{Element: 1, Component: 1, Values: []string{"SITUATIONAL TRIGGER"}}},
		Elements: []*ElementSpec{
			&ElementSpec{Name: "Context Identification", Usage: Required, Repeat: 10, Components: []*ElementSpec{
				ElID(9999, "Context Name", Required, 1, 35, "SITUATIONAL TRIGGER"),
				&ElementSpec{Ref: 9998, Name: "Context Reference", Usage: Situational, Type: TypeAN, Min: 1, Max: 35},
			}},
			ElID(721, "Segment ID Code", Required, 2, 3),
			ElN0(719, "Segment Position in Transaction Set", Required, 1, 10),
			ElAN(447, "Loop Identifier Code", Situational, 1, 4),
			ElComposite(0, "Position in Segment", Situational,
				ElN0(722, "Element Position in Segment", Required, 1, 2),
				ElN0(1528, "Component Data Element Position in Composite", Situational, 1, 2),
				ElN0(1686, "Repeating Data Element Position", Situational, 1, 4)),
			ElComposite(0, "Reference in Segment", Situational,
				ElN0(725, "Data Element Reference Number", Required, 1, 4),
				ElN0(725, "Data Element Reference Number", Situational, 1, 4)),
		}}
}

// Business unit names a 999 CTX may carry (X231A1).
var businessUnitNames = []string{"TRN02", "NM109", "PATIENT NAME NM109", "SUBSCRIBER NAME NM109", "ENT01", "SUBSCRIBER NUMBER REF02", "CLM01"}

// Guide999 is the 005010X231A1 implementation guide.
var Guide999 = &Transaction{
	ID: "999", FunctionalID: "FA", Versions: []string{"005010X231A1", "005010X231"}, Name: "Implementation Acknowledgment",
	Root: &Loop{ID: "ST", Name: "Implementation Acknowledgment", Usage: Required, Repeat: 1, Children: []Child{
		Seg(STSpec("999", Required, "005010X231A1", "005010X231")),
		Seg(&SegmentSpec{ID: "AK1", Name: "Functional Group Response Header", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
			ElID(479, "Functional Identifier Code", Required, 2, 2),
			ElN0(28, "Group Control Number", Required, 1, 9),
			ElAN(480, "Version / Release / Industry Identifier Code", Required, 1, 12),
		}}),
		Sub(&Loop{ID: "2000", Name: "Transaction Set Response Header", Usage: Situational, Children: []Child{
			Seg(&SegmentSpec{ID: "AK2", Name: "Transaction Set Response Header", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
				ElID(143, "Transaction Set Identifier Code", Required, 3, 3),
				ElAN(329, "Transaction Set Control Number", Required, 4, 9),
				ElAN(1705, "Implementation Convention Reference", Situational, 1, 35),
			}}),
			Sub(&Loop{ID: "2100", Name: "Error Identification", Usage: Situational, Children: []Child{
				Seg(&SegmentSpec{ID: "IK3", Name: "Error Identification", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
					ElID(721, "Segment ID Code", Required, 2, 3),
					ElN0(719, "Segment Position in Transaction Set", Required, 1, 10),
					ElAN(447, "Loop Identifier Code", Situational, 1, 4),
					ElID(620, "Implementation Segment Syntax Error Code", Required, 1, 3, ik304Codes...),
				}}),
				Seg(ctxContext("Segment Context", 9)),
				Seg(&SegmentSpec{ID: "CTX", Name: "Business Unit Identifier", Usage: Situational, MaxUse: 1,
					Qualifiers: []Qualifier{{Element: 1, Component: 1, Values: businessUnitNames}},
					Elements: []*ElementSpec{
						ElComposite(0, "Context Identification", Required,
							ElID(9999, "Context Name", Required, 1, 35, businessUnitNames...),
							&ElementSpec{Ref: 9998, Name: "Context Reference", Usage: Required, Type: TypeAN, Min: 1, Max: 35, PHI: true}),
					}}),
				Sub(&Loop{ID: "2110", Name: "Implementation Data Element Note", Usage: Situational, Children: []Child{
					Seg(&SegmentSpec{ID: "IK4", Name: "Implementation Data Element Note", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
						ElComposite(0, "Position in Segment", Required,
							ElN0(722, "Element Position in Segment", Required, 1, 2),
							ElN0(1528, "Component Data Element Position in Composite", Situational, 1, 2),
							ElN0(1686, "Repeating Data Element Position", Situational, 1, 4)),
						ElN0(725, "Data Element Reference Number", Situational, 1, 4),
						ElID(621, "Implementation Data Element Syntax Error Code", Required, 1, 3, ik403Codes...),
						&ElementSpec{Ref: 724, Name: "Copy of Bad Data Element", Usage: Situational, Type: TypeAN, Min: 1, Max: 99, PHI: true},
					}}),
					Seg(ctxContext("Element Context", 10)),
				}}),
			}}),
			Seg(&SegmentSpec{ID: "IK5", Name: "Transaction Set Response Trailer", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
				ElID(717, "Transaction Set Acknowledgment Code", Required, 1, 1, "A", "E", "M", "R", "W", "X"),
				ElID(618, "Implementation Transaction Set Syntax Error Code", Situational, 1, 3, ik502Codes...),
				ElID(618, "Implementation Transaction Set Syntax Error Code", Situational, 1, 3, ik502Codes...),
				ElID(618, "Implementation Transaction Set Syntax Error Code", Situational, 1, 3, ik502Codes...),
				ElID(618, "Implementation Transaction Set Syntax Error Code", Situational, 1, 3, ik502Codes...),
				ElID(618, "Implementation Transaction Set Syntax Error Code", Situational, 1, 3, ik502Codes...),
			}}),
		}}),
		Seg(&SegmentSpec{ID: "AK9", Name: "Functional Group Response Trailer", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
			ElID(715, "Functional Group Acknowledge Code", Required, 1, 1, "A", "E", "M", "P", "R", "W", "X"),
			ElN0(97, "Number of Transaction Sets Included", Required, 1, 6),
			ElN0(123, "Number of Received Transaction Sets", Required, 1, 6),
			ElN0(2, "Number of Accepted Transaction Sets", Required, 1, 6),
			ElID(716, "Functional Group Syntax Error Code", Situational, 1, 3, ak905Codes...),
			ElID(716, "Functional Group Syntax Error Code", Situational, 1, 3, ak905Codes...),
			ElID(716, "Functional Group Syntax Error Code", Situational, 1, 3, ak905Codes...),
			ElID(716, "Functional Group Syntax Error Code", Situational, 1, 3, ak905Codes...),
			ElID(716, "Functional Group Syntax Error Code", Situational, 1, 3, ak905Codes...),
		}}),
		Seg(SESpec()),
	}},
}

// Builders for writing guides as data, shared by the transaction packages.

// NewSegmentSpec is a use of a segment with its elements in order.
func NewSegmentSpec(id, name string, u Usage, maxUse int, elements ...*ElementSpec) *SegmentSpec {
	return &SegmentSpec{ID: id, Name: name, Usage: u, MaxUse: maxUse, Elements: elements}
}

// Qualify marks s as the use of its segment whose element holds one of values, and returns s.
func Qualify(s *SegmentSpec, element int, values ...string) *SegmentSpec {
	s.Qualifiers = []Qualifier{{Element: element, Values: values}}
	return s
}

// WithSyntax adds X12 syntax notes ("P0809"…) to s and returns it.
func WithSyntax(s *SegmentSpec, notes ...string) *SegmentSpec {
	s.Syntax = ParseSyntax(notes...)
	return s
}

// NewLoop is a loop of a guide; its first child is its trigger.
func NewLoop(id, name string, u Usage, repeat int, children ...Child) *Loop {
	return &Loop{ID: id, Name: name, Usage: u, Repeat: repeat, Children: children}
}

// Segs wraps segment uses as loop children.
func Segs(specs ...*SegmentSpec) []Child {
	out := make([]Child, len(specs))
	for i, s := range specs {
		out[i] = Seg(s)
	}
	return out
}

// PHIIf marks e as patient data when phi is set, and returns it.
func PHIIf(phi bool, e *ElementSpec) *ElementSpec {
	if phi {
		e.MarkPHI()
	}
	return e
}
