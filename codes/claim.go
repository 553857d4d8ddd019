package codes

// 837P claim-level code lists. Confidence [V] (pyx12, stupidedi, TR3notes) unless noted.

// claimFrequencySet holds the professional claim frequency codes (CLM05-3). 7 and 8 need
// REF*F8 with the payer's claim control number.
func claimFrequencySet() *Set {
	return NewSet("claim-frequency", "Claim frequency type codes for professional claims (CLM05-3)", reviewed, simple("",
		"1", "Original claim",
		"7", "Replacement of a prior claim",
		"8", "Void or cancel a prior claim",
	)...)
}

// claimFilingCodes are the claim filing indicator codes of the 837P (SBR09).
var claimFilingCodes = simple("",
	"11", "Other non-federal program",
	"12", "Preferred provider organization (PPO)",
	"13", "Point of service (POS) plan",
	"14", "Exclusive provider organization (EPO)",
	"15", "Indemnity insurance",
	"16", "Medicare Advantage HMO",
	"17", "Dental maintenance organization",
	"AM", "Automobile medical",
	"BL", "Blue Cross / Blue Shield",
	"CH", "TRICARE (formerly CHAMPUS)",
	"CI", "Commercial insurance",
	"DS", "Disability",
	"FI", "Federal Employees Program",
	"HM", "Health maintenance organization (HMO)",
	"LM", "Liability medical",
	"MA", "Medicare Part A",
	"MB", "Medicare Part B",
	"MC", "Medicaid",
	"OF", "Other federal program",
	"TV", "Title V",
	"VA", "Veterans Affairs plan",
	"WC", "Workers' compensation",
	"ZZ", "Mutually defined",
)

// claimFilingIndicatorSet holds the claim filing indicator codes of a claim (837P SBR09).
func claimFilingIndicatorSet() *Set {
	return NewSet("claim-filing-indicator", "Claim filing indicator codes (837P SBR09)", reviewed, claimFilingCodes...)
}

// remitFilingIndicatorSet holds those a claim payment may carry (835 CLP06): X221A1 lists
// the 837P's codes but 11, BL, CI and FI.
func remitFilingIndicatorSet() *Set {
	var keep []Code
	for _, c := range claimFilingCodes {
		switch c.Value {
		case "11", "BL", "CI", "FI":
		default:
			keep = append(keep, c)
		}
	}
	return NewSet("claim-filing-indicator-835", "Claim filing indicator codes of a claim payment (835 CLP06)", reviewed, keep...)
}

// relationshipCodes are the individual relationship codes of the 837P's other subscriber
// (2320 SBR02); the subscriber's own SBR02 takes only 18.
var relationshipCodes = simple("",
	"01", "Spouse",
	"18", "Self",
	"19", "Child",
	"20", "Employee",
	"21", "Unknown",
	"39", "Organ donor",
	"40", "Cadaver donor",
	"53", "Life partner",
	"G8", "Other relationship",
)

// relationshipSet holds the individual relationship codes of an 837P subscriber (SBR02). 271
// INS02 allows more codes than these.
func relationshipSet() *Set {
	return NewSet("relationship", "Individual relationship codes (SBR02) for 837P", reviewed, relationshipCodes...)
}

// patientRelationshipSet holds those of a patient who is not the subscriber (837P PAT01):
// all but 18, self.
func patientRelationshipSet() *Set {
	var keep []Code
	for _, c := range relationshipCodes {
		if c.Value != "18" {
			keep = append(keep, c)
		}
	}
	return NewSet("patient-relationship", "Patient relationship codes (PAT01) for 837P", reviewed, keep...)
}

// genderSet holds the administrative gender codes (DMG03).
func genderSet() *Set {
	return NewSet("gender", "Gender codes (DMG03)", reviewed, simple("",
		"F", "Female",
		"M", "Male",
		"U", "Unknown",
	)...)
}
