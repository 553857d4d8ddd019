package x12

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The patient-data canary: a marker planted in every element of many malformed inputs must
// never appear in any error message, nor in what a Segment prints about itself.
const canary = "CANARY"

// plantCanary puts the marker into every element of every segment of in (ISA included,
// keeping its widths), so any value an error might echo is the marker.
func plantCanary(t testing.TB, in string) string {
	segs, errs := readAll(t, in)
	require.Empty(t, errs)
	var b bytes.Buffer
	w := NewWriter(&b)
	for _, s := range segs {
		vals := make([]string, s.Len())
		for n := 1; n <= s.Len(); n++ {
			vals[n-1] = canary + strings.Repeat("X", n%3)
		}
		if s.ID() == "ISA" {
			vals = strings.Split(string(s.Raw()), "*")[1:]
			vals[5], vals[7] = "CANARYSENDER   ", "CANARYRECEIVER "
		}
		require.NoError(t, w.WriteStrings(s.ID(), vals...))
	}
	require.NoError(t, w.Flush())
	return b.String()
}

func mutations(in string, rng *rand.Rand) []string {
	out := []string{
		in,
		strings.ReplaceAll(in, "~", ""),                        // no terminators
		strings.ReplaceAll(in, "~", "~~"),                      // empty segments
		in[:len(in)/2],                                         // truncated
		strings.Replace(in, "*", "", 3),                        // broken ISA
		strings.Replace(in, "ST*", "S!*", 1),                   // bad ID
		strings.Replace(in, "~", "\xEF\xBB\xBF~", 4),           // stray bytes
		strings.ReplaceAll(in, "*", "^"),                       // everything a repetition
		strings.Replace(in, "GS*", canary+"*", 1),              // canary as segment ID
		strings.Replace(in, "BHT*", "BIN*99*", 1),              // binary length lie
		strings.Replace(in, "IEA*", "XX*", 1),                  // missing trailer
		in + in,                                                // duplicate control numbers
		"\xEF\xBB\xBF" + canary + strings.Repeat("*", 200),     // no ISA at all
		in[:106] + strings.Repeat(canary, 100000) + in[106:],   // an endless segment
		strings.Replace(in, "SE*", "SE*"+canary+canary+"*", 1), // wrong counts
	}
	for i := 0; i < 300; i++ {
		b := []byte(in)
		for j := 0; j < 1+rng.IntN(8); j++ {
			p := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b[p] = "*:^~\n\r XBIN"[rng.IntN(11)]
			case 1:
				b = append(b[:p], b[min(len(b), p+1+rng.IntN(20)):]...)
			default:
				b = append(b[:p], append([]byte(canary+"~"), b[p:]...)...)
			}
			if len(b) == 0 {
				break
			}
		}
		out = append(out, string(b))
	}
	return out
}

func TestNoPatientDataInErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var inputs []string
	for _, base := range []string{simpleInterchange("\n"), generate835(3)} {
		inputs = append(inputs, mutations(plantCanary(t, base), rng)...)
	}
	checked := 0
	for _, in := range inputs {
		r := NewReader(strings.NewReader(in))
		r.MaxSegment, r.MaxElement, r.MaxElements = 4096, 64, 40
		c := &EnvelopeChecker{}
		for i := 0; i < 100000; i++ {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				checked++
				requireNoCanary(t, err.Error())
				c.ReadError(err)
				if r.err != nil {
					break
				}
				continue
			}
			requireNoCanary(t, s.String())
			requireNoCanary(t, fmtAll(s))
			if s.ID() == "TA1" {
				if _, err := ParseTA1(s); err != nil {
					requireNoCanary(t, err.Error())
				}
			}
			c.Segment(s)
		}
		for _, e := range c.Finish().All() {
			checked++
			requireNoCanary(t, e.Error())
		}
		requireNoCanary(t, c.Errors().Error())
	}
	require.Greater(t, checked, 1000, "the mutations should produce many errors")

	// Guide validation and the 999 never echo data either.
	for _, in := range mutations(plantCanary(t, testSet(goodBody...)), rng)[:120] {
		reg := &Registry{}
		reg.Register(testGuide)
		sr := NewSetReader(strings.NewReader(in))
		sr.Guides = reg
		sr.Reader().MaxSegment, sr.Reader().MaxElement = 4096, 64
		for i := 0; i < 1000; i++ {
			set, err := sr.Next()
			if err != nil {
				break
			}
			for _, e := range set.Findings.All() {
				checked++
				requireNoCanary(t, e.Error())
			}
			ack := NewAck999(set.GS01, set.GS06, set.GS08)
			ack.AddSet(set)
			ack.Close(0)
			var b strings.Builder
			e := NewEnvelopeWriter(&b)
			e.Now = fixedClock
			_ = e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B"})
			_ = e.BeginGroup(GroupHeader{FunctionalID: "FA", SenderCode: "AA", ReceiverCode: "BB", Version: "005010X231A1"})
			_ = ack.Write(e)
			_ = e.Close()
			// AK1/AK2 echo envelope control values, which the canary replaced too: only the
			// IK3/IK4/IK5 lines must be free of it.
			for _, line := range strings.Split(b.String(), "~") {
				if strings.HasPrefix(line, "IK") {
					requireNoCanary(t, line)
				}
			}
		}
	}

	// Writer errors never echo the refused data either.
	w := NewWriter(io.Discard)
	err := w.Write("NM1", E("IL"), E(canary+"*"+canary))
	require.True(t, errors.Is(err, ErrDelimiterInData))
	requireNoCanary(t, err.Error())
}

func requireNoCanary(t *testing.T, s string) {
	t.Helper()
	if strings.Contains(strings.ToUpper(s), canary) {
		t.Fatalf("patient data leaked into: %s", s)
	}
}
