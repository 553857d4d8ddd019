package codes

// State categories (Code.Category of the "us-state" set).
const (
	StateState     = "state"
	StateDistrict  = "district"
	StateTerritory = "territory"
	StateMilitary  = "military" // APO/FPO "states"
	StateProvince  = "province" // a Canadian province or territory (N402 takes both countries' codes)
)

// usStateSet holds the codes N402 (State or Province Code) takes in every 5010 guide: the USPS
// state, district, territory and military codes and the Canada Post province and territory
// codes. It also names the Medicaid state of a payer, which is one of the U.S. codes (a Code
// whose Category is StateProvince is not a U.S. state).
//
// Confidence: U.S. codes [V] (USPS publication 28); Canadian codes [V] (Canada Post's
// symbols, the same as the second part of ISO 3166-2:CA). Only the current Canadian codes are
// listed: NL (not NF, which it replaced in 2002) and QC (not PQ), since membership in this set
// is what the guides check, whatever the date. NU is effective from 1999-04-01, the day
// Nunavut was created; the day Canada Post changed NF to NL is not sourced, so NL has no date.
func usStateSet() *Set {
	var cs []Code
	add := func(cat string, pairs ...string) { cs = append(cs, simple(cat, pairs...)...) }
	add(StateState,
		"AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
		"CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "FL", "Florida", "GA", "Georgia",
		"HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa",
		"KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland",
		"MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri",
		"MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
		"NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio",
		"OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina",
		"SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
		"VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming",
	)
	add(StateDistrict, "DC", "District of Columbia")
	add(StateTerritory,
		"AS", "American Samoa", "GU", "Guam", "MP", "Northern Mariana Islands", "PR", "Puerto Rico",
		"VI", "U.S. Virgin Islands", "FM", "Federated States of Micronesia", "MH", "Marshall Islands",
		"PW", "Palau",
	)
	add(StateMilitary, "AA", "Armed Forces Americas", "AE", "Armed Forces Europe, Middle East, Africa, Canada",
		"AP", "Armed Forces Pacific")
	add(StateProvince,
		"AB", "Alberta", "BC", "British Columbia", "MB", "Manitoba", "NB", "New Brunswick",
		"NS", "Nova Scotia", "NT", "Northwest Territories", "ON", "Ontario",
		"PE", "Prince Edward Island", "QC", "Quebec", "SK", "Saskatchewan", "YT", "Yukon",
	)
	cs = append(cs,
		Code{Value: "NL", Description: "Newfoundland and Labrador", Category: StateProvince,
			Note: "[M] replaced NF in 2002 (the exact date is not sourced)"},
		Code{Value: "NU", Description: "Nunavut", Category: StateProvince,
			Effective: date(1999, 4, 1), Note: "[M] effective the day Nunavut was created (the year [S])"})
	return NewSet("us-state", "U.S. state, district, territory and military codes and Canadian province and territory codes (N402)", reviewed, cs...)
}
