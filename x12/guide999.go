package x12

// Guide999 is the 999 implementation acknowledgment (005010X231A1) in the schema model: the
// first guide written as data, so a 999 that x12kit writes is checked by the same engine.

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
	ref := &ElementSpec{Ref: 1705, Name: "Implementation Convention Reference", Usage: refUsage, Type: TypeID, Min: 1, Max: 35, Codes: references}
	if len(references) == 0 {
		ref = &ElementSpec{Ref: 1705, Name: "Implementation Convention Reference", Usage: refUsage, Type: TypeAN, Min: 1, Max: 35}
	}
	return &SegmentSpec{ID: "ST", Name: "Transaction Set Header", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
		{Ref: 143, Name: "Transaction Set Identifier Code", Usage: Required, Type: TypeID, Min: 3, Max: 3, Codes: []string{st01}},
		{Ref: 329, Name: "Transaction Set Control Number", Usage: Required, Type: TypeAN, Min: 4, Max: 9},
		ref,
	}}
}

// SESpec is the SE every guide ends with.
func SESpec() *SegmentSpec {
	return &SegmentSpec{ID: "SE", Name: "Transaction Set Trailer", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
		{Ref: 96, Name: "Number of Included Segments", Usage: Required, Type: TypeN0, Min: 1, Max: 10},
		{Ref: 329, Name: "Transaction Set Control Number", Usage: Required, Type: TypeAN, Min: 4, Max: 9},
	}}
}

// ctxContext is the CTX shape shared by the segment and element contexts of the 999.
func ctxContext(name string, maxUse int) *SegmentSpec {
	return &SegmentSpec{ID: "CTX", Name: name, Usage: Situational, MaxUse: maxUse,
		Qualifiers: []Qualifier{{Element: 1, Component: 1, Values: []string{"SITUATIONAL TRIGGER"}}},
		Elements: []*ElementSpec{
			{Name: "Context Identification", Usage: Required, Repeat: 10, Components: []*ElementSpec{
				{Ref: 9999, Name: "Context Name", Usage: Required, Type: TypeID, Min: 1, Max: 35, Codes: []string{"SITUATIONAL TRIGGER"}},
				{Ref: 9998, Name: "Context Reference", Usage: Situational, Type: TypeAN, Min: 1, Max: 35},
			}},
			{Ref: 721, Name: "Segment ID Code", Usage: Required, Type: TypeID, Min: 2, Max: 3},
			{Ref: 719, Name: "Segment Position in Transaction Set", Usage: Required, Type: TypeN0, Min: 1, Max: 10},
			{Ref: 447, Name: "Loop Identifier Code", Usage: Situational, Type: TypeAN, Min: 1, Max: 4},
			{Ref: 0, Name: "Position in Segment", Usage: Situational, Components: []*ElementSpec{{Ref: 722, Name: "Element Position in Segment", Usage: Required, Type: TypeN0, Min: 1, Max: 2},
				{Ref: 1528, Name: "Component Data Element Position in Composite", Usage: Situational, Type: TypeN0, Min: 1, Max: 2},
				{Ref: 1686, Name: "Repeating Data Element Position", Usage: Situational, Type: TypeN0, Min: 1, Max: 4}}},
			{Ref: 0, Name: "Reference in Segment", Usage: Situational, Components: []*ElementSpec{{Ref: 725, Name: "Data Element Reference Number", Usage: Required, Type: TypeN0, Min: 1, Max: 4},
				{Ref: 725, Name: "Data Element Reference Number", Usage: Situational, Type: TypeN0, Min: 1, Max: 4}}},
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
			{Ref: 479, Name: "Functional Identifier Code", Usage: Required, Type: TypeID, Min: 2, Max: 2},
			{Ref: 28, Name: "Group Control Number", Usage: Required, Type: TypeN0, Min: 1, Max: 9},
			{Ref: 480, Name: "Version / Release / Industry Identifier Code", Usage: Required, Type: TypeAN, Min: 1, Max: 12},
		}}),
		Sub(&Loop{ID: "2000", Name: "Transaction Set Response Header", Usage: Situational, Children: []Child{
			Seg(&SegmentSpec{ID: "AK2", Name: "Transaction Set Response Header", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
				{Ref: 143, Name: "Transaction Set Identifier Code", Usage: Required, Type: TypeID, Min: 3, Max: 3},
				{Ref: 329, Name: "Transaction Set Control Number", Usage: Required, Type: TypeAN, Min: 4, Max: 9},
				{Ref: 1705, Name: "Implementation Convention Reference", Usage: Situational, Type: TypeAN, Min: 1, Max: 35},
			}}),
			Sub(&Loop{ID: "2100", Name: "Error Identification", Usage: Situational, Children: []Child{
				Seg(&SegmentSpec{ID: "IK3", Name: "Error Identification", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
					{Ref: 721, Name: "Segment ID Code", Usage: Required, Type: TypeID, Min: 2, Max: 3},
					{Ref: 719, Name: "Segment Position in Transaction Set", Usage: Required, Type: TypeN0, Min: 1, Max: 10},
					{Ref: 447, Name: "Loop Identifier Code", Usage: Situational, Type: TypeAN, Min: 1, Max: 4},
					{Ref: 620, Name: "Implementation Segment Syntax Error Code", Usage: Required, Type: TypeID, Min: 1, Max: 3, Codes: ik304Codes},
				}}),
				Seg(ctxContext("Segment Context", 9)),
				Seg(&SegmentSpec{ID: "CTX", Name: "Business Unit Identifier", Usage: Situational, MaxUse: 1,
					Qualifiers: []Qualifier{{Element: 1, Component: 1, Values: businessUnitNames}},
					Elements: []*ElementSpec{
						{Ref: 0, Name: "Context Identification", Usage: Required, Components: []*ElementSpec{{Ref: 9999, Name: "Context Name", Usage: Required, Type: TypeID, Min: 1, Max: 35, Codes: businessUnitNames},
							{Ref: 9998, Name: "Context Reference", Usage: Required, Type: TypeAN, Min: 1, Max: 35, PHI: true}}},
					}}),
				Sub(&Loop{ID: "2110", Name: "Implementation Data Element Note", Usage: Situational, Children: []Child{
					Seg(&SegmentSpec{ID: "IK4", Name: "Implementation Data Element Note", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
						{Ref: 0, Name: "Position in Segment", Usage: Required, Components: []*ElementSpec{{Ref: 722, Name: "Element Position in Segment", Usage: Required, Type: TypeN0, Min: 1, Max: 2},
							{Ref: 1528, Name: "Component Data Element Position in Composite", Usage: Situational, Type: TypeN0, Min: 1, Max: 2},
							{Ref: 1686, Name: "Repeating Data Element Position", Usage: Situational, Type: TypeN0, Min: 1, Max: 4}}},
						{Ref: 725, Name: "Data Element Reference Number", Usage: Situational, Type: TypeN0, Min: 1, Max: 4},
						{Ref: 621, Name: "Implementation Data Element Syntax Error Code", Usage: Required, Type: TypeID, Min: 1, Max: 3, Codes: ik403Codes},
						{Ref: 724, Name: "Copy of Bad Data Element", Usage: Situational, Type: TypeAN, Min: 1, Max: 99, PHI: true},
					}}),
					Seg(ctxContext("Element Context", 10)),
				}}),
			}}),
			Seg(&SegmentSpec{ID: "IK5", Name: "Transaction Set Response Trailer", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
				{Ref: 717, Name: "Transaction Set Acknowledgment Code", Usage: Required, Type: TypeID, Min: 1, Max: 1, Codes: []string{"A", "E", "M", "R", "W", "X"}},
				{Ref: 618, Name: "Implementation Transaction Set Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ik502Codes},
				{Ref: 618, Name: "Implementation Transaction Set Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ik502Codes},
				{Ref: 618, Name: "Implementation Transaction Set Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ik502Codes},
				{Ref: 618, Name: "Implementation Transaction Set Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ik502Codes},
				{Ref: 618, Name: "Implementation Transaction Set Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ik502Codes},
			}}),
		}}),
		Seg(&SegmentSpec{ID: "AK9", Name: "Functional Group Response Trailer", Usage: Required, MaxUse: 1, Elements: []*ElementSpec{
			{Ref: 715, Name: "Functional Group Acknowledge Code", Usage: Required, Type: TypeID, Min: 1, Max: 1, Codes: []string{"A", "E", "M", "P", "R", "W", "X"}},
			{Ref: 97, Name: "Number of Transaction Sets Included", Usage: Required, Type: TypeN0, Min: 1, Max: 6},
			{Ref: 123, Name: "Number of Received Transaction Sets", Usage: Required, Type: TypeN0, Min: 1, Max: 6},
			{Ref: 2, Name: "Number of Accepted Transaction Sets", Usage: Required, Type: TypeN0, Min: 1, Max: 6},
			{Ref: 716, Name: "Functional Group Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ak905Codes},
			{Ref: 716, Name: "Functional Group Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ak905Codes},
			{Ref: 716, Name: "Functional Group Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ak905Codes},
			{Ref: 716, Name: "Functional Group Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ak905Codes},
			{Ref: 716, Name: "Functional Group Syntax Error Code", Usage: Situational, Type: TypeID, Min: 1, Max: 3, Codes: ak905Codes},
		}}),
		Seg(SESpec()),
	}},
}
