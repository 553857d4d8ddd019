package x12

// DecodeOptions are the options every transaction package's NewDecoder takes (nil means the
// zero value): how strictly the SetReader underneath reads, and what it may hold. Decoder's
// Reader method gives the SetReader itself for anything else.
type DecodeOptions struct {
	// Strict makes every quirk the reader tolerates (ErrLegacyRepetition, ErrUnpaddedISA…)
	// an error instead of a warning; the input is read the same way either way.
	Strict bool
	// StructureOnly skips the element checks (usage, type, length, codes, syntax notes):
	// segments are still placed in their loops and the structure checked. For input
	// validated before, or when speed matters more than element findings.
	StructureOnly bool
	// Codes answers for the external code lists the guides name; nil means the package's
	// default (the codes package's built-in sets).
	Codes CodeSource
	// MaxSetSegments, MaxUnitSegments and MaxDepth bound what one set, one handed-out unit
	// (a claim, a claim payment) and the nesting of hierarchical levels may make the reader
	// hold; 0 means the SetReader's default (see its fields of the same names).
	MaxSetSegments, MaxUnitSegments, MaxDepth int
}

// Apply sets o's options on sr, leaving sr's own where o has a zero value. A nil o changes
// nothing.
func (o *DecodeOptions) Apply(sr *SetReader) {
	if o == nil {
		return
	}
	sr.Strict = sr.Strict || o.Strict
	sr.StructureOnly = sr.StructureOnly || o.StructureOnly
	if o.Codes != nil {
		sr.Codes = o.Codes
	}
	if o.MaxSetSegments != 0 {
		sr.MaxSetSegments = o.MaxSetSegments
	}
	if o.MaxUnitSegments != 0 {
		sr.MaxUnitSegments = o.MaxUnitSegments
	}
	if o.MaxDepth != 0 {
		sr.MaxDepth = o.MaxDepth
	}
}
