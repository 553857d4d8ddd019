package eligibility

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// damage is one damaged copy of a valid interchange: its kind (for the counts) and name.
type damage struct {
	kind, name string
	data       []byte
}

// splitSegments cuts data after each terminator '~' and the line breaks after it.
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

// segmentID is the ID of a segment as split (its text up to the first separator).
func segmentID(seg string) string {
	seg = strings.TrimSpace(seg)
	if i := strings.IndexAny(seg, "*~"); i >= 0 {
		return seg[:i]
	}
	return seg
}

// damages returns the damaged copies of base (an interchange written with the delimiters
// * : ^ ~): cut at every segment boundary and in the middle of every segment, every segment
// deleted in turn, a wrong SE01, GE missing, IEA missing, empty, white space only, a 4010
// interchange, and each of others (files of other transaction types) whole.
func damages(base []byte, others map[string][]byte) []damage {
	segs := splitSegments(base)
	var out []damage
	at := 0
	for i, s := range segs {
		if i > 0 {
			out = append(out, damage{"cut between segments", "cut before segment " + strconv.Itoa(i+1) + " (" + segmentID(s) + ")", bytes.Clone(base[:at])})
		}
		text := strings.TrimRight(s, "\r\n")
		out = append(out, damage{"cut inside a segment", "cut inside segment " + strconv.Itoa(i+1) + " (" + segmentID(s) + ")", bytes.Clone(base[:at+len(text)/2])})
		at += len(s)
	}
	without := func(i int, with ...string) []byte {
		return []byte(strings.Join(segs[:i], "") + strings.Join(with, "") + strings.Join(segs[i+1:], ""))
	}
	for i, s := range segs {
		out = append(out, damage{"segment deleted", segmentID(s) + " deleted (segment " + strconv.Itoa(i+1) + ")", without(i)})
	}
	for i, s := range segs {
		if segmentID(s) == "SE" {
			f := strings.SplitN(s, "*", 3)
			n, err := strconv.Atoi(f[1])
			if err == nil {
				out = append(out, damage{"wrong SE01", "wrong SE01", without(i, "SE*"+strconv.Itoa(n+1)+"*"+f[2])})
			}
			break
		}
	}
	last := func(id string) int {
		for i := len(segs) - 1; i >= 0; i-- {
			if segmentID(segs[i]) == id {
				return i
			}
		}
		return -1
	}
	if i := last("GE"); i >= 0 {
		out = append(out, damage{"GE missing", "GE missing", without(i)})
	}
	if i := last("IEA"); i >= 0 {
		out = append(out, damage{"IEA missing", "IEA missing", without(i)})
	}
	out = append(out, damage{"empty", "empty", []byte{}}, damage{"white space only", "white space only", []byte(" \r\n\t\n  ")})
	old := strings.Replace(string(base), "*00501*", "*00401*", 1)    // ISA12
	old = strings.ReplaceAll(old, "*"+Version+"~", "*004010X092A1~") // GS08 and ST03
	out = append(out, damage{"4010 interchange", "4010 interchange", []byte(old)})
	names := make([]string, 0, len(others))
	for name := range others {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		out = append(out, damage{"another transaction type", name, others[name]})
	}
	return out
}

// inputValues counts, with a tolerant x12.Reader that reads past what it cannot read, the
// values a decoder would give for data read as st01 sets ("": as each ST01 says): the member
// levels asked about or answered (every HL 23, and every HL 22 that has an EQ or EB of its
// own or no HL 23 after it: an Inquiry or Answer each) and, in a 271, the EB segments (a
// Benefit each).
func inputValues(data []byte, st01 string) int {
	follow := st01 == ""
	item := map[string]string{"270": "EQ", "271": "EB"}[st01]
	r := x12.NewReader(bytes.NewReader(data))
	n := 0
	subscriber, asked := false, false // an HL 22 is open; it has an EQ or EB
	endSubscriber := func(next string) {
		if subscriber && (asked || next != "23") {
			n++
		}
		subscriber, asked = false, false
	}
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if r.Err() != nil {
				break
			}
			continue
		}
		switch s.ID() {
		case "HL":
			level := s.Value(3)
			endSubscriber(level)
			if level == "23" {
				n++
			}
			subscriber = level == "22"
		case item:
			asked = true
			if st01 == "271" {
				n++
			}
		case "SE", "ST":
			endSubscriber("")
			if follow && s.ID() == "ST" {
				st01 = s.Value(1)
				item = map[string]string{"270": "EQ", "271": "EB"}[st01]
			}
		}
	}
	endSubscriber("")
	return n
}

// valuesOf counts the values a decoded 270 or 271 holds: its inquiries or answers about a
// member (not those the decoder gives for a level with no member under it), and a 271's
// benefits.
func valuesOf(v any) int {
	n := 0
	member := func(sub Member, dep *Member) bool { return dep != nil || !reflect.ValueOf(sub).IsZero() }
	switch v := v.(type) {
	case *Request:
		for _, q := range v.Inquiries {
			if member(q.Subscriber, q.Dependent) {
				n++
			}
		}
	case *Response:
		for _, a := range v.Answers {
			if member(a.Subscriber, a.Dependent) {
				n++
			}
			n += len(a.Benefits)
		}
	}
	return n
}

// hasError reports whether list holds a finding of error severity (fuzz_test.go uses it).
var hasError = guidetest.HasError

// decoded is what a careful caller gets from a Decoder (guidetest.Decode), and the values
// (see valuesOf) its requests and responses hold.
type decoded struct {
	guidetest.Decoded[any]
	values int
}

func decodeDamaged(data []byte) decoded {
	d := NewDecoder(bytes.NewReader(data))
	out := decoded{Decoded: guidetest.Decode(len(data)+10, d.Next, valueFindings, d.Findings)}
	for _, v := range out.Values {
		out.values += valuesOf(v)
	}
	return out
}

// valueFindings returns the findings of a decoded Request or Response.
func valueFindings(v any) []*x12.Error {
	switch v := v.(type) {
	case *Request:
		return v.Findings
	case *Response:
		return v.Findings
	}
	return nil
}

// signals counts, over the cases of one kind of damage, how each was made known.
type signals struct {
	cases, errs, onValue, elsewhere, silent, lost, lostWithError int
}

func (s *signals) String() string {
	return fmt.Sprintf("%d cases: %d with an error, %d with a finding on a value only, %d with a finding in Findings only, %d silent; %d lost values, %d of them with an error",
		s.cases, s.errs, s.onValue, s.elsewhere, s.silent, s.lost, s.lostWithError)
}

// errorKind names the first error's kind, for the counts.
func errorKind(err error) string {
	var list *x12.ErrorList
	switch {
	case errors.Is(err, x12.ErrTruncated):
		return "ErrTruncated"
	case errors.Is(err, x12.ErrNoInterchange):
		return "ErrNoInterchange"
	case errors.Is(err, x12.ErrWrongTransaction):
		return "ErrWrongTransaction"
	case errors.As(err, &list):
		return "findings (*x12.ErrorList)"
	}
	var e *x12.Error
	if errors.As(err, &e) {
		return "*x12.Error: " + e.Err.Error()
	}
	return "other"
}

// damageBases are the valid interchanges the damage test breaks: the fixtures, and a
// generated 270 of two sets with several subscribers and dependents, with the simulated
// payer's 271 answering it.
func damageBases(t *testing.T) []struct {
	name, st01 string
	data       []byte
} {
	t.Helper()
	read := func(name string) []byte {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(t, err)
		return data
	}
	reqs := []*Request{GenerateRequest(5, 11), GenerateRequest(4, 12)}
	var in, out bytes.Buffer
	require.NoError(t, WriteRequests(&in, testEnvelope(), reqs...))
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	require.NoError(t, WriteResponses(&out, testEnvelope(), SamplePlans().Respond(reqs[0], now), SamplePlans().Respond(reqs[1], now)))
	return []struct {
		name, st01 string
		data       []byte
	}{
		{"telehealth.270", "270", read("telehealth.270")},
		{"telehealth.271", "271", read("telehealth.271")},
		{"rejected.271", "271", read("rejected.271")},
		{"generated 270", "270", in.Bytes()},
		{"generated 271", "271", out.Bytes()},
	}
}

// TestDamageSignals: whatever is done to a valid 270 or 271 (cut anywhere, any segment
// deleted, a wrong SE01, a trailer missing, empty, white space, a 4010 interchange, another
// transaction), the Decoder never hands back fewer inquiries, answers or benefits than the damaged
// input holds without an error, never reads it in silence, and ReadAll returns an error.
func TestDamageSignals(t *testing.T) {
	others := map[string][]byte{}
	for _, f := range []string{"../claim837/testdata/telehealth.837", "../remit835/testdata/telehealth.835"} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		others[f[strings.LastIndexByte(f, '/')+1:]] = data
	}
	byKind := map[string]*signals{}
	var kinds []string
	firstErrors, deleted := map[string]int{}, map[string]int{}
	for _, base := range damageBases(t) {
		t.Run(base.name, func(t *testing.T) {
			// The undamaged file: everything, no error, no error-level finding.
			want := inputValues(base.data, base.st01)
			require.Positive(t, want)
			got := decodeDamaged(base.data)
			require.Empty(t, got.Errs)
			require.False(t, got.OnValue || got.Elsewhere, "the undamaged file has findings")
			require.Equal(t, want, got.values)
			reqs, resps, err := ReadAll(bytes.NewReader(base.data))
			require.NoError(t, err)
			require.Equal(t, want, valuesOfAll(reqs, resps))

			for _, dm := range damages(base.data, others) {
				input := inputValues(dm.data, base.st01)
				got := decodeDamaged(dm.data)
				first := got.First()
				s := byKind[dm.kind]
				if s == nil {
					s = &signals{}
					byKind[dm.kind] = s
					kinds = append(kinds, dm.kind)
				}
				s.cases++
				if dm.kind == "segment deleted" {
					deleted[strings.Fields(dm.name)[0]]++
				}
				if got.values < input {
					s.lost++
					if first != nil {
						s.lostWithError++
					}
				}
				switch {
				case first != nil:
					s.errs++
					firstErrors[errorKind(first)]++
				case got.OnValue:
					s.onValue++
				case got.Elsewhere:
					s.elsewhere++
				default:
					s.silent++
				}
				assert.LessOrEqual(t, got.values, input, "%s: more values than the input holds", dm.name)
				if got.values < input {
					assert.NotEmpty(t, got.Errs, "%s: %d of %d values and no error", dm.name, got.values, input)
				}
				assert.True(t, first != nil || got.OnValue || got.Elsewhere, "%s: silent", dm.name)
				for _, err := range got.Errs {
					assert.NotEqual(t, "other", errorKind(err), "%s: an error that is no x12 error: %v", dm.name, err)
				}

				reqs, resps, err := ReadAll(bytes.NewReader(dm.data))
				assert.Error(t, err, "%s: ReadAll", dm.name)
				assert.Equal(t, got.values, valuesOfAll(reqs, resps), "%s: ReadAll reads what Next does", dm.name)
			}
		})
	}
	silent := 0
	for _, k := range kinds {
		t.Logf("%-24s %v", k, byKind[k])
		silent += byKind[k].silent
	}
	t.Logf("first errors: %s", counts(firstErrors))
	t.Logf("segments deleted, by ID: %s", counts(deleted))
	assert.Zero(t, silent, "silent cases")
}

// counts lists a tally as "key n", sorted by key.
func counts(m map[string]int) string {
	var out []string
	for k, n := range m {
		out = append(out, fmt.Sprintf("%s %d", k, n))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// valuesOfAll counts the values of every request and response (see valuesOf).
func valuesOfAll(reqs []*Request, resps []*Response) int {
	n := 0
	for _, r := range reqs {
		n += valuesOf(r)
	}
	for _, r := range resps {
		n += valuesOf(r)
	}
	return n
}
