package eligibility

import (
	"slices"
	"strings"

	"github.com/x12kit/x12kit/x12"
)

// Query is what the front desk asks of a 271 answer: a service type (EB03 / X12 service type
// code; "" means 30, health benefit plan coverage), the date of the visit (zero: any date)
// and whether the provider is in the plan's network.
type Query struct {
	ServiceType  string
	Date         x12.Date
	OutOfNetwork bool // the provider is out of network (default: in network)
}

// Telehealth is what an answer says about telehealth for the service type asked.
type Telehealth string

// What an answer can say about telehealth. Unknown is never a guess: it means no benefit of
// the answer names a telehealth place of service.
const (
	TelehealthCovered    Telehealth = "covered"
	TelehealthNotCovered Telehealth = "not_covered"
	TelehealthUnknown    Telehealth = "unknown"
)

// Coverage is the answer to a Query, each figure with the benefit it came from.
//
// The amounts come in two kinds, never mixed. Copay and Coinsurance are the general ones:
// from a benefit (EB01 B or A) whose III (loop 2115C/D) names no telehealth place of
// service (no III*ZZ*02 or III*ZZ*10), whether it names no place at all or an in-person one
// such as 11 (office). TelehealthCopay and TelehealthCoinsurance are the ones the 271 ties to place of
// service 02 (telehealth other than the patient's home) or 10 (telehealth in the patient's
// home). A 271 whose only copay for the service type is tied to 02 or 10 answers with Copay
// nil and TelehealthCopay set: the in-person visit's cost is then not said, and is not
// guessed from the telehealth one. Each is the first such benefit's, benefits naming the
// service type itself before those for every service (EB03 30 or none), then in the 271's
// order.
type Coverage struct {
	Trace                 string      `json:"trace"`                             // the inquiry's TRN02 the payer echoed (TRN01 = 2)
	Active                bool        `json:"active"`                            // an active-coverage benefit (EB01 1–5) applies and no inactive one does
	Telehealth            Telehealth  `json:"telehealth"`                        // covered, not_covered or unknown
	TelehealthEvidence    string      `json:"telehealth_evidence"`               // the benefit it was based on (EB codes and its III); "" when unknown
	Copay                 *x12.Amount `json:"copay"`                             // EB01 B naming no place of service 02 or 10
	TelehealthCopay       *x12.Amount `json:"telehealth_copay,omitempty"`        // EB01 B naming place of service 02 or 10
	Coinsurance           *string     `json:"coinsurance"`                       // EB01 A naming no place of service 02 or 10: EB08 as a decimal fraction ("0.2" is 20 %)
	TelehealthCoinsurance *string     `json:"telehealth_coinsurance,omitempty"`  // EB01 A naming place of service 02 or 10, as Coinsurance
	Deductible            *x12.Amount `json:"deductible,omitempty"`              // EB01 C for the period (EB06 other than 29)
	DeductibleRemaining   *x12.Amount `json:"deductible_remaining"`              // EB01 C with EB06 29 (remaining)
	OutOfPocketRemaining  *x12.Amount `json:"out_of_pocket_remaining,omitempty"` // EB01 G with EB06 29
	AuthorizationRequired *bool       `json:"authorization_required"`            // EB11 Y/N; null when not said
	Errors                []string    `json:"errors"`                            // AAA03 reject reasons, at every level
}

// active and inactive EB01 codes.
var (
	activeInfo   = []string{"1", "2", "3", "4", "5"}
	inactiveInfo = []string{"6", "7", "8"}
)

// telehealthPlaces are the place-of-service codes of telehealth (III*ZZ).
var telehealthPlaces = []string{"02", "10"}

// Ask answers q from the answer's benefits and rejections.
func (a *Answer) Ask(q Query) Coverage {
	st := q.ServiceType
	if st == "" {
		st = "30"
	}
	c := Coverage{Telehealth: TelehealthUnknown, Errors: []string{}}
	p := a.Patient()
	for _, t := range tracesOf(p, &a.Subscriber) {
		if t.Type == "2" {
			c.Trace = t.Number
			break
		}
	}
	for _, list := range [][]Reject{a.Source.Errors, a.Receiver.Errors, a.Subscriber.Errors, p.Errors} {
		for _, r := range list {
			c.Errors = appendNew(c.Errors, r.Reason)
		}
	}
	if p != &a.Subscriber {
		for _, r := range a.Subscriber.Errors {
			c.Errors = appendNew(c.Errors, r.Reason)
		}
	}
	var applicable []*Benefit
	for i := range a.Benefits {
		b := &a.Benefits[i]
		for _, r := range b.Errors {
			c.Errors = appendNew(c.Errors, r.Reason)
		}
		if b.applies(st, q) {
			applicable = append(applicable, b)
		}
	}
	// Exact service-type matches outrank benefits for every service (EB03 empty or 30).
	slices.SortStableFunc(applicable, func(x, y *Benefit) int { return rank(y, st) - rank(x, st) })

	anyActive, anyInactive := false, false
	for _, b := range applicable {
		switch {
		case slices.Contains(activeInfo, b.Info):
			anyActive = true
		case slices.Contains(inactiveInfo, b.Info):
			anyInactive = true
		}
		tele := b.telehealth()
		switch b.Info {
		case "B":
			if b.Amount != nil {
				if tele {
					c.TelehealthCopay = first(c.TelehealthCopay, b.Amount)
				} else {
					c.Copay = first(c.Copay, b.Amount)
				}
			}
		case "A":
			if v, ok := Fraction(b.Percent); ok {
				if tele {
					if c.TelehealthCoinsurance == nil {
						c.TelehealthCoinsurance = &v
					}
				} else if c.Coinsurance == nil {
					c.Coinsurance = &v
				}
			}
		case "C":
			if b.Amount != nil {
				if b.Period == "29" {
					c.DeductibleRemaining = first(c.DeductibleRemaining, b.Amount)
				} else {
					c.Deductible = first(c.Deductible, b.Amount)
				}
			}
		case "G":
			if b.Amount != nil && b.Period == "29" {
				c.OutOfPocketRemaining = first(c.OutOfPocketRemaining, b.Amount)
			}
		}
		if c.AuthorizationRequired == nil && (b.Authorization == "Y" || b.Authorization == "N") {
			v := b.Authorization == "Y"
			c.AuthorizationRequired = &v
		}
		if tele && c.Telehealth == TelehealthUnknown {
			if b.Info == "I" || slices.Contains(inactiveInfo, b.Info) {
				c.Telehealth = TelehealthNotCovered
			} else {
				c.Telehealth = TelehealthCovered
			}
			c.TelehealthEvidence = b.evidence()
		}
	}
	c.Active = anyActive && !(anyInactive && !exactActive(applicable, st)) && len(applicable) > 0
	if c.Active && !q.Date.IsZero() && !(inForce(a.Subscriber.Dates, q.Date) && inForce(p.Dates, q.Date)) {
		// The member's plan or eligibility dates (DTP 346/347, 356/357, 291, 307…) end
		// before or begin after the visit.
		c.Active = false
	}
	if c.Telehealth == TelehealthCovered && !c.Active {
		// A telehealth benefit under inactive coverage is no coverage.
		c.Telehealth = TelehealthNotCovered
		c.TelehealthEvidence += "; coverage is not active"
	}
	return c
}

// exactActive reports whether an active benefit names the service type itself.
func exactActive(list []*Benefit, st string) bool {
	for _, b := range list {
		if slices.Contains(activeInfo, b.Info) && slices.Contains(b.ServiceTypes, st) {
			return true
		}
	}
	return false
}

// Fraction reads a percent written as a fraction, as EB08 is (".2" for 20 %: digits with at
// most one decimal point), and gives it with a leading digit ("0.2"); ok is false for text
// that is not such a number.
func Fraction(s string) (string, bool) {
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return "", false
		}
	}
	if digits == 0 {
		return "", false
	}
	if s[0] == '.' {
		s = "0" + s
	}
	return s, true
}

func first(have, v *x12.Amount) *x12.Amount {
	if have != nil {
		return have
	}
	a := *v
	return &a
}

func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// rank orders benefits for a service type: 2 names it, 1 is for every service.
func rank(b *Benefit, st string) int {
	if slices.Contains(b.ServiceTypes, st) {
		return 2
	}
	return 1
}

// applies reports whether the benefit speaks to the service type, date and network asked.
func (b *Benefit) applies(st string, q Query) bool {
	if len(b.ServiceTypes) > 0 && !slices.Contains(b.ServiceTypes, st) && !slices.Contains(b.ServiceTypes, "30") {
		return false
	}
	switch b.InNetwork {
	case "Y":
		if q.OutOfNetwork {
			return false
		}
	case "N":
		if !q.OutOfNetwork {
			return false
		}
	}
	return q.Date.IsZero() || inForce(b.Dates, q.Date)
}

// Date qualifiers (DTP01) that bound coverage: a range, or a single date that begins it, or
// one that ends it. Other qualifiers (service, admission, last update…) say nothing about
// whether coverage is in force.
var (
	beginDates = []string{"291", "292", "307", "346", "356", "539"} // plan, benefit, eligibility, plan begin, eligibility begin, policy effective
	endDates   = []string{"347", "357", "540"}                      // plan end, eligibility end, policy expiration
)

// inForce reports whether day falls within every coverage bound among dates.
func inForce(dates []DateRange, day x12.Date) bool {
	for _, d := range dates {
		switch {
		case slices.Contains(beginDates, d.Qualifier):
			if !d.covers(day) {
				return false
			}
		case slices.Contains(endDates, d.Qualifier):
			end := d.From
			if !d.To.IsZero() {
				end = d.To
			}
			if end.Before(day) {
				return false
			}
		}
	}
	return true
}

// covers reports whether the date falls in the range; a single date (D8) counts as the
// beginning of an open range.
func (d DateRange) covers(day x12.Date) bool {
	if day.Before(d.From) {
		return false
	}
	return d.To.IsZero() || !d.To.Before(day)
}

// telehealth reports whether the benefit names a telehealth place of service.
func (b *Benefit) telehealth() bool {
	for _, p := range b.Places {
		if p.Qualifier == "ZZ" && slices.Contains(telehealthPlaces, p.Code) {
			return true
		}
	}
	return false
}

// evidence describes the benefit by its codes (never patient data).
func (b *Benefit) evidence() string {
	var places []string
	for _, p := range b.Places {
		places = append(places, p.Qualifier+"*"+p.Code)
	}
	return "EB01 " + b.Info + ", EB03 " + strings.Join(b.ServiceTypes, "^") + " with III " + strings.Join(places, ", ")
}
