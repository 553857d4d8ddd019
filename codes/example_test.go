package codes_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/x12kit/x12kit/codes"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Look a code up on a date of service: the answer depends on the date.
func ExampleLookup() {
	for _, dos := range []string{"2024-12-31", "2025-01-01"} {
		c, st, _ := codes.Lookup("procedure", "99441", day(dos))
		fmt.Println(dos, c.Value, st, "→", c.ReplacedBy)
	}
	// Output:
	// 2024-12-31 99441 active → 98008-98015 or 99202-99215 with 93
	// 2025-01-01 99441 terminated → 98008-98015 or 99202-99215 with 93
}

// POS 02 was redefined in 2022; its description follows the date.
func ExampleSet_Lookup() {
	pos, _ := codes.Default().Set("pos")
	for _, dos := range []string{"2021-06-01", "2022-06-01"} {
		c, st := pos.Lookup("02", day(dos))
		fmt.Printf("%s %s: %s\n", dos, st, c.Description)
	}
	c, st := pos.Lookup("10", day("2021-06-01"))
	fmt.Println("10 on 2021-06-01:", st, "from", c.Effective.Format(time.DateOnly))
	// Output:
	// 2021-06-01 active: Telehealth (any originating site)
	// 2022-06-01 active: Telehealth, patient not at home
	// 10 on 2021-06-01: not_yet_effective from 2022-01-01
}

// The date-independent check the X12 guide engine makes on a code element.
func ExampleRegistry_Contains() {
	reg := codes.Default()
	fmt.Println(reg.Contains("cas-group", "CO"), reg.Contains("cas-group", "CR"), reg.Contains("carc", "253"))
	// Output: true false true
}

// Denial analytics: every CARC and RARC carries a category.
func Example_denialCategories() {
	for _, v := range []string{"29", "97", "197"} {
		c, _, _ := codes.Lookup("carc", v, day("2026-01-01"))
		fmt.Println(v, c.Category)
	}
	// Output:
	// 29 timely-filing
	// 97 bundling
	// 197 authorization
}

// Extend the shipped sets: clone the read-only Default registry, then add a payer's code or
// replace a whole set.
func ExampleRegistry_Clone() {
	reg := codes.Default().Clone()
	rarc, _ := reg.Set("rarc")
	_ = rarc.Add(codes.Code{Value: "N999", Description: "Our payer's remark", Category: codes.CatOther,
		Effective: day("2027-01-01")})
	_, st, _ := reg.Lookup("rarc", "N999", day("2026-12-31"))
	fmt.Println(st, codes.Default().Contains("rarc", "N999"))

	err := codes.Default().Override(codes.NewSet("pos", "mine", time.Time{}))
	fmt.Println(errors.Is(err, codes.ErrFrozen))
	// Output:
	// not_yet_effective false
	// true
}

// Medicare's coding for the same video visit before and after the 2024 change.
func ExampleDecide() {
	for _, dos := range []string{"2023-12-31", "2024-01-01"} {
		d, _ := codes.Decide(codes.Visit{
			DateOfService: day(dos),
			Payer:         codes.Payer{Kind: codes.Medicare},
			Modality:      codes.AudioVideo,
			Setting:       codes.Home,
			Code:          "99213",
		})
		fmt.Println(dos, "POS", d.POS, "modifiers", d.Modifiers)
	}
	// Output:
	// 2023-12-31 POS 11 modifiers [95]
	// 2024-01-01 POS 10 modifiers []
}

// Warnings explain what is wrong with a visit's coding, with stable codes.
func ExampleDecide_warnings() {
	d, _ := codes.Decide(codes.Visit{
		DateOfService: day("2025-10-15"),
		Payer:         codes.Payer{Kind: codes.Medicare},
		Modality:      codes.AudioOnly,
		Setting:       codes.Home,
		Code:          "99442",
	})
	fmt.Println(d.POS, d.Modifiers)
	for _, w := range d.Warnings {
		fmt.Println(w.Code)
	}
	// Output:
	// 10 []
	// deleted-code
	// home-flexibility-lapsed
}

// Describe a commercial payer's own rule; unknown payers get the documented default.
func ExamplePolicy_RegisterPayerRule() {
	var p codes.Policy
	_ = p.RegisterPayerRule(codes.PayerRule{
		Kind: codes.Commercial, Name: "Acme Health",
		POS: codes.POSInPerson, Modifiers: []string{"95"},
		Note: "Acme provider bulletin: office POS + 95",
	})
	for _, name := range []string{"Acme Health", "Other Plan"} {
		d, _ := p.Decide(codes.Visit{
			DateOfService: day("2026-03-02"),
			Payer:         codes.Payer{Kind: codes.Commercial, Name: name},
			Modality:      codes.AudioVideo,
			Setting:       codes.Home,
		})
		fmt.Println(name, d.POS, d.Modifiers, len(d.Warnings))
	}
	// Output:
	// Acme Health 11 [95] 0
	// Other Plan 10 [95] 1
}

// Identifier checks wrap sentinels and never print the value.
func ExampleCheckNPI() {
	fmt.Println(codes.CheckNPI("1234567893"))
	err := codes.CheckNPI("1234567890")
	fmt.Println(err, errors.Is(err, codes.ErrCheckDigit))
	var fe *codes.FieldError
	if errors.As(err, &fe) {
		fe.Field = "NM109 of loop 2010AA"
	}
	fmt.Println(err)
	// Output:
	// <nil>
	// codes: NPI: check digit does not match true
	// codes: NM109 of loop 2010AA: check digit does not match
}

// ICD-9 codes are flagged for dates of service from 2015-10-01.
func ExampleCheckDiagnosis() {
	fmt.Println(codes.CheckDiagnosis("25000", day("2015-09-30")))
	err := codes.CheckDiagnosis("25000", day("2015-10-01"))
	fmt.Println(errors.Is(err, codes.ErrICD9AfterTransition))
	fmt.Println(codes.CheckDiagnosis("E119", day("2015-10-01")))
	// Output:
	// <nil>
	// true
	// <nil>
}
