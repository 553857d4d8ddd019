package codec_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
	"github.com/x12kit/x12kit/x12/codec"
)

// A decoder reads a segment's typed fields with a FieldReader and asks for the first error
// once; what did not parse is in Unparsed, with a finding that names the element and the Go
// field, never the text.
func ExampleFieldReader() {
	seg := x12.NewSegment(x12.DefaultDelimiters, "CLP", "PCN0001", "1", "150", "12X.00", "")
	var claim struct {
		Charge, Paid          x12.Amount
		PatientResponsibility *x12.Amount
		Unparsed              x12.Unparsed
	}
	var findings []*x12.Error
	r := codec.ReadFields(seg, nil, &claim.Unparsed, &findings)
	r.Amount(&claim.Charge, "Charge", 3)
	r.Amount(&claim.Paid, "Paid", 4)
	r.OptAmount(&claim.PatientResponsibility, nil, "PatientResponsibility", 5)
	if err := r.Err(); err != nil {
		fmt.Println(claim.Charge, claim.Paid, claim.PatientResponsibility == nil)
		text, _ := claim.Unparsed.Get("Paid")
		fmt.Println(text)
		f := findings[0]
		fmt.Println(f.Rule, f.Field, f.Pos.Element, errors.Is(err, x12.ErrAmount))
	}
	// Output:
	// 150.00 0.00 true
	// 12X.00
	// unparsed Paid 4 true
}

func TestFieldReader(t *testing.T) {
	seg := x12.NewSegment(x12.DefaultDelimiters, "XX", "12.5", "", "2026013X", "20260131", "7", "A", "1.234")
	seg.Pos = x12.Position{Offset: 99, SetSegment: 4, ID: "XX"}

	t.Run("all parse", func(t *testing.T) {
		var u x12.Unparsed
		var made []*x12.Error
		r := codec.ReadFields(seg, nil, &u, &made)
		var a x12.Amount
		var opt *x12.Amount = new(x12.Amount)
		var d x12.Date
		var n int
		assert.True(t, r.Amount(&a, "A", 1))
		assert.True(t, r.OptAmount(&opt, nil, "Opt", 2))
		assert.True(t, r.Date(&d, "D", 4))
		assert.True(t, r.Int(&n, "N", 5))
		assert.True(t, r.Date(&d, "Empty", 2), "empty: nothing to read")
		assert.NoError(t, r.Err())
		assert.Equal(t, x12.Cents(1250), a)
		assert.Nil(t, opt, "empty optional amount")
		assert.Equal(t, x12.Date{Year: 2026, Month: 1, Day: 31}, d)
		assert.Equal(t, 7, n)
		assert.Empty(t, u)
		assert.Empty(t, made)
	})

	t.Run("the first error is kept, every finding made", func(t *testing.T) {
		var u x12.Unparsed
		var made []*x12.Error
		r := codec.ReadFields(seg, nil, &u, &made)
		var a x12.Amount = 5
		var d x12.Date
		var n int
		var opt *x12.Amount
		mem := new(x12.Amount)
		assert.False(t, r.Date(&d, "Start", 3))
		assert.False(t, r.Int(&n, "Count", 6))
		assert.False(t, r.OptAmount(&opt, mem, "Total", 7))
		assert.False(t, r.Amount(&a, "Paid", 2), "an empty element is not an amount")
		assert.True(t, r.Amount(&a, "Charge", 1))
		r.Keep("Pointers", 6, "1::2", nil)

		require.Len(t, made, 5)
		var first *x12.Error
		require.ErrorAs(t, r.Err(), &first)
		assert.Same(t, made[0], first)
		assert.ErrorIs(t, made[0], x12.ErrDate)
		assert.ErrorIs(t, made[1], x12.ErrUnparsed)
		assert.ErrorIs(t, made[2], x12.ErrAmount)
		assert.ErrorIs(t, made[3], x12.ErrAmount)
		assert.ErrorIs(t, made[4], x12.ErrUnparsed)
		for i, want := range []struct {
			field   string
			element int
		}{{"Start", 3}, {"Count", 6}, {"Total", 7}, {"Paid", 2}, {"Pointers", 6}} {
			f := made[i]
			assert.Equal(t, x12.RuleUnparsed, f.Rule)
			assert.Equal(t, x12.RuleUnparsed, f.RuleID())
			assert.Equal(t, want.field, f.Field)
			assert.Equal(t, want.element, f.Pos.Element)
			assert.Equal(t, int64(99), f.Pos.Offset)
			assert.Equal(t, x12.LevelElement, f.Level)
			assert.Empty(t, f.Code, "no 999 code: the guide has nothing against the text")
			assert.Contains(t, f.Error(), "field "+want.field)
			assert.Contains(t, f.Error(), "unparsed: ")
		}
		assert.NotContains(t, made[0].Error(), "2026013X", "never the text")
		assert.NotContains(t, made[2].Error(), "1.234")

		assert.True(t, d.IsZero(), "left as it was")
		assert.Zero(t, n)
		assert.Nil(t, opt)
		assert.Equal(t, x12.Cents(1250), a)
		for field, text := range map[string]string{"Start": "2026013X", "Count": "A", "Total": "1.234", "Paid": "", "Pointers": "1::2"} {
			got, ok := u.Get(field)
			assert.True(t, ok, field)
			assert.Equal(t, text, got, field)
		}
	})

	t.Run("fields cut once", func(t *testing.T) {
		f := seg.Fields(nil)
		var u x12.Unparsed
		r := codec.ReadFields(seg, f, &u, nil)
		var a x12.Amount
		assert.True(t, r.Amount(&a, "A", 1))
		assert.Equal(t, "", r.Text(99))
		assert.False(t, r.Amount(&a, "B", 6))
		assert.Error(t, r.Err(), "kept without a list to add findings to")
		assert.Equal(t, "A", u.Or("B", ""))
	})

	t.Run("zero reader", func(t *testing.T) {
		var r codec.FieldReader
		var a x12.Amount
		assert.Equal(t, "", r.Text(1))
		assert.False(t, r.Amount(&a, "A", 1))
		assert.Error(t, r.Err())
	})
}
