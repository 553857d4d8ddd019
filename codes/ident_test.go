package codes

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdentifierChecks(t *testing.T) {
	checks := map[string]func(string) error{
		"NPI": CheckNPI, "EIN": CheckEIN, "SSN": CheckSSN, "ICD-10-CM": CheckICD10CM, "CPT": CheckCPT,
		"HCPCS": CheckHCPCS, "procedure": CheckProcedure, "taxonomy": CheckTaxonomy, "ZIP": CheckZIP, "phone": CheckPhone,
	}
	cases := []struct {
		check, value string
		want         error // nil: valid
	}{
		{"NPI", "1234567893", nil},
		{"NPI", "1223344551", nil},
		{"NPI", "1234567890", ErrCheckDigit},
		{"NPI", "9876543210", ErrFormat}, // must start with 1 or 2
		{"NPI", "123456789", ErrFormat},
		{"NPI", "12345678931", ErrFormat},
		{"NPI", "12345678a3", ErrFormat},
		{"NPI", "", ErrEmpty},
		{"EIN", "123456789", nil},
		{"EIN", "12-3456789", nil},
		{"EIN", "123-456789", ErrFormat},
		{"EIN", "12345678", ErrFormat},
		{"SSN", "123456789", nil},
		{"SSN", "123-45-6789", nil},
		{"SSN", "000456789", ErrFormat},
		{"SSN", "666456789", ErrFormat},
		{"SSN", "900456789", ErrFormat},
		{"SSN", "123006789", ErrFormat},
		{"SSN", "123450000", ErrFormat},
		{"SSN", "12345678", ErrFormat},
		{"ICD-10-CM", "F411", nil},
		{"ICD-10-CM", "F41.1", nil},
		{"ICD-10-CM", "E119", nil},
		{"ICD-10-CM", "S72001A", nil},
		{"ICD-10-CM", "C7A", nil},
		{"ICD-10-CM", "Z00.00", nil},
		{"ICD-10-CM", "F41.", ErrFormat},
		{"ICD-10-CM", "F4", ErrFormat},
		{"ICD-10-CM", "1F41", ErrFormat},
		{"ICD-10-CM", "FA1", ErrFormat},
		{"ICD-10-CM", "S72001AB", ErrFormat},
		{"ICD-10-CM", "f411", ErrFormat},
		{"CPT", "99213", nil},
		{"CPT", "0001F", nil},
		{"CPT", "0042T", nil},
		{"CPT", "0001U", nil},
		{"CPT", "9921", ErrFormat},
		{"CPT", "0001X", ErrFormat},
		{"CPT", "G2012", ErrFormat},
		{"HCPCS", "G2012", nil},
		{"HCPCS", "Q3014", nil},
		{"HCPCS", "A0425", nil},
		{"HCPCS", "W1234", ErrFormat},
		{"HCPCS", "G201", ErrFormat},
		{"procedure", "99213", nil},
		{"procedure", "G2025", nil},
		{"procedure", "992131", ErrFormat},
		{"taxonomy", "207Q00000X", nil},
		{"taxonomy", "2084P0800X", nil},
		{"taxonomy", "207Q000000", ErrFormat},
		{"taxonomy", "207Q0000X", ErrFormat},
		{"ZIP", "62701", nil},
		{"ZIP", "627010001", nil},
		{"ZIP", "62701-0001", ErrFormat},
		{"ZIP", "6270", ErrFormat},
		{"phone", "5555550100", nil},
		{"phone", "555-555-0100", ErrFormat},
		{"phone", "555555010", ErrFormat},
	}
	for _, c := range cases {
		err := checks[c.check](c.value)
		if c.want == nil {
			assert.NoError(t, err, "%s %s", c.check, c.value)
			continue
		}
		require.Error(t, err, "%s %s", c.check, c.value)
		assert.ErrorIs(t, err, c.want, "%s %s", c.check, c.value)
		var fe *FieldError
		require.True(t, errors.As(err, &fe))
		assert.NotEmpty(t, fe.Field)
	}
}

func TestICD9Detection(t *testing.T) {
	for _, c := range []struct {
		code string
		icd9 bool
	}{
		{"250", true}, {"25000", true}, {"250.00", true}, {"V7231", true}, {"V72.31", true},
		{"E9500", true}, {"E950.0", true}, {"E119", false}, {"E871", false}, {"F411", false},
		{"V0100XA", false}, {"2500000", false}, {"", false},
	} {
		assert.Equal(t, c.icd9, IsICD9(c.code), c.code)
	}
}

func TestDiagnosisAcrossTheICD10Transition(t *testing.T) {
	on := ICD10Transition
	for _, c := range []struct {
		code string
		dos  time.Time
		want error
	}{
		{"25000", on.AddDate(0, 0, -1), nil},
		{"25000", on, ErrICD9AfterTransition},
		{"25000", on.AddDate(0, 0, 1), ErrICD9AfterTransition},
		{"E119", on.AddDate(0, 0, -1), ErrICD10BeforeTransition},
		{"E119", on, nil},
		{"E119", on.AddDate(0, 0, 1), nil},
		{"", on, ErrEmpty},
		{"??", on, ErrFormat},
	} {
		err := CheckDiagnosis(c.code, c.dos)
		if c.want == nil {
			assert.NoError(t, err, "%s on %s", c.code, c.dos.Format(time.DateOnly))
		} else {
			assert.ErrorIs(t, err, c.want, "%s on %s", c.code, c.dos.Format(time.DateOnly))
		}
	}
}

// TestIdentifierErrorsNeverShowTheValue plants a canary in values broken many ways and checks
// that no error message carries any of it: these values are patient data.
func TestIdentifierErrorsNeverShowTheValue(t *testing.T) {
	const canary = "CANARY7Q"
	values := []string{canary, canary + "1234567893", "12" + canary, "123-45-" + canary, canary + ".1",
		"F4" + canary, "9" + canary, strings.Repeat(canary, 20), " " + canary + " "}
	checks := []func(string) error{CheckNPI, CheckEIN, CheckSSN, CheckICD10CM, CheckCPT, CheckHCPCS,
		CheckProcedure, CheckTaxonomy, CheckZIP, CheckPhone,
		func(s string) error { return CheckDiagnosis(s, date(2026, 1, 1)) },
		func(s string) error { return CheckDiagnosis(s, date(2010, 1, 1)) }}
	for _, v := range values {
		for i, check := range checks {
			err := check(v)
			require.Error(t, err, "check %d", i)
			assert.NotContains(t, err.Error(), canary)
			assert.NotContains(t, err.Error(), "7Q")
		}
	}
}
