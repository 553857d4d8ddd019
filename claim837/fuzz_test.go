package claim837

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/x12kit/x12kit/x12"
)

// FuzzDecode: decoding any input never panics; whatever decodes (read past every error
// that does not stop the decoder) encodes again; re-reading that output gives as many
// claims and segments; and decode → encode is then stable: one more round changes nothing.
func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, testEnvelope(), testBatch()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	for _, name := range []string{"testdata/encode.golden.837", "testdata/telehealth.837", "testdata/telehealth-dependent.837"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		claims, _, _, _ := decodeAll(data)
		if len(claims) == 0 {
			return
		}
		encode := func(claims []*Claim) ([]byte, error) {
			b := &Batch{}
			for _, c := range claims {
				b.Claims = append(b.Claims, *c)
			}
			var out bytes.Buffer
			_, err := writeRaw(&out, testEnvelope(), b)
			return out.Bytes(), err
		}
		_ = Check(&Batch{Claims: []Claim{*claims[0]}})
		first, err := encode(claims)
		if err != nil {
			return // what the input held cannot be written (e.g. a delimiter inside a value)
		}
		again, err, _, _ := decodeAll(first)
		if len(again) != len(claims) {
			t.Fatalf("our output reads back as %d claims, not %d (%v)", len(again), len(claims), err)
		}
		second, err := encode(again)
		if errors.Is(err, x12.ErrDelimiterInData) {
			// A simple element that held a component separator (read as text, then written
			// with the output's delimiters) is refused by the writer: an error, not a loss.
			return
		}
		if err != nil {
			t.Fatalf("re-encoding our own output: %v", err)
		}
		if bytes.Count(first, []byte("~")) != bytes.Count(second, []byte("~")) {
			t.Fatalf("re-reading our output changed the segment count")
		}
		third, _, _, _ := decodeAll(second)
		if out, err := encode(third); err != nil || !bytes.Equal(second, out) {
			t.Fatalf("a third round changed the output (%v)", err)
		}
	})
}
