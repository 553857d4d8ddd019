package guidetest

import (
	"fmt"
	"io"

	"github.com/x12kit/x12kit/x12"
)

// Synthetic835 is a reader of one valid, balanced 835 of about size bytes, produced on the fly
// (nothing of it held in memory beyond one claim), so that streaming can be measured on
// files larger than memory budgets.
type Synthetic835 struct {
	parts  []string // header, then the claim template, then the trailer
	claims int
	next   int // claims produced
	buf    []byte
	stage  int
}

// Synthetic835Claim is the format of one claim payment of a Synthetic835 (fmt verbs: the
// claim's number three times).
const Synthetic835Claim = "CLP*PCN%08d*1*150*80*20*12*ACME%010d*10*1~\n" +
	"NM1*QC*1*DOE*JANE****MI*XYZ000000001~\n" +
	"NM1*82*1*SMITH*ALEX****XX*1223344551~\n" +
	"MOA***MA01~\n" +
	"DTM*050*20260115~\n" +
	"SVC*HC:99213:95*150*80**1~\n" +
	"DTM*472*20260114~\n" +
	"CAS*CO*45*50~\n" +
	"CAS*PR*3*20~\n" +
	"REF*6R*LINE%08d~\n" +
	"AMT*B6*100~\n"

// NewSynthetic835 returns a Synthetic835 of about size bytes (one claim payment at least).
func NewSynthetic835(size int) *Synthetic835 {
	one := len(fmt.Sprintf(Synthetic835Claim, 0, 0, 0))
	n := max(size/one, 1)
	segs := 4 + 8 + 1 + n*11 + 1 // ST..DTM, 1000A/B, LX, claims, SE
	paid := x12.Dollars(80) * x12.Amount(n)
	header := "ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*TELECLINIC     *260210*0900*^*00501*000000201*0*T*:~\n" +
		"GS*HP*ACMEHEALTH*TELECLINIC*20260210*0900*201*X*005010X221A1~\n" +
		"ST*835*0001~\n" +
		"BPR*I*" + paid.X12() + "*C*ACH*CCP*01*999999992*DA*123456789*1999999999**01*071000013*DA*987654321*20260212~\n" +
		"TRN*1*EFT20260212001*1999999999~\n" +
		"DTM*405*20260210~\n" +
		"N1*PR*ACME HEALTH PLAN~\nN3*PO BOX 1000~\nN4*SPRINGFIELD*IL*627010000~\n" +
		"PER*BL*EDI SUPPORT*TE*8005550101~\n" +
		"N1*PE*EXAMPLE TELEHEALTH GROUP*XX*1234567893~\nN3*100 MAIN STREET~\nN4*SPRINGFIELD*IL*627010001~\n" +
		"REF*TJ*123456789~\n" +
		"LX*1~\n"
	trailer := fmt.Sprintf("SE*%d*0001~\nGE*1*201~\nIEA*1*000000201~\n", segs)
	return &Synthetic835{parts: []string{header, "", trailer}, claims: n}
}

// Synthetic835Bytes is a Synthetic835 of about size bytes read into memory.
func Synthetic835Bytes(size int) []byte {
	b, err := io.ReadAll(NewSynthetic835(size))
	if err != nil {
		panic(err) // a Synthetic835 never fails
	}
	return b
}

// Read produces the next bytes of the 835.
func (s *Synthetic835) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		switch {
		case s.stage == 0:
			s.buf = append(s.buf, s.parts[0]...)
			s.stage = 1
		case s.stage == 1 && s.next < s.claims:
			s.buf = fmt.Appendf(s.buf[:0], Synthetic835Claim, s.next, s.next, s.next)
			s.next++
		case s.stage == 1:
			s.buf = append(s.buf[:0], s.parts[2]...)
			s.stage = 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// Header is the 835's text before its first claim payment: the envelope headers, the set's
// header and the LX of its only header number.
func (s *Synthetic835) Header() string { return s.parts[0] }
