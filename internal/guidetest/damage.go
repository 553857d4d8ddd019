package guidetest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/x12"
)

// Damage is one damaged copy of a valid file, named for the test output.
type Damage struct {
	Kind    string // what was done (CutBetween, …), for counts by kind
	Name    string
	Segment string // the ID of the segment cut before, cut inside or deleted ("" for the other kinds)
	Data    []byte
}

// The kinds of Damage.
const (
	CutBetween  = "cut between segments"
	CutInside   = "cut inside a segment"
	Deleted     = "segment deleted"
	WrongSE01   = "wrong SE01"
	NoGE        = "GE missing"
	NoIEA       = "IEA missing"
	Empty       = "empty"
	WhiteSpace  = "white space only"
	Version4010 = "4010 interchange"
	AnotherType = "another transaction type"
)

// Damages returns the damaged copies of base (a valid interchange written with the delimiters
// * : ^ ~, one segment a line or not) that the decoders' damage-against-signal tests try: cut
// at every segment boundary and in the middle of every segment; every segment deleted in
// turn; a wrong SE01 (the first SE's); the last GE missing; the last IEA missing; empty input;
// white space only; a 4010 interchange (ISA12 00401, and the first GS's GS08 made version4010
// wherever it ends a segment: GS08, and ST03 where equal), unless version4010 is ""; and
// others (files of other transaction types, see Others), each whole.
func Damages(base []byte, version4010 string, others ...Damage) []Damage {
	segs := splitSegments(base)
	var out []Damage
	at := 0
	for i, s := range segs {
		n, id := strconv.Itoa(i+1), idOf(s)
		if i > 0 {
			out = append(out, Damage{CutBetween, "cut before segment " + n + " (" + id + ")", id, clone(base[:at])})
		}
		text := strings.TrimRight(s, "\r\n")
		out = append(out, Damage{CutInside, "cut inside segment " + n + " (" + id + ")", id, clone(base[:at+len(text)/2])})
		at += len(s)
	}
	without := func(i int, with ...string) []byte {
		return []byte(strings.Join(segs[:i], "") + strings.Join(with, "") + strings.Join(segs[i+1:], ""))
	}
	for i, s := range segs {
		id := idOf(s)
		out = append(out, Damage{Deleted, id + " deleted (segment " + strconv.Itoa(i+1) + ")", id, without(i)})
	}
	for i, s := range segs {
		if idOf(s) == "SE" {
			f := strings.SplitN(s, "*", 3)
			if n, err := strconv.Atoi(f[1]); err == nil && len(f) == 3 {
				out = append(out, Damage{WrongSE01, "wrong SE01", "", without(i, "SE*"+strconv.Itoa(n+1)+"*"+f[2])})
			}
			break
		}
	}
	last := func(id string) int {
		for i := len(segs) - 1; i >= 0; i-- {
			if idOf(segs[i]) == id {
				return i
			}
		}
		return -1
	}
	if i := last("GE"); i >= 0 {
		out = append(out, Damage{NoGE, "GE missing", "", without(i)})
	}
	if i := last("IEA"); i >= 0 {
		out = append(out, Damage{NoIEA, "IEA missing", "", without(i)})
	}
	out = append(out, Damage{Empty, "empty", "", []byte{}}, Damage{WhiteSpace, "white space only", "", []byte(" \r\n\t\n  ")})
	if version4010 != "" {
		old := string(base)
		if f := strings.Split(between(old, "GS*", "~"), "*"); len(f) >= 9 {
			old = strings.ReplaceAll(old, "*"+f[8]+"~", "*"+version4010+"~") // GS08, and ST03 where equal
		}
		old = strings.Replace(old, "*00501*", "*00401*", 1)
		out = append(out, Damage{Version4010, "4010 interchange", "", []byte(old)})
	}
	for _, o := range others {
		out = append(out, Damage{AnotherType, o.Name, "", clone(o.Data)})
	}
	return out
}

// Others reads the files at paths (of other transaction types) for Damages, each named by
// its file name.
func Others(t testing.TB, paths ...string) []Damage {
	t.Helper()
	var out []Damage
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		out = append(out, Damage{AnotherType, filepath.Base(p), "", data})
	}
	return out
}

// Count returns how many segments of id the (possibly damaged) data holds, read by a
// tolerant x12.Reader that skips what it cannot read.
func Count(data []byte, id string) int {
	r := x12.NewReader(bytes.NewReader(data))
	n := 0
	for {
		s, err := r.Next()
		if err == io.EOF {
			return n
		}
		if err != nil {
			if r.Err() != nil {
				return n
			}
			continue
		}
		if s.ID() == id {
			n++
		}
	}
}

// HasError reports whether list holds a finding of error severity.
func HasError(list []*x12.Error) bool {
	for _, e := range list {
		if e.Severity != x12.SeverityWarning {
			return true
		}
	}
	return false
}

// Decoded is what a careful caller gets from a decoder (see Decode).
type Decoded[T any] struct {
	Values    []T
	Errs      []error // every error the decoder returned, io.EOF excluded, the one that stopped it once
	OnValue   bool    // a returned value holds an error-level finding
	Elsewhere bool    // the decoder's own findings hold one after the loop
}

// First returns the first error the decoder returned, nil if none.
func (d Decoded[T]) First() error {
	if len(d.Errs) == 0 {
		return nil
	}
	return d.Errs[0]
}

// Decode reads a decoder the way a careful caller does: it calls next until io.EOF, going on
// past every error that does not stop the decoder, and at most calls times. An error returned
// again at once is taken to have stopped it (a decoder returns such an error on every later
// call) and is not counted twice. findings gives a value's findings, rest the decoder's own
// (asked for after the loop).
func Decode[T any](calls int, next func() (T, error), findings func(T) []*x12.Error, rest func() *x12.ErrorList) Decoded[T] {
	var out Decoded[T]
	var prev error
	for range calls {
		v, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if err == prev {
				break
			}
			prev = err
			out.Errs = append(out.Errs, err)
			continue
		}
		prev = nil
		out.Values = append(out.Values, v)
		out.OnValue = out.OnValue || HasError(findings(v))
	}
	out.Elsewhere = HasError(rest().All())
	return out
}

// Signals counts, over a damage table, how each case was made known to the caller: in all,
// and by the kind of damage.
type Signals struct {
	Cases, Errors, ValueFindings, OtherFindings, Silent int
	Lost, LostWithError                                 int // cases that returned fewer values than the input held

	kinds  []string
	byKind map[string]*Signals
}

// Add counts one case of a kind of damage: err is the first error the decoder returned (nil
// if none), values and input the values returned and held, and onValue / elsewhere whether
// an error-level finding came with a returned value / with the decoder's findings after the
// loop. It reports whether the case was signalled.
func (s *Signals) Add(kind string, err error, values, input int, onValue, elsewhere bool) bool {
	k := s.byKind[kind]
	if k == nil {
		if s.byKind == nil {
			s.byKind = map[string]*Signals{}
		}
		k = &Signals{}
		s.byKind[kind] = k
		s.kinds = append(s.kinds, kind)
	}
	k.add(err, values, input, onValue, elsewhere)
	return s.add(err, values, input, onValue, elsewhere)
}

func (s *Signals) add(err error, values, input int, onValue, elsewhere bool) bool {
	s.Cases++
	if values < input {
		s.Lost++
		if err != nil {
			s.LostWithError++
		}
	}
	switch {
	case err != nil:
		s.Errors++
	case onValue:
		s.ValueFindings++
	case elsewhere:
		s.OtherFindings++
	default:
		s.Silent++
		return false
	}
	return true
}

// Kinds returns the kinds of damage counted, in the order they first came.
func (s *Signals) Kinds() []string { return s.kinds }

// Kind returns the counts of one kind of damage.
func (s *Signals) Kind(kind string) Signals {
	if k := s.byKind[kind]; k != nil {
		return *k
	}
	return Signals{}
}

// String gives the counts for the test's output.
func (s Signals) String() string {
	return strconv.Itoa(s.Cases) + " cases: " + strconv.Itoa(s.Errors) + " with an error, " +
		strconv.Itoa(s.ValueFindings) + " with a finding on a value, " + strconv.Itoa(s.OtherFindings) +
		" with a set or envelope finding, " + strconv.Itoa(s.Silent) + " silent; " + strconv.Itoa(s.Lost) +
		" lost values, " + strconv.Itoa(s.LostWithError) + " of them with an error"
}

// IsEOF reports whether err is io.EOF.
func IsEOF(err error) bool { return errors.Is(err, io.EOF) }

// splitSegments cuts data after each terminator '~' (and the line break after it, if any).
func splitSegments(data []byte) []string {
	var out []string
	s := string(data)
	for len(s) > 0 {
		i := strings.IndexByte(s, '~')
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i + 1
		for j < len(s) && (s[j] == '\n' || s[j] == '\r') {
			j++
		}
		out = append(out, s[:j])
		s = s[j:]
	}
	return out
}

func idOf(seg string) string {
	seg = strings.TrimSpace(seg)
	if i := strings.IndexAny(seg, "*~"); i >= 0 {
		return seg[:i]
	}
	return seg
}

func join(a, b []string) []byte {
	return []byte(strings.Join(a, "") + strings.Join(b, ""))
}

func clone(b []byte) []byte { return append([]byte{}, b...) }

func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
