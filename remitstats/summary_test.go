package remitstats

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// summary.835 holds three sets (see the figures below, worked out by hand):
//
//	set 1 ACME, paid 2026-01-15: PCN1005 original (150 → 80, PR-3 20)
//	set 2 ACME, paid 2026-02-12: PCN1001 telehealth 95 (paid), PCN1002 status 4 (denied),
//	      PCN1003 POS 10 with a CO-97 line (partially paid), PCN1004 all deductible (paid),
//	      PCN1005 reversal (22) and its correction (paid 90); PLB WO 30, L6 −2.50
//	set 3 BETA, debit (BPR03 D) of 70, 2026-02-20: PCN2001 GT (paid 50); PLB FB 120
const summaryFile = "../remit835/testdata/summary.835"

func summarizeFile(t *testing.T, path string) *Summary {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	s, err := Summarize(f)
	require.NoError(t, err)
	return s
}

func TestSummaryTotals(t *testing.T) {
	s := summarizeFile(t, summaryFile)
	tot := &s.Totals
	assert.Equal(t, 3, s.Sets)
	assert.Zero(t, s.GuideFindings)
	assert.True(t, s.Balanced(), "%v", s.Findings)
	assert.Equal(t, Counts{Total: 8, Paid: 5, PartiallyPaid: 1, Denied: 1, Reversed: 1}, tot.Claims)
	assert.Equal(t, Counts{Total: 9, Paid: 6, Denied: 2, Reversed: 1}, tot.Lines)
	for _, c := range []struct {
		name      string
		got, want x12.Amount
	}{
		{"billed", tot.Billed, x12.Dollars(1000)},
		{"allowed", tot.Allowed, x12.Dollars(520)},
		{"paid", tot.Paid, x12.Dollars(320)},
		{"CLP05", tot.PatientResponsibility, x12.Dollars(100)},
		{"contractual", tot.Contractual(), x12.Dollars(580)},
		{"PR", tot.PatientShare(), x12.Dollars(100)},
		{"other", tot.OtherAdjustments(), 0},
		{"denied billed", tot.DeniedBilled, x12.Dollars(350)},
		{"payments", tot.Payments, x12.Cents(17250)},
		{"PLB", tot.ProviderAdjustments, x12.Cents(14750)},
		{"PLB WO", tot.ProviderReasons["WO"], x12.Dollars(30)},
		{"PLB L6", tot.ProviderReasons["L6"], x12.Cents(-250)},
		{"PLB FB", tot.ProviderReasons["FB"], x12.Dollars(120)},
	} {
		assert.Equal(t, c.want, c.got, c.name)
	}
	assert.Equal(t, 6, tot.AllowedLines)
	assert.Equal(t, map[string]x12.Amount{"CO": x12.Dollars(580), "PR": x12.Dollars(100)}, tot.Adjustments)
	assert.InDelta(t, 1.0/7, tot.DenialRate(), 1e-12)
	assert.InDelta(t, 350.0/1150, tot.DenialRateDollars(), 1e-12)
	days, ok := tot.AverageDaysToPayment()
	require.True(t, ok)
	assert.InDelta(t, 163.0/7, days, 1e-12)
	assert.Equal(t, Delivery{Claims: 3, Lines: 4, Billed: x12.Dollars(550), Paid: x12.Dollars(230)}, tot.Telehealth)
	assert.Equal(t, Delivery{Claims: 4, Lines: 4, Billed: x12.Dollars(600), Paid: x12.Dollars(170)}, tot.InPerson)
}

func TestSummaryByPayerAndMonth(t *testing.T) {
	s := summarizeFile(t, summaryFile)
	require.Equal(t, []PayerKey{{"ACME HEALTH PLAN", "ACME01"}, {"BETA INSURANCE", "BETA02"}}, s.Payers())
	acme, beta := s.ByPayer[PayerKey{"ACME HEALTH PLAN", "ACME01"}], s.ByPayer[PayerKey{"BETA INSURANCE", "BETA02"}]
	assert.Equal(t, 7, acme.Claims.Total)
	assert.Equal(t, x12.Dollars(270), acme.Paid)
	assert.Equal(t, x12.Cents(24250), acme.Payments)
	assert.Equal(t, 1, beta.Claims.Total)
	assert.Equal(t, x12.Dollars(-70), beta.Payments, "BPR03 D is a debit")
	assert.Equal(t, x12.Dollars(120), beta.ProviderAdjustments)

	require.Equal(t, []string{"2026-01", "2026-02"}, s.Months())
	jan, feb := s.ByMonth["2026-01"], s.ByMonth["2026-02"]
	assert.Equal(t, Counts{Total: 1, Paid: 1}, jan.Claims)
	assert.Equal(t, x12.Dollars(80), jan.Payments)
	assert.Equal(t, Counts{Total: 7, Paid: 4, PartiallyPaid: 1, Denied: 1, Reversed: 1}, feb.Claims)
	assert.Equal(t, x12.Cents(9250), feb.Payments)
}

func TestSummaryTopReasons(t *testing.T) {
	s := summarizeFile(t, summaryFile)
	top := s.TopReasons(3)
	require.Len(t, top, 3)
	want := []struct {
		key      ReasonKey
		count    int
		amount   x12.Amount
		category string
	}{
		{ReasonKey{"CO", "45"}, 7, x12.Dollars(230), "contractual"},
		{ReasonKey{"CO", "4"}, 1, x12.Dollars(200), "coding"},
		{ReasonKey{"CO", "97"}, 1, x12.Dollars(150), "bundling"},
	}
	for i, w := range want {
		assert.Equal(t, w.key, top[i].ReasonKey, i)
		assert.Equal(t, w.count, top[i].Count, i)
		assert.Equal(t, w.amount, top[i].Amount, i)
		assert.Equal(t, w.category, top[i].Category, i)
		assert.NotEmpty(t, top[i].Description, i)
	}
	assert.Len(t, s.TopReasons(0), 5)
}

func TestSummaryPairs(t *testing.T) {
	s := summarizeFile(t, summaryFile)
	pairs := s.Pairs.Pairs()
	require.Len(t, pairs, 1)
	p := pairs[0]
	assert.Equal(t, "PCN1005", p.PatientControl)
	require.NotNil(t, p.Original)
	require.NotNil(t, p.Correction)
	assert.Equal(t, [3]int{1, 0, 80_00}, [3]int{p.Original.Set, p.Original.Index, int(p.Original.Paid)})
	assert.Equal(t, [3]int{2, 4, -80_00}, [3]int{p.Reversal.Set, p.Reversal.Index, int(p.Reversal.Paid)})
	assert.Equal(t, [3]int{2, 5, 90_00}, [3]int{p.Correction.Set, p.Correction.Index, int(p.Correction.Paid)})
	assert.Equal(t, "ACME0000000015", p.Correction.PayerControl)
	assert.Equal(t, x12.Dollars(90), p.Net)
	assert.Equal(t, "CLP", p.Reversal.Pos.ID)
}

func TestPairerCases(t *testing.T) {
	claim := func(pcn, status, icn string, paid int64) *remit835.Claim {
		return &remit835.Claim{PatientControl: pcn, Status: status, PayerControl: icn, Paid: x12.Dollars(paid)}
	}
	for _, tc := range []struct {
		name        string
		remember    int
		claims      []*remit835.Claim
		orig, corr  bool
		net         x12.Amount
		openPairs   int
		description string
	}{
		{"reversal alone", 0, []*remit835.Claim{claim("A", "22", "I1", -80)}, false, false, x12.Dollars(-80), 1, ""},
		{"other ICN is not the original", 0, []*remit835.Claim{claim("A", "1", "I9", 80), claim("A", "22", "I1", -80)}, false, false, x12.Dollars(-80), 1, ""},
		{"original without ICN", 0, []*remit835.Claim{claim("A", "1", "", 80), claim("A", "22", "I1", -80), claim("A", "2", "I2", 70)}, true, true, x12.Dollars(70), 1, ""},
		{"remember none", -1, []*remit835.Claim{claim("A", "1", "I1", 80), claim("A", "22", "I1", -80)}, false, false, x12.Dollars(-80), 1, ""},
		{"other patient is no correction", 0, []*remit835.Claim{claim("A", "22", "I1", -80), claim("B", "1", "I2", 70)}, false, false, x12.Dollars(-80), 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Pairer{Remember: tc.remember}
			for i, c := range tc.claims {
				p.Add(1, i, c)
			}
			require.Len(t, p.Pairs(), tc.openPairs)
			pr := p.Pairs()[0]
			assert.Equal(t, tc.orig, pr.Original != nil)
			assert.Equal(t, tc.corr, pr.Correction != nil)
			assert.Equal(t, tc.net, pr.Net)
			assert.Equal(t, tc.net, p.Net())
		})
	}
}

// TestPairerMany: originals are found across many claim payments, slots let go by paired
// originals are reused without mixing claims up, and Remember bounds what is kept.
func TestPairerMany(t *testing.T) {
	const n = 3*memChunk + 17
	pcn := func(i int) string { return fmt.Sprintf("P%06d", i) }
	for _, tc := range []struct {
		name     string
		remember int
		found    func(i int) bool // whether the reversal of claim i finds its original
	}{
		{"all remembered", 0, func(int) bool { return true }},
		{"bounded", memChunk, func(i int) bool { return i < memChunk }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Pairer{Remember: tc.remember}
			for i := range n {
				p.Add(1, i, &remit835.Claim{PatientControl: pcn(i), Status: "1", Paid: x12.Cents(int64(i)), PayerControl: "I" + pcn(i)})
			}
			// Reverse every 7th claim (freeing its slot), then bill new claims into the freed slots
			// and reverse those too.
			for i := 0; i < n; i += 7 {
				p.Add(2, i, &remit835.Claim{PatientControl: pcn(i), Status: "22", Paid: -x12.Cents(int64(i)), PayerControl: "I" + pcn(i)})
			}
			for i := n; i < n+50; i++ {
				p.Add(3, i, &remit835.Claim{PatientControl: pcn(i), Status: "1", Paid: x12.Cents(int64(i)), PayerControl: "I" + pcn(i)})
			}
			for i := n; i < n+50; i++ {
				p.Add(4, i, &remit835.Claim{PatientControl: pcn(i), Status: "22", Paid: -x12.Cents(int64(i))})
			}
			pairs := p.Pairs()
			require.Len(t, pairs, (n+6)/7+50)
			for _, pr := range pairs {
				var i int
				_, err := fmt.Sscanf(pr.PatientControl, "P%06d", &i)
				require.NoError(t, err)
				want := i >= n || tc.found(i) // the new claims fit: reversals made room
				require.Equal(t, want, pr.Original != nil, pr.PatientControl)
				if want {
					assert.Equal(t, i, pr.Original.Index, pr.PatientControl)
					assert.Equal(t, x12.Cents(int64(i)), pr.Original.Paid, pr.PatientControl)
					assert.Zero(t, pr.Net, pr.PatientControl)
				}
			}
		})
	}
}

func TestOutcomes(t *testing.T) {
	pr := x12.Dollars(10)
	line := func(charge, paid int64, adj ...remit835.Adjustment) remit835.Line {
		return remit835.Line{Charge: x12.Dollars(charge), Paid: x12.Dollars(paid), Adjustments: adj}
	}
	co := func(reason string, amt int64) remit835.Adjustment {
		return remit835.Adjustment{Group: "CO", Reason: reason, Amount: x12.Dollars(amt)}
	}
	for _, tc := range []struct {
		name  string
		c     remit835.Claim
		want  Outcome
		lines []Outcome
	}{
		{"paid", remit835.Claim{Status: "1", Paid: 80, Lines: []remit835.Line{line(100, 80, co("45", 20))}}, Paid, []Outcome{Paid}},
		{"status 4", remit835.Claim{Status: "4", Paid: 0, Lines: []remit835.Line{line(100, 0, co("45", 100))}}, Denied, []Outcome{Denied}},
		{"zero without PR", remit835.Claim{Status: "1", Lines: []remit835.Line{line(100, 0, co("16", 100))}}, Denied, []Outcome{Denied}},
		{"zero with CLP05", remit835.Claim{Status: "1", PatientResponsibility: &pr}, Paid, nil},
		{"zero with line PR", remit835.Claim{Status: "1", Lines: []remit835.Line{line(100, 0, remit835.Adjustment{Group: "PR", Reason: "1", Amount: x12.Dollars(100)})}}, Paid, []Outcome{Paid}},
		{"a line denied", remit835.Claim{Status: "1", Paid: 50, Lines: []remit835.Line{line(50, 50), line(50, 0, co("97", 50))}}, PartiallyPaid, []Outcome{Paid, Denied}},
		{"a line cut", remit835.Claim{Status: "1", Paid: 40, Lines: []remit835.Line{line(50, 40, co("151", 10))}}, PartiallyPaid, []Outcome{PartiallyPaid}},
		{"claim-level denial", remit835.Claim{Status: "1", Paid: 40, Adjustments: []remit835.Adjustment{{Group: "OA", Reason: "18", Amount: 10}}}, PartiallyPaid, nil},
		{"sequestration is no denial", remit835.Claim{Status: "1", Paid: 40, Lines: []remit835.Line{line(50, 40, co("253", 1), co("45", 9))}}, Paid, []Outcome{Paid}},
		{"reversal", remit835.Claim{Status: "22", Paid: -80, Lines: []remit835.Line{line(-100, -80)}}, Reversed, []Outcome{Reversed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := ClaimOutcome(&tc.c)
			assert.Equal(t, tc.want, o)
			var want Counts
			for i := range tc.c.Lines {
				assert.Equal(t, tc.lines[i], LineOutcome(o, &tc.c.Lines[i]), i)
				want.add(tc.lines[i])
			}
			// A Summary classes the claim as the exported functions do.
			s := NewSummary()
			s.Add(&remit835.Remittance{}, &tc.c)
			assert.Equal(t, counted(tc.want), s.Totals.Claims)
			assert.Equal(t, want, s.Totals.Lines)
		})
	}
}

func counted(o Outcome) (c Counts) {
	c.add(o)
	return c
}

// TestSummaryOutcomesMany: over many claims whose adjustments mix more reasons than the
// summary's reason book remembers, the summary counts what ClaimOutcome, LineOutcome and a
// plain count of every adjustment's reason give.
func TestSummaryOutcomesMany(t *testing.T) {
	groups := []string{"CO", "PR", "OA", "PI", "CR"}
	reasons := []string{"45", "1", "2", "3", "16", "18", "50", "96", "97", "151", "253", "B7", "N1", "A1"}
	rnd := uint64(12345)
	next := func(n int) int {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		return int(rnd>>33) % n
	}
	adjs := func() []remit835.Adjustment {
		var list []remit835.Adjustment
		for range next(4) {
			list = append(list, remit835.Adjustment{Group: groups[next(len(groups))], Reason: reasons[next(len(reasons))],
				Amount: x12.Amount(next(3)-1) * x12.Dollars(int64(1+next(40)))})
		}
		return list
	}
	s := NewSummary()
	r := &remit835.Remittance{}
	var claims, lines Counts
	wantReasons := map[ReasonKey]*Reason{}
	for i := range 3000 {
		c := &remit835.Claim{Status: []string{"1", "2", "4", "22", "1"}[next(5)], Charge: x12.Dollars(100),
			Paid: x12.Dollars(int64(next(3) * 40)), Adjustments: adjs()}
		for range next(4) {
			c.Lines = append(c.Lines, remit835.Line{Charge: x12.Dollars(int64(next(2) * 50)), Paid: x12.Dollars(int64(next(3) * 20)), Adjustments: adjs()})
		}
		o := ClaimOutcome(c)
		claims.add(o)
		for j := range c.Lines {
			lines.add(LineOutcome(o, &c.Lines[j]))
		}
		addReasons(wantReasons, c)
		s.Add(r, c)
		require.Equal(t, claims, s.Totals.Claims, "claim %d", i)
	}
	assert.Equal(t, lines, s.Totals.Lines)
	assert.Equal(t, wantReasons, s.Reasons)
	assert.Greater(t, claims.PartiallyPaid, 100)
	assert.Greater(t, lines.Denied, 100)
}

func TestSummaryFindings(t *testing.T) {
	data, err := os.ReadFile("../remit835/testdata/telehealth.835")
	require.NoError(t, err)
	bad := strings.Replace(string(data), "CLP*PCN0001*1*150*80*", "CLP*PCN0001*1*150*81*", 1)
	s := NewSummary()
	require.NoError(t, s.Read(strings.NewReader(string(data))))
	require.NoError(t, s.Read(strings.NewReader(bad)))
	assert.False(t, s.Balanced())
	require.Len(t, s.Findings, 2)
	f := s.Findings[0]
	assert.Equal(t, [4]int{1, 2, 0, -1}, [4]int{f.Input, f.Set, f.Claim, f.Line})
	assert.Equal(t, remit835.ClaimLevel, f.Level)
	assert.Equal(t, "CLP", f.Pos.ID)
	assert.Equal(t, 19, f.Pos.SetSegment) // the CLP is the 19th segment of its set (ST is 1)
	assert.Equal(t, x12.Dollars(80), f.Expected)
	assert.Equal(t, x12.Dollars(81), f.Actual)
	assert.True(t, errors.Is(f, remit835.ErrImbalance))
	assert.Equal(t, remit835.TransactionLevel, s.Findings[1].Level)
	assert.NotContains(t, f.Error(), "PCN0001")

	s = NewSummary()
	s.MaxFindings = 1
	require.NoError(t, s.Read(strings.NewReader(bad)))
	assert.Len(t, s.Findings, 1)
	assert.Equal(t, 1, s.Omitted)
	assert.Equal(t, 2, s.Imbalances)
}

// The streaming summary and the one over whole remittances agree.
func TestSummaryStreamMatchesReadAll(t *testing.T) {
	streamed := summarizeFile(t, summaryFile)
	f, err := os.Open(summaryFile)
	require.NoError(t, err)
	defer f.Close()
	remits, err := remit835.ReadAll(f)
	require.NoError(t, err)
	whole := NewSummary()
	for _, r := range remits {
		whole.AddRemittance(r)
	}
	assert.Equal(t, streamed.Totals, whole.Totals)
	assert.Equal(t, streamed.Pairs.Pairs(), whole.Pairs.Pairs())
}

func TestSummarizeFiles(t *testing.T) {
	s, err := SummarizeFiles(summaryFile, "../remit835/testdata/telehealth.835")
	require.NoError(t, err)
	assert.Equal(t, 10, s.Totals.Claims.Total)
	assert.Equal(t, 4, s.Sets)
	_, err = SummarizeFiles("../remit835/testdata/missing.835")
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func submittedFixture() *Submitted {
	sub := NewSubmitted()
	line := func(code, ctrl, pos string, charge int64) claim837.Line {
		return claim837.Line{Procedure: code, Charge: x12.Dollars(charge), Quantity: "1", ControlNumber: ctrl, PlaceOfService: pos}
	}
	for _, c := range []claim837.Claim{
		{PatientControlNumber: "PCN1001", PlaceOfService: "02", Lines: []claim837.Line{line("99213", "L1001", "", 150)}},
		{PatientControlNumber: "PCN1002", PlaceOfService: "11", Lines: []claim837.Line{line("99214", "L1002", "10", 200)}},
		{PatientControlNumber: "PCN1003", PlaceOfService: "10", Lines: []claim837.Line{line("99213", "L1003A", "", 150), line("99417", "L1003B", "", 150)}},
		{PatientControlNumber: "PCN1005", PlaceOfService: "11", Lines: []claim837.Line{line("99213", "L1005", "", 150)}},
		{PatientControlNumber: "PCN9999", PlaceOfService: "11", Charge: x12.Dollars(75), Lines: []claim837.Line{line("99212", "L9999", "", 75)}},
	} {
		sub.Add(&c)
	}
	return sub
}

func TestSummaryTelehealthFrom837(t *testing.T) {
	s := NewSummary()
	s.Submitted = submittedFixture()
	f, err := os.Open(summaryFile)
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, s.Read(f))
	// PCN1002 was sent with a line at POS 10: it moves from in person to telehealth.
	assert.Equal(t, 4, s.Totals.Telehealth.Claims)
	assert.Equal(t, 3, s.Totals.InPerson.Claims)
}

// reconcileFixture reconciles summary.835 with submittedFixture, set up by setup.
func reconcileFixture(t *testing.T, setup func(*Reconciler)) *WorkList {
	t.Helper()
	rec := NewReconciler(submittedFixture())
	setup(rec)
	s := NewSummary()
	s.Reconciler = rec
	f, err := os.Open(summaryFile)
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, s.Read(f))
	return rec.WorkList()
}

func TestReconcile(t *testing.T) {
	w := reconcileFixture(t, func(r *Reconciler) { r.Fees = map[string]x12.Amount{"99213": x12.Dollars(105)} })
	assert.Equal(t, 5, w.Submitted)
	assert.Equal(t, 4, w.Matched)

	require.Len(t, w.Unpaid, 1)
	assert.Equal(t, "PCN9999", w.Unpaid[0].PatientControl)
	assert.Equal(t, x12.Dollars(75), w.Unpaid[0].Charge)

	require.Len(t, w.Denied, 1)
	d := w.Denied[0]
	assert.Equal(t, "PCN1002", d.PatientControl)
	require.Len(t, d.Reasons, 1)
	assert.Equal(t, ReasonKey{"CO", "4"}, d.Reasons[0].ReasonKey)
	assert.Equal(t, []string{"N822"}, d.Remarks)

	require.Len(t, w.Partial, 1)
	assert.Equal(t, "PCN1003", w.Partial[0].PatientControl)
	require.Len(t, w.Partial[0].Lines, 1)
	assert.Equal(t, "L1003B", w.Partial[0].Lines[0].ControlNumber)

	// 99213 at 105: PCN1001 allowed 100 (short 5), PCN1003 line A allowed 100 (short 5);
	// PCN1005's correction allowed 110 is not short.
	require.Len(t, w.ShortPaid, 2)
	assert.Equal(t, "PCN1001", w.ShortPaid[0].PatientControl)
	assert.Equal(t, x12.Dollars(85), w.ShortPaid[0].Expected)
	assert.Equal(t, "PCN1003", w.ShortPaid[1].PatientControl)
	assert.Equal(t, x12.Dollars(105), w.ShortPaid[1].Expected)

	require.Len(t, w.Unmatched, 2)
	assert.Equal(t, "PCN1004", w.Unmatched[0].PatientControl)
	assert.Equal(t, "PCN2001", w.Unmatched[1].PatientControl)
}

func TestReconcileMinPaidPercent(t *testing.T) {
	w := reconcileFixture(t, func(r *Reconciler) { r.MinPaidPercent = 55 })
	// 80 of 150 (53%) and 100 of 300 (33%) are below 55%; 90 of 150 (60%) is not.
	require.Len(t, w.ShortPaid, 2)
	assert.Equal(t, x12.Cents(8250), w.ShortPaid[0].Expected)
	assert.Equal(t, x12.Dollars(165), w.ShortPaid[1].Expected)
}

// TestSummaryReturnsMadeFindings: an amount the guide accepts but x12.Amount cannot hold
// (three decimals), which the Decoder finds itself, is among the Summary's errors.
func TestSummaryReturnsMadeFindings(t *testing.T) {
	data, err := os.ReadFile("../remit835/testdata/telehealth.835")
	require.NoError(t, err)
	in := strings.Replace(string(data), "SVC*HC:99213:95*150*80**1~", "SVC*HC:99213:95*150*80.001**1~", 1)
	require.NotEqual(t, string(data), in)
	_, err = Summarize(strings.NewReader(in))
	assert.ErrorIs(t, err, x12.ErrAmount)
}
