package remit835

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPrintingHidesPatientAndBankData: fmt and slog of the typed values never show names,
// member ids, patient control numbers or bank numbers from the fixture.
func TestPrintingHidesPatientAndBankData(t *testing.T) {
	data, err := os.ReadFile("testdata/telehealth.835")
	require.NoError(t, err)
	remits, err := ReadAll(bytes.NewReader(data))
	require.NoError(t, err)
	r := remits[0]
	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	log.Info("remit", "r", r, "claim", r.Claims[0], "payment", r.Payment, "patient", r.Claims[0].Patient)
	out := fmt.Sprintf("%v %+v %#v %s %v %v %+v", r, r, r, r.Claims[0], r.Claims[0], r.Payment, r.Claims[0].Patient) + logged.String()
	for _, secret := range []string{"DOE", "JANE", "XYZ000000001", "PCN0001", "987654321", "123456789", "071000013"} {
		assert.NotContains(t, out, secret)
	}
	for _, im := range Balance(&Remittance{Payment: r.Payment, Claims: r.Claims[:1]}) {
		assert.NotContains(t, im.Error(), "PCN0001")
	}
}
