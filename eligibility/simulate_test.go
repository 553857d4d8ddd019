package eligibility_test

import (
	"time"

	"github.com/x12kit/x12kit/eligibility"
	"github.com/x12kit/x12kit/simulate"
)

func init() {
	eligibility.GenerateRequest = simulate.EligibilityRequest
	eligibility.Respond = func(req *eligibility.Request, now time.Time) *eligibility.Response {
		return simulate.SamplePlans().Respond(req, now)
	}
}
