package claim837

import (
	"fmt"

	"github.com/x12kit/x12kit/codes"
)

// ApplyTelehealth codes a claim for a telehealth visit: for each line it asks the policy
// (nil: the built-in one) for the place of service and modifiers of that visit on the line's
// date with its procedure, sets the claim's POS (from the first line) and each line's
// POS only where it differs, replaces the line's telehealth modifiers (95, 93, GT, GQ, FQ,
// FR) with the policy's, and returns the policy's warnings. The Visit's Code and
// DateOfService are taken from each line; the rest describes the visit.
//
// The claim remembers the policy and the visit, so that Check and Write check it against the
// same policy, with the facts the claim itself cannot carry (the provider kind, the purpose,
// the practitioner), without their being passed again. The warnings include advisory ones
// (Warning.Advisory) about the policy's own knowledge; the checks report only the others.
func ApplyTelehealth(c *Claim, v codes.Visit, policy *codes.Policy) ([]codes.Warning, error) {
	if policy == nil {
		policy = defaultPolicy
	}
	c.coded = &codedBy{policy: policy, visit: v}
	var warnings []codes.Warning
	for i := range c.Lines {
		l := &c.Lines[i]
		lv := v
		lv.Code, lv.DateOfService = l.Procedure, l.ServiceDate.Time()
		d, err := policy.Decide(lv)
		if err != nil {
			return warnings, fmt.Errorf("claim837: line %d: %w", i, err)
		}
		if i == 0 {
			c.PlaceOfService = d.POS
		}
		l.PlaceOfService = ""
		if d.POS != c.PlaceOfService {
			l.PlaceOfService = d.POS
		}
		kept := l.Modifiers[:0:0]
		for _, m := range l.Modifiers {
			if !telehealthModifiers[m] {
				kept = append(kept, m)
			}
		}
		l.Modifiers = append(append([]string(nil), d.Modifiers...), kept...)
		warnings = append(warnings, d.Warnings...)
	}
	return warnings, nil
}

// defaultPolicy is the codes package's built-in policy, for claims coded or checked without one.
var defaultPolicy = &codes.Policy{}

// codedBy is what ApplyTelehealth coded a claim with.
type codedBy struct {
	policy *codes.Policy
	visit  codes.Visit
}
