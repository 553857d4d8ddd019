package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAckOfProductionInterchange: the acknowledgments of a production interchange (ISA15 P)
// are production too, and are written: their control numbers are given explicitly, which
// the envelope writer requires for production.
func TestAckOfProductionInterchange(t *testing.T) {
	data, err := os.ReadFile(goodFile)
	require.NoError(t, err)
	prod := strings.Replace(string(data), "*T*:~", "*P*:~", 1)
	require.NotEqual(t, string(data), prod)
	for _, kind := range []string{"999", "ta1"} {
		code, out, errOut := runCLI(t, prod, "validate", "--ack", kind, "-")
		assert.Equal(t, exitOK, code, kind+": "+errOut)
		require.True(t, strings.HasPrefix(out, "ISA*"), kind)
		isa := out[:strings.IndexByte(out, '~')]
		assert.True(t, strings.HasSuffix(isa, "*P*:"), kind+": ISA15 of the acknowledgment")
	}
}
