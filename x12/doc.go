// Package x12 is the syntax layer of x12kit: it reads and writes ANSI X12 (HIPAA 5010)
// interchanges as streams of segments, builds and checks their envelopes, and produces and
// reads TA1 acknowledgments.
//
// # Reading
//
// A Reader splits any io.Reader into segments, finding the delimiters in each ISA:
//
//	r := x12.NewReader(f)
//	for {
//		seg, err := r.Next()
//		if err == io.EOF {
//			break
//		}
//		if err != nil { … } // an *x12.Error: position and code, never data
//		if seg.ID() == "NM1" {
//			last := seg.Element(3) // NM103, numbered as X12 does
//		}
//	}
//
// The segment Next returns is a view into the reader's buffer, valid until the next call
// (Clone keeps one). In the steady state the reader allocates nothing. It tolerates what
// real files contain: byte-order marks, line breaks after or inside segments, newline or
// multibyte terminators, several interchanges with different delimiters, BIN segments.
// Limits (MaxSegment, MaxElement, MaxElements, MaxBinary) bound the memory any input can
// make it use.
//
// It also reads the quirks legacy translators write — ISA11 "U" with a 5010 ISA12
// (ErrLegacyRepetition), ISA11 equal to ISA16 (ErrRepetitionComponent), an ISA not padded
// to its fixed widths (ErrUnpaddedISA), a two-byte ISA16 left by a charset conversion
// (ErrMultibyteComponent), an IEA without its terminator at the end (ErrNoFinalTerminator) —
// and says so: each is in Warnings with SeverityWarning and its TA105 code, or
// SeverityError with Strict. A delimiter it cannot use (NUL, a letter) is an error.
//
// # Writing
//
// A Writer writes segments with chosen delimiters (DefaultDelimiters: * : ^ ~), trimming
// trailing empty elements and refusing data that contains a delimiter. An EnvelopeWriter
// on top of it writes ISA/GS/ST headers from typed values, takes control numbers from a
// ControlSource, and writes SE, GE and IEA with their counts itself. A Sequence counts in
// memory (deterministic output, test data); a ControlFile keeps the numbers in a file, so
// that no ISA13 or GS06 repeats across runs, processes or a crash — production interchanges
// (ISA15 P) need one.
//
// # Checking
//
// An EnvelopeChecker (or CheckEnvelopes) checks ISA/GS/ST/SE/GE/IEA: element formats,
// control numbers matching and unique, counts, nesting. Every finding is an *Error carrying
// a Position and the TA105, AK905 or IK502 code it maps to, collected in an ErrorList.
// InterchangeResult.TA1 turns the verdict into a TA1.
//
// # Implementation guides
//
// Each HIPAA guide is described once, as data: a Transaction with its loop tree (Loop,
// Child), each use of a segment (SegmentSpec, told apart from its siblings by Qualifiers such
// as NM101 = "85"), and each element (ElementSpec: usage, type, lengths, code list or named
// external CodeSet, repetitions, components, patient-data mark), plus X12 syntax notes and a
// Rules hook for what data cannot say. CheckGuide tests a guide's own consistency. Guide999
// (005010X231A1) is the first; the transaction packages register theirs in Guides. The
// builders a guide is written with (element constructors, NewSegmentSpec, NewLoop, the shared
// NM1, HL, N3 and N4 uses) are in the sub-package x12/guide.
//
// A SetReader reads a stream as transaction sets: it picks the guide by ST01 and GS08/ST03,
// places every segment in the loop tree (following HL02/HL03 for hierarchical levels),
// checks structure and elements, keeps going after a bad segment, and returns each Set with
// its tree and findings (each an *Error with position, loop, IK304/IK403/IK502 code). Memory
// is bounded by the largest set — or by the loop depth with ValidateOnly. Ack999 turns the
// sets of a functional group into a 999, and Parse999 reads one back.
//
// To read sets of any size into typed values, name the loop that makes one value in
// SetReader.Units (a claim, a claim payment) and call NextPart: each instance comes as soon as
// it closes, with its Parent chain and its findings, and is then let go together with the
// loops above it once they close, so memory stays bounded by one unit and what is open above
// it. Their memory is reused (Node.Serial tells instances apart). StructureOnly skips element
// checks when a file was validated before. MaxSetSegments, MaxUnitSegments and MaxDepth
// bound what any input can make it hold; past them it reports the limit and lets the data go.
//
// A Stream is the loop a typed decoder reads those parts through. It turns what loses input
// into errors — a set of another kind (ErrWrongTransaction), a segment dropped or cut
// (Lost), a stream that ends inside an interchange (ErrTruncated) or holds none
// (ErrNoInterchange), the error findings of set ends and envelopes — so that no decoder hands
// back fewer values without an error. Text that does not parse into a typed field is kept in
// an Unparsed, with a finding.
//
// Typed encoders share ExtraQueue (segments without a field go back where the guide puts
// them), Envelope.WriteGroup and CheckOutput (what is written is read back and validated
// first).
//
// # Patient data
//
// X12 healthcare data is protected health information. Nothing in this package puts an
// element value into an error message, and a Segment prints only its ID and element
// count under fmt and log/slog.
package x12
