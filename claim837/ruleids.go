package claim837

// Rule IDs: the Rule of every Finding Check and Write report, and the keys Options.Severity
// takes to make a rule a warning, an error, or Ignore it. They are stable: a rule keeps its ID
// from release to release.
const (
	RuleGuide                      = "guide"                        // the written set breaks the 837P guide (Write only; the finding's X12 names the position)
	RuleRequired                   = "required"                     // a value the 837P needs is missing (submitter, receiver, subscriber's name and member ID, a line's date…)
	RuleNPICheckDigit              = "npi-check-digit"              // an NPI (billing, rendering, referring, supervising, facility) fails the Luhn check digit, or the billing NPI is missing
	RuleBillingAddress             = "billing-address"              // the billing provider has no address
	RuleBillingAddressPOBox        = "billing-address-po-box"       // the billing provider's street address is a P.O. box, which the guide forbids
	RuleBillingZIP9                = "billing-zip9"                 // the billing provider's ZIP code is not ZIP+4 (nine digits)
	RuleBillingTaxID               = "billing-tax-id"               // the billing provider has neither an EIN nor an SSN
	RuleFrequencyOriginalReference = "frequency-original-reference" // a replacement or void (frequency 7 or 8) without the payer's claim number (REF*F8)
	RuleMaxLines                   = "max-lines"                    // more than 50 service lines in a claim
	RuleChargeSum                  = "charge-sum"                   // the claim's charge is not the sum of its lines' charges
	RuleMaxDiagnoses               = "max-diagnoses"                // more than 12 diagnoses in a claim
	RuleICD10Format                = "icd10-format"                 // a diagnosis code is not an ICD-10-CM code
	RuleICD9AfterTransition        = "icd9-after-transition"        // an ICD-9 diagnosis on a claim with a date of service from 2015-10-01
	RuleDiagnosisQualifier         = "diagnosis-qualifier"          // a diagnosis qualifier other than ABK/ABF (ICD-10-CM) or BK/BF (ICD-9-CM)
	RuleMaxModifiers               = "max-modifiers"                // more than four procedure modifiers on a line
	RuleMaxPointers                = "max-pointers"                 // more than four diagnosis pointers on a line
	RulePointerRange               = "pointer-range"                // a diagnosis pointer names no diagnosis of the claim
	RuleProcedureFormat            = "procedure-format"             // a procedure code is neither a CPT nor a HCPCS code
	RuleProcedureActive            = "procedure-active"             // a procedure code is not in force on the line's date of service
	RuleTelehealthPolicy           = "telehealth-policy"            // a line's POS or modifiers differ from the telehealth policy's for the visit (a warning by default)
)
