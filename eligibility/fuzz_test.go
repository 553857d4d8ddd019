package eligibility

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// FuzzDecode: decoding any input as 270/271 never panics; whatever decodes encodes again,
// can be asked and matched; re-reading our output keeps the segment count, and one more
// round changes nothing.
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
		reqs, resps, err := ReadAll(bytes.NewReader(data))
		if err != nil || len(reqs)+len(resps) == 0 {
			return
		}
		for _, r := range resps {
			for i := range r.Answers {
				_ = r.Answers[i].Ask(Query{ServiceType: "98"})
			}
		}
		if len(reqs) > 0 && len(resps) > 0 {
			_ = Match(reqs[0].Inquiries, resps[0].Answers)
			_ = SamplePlans().Respond(reqs[0], time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		round := func(reqs []*Request, resps []*Response) []byte {
			return encodeBoth(t, reqs, resps)
		}
		first, err := encodeAll(reqs, resps)
		if err != nil {
			return // what the input held cannot be written (e.g. a delimiter inside a value)
		}
		r2, s2, err := ReadAll(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("our own output does not read: %v", err)
		}
		second := round(r2, s2)
		if bytes.Count(first, []byte("~")) != bytes.Count(second, []byte("~")) {
			t.Fatalf("re-reading our output changed the segment count")
		}
		r3, s3, _ := ReadAll(bytes.NewReader(second))
		if third := round(r3, s3); !bytes.Equal(second, third) {
			t.Fatalf("a third round changed the output")
		}
	})
}
