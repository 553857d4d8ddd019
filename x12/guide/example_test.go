package guide_test

import (
	"fmt"

	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// HLSpec, N3Spec and N4Spec are segment uses every 5010 guide shapes the same way.
func ExampleHLSpec() {
	// The subscriber level of a guide: an HL told apart by HL03 = 22, then the N3/N4 every
	// 5010 guide shapes the same way (patient data here).
	sub := guide.NewLoop("2000B", "Subscriber Hierarchical Level", x12.Required, 0,
		guide.Segs(guide.HLSpec("Subscriber Hierarchical Level", "22", x12.Situational, "0", "1"),
			guide.N3Spec("Subscriber Address", x12.Situational, true),
			guide.N4Spec("Subscriber City, State, ZIP Code", x12.Situational, true))...)
	hl := sub.Trigger()
	fmt.Println(hl.ID, hl.Qualifiers[0].Element, hl.Qualifiers[0].Values, sub.Children[1].Segment.PHI(1))
	// Output: HL 3 [22] true
}

// NM1Spec describes one use of NM1 from what the guide says of the party it names.
func ExampleNM1Spec() {
	patient := guide.NM1Spec("Patient Name", x12.Required, guide.Party{
		Entities: []string{"QC"}, Types: []string{"1"}, Last: x12.Required, Given: x12.Situational, PHI: true,
	})
	fmt.Println(patient.Qualifiers[0].Values, patient.PHI(3), patient.PHI(1))
	fmt.Println(patient.Elements[7].Usage, patient.Elements[8].Usage) // no IDs listed: NM108/NM109 not used
	// Output:
	// [QC] true false
	// N N
}

// REFSpec, DTPSpec, AMTSpec, QTYSpec and PERSpec are the qualified segment uses every
// transaction guide repeats, once.
func ExampleREFSpec() {
	prior := guide.REFSpec("Prior Authorization", x12.Situational, 1, false, x12.NotUsed, "G1")
	fmt.Println(prior.ID, prior.Qualifiers[0].Values, prior.Elements[2].Usage, len(prior.Syntax))
	contact := guide.PERSpec("Billing Provider Contact Information", x12.Situational, 2, guide.Contact{
		Functions: []string{"IC"}, Name: x12.Situational,
		Numbers: [3]guide.Numbers{{Usage: x12.Required, Codes: []string{"EM", "FX", "TE"}}, {Usage: x12.Situational, Codes: []string{"EX"}}},
	})
	fmt.Println(contact.ID, contact.Elements[2].Usage, contact.Elements[6].Usage) // the third pair is not used
	// Output:
	// REF [G1] N 1
	// PER R N
}
