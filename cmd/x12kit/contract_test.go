package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/x12"
)

var samplePlans = filepath.Join("..", "..", "simulate", "sample_plans.json")

// readingCommands are the subcommands that read an X12 input (the input is the last
// argument, "-" for standard input).
var readingCommands = [][]string{
	{"validate", "-"},
	{"validate", "--json", "-"},
	{"validate", "--strict", "-"},
	{"json", "-"},
	{"inspect", "-"},
	{"inspect", "--redact", "-"},
	{"stat", "-"},
	{"stat", "--json", "-"},
	{"remit", "summary", "-"},
	{"remit", "summary", "--json", "-"},
	{"eligibility", "check", "-"},
	{"eligibility", "check", "--json", "-"},
	{"eligibility", "respond", "--plans", samplePlans, "-"},
	{"gen", "835", "--from", "-"},
	{"gen", "271", "--from", "-"},
}

// TestEmptyInput: an empty or white-space-only input is an input with errors (exit 1) for
// every command that reads one, with a diagnostic that says so.
func TestEmptyInput(t *testing.T) {
	for _, in := range []struct{ name, data string }{{"empty", ""}, {"white space", " \r\n\t \n  "}} {
		for _, args := range readingCommands {
			t.Run(in.name+"/"+strings.Join(args, " "), func(t *testing.T) {
				code, out, errOut := runCLI(t, in.data, args...)
				assert.Equal(t, exitBad, code, "stdout %q stderr %q", out, errOut)
				assert.NotEmpty(t, out+errOut, "a diagnostic")
				switch args[0] {
				case "validate", "json", "inspect", "stat", "remit":
					assert.Contains(t, out+errOut, x12.ErrNoInterchange.Error())
				}
			})
		}
	}
}

// TestEmptyInputAcknowledged: validate --ack answers an empty input all the same, with a TA1
// that rejects it.
func TestEmptyInputAcknowledged(t *testing.T) {
	for _, ack := range []string{"ta1", "999"} {
		for _, in := range []string{"", "  \n"} {
			code, out, errOut := runCLI(t, in, "validate", "--ack", ack, "-")
			assert.Equal(t, exitBad, code, errOut)
			assert.True(t, strings.HasPrefix(out, "ISA*"), out)
			assert.Regexp(t, `TA1\*000000000\*\d{6}\*\d{4}\*R\*024~`, out)
			assert.Contains(t, errOut, x12.ErrNoInterchange.Error())
			code, back, _ := runCLI(t, out, "validate", "-")
			assert.Equal(t, exitOK, code, "the TA1 itself is valid X12: %s", back)
		}
	}
}

// damages are ways of breaking the 837P fixture (4 claims); each makes the input one with
// errors.
var damages = []struct {
	name  string
	apply func(string) string
}{
	{"truncated in the middle", func(s string) string { return s[:len(s)/2] }},
	{"a CLM deleted", func(s string) string {
		s = regexp.MustCompile(`CLM\*TH0002\*[^~]*~\n`).ReplaceAllString(s, "")
		return strings.Replace(s, "SE*60*", "SE*59*", 1) // the count stays right: only the claim is wrong
	}},
	{"wrong SE01", func(s string) string { return strings.Replace(s, "SE*60*", "SE*61*", 1) }},
	{"GE missing", func(s string) string { return regexp.MustCompile(`GE\*[^~]*~\n`).ReplaceAllString(s, "") }},
	{"IEA missing", func(s string) string { return regexp.MustCompile(`IEA\*[^~]*~\n`).ReplaceAllString(s, "") }},
	{"4010 interchange", func(s string) string {
		s = strings.ReplaceAll(s, "005010X222A1", "004010X098A1")
		return strings.Replace(s, "*^*00501*", "*U*00401*", 1)
	}},
}

// TestDamagedInput: validate and json exit 1 on each damage (json after printing what it
// could read, as a whole JSON document), and no diagnostic holds patient data.
func TestDamagedInput(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	planted := strings.NewReplacer("DOE", "CANARY", "JANE", "CANARY", "XYZ000000001", "CANARY000001").Replace(string(data))
	for _, d := range damages {
		in := d.apply(planted)
		require.NotEqual(t, planted, in, d.name)
		if d.name == "a CLM deleted" {
			require.Equal(t, 3, strings.Count(in, "CLM*"))
		}
		for _, args := range [][]string{
			{"validate", "-"}, {"validate", "--json", "-"}, {"validate", "--ack", "999", "-"}, {"validate", "--ack", "ta1", "-"},
			{"json", "-"}, {"remit", "summary", "-"}, {"eligibility", "check", "-"},
		} {
			t.Run(d.name+"/"+strings.Join(args, " "), func(t *testing.T) {
				code, out, errOut := runCLI(t, in, args...)
				assert.Equal(t, exitBad, code, "stdout %.300q stderr %.300q", out, errOut)
				assert.NotContains(t, errOut, "CANARY")
				switch {
				case args[0] == "json":
					if out != "" {
						assert.True(t, json.Valid([]byte(out)), "one JSON document: %.300s", out)
					}
					assert.NotEmpty(t, errOut)
				case len(args) > 2 && args[1] == "--ack":
					assert.True(t, strings.HasPrefix(out, "ISA*"), "an acknowledgment: %.300s", out)
				default:
					assert.NotContains(t, out, "CANARY")
				}
			})
		}
	}
}

// TestDamagedInputPrintsWhatItRead: json gives the claims it could read from a damaged
// envelope (exit 1 all the same).
func TestDamagedInputPrintsWhatItRead(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	for _, name := range []string{"GE missing", "IEA missing", "wrong SE01"} {
		for _, d := range damages {
			if d.name != name {
				continue
			}
			code, out, _ := runCLI(t, d.apply(string(data)), "json", "-")
			assert.Equal(t, exitBad, code, name)
			assert.Equal(t, 4, strings.Count(out, `"patient_control_number"`), name)
		}
	}
}

// TestWrongTransaction: an 837P is no 835 for remit summary and no 271 for eligibility check;
// a damaged 835 is one with errors for remit summary.
func TestWrongTransaction(t *testing.T) {
	code, out, errOut := runCLI(t, "", "remit", "summary", goodFile)
	assert.Equal(t, exitBad, code, out)
	assert.Contains(t, errOut, x12.ErrWrongTransaction.Error())
	code, _, errOut = runCLI(t, "", "eligibility", "check", goodFile)
	assert.Equal(t, exitBad, code)
	assert.Contains(t, errOut, x12.ErrWrongTransaction.Error())

	data, err := os.ReadFile(telehealth835)
	require.NoError(t, err)
	s := string(data)
	for name, bad := range map[string]string{
		"truncated":  s[:len(s)*2/3],
		"wrong SE01": regexp.MustCompile(`SE\*(\d+)\*`).ReplaceAllString(s, "SE*999*"),
		"no IEA":     regexp.MustCompile(`IEA\*[^~]*~\n?`).ReplaceAllString(s, ""),
	} {
		require.NotEqual(t, s, bad, name)
		code, out, errOut := runCLI(t, bad, "remit", "summary", "--json", "-")
		assert.Equal(t, exitBad, code, "%s: %s", name, errOut)
		assert.True(t, json.Valid([]byte(out)), "%s: the summary of what could be read", name)
	}
}

// quirkFiles are 837Ps with one quirk each that the reader tolerates, made from base.x12
// (gen 837p --claims 2 --seed 5), with the sentinel each is reported with and the TA104 of
// the interchange: E (accepted, errors noted), or A for padding after its IEA, which comes
// once the TA1 of the whole interchange is written.
var quirkFiles = []struct {
	file string
	want error
	ta1  string
}{
	{"legacy_repetition.x12", x12.ErrLegacyRepetition, "E"},       // ISA11 U with ISA12 00501
	{"no_final_terminator.x12", x12.ErrNoFinalTerminator, "E"},    // IEA without terminator at EOF
	{"trailing_padding.x12", x12.ErrTrailingPadding, "A"},         // NULs and a Ctrl-Z after the IEA
	{"unpadded.x12", x12.ErrUnpaddedISA, "E"},                     // ISA*00* *00* *ZZ*SUBMITTER01*…
	{"repetition_component.x12", x12.ErrRepetitionComponent, "E"}, // ISA11 = ISA16 = ':'
	{"multibyte_component.x12", x12.ErrMultibyteComponent, "E"},   // ISA16 ¦ as C2 A6, terminator '!'
}

func quirkPath(name string) string { return filepath.Join("testdata", "quirks", name) }

// TestQuirks: each quirk is a warning — validate accepts the file and names it, --strict
// rejects it, --ack writes an acknowledgment, json gives the claims of the file without it.
func TestQuirks(t *testing.T) {
	_, baseJSON, errOut := runCLI(t, "", "json", quirkPath("base.x12"))
	require.NotEmpty(t, baseJSON, errOut)
	for _, q := range quirkFiles {
		t.Run(q.file, func(t *testing.T) {
			path := quirkPath(q.file)
			code, out, errOut := runCLI(t, "", "validate", path)
			assert.Equal(t, exitOK, code, out+errOut)
			assert.Contains(t, out, "warning: ")
			assert.Contains(t, out, q.want.Error())
			assert.Contains(t, out, "valid, 1 warning(s)")

			code, out, _ = runCLI(t, "", "validate", "--json", path)
			assert.Equal(t, exitOK, code)
			var rep validateReport
			require.NoError(t, json.Unmarshal([]byte(out), &rep))
			assert.True(t, rep.Valid)
			assert.Equal(t, 1, rep.Warnings)
			require.Len(t, rep.Findings, 1)
			assert.Equal(t, "warning", rep.Findings[0].Severity)
			assert.Equal(t, q.want.Error(), rep.Findings[0].Message)

			code, out, _ = runCLI(t, "", "validate", "--strict", path)
			assert.Equal(t, exitBad, code, out)
			assert.Contains(t, out, q.want.Error())
			assert.NotContains(t, out, "warning: ")

			code, ack, errOut := runCLI(t, "", "validate", "--ack", "999", path)
			assert.Equal(t, exitOK, code, errOut)
			assert.True(t, strings.HasPrefix(ack, "ISA*"), ack)
			assert.Contains(t, ack, "IK5*A~")
			assert.Contains(t, ack, "AK9*A*1*1*1~")
			assert.Contains(t, errOut, q.want.Error())

			code, ack, _ = runCLI(t, "", "validate", "--ack", "ta1", path)
			assert.Equal(t, exitOK, code)
			assert.True(t, strings.HasPrefix(ack, "ISA*"), ack)
			assert.Regexp(t, `TA1\*000000001\*261128\*0900\*`+q.ta1+`\*\d{3}~`, ack, "accepted (with errors noted)")

			for _, args := range [][]string{{"inspect", path}, {"stat", path}, {"gen", "835", "--from", path}} {
				code, _, errOut := runCLI(t, "", args...)
				assert.Equal(t, exitOK, code, "%v: %s", args, errOut)
				if args[0] != "gen" { // the generator answers quietly
					assert.Contains(t, errOut, q.want.Error(), "%v", args)
				}
			}

			code, js, errOut := runCLI(t, "", "json", path)
			assert.Equal(t, exitOK, code, errOut)
			assert.Contains(t, errOut, q.want.Error(), "the warning is on stderr")
			assert.Equal(t, transactionsOf(t, baseJSON), transactionsOf(t, js), "the same claims as the file without the quirk")

			// And back: x12 of that JSON is a valid 837P (delimiters may differ from the file's).
			code, back, errOut := runCLI(t, js, "x12", "-")
			require.Equal(t, exitOK, code, errOut)
			code, report, _ := runCLI(t, back, "validate", "-")
			assert.Equal(t, exitOK, code, report)
			_, again, _ := runCLI(t, back, "json", "-")
			assert.Equal(t, transactionsOf(t, baseJSON), transactionsOf(t, again))
		})
	}
}

// transactionsOf returns the transaction sets of the json command's output.
func transactionsOf(t *testing.T, js string) []any {
	t.Helper()
	var doc struct {
		Interchanges []struct {
			Groups []struct {
				Transactions []any `json:"transactions"`
			} `json:"groups"`
		} `json:"interchanges"`
	}
	require.NoError(t, json.Unmarshal([]byte(js), &doc))
	var out []any
	for _, ic := range doc.Interchanges {
		for _, g := range ic.Groups {
			out = append(out, g.Transactions...)
		}
	}
	return out
}

// TestValidateUnreadable: input that is X12-shaped but cannot be read on is exit 1 with the
// finding reported once; TA1s answer every interchange seen, rejecting the unreadable one;
// a 999 answers the groups read before it.
func TestValidateUnreadable(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	good := string(data)
	broken := good + strings.Replace(good, "ISA*00*", "ISA*00#", 1) // the second ISA cannot be read

	code, out, errOut := runCLI(t, broken, "validate", "-")
	assert.Equal(t, exitBad, code, errOut)
	assert.Empty(t, errOut)
	assert.Equal(t, 1, strings.Count(out, "TA105 0"), out)
	assert.Contains(t, out, "2 interchange(s), 1 transaction set(s), 1 finding(s)")

	code, out, _ = runCLI(t, broken, "validate", "--ack", "ta1", "-")
	assert.Equal(t, exitBad, code)
	assert.Equal(t, 2, strings.Count(out, "ISA*"))
	assert.Contains(t, out, "TA1*000000101*261128*1430*A*000~")
	assert.Regexp(t, `TA1\*000000000\*\d{6}\*\d{4}\*R\*0\d\d~`, out)

	code, out, _ = runCLI(t, broken, "validate", "--ack", "999", "-")
	assert.Equal(t, exitBad, code)
	assert.Equal(t, 1, strings.Count(out, "ISA*"))
	assert.Contains(t, out, "AK9*A*1*1*1~")

	for _, ack := range []string{"ta1", "999"} {
		code, out, errOut = runCLI(t, "HELLO~", "validate", "--ack", ack, "-")
		assert.Equal(t, exitBad, code)
		assert.Regexp(t, `^ISA\*.*\nTA1\*000000000\*\d{6}\*\d{4}\*R\*024~\nIEA\*0\*`, out, "nothing read: a TA1 that rejects")
		assert.Contains(t, errOut, x12.ErrNoISA.Error())
	}
}

// TestValidateManyInterchanges: past the envelope checker's limit on the results it keeps,
// every interchange still gets its TA1, with its own verdict, and the limit is no finding.
func TestValidateManyInterchanges(t *testing.T) {
	_, one, _ := runCLI(t, "", "gen", "837p", "--claims", "1", "--seed", "1")
	require.Equal(t, 2, strings.Count(one, "000000001"), "ISA13 and IEA02")
	var b strings.Builder
	for i := 1; i <= 12; i++ {
		s := strings.ReplaceAll(one, "000000001", fmt.Sprintf("%09d", i))
		if i == 5 || i == 9 {
			s = regexp.MustCompile(`IEA\*[^~]*~\n`).ReplaceAllString(s, "") // rejected: TA105 023
		}
		b.WriteString(s)
	}
	defer func(n int) { maxInterchanges = n }(maxInterchanges)
	maxInterchanges = 3
	code, out, errOut := runCLI(t, b.String(), "validate", "--ack", "ta1", "-")
	assert.Equal(t, exitBad, code, errOut)
	ta1s := regexp.MustCompile(`TA1\*(\d{9})\*\d{6}\*\d{4}\*([AER])\*(\d{3})~`).FindAllStringSubmatch(out, -1)
	require.Len(t, ta1s, 12, out)
	for i, m := range ta1s {
		assert.Equal(t, fmt.Sprintf("%09d", i+1), m[1])
		if i+1 == 5 || i+1 == 9 {
			assert.Equal(t, []string{"R", "023"}, m[2:], "interchange %d", i+1)
		} else {
			assert.Equal(t, []string{"A", "000"}, m[2:], "interchange %d", i+1)
		}
	}
	assert.Contains(t, errOut, "12 interchange(s), 12 transaction set(s), 2 finding(s)")
	assert.NotContains(t, errOut, x12.ErrInterchangeOverLimit.Error())
}

// TestValidateOverLimitIsNoFinding: more interchanges than the envelope checker keeps results
// for is no finding of the input.
func TestValidateOverLimitIsNoFinding(t *testing.T) {
	_, one, _ := runCLI(t, "", "gen", "837p", "--claims", "1", "--seed", "1")
	var b strings.Builder
	for i := 1; i <= 5; i++ {
		b.WriteString(strings.ReplaceAll(one, "000000001", fmt.Sprintf("%09d", i)))
	}
	defer func(n int) { maxInterchanges = n }(maxInterchanges)
	maxInterchanges = 2
	for _, args := range [][]string{{"validate", "-"}, {"validate", "--ack", "999", "-"}} {
		code, out, errOut := runCLI(t, b.String(), args...)
		assert.Equal(t, exitOK, code, out+errOut)
		assert.Contains(t, out+errOut, "5 interchange(s), 5 transaction set(s), valid")
	}
}

// TestValidateBoundsSummaries: past maxSetSummaries the sets are counted, not listed.
func TestValidateBoundsSummaries(t *testing.T) {
	defer func(n int) { maxSetSummaries = n }(maxSetSummaries)
	maxSetSummaries = 2
	data, err := os.ReadFile(remitFile) // 3 sets
	require.NoError(t, err)
	code, out, _ := runCLI(t, string(data), "validate", "--json", "-")
	require.Equal(t, exitOK, code, out)
	var rep validateReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Len(t, rep.Sets, 2)
	assert.Equal(t, 3, rep.SetCount)
	assert.Equal(t, 1, rep.SetsOmitted)
}

// TestJSONStreamsAsBefore: streaming an 837P through claim837.Decoder gives the very bytes
// the whole-set reading gives; an 835 streamed through remit835.Decoder the same document
// (its keys after the claims in another order).
func TestJSONStreamsAsBefore(t *testing.T) {
	_, many, _ := runCLI(t, "", "gen", "837p", "--claims", "30", "--seed", "9")
	_, more, _ := runCLI(t, "", "gen", "837p", "--claims", "3", "--seed", "4")
	inputs := map[string]string{"many": many, "two interchanges": many + more}
	for _, f := range []string{goodFile, telehealth835, remitFile} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		inputs[f] = string(data)
	}
	data, err := os.ReadFile(ackFile)
	require.NoError(t, err)
	inputs["837P then a 999"] = string(inputs[goodFile]) + string(data)
	for name, in := range inputs {
		streamed := runJSONMode(t, in, true)
		whole := runJSONMode(t, in, false)
		require.NotEmpty(t, streamed.out, name)
		assert.Equal(t, whole.code, streamed.code, name)
		if strings.Contains(in, "ST*835*") || name == "837P then a 999" {
			var a, b jsonDoc
			require.NoError(t, json.Unmarshal([]byte(streamed.out), &a), name)
			require.NoError(t, json.Unmarshal([]byte(whole.out), &b), name)
			if name == "837P then a 999" {
				// The 999 after the 837P is given as its segments when streaming.
				require.Len(t, a.Interchanges, 2)
				assert.Equal(t, b.Interchanges[0], a.Interchanges[0], name)
				assert.Equal(t, "segments", a.Interchanges[1].Groups[0].Sets[0].Type)
				code, back, errOut := runCLI(t, streamed.out, "x12", "-")
				require.Equal(t, exitOK, code, errOut)
				assert.Equal(t, segmentsOf(in), segmentsOf(back))
				continue
			}
			assert.Equal(t, b, a, name)
			continue
		}
		assert.Equal(t, whole.out, streamed.out, name)
	}
}

type cliResult struct {
	code     int
	out, err string
}

func runJSONMode(t *testing.T, in string, stream bool) cliResult {
	t.Helper()
	defer func(v bool) { streamTyped = v }(streamTyped)
	streamTyped = stream
	code, out, errOut := runCLI(t, in, "json", "-")
	return cliResult{code, out, errOut}
}

// TestGenFromFindings: gen 835 --from adjudicates claims of an input with findings (and says
// how many), and refuses input that lost claims.
func TestGenFromFindings(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	code, out, errOut := runCLI(t, strings.Replace(string(data), "SE*60*", "SE*61*", 1), "gen", "835", "--from", "-")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "1 finding(s)")
	assert.Equal(t, 4, strings.Count(out, "\nCLP*"))

	for _, d := range damages {
		if d.name == "truncated in the middle" || d.name == "4010 interchange" {
			code, _, errOut := runCLI(t, d.apply(string(data)), "gen", "835", "--from", "-")
			assert.Equal(t, exitBad, code, d.name)
			assert.NotEmpty(t, errOut)
		}
	}
}
