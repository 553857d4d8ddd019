package x12_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/x12kit/x12kit/x12"
)

func ExampleReader() {
	in := "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*^*00501*000000001*0*T*:~\n" +
		"GS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1~\n" +
		"ST*837*0001*005010X222A1~\n" +
		"SV1*HC:99213:95*150*UN*1*10~\n" +
		"SE*3*0001~\nGE*1*1~\nIEA*1*000000001~\n"
	r := x12.NewReader(strings.NewReader(in))
	for {
		seg, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		if seg.ID() == "SV1" {
			fmt.Println("procedure:", string(seg.Component(1, 2)), "modifier:", string(seg.Component(1, 3)))
			fmt.Println("charge:", seg.Value(2), "position in set:", seg.Pos.SetSegment)
		}
	}
	// Output:
	// procedure: 99213 modifier: 95
	// charge: 150 position in set: 2
}

func ExampleWriter() {
	w := x12.NewWriter(os.Stdout)
	w.Newline = true
	_ = w.Write("CLM", x12.E("PCN1"), x12.E("150"), x12.E(""), x12.E(""), x12.C("10", "B", "1"), x12.E(""))
	_ = w.Write("HI", x12.R(x12.C("ABK", "J069"), x12.C("ABF", "R05")))
	err := w.WriteStrings("NM1", "IL", "1", "DOE*JANE")
	fmt.Println(err)
	_ = w.Flush()
	// Output:
	// x12: segment 3 (NM1), element 3, byte 44: data contains a delimiter or line break (X12 has no escape) [IK403 6]
	// CLM*PCN1*150***10:B:1~
	// HI*ABK:J069^ABF:R05~
}

func ExampleEnvelopeWriter() {
	e := x12.NewEnvelopeWriter(os.Stdout)
	e.Writer().Newline = true
	e.Controls = x12.NewSequence(1001, 7, 1)
	e.Now = func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) }

	_ = e.BeginInterchange(x12.InterchangeHeader{SenderID: "TELECLINIC", ReceiverID: "CLEARINGHOUSE"})
	_ = e.BeginGroup(x12.GroupHeader{FunctionalID: "HC", SenderCode: "TELECLINIC", ReceiverCode: "CLEARINGHOUSE", Version: "005010X222A1"})
	_ = e.BeginSet(x12.SetHeader{ID: "837", Reference: "005010X222A1"})
	_ = e.WriteStrings("BHT", "0019", "00", "0001", "20261128", "0930", "CH")
	if err := e.Close(); err != nil { // writes SE, GE and IEA with their counts
		fmt.Println(err)
	}
	// Output:
	// ISA*00*          *00*          *ZZ*TELECLINIC     *ZZ*CLEARINGHOUSE  *261128*0930*^*00501*000001001*0*T*:~
	// GS*HC*TELECLINIC*CLEARINGHOUSE*20261128*0930*7*X*005010X222A1~
	// ST*837*0001*005010X222A1~
	// BHT*0019*00*0001*20261128*0930*CH~
	// SE*3*0001~
	// GE*1*7~
	// IEA*1*000001001~
}

func ExampleCheckEnvelopes() {
	in := "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*^*00501*000000001*1*T*:~" +
		"GS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1~ST*837*0001~BHT*0019~SE*9*0001~GE*1*1~IEA*1*000000002~"
	c, err := x12.CheckEnvelopes(strings.NewReader(in))
	if err != nil {
		panic(err)
	}
	for _, e := range c.Errors().All() {
		fmt.Println(e.Pos.ID, e.Pos.Element, e.Level, e.Code)
	}
	ta1 := c.Interchanges()[0].TA1()
	fmt.Printf("TA1 %s %c %s\n", ta1.ControlNumber, ta1.Ack, ta1.Note)
	// Output:
	// SE 1 IK502 4
	// IEA 2 TA105 001
	// TA1 000000001 R 001
}

func ExampleSegment_Clone() {
	r := x12.NewReader(strings.NewReader(
		"ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*^*00501*000000001*0*T*:~" +
			"LX*1~LX*2~"))
	var kept []*x12.Segment
	for {
		seg, err := r.Next()
		if err != nil {
			break
		}
		if seg.ID() == "LX" {
			kept = append(kept, seg.Clone()) // seg itself is reused by the next call
		}
	}
	fmt.Println(kept[0].Value(1), kept[1].Value(1), kept[1])
	// Output: 1 2 LX segment, 1 elements
}

func ExampleSegment_Text() {
	hi := x12.NewSegment(x12.DefaultDelimiters, "HI", "ABK:F411^ABF:Z7189")
	// Element 1, repetition 2, component 2: the second diagnosis code. Segments of a
	// SetReader unit read with UnitText cut it from the unit's text without allocating.
	fmt.Println(hi.Text(1, 2, 2), hi.Text(1, 1, 1), hi.Text(1, 3, 1) == "")
	// Output: Z7189 ABK true
}

// A 999 from a payer, read through its implementation guide (x12.Guide999 is registered in
// x12.Guides; the transaction packages register theirs).
const example999 = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261128*1200*^*00501*000000007*0*P*:~\n" +
	"GS*FA*PAYER*CLINIC*20261128*1200*7*X*005010X231A1~\n" +
	"ST*999*0001*005010X231A1~\n" +
	"AK1*HC*101*005010X222A1~\n" +
	"AK2*837*0001*005010X222A1~\n" +
	"IK3*CLM*22**8~\n" +
	"IK4*2*782*1~\n" +
	"IK5*R*5~\n" +
	"AK9*R*1*1*0~\n" +
	"SE*8*0001~\nGE*1*7~\nIEA*1*000000007~\n"

func ExampleSetReader() {
	sr := x12.NewSetReader(strings.NewReader(example999))
	sr.Trace = func(seg *x12.Segment, in *x12.Node, spec *x12.SegmentSpec) {
		if in != nil && spec != nil {
			fmt.Printf("%-4s %-5s %s\n", seg.ID(), in.Loop.ID, spec.Name)
		}
	}
	for {
		set, err := sr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("findings:", set.Findings.Len())
	}
	// Output:
	// ST   ST    Transaction Set Header
	// AK1  ST    Functional Group Response Header
	// AK2  2000  Transaction Set Response Header
	// IK3  2100  Error Identification
	// IK4  2110  Implementation Data Element Note
	// IK5  2000  Transaction Set Response Trailer
	// AK9  ST    Functional Group Response Trailer
	// SE   ST    Transaction Set Trailer
	// findings: 0
}

func ExampleParse999() {
	sr := x12.NewSetReader(strings.NewReader(example999))
	set, err := sr.Next()
	if err != nil {
		panic(err)
	}
	ack, err := x12.Parse999(set)
	if err != nil {
		panic(err)
	}
	fmt.Println("group", ack.GroupControl, "verdict", ack.Code, "accepted", ack.Accepted, "of", ack.Received)
	for _, s := range ack.Sets {
		for _, seg := range s.Segments {
			for _, el := range seg.Elements {
				fmt.Printf("set %s: %s at position %d, element %d (ref %d): IK403 %s\n", s.Control, seg.ID, seg.Position, el.Position, el.Ref, el.Code)
			}
		}
	}
	// Output:
	// group 101 verdict R accepted 0 of 1
	// set 0001: CLM at position 22, element 2 (ref 782): IK403 1
}

func ExampleAck999() {
	// Validate a 999 and acknowledge it with a 999 of our own.
	sr := x12.NewSetReader(strings.NewReader(strings.Replace(example999, "IK5*R*5", "IK5*Q*5", 1)))
	set, _ := sr.Next()
	ack := x12.NewAck999(set.GS01, set.GS06, set.GS08)
	ack.AddSet(set)
	ack.Close(0)

	e := x12.NewEnvelopeWriter(os.Stdout)
	e.Writer().Newline = true
	e.Now = func() time.Time { return time.Date(2026, 11, 28, 12, 5, 0, 0, time.UTC) }
	_ = e.BeginInterchange(x12.InterchangeHeader{SenderID: "CLINIC", ReceiverID: "PAYER"})
	_ = e.BeginGroup(x12.GroupHeader{FunctionalID: "FA", SenderCode: "CLINIC", ReceiverCode: "PAYER", Version: "005010X231A1"})
	_ = ack.Write(e)
	_ = e.Close()
	// Output:
	// ISA*00*          *00*          *ZZ*CLINIC         *ZZ*PAYER          *261128*1205*^*00501*000000001*0*T*:~
	// GS*FA*CLINIC*PAYER*20261128*1205*1*X*005010X231A1~
	// ST*999*0001*005010X231A1~
	// AK1*FA*7*005010X231A1~
	// AK2*999*0001*005010X231A1~
	// IK3*IK5*6**8~
	// IK4*1*717*7~
	// IK5*R*5~
	// AK9*R*1*1*0~
	// SE*8*0001~
	// GE*1*1~
	// IEA*1*000000001~
}

func ExampleCheckGuide() {
	for _, err := range x12.CheckGuide(x12.Guide999, nil) {
		fmt.Println(err)
	}
	fmt.Println("999 guide checked")
	// Output: 999 guide checked
}

// Read a transaction set of any size one loop instance at a time: here each AK2 loop (2000)
// of a 999, handed out as soon as it closes and let go after.
func ExampleSetReader_NextPart() {
	sr := x12.NewSetReader(strings.NewReader(example999))
	sr.Units = []string{"2000"}
	for {
		p, err := sr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		if p.Unit != nil {
			fmt.Printf("unit %s under %s: %d items, %d findings so far\n", p.Unit.Loop.ID, p.Unit.Parent.Loop.ID, len(p.Unit.Items), len(p.Findings))
			continue
		}
		fmt.Printf("set %s ended: %d segments\n", p.Set.ST02, p.Set.Segments)
	}
	// Output:
	// unit 2000 under ST: 3 items, 0 findings so far
	// set 0001 ended: 8 segments
}

// A legacy translator wrote ISA11 "U" in a 5010 interchange: the Reader reads it without a
// repetition separator and says so in Warnings (an error with Strict).
func ExampleReader_Warnings() {
	in := "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*U*00501*000000001*0*T*:~\n" +
		"GS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1~\n"
	r := x12.NewReader(strings.NewReader(in))
	seg, _ := r.Next()
	fmt.Println(seg.ID(), r.Delimiters().Repetition == 0)
	for _, w := range r.Warnings() {
		fmt.Println(w.Severity, errors.Is(w, x12.ErrLegacyRepetition), w.Code)
	}
	// Output:
	// ISA true
	// warning true 024
}

// A Stream never lets a decoder hand back fewer values in silence: here the only set is not
// of the kind asked for, and the input ends inside its interchange.
func ExampleStream() {
	in := "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261128*1200*^*00501*000000001*0*T*:~\n" +
		"GS*HC*SENDER*RECEIVER*20261128*1200*1*X*005010X222A1~\n" +
		"ST*837*0001*005010X222A1~\n"
	sr := x12.NewSetReader(strings.NewReader(in))
	st := x12.NewStream(sr, x12.Guide999) // the sets it reads: here 999s
	for {
		_, err := st.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(errors.Is(err, x12.ErrWrongTransaction), errors.Is(err, x12.ErrTruncated))
			if st.Sticky(err) {
				break
			}
		}
	}
	// Output:
	// true false
	// false true
}
