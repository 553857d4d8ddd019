// Package remit835 is the 835 health care claim payment/advice (005010X221A1): the remittance a
// payer sends with, or apart from, the money for the claims it adjudicated.
//
// Today the package holds the implementation guide as data, [Guide], registered in
// x12.Guides when the package is imported, so an x12.SetReader places every segment of an 835
// in its loop (payer 1000A, payee 1000B, header number 2000, claim 2100, service line 2110)
// and reports what the guide forbids with 999 codes:
//
//	import _ "github.com/x12kit/x12kit/remit835"
//
//	sr := x12.NewSetReader(f)
//	sr.Codes = codes.Default() // CLP02, CAS01/02, LQ02, PLB03-1… from the codes package
//	for {
//		set, err := sr.Next()
//		if err == io.EOF {
//			break
//		}
//		// set.Findings: IK304/IK403 codes with loop and position; set.Root: the loop tree
//	}
//
// Patient data (names and identifiers of patients, insureds and other subscribers, the
// patient control number CLP01, claim identifiers, dates of service) and the bank routing and
// account numbers of BPR are marked in the guide, so x12 redaction masks them and a 999
// never echoes them.
//
// Typed structs (payment, claim, service line, adjustment), their mapping from the loop tree
// and the 835 balancing rules (service, claim and transaction; domain.md §4.3) come later.
package remit835
