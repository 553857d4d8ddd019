package codes

// 835 remittance code lists. Confidence [V] (pyx12 X221A1 map, stupidedi).

// casGroupSet holds the 5010 claim adjustment group codes (CAS01). The 4010 group CR
// (corrections and reversals) is deliberately absent: it was removed in 5010 (RFI 1147), and a
// 005010X221A1 file carrying it should be rejected.
func casGroupSet() *Set {
	return NewSet("cas-group", "Claim adjustment group codes (CAS01), 5010", reviewed, simple("",
		"CO", "Contractual obligation: provider writes it off, may not bill the patient",
		"OA", "Other adjustment",
		"PI", "Payer-initiated reduction",
		"PR", "Patient responsibility",
	)...)
}

// claimStatusSet holds the 835 claim status codes (CLP02).
func claimStatusSet() *Set {
	return NewSet("claim-status", "Claim status codes (CLP02)", reviewed, simple("",
		"1", "Processed as primary",
		"2", "Processed as secondary",
		"3", "Processed as tertiary",
		"4", "Denied",
		"19", "Processed as primary, forwarded to another payer",
		"20", "Processed as secondary, forwarded to another payer",
		"21", "Processed as tertiary, forwarded to another payer",
		"22", "Reversal of a previous payment",
		"23", "Not our claim, forwarded to another payer",
		"25", "Predetermination pricing only, no payment",
	)...)
}

// plbReasonSet holds the provider-level adjustment reason codes (PLB03-1, PLB05-1, …).
func plbReasonSet() *Set {
	return NewSet("plb-reason", "Provider adjustment reason codes (PLB03-1 …)", reviewed, simple("",
		"50", "Late charge",
		"51", "Interest penalty charge",
		"72", "Authorized return",
		"90", "Early payment allowance",
		"AH", "Origination fee",
		"AM", "Applied to borrower's account",
		"AP", "Acceleration of benefits",
		"B2", "Rebate",
		"B3", "Recovery allowance",
		"BD", "Bad debt adjustment",
		"BN", "Bonus",
		"C5", "Temporary allowance",
		"CR", "Capitation interest",
		"CS", "Adjustment",
		"CT", "Capitation payment",
		"CV", "Capital pass-through",
		"CW", "CRNA pass-through",
		"DM", "Direct medical education pass-through",
		"E3", "Withholding",
		"FB", "Forwarding balance",
		"FC", "Fund allocation",
		"GO", "Graduate medical education pass-through",
		"HM", "Hemophilia clotting factor supplement",
		"IP", "Incentive premium payment",
		"IR", "IRS withholding",
		"IS", "Interim settlement",
		"J1", "Non-reimbursable",
		"L3", "Penalty",
		"L6", "Interest owed",
		"LE", "Levy",
		"LS", "Lump sum",
		"OA", "Organ acquisition pass-through",
		"OB", "Offset for affiliated providers",
		"PI", "Periodic interim payment",
		"PL", "Payment final",
		"RA", "Retro-activity adjustment",
		"RE", "Return on equity",
		"SL", "Student loan repayment",
		"TL", "Third-party liability",
		"WO", "Overpayment recovery",
		"WU", "Unspecified recovery",
	)...)
}
