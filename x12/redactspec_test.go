package x12

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAppendRedactedSpec: with the guide's use of a segment, patient data is masked component
// by component (in every repetition), Safe Harbor data elements are masked even unmarked,
// elements past the guide's last are masked, and a segment no guide placed is masked whole
// but for the envelope's.
func TestAppendRedactedSpec(t *testing.T) {
	sv1 := &SegmentSpec{ID: "SV1", Elements: []*ElementSpec{
		{Ref: 1, Name: "Composite", Components: []*ElementSpec{
			{Ref: 235, Name: "Qualifier", Usage: Required, Type: TypeID, Min: 2, Max: 2, Codes: []string{"HC"}},
			{Ref: 234, Name: "Procedure Code", Usage: Required, Type: TypeAN, Min: 1, Max: 48},
			{Ref: 1339, Name: "Modifier", Usage: Situational, Type: TypeAN, Min: 2, Max: 2},
			{Ref: 352, Name: "Description", Usage: Situational, Type: TypeAN, Min: 1, Max: 80},
		}},
		{Ref: 782, Name: "Amount", Type: TypeR, Usage: Required, Min: 1, Max: 18},
	}}
	ref := &SegmentSpec{ID: "REF", Elements: []*ElementSpec{
		{Ref: 128, Name: "Qualifier", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{"D9"}},
		{Ref: 127, Name: "Reference Identification", Usage: Required, Type: TypeAN, Min: 1, Max: 50},
	}}
	prv := &SegmentSpec{ID: "PRV", Elements: []*ElementSpec{
		{Ref: 1221, Name: "Code", Usage: Required, Type: TypeID, Min: 1, Max: 3, Codes: []string{"BI"}},
		{Ref: 128, Name: "Qualifier", Usage: Required, Type: TypeID, Min: 2, Max: 3, Codes: []string{"PXC"}},
		{Ref: 127, Name: "Provider Taxonomy Code", Usage: Required, Type: TypeAN, Min: 1, Max: 50},
	}}
	hi := &SegmentSpec{ID: "HI", Elements: []*ElementSpec{
		{Ref: 1, Name: "Diagnosis", Components: []*ElementSpec{
			{Ref: 1270, Name: "Qualifier", Usage: Required, Type: TypeID, Min: 1, Max: 3, Codes: []string{"ABK"}},
			{Ref: 1271, Name: "Code", Usage: Required, Type: TypeAN, Min: 1, Max: 30, PHI: true},
		}},
	}}
	segs, errs := readAll(t, testISA('*', '^', ':', "~", "000000001")+
		"SV1*HC:99213:95:TALK THERAPY*150*UN~REF*D9*CLAIM123*EXTRA~PRV*BI*PXC*207Q00000X~"+
		"HI*ABK:F411^ABK:Z00~QM1*IL*1*DOE~IEA*1*000000001~")
	require.Empty(t, errs)
	tests := []struct {
		seg  *Segment
		spec *SegmentSpec
		want string
	}{
		{segs[1], sv1, "SV1*HC:99213:95:XXXX XXXXXXX*150*XX"},
		{segs[2], ref, "REF*D9*XXXXX999*XXXXX"},
		{segs[3], prv, "PRV*BI*PXC*207Q00000X"},
		{segs[4], hi, "HI*ABK:X999^ABK:X99"},
		{segs[5], nil, "QM1*XX*9*XXX"},
		{segs[6], nil, "IEA*1*000000001"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(AppendRedactedSpec(nil, tt.seg, tt.spec)), tt.seg.ID())
	}
}
