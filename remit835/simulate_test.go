package remit835_test

import (
	"github.com/x12kit/x12kit/remit835"
	"github.com/x12kit/x12kit/simulate"
)

func init() {
	remit835.Adjudicated = func(n int, seed uint64) []*remit835.Remittance {
		return simulate.Adjudicate(simulate.Claims(n, seed, simulate.ClaimOptions{}).Claims)
	}
}
