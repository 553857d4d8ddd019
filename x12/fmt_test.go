package x12

import "fmt"

// fmtAll formats v with every verb a careless caller might use.
func fmtAll(v any) string {
	return fmt.Sprintf("%v %+v %#v %s %q %x", v, v, v, v, v, v)
}
