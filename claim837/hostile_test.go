package claim837

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

// decodeSampled decodes every claim of src with a Decoder, measuring the peak live heap (see
// guidetest.DecodeSampled), with the findings of every set read.
func decodeSampled(src io.Reader, every int64) *guidetest.Sampled {
	return guidetest.DecodeSampled(src, every, func(r io.Reader) (func() (*Claim, error), func() []*x12.Error) {
		d := NewDecoder(r, nil)
		var findings []*x12.Error
		var set *x12.Set
		next := func() (*Claim, error) {
			c, err := d.NextClaim()
			if s := d.Set(); err == nil && s != set {
				if set != nil {
					findings = append(findings, set.Findings.All()...)
				}
				set = s
			}
			return c, err
		}
		return next, func() []*x12.Error {
			if set != nil {
				findings = append(findings, set.Findings.All()...)
			}
			return findings
		}
	}, func(c *Claim) int { return len(c.Lines) })
}

// claimHead is the synthetic claim up to its service line, claimLine its service line.
var claimHead, claimLine, _ = strings.Cut(claim837Block, "LX*1~\n")

func init() { claimLine = "LX*%d~\n" + claimLine }

// hostile837s are the hostile inputs of the security review, made on the fly.
var hostile837s = []guidetest.Hostile{
	{
		// Every HL's parent is the HL before it, each a subscriber or a patient in turn. The
		// guide nests levels three deep at most: the chain is read as levels that can hold
		// claims and hold none (and HLs whose parent cannot be theirs), kept in the tree and
		// counted against MaxSetSegments, each without an arena of its own.
		Name: "nested HL chain", N: 20000, Short: 20000,
		Make: func(n int) *guidetest.Lazy {
			return &guidetest.Lazy{Head: head837, N: n, Block: func(dst []byte, i int) []byte {
				level := "22"
				if i%2 == 1 {
					level = "23"
				}
				return fmt.Appendf(dst, "HL*%d*%d*%s*1~\n", i+2, i+1, level)
			}, Tail: fmt.Sprintf(claim837Block, n+2, 1, 1)}
		},
	},
	{
		// One claim of n service lines, and a normal claim after it.
		Name: "service lines in one claim", N: 1_000_000, Short: 200_000, Limit: x12.ErrUnitTooLarge,
		Make: func(n int) *guidetest.Lazy {
			head := head837 + fmt.Sprintf(claimHead, 2, 0, 0)
			return &guidetest.Lazy{Head: head, N: n, Block: func(dst []byte, i int) []byte {
				return fmt.Appendf(dst, claimLine, i+1)
			}, Tail: fmt.Sprintf(claim837Block, 3, 1, 1)}
		},
	},
	{
		// One segment repeated inside a claim (about 31 bytes each), the claim's rest after it,
		// and a normal claim.
		Name: "segment repeated in a claim", N: 5_000_000, Short: 1_000_000, Limit: x12.ErrUnitTooLarge,
		Make: func(n int) *guidetest.Lazy {
			clm, rest, _ := strings.Cut(fmt.Sprintf(claimHead, 2, 0, 0), "HI*")
			return &guidetest.Lazy{Head: head837 + clm, N: n, Block: func(dst []byte, i int) []byte {
				return append(dst, "NTE*ADD*PATIENT SEEN BY VIDEO~\n"...)
			}, Tail: "HI*" + rest + fmt.Sprintf(claimLine, 1) + fmt.Sprintf(claim837Block, 3, 1, 1)}
		},
	},
}

// TestHostileInputsBounded decodes each hostile input of the security review (made on the
// fly) and a normal 837P of the same size (at most 16 MB: a normal stream's peak does not
// grow with it): the hostile one must not make the Decoder hold much more, the limit it hit
// must be reported, and the claim after it must come whole.
func TestHostileInputsBounded(t *testing.T) {
	guidetest.CheckHostile(t, hostile837s, "claim", func(size int) io.Reader { return newSynthetic837(size) }, decodeSampled)
}

// TestUnitLimitCutsAnywhere: a claim cut short at any segment by MaxUnitSegments decodes
// without a panic, and the cut is reported with it.
func TestUnitLimitCutsAnywhere(t *testing.T) {
	var buf bytes.Buffer
	_, err := writeRaw(&buf, testEnvelope(), Generate(12, 3))
	require.NoError(t, err)
	guidetest.CheckUnitLimitCuts(t, buf.Bytes(), "2300", 12, "claim", func(r io.Reader, limit int) func() (*Claim, error) {
		d := NewDecoder(r, nil)
		d.Reader().MaxUnitSegments = limit
		return d.NextClaim
	})
}
