package codes

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRegistryNames(t *testing.T) {
	names := Default().Names()
	for _, n := range []string{"pos", "modifier", "procedure", "carc", "rarc", "service-type", "cas-group",
		"claim-status", "plb-reason", "claim-frequency", "claim-filing-indicator", "relationship", "entity-id",
		"id-qualifier", "eb-benefit", "coverage-level", "insurance-type", "time-period", "aaa-reject-reason",
		"aaa-follow-up", "us-state"} {
		assert.Contains(t, names, n)
	}
	require.True(t, Default().Contains("pos", "10"))
}
