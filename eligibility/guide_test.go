package eligibility

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

var guides = []*x12.Transaction{Guide270, Guide271}

func TestGuidesAreConsistent(t *testing.T) {
	for _, g := range guides {
		assert.Empty(t, x12.CheckGuide(g, nil), g.ID)
		assert.Empty(t, x12.CheckGuide(g, codes.Default()), g.ID)
	}
}

func TestGuidesAreRegistered(t *testing.T) {
	for _, g := range guides {
		for _, v := range Versions {
			assert.Same(t, g, x12.Guides.Lookup(g.ID, v), "%s/%s", g.ID, v)
		}
	}
	assert.Equal(t, "HS", Guide270.FunctionalID)
	assert.Equal(t, "HB", Guide271.FunctionalID)
	assert.Equal(t, "005010X279A1", Versions[0], "the version written")
}

// TestInlineCodesAreInTheirSets: where an element lists the guide's own codes and also names
// the external set they come from (AAA03 and AAA04 per loop), every listed code is in the set.
func TestInlineCodesAreInTheirSets(t *testing.T) {
	reg := codes.Default()
	checked := 0
	for _, g := range guides {
		g.Root.Walk(func(l, _ *x12.Loop) {
			for _, c := range l.Children {
				if c.Segment == nil {
					continue
				}
				for i, e := range c.Segment.Elements {
					if e == nil || e.CodeSet == "" || len(e.Codes) == 0 {
						continue
					}
					for _, v := range e.Codes {
						checked++
						assert.True(t, reg.Contains(e.CodeSet, v), "%s %s %s%02d: %q not in %s", g.ID, l.ID, c.Segment.ID, i+1, v, e.CodeSet)
					}
				}
			}
		})
	}
	assert.Positive(t, checked)
}

// TestPatientDataIsMarked: the names, identifiers, addresses and birth dates of subscribers
// and dependents are marked PHI; the payer's and provider's names are not.
func TestPatientDataIsMarked(t *testing.T) {
	tests := []struct {
		loop, segment string
		phi, notPHI   []int
	}{
		{"2100C", "NM1", []int{3, 4, 5, 7, 9}, []int{1, 2, 8}},
		{"2100D", "NM1", []int{3, 4, 5, 7}, []int{1, 2}},
		{"2100C", "N3", []int{1, 2}, nil},
		{"2100D", "N4", []int{1, 3}, []int{2}},
		{"2100C", "DMG", []int{2, 3}, []int{1}},
		{"2100D", "REF", []int{2}, []int{1}},
		{"2100A", "NM1", nil, []int{3, 9}},
		{"2100B", "NM1", nil, []int{3, 9}},
		{"2100B", "N3", nil, []int{1}},
	}
	for _, g := range guides {
		for _, tc := range tests {
			l := g.Root.Find(tc.loop)
			require.NotNil(t, l, "%s %s", g.ID, tc.loop)
			var spec *x12.SegmentSpec
			for _, c := range l.Children {
				if c.Segment != nil && c.Segment.ID == tc.segment {
					spec = c.Segment
					break
				}
			}
			require.NotNil(t, spec, "%s %s %s", g.ID, tc.loop, tc.segment)
			for _, n := range tc.phi {
				assert.True(t, spec.PHI(n), "%s %s %s%02d", g.ID, tc.loop, tc.segment, n)
			}
			for _, n := range tc.notPHI {
				assert.False(t, spec.PHI(n), "%s %s %s%02d", g.ID, tc.loop, tc.segment, n)
			}
		}
	}
}

// readSets reads every transaction set of in, checking external code lists strictly (a code
// missing from a partial table counts too).
func readSets(t *testing.T, in io.Reader) []*x12.Set {
	t.Helper()
	return readSetsWith(t, in, codes.Strict{Registry: codes.Default()})
}

// readCorpusSets reads as a user would: codes missing from partial tables are not flagged.
func readCorpusSets(t *testing.T, in io.Reader) []*x12.Set {
	t.Helper()
	return readSetsWith(t, in, codes.Default())
}

func readSetsWith(t *testing.T, in io.Reader, cs x12.CodeSource) []*x12.Set {
	t.Helper()
	return guidetest.ReadSets(t, in, cs)
}

// fixtureBody returns the segments between ST and SE of a testdata file, terminators removed.
func fixtureBody(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	var body []string
	in := false
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		seg := strings.TrimSuffix(line, "~")
		switch {
		case strings.HasPrefix(seg, "ST*"):
			in = true
		case strings.HasPrefix(seg, "SE*"):
			in = false
		case in:
			body = append(body, seg)
		}
	}
	require.NotEmpty(t, body)
	return body
}

// envelope wraps a set body in the fixtures' interchange, with a correct SE01.
func envelope(st01 string, body []string) string {
	gs01 := map[string]string{"270": "HS", "271": "HB"}[st01]
	var b strings.Builder
	b.WriteString("ISA*00*          *00*          *ZZ*TELECLINIC     *ZZ*ACMEHEALTH     *261128*1200*^*00501*000000101*0*T*:~\n")
	fmt.Fprintf(&b, "GS*%s*TELECLINIC*ACMEHEALTH*20261128*1200*101*X*005010X279A1~\n", gs01)
	fmt.Fprintf(&b, "ST*%s*0001*005010X279A1~\n", st01)
	for _, s := range body {
		b.WriteString(s + "~\n")
	}
	fmt.Fprintf(&b, "SE*%d*0001~\nGE*1*101~\nIEA*1*000000101~\n", len(body)+2)
	return b.String()
}

func TestFixturesReadClean(t *testing.T) {
	tests := []struct {
		file  string
		guide *x12.Transaction
		want  []string // where each segment lands
	}{
		{"telehealth.270", Guide270, []string{"ST:ST", "ST:BHT",
			"2000A:HL", "2100A:NM1", "2000B:HL", "2100B:NM1", "2100B:REF", "2100B:N3", "2100B:N4", "2100B:PRV",
			"2000C:HL", "2000C:TRN", "2100C:NM1", "2100C:REF", "2100C:N3", "2100C:N4", "2100C:DMG", "2100C:DTP",
			"2110C:EQ", "2110C:III", "2110C:EQ",
			"2000D:HL", "2000D:TRN", "2100D:NM1", "2100D:DMG", "2100D:INS", "2100D:DTP", "2110D:EQ", "2110D:III",
			"ST:SE"}},
		{"telehealth.271", Guide271, []string{"ST:ST", "ST:BHT",
			"2000A:HL", "2100A:NM1", "2100A:PER", "2000B:HL", "2100B:NM1",
			"2000C:HL", "2000C:TRN", "2000C:TRN", "2100C:NM1", "2100C:REF", "2100C:N3", "2100C:N4", "2100C:DMG", "2100C:DTP",
			"2110C:EB", "2110C:EB", "2110C:EB", "2110C:MSG", "2115C:III", "2115C:III",
			"2110C:EB", "2110C:HSD", "2110C:EB", "2110C:EB",
			"2110C:EB", "2110C:LS", "2120C:NM1", "2120C:PER", "2110C:LE", "2110C:EB",
			"2000D:HL", "2000D:TRN", "2100D:NM1", "2100D:DMG", "2100D:INS", "2110D:EB", "2110D:EB", "2115D:III",
			"ST:SE"}},
		{"rejected.271", Guide271, []string{"ST:ST", "ST:BHT",
			"2000A:HL", "2100A:NM1", "2000B:HL", "2100B:NM1",
			"2000C:HL", "2000C:TRN", "2100C:NM1", "2100C:AAA", "ST:SE"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tc.file))
			require.NoError(t, err)
			defer f.Close()
			sets := readSets(t, f)
			require.Len(t, sets, 1)
			set := sets[0]
			assert.Same(t, tc.guide, set.Guide)
			assert.Zero(t, set.Findings.Len(), "%v", set.Findings.All())
			assert.Equal(t, tc.want, guidetest.Placed(set))
		})
	}
}

// TestTelehealthBenefitShape: the POS narrowing (III*ZZ*02) sits under the EB it narrows,
// and the primary care provider under the EB*L that names it.
func TestTelehealthBenefitShape(t *testing.T) {
	f, err := os.Open("testdata/telehealth.271")
	require.NoError(t, err)
	defer f.Close()
	set := readSets(t, f)[0]
	sub := set.Root.Loops("2000A")[0].Loops("2000B")[0].Loops("2000C")[0]
	benefits := sub.Loops("2100C")[0].Loops("2110C")
	require.Len(t, benefits, 8)
	telehealth := benefits[2]
	assert.Equal(t, "B", telehealth.Items[0].Segment.Value(1))
	require.Len(t, telehealth.Loops("2115C"), 2)
	assert.Equal(t, "02", telehealth.Loops("2115C")[0].Items[0].Segment.Value(2))
	pcp := benefits[6]
	assert.Equal(t, "L", pcp.Items[0].Segment.Value(1))
	require.Len(t, pcp.Loops("2120C"), 1)
	assert.Equal(t, "P3", pcp.Loops("2120C")[0].Items[0].Segment.Value(1))
	dep := sub.Loops("2000D")
	require.Len(t, dep, 1)
	assert.Len(t, dep[0].Loops("2100D")[0].Loops("2110D"), 2)
}
