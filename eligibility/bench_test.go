package eligibility

import (
	"bytes"
	"io"
	"testing"
	"time"
)

// benchData is a 270 of n generated inquiries and the simulated payer's 271 answering it.
func benchData(b *testing.B, n int) (req270, resp271 []byte) {
	req := GenerateRequest(n, 3)
	var in, out bytes.Buffer
	if err := WriteRequests(&in, testEnvelope(), req); err != nil {
		b.Fatal(err)
	}
	if err := WriteResponses(&out, testEnvelope(), Respond(req, time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))); err != nil {
		b.Fatal(err)
	}
	return in.Bytes(), out.Bytes()
}

func BenchmarkDecode(b *testing.B) {
	in, out := benchData(b, 5000)
	for _, c := range []struct {
		name string
		data []byte
		read func(io.Reader) error
	}{
		{"270", in, func(r io.Reader) error { _, err := ReadRequests(r); return err }},
		{"271", out, func(r io.Reader) error { _, err := ReadResponses(r); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.read(bytes.NewReader(c.data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	in, out := benchData(b, 5000)
	reqs, _ := ReadRequests(bytes.NewReader(in))
	resps, _ := ReadResponses(bytes.NewReader(out))
	b.Run("270", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encodeAll(reqs, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("271", func(b *testing.B) {
		b.SetBytes(int64(len(out)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encodeAll(nil, resps); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAsk answers the front desk's questions for every answer of a 271.
func BenchmarkAsk(b *testing.B) {
	_, out := benchData(b, 5000)
	resps, _ := ReadResponses(bytes.NewReader(out))
	b.ReportAllocs()
	for b.Loop() {
		for i := range resps[0].Answers {
			_ = resps[0].Answers[i].Ask(Query{ServiceType: "98"})
		}
	}
}
