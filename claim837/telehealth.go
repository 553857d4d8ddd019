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
func ApplyTelehealth(c *Claim, v codes.Visit, policy *codes.Policy) ([]codes.Warning, error) {
	if policy == nil {
		policy = &codes.Policy{}
	}
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
