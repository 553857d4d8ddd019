package x12

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAddressRedacted(t *testing.T) {
	a := &Address{Line1: "12 SECRET LANE", City: "HIDDEN", ZIP: "99999"}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("member", "address", *a)
	for _, out := range []string{fmt.Sprint(a), fmt.Sprintf("%+v", *a), fmt.Sprintf("%#v", *a), a.String(), logged.String()} {
		assert.NotContains(t, out, "SECRET")
		assert.NotContains(t, out, "HIDDEN")
		assert.NotContains(t, out, "99999")
	}
	assert.Equal(t, []string{"HIDDEN", "", "99999", ""}, a.N4Elements())
}
