package guidetest

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/x12kit/x12kit/x12"
)

// Damage is one damaged copy of a valid file, named for the test output.
type Damage struct {
	Name string
	Data []byte
}

// Damages returns the damaged copies of base (a valid interchange written with the default
// delimiters * : ^ ~, one segment a line or not) that the decoders' damage-against-signal
// tests try: truncation at every segment boundary and in the middle of every segment; the
// first segment of each ID deleted; a wrong SE01; GE missing; IEA missing; empty input; white
// space only; a 4010 interchange (ISA12 00401, GS08 and ST03 version4010); and other, a file
// of another transaction type, given whole.
func Damages(base []byte, version4010 string, other []byte) []Damage {
	segs := splitSegments(base)
	var out []Damage
	at := 0
	for i, s := range segs {
		mid := at + len(s)/2
		if i > 0 {
			out = append(out, Damage{"truncated before segment " + strconv.Itoa(i+1), clone(base[:at])})
		}
		out = append(out, Damage{"truncated inside segment " + strconv.Itoa(i+1) + " (" + idOf(s) + ")", clone(base[:mid])})
		at += len(s)
	}
	seen := map[string]bool{}
	for i, s := range segs {
		id := idOf(s)
		if seen[id] || id == "ISA" {
			continue
		}
		seen[id] = true
		out = append(out, Damage{id + " deleted", join(segs[:i], segs[i+1:])})
	}
	for i, s := range segs {
		if idOf(s) == "SE" {
			n, _ := strconv.Atoi(strings.SplitN(strings.TrimSpace(s), "*", 3)[1])
			wrong := strings.Replace(s, "SE*"+strconv.Itoa(n)+"*", "SE*"+strconv.Itoa(n+1)+"*", 1)
			out = append(out, Damage{"wrong SE01", join(segs[:i], append([]string{wrong}, segs[i+1:]...))})
			break
		}
	}
	for i := len(segs) - 1; i >= 0; i-- {
		if idOf(segs[i]) == "GE" {
			out = append(out, Damage{"GE missing", join(segs[:i], segs[i+1:])})
			break
		}
	}
	if n := len(segs); n > 0 && idOf(segs[n-1]) == "IEA" {
		out = append(out, Damage{"IEA missing", join(segs[:n-1], nil)})
	}
	out = append(out, Damage{"empty", []byte{}}, Damage{"white space only", []byte(" \r\n\t\n  ")})
	if version4010 != "" {
		old := string(base)
		v := between(old, "GS*", "~")
		if f := strings.Split(v, "*"); len(f) >= 9 {
			old = strings.Replace(old, "*"+f[8]+"~", "*"+version4010+"~", -1) // GS08, and ST03 where equal
		}
		old = strings.Replace(old, "*00501*", "*00401*", 1)
		out = append(out, Damage{"4010 interchange", []byte(old)})
	}
	if other != nil {
		out = append(out, Damage{"another transaction type", clone(other)})
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

// Signals counts, over a damage table, how each case was made known to the caller.
type Signals struct {
	Cases, Errors, ValueFindings, OtherFindings, Silent int
	Lost, LostWithError                                 int // cases that returned fewer values than the input held
}

// Add counts one case: err is the first error the decoder returned (nil if none), values
// and input the values returned and held, and onValue / elsewhere whether an error-level
// finding came with a returned value / with the decoder's findings after the loop. It
// reports whether the case was signalled.
func (s *Signals) Add(err error, values, input int, onValue, elsewhere bool) bool {
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
