package x12

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

func fuzzSeeds(f *testing.F) {
	f.Add([]byte(simpleInterchange("")))
	f.Add([]byte(simpleInterchange("\r\n")))
	f.Add([]byte(strings.ReplaceAll(simpleInterchange(""), "~", "…")))
	f.Add([]byte(strings.ReplaceAll(simpleInterchange(""), "~", "\n")))
	f.Add([]byte(wrap(simpleInterchange(""), 80)))
	f.Add([]byte(testISA('*', '^', ':', "~", "000000001") + "BIN*3*a~b~IEA*0*000000001~"))
	f.Add([]byte(testISA('|', '!', '>', "\n", "000000001") + "TA1|000000001|261128|1200|A|000\nIEA|0|000000001\n"))
	f.Add([]byte("\xEF\xBB\xBFISA*"))
	f.Add([]byte(generate835(2)))
}

// FuzzReader: the reader never panics, never loops, and every segment it returns has a
// well-formed ID and accessors that stay in bounds.
func FuzzReader(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.MaxSegment, r.MaxBinary = 1<<12, 1<<12
		for i := 0; i <= len(data)+1; i++ {
			s, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if r.err != nil {
					return
				}
				continue
			}
			if safeID([]byte(s.ID())) == "" {
				t.Fatalf("segment with malformed ID returned")
			}
			sameText(t, s)
		}
		t.Fatalf("reader returned more segments than input bytes")
	})
}

// FuzzParseISA: delimiter detection never panics and agrees with Delimiters.Validate: the
// delimiters ParseISA returns with no error, or with only quirks a Reader tolerates, are
// usable. The same holds for the Reader's tolerant parse, which also reads unpadded ISAs.
func FuzzParseISA(f *testing.F) {
	isa := testISA('*', '^', ':', "~", "000000001")
	f.Add([]byte(isa))
	f.Add([]byte(testISA('|', 'U', '>', "\n", "000000001")))
	f.Add([]byte(testISA('*', '^', ':', "…", "000000001")))
	f.Add([]byte(testISA('*', ':', ':', "~", "000000001")))
	f.Add([]byte(isa[:104] + "¦~"))
	f.Add([]byte(isa[:104] + "¦…"))
	f.Add([]byte(isa[:104] + "\x00~"))
	f.Add([]byte(isa[:105] + "\x00"))
	f.Add([]byte(testISA(0, '^', ':', "~", "000000001")))
	f.Add([]byte(testISA('*', 0, ':', "~", "000000001")))
	f.Add([]byte("ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261128*1200*U*00501*000000001*0*T*:~GS*HC~"))
	f.Add([]byte("ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261128*1200*^*00501*000000001*0*T*\x00~"))
	f.Fuzz(func(t *testing.T, isa []byte) {
		d, err := ParseISA(isa)
		if quirksOnly(err) {
			if err := d.Validate(); err != nil {
				t.Fatalf("ParseISA accepted delimiters that Validate refuses: %v", err)
			}
		}
		d, q, n, err := parseISA(isa, true)
		if err != nil {
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("parseISA accepted delimiters that Validate refuses (quirks %b): %v", q, err)
		}
		if n > len(isa) || n > isaMaxLen+2+len(d.Segment) {
			t.Fatalf("ISA length %d out of bounds", n)
		}
	})
}

// quirksOnly reports whether err is nil or only quirks ParseISA tolerates.
func quirksOnly(err error) bool {
	if err == nil {
		return true
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if !quirksOnly(e) {
				return false
			}
		}
		return true
	}
	return err == ErrLegacyRepetition || err == ErrRepetitionComponent || err == ErrMultibyteComponent
}

// FuzzEnvelopeChecks: the envelope checker never panics and every finding has a code.
func FuzzEnvelopeChecks(f *testing.F) {
	fuzzSeeds(f)
	f.Add([]byte(simpleInterchange("") + simpleInterchange("")))
	f.Add([]byte(strings.Replace(simpleInterchange(""), "SE*4", "SE*9", 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := CheckEnvelopes(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("unexpected I/O error: %v", err)
		}
		for _, e := range c.Errors().All() {
			if e.Code == "" || e.Level == LevelNone {
				t.Fatalf("finding without a code: %v", e)
			}
		}
		for _, r := range c.Interchanges() {
			if _, err := ParseTA1(NewSegment(DefaultDelimiters, "TA1", "000000001", "261128", "1200", string(r.Ack), r.Note)); err != nil {
				t.Fatalf("result gives an invalid TA1: %v", err)
			}
		}
	})
}

// FuzzWriteRead: whatever values are written either are refused with an error or read back
// unchanged.
func FuzzWriteRead(f *testing.F) {
	f.Add("DOE", "JANE", "HC", "99213")
	f.Add("A*B", "", "C:D", "E^F~")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		if err := w.WriteStrings("ISA", strings.Split(strings.TrimSuffix(testISA('*', '^', ':', "~", "000000001")[4:], "~"), "*")...); err != nil {
			t.Fatal(err)
		}
		err := w.Write("NM1", E(a), E(b), C(c, d))
		if err != nil {
			return
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		r := NewReader(&buf)
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
		s, err := r.Next()
		if err != nil {
			t.Fatalf("written segment unreadable: %v", err)
		}
		if string(s.Element(1)) != a || string(s.Element(2)) != b ||
			string(s.Component(3, 1)) != c || string(s.Component(3, 2)) != d {
			t.Fatalf("values changed in the round trip")
		}
	})
}

// stopped checks an error that stopped a SetReader: an *Error (the input could not be read
// on, never an I/O error from a bytes.Reader), returned again by the next call.
func stopped(t *testing.T, err error, again func() error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("unexpected I/O error: %v", err)
	}
	if again() != err {
		t.Fatalf("the error that stopped reading is not returned again")
	}
}

// FuzzSetReader: the loop builder and validator never panic on any input, every finding has a
// level and a code, and every placed segment sits in a loop of the guide that was chosen.
func FuzzSetReader(f *testing.F) {
	fuzzSeeds(f)
	f.Add([]byte(testSet(goodBody...)))
	f.Add([]byte(testSets(goodBody, goodBody[:5])))
	f.Add([]byte(strings.Replace(testSet(goodBody...), "HL*3*2*23*0", "HL*3*7*23*0", 1)))
	f.Add([]byte(generate999(3)))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg := &Registry{}
		reg.Register(testGuide)
		reg.Register(Guide999)
		sr := NewSetReader(bytes.NewReader(data))
		sr.Guides = reg
		sr.Codes = fakeCodes{"pos": {"11"}}
		sr.Reader().MaxSegment = 1 << 12
		sr.MaxSetSegments = 1 << 12
		for i := 0; i <= len(data)+1; i++ {
			set, err := sr.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				stopped(t, err, func() error { _, err := sr.Next(); return err })
				return
			}
			for _, e := range set.Findings.All() {
				if e.Code == "" || e.Level == LevelNone {
					t.Fatalf("finding without a code: %v", e)
				}
			}
			if set.Root != nil {
				set.Root.Segments(func(s *Segment, spec *SegmentSpec, n *Node) bool {
					if spec != nil && spec.ID != s.ID() {
						t.Fatalf("segment placed as another segment's use")
					}
					return true
				})
				ack := NewAck999(set.GS01, set.GS06, set.GS08)
				ack.AddSet(set)
				ack.Close(0)
			}
		}
		t.Fatalf("more sets than bytes")
	})
}

// FuzzSetReaderUnits: reading with units hands out exactly the claim loops a whole-tree read
// builds, segment for segment and in order, each with a parent chain the guide allows, and
// reports the same findings — whatever the input, however memory is reused, and whether or
// not segments seen clean are checked again.
func FuzzSetReaderUnits(f *testing.F) {
	fuzzSeeds(f)
	f.Add([]byte(testSet(goodBody...)))
	f.Add([]byte(testSets(goodBody, goodBody[:5])))
	f.Add([]byte(strings.Replace(testSet(goodBody...), "HL*3*2*23*0", "HL*3*7*23*0", 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg := &Registry{}
		reg.Register(testGuide)
		read := func(units bool) (claims [][]string, findings []string, big bool) {
			sr := NewSetReader(bytes.NewReader(data))
			sr.noMemo = !units // the whole-tree read checks every segment: the memo must not change findings
			sr.Guides = reg
			sr.Codes = fakeCodes{"pos": {"11"}}
			sr.Reader().MaxSegment = 1 << 12
			if units {
				sr.Units, sr.UnitText = []string{"2300"}, true
			}
			for i := 0; i <= len(data)+1; i++ {
				p, err := sr.NextPart()
				if err == io.EOF {
					return claims, findings, big
				}
				if err != nil {
					stopped(t, err, func() error { _, err := sr.NextPart(); return err })
					return claims, findings, big
				}
				if p.Unit != nil {
					claims = append(claims, segmentTexts(p.Unit))
					p.Unit.Segments(func(s *Segment, _ *SegmentSpec, _ *Node) bool {
						sameText(t, s)
						return true
					})
					for n := p.Unit.Parent; n != nil; n = n.Parent {
						if n.Loop.ID != "2000B" && n.Loop.ID != "2000A" && n.Loop.ID != "ST" {
							t.Fatalf("a unit under loop %s", n.Loop.ID)
						}
					}
					continue
				}
				big = big || p.Set.Segments > DefaultMaxSetSegments/2
				for _, e := range p.Set.Findings.All() {
					findings = append(findings, fmt.Sprintf("%s %s %d %d", e.Code, e.Pos.ID, e.Pos.SetSegment, e.Pos.Element))
				}
				if p.Set.Root != nil && !units {
					var walk func(n *Node)
					walk = func(n *Node) {
						if n.Loop.ID == "2300" {
							claims = append(claims, segmentTexts(n))
							return
						}
						for _, it := range n.Items {
							if it.Node != nil {
								walk(it.Node)
							}
						}
					}
					walk(p.Set.Root)
				}
			}
			t.Fatalf("more parts than bytes")
			return
		}
		whole, wholeFindings, big := read(false)
		streamed, streamedFindings, _ := read(true)
		if big {
			return
		}
		if !slices.EqualFunc(whole, streamed, slices.Equal) {
			t.Fatalf("units differ from the whole tree's claims: %d vs %d", len(whole), len(streamed))
		}
		slices.Sort(wholeFindings)
		slices.Sort(streamedFindings)
		if !slices.Equal(wholeFindings, streamedFindings) {
			t.Fatalf("findings differ: %v vs %v", wholeFindings, streamedFindings)
		}
	})
}

// sameText: every element, repetition and component of s reads the same as bytes (At) and
// as a string (Text), whether the segment has a unit's text or not.
func sameText(t *testing.T, s *Segment) {
	for n := 0; n <= s.Len()+1; n++ {
		_ = s.Element(n)
		for rep := 0; rep <= s.Repetitions(n)+1; rep++ {
			for c := 0; c <= s.Components(n, rep)+1; c++ {
				if got, want := s.Text(n, rep, c), string(s.At(n, rep, c)); got != want {
					t.Fatalf("Text(%d, %d, %d) differs from At", n, rep, c)
				}
			}
		}
	}
}
