package main

import (
	"encoding/json"

	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/x12"
)

// The 835 as typed JSON: the body is a remit835.Remittance under "remittance"; x12 writes it
// back with remit835.Encode and the set's ST02.
func init() {
	registerKind(&typedKind{
		name: "835", key: "remittance",
		read: func(set *x12.Set) (any, bool) {
			r := remit835.FromSet(set)
			return r, r != nil
		},
		decode: func(raw json.RawMessage) (any, error) {
			var r remit835.Remittance
			err := json.Unmarshal(raw, &r)
			return &r, err
		},
		write: func(ew *x12.EnvelopeWriter, st []string, body any) error {
			r := body.(*remit835.Remittance)
			r.Control = el(st, 2)
			return remit835.Encode(ew, r)
		},
	})
}
