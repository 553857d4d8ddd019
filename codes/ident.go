package codes

import (
	"errors"
	"time"
)

// Sentinels wrapped by *FieldError; match them with errors.Is.
var (
	ErrEmpty                 = errors.New("value is empty")
	ErrFormat                = errors.New("value does not have the required format")
	ErrCheckDigit            = errors.New("check digit does not match")
	ErrICD9AfterTransition   = errors.New("ICD-9 code on or after the 2015-10-01 ICD-10 transition")
	ErrICD10BeforeTransition = errors.New("ICD-10 code before the 2015-10-01 ICD-10 transition")
)

// ICD10Transition is the first date of service on which HIPAA claims must use ICD-10-CM.
var ICD10Transition = date(2015, 10, 1)

// FieldError is a failed identifier or format check. Its message names the field and the
// rule, never the value: these values are patient data. Callers that know the X12 position
// can rewrite Field (e.g. "NM109 of 2010AA") after errors.As.
type FieldError struct {
	Field string // what was checked: "NPI", "EIN", "ICD-10-CM", … or the caller's position
	Err   error  // one of the sentinels above
}

// Error names the field and what is wrong with it.
func (e *FieldError) Error() string { return "codes: " + e.Field + ": " + e.Err.Error() }

// Unwrap returns the sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

func fail(field string, err error) error { return &FieldError{Field: field, Err: err} }

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
func isAlnum(b byte) bool { return isDigit(b) || isUpper(b) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// CheckNPI checks a National Provider Identifier: 10 digits, the first 1 or 2, the last a Luhn
// check digit computed over "80840" followed by the first nine digits.
func CheckNPI(npi string) error {
	const field = "NPI"
	if npi == "" {
		return fail(field, ErrEmpty)
	}
	if len(npi) != 10 || !allDigits(npi) || (npi[0] != '1' && npi[0] != '2') {
		return fail(field, ErrFormat)
	}
	if luhnCheckDigit("80840"+npi[:9]) != npi[9] {
		return fail(field, ErrCheckDigit)
	}
	return nil
}

// luhnCheckDigit returns the Luhn check digit for the digit string s.
func luhnCheckDigit(s string) byte {
	sum := 0
	double := true // the rightmost payload digit is doubled
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// CheckEIN checks an employer identification number: 9 digits, or NN-NNNNNNN. X12 REF*EI
// carries the 9 digits without the hyphen.
func CheckEIN(ein string) error {
	const field = "EIN"
	if ein == "" {
		return fail(field, ErrEmpty)
	}
	if len(ein) == 10 && ein[2] == '-' {
		ein = ein[:2] + ein[3:]
	}
	if len(ein) != 9 || !allDigits(ein) {
		return fail(field, ErrFormat)
	}
	return nil
}

// CheckSSN checks the format of a Social Security number: 9 digits (or NNN-NN-NNNN), area not
// 000, 666 or 900–999, group not 00, serial not 0000. It cannot tell whether the number was
// issued.
func CheckSSN(ssn string) error {
	const field = "SSN"
	if ssn == "" {
		return fail(field, ErrEmpty)
	}
	if len(ssn) == 11 && ssn[3] == '-' && ssn[6] == '-' {
		ssn = ssn[:3] + ssn[4:6] + ssn[7:]
	}
	if len(ssn) != 9 || !allDigits(ssn) {
		return fail(field, ErrFormat)
	}
	area, group, serial := ssn[:3], ssn[3:5], ssn[5:]
	if area == "000" || area == "666" || area[0] == '9' || group == "00" || serial == "0000" {
		return fail(field, ErrFormat)
	}
	return nil
}

// CheckICD10CM checks the format of an ICD-10-CM diagnosis code: a letter, a digit, a letter or
// digit, then up to four more letters or digits, optionally after a dot ("F41.1" or "F411").
// X12 HI elements carry the code without the dot. It does not check that the code exists.
func CheckICD10CM(code string) error {
	const field = "ICD-10-CM"
	if code == "" {
		return fail(field, ErrEmpty)
	}
	if !icd10Format(code) {
		return fail(field, ErrFormat)
	}
	return nil
}

func icd10Format(c string) bool {
	if len(c) < 3 || !isUpper(c[0]) || !isDigit(c[1]) || !isAlnum(c[2]) {
		return false
	}
	rest := c[3:]
	if len(rest) > 0 && rest[0] == '.' {
		rest = rest[1:]
		if rest == "" {
			return false
		}
	}
	if len(rest) > 4 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if !isAlnum(rest[i]) {
			return false
		}
	}
	return true
}

// IsICD9 reports whether code looks like an ICD-9-CM diagnosis code: 3–5 digits, V and 2–4
// digits, or E9 and 2–3 digits (with an optional dot after the third character, or after the
// fourth for E codes). E800–E899 collide with valid ICD-10-CM codes (E87.1 is both), so they
// are read as ICD-10; V codes without letters cannot be complete ICD-10-CM codes.
func IsICD9(code string) bool {
	c := code
	switch {
	case c == "":
		return false
	case isDigit(c[0]):
		return icd9Digits(c, 3, 5)
	case c[0] == 'V':
		return len(c) >= 3 && icd9Digits(c[1:], 2, 4)
	case c[0] == 'E':
		return len(c) >= 2 && c[1] == '9' && icd9Digits(c[1:], 3, 4)
	}
	return false
}

// icd9Digits reports whether s is lo..hi digits with an optional dot after the first lo.
func icd9Digits(s string, lo, hi int) bool {
	if len(s) > lo && s[lo] == '.' {
		s = s[:lo] + s[lo+1:]
		if len(s) == lo {
			return false
		}
	}
	return len(s) >= lo && len(s) <= hi && allDigits(s)
}

// CheckDiagnosis checks a diagnosis code against the code system HIPAA requires on the date of
// service: ICD-10-CM from 2015-10-01 (an ICD-9 code then fails with ErrICD9AfterTransition),
// ICD-9-CM before (an ICD-10 code then fails with ErrICD10BeforeTransition).
func CheckDiagnosis(code string, dateOfService time.Time) error {
	const field = "diagnosis code"
	if code == "" {
		return fail(field, ErrEmpty)
	}
	after := !day(dateOfService).Before(ICD10Transition)
	switch {
	case IsICD9(code) && after:
		return fail(field, ErrICD9AfterTransition)
	case IsICD9(code):
		return nil
	case icd10Format(code) && !after:
		return fail(field, ErrICD10BeforeTransition)
	case icd10Format(code):
		return nil
	}
	return fail(field, ErrFormat)
}

// CheckCPT checks the format of a CPT code: five digits (Category I), or four digits and F
// (Category II), T (Category III) or U (proprietary laboratory analyses).
func CheckCPT(code string) error {
	const field = "CPT"
	if code == "" {
		return fail(field, ErrEmpty)
	}
	if len(code) != 5 || !allDigits(code[:4]) {
		return fail(field, ErrFormat)
	}
	switch last := code[4]; {
	case isDigit(last), last == 'F', last == 'T', last == 'U':
		return nil
	}
	return fail(field, ErrFormat)
}

// CheckHCPCS checks the format of a HCPCS Level II code: a letter A–V and four digits.
func CheckHCPCS(code string) error {
	const field = "HCPCS"
	if code == "" {
		return fail(field, ErrEmpty)
	}
	if len(code) != 5 || code[0] < 'A' || code[0] > 'V' || !allDigits(code[1:]) {
		return fail(field, ErrFormat)
	}
	return nil
}

// CheckProcedure checks that code is a CPT or HCPCS Level II code by format (SV101-2 with
// qualifier HC).
func CheckProcedure(code string) error {
	const field = "procedure code"
	if code == "" {
		return fail(field, ErrEmpty)
	}
	if CheckCPT(code) == nil || CheckHCPCS(code) == nil {
		return nil
	}
	return fail(field, ErrFormat)
}

// CheckTaxonomy checks the format of a health care provider taxonomy code (PRV03): nine
// letters or digits then X, e.g. 207Q00000X.
func CheckTaxonomy(code string) error {
	const field = "taxonomy"
	if code == "" {
		return fail(field, ErrEmpty)
	}
	if len(code) != 10 || code[9] != 'X' {
		return fail(field, ErrFormat)
	}
	for i := 0; i < 9; i++ {
		if !isAlnum(code[i]) {
			return fail(field, ErrFormat)
		}
	}
	return nil
}

// CheckZIP checks a U.S. ZIP code: 5 or 9 digits (no hyphen, as X12 N403 carries it). Billing
// provider and service facility addresses need all 9 — that is the guide's rule, not this one.
func CheckZIP(zip string) error {
	const field = "ZIP"
	if zip == "" {
		return fail(field, ErrEmpty)
	}
	if (len(zip) != 5 && len(zip) != 9) || !allDigits(zip) {
		return fail(field, ErrFormat)
	}
	return nil
}

// CheckPhone checks a U.S. phone number as X12 PER carries it: 10 digits, no punctuation.
func CheckPhone(phone string) error {
	const field = "phone"
	if phone == "" {
		return fail(field, ErrEmpty)
	}
	if len(phone) != 10 || !allDigits(phone) {
		return fail(field, ErrFormat)
	}
	return nil
}
