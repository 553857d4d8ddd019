package remit835

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// oldWrite is what Write wrote before the Encoder (and still must): every set encoded into
// one group, the whole output read back through the guide and the envelope checks and
// balanced, nothing written unless all is clean.
func oldWrite(env x12.Envelope, remits []*Remittance) ([]byte, *x12.WriteError) {
	var out bytes.Buffer
	if err := env.WriteGroup(&out, "HP", Version, encodeEach(remits)); err != nil {
		panic(err)
	}
	return out.Bytes(), verify(out.Bytes())
}

func telehealthRemits(t *testing.T) []*Remittance {
	remits, err := ReadAll(strings.NewReader(mustRead(t, "testdata/telehealth.835")))
	require.NoError(t, err)
	return remits
}

// TestEncoderStreamsAsWrite: remittances streamed one Encode at a time give the bytes Write
// gives, and Write's are the ones it wrote before it was built on the Encoder.
func TestEncoderStreamsAsWrite(t *testing.T) {
	withControls := func() x12.Envelope {
		env := testEnvelope()
		env.Controls = x12.NewSequence(41, 7, 9998) // ST02 past 9999: five digits
		env.Delimiters = x12.Delimiters{Element: '|', Component: '>', Repetition: '!', Segment: "\n"}
		env.Newline = false
		return env
	}
	for _, tc := range []struct {
		name   string
		remits func(t *testing.T) []*Remittance
		env    func() x12.Envelope
		sets   int // 0: as many as remittances
	}{
		{name: "one read from a file, its ST02 kept", remits: telehealthRemits, env: testEnvelope},
		{name: "adjudicated, 40 claims", remits: func(*testing.T) []*Remittance { return Adjudicated(40, 1) }, env: testEnvelope},
		{name: "adjudicated, 600 claims", remits: func(*testing.T) []*Remittance { return Adjudicated(600, 9) }, env: testEnvelope},
		{name: "control numbers and delimiters of the envelope", remits: func(*testing.T) []*Remittance { return Adjudicated(120, 2) }, env: withControls},
		{name: "ST02 given and drawn, mixed", remits: func(*testing.T) []*Remittance {
			remits := Adjudicated(80, 5)
			for i, r := range remits {
				if i%2 == 1 {
					r.Control = fmt.Sprintf("9%04d", i)
				}
			}
			return remits
		}, env: testEnvelope},
	} {
		t.Run(tc.name, func(t *testing.T) {
			remits := tc.remits(t)
			require.NotEmpty(t, remits)
			before, we := oldWrite(tc.env(), remits)
			require.Nil(t, we)

			var written bytes.Buffer
			require.NoError(t, Write(&written, tc.env(), remits...))
			assert.Equal(t, string(before), written.String(), "Write writes what it wrote before the Encoder")

			var streamed bytes.Buffer
			enc := NewEncoder(&streamed, tc.env(), nil)
			for i, r := range remits {
				require.NoError(t, enc.Encode(r), "remittance %d", i)
			}
			require.NoError(t, enc.Close())
			assert.Equal(t, written.String(), streamed.String())

			back, err := ReadAll(bytes.NewReader(streamed.Bytes()))
			require.NoError(t, err)
			assert.Len(t, back, len(remits))
		})
	}
}

// TestEncoderRefuses: a remittance that does not balance, breaks the guide or repeats an
// ST02 of the group is refused with an *x12.WriteError; nothing of it reaches the output, the
// Encoder keeps returning the error, and Write reports the findings at the positions the
// whole-output check finds them.
func TestEncoderRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dup   bool // refused only after the first: alone, it is clean
		spoil func(bad *Remittance, first *Remittance)
		check func(t *testing.T, we *x12.WriteError)
	}{
		{name: "a claim that does not balance", spoil: func(bad, _ *Remittance) {
			bad.Claims = slices.Clone(bad.Claims)
			bad.Claims[0].Paid += x12.Dollars(1)
		}, check: func(t *testing.T, we *x12.WriteError) {
			assert.Empty(t, guideOf(we))
			require.NotEmpty(t, imbalancesOf(we))
			assert.Equal(t, ClaimLevel, imbalancesOf(we)[0].Level)
			assert.Equal(t, "Claims[0].Paid", we.Findings[0].Field)
			assert.Equal(t, 4, we.Findings[0].Pos.Element, "CLP04")
		}},
		{name: "a payment that does not balance", spoil: func(bad, _ *Remittance) {
			bad.Payment.Amount += 1
		}, check: func(t *testing.T, we *x12.WriteError) {
			require.Len(t, imbalancesOf(we), 1)
			assert.Equal(t, "BPR", imbalancesOf(we)[0].Pos.ID)
			assert.Equal(t, "Payment.Amount", we.Findings[0].Field)
		}},
		{name: "an amount the guide refuses", spoil: func(bad, _ *Remittance) {
			bad.Claims = slices.Clone(bad.Claims)
			bad.Claims[0].Unparsed = nil
			bad.Claims[0].Unparsed.Set("Charge", "12X.00")
		}, check: func(t *testing.T, we *x12.WriteError) {
			require.NotEmpty(t, guideOf(we))
			assert.Equal(t, "CLP", guideOf(we)[0].Pos.ID)
			assert.Equal(t, "Claims[0].Charge", guideOf(we)[0].Field, "the Go field the element was written from")
		}},
		{name: "a payer without a name", spoil: func(bad, _ *Remittance) {
			bad.Payer.Name = ""
		}, check: func(t *testing.T, we *x12.WriteError) {
			require.NotEmpty(t, guideOf(we))
			assert.Equal(t, "N1", guideOf(we)[0].Pos.ID)
			assert.Equal(t, "Payer.Name", guideOf(we)[0].Field)
		}},
		{name: "an ST02 the group has", dup: true, spoil: func(bad, first *Remittance) {
			bad.Control = first.Control
		}, check: func(t *testing.T, we *x12.WriteError) {
			require.Len(t, guideOf(we), 1)
			assert.ErrorIs(t, guideOf(we)[0], x12.ErrDuplicateControl)
			assert.Equal(t, "ST", guideOf(we)[0].Pos.ID)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			remits := Adjudicated(60, 3)
			require.GreaterOrEqual(t, len(remits), 3)
			remits[0].Control = "9001"
			good, last := remits[:len(remits)-1], remits[len(remits)-1]
			bad := *good[1]
			bad.Control = ""
			tc.spoil(&bad, good[0])

			var out bytes.Buffer
			enc := NewEncoder(&out, testEnvelope(), nil)
			for _, r := range good {
				require.NoError(t, enc.Encode(r))
			}
			sent := out.String()
			err := enc.Encode(&bad)
			var we *x12.WriteError
			require.ErrorAs(t, err, &we)
			assert.ErrorIs(t, err, x12.ErrInvalid)
			for _, f := range we.Findings {
				assert.Equal(t, len(good), f.Index, "the index of the refused remittance")
			}
			tc.check(t, we)
			assert.Equal(t, sent, out.String(), "nothing of the refused remittance is written")
			assert.Same(t, we, errAs(t, enc.Encode(last)), "the error is sticky")
			assert.Same(t, we, errAs(t, enc.Close()))
			assert.Equal(t, sent, out.String())

			// Refused first: nothing at all is written, not even the ISA.
			var none bytes.Buffer
			first := NewEncoder(&none, testEnvelope(), nil)
			if !tc.dup {
				require.ErrorAs(t, first.Encode(&bad), &we)
				assert.ErrorIs(t, first.Close(), x12.ErrInvalid)
				assert.Zero(t, none.Len())
			}

			// Write: nothing written, and the findings and imbalances of the whole-output
			// check, positions included.
			all := append(slices.Clone(good), &bad, last)
			var w bytes.Buffer
			err = Write(&w, testEnvelope(), all...)
			require.ErrorAs(t, err, &we)
			assert.Zero(t, w.Len())
			_, whole := oldWrite(testEnvelope(), all)
			require.NotNil(t, whole)
			for _, f := range we.Findings {
				if f.RuleID() != x12.RuleBalance {
					f.Field = "" // the whole-output check knows no Go fields
				}
			}
			assert.Equal(t, whole, we)
			assert.NotContains(t, err.Error(), bad.Claims[0].PatientControl)
		})
	}
}

// guideOf are the findings of we that are not imbalances.
func guideOf(we *x12.WriteError) x12.Findings {
	var out x12.Findings
	for _, f := range we.Findings {
		if f.RuleID() != x12.RuleBalance {
			out = append(out, f)
		}
	}
	return out
}

// imbalancesOf are the imbalances we's findings wrap.
func imbalancesOf(we *x12.WriteError) []Imbalance {
	var out []Imbalance
	for _, f := range we.Findings.Rule(x12.RuleBalance) {
		var b Imbalance
		if errors.As(f, &b) {
			out = append(out, b)
		}
	}
	return out
}

func errAs(t *testing.T, err error) *x12.WriteError {
	t.Helper()
	var we *x12.WriteError
	require.ErrorAs(t, err, &we)
	return we
}

// TestEncoderEdges: Close without Encode writes nothing (Write without remittances an empty
// group, as it always did); Close twice; Encode after Close or of nil; an output that fails;
// a production interchange without a control source.
func TestEncoderEdges(t *testing.T) {
	r := telehealthRemits(t)[0]
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, out *bytes.Buffer)
		want string // the output; "-" for any
	}{
		{name: "Close without Encode", run: func(t *testing.T, out *bytes.Buffer) {
			enc := NewEncoder(out, testEnvelope(), nil)
			require.NoError(t, enc.Close())
			require.NoError(t, enc.Close(), "Close after Close")
			assert.Error(t, enc.Encode(r), "Encode after Close")
		}},
		{name: "Write without remittances", run: func(t *testing.T, out *bytes.Buffer) {
			require.NoError(t, Write(out, testEnvelope()))
			before, we := oldWrite(testEnvelope(), nil)
			require.Nil(t, we)
			assert.Equal(t, string(before), out.String())
		}, want: "-"},
		{name: "nil remittance, then a good one", run: func(t *testing.T, out *bytes.Buffer) {
			enc := NewEncoder(out, testEnvelope(), nil)
			assert.Error(t, enc.Encode(nil))
			require.NoError(t, enc.Encode(r), "a nil is refused without stopping the Encoder")
			require.NoError(t, enc.Close())
			assert.Equal(t, 1, strings.Count(out.String(), "ST*835*"))
		}, want: "-"},
		{name: "an output that fails", run: func(t *testing.T, _ *bytes.Buffer) {
			enc := NewEncoder(failingWriter{}, testEnvelope(), nil)
			err := enc.Encode(r)
			assert.ErrorIs(t, err, errFailing)
			assert.ErrorIs(t, enc.Encode(r), errFailing)
			assert.ErrorIs(t, enc.Close(), errFailing)
		}},
		{name: "production without a control source", run: func(t *testing.T, out *bytes.Buffer) {
			env := testEnvelope()
			env.Interchange.Usage = x12.Production
			enc := NewEncoder(out, env, nil)
			assert.ErrorIs(t, enc.Encode(r), x12.ErrNoControlSource)
			assert.ErrorIs(t, enc.Close(), x12.ErrNoControlSource)
			assert.ErrorIs(t, Write(out, env, r), x12.ErrNoControlSource)
		}},
		{name: "production with a control source", run: func(t *testing.T, out *bytes.Buffer) {
			env := testEnvelope()
			env.Interchange.Usage = x12.Production
			env.Controls = x12.NewSequence(500, 60, 1)
			enc := NewEncoder(out, env, nil)
			require.NoError(t, enc.Encode(r))
			require.NoError(t, enc.Close())
			assert.Contains(t, out.String(), "*000000500*0*P*")
			assert.Contains(t, out.String(), "GE*1*60~")
		}, want: "-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			tc.run(t, &out)
			if tc.want != "-" {
				assert.Equal(t, tc.want, out.String())
			}
		})
	}
}

var errFailing = errors.New("the disk is full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errFailing }

// TestEncoderPrintsRedacted: an Encoder holding a remittance's output prints and logs
// nothing of it.
func TestEncoderPrintsRedacted(t *testing.T) {
	r := telehealthRemits(t)[0]
	enc := NewEncoder(io.Discard, testEnvelope(), nil)
	require.NoError(t, enc.Encode(r))
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("encoding", "encoder", enc)
	for _, s := range []string{fmt.Sprint(enc), fmt.Sprintf("%+v", enc), fmt.Sprintf("%#v", *enc), logged.String()} {
		assert.Contains(t, s, "835 encoder (redacted)")
		assert.NotContains(t, s, "PAYER")
		assert.NotContains(t, s, r.Claims[0].PatientControl)
	}
}

// BenchmarkEncodeStream streams the simulated payer's remittances for 20 000 generated claims
// (several payers and providers; paid, adjusted and denied claims) through an Encoder,
// checking and balancing each before it is written; bytes are the 835's. The chunked streams
// encode remittances made on the fly, those of 200 claims at a time (made off the clock), and
// report the peak live heap, which stays that of one chunk however long the stream.
func BenchmarkEncodeStream(b *testing.B) {
	remits := Adjudicated(20000, 11)
	var size countingWriter
	writeAll(b, &size, remits)
	b.Run("4MB", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			writeAll(b, io.Discard, remits)
		}
	})
	remits = nil
	for _, chunks := range []int{10, 100} {
		b.Run(fmt.Sprintf("%d-chunks-stream", chunks), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var n countingWriter
				heap := guidetest.HeapSampler{Every: 1}
				enc := NewEncoder(&n, testEnvelope(), nil)
				for seed := range uint64(chunks) {
					b.StopTimer() // the remittances are made, and the heap measured, off the clock
					remits := Adjudicated(200, seed)
					b.StartTimer()
					for _, r := range remits {
						if err := enc.Encode(r); err != nil {
							b.Fatal(err)
						}
					}
					b.StopTimer()
					remits = nil
					heap.Sample()
					b.StartTimer()
				}
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(n))
				b.ReportMetric(float64(heap.Peak)/(1<<20), "peak-heap-MiB")
			}
		})
	}
}

func writeAll(b *testing.B, w io.Writer, remits []*Remittance) {
	enc := NewEncoder(w, x12.Envelope{
		Interchange: x12.InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC", Usage: x12.Test},
		Now:         func() time.Time { return time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC) },
	}, nil)
	for _, r := range remits {
		if err := enc.Encode(r); err != nil {
			b.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		b.Fatal(err)
	}
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// verify reads data, written by the encoder, back through Guide and the envelope checks and
// balances each set: nil when all is clean, else the findings and imbalances. It is the check
// of a whole output that the Encoder's set-by-set checks must give the same findings as.
func verify(data []byte) *x12.WriteError {
	we := &x12.WriteError{}
	var starts []int64 // each set's offset, to give each finding its set's index
	var imbalances x12.Findings
	we.Findings = x12.CheckOutput(data, codes.Default(), func(set *x12.Set) {
		starts = append(starts, set.Pos.Offset)
		if r := FromSet(set); r != nil {
			for _, b := range Balance(r) {
				imbalances = append(imbalances, b.Finding())
			}
		}
	})
	we.Findings = append(we.Findings, imbalances...)
	if len(we.Findings) == 0 {
		return nil
	}
	for _, f := range we.Findings {
		for i, at := range starts {
			if f.Pos.Offset >= at {
				f.Index = i
			}
		}
	}
	return we
}
