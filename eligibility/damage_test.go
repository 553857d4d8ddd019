package eligibility

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

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

// decoded is what a careful caller gets from a RequestDecoder or ResponseDecoder
// (guidetest.Decode), and the values (see valuesOf) its requests or responses hold.
type decoded struct {
	guidetest.Decoded[any]
	values int
}

// decodeDamaged decodes data with the decoder of st01 (270 or 271).
func decodeDamaged(data []byte, st01 string) decoded {
	if st01 == "271" {
		return decodeWith(len(data), newDecoder(bytes.NewReader(data), kind271, nil))
	}
	return decodeWith(len(data), newDecoder(bytes.NewReader(data), kind270, nil))
}

func decodeWith[T any](size int, d decoder[T]) decoded {
	next := func() (any, error) {
		v, err := d.next()
		return v, err
	}
	out := decoded{Decoded: guidetest.Decode(size+10, next, valueFindings, d.Findings)}
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
	require.NoError(t, WriteResponses(&out, testEnvelope(), Respond(reqs[0], now), Respond(reqs[1], now)))
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
// transaction), the decoder of its kind never hands back fewer inquiries, answers or benefits
// than the damaged input holds without an error, never reads it in silence, and ReadRequests
// or ReadResponses returns an error.
func TestDamageSignals(t *testing.T) {
	others := guidetest.Others(t, "../remit835/testdata/telehealth.835", "../claim837/testdata/telehealth.837")
	var sig guidetest.Signals
	firstErrors, deleted := map[string]int{}, map[string]int{}
	for _, base := range damageBases(t) {
		t.Run(base.name, func(t *testing.T) {
			// The undamaged file: everything, no error, no error-level finding.
			want := inputValues(base.data, base.st01)
			require.Positive(t, want)
			got := decodeDamaged(base.data, base.st01)
			require.Empty(t, got.Errs)
			require.False(t, got.OnValue || got.Elsewhere, "the undamaged file has findings")
			require.Equal(t, want, got.values)
			reqs, resps, err := readKind(base.data, base.st01)
			require.NoError(t, err)
			require.Equal(t, want, valuesOfAll(reqs, resps))

			for _, dm := range guidetest.Damages(base.data, "004010X092A1", others...) {
				input := inputValues(dm.Data, base.st01)
				got := decodeDamaged(dm.Data, base.st01)
				first := got.First()
				if dm.Kind == guidetest.Deleted {
					deleted[dm.Segment]++
				}
				if first != nil {
					firstErrors[errorKind(first)]++
				}
				assert.LessOrEqual(t, got.values, input, "%s: more values than the input holds", dm.Name)
				if got.values < input {
					assert.NotEmpty(t, got.Errs, "%s: %d of %d values and no error", dm.Name, got.values, input)
				}
				assert.True(t, sig.Add(dm.Kind, first, got.values, input, got.OnValue, got.Elsewhere), "%s: silent", dm.Name)
				for _, err := range got.Errs {
					assert.NotEqual(t, "other", errorKind(err), "%s: an error that is no x12 error: %v", dm.Name, err)
				}

				reqs, resps, err := readKind(dm.Data, base.st01)
				assert.Error(t, err, "%s: ReadRequests or ReadResponses", dm.Name)
				assert.Equal(t, got.values, valuesOfAll(reqs, resps), "%s: ReadRequests or ReadResponses reads what Next does", dm.Name)
			}
		})
	}
	for _, k := range sig.Kinds() {
		t.Logf("%-24s %v", k, sig.Kind(k))
	}
	t.Logf("first errors: %s", counts(firstErrors))
	t.Logf("segments deleted, by ID: %s", counts(deleted))
	assert.Zero(t, sig.Silent, "silent cases")
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
