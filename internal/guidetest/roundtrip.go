package guidetest

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/x12"
)

// The whole-file comparison of a round trip (x12kit json then x12, or a typed decode then
// encode): every segment of the input, envelopes included, must come back with the same
// values in the same order. What may differ is what a writer is free to choose — the
// delimiters, line breaks, the padding of the ISA's fixed-width fields, trailing empty
// elements, and how a decimal is written (75.00 or 75: typed models keep amounts as values) —
// and the counts and control numbers the envelope writer computes (SE01/SE02, GE01/GE02,
// IEA01/IEA02) and HL04, only where the input had them wrong and the output has them right.

// FileDiff is what CompareFiles found.
type FileDiff struct {
	Segments  int      // segments of the input compared
	Corrected []string // elements the writer corrected where the input had them wrong, e.g. "SE01 (segment 12)"
	Diffs     []string // every other difference: positions and segment IDs, never values
	Texts     []string // the differing segments themselves, for Diffs (public data only: debugging)
	Unread    int      // segments of the input the reader could not read (not compared)
}

// Same reports whether the round trip kept everything.
func (d *FileDiff) Same() bool { return len(d.Diffs) == 0 }

// canonSeg is a segment as compared: its ID and elements, each element's repetitions and
// components joined with separators no X12 data holds here (0x1E, 0x1F).
type canonSeg struct {
	id       string
	elements []string
	set      int // the index of the transaction set it is in (-1 outside)
}

const (
	repSep  = "\x1e"
	compSep = "\x1f"
)

// text shows a canonical segment with * : ^.
func (c canonSeg) text() string {
	s := c.id
	for _, e := range c.elements {
		s += "*" + strings.NewReplacer(repSep, "^", compSep, ":").Replace(e)
	}
	return s
}

func (c canonSeg) el(n int) string {
	if n >= 1 && n <= len(c.elements) {
		return c.elements[n-1]
	}
	return ""
}

// canonical reads every segment of data (all interchanges) into the compared form.
func canonical(data []byte) (segs []canonSeg, unread int) {
	r := x12.NewReader(bytes.NewReader(data))
	set, inSet := -1, false
	for {
		s, err := r.Next()
		if err == io.EOF {
			return segs, unread
		}
		if err != nil {
			if r.Err() != nil {
				return segs, unread
			}
			unread++
			continue
		}
		c := canonSeg{id: s.ID(), set: -1}
		switch c.id {
		case "ST":
			set++
			inSet = true
		}
		if inSet {
			c.set = set
		}
		if c.id == "SE" {
			inSet = false
		}
		c.elements = canonElements(s, inSet && c.id != "ST")
		segs = append(segs, c)
	}
}

func canonElements(s *x12.Segment, body bool) []string {
	n := s.Len()
	out := make([]string, 0, n)
	for k := 1; k <= n; k++ {
		var e string
		switch {
		case s.ID() == "ISA":
			e = strings.TrimRight(s.Value(k), " ")
			if k == 16 || k == 11 && s.Value(12) >= "00402" {
				e = "" // a delimiter, the writer's choice
			}
		case s.IsBinary() && k == 2:
			e = string(s.Element(k))
		default:
			reps := make([]string, 0, 1)
			for r := 1; r <= s.Repetitions(k); r++ {
				comps := make([]string, 0, 1)
				for c := 1; c <= s.Components(k, r); c++ {
					v := string(s.At(k, r, c))
					if body {
						v = canonicalDecimal(v)
					}
					comps = append(comps, v)
				}
				reps = append(reps, strings.Join(trimEmpty(comps), compSep))
			}
			e = strings.Join(trimEmpty(reps), repSep)
		}
		out = append(out, e)
	}
	return trimEmpty(out)
}

func trimEmpty(list []string) []string {
	for len(list) > 0 && list[len(list)-1] == "" {
		list = list[:len(list)-1]
	}
	return list
}

// canonicalDecimal writes a decimal as CanonicalDecimals does (75.00 → 75, 461.10 → 461.1).
func canonicalDecimal(v string) string {
	dot := strings.IndexByte(v, '.')
	if dot < 1 || strings.Count(v, ".") != 1 {
		return v
	}
	digits := strings.TrimPrefix(v, "-")
	if digits == "" || digits[0] == '.' || strings.Trim(digits, "0123456789.") != "" {
		return v
	}
	v = strings.TrimRight(v, "0")
	return strings.TrimSuffix(v, ".")
}

// computed holds, for the input's segments, the values of the elements a writer computes:
// by segment index and element number.
func computed(segs []canonSeg) map[[2]int]string {
	out := map[[2]int]string{}
	isa, gs, st := -1, -1, -1
	groups, sets := 0, 0
	hls := map[int]map[string]bool{} // set → HL01s that are some HL's HL02
	for _, c := range segs {
		if c.id == "HL" && c.set >= 0 {
			if hls[c.set] == nil {
				hls[c.set] = map[string]bool{}
			}
			if p := c.el(2); p != "" {
				hls[c.set][p] = true
			}
		}
	}
	for i, c := range segs {
		switch c.id {
		case "ISA":
			isa, groups = i, 0
		case "GS":
			gs, sets = i, 0
			groups++
		case "ST":
			st = i
			sets++
		case "SE":
			if st >= 0 {
				out[[2]int{i, 1}] = strconv.Itoa(i - st + 1)
				out[[2]int{i, 2}] = segs[st].el(2)
			}
			st = -1
		case "GE":
			out[[2]int{i, 1}] = strconv.Itoa(sets)
			if gs >= 0 {
				out[[2]int{i, 2}] = segs[gs].el(6)
			}
		case "IEA":
			out[[2]int{i, 1}] = strconv.Itoa(groups)
			if isa >= 0 {
				out[[2]int{i, 2}] = segs[isa].el(13)
			}
		case "HL":
			child := "0"
			if hls[c.set][c.el(1)] {
				child = "1"
			}
			out[[2]int{i, 4}] = child
		}
	}
	return out
}

// CompareFiles compares the X12 a round trip gave (got) with its input (want), segment by
// segment, as the package doc above says.
func CompareFiles(want, got []byte) FileDiff {
	w, unread := canonical(want)
	g, _ := canonical(got)
	d := FileDiff{Segments: len(w), Unread: unread}
	right := computed(w)
	for i := range max(len(w), len(g)) {
		if i >= len(w) || i >= len(g) {
			id := ""
			if i < len(w) {
				id = "input " + w[i].id
			} else {
				id = "output " + g[i].id
			}
			d.Diffs = append(d.Diffs, "segment "+strconv.Itoa(i+1)+": only in the "+id+" ("+
				strconv.Itoa(len(w))+" segments in, "+strconv.Itoa(len(g))+" out)")
			if i < len(w) {
				d.Texts = append(d.Texts, "want "+w[i].text()+" got nothing")
			} else {
				d.Texts = append(d.Texts, "want nothing got "+g[i].text())
			}
			break
		}
		a, b := w[i], g[i]
		if a.id != b.id {
			d.Diffs = append(d.Diffs, "segment "+strconv.Itoa(i+1)+": "+a.id+" vs "+b.id)
			d.Texts = append(d.Texts, "want "+a.text()+" got "+b.text())
			break // out of step: what follows says nothing more
		}
		bad := false
		for n := 1; n <= max(len(a.elements), len(b.elements)); n++ {
			x, y := a.el(n), b.el(n)
			if x == y {
				continue
			}
			name := a.id + twoDigits(n)
			if v, ok := right[[2]int{i, n}]; ok && x != v && y == v {
				d.Corrected = append(d.Corrected, name+" (segment "+strconv.Itoa(i+1)+")")
				continue
			}
			d.Diffs = append(d.Diffs, "segment "+strconv.Itoa(i+1)+": "+name+" differs")
			bad = true
		}
		if bad {
			d.Texts = append(d.Texts, "want "+a.text()+" got "+b.text())
		}
	}
	return d
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// AssertRoundTrip asserts that got is want come back (CompareFiles) and returns the number of
// segments compared. The differing segments are logged only with X12KIT_DEBUG set (public
// corpus data: never patient data in a CI log).
func AssertRoundTrip(t testing.TB, name string, want, got []byte) (segments int) {
	t.Helper()
	d := CompareFiles(want, got)
	if !d.Same() && os.Getenv("X12KIT_DEBUG") != "" {
		for _, s := range d.Texts {
			t.Logf("%s: %s", name, s)
		}
	}
	assert.True(t, d.Same(), "%s: %s", name, strings.Join(d.Diffs, "; "))
	assert.Zero(t, d.Unread, "%s: segments the reader could not read", name)
	return d.Segments
}

// Envelope is an input's envelope structure, as a typed encoder must re-create it: each
// interchange's header, its service segments (TA1, ISB, ISE before its first group) and its
// groups, each with its header and the number of sets it holds.
type Envelope struct {
	Interchanges []Interchange
}

// Interchange is one ISA of an Envelope.
type Interchange struct {
	Header   x12.InterchangeHeader
	Services []x12.RawSegment
	Groups   []Group
}

// Group is one GS of an Envelope: its header and its sets, in order.
type Group struct {
	Header x12.GroupHeader
	Sets   []SetKey
}

// SetKey names a transaction set of a file: the control numbers of its interchange, group
// and own ST, and how many sets of the file before it have the same three (N), so that a
// typed decoder's values can be put back in their sets.
type SetKey struct {
	ISA13, GS06, ST02 string
	N                 int
}

// SetKeys hands out the SetKeys of a file's sets in order. The zero value is ready to use.
type SetKeys map[[3]string]int

// Next is the key of the next set, which has these control numbers.
func (k *SetKeys) Next(isa13, gs06, st02 string) SetKey {
	if *k == nil {
		*k = SetKeys{}
	}
	c := [3]string{isa13, gs06, st02}
	n := (*k)[c]
	(*k)[c] = n + 1
	return SetKey{isa13, gs06, st02, n}
}

// Of is the key of set, the next a decoder read (Set gives the control numbers).
func (k *SetKeys) Of(set *x12.Set) SetKey { return k.Next(set.ISA13, set.GS06, set.ST02) }

// EnvelopeOf reads the envelopes of data.
func EnvelopeOf(data []byte) (*Envelope, error) {
	r := x12.NewReader(bytes.NewReader(data))
	env := &Envelope{}
	var keys SetKeys
	for {
		s, err := r.Next()
		if err == io.EOF {
			return env, nil
		}
		if err != nil {
			if r.Err() != nil {
				return env, err
			}
			continue
		}
		switch s.ID() {
		case "ISA":
			h, err := x12.InterchangeHeaderOf(isaValues(s))
			if err != nil {
				return env, err
			}
			env.Interchanges = append(env.Interchanges, Interchange{Header: h})
		case "TA1", "ISB", "ISE":
			if ic := last(env.Interchanges); ic != nil && len(ic.Groups) == 0 {
				ic.Services = append(ic.Services, x12.RawOf(s))
			}
		case "GS":
			if ic := last(env.Interchanges); ic != nil {
				ic.Groups = append(ic.Groups, Group{Header: x12.GroupHeaderOf(values(s))})
			}
		case "ST":
			if ic := last(env.Interchanges); ic != nil && len(ic.Groups) > 0 {
				g := &ic.Groups[len(ic.Groups)-1]
				g.Sets = append(g.Sets, keys.Next(ic.Header.Control, g.Header.Control, s.Value(2)))
			}
		}
	}
}

// values are a segment's elements (not its ID) as strings.
func values(s *x12.Segment) []string {
	out := make([]string, s.Len())
	for i := range out {
		out[i] = s.Value(i + 1)
	}
	return out
}

// isaValues are an ISA's elements, a delimiter byte of 0x80 or more as the character of its
// code (as x12kit json gives it).
func isaValues(s *x12.Segment) []string {
	out := values(s)
	for _, i := range []int{10, 15} {
		if i < len(out) && len(out[i]) == 1 && out[i][0] >= 0x80 {
			out[i] = string(rune(out[i][0]))
		}
	}
	return out
}

func last[T any](list []T) *T {
	if len(list) == 0 {
		return nil
	}
	return &list[len(list)-1]
}

// Rewrap writes the input's envelopes (EnvelopeOf) with delimiters d, each set through
// writeSet, given its key. A set writeSet does not write (it returns false) is left out,
// which CompareFiles then reports.
func (env *Envelope) Rewrap(d x12.Delimiters, writeSet func(e *x12.EnvelopeWriter, key SetKey) (bool, error)) ([]byte, error) {
	var out bytes.Buffer
	e := x12.NewEnvelopeWriter(&out)
	e.Writer().Newline = true
	e.Writer().Delimiters = d
	for _, ic := range env.Interchanges {
		if err := e.BeginInterchange(ic.Header); err != nil {
			return nil, err
		}
		for _, s := range ic.Services {
			seg, err := s.Segment()
			if err != nil {
				return nil, err
			}
			if err := e.WriteInterchangeSegment(seg); err != nil {
				return nil, err
			}
		}
		for _, g := range ic.Groups {
			if err := e.BeginGroup(g.Header); err != nil {
				return nil, err
			}
			for _, key := range g.Sets {
				if _, err := writeSet(e, key); err != nil {
					return nil, err
				}
			}
			if err := e.EndGroup(); err != nil {
				return nil, err
			}
		}
		if err := e.EndInterchange(); err != nil {
			return nil, err
		}
	}
	if err := e.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// delimitersOf are the delimiters of data's first interchange (a typed encoder writes its
// values with them: no value holds one), with a repetition separator when it has none.
func delimitersOf(data []byte) x12.Delimiters {
	r := x12.NewReader(bytes.NewReader(data))
	for {
		s, err := r.Next()
		if err == io.EOF || err != nil && r.Err() != nil {
			return x12.DefaultDelimiters
		}
		if err == nil && s.ID() == "ISA" {
			d := s.Delimiters()
			if d.Repetition == 0 {
				for _, c := range []byte("^|!`{}") {
					if c != d.Element && c != d.Component && c != d.Segment[0] && !bytes.ContainsRune(data, rune(c)) {
						d.Repetition = c
						break
					}
				}
			}
			return d
		}
	}
}

// TypedRoundTrip re-creates data's envelopes (EnvelopeOf) around the sets a typed encoder
// writes — write gets each set's key (SetKeys.Of of the set the values were decoded from) and
// writes it, or returns false when it has no values for it — and compares the result with
// data (CompareFiles).
func TypedRoundTrip(t testing.TB, data []byte, write func(e *x12.EnvelopeWriter, key SetKey) (bool, error)) FileDiff {
	t.Helper()
	env, err := EnvelopeOf(data)
	if err != nil {
		t.Fatalf("the envelopes do not read: %v", err)
	}
	out, err := env.Rewrap(delimitersOf(data), write)
	if err != nil {
		t.Fatalf("the typed values do not encode: %v", err)
	}
	return CompareFiles(data, out)
}

// AssertTypedRoundTrip asserts that TypedRoundTrip gives data back and returns the number of
// segments compared.
func AssertTypedRoundTrip(t testing.TB, name string, data []byte, write func(e *x12.EnvelopeWriter, key SetKey) (bool, error)) int {
	t.Helper()
	d := TypedRoundTrip(t, data, write)
	if !d.Same() && os.Getenv("X12KIT_DEBUG") != "" {
		for _, s := range d.Texts {
			t.Logf("%s: %s", name, s)
		}
	}
	assert.True(t, d.Same(), "%s: %s", name, strings.Join(d.Diffs, "; "))
	return d.Segments
}

// EachFile reads every file the glob patterns match, in order, and hands it to fn, which
// returns how many segments it compared; EachFile returns the file and segment counts for the
// test's log.
func EachFile(t testing.TB, patterns []string, fn func(name string, data []byte) int) (files, segments int) {
	t.Helper()
	for _, p := range patterns {
		names, err := filepath.Glob(p)
		require.NoError(t, err)
		for _, name := range names {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			segments += fn(name, data)
			files++
		}
	}
	return files, segments
}

// SetDecoder is what ByKey reads: a transaction package's decoder, a value per set.
type SetDecoder[T any] interface {
	Next() (T, error)
	Stops(err error) bool
	Set() *x12.Set
}

// ByKey reads every value d hands out, keyed by the set it came from, past every error that
// does not stop reading (findings, a set of another kind): what was read is kept.
func ByKey[T any](d SetDecoder[T]) map[SetKey]T {
	var keys SetKeys
	out := map[SetKey]T{}
	for {
		v, err := d.Next()
		switch {
		case err == io.EOF || err != nil && d.Stops(err):
			return out
		case err == nil:
			out[keys.Of(d.Set())] = v
		}
	}
}
