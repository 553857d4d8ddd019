package guidetest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x12kit/x12kit/x12"
)

const isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1253*^*00501*000000905*0*T*:~"

func file(body ...string) []byte {
	return []byte(isa + "\n" + strings.Join(body, "~\n") + "~\n")
}

// TestCompareFiles: what CompareFiles lets through (delimiters, ISA padding, trailing empty
// elements, decimals, corrected counts and HL04) and what it reports.
func TestCompareFiles(t *testing.T) {
	in := file("GS*HC*S*R*20240101*1253*905*X*005010X222A1", "ST*837*0001*005010X222A1",
		"HL*1**20*1", "HL*2*1*22*0", "CLM*A*75.00***11:B:1", "SE*5*0001", "GE*1*905", "IEA*1*000000905")
	same := CompareFiles(in, in)
	assert.True(t, same.Same(), same.Diffs)
	assert.Equal(t, 9, same.Segments)

	other := strings.NewReplacer("*", "|", ":", ">", "~", "!").Replace(string(in))
	other = strings.Replace(other, "|75.00|", "|75|", 1)
	other = strings.Replace(other, "11>B>1!", "11>B>1>>||!", 1)    // trailing empties, as a writer may not drop them
	other = strings.Replace(other, "SENDER         ", "SENDER", 1) // an ISA without padding
	d := CompareFiles(in, []byte(other))
	assert.True(t, d.Same(), d.Diffs)

	// The input's wrong SE01, GE01, IEA02 and HL04 may be corrected; not made wrong.
	wrong := file("GS*HC*S*R*20240101*1253*905*X*005010X222A1", "ST*837*0001*005010X222A1",
		"HL*1**20*0", "HL*2*1*22", "CLM*A*75.00***11:B:1", "SE*9*0001", "GE*3*905", "IEA*1*000000001")
	d = CompareFiles(wrong, in)
	assert.True(t, d.Same(), d.Diffs)
	assert.Equal(t, []string{"HL04 (segment 4)", "HL04 (segment 5)", "SE01 (segment 7)", "GE01 (segment 8)", "IEA02 (segment 9)"}, d.Corrected)
	d = CompareFiles(in, wrong)
	assert.Len(t, d.Diffs, 5)

	// A value, a control number the writer must keep, a lost segment, another order.
	for name, got := range map[string]string{
		"CLM01":  strings.Replace(string(in), "CLM*A", "CLM*B", 1),
		"ST02":   strings.Replace(string(in), "ST*837*0001", "ST*837*0002", 1),
		"GS04":   strings.Replace(string(in), "20240101*1253*905", "20240102*1253*905", 1),
		"ISA09":  strings.Replace(string(in), "*240101*", "*240102*", 1),
		"ST03":   strings.Replace(string(in), "0001*005010X222A1", "0001*005010X222A2", 1),
		"HL02":   strings.Replace(string(in), "HL*2*1*22", "HL*2*3*22", 1),
		"lost":   strings.Replace(string(in), "HL*2*1*22*0~\n", "", 1),
		"order":  strings.Replace(strings.Replace(string(in), "HL*2*1*22*0", "X", 1), "CLM*A*75.00***11:B:1", "HL*2*1*22*0", 1),
		"ISA06":  strings.Replace(string(in), "SENDER  ", "SENDER2 ", 1),
		"amount": strings.Replace(string(in), "75.00", "75.01", 1),
	} {
		d := CompareFiles(in, []byte(got))
		assert.False(t, d.Same(), name)
		assert.NotEmpty(t, d.Texts, name)
	}
}

// TestEnvelopeRewrap: the envelopes of a file re-created around sets written anew give the
// file back, GS04/GS05 that are no date and time and the ISB before the group included.
func TestEnvelopeRewrap(t *testing.T) {
	in := []byte("ISA*01*0000000000*01*0000000000*ZZ*ABCDEFGHIJKLMNO*ZZ*123456789012345*101127*1719*U*00401*000003438*0*P*>~\n" +
		"ISB*1~\nGS*FA*ReceiverDept*SenderDept*2005081*19533*000005*T*005010X230~\nST*997*0001~\nAK1*HC*000001~\n" +
		"SE*3*0001~\nGE*1*000005~\nIEA*1*000003438~\n")
	env, err := EnvelopeOf(in)
	require.NoError(t, err)
	out, err := env.Rewrap(x12.DefaultDelimiters, func(e *x12.EnvelopeWriter, key SetKey) (bool, error) {
		assert.Equal(t, SetKey{"000003438", "000005", "0001", 0}, key)
		if err := e.BeginSet(x12.SetHeader{ID: "997", Control: key.ST02}); err != nil {
			return false, err
		}
		if err := e.WriteStrings("AK1", "HC", "000001"); err != nil {
			return false, err
		}
		return true, e.EndSet()
	})
	require.NoError(t, err)
	d := CompareFiles(in, out)
	assert.True(t, d.Same(), "%v %v", d.Diffs, d.Texts)
	assert.Empty(t, d.Corrected)
}
