package x12

import (
	"fmt"
	"strings"
)

// generate835 writes a synthetic but well-formed 5010 835 interchange with n claim payments,
// each with two service lines, using the EnvelopeWriter. Benchmarks and the zero-allocation
// test read it.
func generate835(n int) string {
	var b strings.Builder
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	e.Writer().Newline = true
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(e.BeginInterchange(InterchangeHeader{SenderID: "PAYERID", ReceiverID: "PROVIDERID"}))
	must(e.BeginGroup(GroupHeader{FunctionalID: "HP", SenderCode: "PAYERID", ReceiverCode: "PROVIDERID", Version: "005010X221A1"}))
	must(e.BeginSet(SetHeader{ID: "835"}))
	total := 0
	must(e.WriteStrings("BPR", "I", "0", "C", "ACH", "CCP", "01", "999999999", "DA", "123456", "1512345678", "", "01", "999988880", "DA", "98765", "20261128"))
	must(e.WriteStrings("TRN", "1", "12345", "1512345678"))
	must(e.WriteStrings("DTM", "405", "20261127"))
	must(e.WriteStrings("N1", "PR", "INSURANCE COMPANY OF TIMBUCKTU"))
	must(e.WriteStrings("N3", "1 MAIN STREET"))
	must(e.WriteStrings("N4", "TIMBUCKTU", "AK", "89111"))
	must(e.WriteStrings("N1", "PE", "TELEHEALTH CLINIC", "XX", "1234567893"))
	must(e.WriteStrings("LX", "1"))
	for i := 0; i < n; i++ {
		pcn := fmt.Sprintf("PCN%07d", i)
		must(e.WriteStrings("CLP", pcn, "1", "250", "180", "40", "12", "EH1234567890", "11", "1"))
		must(e.WriteStrings("CAS", "CO", "45", "30"))
		must(e.WriteStrings("NM1", "QC", "1", "DOE", "JANE", "", "", "", "MI", "MEMBER123"))
		must(e.WriteStrings("NM1", "82", "1", "SMITH", "JOHN", "", "", "", "XX", "1234567893"))
		must(e.WriteStrings("DTM", "232", "20261101"))
		must(e.Write("SVC", C("HC", "99213", "95"), E("150"), E("110"), E(""), E("1")))
		must(e.WriteStrings("DTM", "472", "20261101"))
		must(e.WriteStrings("CAS", "CO", "45", "20"))
		must(e.WriteStrings("CAS", "PR", "1", "20"))
		must(e.WriteStrings("AMT", "B6", "130"))
		must(e.Write("SVC", C("HC", "99417", "95"), E("100"), E("70"), E(""), E("1")))
		must(e.WriteStrings("DTM", "472", "20261101"))
		must(e.WriteStrings("CAS", "CO", "45", "10"))
		must(e.WriteStrings("CAS", "PR", "2", "20"))
		must(e.WriteStrings("AMT", "B6", "90"))
		total += 180
	}
	must(e.Close())
	return b.String()
}

// generate999 writes a 999 acknowledging n transaction sets, every third one rejected with
// a segment and two element errors: a realistic shape for benchmarking guide validation.
func generate999(n int) string {
	ack := NewAck999("HC", "1", "005010X222A1")
	for i := 0; i < n; i++ {
		sa := SetAck{ID: "837", Control: fmt.Sprintf("%04d", i+1), Reference: "005010X222A1", Code: "A"}
		if i%3 == 2 {
			sa.Code, sa.Errors = "R", []string{"5"}
			sa.Segments = []SegmentAck{
				{ID: "NM1", Position: 12, Code: "8", Elements: []ElementAck{{Position: 9, Ref: 67, Code: "4"}, {Position: 3, Ref: 1035, Code: "1"}}},
				{ID: "REF", Position: 57, Code: "3"},
			}
		}
		ack.Sets = append(ack.Sets, sa)
	}
	ack.Close(0)
	var b strings.Builder
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	e.Writer().Newline = true
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(e.BeginInterchange(InterchangeHeader{SenderID: "PAYER", ReceiverID: "CLINIC"}))
	must(e.BeginGroup(GroupHeader{FunctionalID: "FA", SenderCode: "PAYER", ReceiverCode: "CLINIC", Version: "005010X231A1"}))
	must(ack.Write(e))
	must(e.Close())
	return b.String()
}
