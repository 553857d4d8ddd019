package eligibility

import "time"

// GenerateRequest and Respond are the synthetic 270 of package simulate
// (simulate.EligibilityRequest) and its sample payer's answer (simulate.SamplePlans().Respond),
// for the tests of this package. simulate imports eligibility, so only an external test file
// can call them: simulate_test.go sets them.
var (
	GenerateRequest func(n int, seed uint64) *Request
	Respond         func(req *Request, now time.Time) *Response
)
