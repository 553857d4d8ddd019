package main

import (
	"github.com/x12kit/x12kit/codes"
	"github.com/x12kit/x12kit/x12"

	// The transaction packages register their implementation guides in x12.Guides.
	_ "github.com/x12kit/x12kit/claim837"
	_ "github.com/x12kit/x12kit/eligibility"
	_ "github.com/x12kit/x12kit/remit835"
)

// codeSource answers for the external code lists the guides name (place of service, CARC,
// service types…): the codes package's shipped sets.
func codeSource() x12.CodeSource { return codes.Default() }
