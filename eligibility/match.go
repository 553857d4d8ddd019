package eligibility

import "github.com/x12kit/x12kit/x12"

// Pair is a 271 answer matched to the 270 inquiry it answers.
type Pair struct {
	Inquiry int // index in the inquiries given to Match
	Answer  int // index in the answers given to Match
}

// tracesOf returns the patient's traces, or the subscriber's when the patient level has none
// (a 270 may trace a dependent's inquiry at the subscriber's HL, and a payer may answer a
// dependent with their own member id at the subscriber's level).
func tracesOf(patient, subscriber *Member) []x12.Trace {
	if len(patient.Traces) > 0 {
		return patient.Traces
	}
	return subscriber.Traces
}

// Matches pairs answers with inquiries by trace: an answer's TRN with TRN01 = 2 echoes an
// inquiry's TRN01 = 1 trace number (TRN02) and company (TRN03). Unmatched lists the answers
// that echo no inquiry (or echo none at all); Unanswered the inquiries no answer echoes.
type Matches struct {
	Pairs      []Pair
	Unmatched  []int // answer indexes
	Unanswered []int // inquiry indexes
}

type traceKey struct{ number, company string }

// Match pairs answers with inquiries by their traces, in time linear in their number.
func Match(inquiries []Inquiry, answers []Answer) Matches {
	byTrace := make(map[traceKey]int, len(inquiries))
	for i := range inquiries {
		for _, t := range tracesOf(inquiries[i].Patient(), &inquiries[i].Subscriber) {
			if t.Type == "1" {
				k := traceKey{t.Number, t.Originator}
				if _, dup := byTrace[k]; !dup {
					byTrace[k] = i
				}
			}
		}
	}
	var m Matches
	answered := make([]bool, len(inquiries))
	for j := range answers {
		found := -1
		for _, t := range tracesOf(answers[j].Patient(), &answers[j].Subscriber) {
			if t.Type != "2" {
				continue
			}
			if i, ok := byTrace[traceKey{t.Number, t.Originator}]; ok {
				found = i
				break
			}
		}
		if found < 0 {
			m.Unmatched = append(m.Unmatched, j)
			continue
		}
		answered[found] = true
		m.Pairs = append(m.Pairs, Pair{Inquiry: found, Answer: j})
	}
	for i, ok := range answered {
		if !ok {
			m.Unanswered = append(m.Unanswered, i)
		}
	}
	return m
}
