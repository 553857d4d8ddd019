package eligibility

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// FuzzDecode: decoding any input as 270/271 never panics; whatever decodes encodes again,
// can be asked and matched. An input the guides accept without a finding comes back segment
// for segment (the lossless round trip); any other settles after one more round (re-reading
// our output and writing it again changes nothing).
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
		clean := true
		d := NewDecoder(bytes.NewReader(data))
		for v, err := range d.All() {
			if err != nil {
				return
			}
			clean = clean && d.Set().Findings.Len() == 0
			switch v := v.(type) {
			case *Request:
				reqs = append(reqs, v)
			case *Response:
				resps = append(resps, v)
			}
		}
		if len(reqs)+len(resps) == 0 {
			return
		}
		clean = clean && d.Envelopes().Errors().Len() == 0
		for _, r := range resps {
			for i := range r.Answers {
				_ = r.Answers[i].Ask(Query{ServiceType: "98", Date: x12.NewDate(2026, 1, 1)})
			}
		}
		if len(reqs) > 0 && len(resps) > 0 {
			_ = Match(reqs[0].Inquiries, resps[0].Answers)
			_ = SamplePlans().Respond(reqs[0], time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		first, err := encodeAll(reqs, resps)
		if err != nil {
			return // what the input held cannot be written (e.g. a delimiter inside a value)
		}
		if clean && len(reqs) > 0 != (len(resps) > 0) {
			// One kind only: the sets come back in their order (encodeAll groups by kind).
			want, got := guidetest.SetSegments(t, data), guidetest.SetSegments(t, first)
			if !guidetest.SameSets(want, got) {
				t.Fatalf("a clean input does not round-trip: %s", guidetest.FirstDiff(want, got))
			}
		}
		r2, s2, err := ReadAll(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("our own output does not read: %v", err)
		}
		second := encodeBoth(t, r2, s2)
		r3, s3, _ := ReadAll(bytes.NewReader(second))
		if third := encodeBoth(t, r3, s3); !bytes.Equal(second, third) {
			t.Fatalf("a third round changed the output")
		}
	})
}
