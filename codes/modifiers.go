package codes

// Modifier categories.
const (
	ModTelehealth = "telehealth" // how a remote service was delivered
	ModPayment    = "payment"    // liability notices, distinct services, medical necessity
	ModAnatomic   = "anatomic"
	ModComponent  = "component"
)

// modifierSet holds the procedure modifiers billing uses on telehealth and common professional
// claims (SV101-3..6). It is not the whole CPT/HCPCS modifier list (Partial).
//
// Confidence: meanings are [V] (FCSO, Novitas, NGS, Noridian modifier pages; domain.md §3.2).
// Effective dates: G0 2019 [V]; 95 (2017), 93 (2022), FQ (2022) [M/S, domain.md §9 item 5]; the
// X{EPSU} subset 2015 [M]; FR's date is unknown [?] so it has none. The proposed 2027 platform
// modifiers BB/BC are not shipped: their final status is unverified (domain.md §9 item 1).
func modifierSet() *Set {
	s := NewSet("modifier", "Procedure modifiers used in telehealth and common professional billing (SV101-3..6)", reviewed,
		Code{Value: "95", Description: "Synchronous telemedicine over real-time audio and video", Category: ModTelehealth,
			Effective: date(2017, 1, 1), Note: "[M] effective date; Medicare: required with in-person POS 2020-03 to 2023-12-31, since 2024 only for OTPs and institutional cases"},
		Code{Value: "93", Description: "Synchronous telemedicine over telephone or other audio-only link", Category: ModTelehealth,
			Effective: date(2022, 1, 1), Note: "[M] effective date; Medicare audio-only to the patient's home"},
		Code{Value: "GT", Description: "Via interactive audio and video (HCPCS)", Category: ModTelehealth,
			Note: "[V] Medicare dropped it from professional claims 2018-01-01 (CR 10152); still on CAH method II institutional claims"},
		Code{Value: "GQ", Description: "Via asynchronous (store-and-forward) telecommunication", Category: ModTelehealth,
			Note: "[V] Medicare: only the federal telemedicine demonstration in Alaska and Hawaii"},
		Code{Value: "FQ", Description: "Service furnished with audio-only technology (RHC/FQHC)", Category: ModTelehealth,
			Effective: date(2022, 1, 1), Note: "[S] effective date"},
		Code{Value: "FR", Description: "Supervising practitioner present through two-way audio and video", Category: ModTelehealth,
			Note: "[S]/[?] meaning clear, Medicare scenarios and effective date unconfirmed"},
		Code{Value: "G0", Description: "Telehealth for diagnosis, evaluation or treatment of acute stroke", Category: ModTelehealth,
			Effective: date(2019, 1, 1), Note: "[V] MM11043"},
		Code{Value: "25", Description: "Significant, separately identifiable E/M on the day of a procedure", Category: ModPayment},
		Code{Value: "59", Description: "Distinct procedural service", Category: ModPayment},
		Code{Value: "XE", Description: "Separate encounter", Category: ModPayment, Effective: date(2015, 1, 1), Note: "[M] date"},
		Code{Value: "XS", Description: "Separate structure or organ", Category: ModPayment, Effective: date(2015, 1, 1), Note: "[M] date"},
		Code{Value: "XP", Description: "Separate practitioner", Category: ModPayment, Effective: date(2015, 1, 1), Note: "[M] date"},
		Code{Value: "XU", Description: "Unusual non-overlapping service", Category: ModPayment, Effective: date(2015, 1, 1), Note: "[M] date"},
		Code{Value: "76", Description: "Repeat procedure by the same practitioner", Category: ModPayment},
		Code{Value: "77", Description: "Repeat procedure by another practitioner", Category: ModPayment},
		Code{Value: "GA", Description: "Liability notice (ABN) on file", Category: ModPayment},
		Code{Value: "GY", Description: "Statutorily excluded or not a Medicare benefit", Category: ModPayment},
		Code{Value: "GZ", Description: "Expected denial as not reasonable and necessary, no ABN on file", Category: ModPayment},
		Code{Value: "KX", Description: "Requirements in the medical policy have been met", Category: ModPayment},
		Code{Value: "24", Description: "Unrelated E/M during a postoperative period", Category: ModPayment},
		Code{Value: "57", Description: "E/M that resulted in the decision for surgery", Category: ModPayment},
		Code{Value: "26", Description: "Professional component", Category: ModComponent},
		Code{Value: "TC", Description: "Technical component", Category: ModComponent},
		Code{Value: "50", Description: "Bilateral procedure", Category: ModAnatomic},
		Code{Value: "LT", Description: "Left side", Category: ModAnatomic},
		Code{Value: "RT", Description: "Right side", Category: ModAnatomic},
		Code{Value: "CR", Description: "Catastrophe or disaster related", Category: ModPayment, Note: "[V] disaster modifier, not telehealth"},
		Code{Value: "CS", Description: "Cost-sharing waived (disaster or public health emergency)", Category: ModPayment, Note: "[M]"},
	)
	s.Partial = true
	return s
}
