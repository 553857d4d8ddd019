package x12_test

import (
	"fmt"

	"github.com/x12kit/x12kit/x12"
)

// The zero Sanitizer writes the basic character set in upper case and keeps clear of the
// default delimiters * : ^ ~.
func ExampleSanitizer() {
	var s x12.Sanitizer
	fmt.Println(s.String("Zoë Núñez-O’Brien"))
	fmt.Println(s.String("Jürgen Groß\r\nSuite 4*B"))
	// Output:
	// ZOE NUNEZ-O'BRIEN
	// JURGEN GROSS SUITE 4 B
}

// In the extended set lower case is kept unless Upper is set; accents are still removed.
func ExampleSanitizer_extended() {
	s := x12.Sanitizer{Charset: x12.Extended}
	fmt.Println(s.String("Łukasz Żółć <lz@example.com>"))
	s.Upper = true
	fmt.Println(s.String("Søren Ærø"))
	// Output:
	// Lukasz Zolc <lz@example.com>
	// SOREN AERO
}

// Give the Sanitizer the delimiters of the interchange being written: with | as the element
// separator a pipe in the data becomes a space.
func ExampleSanitizer_String() {
	s := x12.Sanitizer{
		Charset:    x12.Extended,
		Delimiters: x12.Delimiters{Element: '|', Component: '>', Repetition: '^', Segment: "~"},
	}
	fmt.Println(s.String("Smith|Jones > 2 * 3"))
	// Output:
	// Smith Jones 2 * 3
}

// Append writes into a buffer you own, without allocating when it has room.
func ExampleSanitizer_Append() {
	var s x12.Sanitizer
	buf := make([]byte, 0, 64)
	buf = append(buf, "NM1*IL*1*"...)
	buf = s.Append(buf, "  Zoë  ")
	fmt.Println(string(buf))
	// Output:
	// NM1*IL*1*ZOE
}

// Valid reports where data leaves the character set, by position only, so the result can be
// logged without the patient's name.
func ExampleValid() {
	fmt.Println(x12.Valid(x12.Basic, "ZOE NUNEZ"))
	fmt.Println(x12.Valid(x12.Basic, "Zoe Nunez"))
	fmt.Println(x12.Valid(x12.Extended, "Zoe Nunez"))
	fmt.Println(x12.Valid(x12.Extended, "Zoe\tNunez"))
	// Output:
	// -1 true
	// 1 false
	// -1 true
	// 3 false
}

func ExampleCharset_Contains() {
	fmt.Println(x12.Basic.Contains('a'), x12.Extended.Contains('a'), x12.Extended.Contains('ñ'))
	// Output:
	// false true true
}
