package x12

// Checks of X12 simple data types that the envelope needs (and the guide validator reuses).

// validDate reports whether s is a real calendar date in CCYYMMDD form.
func validDate(s string) bool {
	if len(s) != 8 || !allDigits([]byte(s)) {
		return false
	}
	return validMonthDay(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8]))
}

// validYYMMDD reports whether s is a real date in YYMMDD form (ISA09, TA102), read as 20YY.
func validYYMMDD(s string) bool {
	if len(s) != 6 || !allDigits([]byte(s)) {
		return false
	}
	return validMonthDay(2000+atoi(s[:2]), atoi(s[2:4]), atoi(s[4:6]))
}

func validMonthDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// validTime reports whether s is HHMM[SS[D[D]]] with a length between minLen and maxLen.
func validTime(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen || len(s) < 4 || len(s) == 5 || !allDigits([]byte(s)) {
		return false
	}
	if atoi(s[:2]) > 23 || atoi(s[2:4]) > 59 {
		return false
	}
	return len(s) < 6 || atoi(s[4:6]) <= 59
}

// atoi converts a string of digits (already checked) to an int.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
