package remit835

import (
	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/guide"
)

// Segment builders: each returns a fresh SegmentSpec for one use of a segment, so the guide
// states each shape once and its loops differ only in qualifiers, usages and code lists.

const (
	req    = x12.Required
	sit    = x12.Situational
	unused = x12.NotUsed
)

// The x12 guide builders, under the short names this guide reads best with.
var (
	seg         = guide.NewSegmentSpec
	noted       = guide.WithSyntax
	nu          = guide.ElNotUsed
	nuComposite = guide.ElNotUsedComposite
)

// qualified marks a segment use as the one whose first element holds one of values.
func qualified(s *x12.SegmentSpec, values ...string) *x12.SegmentSpec {
	s.Qualifiers = []x12.Qualifier{{Element: 1, Values: values}}
	return s
}

// loop is a loop of the guide; its first child is its trigger.
func loop(id, name string, u x12.Usage, repeat int, children ...*x12.SegmentSpec) *x12.Loop {
	l := &x12.Loop{ID: id, Name: name, Usage: u, Repeat: repeat}
	for _, s := range children {
		l.Children = append(l.Children, x12.Seg(s))
	}
	return l
}

// withPHI marks the elements at the given positions (1-based) as patient data when phi is
// set.
func withPHI(s *x12.SegmentSpec, phi bool, positions ...int) *x12.SegmentSpec {
	if phi {
		for _, n := range positions {
			s.Elements[n-1].MarkPHI()
		}
	}
	return s
}

// count is a quantity (element 380).
func count(name string, u x12.Usage) *x12.ElementSpec {
	return guide.ElR(380, name, u, 1, 15)
}

// remark is a claim payment remark code (RARC, code source 411).
func remark(u x12.Usage) *x12.ElementSpec {
	return guide.ElAN(127, "Claim Payment Remark Code", u, 1, 50).WithCodeSet("rarc")
}

// ref is a REF use told apart by REF01; phi says REF02 identifies the patient.
func ref(name string, maxUse int, phi bool, quals ...string) *x12.SegmentSpec {
	return guide.REFSpec(name, sit, maxUse, phi, unused, quals...)
}

// dtm is a DTM use told apart by DTM01: a single CCYYMMDD date; phi for dates of service.
func dtm(name string, maxUse int, phi bool, quals ...string) *x12.SegmentSpec {
	return withPHI(noted(qualified(seg("DTM", name, sit, maxUse,
		guide.ElID(374, "Date Time Qualifier", req, 3, 3, quals...),
		guide.ElDT(373, "Date", req, 8, 8),
		nu(337, "Time"),
		nu(623, "Time Code"),
		nu(1250, "Date Time Period Format Qualifier"),
		nu(1251, "Date Time Period")), quals...), "R020305", "C0403", "P0506"), phi, 2)
}

// amt is a supplemental amount told apart by AMT01.
func amt(name string, maxUse int, quals ...string) *x12.SegmentSpec {
	return guide.AMTSpec(name, sit, maxUse, quals...)
}

// qty is a supplemental quantity told apart by QTY01.
func qty(name string, maxUse int, quals ...string) *x12.SegmentSpec {
	return guide.QTYSpec(name, sit, maxUse, quals...)
}

// casNotes are CAS's syntax notes: each later reason/amount/quantity triple needs its reason
// and amount together.
var casNotes = []string{
	"L050607", "C0605", "C0705", "L080910", "C0908", "C1008", "L111213", "C1211", "C1311",
	"L141516", "C1514", "C1614", "L171819", "C1817", "C1917",
}

// cas is a claim or service adjustment: one group code (CAS01) and up to six reason (CARC),
// amount, quantity triples.
func cas(name string) *x12.SegmentSpec {
	s := seg("CAS", name, sit, 99, guide.ElID(1033, "Claim Adjustment Group Code", req, 1, 2).WithCodeSet("cas-group"))
	s.Elements = append(s.Elements, groups(6, func(u x12.Usage) []*x12.ElementSpec {
		return []*x12.ElementSpec{
			guide.ElID(1034, "Adjustment Reason Code", u, 1, 5).WithCodeSet("carc"),
			guide.ElAmount("Adjustment Amount", u),
			count("Adjustment Quantity", sit),
		}
	})...)
	return noted(s, casNotes...)
}

// groups repeats a group of elements n times: the first group required, the others
// situational (CAS's reason triples, PLB's adjustment pairs).
func groups(n int, group func(u x12.Usage) []*x12.ElementSpec) []*x12.ElementSpec {
	var out []*x12.ElementSpec
	for i := range n {
		u := sit
		if i == 0 {
			u = req
		}
		out = append(out, group(u)...)
	}
	return out
}

// contact is a PER use told apart by PER01. numbers lists the codes each communication
// number pair (PER03/04, 05/06, 07/08) accepts; pairs beyond the list are not used, and a
// contact with a single pair carries no name. first is the first pair's usage.
func contact(name string, u x12.Usage, maxUse int, function string, first x12.Usage, numbers ...[]string) *x12.SegmentSpec {
	c := guide.Contact{Functions: []string{function}, Name: sit}
	if len(numbers) < 2 {
		c.Name = unused
	}
	for i, codes := range numbers {
		c.Numbers[i] = guide.Numbers{Usage: sit, Codes: codes}
	}
	if len(numbers) > 0 {
		c.Numbers[0].Usage = first
	}
	return qualified(guide.PERSpec(name, u, maxUse, c), function)
}

// place is a payer's or payee's address: N3 and N4, which a loop lists after its N1.
func place(who string, u x12.Usage) []*x12.SegmentSpec {
	return []*x12.SegmentSpec{guide.N3Spec(who+" Address", u, false), guide.N4Spec(who+" City, State, ZIP Code", u, false)}
}

// n1 names the payer (PR) or the payee (PE); idUsage is N103/N104's usage.
func n1(name, entity string, idUsage x12.Usage, ids ...string) *x12.SegmentSpec {
	return noted(qualified(seg("N1", name, req, 1,
		guide.ElID(98, "Entity Identifier Code", req, 2, 3, entity),
		guide.ElAN(93, "Name", req, 1, 60),
		guide.ElID(66, "Identification Code Qualifier", idUsage, 1, 2, ids...),
		guide.ElAN(67, "Identification Code", idUsage, 2, 80),
		nu(706, "Entity Relationship Code"),
		nu(98, "Entity Identifier Code")), entity), "R0203", "P0304")
}

// party is one NM1 use of the claim loop (2100): its name and usage, and what it names.
type party struct {
	name  string
	usage x12.Usage
	guide.Party
}

// nm1 is the NM1 use for a party.
func (p party) nm1() *x12.SegmentSpec { return guide.NM1Spec(p.name, p.usage, p.Party) }
