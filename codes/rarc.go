package codes

// rarcSet holds remittance advice remark codes (X12 external code source 411; LQ*HE in 2110,
// MOA/MIA remark elements) that commonly go with telehealth and professional denials, each
// with x12kit's own brief wording and a denial category (the constants Cat…). Official RARC
// descriptions are licensed text and are not reproduced.
//
// Partial: a small subset. Dates are not shipped (all listed codes active as of LastReviewed).
// Confidence: [M] — values and gist from general knowledge, not re-verified.
func rarcSet() *Set {
	r := func(v, cat, desc string) Code { return Code{Value: v, Category: cat, Description: desc, Note: "[M]"} }
	s := NewSet("rarc", "Remittance advice remark codes (LQ*HE, MOA, MIA; code source 411)", reviewed,
		r("M15", CatBundling, "Separately billed services or tests were bundled"),
		r("M20", CatCoding, "HCPCS code missing or invalid"),
		r("M51", CatCoding, "Procedure code missing, incomplete or invalid"),
		r("M76", CatCoding, "Diagnosis missing, incomplete or invalid"),
		r("M77", CatCoding, "Place of service missing, incomplete or invalid"),
		r("M78", CatCoding, "HCPCS modifier missing, incomplete or invalid"),
		r("M80", CatBundling, "Not covered with another service on the same date or session"),
		r("M86", CatDuplicate, "Same or similar service already paid in the time frame"),
		r("M119", CatCoding, "NDC missing, invalid, deactivated or withdrawn"),
		r("M127", CatMissingInfo, "Medical record for this service missing"),
		r("MA01", CatInformational, "Alert: appeal rights if you disagree"),
		r("MA04", CatCOB, "Secondary payment needs the primary payer's information"),
		r("MA07", CatInformational, "Claim information forwarded to Medicaid"),
		r("MA18", CatInformational, "Claim information forwarded to the supplemental insurer"),
		r("MA120", CatProvider, "CLIA certificate number missing or invalid"),
		r("MA130", CatMissingInfo, "Claim incomplete or invalid: no appeal rights, send a corrected claim"),
		r("N4", CatCOB, "Prior payer's explanation of benefits missing or invalid"),
		r("N20", CatBundling, "Not paid with another service on the same date"),
		r("N30", CatEligibility, "Patient not eligible for this service"),
		r("N56", CatCoding, "Procedure code not right for the service or date"),
		r("N95", CatProvider, "This provider type or specialty may not bill this service"),
		r("N115", CatMedicalNecessity, "Decided under a Local Coverage Determination"),
		r("N130", CatNonCovered, "See the plan's benefit documents for restrictions"),
		r("N180", CatCoding, "Does not meet the criteria of the category billed"),
		r("N211", CatInformational, "Alert: this decision may not be appealed"),
		r("N257", CatProvider, "Billing provider identifier missing or invalid"),
		r("N265", CatProvider, "Ordering provider identifier missing or invalid"),
		r("N290", CatProvider, "Rendering provider identifier missing or invalid"),
		r("N362", CatBenefitLimit, "Days or units over the accepted maximum"),
		r("N381", CatContractual, "See the contract for restrictions or billing rules"),
		r("N386", CatMedicalNecessity, "Decided under a National Coverage Determination"),
		r("N425", CatNonCovered, "Statutorily excluded service"),
		r("N432", CatOther, "Adjusted after a recovery audit"),
		r("N479", CatCOB, "Explanation of benefits (coordination of benefits) missing"),
		r("N519", CatCoding, "Invalid combination of modifiers"),
		r("N522", CatDuplicate, "Duplicate of a crossover claim"),
		r("N657", CatCoding, "Bill this with the code for these services"),
		r("N822", CatCoding, "Procedure modifier missing"),
		r("N823", CatCoding, "Procedure modifier incomplete or invalid"),
	)
	s.Partial = true
	return s
}
