// Package codes holds the code sets HIPAA X12 5010 billing needs, dated by date of service,
// plus identifier format checks and the telehealth coding policy.
//
// # Code sets
//
// A Set is a named list of Codes. Each Code has its X12 value, a short description in x12kit's
// own words (licensed CPT, CARC and RARC descriptor text is never reproduced), an Effective
// date and, where it applies, a Terminated date. Lookup answers for a date of service:
//
//	c, st, err := codes.Lookup("procedure", "99441", dos) // st == codes.Terminated from 2025-01-01
//
// Default() is the registry of every shipped set by its lower-case hyphenated name ("pos",
// "modifier", "procedure", "carc", "rarc", "service-type", "cas-group", …; Names lists them).
// It is read-only and shared; Default().Clone() gives a registry you can change: Register a new
// set, Override a shipped one, or Add codes to a set (a payer's own list, next year's changes).
// Registry.Contains(set, value) is the date-independent check the X12 guide engine makes on
// elements whose guide names an external code list; Registry satisfies x12.CodeSource.
//
// Every set carries LastReviewed (2026-11-28 for the shipped ones) and says when it is Partial.
// Each Code's Note carries the confidence tag of its source: [V] verified in two sources, [S]
// one source, [M] from general knowledge (not re-verified: check before relying on it),
// [?] sources conflict.
//
// # Identifier checks
//
// CheckNPI, CheckEIN, CheckSSN, CheckICD10CM, CheckDiagnosis, CheckCPT, CheckHCPCS,
// CheckProcedure, CheckTaxonomy, CheckZIP and CheckPhone check formats (and the NPI check
// digit). Failures are *FieldError values wrapping ErrFormat, ErrCheckDigit,
// ErrICD9AfterTransition or ErrICD10BeforeTransition; messages name the field, never the
// value, because these values are patient data.
//
// # Telehealth coding policy
//
// Decide (or a Policy with payer rules) turns a Visit — date of service, payer, modality,
// where the patient is, provider kind, procedure code, and where the rules depend on them the
// purpose (mental health or substance use), the practitioner type and the originating site's
// area — into a Decision: the place of service, the modifiers and Warnings with stable codes.
// A fact the visit leaves unstated is never guessed: where the answer depends on it, a warning
// says so. Medicare's rules are built in as dated tables (medicare.go), each entry with its
// source and confidence tag, checked for dates of service 2019-01-01 through 2027-12-31 — other
// dates get a rules-unreviewed warning, and 2027 dates a platform-modifier-unverified one (the
// CY2027 PFS final rule was not reviewed). Other payers are PayerRules a user registers or
// loads from a JSON rules file (LoadRules; the format is in rules.go and the README); x12kit
// ships sourced rule files for a few state Medicaid programs (BuiltinRuleFiles). A payer
// without a rule gets the default documented on Policy (POS 02/10 with 95, 93 or GQ) and a
// no-payer-rule warning. Nothing in this package reads the clock: every date is an argument.
package codes
