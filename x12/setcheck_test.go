package x12_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/x12"
)

// checkedEnv is the envelope of the CheckedGroup tests: a fixed clock and control numbers
// whose ISA13 and GS06 are longer than those of the frame sets are checked in, so a position
// not moved to the output's would show.
func checkedEnv() x12.Envelope {
	return x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "RECEIVER", ReceiverID: "SENDER"},
		Controls:    x12.NewSequence(4711, 815, 1),
		Now:         func() time.Time { return time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC) },
	}
}

// ack999 is the body writing one 999: clean, or (bad) with an AK9 whose AK901 is no code of
// the guide; control is its ST02 (empty: the envelope writer's next number).
func ack999(control string, bad bool) func(e *x12.EnvelopeWriter) error {
	return func(e *x12.EnvelopeWriter) error {
		if err := e.BeginSet(x12.SetHeader{ID: "999", Reference: "005010X231A1", Control: control}); err != nil {
			return err
		}
		e.WriteStrings("AK1", "HC", "17", "005010X222A1")
		e.WriteStrings("AK2", "837", "0001", "005010X222A1")
		e.WriteStrings("IK5", "A")
		code := "A"
		if bad {
			code = "Q"
		}
		e.WriteStrings("AK9", code, "1", "1", "1")
		return e.EndSet()
	}
}

type setCall struct {
	control string
	bad     bool
}

// TestCheckedGroup: sets pass or are refused as a check of the whole output would refuse
// them, with the findings at the same positions, and only the clean sets reach the output.
func TestCheckedGroup(t *testing.T) {
	for _, tt := range []struct {
		name     string
		sets     []setCall
		refused  int  // index of the set refused; -1: none
		dupFirst bool // the refusal's finding is the repeated ST02
	}{
		{name: "clean sets", sets: []setCall{{}, {}, {control: "0077"}}, refused: -1},
		{name: "first set refused", sets: []setCall{{bad: true}, {}}, refused: 0},
		{name: "third set refused, positions shifted", sets: []setCall{{}, {control: "123456789"}, {bad: true}, {}}, refused: 2},
		{name: "repeated ST02", sets: []setCall{{control: "0042"}, {}, {control: "0042"}}, refused: 2, dupFirst: true},
		{name: "repeated ST02 from the sequence", sets: []setCall{{}, {control: "0001"}}, refused: 1, dupFirst: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			g := x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
			var err error
			encoded, lens := 0, []int{}
			for _, c := range tt.sets {
				if err = g.Encode(ack999(c.control, c.bad), nil); err != nil {
					break
				}
				encoded++
				lens = append(lens, out.Len())
			}
			// The whole output the same calls give, read back at once.
			var whole bytes.Buffer
			upTo := len(tt.sets)
			if tt.refused >= 0 {
				upTo = tt.refused + 1
			}
			require.NoError(t, checkedEnv().WriteGroup(&whole, "FA", "005010X231A1", func(e *x12.EnvelopeWriter) error {
				for _, c := range tt.sets[:upTo] {
					if err := ack999(c.control, c.bad)(e); err != nil {
						return err
					}
				}
				return nil
			}))
			wholeFindings := x12.CheckOutput(whole.Bytes(), nil, nil)
			if tt.refused < 0 {
				require.NoError(t, err)
				require.NoError(t, g.Close())
				assert.Equal(t, whole.String(), out.String(), "the bytes of one envelope writer")
				assert.Empty(t, wholeFindings)
				assert.Equal(t, len(tt.sets), g.Sets())
				return
			}
			var se *x12.WriteError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.refused, encoded)
			require.NotEmpty(t, se.Findings)
			if tt.dupFirst {
				d := se.Findings[0]
				assert.ErrorIs(t, d, x12.ErrDuplicateControl)
				assert.Equal(t, "23", d.Code)
				assert.Equal(t, x12.LevelSet, d.Level)
				assert.Equal(t, "ST", d.Pos.ID)
				assert.Equal(t, 2, d.Pos.Element)
				assert.Equal(t, 1, d.Pos.SetSegment)
				// Where the set's ST is in the output.
				stAt := int64(bytes.LastIndex(whole.Bytes(), []byte("ST*999*")))
				assert.Equal(t, stAt, d.Pos.Offset)
				assert.Equal(t, strings.Count(whole.String()[:stAt], "~")+1, d.Pos.Segment)
				// As a check of the whole output finds it.
				found := false
				for _, f := range wholeFindings {
					found = found || f.Code == "23" && f.Pos == d.Pos
				}
				assert.True(t, found, "the whole output's findings: %v", wholeFindings)
			} else {
				// The findings a check of the whole output gives for that set, positions included;
				// the group's name the value too (Index: the sets written before).
				for _, f := range se.Findings {
					assert.Equal(t, tt.refused, f.Index)
				}
				for _, f := range wholeFindings {
					f.Index = tt.refused
				}
				assert.Equal(t, fmt.Sprint(wholeFindings), fmt.Sprint(se.Findings))
				require.Equal(t, len(wholeFindings), len(se.Findings))
				for i := range se.Findings {
					assert.Equal(t, wholeFindings[i].Pos, se.Findings[i].Pos)
					assert.Equal(t, wholeFindings[i].Code, se.Findings[i].Code)
				}
			}
			// Nothing of the refused set was written; a first set refused writes nothing at all.
			if tt.refused == 0 {
				assert.Zero(t, out.Len(), "nothing at all, not even the ISA")
			} else {
				assert.Equal(t, lens[len(lens)-1], out.Len())
				assert.True(t, strings.HasPrefix(whole.String(), out.String()))
			}
			// The error is sticky.
			n := out.Len()
			assert.Same(t, err, g.Encode(ack999("", false), nil))
			assert.Same(t, err, g.Close())
			assert.Equal(t, n, out.Len())
		})
	}
}

// TestCheckedGroupCheck: the caller's check sees each set and may refuse it; place moves a
// position of the set as read back (its ST) to where it is in the output.
func TestCheckedGroupCheck(t *testing.T) {
	var out bytes.Buffer
	g := x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	var seen []string
	var sts []x12.Position
	errRule := errors.New("the caller's rule")
	check := func(accept bool) func(*x12.Set, func(*x12.Position)) []*x12.Error {
		return func(set *x12.Set, place func(*x12.Position)) []*x12.Error {
			seen = append(seen, set.ST02)
			p := set.Pos
			place(&p)
			sev := x12.SeverityWarning // a warning alone does not refuse the set
			if !accept {
				sev = x12.SeverityError
			}
			return []*x12.Error{{Pos: p, Rule: "test", Err: errRule, Severity: sev}}
		}
	}
	require.NoError(t, g.Encode(ack999("", false), check(true)))
	err := g.Encode(ack999("", false), check(false))
	var se *x12.WriteError
	require.ErrorAs(t, err, &se)
	require.Len(t, se.Findings, 1, "refused by the check alone")
	assert.ErrorIs(t, err, errRule)
	assert.ErrorIs(t, err, x12.ErrInvalid)
	assert.Equal(t, 1, se.Findings[0].Index, "the second value")
	sts = append(sts, se.Findings[0].Pos)
	assert.Equal(t, []string{"0001", "0002"}, seen)

	// Where the two STs are in the output both would have made.
	var whole bytes.Buffer
	require.NoError(t, checkedEnv().WriteGroup(&whole, "FA", "005010X231A1", func(e *x12.EnvelopeWriter) error {
		if err := ack999("", false)(e); err != nil {
			return err
		}
		return ack999("", false)(e)
	}))
	sr := x12.NewSetReader(bytes.NewReader(whole.Bytes()))
	_, err = sr.Next()
	require.NoError(t, err)
	set, err := sr.Next()
	require.NoError(t, err)
	assert.Equal(t, set.Pos, sts[0], "the finding is where the refused set's ST would be")
}

// TestCheckedGroupLifecycle: Begin and Close write an empty group, Close alone writes nothing,
// Encode after Close is refused without writing, and a body writing two sets is an error.
func TestCheckedGroupLifecycle(t *testing.T) {
	var out bytes.Buffer
	g := x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	require.NoError(t, g.Close())
	assert.Zero(t, out.Len(), "nothing begun, nothing written")
	assert.Error(t, g.Encode(ack999("", false), nil))
	require.NoError(t, g.Close(), "Close after Close")

	g = x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	require.NoError(t, g.Begin())
	assert.Zero(t, out.Len(), "the ISA and GS wait for a set or Close")
	require.NoError(t, g.Close())
	var empty bytes.Buffer
	require.NoError(t, checkedEnv().WriteGroup(&empty, "FA", "005010X231A1", func(*x12.EnvelopeWriter) error { return nil }))
	assert.Equal(t, empty.String(), out.String())

	out.Reset()
	g = x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	two := func(e *x12.EnvelopeWriter) error {
		if err := ack999("", false)(e); err != nil {
			return err
		}
		return ack999("", false)(e)
	}
	err := g.Encode(two, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2 transaction sets")
	assert.Zero(t, out.Len())

	boom := errors.New("boom")
	g = x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	assert.Same(t, boom, g.Encode(func(*x12.EnvelopeWriter) error { return boom }, nil))
	assert.Same(t, boom, g.Close())
}

// TestEnvelopeGroupHeader: GS02 and GS03 default to ISA06 and ISA08.
func TestEnvelopeGroupHeader(t *testing.T) {
	env := x12.Envelope{Interchange: x12.InterchangeHeader{SenderID: "S", ReceiverID: "R"}}
	assert.Equal(t, x12.GroupHeader{FunctionalID: "HP", SenderCode: "S", ReceiverCode: "R", Version: "v"}, env.GroupHeader("HP", "v"))
	env.SenderCode, env.ReceiverCode = "GS02", "GS03"
	assert.Equal(t, x12.GroupHeader{FunctionalID: "HC", SenderCode: "GS02", ReceiverCode: "GS03", Version: "v"}, env.GroupHeader("HC", "v"))
}

// TestCheckedGroupRedacted: a CheckedGroup holding a set prints none of it.
func TestCheckedGroupRedacted(t *testing.T) {
	var out bytes.Buffer
	g := x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	_ = g.Encode(ack999("", true), nil) // refused: the set stays in memory
	var log bytes.Buffer
	slog.New(slog.NewTextHandler(&log, nil)).Info("g", "g", g, "v", *g)
	s := log.String() + fmt.Sprintf("%v %+v %#v %s", g, *g, *g, *g)
	assert.NotContains(t, s, "AK1")
	assert.Contains(t, s, "redacted")
}

// BenchmarkCheckedGroup encodes 999s through a CheckedGroup: the cost of the check per set.
func BenchmarkCheckedGroup(b *testing.B) {
	var one bytes.Buffer
	require.NoError(b, checkedEnv().WriteGroup(&one, "FA", "005010X231A1", ack999("", false)))
	b.ReportAllocs()
	b.SetBytes(int64(one.Len()))
	var out bytes.Buffer
	g := x12.NewCheckedGroup(&out, checkedEnv(), "FA", "005010X231A1")
	for i := 0; i < b.N; i++ {
		if err := g.Encode(ack999("", false), nil); err != nil {
			b.Fatal(err)
		}
		if out.Len() > 1<<20 {
			out.Reset()
		}
	}
	require.NoError(b, g.Close())
}
