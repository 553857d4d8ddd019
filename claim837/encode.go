package claim837

import (
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/x12"
)

// Version is the implementation guide x12kit writes (GS08 and ST03).
const Version = "005010X222A1"

// Encode writes one batch as an 837P transaction set through e, which must have a group open,
// however many claims it holds: to write a large batch as Write with MaxClaimsPerSet or
// SplitByPayer does, encode each batch Encoder.Split returns. It does not run Check: Write does. Claims read from X12 (every claim with its HL) are
// written under the HL loops they were read under, with their HL01s; claims built in code are
// grouped under their billing provider and subscriber (in the order they first appear) and
// HL numbers are assigned. Patient loops are written only for claims whose patient is not
// the subscriber, HL02 and HL04 are what the loops written make them, CLM02 is the sum
// of the lines when Charge is zero, and SV105 is written only where a line's place of
// service differs from its claim's. Extra segments go back where the guide puts them.
func Encode(e *x12.EnvelopeWriter, b *Batch) error {
	enc := encoder{e: e}
	return enc.batch(b)
}

type encoder struct {
	e        *x12.EnvelopeWriter
	hl       int
	received bool // HL01s as the claims keep them (Claim.HL)

	// index gives the place of the batch's claims in the batch the caller gave (nil: the
	// same), for the paths of EnvelopeWriter.At.
	index []int
}

func (enc *encoder) s(id string, v ...string) { enc.e.WriteStrings(id, v...) }

// at says the next segment written comes from the field at path (within the claim ci of the
// batch, or within the batch for ci -1), its elements named by names (EnvelopeWriter.At).
func (enc *encoder) at(ci int, path string, names x12.FieldNames) {
	if !enc.e.Marking() {
		return
	}
	if ci >= 0 {
		if enc.index != nil {
			ci = enc.index[ci]
		}
		path = "Claims[" + strconv.Itoa(ci) + "]" + path
	}
	enc.e.At(path, names)
}

func (enc *encoder) batch(b *Batch) error {
	version := or(b.Version, Version)
	if b.NoVersion && b.Version == "" {
		version = ""
	}
	if err := enc.e.BeginSet(x12.SetHeader{ID: "837", Reference: version, Control: b.Control}); err != nil {
		return err
	}
	created := b.Created
	if created.IsZero() {
		created = enc.e.Clock() // the envelope's clock, as eligibility's encoder: not 00010101
	}
	purpose, typ := or(b.Purpose, "00"), or(b.Type, "CH")
	date, hhmm := created.Format("20060102"), x12.FormatClock(created, b.ClockDigits)
	if text, ok := b.Unparsed.Get("Created"); ok { // BHT04 and BHT05 as read: not a date and time
		date, hhmm = text, b.Unparsed.Or("ClockDigits", "")
	}
	enc.at(-1, "", bhtNames)
	enc.s("BHT", "0019", purpose, b.Reference, date, hhmm, typ)
	enc.at(-1, "Submitter", partyNames)
	enc.s("NM1", "41", "2", b.Submitter.Name, "", "", "", "", "46", b.Submitter.ID)
	enc.per(-1, "Submitter.Contact", &b.Submitter.Contact)
	enc.at(-1, "Receiver", partyNames)
	enc.s("NM1", "40", "2", b.Receiver.Name, "", "", "", "", "46", b.Receiver.ID)

	all := make([]int, len(b.Claims))
	for i := range all {
		all[i] = i
	}
	g := grouping(b.Claims)
	enc.received = g.received && g.distinctIDs(b.Claims)
	for _, bp := range g.billing(b.Claims, all) {
		provHL := enc.id(&b.Claims[bp[0]], 0)
		enc.s("HL", provHL, "", "20", "1")
		first := &b.Claims[bp[0]]
		ex := x12.NewExtraQueue(first.Extra, loop2000A, "2000A", "2010AA", "2010AB", "2010AC")
		p, ci := &first.BillingProvider, bp[0]
		if p.Taxonomy != "" {
			ex.Flush(enc.e, key2000A.prv)
			enc.at(ci, ".BillingProvider", prvNames)
			enc.s("PRV", "BI", "PXC", p.Taxonomy)
		}
		ex.Flush(enc.e, key2000A.provider)
		enc.provider(ci, ".BillingProvider", "85", p)
		if p.Address != nil {
			enc.address(ci, ".BillingProvider.Address", p.Address)
		}
		switch {
		case p.EIN != "":
			enc.at(ci, ".BillingProvider.EIN", valueNames)
			enc.s("REF", "EI", p.EIN)
		case p.SSN != "":
			enc.at(ci, ".BillingProvider.SSN", valueNames)
			enc.s("REF", "SY", p.SSN)
		}
		enc.refs(ci, ".BillingProvider.SecondaryIDs", p.SecondaryIDs)
		if p.Contact != nil {
			enc.per(ci, ".BillingProvider.Contact", p.Contact)
		}
		if first.PayTo != nil {
			ex.Flush(enc.e, key2000A.payTo)
			enc.at(ci, ".PayTo", nil)
			enc.s("NM1", "87", "2")
			enc.address(ci, ".PayTo", first.PayTo)
		}
		ex.FlushAll(enc.e)

		claims := b.Claims
		for _, sub := range g.subscriber(claims, bp) {
			subHL := enc.id(&claims[sub[0]], 1)
			own, deps := split(claims, sub)
			child := "0"
			if len(deps) > 0 {
				child = "1"
			}
			enc.s("HL", subHL, provHL, "22", child)
			c0 := &claims[sub[0]]
			sb := &c0.Subscriber
			rel := sb.Relationship
			if len(own) > 0 && rel == "" {
				rel = "18"
			}
			ex := x12.NewExtraQueue(c0.Extra, loop2000B, "2000B", "2010BA", "2010BB")
			enc.at(sub[0], ".Subscriber", sbrNames)
			enc.s("SBR", or(sb.Responsibility, "P"), rel, sb.GroupNumber, sb.GroupName, sb.InsuranceType, "", "", "", sb.FilingIndicator)
			ex.Flush(enc.e, key2000B.subscriber)
			enc.person(sub[0], ".Subscriber", "IL", &sb.Person, "MI", sb.MemberID)
			ex.Flush(enc.e, key2000B.payer)
			enc.at(sub[0], ".Payer", payerNames)
			enc.s("NM1", "PR", "2", c0.Payer.Name, "", "", "", "", or(c0.Payer.IDQualifier, "PI"), c0.Payer.ID)
			if c0.Payer.Address != nil {
				enc.address(sub[0], ".Payer.Address", c0.Payer.Address)
			}
			ex.Flush(enc.e, key2000B.claims)
			for _, ci := range own {
				enc.claim(ci, &claims[ci])
			}
			depClaims := claims
			for _, pat := range g.patient(claims, deps) {
				enc.s("HL", enc.id(&claims[pat[0]], 2), subHL, "23", "0")
				pc := &depClaims[pat[0]]
				ex := x12.NewExtraQueue(pc.Extra, loop2000C, "2000C", "2010CA")
				if pc.Patient.Relationship != "" { // else the PAT travels in Extra
					enc.at(pat[0], ".Patient", patNames)
					enc.s("PAT", pc.Patient.Relationship)
				}
				ex.Flush(enc.e, key2000C.patient)
				enc.person(pat[0], ".Patient", "QC", &pc.Patient.Person, "", "")
				ex.FlushAll(enc.e)
				for _, ci := range pat {
					enc.claim(ci, &depClaims[ci])
				}
			}
		}
	}
	return enc.e.EndSet()
}

func (enc *encoder) nextHL() string {
	enc.hl++
	return strconv.Itoa(enc.hl)
}

// id is the HL01 of the loop c opens at level (0 billing provider, 1 subscriber, 2 patient):
// as received when the batch's claims keep their hierarchy (c.HL) with HL01s that can be
// written again, else the next number.
func (enc *encoder) id(c *Claim, level int) string {
	if enc.received {
		return hlAt(c, level)
	}
	return enc.nextHL()
}

// hlAt is the HL01 c was read under at level, "" when none.
func hlAt(c *Claim, level int) string {
	if level < len(c.HL) {
		return c.HL[level]
	}
	return ""
}

// hlGrouping is how Encode puts claims under HL loops: by the loops they were read under
// (every claim has its HL), else by their parties' values.
type hlGrouping struct{ received bool }

func grouping(claims []Claim) hlGrouping {
	for i := range claims {
		if len(claims[i].HL) < 2 {
			return hlGrouping{}
		}
	}
	return hlGrouping{received: len(claims) > 0}
}

// The groups of claims under one billing provider, subscriber or patient loop. As received,
// a loop is a run of claims read under the same HL with the same party (a party is never
// merged with another, even under a repeated HL01), in their order; else claims with the
// same party share a loop, in order of first appearance.
func (g hlGrouping) billing(claims []Claim, indexes []int) [][]int {
	if g.received {
		return runs(claims, indexes, func(c *Claim) any { return [2]any{hlAt(c, 0), billingKey(c)} })
	}
	return groupBy(claims, indexes, billingKey, 0)
}

func (g hlGrouping) subscriber(claims []Claim, indexes []int) [][]int {
	if g.received {
		return runs(claims, indexes, func(c *Claim) any { return [2]any{hlAt(c, 1), subscriberKey(c)} })
	}
	return groupBy(claims, indexes, subscriberKey, len(indexes)) // a subscriber has one or a few claims
}

func (g hlGrouping) patient(claims []Claim, indexes []int) [][]int {
	if g.received {
		return runs(claims, indexes, func(c *Claim) any { return [2]any{hlAt(c, 2), patientKey(c)} })
	}
	return groupBy(claims, indexes, patientKey, 0)
}

// distinctIDs reports whether the HL01s the claims were read under can be written again: none
// empty, and every loop's its own (a file whose HL01s repeat is written with new numbers,
// its loops as received).
func (g hlGrouping) distinctIDs(claims []Claim) bool {
	all := make([]int, len(claims))
	for i := range all {
		all[i] = i
	}
	seen := map[string]bool{}
	fresh := func(c *Claim, level int) bool {
		id := hlAt(c, level)
		if id == "" || seen[id] {
			return false
		}
		seen[id] = true
		return true
	}
	for _, bp := range g.billing(claims, all) {
		if !fresh(&claims[bp[0]], 0) {
			return false
		}
		for _, sub := range g.subscriber(claims, bp) {
			if !fresh(&claims[sub[0]], 1) {
				return false
			}
			_, deps := split(claims, sub)
			for _, pat := range g.patient(claims, deps) {
				if !fresh(&claims[pat[0]], 2) {
					return false
				}
			}
		}
	}
	return true
}

// runs splits the claims at the given indexes into runs of equal keys, in order.
func runs(claims []Claim, indexes []int, key func(*Claim) any) [][]int {
	var out [][]int
	var last any
	for n, i := range indexes {
		k := key(&claims[i])
		if n == 0 || k != last {
			out = append(out, nil)
			last = k
		}
		out[len(out)-1] = append(out[len(out)-1], i)
	}
	return out
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func yn(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// groupBy groups the claims at the given indexes by key, groups in order of first appearance;
// expect is how many groups there may be (a hint).
func groupBy[K comparable](claims []Claim, indexes []int, key func(*Claim) K, expect int) [][]int {
	var out [][]int
	group := make(map[K]int, expect)
	for _, i := range indexes {
		k := key(&claims[i])
		g, ok := group[k]
		if !ok {
			g = len(out)
			group[k] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], i)
	}
	return out
}

// split separates a subscriber group into the subscriber's own claims and dependents' claims.
func split(claims []Claim, group []int) (own, deps []int) {
	for _, i := range group {
		if claims[i].Patient == nil {
			own = append(own, i)
		} else {
			deps = append(deps, i)
		}
	}
	return own, deps
}

// billingID, subscriberID and patientID are what makes two claims' billing providers,
// subscribers or patients the same one: the claims then share its HL loop.
type (
	billingID    struct{ npi, name, ein, ssn, taxonomy string }
	subscriberID struct {
		member, last, first   string
		birth                 x12.Date
		payer, responsibility string
	}
	patientID struct {
		last, first  string
		birth        x12.Date
		relationship string
	}
)

func billingKey(c *Claim) billingID {
	p := &c.BillingProvider
	return billingID{p.NPI, p.Name, p.EIN, p.SSN, p.Taxonomy}
}

func subscriberKey(c *Claim) subscriberID {
	s := &c.Subscriber
	return subscriberID{s.MemberID, s.Last, s.First, s.BirthDate, c.Payer.ID, s.Responsibility}
}

func patientKey(c *Claim) patientID {
	p := c.Patient
	return patientID{p.Last, p.First, p.BirthDate, p.Relationship}
}

func (enc *encoder) per(ci int, path string, c *x12.Contact) {
	if c == nil || c.Name == "" && len(c.Numbers) == 0 {
		return
	}
	enc.at(ci, path, perNames)
	v := []string{or(c.Function, "IC"), c.Name}
	for _, n := range c.Numbers {
		v = append(v, n.Type, n.Value)
	}
	enc.s("PER", v...)
}

func (enc *encoder) address(ci int, path string, a *x12.Address) {
	enc.at(ci, path, n3Names)
	enc.s("N3", a.Line1, a.Line2)
	enc.at(ci, path, n4Names)
	enc.s("N4", append([]string{a.City, a.State, a.ZIP, a.Country}, a.Rest...)...)
}

func (enc *encoder) refs(ci int, path string, refs []x12.Ref) {
	for k, r := range refs {
		enc.at(ci, path+"["+strconv.Itoa(k)+"]", refNames)
		enc.s("REF", r.Qualifier, r.Value, r.Description)
	}
}

func (enc *encoder) provider(ci int, path, entity string, p *Provider) {
	enc.at(ci, path, providerNames)
	typ, idq := "2", ""
	if p.Person {
		typ = "1"
	}
	if p.NPI != "" {
		idq = "XX"
	}
	enc.s("NM1", entity, typ, p.Name, p.First, p.Middle, "", p.Suffix, idq, p.NPI)
}

func (enc *encoder) person(ci int, path, entity string, p *Person, idq, id string) {
	if id == "" {
		idq = ""
	}
	enc.at(ci, path, personNames)
	enc.s("NM1", entity, "1", p.Last, p.First, p.Middle, "", p.Suffix, idq, id)
	if p.Address != nil {
		enc.address(ci, path+".Address", p.Address)
	}
	if !p.BirthDate.IsZero() || p.Gender != "" {
		enc.at(ci, path, dmgNames)
		enc.s("DMG", "D8", p.BirthDate.X12(), p.Gender)
	}
}

// claimCharge is CLM02: Charge, or the sum of the lines when Charge is zero.
func claimCharge(c *Claim) x12.Amount {
	if c.Charge != 0 {
		return c.Charge
	}
	var sum x12.Amount
	for i := range c.Lines {
		sum += c.Lines[i].Charge
	}
	return sum
}

func (enc *encoder) claim(ci int, c *Claim) {
	ex := x12.NewExtraQueue(c.Extra, loop2300, claimLoops...)
	ex.Flush(enc.e, key2300.clm)
	if c.PatientControlNumber != "" {
		enc.at(ci, "", clmNames) // else the CLM travels in Extra (elements the model lacks)
		enc.e.Write("CLM", x12.E(c.PatientControlNumber), x12.E(c.Unparsed.Or("Charge", claimCharge(c).X12())), x12.E(""), x12.E(""),
			x12.C(c.PlaceOfService, "B", or(c.Frequency, "1")), x12.E(yn(c.ProviderSignature)),
			x12.E(or(c.Assignment, "A")), x12.E(or(c.BenefitsAssigned, "Y")), x12.E(or(c.ReleaseOfInformation, "Y")),
			x12.E(c.PatientSignature))
	}
	if !c.OnsetDate.IsZero() {
		ex.Flush(enc.e, key2300.onset)
		enc.at(ci, ".OnsetDate", dateNames)
		enc.s("DTP", "431", "D8", c.OnsetDate.X12())
	}
	for _, r := range []struct {
		key       int
		qualifier string
		value     string
		field     string
	}{{key2300.refF8, "F8", c.OriginalReference, ".OriginalReference"}, {key2300.ref9F, "9F", c.Referral, ".Referral"},
		{key2300.refG1, "G1", c.PriorAuthorization, ".PriorAuthorization"}} {
		if r.value != "" {
			ex.Flush(enc.e, r.key)
			enc.at(ci, r.field, valueNames)
			enc.s("REF", r.qualifier, r.value)
		}
	}
	if len(c.Notes) > 0 {
		ex.Flush(enc.e, key2300.nte)
		for k, n := range c.Notes {
			enc.at(ci, ".Notes["+strconv.Itoa(k)+"]", nteNames)
			enc.s("NTE", n.Type, n.Text)
		}
	}
	if len(c.Diagnoses) > 0 {
		ex.Flush(enc.e, key2300.hi)
		hi := make([]x12.Element, len(c.Diagnoses))
		for i, d := range c.Diagnoses {
			hi[i] = x12.C(d.Qualifier, d.Code)
		}
		enc.at(ci, "", hiNames)
		enc.e.Write("HI", hi...)
	}
	for _, p := range []struct {
		key    int
		entity string
		prov   *Provider
		field  string
	}{{key2300.referring, "DN", c.Referring, ".Referring"}, {key2300.rendering, "82", c.Rendering, ".Rendering"}} {
		if p.prov == nil {
			continue
		}
		ex.Flush(enc.e, p.key)
		enc.provider(ci, p.field, p.entity, p.prov)
		if p.prov.Taxonomy != "" {
			enc.at(ci, p.field, prvNames)
			enc.s("PRV", "PE", "PXC", p.prov.Taxonomy)
		}
		enc.refs(ci, p.field+".SecondaryIDs", p.prov.SecondaryIDs)
	}
	if f := c.ServiceFacility; f != nil {
		ex.Flush(enc.e, key2300.facility)
		idq := ""
		if f.NPI != "" {
			idq = "XX"
		}
		enc.at(ci, ".ServiceFacility", providerNames)
		enc.s("NM1", "77", "2", f.Name, "", "", "", "", idq, f.NPI)
		enc.address(ci, ".ServiceFacility.Address", &f.Address)
	}
	if p := c.Supervising; p != nil {
		ex.Flush(enc.e, key2300.supervising)
		enc.provider(ci, ".Supervising", "DQ", p)
		enc.refs(ci, ".Supervising.SecondaryIDs", p.SecondaryIDs)
	}
	for i := range c.Lines {
		ex.Flush(enc.e, key2300.lines)
		enc.line(ci, c, i)
	}
	ex.FlushAll(enc.e)
}

func (enc *encoder) line(ci int, c *Claim, i int) {
	l := &c.Lines[i]
	ex := x12.NewExtraQueue(l.Extra, loop2400, lineLoops...)
	path := ".Lines[" + strconv.Itoa(i) + "]"
	enc.at(ci, path, nil)
	enc.s("LX", strconv.Itoa(i+1))
	proc := append([]string{or(l.Qualifier, "HC"), l.Procedure}, l.Modifiers...)
	pos := ""
	if l.PlaceOfService != c.PlaceOfService || l.RepeatPOS {
		pos = l.PlaceOfService
	}
	ptrs := make([]string, len(l.DiagnosisPointers))
	for k, p := range l.DiagnosisPointers {
		ptrs[k] = strconv.Itoa(p)
	}
	if t, ok := l.Unparsed.Get("DiagnosisPointers"); ok {
		ptrs = strings.Split(t, ":")
	}
	ex.Flush(enc.e, key2400.sv1)
	if l.Procedure != "" { // else the SV1 travels in Extra (elements the model lacks)
		enc.at(ci, path, sv1Names)
		enc.e.Write("SV1", x12.C(proc...), x12.E(l.Unparsed.Or("Charge", l.Charge.X12())), x12.E(or(l.Unit, "UN")), x12.E(or(l.Quantity, "1")),
			x12.E(pos), x12.E(""), x12.C(ptrs...))
	}
	ex.Flush(enc.e, key2400.dtp472)
	switch {
	case l.ServiceDate.IsZero():
	case l.ServiceDateEnd.IsZero():
		enc.at(ci, path+".ServiceDate", dateNames)
		enc.s("DTP", "472", "D8", l.ServiceDate.X12())
	default:
		enc.at(ci, path+".ServiceDate", dateNames)
		enc.s("DTP", "472", "RD8", l.ServiceDate.X12()+"-"+l.ServiceDateEnd.X12())
	}
	if l.ControlNumber != "" {
		ex.Flush(enc.e, key2400.ref6R)
		enc.at(ci, path+".ControlNumber", valueNames)
		enc.s("REF", "6R", l.ControlNumber)
	}
	if d := l.Drug; d != nil {
		ex.Flush(enc.e, key2400.drug)
		enc.at(ci, path+".Drug", linNames)
		enc.s("LIN", "", "N4", d.NDC)
		enc.at(ci, path+".Drug", ctpNames)
		enc.e.Write("CTP", x12.E(""), x12.E(""), x12.E(""), x12.E(d.Quantity), x12.C(d.Unit))
	}
	ex.FlushAll(enc.e)
}
