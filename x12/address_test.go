package x12

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadAddress(t *testing.T) {
	seg := func(id string, elements ...string) *Segment { return NewSegment(DefaultDelimiters, id, elements...) }
	for _, tc := range []struct {
		name string
		segs []*Segment
		ok   []bool
		want Address
	}{
		{"street and city", []*Segment{seg("N3", "1 MAIN ST", "SUITE 2"), seg("N4", "SPRINGFIELD", "IL", "627010001")},
			[]bool{true, true}, Address{Line1: "1 MAIN ST", Line2: "SUITE 2", City: "SPRINGFIELD", State: "IL", ZIP: "627010001"}},
		{"N4 beyond N404", []*Segment{seg("N4", "TORONTO", "", "M5V3L9", "CA", "", "", "ON")},
			[]bool{true}, Address{City: "TORONTO", ZIP: "M5V3L9", Country: "CA", Rest: []string{"", "", "ON"}}},
		{"second N3 and N4 kept as read", []*Segment{seg("N3", "A"), seg("N3", "B"), seg("N4", "C"), seg("N4", "D")},
			[]bool{true, false, true, false}, Address{Line1: "A", City: "C"}},
		{"N3 of three elements", []*Segment{seg("N3", "A", "B", "C")}, []bool{false}, Address{}},
		{"empty first elements", []*Segment{seg("N3", "", "B"), seg("N4", "", "IL")}, []bool{false, false}, Address{}},
		{"another segment", []*Segment{seg("REF", "EI", "1")}, []bool{false}, Address{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a *Address
			for i, s := range tc.segs {
				assert.Equal(t, tc.ok[i], ReadAddress(s, &a), "segment %d", i+1)
			}
			require.NotNil(t, a, "made on first use")
			assert.Equal(t, tc.want, *a)
		})
	}
}

func TestAddressRedacted(t *testing.T) {
	a := &Address{Line1: "12 SECRET LANE", City: "HIDDEN", ZIP: "99999"}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("member", "address", *a)
	for _, out := range []string{fmt.Sprint(a), fmt.Sprintf("%+v", *a), fmt.Sprintf("%#v", *a), a.String(), logged.String()} {
		assert.NotContains(t, out, "SECRET")
		assert.NotContains(t, out, "HIDDEN")
		assert.NotContains(t, out, "99999")
	}
	assert.Equal(t, []string{"HIDDEN", "", "99999", ""}, a.N4Elements())
}
