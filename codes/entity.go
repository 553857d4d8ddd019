package codes

// Party and identifier code lists used by 837P, 835, 270 and 271. Partial: these are the
// codes those four guides use, not the whole X12 element code lists. Confidence [V] for the
// codes the four guides' examples use (stupidedi, pyx12); the rest [M].

// entityIDSet holds entity identifier codes (NM101, N101).
func entityIDSet() *Set {
	s := NewSet("entity-id", "Entity identifier codes (NM101, N101) used by 837P/835/270/271", reviewed, simple("",
		"03", "Dependent",
		"1P", "Provider",
		"2B", "Third-party administrator",
		"36", "Employer",
		"40", "Receiver",
		"41", "Submitter",
		"45", "Drop-off location",
		"74", "Corrected insured",
		"77", "Service location",
		"80", "Hospital",
		"82", "Rendering provider",
		"85", "Billing provider",
		"87", "Pay-to provider",
		"DK", "Ordering physician",
		"DN", "Referring provider",
		"DQ", "Supervising physician",
		"FA", "Facility",
		"GB", "Other insured",
		"GP", "Gateway provider",
		"IL", "Insured or subscriber",
		"P3", "Primary care provider",
		"P5", "Plan sponsor",
		"PE", "Payee",
		"PR", "Payer",
		"PW", "Pick-up address",
		"QC", "Patient",
		"TT", "Transfer to (crossover carrier)",
	)...)
	s.Partial = true
	return s
}

// idQualifierSet holds identification code qualifiers (NM108, N103).
func idQualifierSet() *Set {
	s := NewSet("id-qualifier", "Identification code qualifiers (NM108, N103)", reviewed, simple("",
		"24", "Employer identification number",
		"34", "Social Security number",
		"46", "Electronic transmitter identification number (ETIN)",
		"FI", "Federal taxpayer identification number",
		"II", "Standard unique health identifier (not used)",
		"MI", "Member identification number",
		"NI", "NAIC identification",
		"PI", "Payer identification",
		"SV", "Service provider number",
		"XV", "CMS plan identifier",
		"XX", "National Provider Identifier (NPI)",
	)...)
	s.Partial = true
	return s
}

// referenceQualifierSet holds reference identification qualifiers (REF01) seen in 837P/835/271.
func referenceQualifierSet() *Set {
	s := NewSet("reference-qualifier", "Reference identification qualifiers (REF01) used by 837P/835/270/271", reviewed, simple("",
		"0B", "State license number",
		"0K", "Policy form identifying number",
		"1G", "Provider UPIN",
		"1J", "Facility ID number",
		"1L", "Group or policy number",
		"2U", "Payer identification number",
		"4N", "Special payment reference number",
		"6P", "Group number",
		"6R", "Provider control number (line item)",
		"9A", "Repriced claim reference number",
		"9B", "Repriced line item reference number",
		"9C", "Adjusted repriced claim reference number",
		"9F", "Referral number",
		"D9", "Claim number (clearinghouse)",
		"EA", "Medical record identification number",
		"EI", "Employer identification number",
		"EO", "Submitter identification number",
		"EV", "Receiver identification number",
		"EW", "Mammography certification number",
		"F2", "Version code, local",
		"F8", "Original reference number (payer claim control number)",
		"FY", "Claim office number",
		"G1", "Prior authorization number",
		"G2", "Provider commercial number",
		"HI", "Health industry number",
		"LU", "Location number",
		"LX", "Qualified products list",
		"NF", "NAIC code",
		"P4", "Project code",
		"SY", "Social Security number",
		"TJ", "Federal taxpayer identification number",
		"X4", "CLIA number",
		"Y4", "Agency claim number",
	)...)
	s.Partial = true
	return s
}
