package eligibility

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

// The patient-data canary: a marker in every name, member id, birth date, address and REF of
// the fixtures, broken many ways, must never appear in an error, a finding, a write error or
// anything the typed values print or log.
const canary = "CANARY"

var patientSegment = regexp.MustCompile(`(?m)^(NM1\*(?:IL|03)\*1)\*[^*~]*\*[^*~]*(\*[^~]*MI\*)?[^*~]*~`)

// plant puts the canary into the fixture's patient data, keeping its structure.
func plant(in string) string {
	in = patientSegment.ReplaceAllString(in, "${1}*"+canary+"L*"+canary+"F****MI*"+canary+"ID~")
	for _, r := range []struct{ re, with string }{
		{`DMG\*D8\*[0-9]+`, "DMG*D8*" + canary},
		{`N3\*[^~]*`, "N3*" + canary + " ST"},
		{`N4\*[^*~]*`, "N4*" + canary + "VILLE"},
		{`REF\*6P\*[^*~]*`, "REF*6P*" + canary + "G"},
	} {
		in = regexp.MustCompile(r.re).ReplaceAllString(in, r.with)
	}
	return in
}

func canaryMutations(in string) []string {
	return []string{
		in,
		strings.Replace(in, "DMG*D8*", "DMG*D9*", 1),
		strings.Replace(in, "NM1*IL*1*", "NM1*IL*3*", 1),
		strings.Replace(in, "HL*3*2*22*", "HL*3*9*22*", 1),
		strings.Replace(in, "EB*", "XEB*", 1),
		strings.Replace(in, "EQ*", "EQ**", 1),
		strings.Replace(in, "TRN*", "TRN**", 1),
		strings.Replace(in, "\nN3*", "\nN3**", 1),
		strings.Replace(in, "NM1*IL", "NM1*XX", 1),
		strings.Replace(in, "~\nN4*", "~\nN4*"+canary+"*"+canary+"*"+canary+"*"+canary+"*"+canary+"*"+canary+"*"+canary+"*"+canary+"~\nN4*", 1),
		strings.ReplaceAll(in, "HL*", "HL*"+canary),
		strings.Replace(in, "SE*", "SE*"+canary, 1),
		in[:len(in)*2/3],
	}
}

func TestCanary(t *testing.T) {
	for _, name := range []string{"telehealth.270", "telehealth.271", "rejected.271"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		planted := plant(string(data))
		require.Contains(t, planted, canary+"ID", name)
		for i, in := range canaryMutations(planted) {
			// Each input through both decoders: the sets of the other kind are errors.
			seen := canarySeen(in, kind270, func(v *Request, seen *strings.Builder) {
				if err := WriteRequests(io.Discard, testEnvelope(), v); err != nil {
					seen.WriteString(err.Error())
				}
				resp := Respond(v, time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
				seen.WriteString(fmt.Sprintf("%v", resp))
			}) + canarySeen(in, kind271, func(v *Response, seen *strings.Builder) {
				if err := WriteResponses(io.Discard, testEnvelope(), v); err != nil {
					seen.WriteString(err.Error())
				}
				for j := range v.Answers {
					c := v.Answers[j].Ask(Query{ServiceType: "98"})
					c.Trace = "" // the trace number is echoed by design, and is no patient data
					seen.WriteString(fmt.Sprintf("%+v %v", c, v.Answers[j]))
				}
			})
			assert.NotContains(t, seen, canary, "%s mutation %d", name, i)
		}
	}
}

// canarySeen decodes in with the decoder of one kind and returns what its errors, the
// values, their findings, the envelope findings and what each makes of a value print.
func canarySeen[T any](in string, k kind[T], each func(v *T, seen *strings.Builder)) string {
	var seen strings.Builder
	d := newDecoder(strings.NewReader(in), k, nil)
	for v, err := range x12.All(d.next) {
		if err != nil {
			seen.WriteString(err.Error())
			break
		}
		for _, f := range d.Set().Findings.All() {
			seen.WriteString(f.Error())
		}
		seen.WriteString(fmt.Sprintf("%v %+v %#v", v, v, v))
		each(v, &seen)
	}
	for _, e := range d.Envelopes().Errors().All() {
		seen.WriteString(e.Error())
	}
	return seen.String()
}
