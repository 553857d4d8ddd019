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

// FuzzDecode: decoding any input as 270/271 never panics, and the Decoder keeps its
// contract: every error is an X12 one (errors.As *x12.Error or *x12.ErrorList), a set with
// error-level findings is followed by them as an error, ReadAll reads what Next does and
// returns an error exactly when Next returned one, and an input read without an error gives
// back every member level and benefit it holds. Whatever decodes encodes again, can be asked
// and matched. An input the guides accept without a finding comes back segment for segment
// (the lossless round trip); any other settles (re-reading our output and writing it again
// changes nothing after a few rounds).
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
		var reqs []*Request
		var resps []*Response
		var errs []error
		clean := true
		d := NewDecoder(bytes.NewReader(data))
		for range len(data) + 10 { // each call reads a set or returns an error: bounded
			v, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var e *x12.Error
				var list *x12.ErrorList
				if !errors.As(err, &e) && !errors.As(err, &list) {
					t.Fatalf("an error that is no x12 error: %T", err)
				}
				errs = append(errs, err)
				if d.st.Sticky(err) {
					break
				}
				continue
			}
			clean = clean && d.Set().Findings.Len() == 0
			var findings []*x12.Error
			switch v := v.(type) {
			case *Request:
				reqs, findings = append(reqs, v), v.Findings
			case *Response:
				resps, findings = append(resps, v), v.Findings
			}
			if hasError(findings) {
				_, err := d.Next()
				var list *x12.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("a set with error-level findings is not followed by them: %v", err)
				}
				errs = append(errs, err)
			}
		}
		r1, s1, err := ReadAll(bytes.NewReader(data))
		if len(r1) != len(reqs) || len(s1) != len(resps) {
			t.Fatalf("ReadAll read %d and %d sets, Next %d and %d", len(r1), len(s1), len(reqs), len(resps))
		}
		if (err == nil) != (len(errs) == 0) {
			t.Fatalf("ReadAll returned %v; Next returned %d errors", err, len(errs))
		}
		if len(errs) == 0 {
			if in, got := inputValues(data, ""), valuesOfAll(reqs, resps); in != got {
				t.Fatalf("no error, and %d values of %d", got, in)
			}
		}
		if len(reqs)+len(resps) == 0 {
			return
		}
		clean = clean && len(errs) == 0 && d.Envelopes().Errors().Len() == 0
		for _, r := range resps {
			for i := range r.Answers {
				_ = r.Answers[i].Ask(Query{ServiceType: "98", Date: x12.NewDate(2026, 1, 1)})
			}
		}
		if len(reqs) > 0 && len(resps) > 0 {
			_ = Match(reqs[0].Inquiries, resps[0].Answers)
			_ = Respond(reqs[0], time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		first, err := encodeAll(reqs, resps)
		if err != nil {
			return // what the input held cannot be written (e.g. a delimiter inside a value)
		}
		if clean && len(reqs) > 0 != (len(resps) > 0) {
			// One kind only: the sets come back in their order (encodeAll groups by kind).
			want, got := canonicalSegments(guidetest.SetSegments(t, data)), canonicalSegments(guidetest.SetSegments(t, first))
			if !guidetest.SameSets(want, got) {
				t.Fatalf("a clean input does not round-trip: %s", guidetest.FirstDiff(want, got))
			}
		}
		// Our own output may break the guide as the input did, but it reads whole.
		r2, s2, err := ReadAll(bytes.NewReader(first))
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
		prev := encodeBoth(t, r2, s2)
		for round := 3; ; round++ {
			r, s, _ := ReadAll(bytes.NewReader(prev))
			next := encodeBoth(t, r, s)
			if bytes.Equal(prev, next) {
				break
			}
			if round == 6 {
				t.Fatalf("round %d still changed the output", round)
			}
			prev = next
		}
	})
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
