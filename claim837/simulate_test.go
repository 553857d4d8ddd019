package claim837_test

import (
	"github.com/x12kit/x12kit/claim837"
	"github.com/x12kit/x12kit/simulate"
)

func init() {
	claim837.Generate = func(n int, seed uint64) *claim837.Batch {
		return simulate.Claims(n, seed, simulate.ClaimOptions{})
	}
}
