package guidetest

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The types CheckPHI is tried on; phiSource declares them for its parser.
type (
	Leaky    struct{ Name string }
	Redacted struct {
		Name  string
		Inner Leaky
		Many  map[string][]*Leaky
	}
	Hidden struct{ name string }
	NoText struct{ N int }
	Code   string
)

// Format prints no field.
func (Redacted) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte("redacted")) }

// LogValue logs no field.
func (Redacted) LogValue() slog.Value { return slog.StringValue("redacted") }

const phiSource = `package p

type Leaky struct{ Name string }
type Redacted struct{}
type Hidden struct{ name string }
type NoText struct{ N int }
type Code string
type Level int
type Alias = Leaky
type Missing struct{ S string }
`

// recorder keeps the errors of a check instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

// Helper does nothing: the recorder reports no lines.
func (r *recorder) Helper() {}

// Errorf keeps the error.
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestCheckPHIFindsLeaks: CheckPHI reports a type that prints a planted string, one with
// unexported text and no Format, an exported type neither registered nor exempt, and an
// exemption of a type that is not declared; a redacted type, one without text, aliases and
// named numbers pass.
func TestCheckPHIFindsLeaks(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(phiSource), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	res := CheckPHI(r, PHICheck{
		Dir:    dir,
		Types:  []any{Leaky{}, &Redacted{}, Hidden{}, NoText{}},
		Exempt: map[string]string{"Code": "a code", "Gone": "stale"},
	})
	all := strings.Join(r.errs, "\n")
	for _, want := range []string{
		"guidetest.Leaky shows a planted string",
		"guidetest.Hidden has unexported fields holding text",
		"exported type Missing is neither registered",
		"exempt type Gone is not declared",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no error %q in:\n%s", want, all)
		}
	}
	if len(r.errs) != 4 {
		t.Errorf("want 4 errors, got:\n%s", all)
	}
	if res.Types != 4 || res.Planted < 5 {
		t.Errorf("result %+v", res)
	}
}
