package guidetest

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// Marker is the string CheckPHI plants in every string a value can hold: it must never show
// in what fmt or log/slog make of the value.
const Marker = "MRK7Q"

// PHIVerbs are the fmt verbs CheckPHI prints every value with.
var PHIVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"}

// PHICheck is what CheckPHI tests for one package.
type PHICheck struct {
	// Dir is the package's directory ("." from its own tests): its non-test Go files are
	// parsed for the exported types it declares.
	Dir string
	// Types holds one value (or pointer) of every exported type of the package that is
	// checked. A type declared in Dir that is in neither Types nor Exempt fails the check.
	Types []any
	// Exempt names the exported types that may print what they hold, each with the reason.
	Exempt map[string]string
}

// PHIResult counts what CheckPHI did.
type PHIResult struct {
	Types   int // types checked
	Planted int // strings planted, over all types
	Outputs int // fmt and log/slog outputs checked, over all types
}

// CheckPHI enumerates the exported types declared in c.Dir and fails the test for any that
// c.Types does not register or c.Exempt does not exempt. For each registered type it plants
// Marker in every string a value of it can hold (Plant), then fails the test when Marker
// shows in the value or a pointer to it, alone or nested in a struct field, a slice or a map,
// under any of PHIVerbs, or logged through slog's TextHandler (the same nestings) or
// JSONHandler (the value and the pointer, alone and in a group: a JSONHandler marshals other
// values with encoding/json, which is the types' data output, not a log). A type with
// unexported fields that hold text, which cannot be planted, must implement fmt.Formatter
// and slog.LogValuer.
func CheckPHI(t testing.TB, c PHICheck) PHIResult {
	t.Helper()
	declared := ExportedTypes(t, c.Dir)
	registered := map[string]reflect.Type{}
	for _, v := range c.Types {
		typ := reflect.TypeOf(v)
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if _, ok := declared[typ.Name()]; !ok {
			t.Errorf("%v is registered but not declared in %s", typ, c.Dir)
		}
		if _, ok := c.Exempt[typ.Name()]; ok {
			t.Errorf("%v is both registered and exempt", typ)
		}
		registered[typ.Name()] = typ
	}
	for name := range c.Exempt {
		if _, ok := declared[name]; !ok {
			t.Errorf("exempt type %s is not declared in %s", name, c.Dir)
		}
	}
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)
	var res PHIResult
	for _, name := range names {
		_, exempt := c.Exempt[name]
		typ, ok := registered[name]
		switch {
		case exempt:
			continue
		case !ok:
			t.Errorf("exported type %s is neither registered in the PHI test nor exempt: register it (and redact it if it can hold patient data)", name)
			continue
		}
		res.Types++
		if hiddenText(typ, true, map[reflect.Type]bool{}) {
			if !typ.Implements(formatterType) || !typ.Implements(logValuerType) {
				t.Errorf("%v has unexported fields holding text, which fmt prints: it must implement fmt.Formatter and slog.LogValuer", typ)
			}
		}
		v, n := Plant(typ)
		res.Planted += n
		res.Outputs += checkValue(t, typ, v)
	}
	return res
}

// ExportedTypes parses the non-test Go files of the package in dir and returns the exported
// types it declares that can hold text: every one but aliases, interfaces, function types
// and named numbers and booleans.
func ExportedTypes(t testing.TB, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	out := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse %s: %v", path, err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if !ts.Name.IsExported() || ts.Assign.IsValid() {
					continue
				}
				switch x := ts.Type.(type) {
				case *ast.InterfaceType, *ast.FuncType:
					continue
				case *ast.Ident:
					if x.Name != "string" && predeclaredScalar[x.Name] {
						continue
					}
				}
				out[ts.Name.Name] = true
			}
		}
	}
	return out
}

var predeclaredScalar = map[string]bool{
	"bool": true, "byte": true, "rune": true, "string": true, "uintptr": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true,
}

var (
	formatterType = reflect.TypeFor[fmt.Formatter]()
	logValuerType = reflect.TypeFor[slog.LogValuer]()
	// A time.Time points to its time zone, whose names are no data.
	locationType = reflect.TypeFor[time.Location]()
)

// hiddenText reports whether fmt, printing a value of typ, could print text it reaches
// through unexported fields (where it calls no methods), which Plant cannot set. A type with
// its own Format prints itself. Pointers are followed: under a verb that does not suit a
// pointer (%s, %q) fmt prints what it points to.
func hiddenText(typ reflect.Type, top bool, seen map[reflect.Type]bool) bool {
	if seen[typ] || !top && typ.Implements(formatterType) {
		return false
	}
	seen[typ] = true
	defer delete(seen, typ)
	switch typ.Kind() {
	case reflect.Struct:
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() && holdsText(f.Type, map[reflect.Type]bool{}) || f.IsExported() && hiddenText(f.Type, false, seen) {
				return true
			}
		}
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return hiddenText(typ.Elem(), false, seen)
	case reflect.Map:
		return hiddenText(typ.Key(), false, seen) || hiddenText(typ.Elem(), false, seen)
	}
	return false
}

// holdsText reports whether a value of typ, printed by fmt without its methods, can show
// text: a string or bytes, in it or in what it points to, its elements and its fields.
func holdsText(typ reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[typ] || typ == locationType {
		return false
	}
	seen[typ] = true
	switch typ.Kind() {
	case reflect.String:
		return true
	case reflect.Slice, reflect.Array:
		return typ.Elem().Kind() == reflect.Uint8 || holdsText(typ.Elem(), seen)
	case reflect.Pointer:
		return holdsText(typ.Elem(), seen)
	case reflect.Map:
		return holdsText(typ.Key(), seen) || holdsText(typ.Elem(), seen)
	case reflect.Struct:
		for i := range typ.NumField() {
			if holdsText(typ.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// Plant returns a new value of typ with Marker in every string it can hold through exported
// fields: nested structs, pointers (allocated), slices and arrays (one element), maps (one
// entry, Marker in key and value), and byte slices. A type met again inside itself is left
// zero there. It returns the value and how many strings it planted.
func Plant(typ reflect.Type) (reflect.Value, int) {
	v := reflect.New(typ).Elem()
	n := plant(v, map[reflect.Type]bool{})
	return v, n
}

func plant(v reflect.Value, path map[reflect.Type]bool) int {
	typ := v.Type()
	if path[typ] {
		return 0
	}
	path[typ] = true
	defer delete(path, typ)
	switch typ.Kind() {
	case reflect.String:
		v.SetString(Marker)
		return 1
	case reflect.Struct:
		n := 0
		for i := range typ.NumField() {
			if f := v.Field(i); f.CanSet() {
				n += plant(f, path)
			}
		}
		return n
	case reflect.Pointer:
		p := reflect.New(typ.Elem())
		n := plant(p.Elem(), path)
		v.Set(p)
		return n
	case reflect.Slice:
		if typ.Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte(Marker))
			return 1
		}
		s := reflect.MakeSlice(typ, 1, 1)
		n := plant(s.Index(0), path)
		v.Set(s)
		return n
	case reflect.Array:
		n := 0
		for i := range v.Len() {
			n += plant(v.Index(i), path)
		}
		return n
	case reflect.Map:
		k := reflect.New(typ.Key()).Elem()
		e := reflect.New(typ.Elem()).Elem()
		n := plant(k, path) + plant(e, path)
		m := reflect.MakeMap(typ)
		m.SetMapIndex(k, e)
		v.Set(m)
		return n
	}
	return 0
}

// leaks reports whether out shows Marker, as is or hex-encoded (%x, %X).
func leaks(out string) bool {
	h := hex.EncodeToString([]byte(Marker))
	return strings.Contains(out, Marker) || strings.Contains(out, h) || strings.Contains(out, strings.ToUpper(h))
}

// checkValue prints and logs v (of typ) every way and fails t for each output that shows
// Marker, naming the type and the way, never the output. It returns the outputs checked.
func checkValue(t testing.TB, typ reflect.Type, v reflect.Value) int {
	t.Helper()
	p := reflect.New(typ)
	p.Elem().Set(v)
	wrap := func(ft reflect.Type, x reflect.Value) any {
		s := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "V", Type: ft}})).Elem()
		s.Field(0).Set(x)
		return s.Interface()
	}
	slice := reflect.MakeSlice(reflect.SliceOf(typ), 0, 1)
	slice = reflect.Append(slice, v)
	m := reflect.MakeMap(reflect.MapOf(reflect.TypeFor[string](), typ))
	m.SetMapIndex(reflect.ValueOf("k"), v)
	subjects := []struct {
		name string
		x    any
		json bool // logged through a JSONHandler too
	}{
		{"value", v.Interface(), true},
		{"pointer", p.Interface(), true},
		{"struct field", wrap(typ, v), false},
		{"pointer struct field", wrap(p.Type(), p), false},
		{"slice element", slice.Interface(), false},
		{"map value", m.Interface(), false},
	}
	checked := 0
	var failed []string
	for _, s := range subjects {
		for _, verb := range PHIVerbs {
			checked++
			if leaks(fmt.Sprintf(verb, s.x)) {
				failed = append(failed, s.name+" "+verb)
			}
		}
		handlers := []string{"TextHandler"}
		if s.json {
			handlers = append(handlers, "JSONHandler")
		}
		for _, h := range handlers {
			for _, group := range []bool{false, true} {
				var buf bytes.Buffer
				var log *slog.Logger
				if h == "TextHandler" {
					log = slog.New(slog.NewTextHandler(&buf, nil))
				} else {
					log = slog.New(slog.NewJSONHandler(&buf, nil))
				}
				attr := slog.Any("v", s.x)
				if group {
					attr = slog.Group("g", attr)
				}
				log.LogAttrs(t.Context(), slog.LevelInfo, "phi", attr)
				checked++
				if leaks(buf.String()) {
					way := s.name + " slog." + h
					if group {
						way += " in a group"
					}
					failed = append(failed, way)
				}
			}
		}
	}
	if len(failed) > 0 {
		t.Errorf("%v shows a planted string %d of %d ways, e.g. %s", typ, len(failed), checked, strings.Join(failed[:min(len(failed), 4)], ", "))
	}
	return checked
}
