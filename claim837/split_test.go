package claim837

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"
)

// writtenSet is one transaction set of an encoder's output, as a receiver sees it.
type writtenSet struct {
	st02, reference string
	payers          map[string]bool // NM109 of 2010BB
	hl01s           []string
	claims          []string // CLM01, in order
}

// writeSets writes batches with en, then reads the output back: it must pass the guide and
// the envelope rules with no finding at all, and every SE01 must count its set's segments.
func writeSets(t *testing.T, en EncodeOptions, batches ...*Batch) []writtenSet {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := en.write(&buf, testEnvelope(), batches...)
	require.NoError(t, err)
	for _, w := range warnings {
		require.Equal(t, x12.SeverityWarning, w.Severity, w.Error())
	}

	sr := x12.NewSetReader(bytes.NewReader(buf.Bytes()))
	sr.Codes = codes.Default()
	var sets []writtenSet
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.Zero(t, set.Findings.Len(), "set %d: %v", len(sets)+1, set.Findings.All())
		ws := writtenSet{st02: set.ST02, payers: map[string]bool{}}
		set.Root.Segments(func(s *x12.Segment, _ *x12.SegmentSpec, _ *x12.Node) bool {
			switch {
			case s.ID() == "BHT":
				ws.reference = s.Value(3)
			case s.ID() == "HL":
				ws.hl01s = append(ws.hl01s, s.Value(1))
			case s.ID() == "NM1" && s.Value(1) == "PR":
				ws.payers[s.Value(9)] = true
			case s.ID() == "CLM":
				ws.claims = append(ws.claims, s.Value(1))
			}
			return true
		})
		sets = append(sets, ws)
	}
	require.Zero(t, sr.Envelopes().Errors().Len(), "%v", sr.Envelopes().Errors().All())

	// SE01 against the segments from ST to SE, counted here rather than by the reader.
	n := 0
	for _, seg := range strings.Split(buf.String(), "~") {
		seg = strings.TrimSpace(seg)
		switch {
		case strings.HasPrefix(seg, "ST*"):
			n = 1
		case strings.HasPrefix(seg, "SE*"):
			n++
			assert.Equal(t, strconv.Itoa(n), strings.Split(seg, "*")[1], seg)
		case n > 0:
			n++
		}
	}

	// Decoding gives back every claim, in the order the sets hold them.
	decoded, err := ReadAll(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, decoded, len(sets))
	for k, b := range decoded {
		var pcns []string
		for i := range b.Claims {
			pcns = append(pcns, b.Claims[i].PatientControlNumber)
		}
		assert.Equal(t, sets[k].claims, pcns, "set %d", k+1)
	}
	return sets
}

func allClaims(sets []writtenSet) []string {
	var out []string
	for _, s := range sets {
		out = append(out, s.claims...)
	}
	return out
}

// distinctSets asserts no two sets share an ST02 or a BHT03, and each set numbers its HL
// loops from 1.
func distinctSets(t *testing.T, sets []writtenSet) {
	t.Helper()
	st02s, refs := map[string]bool{}, map[string]bool{}
	for k, s := range sets {
		assert.False(t, st02s[s.st02], "set %d repeats ST02 %s", k+1, s.st02)
		assert.False(t, refs[s.reference], "set %d repeats BHT03 %s", k+1, s.reference)
		st02s[s.st02], refs[s.reference] = true, true
		assert.Equal(t, "1", s.hl01s[0], "set %d: HL01 starts at 1", k+1)
		for i, id := range s.hl01s {
			assert.Equal(t, strconv.Itoa(i+1), id, "set %d: HL01s numbered in order", k+1)
		}
	}
}

func setSizes(sets []writtenSet) []int {
	var out []int
	for _, s := range sets {
		out = append(out, len(s.claims))
	}
	return out
}

func TestSplitAtTheRecommendedLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and checks 12,001 claims twice")
	}
	b := manyClaims(12001)
	whole := writeSets(t, EncodeOptions{}, b)
	require.Len(t, whole, 1)
	require.Len(t, whole[0].claims, 12001)

	sets := writeSets(t, EncodeOptions{MaxClaimsPerSet: RecommendedMaxClaims}, b)
	assert.Equal(t, []int{5000, 5000, 2001}, setSizes(sets))
	assert.Equal(t, whole[0].claims, allClaims(sets), "the claims in the order one set holds them")
	distinctSets(t, sets)
	for k, s := range sets {
		assert.Equal(t, fmt.Sprintf("%s-%d", b.Reference, k+1), s.reference)
	}
	assert.Len(t, b.Claims, 12001, "the batch is not changed")
	assert.Equal(t, "BATCH0001", b.Reference)
}

// manyClaims is a batch of n claims made from testBatch's three (a commercial video visit, a
// Medicare audio-only one, a dependent's video visit): two billing providers, three payers,
// every subscriber with one claim, mixed in a deterministic order.
func manyClaims(n int) *Batch {
	b := testBatch()
	kinds := b.Claims
	second := kinds[0].BillingProvider
	second.Name, second.NPI, second.EIN = "EXAMPLE VIRTUAL CARE", "1245319599", "987654321"
	mutual := Payer{Name: "SAMPLE MUTUAL INSURANCE", ID: "88888"}
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	b.Claims = make([]Claim, n)
	for i := range b.Claims {
		c := kinds[rng.IntN(len(kinds))]
		if rng.IntN(2) == 0 {
			c.BillingProvider = second
		}
		if c.Payer.ID == "99999" && rng.IntN(2) == 0 {
			c.Payer = mutual
		}
		c.Subscriber.MemberID = fmt.Sprintf("M%09d", i+1)
		c.PatientControlNumber = fmt.Sprintf("PCN%06d", i+1)
		b.Claims[i] = c
	}
	return b
}

func TestSplitOptions(t *testing.T) {
	b := manyClaims(400)
	byPayer := map[string]*Batch{}
	var order []string // the payers, in order of their first claims
	for _, c := range b.Claims {
		if byPayer[c.Payer.ID] == nil {
			order = append(order, c.Payer.ID)
			pb := *b
			pb.Claims = nil
			byPayer[c.Payer.ID] = &pb
		}
		byPayer[c.Payer.ID].Claims = append(byPayer[c.Payer.ID].Claims, c)
	}
	require.Len(t, order, 3)
	whole := writeSets(t, EncodeOptions{}, b)[0].claims
	// Split by payer, each payer's claims come in the order one set of theirs holds them.
	var payerClaims []string
	for _, p := range order {
		payerClaims = append(payerClaims, writeSets(t, EncodeOptions{}, byPayer[p])[0].claims...)
	}
	assert.ElementsMatch(t, whole, payerClaims)
	// Every subscriber has one claim: the limit cuts each payer's claims at 60.
	var capped []int
	var cappedPayers []string
	for _, p := range order {
		for n := len(byPayer[p].Claims); n > 0; n -= 60 {
			capped = append(capped, min(n, 60))
			cappedPayers = append(cappedPayers, p)
		}
	}

	for _, tc := range []struct {
		name   string
		en     EncodeOptions
		sizes  []int
		payers []string // each set's payer, when split by payer
		claims []string // all claims, in order
	}{
		{name: "by payer", en: EncodeOptions{SplitByPayer: true}, payers: order, claims: payerClaims,
			sizes: []int{len(byPayer[order[0]].Claims), len(byPayer[order[1]].Claims), len(byPayer[order[2]].Claims)}},
		{name: "by payer, at most 60 each", en: EncodeOptions{SplitByPayer: true, MaxClaimsPerSet: 60},
			sizes: capped, payers: cappedPayers, claims: payerClaims},
		{name: "at most 150", en: EncodeOptions{MaxClaimsPerSet: 150}, sizes: []int{150, 150, len(b.Claims) - 300}, claims: whole},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sets := writeSets(t, tc.en, b)
			distinctSets(t, sets)
			assert.Equal(t, tc.sizes, setSizes(sets))
			assert.Equal(t, tc.claims, allClaims(sets))
			if tc.payers != nil {
				require.Len(t, sets, len(tc.payers))
				for k, s := range sets {
					assert.Equal(t, map[string]bool{tc.payers[k]: true}, s.payers, "set %d", k+1)
				}
			}
		})
	}
}

// TestSplitKeepsTheOutput: with nothing to split, the options change no byte of the output.
func TestSplitKeepsTheOutput(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "encode.golden.837"))
	require.NoError(t, err)
	onePayer := testBatch()
	for i := range onePayer.Claims {
		onePayer.Claims[i].Payer = onePayer.Claims[0].Payer
		onePayer.Claims[i].Subscriber.FilingIndicator = "CI"
	}
	for _, tc := range []struct {
		name string
		en   EncodeOptions
		b    *Batch
		same bool // the golden file
	}{
		{"zero options", EncodeOptions{}, testBatch(), true},
		{"under the limit", EncodeOptions{MaxClaimsPerSet: RecommendedMaxClaims}, testBatch(), true},
		{"at the limit", EncodeOptions{MaxClaimsPerSet: 3}, testBatch(), true},
		{"negative limit", EncodeOptions{MaxClaimsPerSet: -1}, testBatch(), true},
		{"one payer", EncodeOptions{SplitByPayer: true, MaxClaimsPerSet: 3}, onePayer, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, []*Batch{tc.b}, tc.en.Split(tc.b), "b itself")
			var got, plain bytes.Buffer
			_, err := tc.en.write(&got, testEnvelope(), tc.b)
			require.NoError(t, err)
			err = Write(&plain, testEnvelope(), tc.b)
			require.NoError(t, err)
			assert.Equal(t, plain.String(), got.String())
			if tc.same {
				assert.Equal(t, string(want), got.String())
			}
		})
	}
}

// subscribers makes a batch of one billing provider whose subscribers have the given numbers
// of claims; the first claim of each subscriber is the subscriber's own, the others a
// dependent's. Claims are numbered S<subscriber>C<claim>.
func subscribers(counts ...int) *Batch {
	b := testBatch()
	tmpl := b.Claims[0]
	dep := b.Claims[2].Patient
	b.Claims = nil
	for s, n := range counts {
		for k := range n {
			c := tmpl
			c.Subscriber.MemberID = fmt.Sprintf("XYZ%09d", s+1)
			c.PatientControlNumber = fmt.Sprintf("S%dC%d", s+1, k+1)
			if k > 0 {
				c.Patient = dep
			}
			b.Claims = append(b.Claims, c)
		}
	}
	return b
}

func TestSplitKeepsSubscribersTogether(t *testing.T) {
	for _, tc := range []struct {
		name   string
		counts []int // claims per subscriber
		limit  int
		want   [][]string // each set's claims
	}{
		{"whole subscribers fill a set", []int{2, 2, 2}, 4,
			[][]string{{"S1C1", "S1C2", "S2C1", "S2C2"}, {"S3C1", "S3C2"}}},
		{"a subscriber that does not fit starts the next set", []int{1, 3, 1}, 3,
			[][]string{{"S1C1"}, {"S2C1", "S2C2", "S2C3"}, {"S3C1"}}},
		{"a subscriber over the limit is split", []int{1, 5, 1}, 2,
			[][]string{{"S1C1"}, {"S2C1", "S2C2"}, {"S2C3", "S2C4"}, {"S2C5", "S3C1"}}},
		{"a limit of one", []int{1, 2}, 1,
			[][]string{{"S1C1"}, {"S2C1"}, {"S2C2"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := subscribers(tc.counts...)
			en := EncodeOptions{MaxClaimsPerSet: tc.limit}
			split := en.Split(b)
			require.Len(t, split, len(tc.want))
			for k, sb := range split {
				var pcns []string
				for _, c := range sb.Claims {
					pcns = append(pcns, c.PatientControlNumber)
				}
				assert.Equal(t, tc.want[k], pcns, "set %d", k+1)
				assert.Equal(t, fmt.Sprintf("BATCH0001-%d", k+1), sb.Reference)
				assert.Empty(t, sb.Control)
			}
			sets := writeSets(t, en, b)
			distinctSets(t, sets)
			for k, s := range sets {
				assert.Equal(t, tc.want[k], s.claims, "set %d", k+1)
			}
		})
	}
}

// TestSplitClaimsRead: claims read from X12 are split under the loops they came from, with
// HL01s numbered again in each set, and writing the split sets again changes nothing.
func TestSplitClaimsRead(t *testing.T) {
	var buf bytes.Buffer
	b := subscribers(1, 3, 2, 1)
	b.Control = "0042"
	err := Write(&buf, testEnvelope(), b)
	require.NoError(t, err)
	read, err := ReadAll(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, read, 1)
	require.Equal(t, []string{"1", "5"}, read[0].Claims[4].HL, "S3C1 under the third subscriber")

	en := EncodeOptions{MaxClaimsPerSet: 4}
	split := en.Split(read[0])
	require.Len(t, split, 2)
	assert.Equal(t, [][]string{{"1", "2"}, {"1", "3"}, {"1", "3", "4"}, {"1", "3", "4"}}, hls(split[0].Claims))
	assert.Equal(t, [][]string{{"1", "2"}, {"1", "2", "3"}, {"1", "4"}}, hls(split[1].Claims))
	assert.Equal(t, []string{"1", "5"}, read[0].Claims[4].HL, "the batch read is not changed")

	sets := writeSets(t, en, read[0])
	distinctSets(t, sets)
	assert.Equal(t, []int{4, 3}, setSizes(sets))
	for _, s := range sets {
		assert.NotEqual(t, "0042", s.st02)
	}

	// Each split batch is written as one set, the same bytes as Write wrote it.
	var again, direct bytes.Buffer
	_, err = en.write(&direct, testEnvelope(), read[0])
	require.NoError(t, err)
	err = Write(&again, testEnvelope(), split...)
	require.NoError(t, err)
	assert.Equal(t, direct.String(), again.String())
}

func hls(claims []Claim) [][]string {
	var out [][]string
	for i := range claims {
		out = append(out, claims[i].HL)
	}
	return out
}

func TestSetReference(t *testing.T) {
	for _, tc := range []struct {
		ref  string
		n    int
		want string
	}{
		{"BATCH0001", 1, "BATCH0001-1"},
		{"", 2, ""},
		{strings.Repeat("A", 48), 3, strings.Repeat("A", 48) + "-3"},
		{strings.Repeat("A", 49), 3, strings.Repeat("A", 48) + "-3"},
		{strings.Repeat("A", 50), 12, strings.Repeat("A", 47) + "-12"},
		{strings.Repeat("É", 50), 1, strings.Repeat("É", 48) + "-1"},
	} {
		got := setReference(tc.ref, tc.n)
		assert.Equal(t, tc.want, got)
	}
}

// BenchmarkSplit splits 20,000 claims built in code at the recommended limit and by payer.
func BenchmarkSplit(b *testing.B) {
	batch := manyClaims(20000)
	en := EncodeOptions{MaxClaimsPerSet: RecommendedMaxClaims, SplitByPayer: true}
	b.ReportAllocs()
	for b.Loop() {
		if len(en.Split(batch)) < 4 {
			b.Fatal("not split")
		}
	}
}
