package x12

import (
	"errors"
	"strconv"
	"strings"
)

// The rule IDs of the engine's findings (Error.RuleID) and of the checks every transaction
// package shares. A transaction package adds its own Rule constants for its business rules.
const (
	// RuleSyntax: the interchange could not be read as written (ISA/IEA, delimiters,
	// a segment's syntax); the TA1 reports it.
	RuleSyntax = "syntax"
	// RuleEnvelope: a group or set envelope is wrong (GS/GE, ST/SE counts and control
	// numbers, a repeated control number); the 999's AK9 and IK5 report it.
	RuleEnvelope = "envelope"
	// RuleGuide: a segment or element breaks the implementation guide (missing, out of
	// place, a code not in its list, too long); the 999's IK3 and IK4 report it.
	RuleGuide = "guide"
	// RuleUnparsed: an element's text does not parse into its typed field; the text is kept.
	RuleUnparsed = "unparsed"
	// RuleBalance: an 835's amounts do not add up.
	RuleBalance = "balance"
)

// ErrInvalid is what every encoder and Write of the module returns, wrapped in a
// *WriteError, when a value it was given is not valid: match it with errors.Is, and the
// findings with errors.As.
var ErrInvalid = errors.New("x12: the value is not valid")

// Findings is a list of findings, as a Check or an encoder reports them. The zero value is
// an empty list.
type Findings []*Error

// Err returns a *WriteError holding the findings of error severity, or nil when there are
// none (warnings alone are no error).
func (fs Findings) Err() error {
	if !fs.HasErrors() {
		return nil
	}
	return &WriteError{Findings: fs.Errors()}
}

// HasErrors reports whether any finding is of error severity.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Errors returns the findings of error severity.
func (fs Findings) Errors() Findings { return fs.bySeverity(SeverityError) }

// Warnings returns the findings of warning severity.
func (fs Findings) Warnings() Findings { return fs.bySeverity(SeverityWarning) }

func (fs Findings) bySeverity(sev Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == sev {
			out = append(out, f)
		}
	}
	return out
}

// Rule returns the findings made by rule (by RuleID).
func (fs Findings) Rule(rule string) Findings {
	var out Findings
	for _, f := range fs {
		if f.RuleID() == rule {
			out = append(out, f)
		}
	}
	return out
}

// WriteError is the error every encoder and Write of the module returns for a value it
// refuses: its findings (guide, envelope and business rules alike), each at the place it
// would have had in the output and, where a typed field holds the element, with the value's
// index and the field's Go path. It matches ErrInvalid and each finding's sentinel with
// errors.Is. Its text names positions, fields and codes, never values.
type WriteError struct {
	Findings Findings
}

// Error lists the first findings.
func (e *WriteError) Error() string {
	var b strings.Builder
	b.WriteString(ErrInvalid.Error())
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(len(e.Findings)))
	b.WriteString(" finding")
	if len(e.Findings) != 1 {
		b.WriteByte('s')
	}
	const shown = 5
	for i, f := range e.Findings {
		if i == shown {
			b.WriteString("; …")
			break
		}
		b.WriteString("; ")
		b.WriteString(f.Error())
	}
	return b.String()
}

// Unwrap returns ErrInvalid and the findings, so errors.Is matches ErrInvalid and every
// finding's sentinel, and errors.As finds the *Error findings.
func (e *WriteError) Unwrap() []error {
	errs := make([]error, 0, len(e.Findings)+1)
	errs = append(errs, ErrInvalid)
	for _, f := range e.Findings {
		errs = append(errs, f)
	}
	return errs
}
