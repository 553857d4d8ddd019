package codes

// Denial categories: the Category of every CARC and RARC, for remittance analytics ("why are
// we denied?"). A category is x12kit's own grouping, not part of the published code lists.
const (
	CatEligibility      = "eligibility"              // patient not covered, coverage dates, identity
	CatAuthorization    = "authorization"            // prior authorization, referral, precertification
	CatCoding           = "coding"                   // code, modifier, POS, diagnosis inconsistencies
	CatDuplicate        = "duplicate"                // already billed or paid
	CatTimelyFiling     = "timely-filing"            // filing limit passed
	CatMedicalNecessity = "medical-necessity"        // not necessary, level or frequency not supported
	CatBundling         = "bundling"                 // included in another service, NCCI edits
	CatCOB              = "coordination-of-benefits" // another payer first, prior payer's payment
	CatPatientResp      = "patient-responsibility"   // deductible, coinsurance, copay
	CatContractual      = "contractual"              // fee schedule, contract, sequestration
	CatMissingInfo      = "missing-information"      // incomplete claim, documentation not received
	CatNonCovered       = "non-covered"              // benefit plan excludes the service
	CatBenefitLimit     = "benefit-limit"            // maximum visits, units or dollars reached
	CatProvider         = "provider"                 // provider type, enrollment, network, identifiers
	CatInformational    = "informational"            // alerts that explain, not deny
	CatOther            = "other"
)

// carcSet holds the claim adjustment reason codes (X12 external code source 139; CAS02/05/…,
// also SVC/CLP contexts) that remittances commonly carry, each with x12kit's own brief wording
// and a denial category. The official descriptions are licensed text and are not reproduced;
// look a code up at x12.org for its exact wording.
//
// Partial: not every CARC is here. Effective and termination dates are shipped only where
// known; the codes listed are active as of LastReviewed, so most carry no dates. Confidence:
// the telehealth-relevant 4, 5, 16, 96, 97 and 253 are [V] (WPC's CARC list, pyx12); the rest are [M]
// — values and gist from general knowledge, not re-verified against the current list.
func carcSet() *Set {
	c := func(v, cat, desc string) Code { return Code{Value: v, Category: cat, Description: desc, Note: "[M]"} }
	v := func(v, cat, desc string) Code { return Code{Value: v, Category: cat, Description: desc, Note: "[V]"} }
	s := NewSet("carc", "Claim adjustment reason codes (CAS, code source 139)", reviewed,
		c("1", CatPatientResp, "Deductible"),
		c("2", CatPatientResp, "Coinsurance"),
		c("3", CatPatientResp, "Copayment"),
		v("4", CatCoding, "Modifier missing or does not fit the procedure"),
		v("5", CatCoding, "Procedure or bill type does not fit the place of service"),
		c("6", CatCoding, "Procedure does not fit the patient's age"),
		c("7", CatCoding, "Procedure does not fit the patient's sex"),
		c("8", CatCoding, "Procedure does not fit the provider type or specialty"),
		c("9", CatCoding, "Diagnosis does not fit the patient's age"),
		c("10", CatCoding, "Diagnosis does not fit the patient's sex"),
		c("11", CatCoding, "Diagnosis does not fit the procedure"),
		c("12", CatCoding, "Diagnosis does not fit the provider type"),
		c("13", CatEligibility, "Date of death is before the date of service"),
		c("14", CatOther, "Date of birth is after the date of service"),
		c("15", CatAuthorization, "Authorization number missing, invalid or not for this service"),
		v("16", CatMissingInfo, "Claim lacks information or has billing errors (see the remark code)"),
		c("18", CatDuplicate, "Exact duplicate of a claim or service"),
		c("19", CatCOB, "Work injury: workers' compensation pays"),
		c("20", CatCOB, "Injury covered by a liability carrier"),
		c("21", CatCOB, "Injury covered by a no-fault carrier"),
		c("22", CatCOB, "Another payer may cover this under coordination of benefits"),
		c("23", CatCOB, "Effect of the prior payers' adjudication"),
		c("24", CatContractual, "Covered under a capitation or managed care plan"),
		c("26", CatEligibility, "Service before coverage started"),
		c("27", CatEligibility, "Service after coverage ended"),
		c("29", CatTimelyFiling, "Filing limit has passed"),
		c("31", CatEligibility, "Patient is not identified as our member"),
		c("32", CatEligibility, "Patient is not an eligible dependent"),
		c("33", CatEligibility, "Member has no dependent coverage"),
		c("34", CatEligibility, "Member has no newborn coverage"),
		c("35", CatBenefitLimit, "Lifetime benefit maximum reached"),
		c("39", CatAuthorization, "Denied when authorization was requested"),
		c("40", CatMedicalNecessity, "Does not meet the criteria for emergency or urgent care"),
		c("45", CatContractual, "Charge is over the fee schedule or contracted amount"),
		c("49", CatNonCovered, "Routine or preventive service not covered"),
		c("50", CatMedicalNecessity, "Not deemed medically necessary by the payer"),
		c("51", CatNonCovered, "Pre-existing condition"),
		c("55", CatNonCovered, "Experimental or investigational"),
		c("56", CatMedicalNecessity, "Not proven effective"),
		c("58", CatCoding, "Rendered in an inappropriate place or setting"),
		c("59", CatBundling, "Multiple or concurrent procedure rules applied"),
		v("96", CatNonCovered, "Non-covered charge"),
		v("97", CatBundling, "Included in another service already adjudicated"),
		c("100", CatInformational, "Payment made to the patient or member"),
		c("107", CatOther, "Related or qualifying claim not received"),
		c("109", CatCOB, "Not covered by this payer; send to the right payer"),
		c("110", CatOther, "Billing date is before the service date"),
		c("119", CatBenefitLimit, "Benefit maximum for this period reached"),
		c("125", CatMissingInfo, "Submission or billing error"),
		c("128", CatOther, "Newborn's services covered in the mother's allowance"),
		c("129", CatOther, "Prior processing information was wrong"),
		c("131", CatContractual, "Claim-specific negotiated discount"),
		c("133", CatOther, "Pending further review"),
		c("136", CatCOB, "Prior payer's coverage rules not followed"),
		c("140", CatEligibility, "Member name and identifier do not match"),
		c("144", CatOther, "Incentive adjustment"),
		c("146", CatCoding, "Diagnosis not valid on the date of service"),
		c("149", CatBenefitLimit, "Lifetime maximum for this service reached"),
		c("150", CatMedicalNecessity, "Information does not support this level of service"),
		c("151", CatMedicalNecessity, "Information does not support this many services or this frequency"),
		c("152", CatMedicalNecessity, "Information does not support this length of service"),
		c("164", CatMissingInfo, "Attachment or documentation not received in time"),
		c("167", CatNonCovered, "Diagnosis not covered"),
		c("170", CatProvider, "Not paid when billed by this provider type"),
		c("171", CatProvider, "Not paid when billed by this provider type in this facility type"),
		c("177", CatEligibility, "Patient has not met the eligibility requirements"),
		c("181", CatCoding, "Procedure code not valid on the date of service"),
		c("182", CatCoding, "Modifier not valid on the date of service"),
		c("183", CatProvider, "Referring provider may not refer"),
		c("184", CatProvider, "Prescribing or ordering provider not eligible"),
		c("185", CatProvider, "Rendering provider not eligible to perform the service"),
		c("187", CatPatientResp, "Paid from a consumer spending account (HSA, FSA)"),
		c("189", CatCoding, "Unlisted or not-otherwise-classified code used where a specific one exists"),
		c("197", CatAuthorization, "Precertification, authorization or notification missing"),
		c("198", CatAuthorization, "Precertification or authorization exceeded"),
		c("199", CatCoding, "Revenue code and procedure code do not match"),
		c("200", CatEligibility, "Service during a lapse in coverage"),
		c("204", CatNonCovered, "Not covered under the patient's current benefit plan"),
		c("208", CatProvider, "NPI does not match"),
		c("222", CatBenefitLimit, "Over the contracted maximum hours, days or units for the period"),
		c("223", CatOther, "Adjustment required by law or regulation, no other code fits"),
		c("226", CatMissingInfo, "Information requested from the provider not sent or not enough"),
		c("227", CatMissingInfo, "Information requested from the patient not sent or not enough"),
		c("234", CatBundling, "Procedure not paid separately"),
		c("236", CatBundling, "Not compatible with another procedure on the same day (e.g. NCCI)"),
		c("237", CatOther, "Legislated or regulatory penalty"),
		c("242", CatProvider, "Not provided by network or primary care providers"),
		c("243", CatAuthorization, "Not authorized by network or primary care providers"),
		c("252", CatMissingInfo, "Additional documentation needed"),
		Code{Value: "253", Category: CatContractual, Description: "Sequestration: reduction of federal payment",
			Note: "[V] Medicare CO-253, never PR; start date 2013 [M] not shipped"},
		c("256", CatContractual, "Not payable under the managed care contract"),
		c("258", CatEligibility, "Not covered while the patient is in custody"),
		c("288", CatAuthorization, "Referral absent"),
		c("A1", CatOther, "Claim or service denied (see the remark code)"),
		Code{Value: "A2", Category: CatContractual, Description: "Contractual adjustment",
			Note: "[?] seen in public 835 samples (CO-A2); may be deactivated — check the current list"},
		c("B7", CatProvider, "Provider not certified or eligible for this service on this date"),
		c("B9", CatEligibility, "Patient is enrolled in hospice"),
		c("B10", CatBundling, "Reduced: a component of the basic procedure was paid"),
		c("B11", CatCOB, "Claim sent on to the proper payer"),
		c("B12", CatMissingInfo, "Service not documented in the patient's record"),
		c("B13", CatDuplicate, "Already paid on an earlier claim"),
		c("B15", CatCoding, "Needs a qualifying service that was not received or covered"),
		c("B16", CatCoding, "New-patient criteria not met"),
		c("B20", CatDuplicate, "Furnished in whole or part by another provider"),
		c("B22", CatCoding, "Adjusted for the diagnosis"),
	)
	s.Partial = true
	return s
}
