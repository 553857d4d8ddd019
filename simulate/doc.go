// Package simulate stands in for the other side of the exchange in test harnesses: it makes
// synthetic 837P claims and 270 inquiries and plays a payer that answers them with 835
// remittances and 271 responses, so the claim → remittance and eligibility loops run
// offline, deterministically, without any real person's data.
//
// # Claims
//
// [Claims] makes a batch of synthetic telehealth claims for a seed: valid NPIs, ICD-10-CM
// codes of real shape, procedure codes active on their dates of service, places of service
// and modifiers coded by claim837.ApplyTelehealth for a mix of payers, modalities and
// patients. [ClaimOptions] change the mix — lines per claim, replacements and voids, the range
// of the dates of service, a share of visits in person, only claims the checks find nothing
// in — and its zero value makes the batch Claims has always made for the seed:
//
//	b := simulate.Claims(500, 7, simulate.ClaimOptions{Lines: 3, Voids: 5, Clean: true})
//
// # Remittances
//
// An [Adjudicator] prices claims with a fee schedule, cost sharing by plan type and a short,
// documented list of denials, and returns balanced remit835 remittances, one per payer and
// billing provider:
//
//	remits := simulate.Adjudicate(b.Claims)
//
// # Eligibility
//
// [EligibilityRequest] makes a synthetic 270 of inquiries about the members of
// [SamplePlans]; [Plans] describes a payer's plans and members (JSON, read with
// [ParsePlans]), and [Plans.Respond] answers a 270 with the 271 that payer would send,
// benefits or the AAA rejections real payers use:
//
//	req := simulate.EligibilityRequest(10, 1)
//	resp := simulate.SamplePlans().Respond(req, time.Now())
//
// Nothing here is any real payer's logic; the rules are on [Adjudicator] and [Plans.Respond].
package simulate
