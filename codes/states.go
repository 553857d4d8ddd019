package codes

// State categories (Code.Category of the "us-state" set).
const (
	StateState     = "state"
	StateDistrict  = "district"
	StateTerritory = "territory"
	StateMilitary  = "military" // APO/FPO "states"
)

// usStateSet holds the USPS state and territory codes (N402, the Medicaid state of a payer).
// Confidence [V] (USPS publication 28).
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
	return NewSet("us-state", "U.S. state, district, territory and military codes (N402)", reviewed, cs...)
}
