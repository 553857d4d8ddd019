package codec

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

func TestReadAddress(t *testing.T) {
	seg := func(id string, elements ...string) *x12.Segment {
		return x12.NewSegment(x12.DefaultDelimiters, id, elements...)
	}
	for _, tc := range []struct {
		name string
		segs []*x12.Segment
		ok   []bool
		want x12.Address
	}{
		{"street and city", []*x12.Segment{seg("N3", "1 MAIN ST", "SUITE 2"), seg("N4", "SPRINGFIELD", "IL", "627010001")},
			[]bool{true, true}, x12.Address{Line1: "1 MAIN ST", Line2: "SUITE 2", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		{"N4 beyond N404", []*x12.Segment{seg("N4", "TORONTO", "", "M5V3L9", "CA", "", "", "ON")},
			[]bool{true}, x12.Address{City: "TORONTO", ZIP: "M5V3L9", Country: "CA", Rest: []string{"", "", "ON"}}},
		{"second N3 and N4 kept as read", []*x12.Segment{seg("N3", "A"), seg("N3", "B"), seg("N4", "C"), seg("N4", "D")},
			[]bool{true, false, true, false}, x12.Address{Line1: "A", City: "C"}},
		{"N3 of three elements", []*x12.Segment{seg("N3", "A", "B", "C")}, []bool{false}, x12.Address{}},
		{"empty first elements", []*x12.Segment{seg("N3", "", "B"), seg("N4", "", "IL")}, []bool{false, false}, x12.Address{}},
		{"another segment", []*x12.Segment{seg("REF", "EI", "1")}, []bool{false}, x12.Address{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a *x12.Address
			for i, s := range tc.segs {
				assert.Equal(t, tc.ok[i], ReadAddress(s, &a), "segment %d", i+1)
			}
			require.NotNil(t, a, "made on first use")
			assert.Equal(t, tc.want, *a)
		})
	}
}

// ReadAddress fills an Address from a loop's N3 and N4 as they are read.
func ExampleReadAddress() {
	var a *x12.Address
	for _, s := range []*x12.Segment{
		x12.NewSegment(x12.DefaultDelimiters, "N3", "100 MAIN STREET"),
		x12.NewSegment(x12.DefaultDelimiters, "N4", "SPRINGFIELD", "IL", "627010001"),
	} {
		ReadAddress(s, &a)
	}
	fmt.Println(a.City, a.State, a.ZIP)
	fmt.Println(a) // an address may be a patient's: never printed
	// Output:
	// SPRINGFIELD IL 627010001
	// address (redacted)
}
