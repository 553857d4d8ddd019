package remit835

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/x12kit/x12kit/internal/guidetest"
	"github.com/x12kit/x12kit/x12"
)

// decodeSampled decodes every claim payment of src, measuring the peak live heap (see
// guidetest.DecodeSampled), with the findings of every set read.
func decodeSampled(src io.Reader, every int64) *guidetest.Sampled {
	return guidetest.DecodeSampled(src, every, func(r io.Reader) (func() (*Claim, error), func() []*x12.Error) {
		d := NewDecoder(r, nil)
		var findings []*x12.Error
		d.SetDone = func(_ *Remittance, set *x12.Set) { findings = append(findings, set.Findings.All()...) }
		return d.NextClaim, func() []*x12.Error { return findings }
	}, func(c *Claim) int { return len(c.Lines) })
}

// head835 is the synthetic 835's envelope and header, up to its first LX.
var head835, _, _ = strings.Cut(guidetest.NewSynthetic835(0).Header(), "LX*1~\n")

// claimStart is the synthetic claim payment up to its service line, line its service line.
var claimStart, line835, _ = strings.Cut(guidetest.Synthetic835Claim, "SVC*")

func init() { line835 = "SVC*" + line835 }

// normalClaim is a whole claim payment of one line (for the end of a hostile input).
func normalClaim(i int) string { return fmt.Sprintf(guidetest.Synthetic835Claim, i, i, i) }

// hostile835s are the hostile inputs of the security review, made on the fly.
var hostile835s = []guidetest.Hostile{
	{
		// The 835 has no HL levels: every HL of the chain is a segment the guide does not
		// know, kept where it stands (the header), and counted against MaxSetSegments.
		Name: "nested HL chain", N: 20000, Short: 20000,
		Make: func(n int) *guidetest.Lazy {
			return &guidetest.Lazy{Head: head835, N: n, Block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, "HL*%d*%d*22*1~\n", i+2, i+1)
			}, Tail: "LX*1~\n" + normalClaim(1)}
		},
	},
	{
		// Header numbers (2000, which hold claim payments) that hold none: each stays in the
		// set's tree, without an arena of its own.
		Name: "header numbers without claims", N: 20000, Short: 20000,
		Make: func(n int) *guidetest.Lazy {
			return &guidetest.Lazy{Head: head835, N: n, Block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, "LX*%d~\n", i+1)
			}, Tail: normalClaim(1)}
		},
	},
	{
		// One claim payment of n service lines, and a normal one after it.
		Name: "service lines in one claim", N: 1_000_000, Short: 200_000, Limit: x12.ErrUnitTooLarge,
		Make: func(n int) *guidetest.Lazy {
			return &guidetest.Lazy{Head: head835 + "LX*1~\n" + fmt.Sprintf(claimStart, 0, 0), N: n, Block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, line835, i)
			}, Tail: normalClaim(1)}
		},
	},
	{
		// One segment repeated inside a claim payment (a claim adjustment, 30 bytes), the
		// rest of the claim payment after it, and a normal one.
		Name: "segment repeated in a claim", N: 5_000_000, Short: 1_000_000, Limit: x12.ErrUnitTooLarge,
		Make: func(n int) *guidetest.Lazy {
			clp, rest, _ := strings.Cut(fmt.Sprintf(claimStart, 0, 0), "NM1*QC")
			return &guidetest.Lazy{Head: head835 + "LX*1~\n" + clp, N: n, Block: func(dst []byte, i int) []byte {
				return append(dst, "CAS*CO*45*1.00*1*CO*253*0.50~\n"...)
			}, Tail: "NM1*QC" + rest + fmt.Sprintf(line835, 0) + normalClaim(1)}
		},
	},
}

// TestHostileInputsBounded decodes each hostile input of the security review (made on the
// fly) and a normal 835 of the same size (at most 16 MB: a normal stream's peak does not grow
// with it): the hostile one must not make the Decoder hold much more, the limit it hit
// must be reported, and the claim payment after it must come whole.
func TestHostileInputsBounded(t *testing.T) {
	guidetest.CheckHostile(t, hostile835s, "claim payment", func(size int) io.Reader { return guidetest.NewSynthetic835(size) }, decodeSampled)
}

// TestUnitLimitCutsAnywhere: a claim payment cut short at any segment by MaxUnitSegments
// decodes without a panic, and the cut is reported with it.
func TestUnitLimitCutsAnywhere(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, testEnvelope().WriteGroup(&buf, "HP", Version, encodeEach(Adjudicated(12, 3))))
	guidetest.CheckUnitLimitCuts(t, buf.Bytes(), "2100", 12, "claim payment", func(r io.Reader, limit int) func() (*Claim, error) {
		d := NewDecoder(r, nil)
		d.Reader().MaxUnitSegments = limit
		return d.NextClaim
	})
}
