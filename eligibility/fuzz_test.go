package eligibility

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// FuzzDecode: decoding any input with the RequestDecoder and the ResponseDecoder never
// panics, and each keeps its contract: every error is an X12 one (errors.As *x12.Error or
// *x12.ErrorList), a set with error-level findings is followed by them as an error,
// ReadRequests and ReadResponses read what Next does and return an error exactly when Next
// returned one, and an input read without an error gives back every member level and benefit
// it holds. Whatever decodes encodes again, can be asked and matched. An input the guides
// accept without a finding comes back segment for segment (the lossless round trip); any
// other settles (re-reading our output and writing it again changes nothing after a few
// rounds).
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"testdata/telehealth.270", "testdata/telehealth.271", "testdata/rejected.271"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	var gen bytes.Buffer
	if err := WriteRequests(&gen, testEnvelope(), GenerateRequest(5, 1)); err == nil {
		f.Add(gen.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		reqs, reqsClean := fuzzDecoder(t, data, kind270, ReadRequests)
		resps, respsClean := fuzzDecoder(t, data, kind271, ReadResponses)
		if len(reqs)+len(resps) == 0 {
			return
		}
		// One kind only, and clean: the sets come back in their order.
		clean := reqsClean && len(resps) == 0 || respsClean && len(reqs) == 0
		for _, r := range resps {
			for i := range r.Answers {
				_ = r.Answers[i].Ask(Query{ServiceType: "98", Date: x12.NewDate(2026, 1, 1)})
			}
		}
		if len(reqs) > 0 && len(resps) > 0 {
			_ = Match(reqs[0].Inquiries, resps[0].Answers)
			_ = Respond(reqs[0], time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		first270, err := encodeAll(reqs, nil)
		if err != nil {
			return // what the input held cannot be written (e.g. a delimiter inside a value)
		}
		first271, err := encodeAll(nil, resps)
		if err != nil {
			return
		}
		if clean {
			want := canonicalSegments(guidetest.SetSegments(t, data))
			got := canonicalSegments(guidetest.SetSegments(t, append(first270, first271...)))
			if !guidetest.SameSets(want, got) {
				t.Fatalf("a clean input does not round-trip: %s", guidetest.FirstDiff(want, got))
			}
		}
		// Our own output may break the guide as the input did, but it reads whole.
		r2, s2, err := readEach(first270, first271)
		if len(r2) != len(reqs) || len(s2) != len(resps) || x12.Lost(err) {
			t.Fatalf("our own output does not read: %d and %d sets of %d and %d: %v", len(r2), len(s2), len(reqs), len(resps), err)
		}
		if clean && err != nil {
			t.Fatalf("our output of a clean input has findings: %v", err)
		}
		// Re-reading our output and writing it again settles: at once for segments the guide
		// places, within a few rounds for those it cannot (a segment of no known place written
		// among a loop's extras keeps the extras after it behind it, and is read into the next
		// loop; it moves once per round until nothing is left behind it).
		prev270, prev271 := encodeBoth(t, r2, nil), encodeBoth(t, nil, s2)
		for round := 3; ; round++ {
			r, s, _ := readEach(prev270, prev271)
			next270, next271 := encodeBoth(t, r, nil), encodeBoth(t, nil, s)
			if bytes.Equal(prev270, next270) && bytes.Equal(prev271, next271) {
				break
			}
			if round == 6 {
				t.Fatalf("round %d still changed the output", round)
			}
			prev270, prev271 = next270, next271
		}
	})
}

// fuzzDecoder decodes data with the decoder of one kind and checks its contract against Next
// and readAll (ReadRequests or ReadResponses); it returns the values, and whether the input
// read clean (no error, no finding).
func fuzzDecoder[T any](t *testing.T, data []byte, k kind[T], readAll func(io.Reader) ([]*T, error)) ([]*T, bool) {
	var values []*T
	var errs []error
	clean := true
	d := newDecoder(bytes.NewReader(data), k, nil)
	for range len(data) + 10 { // each call reads a set or returns an error: bounded
		v, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var e *x12.Error
			var list *x12.ErrorList
			if !errors.As(err, &e) && !errors.As(err, &list) {
				t.Fatalf("%s: an error that is no x12 error: %T", k.guide.ID, err)
			}
			errs = append(errs, err)
			if d.st.Sticky(err) {
				break
			}
			continue
		}
		clean = clean && d.Set().Findings.Len() == 0
		values = append(values, v)
		if hasError(valueFindings(v)) {
			_, err := d.next()
			var list *x12.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("%s: a set with error-level findings is not followed by them: %v", k.guide.ID, err)
			}
			errs = append(errs, err)
		}
	}
	all, err := readAll(bytes.NewReader(data))
	if len(all) != len(values) {
		t.Fatalf("%s: the whole read gave %d sets, Next %d", k.guide.ID, len(all), len(values))
	}
	if (err == nil) != (len(errs) == 0) {
		t.Fatalf("%s: the whole read returned %v; Next returned %d errors", k.guide.ID, err, len(errs))
	}
	n := 0
	for _, v := range values {
		n += valuesOf(v)
	}
	if in := inputValues(data, ""); len(errs) == 0 && in != n {
		t.Fatalf("%s: no error, and %d values of %d", k.guide.ID, n, in)
	}
	return values, clean && len(errs) == 0 && d.Envelopes().Errors().Len() == 0
}

// readEach reads the 270s of req270 and the 271s of resp271, each when there is any.
func readEach(req270, resp271 []byte) ([]*Request, []*Response, error) {
	var reqs []*Request
	var resps []*Response
	var err1, err2 error
	if len(req270) > 0 {
		reqs, err1 = ReadRequests(bytes.NewReader(req270))
	}
	if len(resp271) > 0 {
		resps, err2 = ReadResponses(bytes.NewReader(resp271))
	}
	return reqs, resps, errors.Join(err1, err2)
}

// canonicalSegments writes each EB07 of sets as the typed model writes amounts ("0" for "00",
// "12.5" for "12.50"): a Benefit keeps the amount, not the digits a sender happened to write.
// Segment IDs are written in upper case, as the Reader reads them ("PeR" is a PER).
func canonicalSegments(sets [][]string) [][]string {
	for _, set := range sets {
		for i, seg := range set {
			el := strings.Split(seg, "*")
			el[0] = strings.ToUpper(el[0])
			set[i] = strings.Join(el, "*")
			if el[0] != "EB" || len(el) <= 7 {
				continue
			}
			if a, err := x12.ParseAmount(el[7]); err == nil {
				el[7] = a.X12()
				set[i] = strings.Join(el, "*")
			}
		}
	}
	return sets
}
