package codes

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Status is what a code is on a date of service.
type Status int

// The statuses Lookup answers. Unknown is the zero value: the code is not in the set at all.
const (
	Unknown         Status = iota // not in the set
	Active                        // in force on the date
	NotYetEffective               // in the set, but its Effective date is after the date
	Terminated                    // in the set, but ended on or before the date
)

// String gives the status as the CLI's JSON spells it: "active", "not_yet_effective",
// "terminated" or "unknown".
func (s Status) String() string {
	switch s {
	case Active:
		return "active"
	case NotYetEffective:
		return "not_yet_effective"
	case Terminated:
		return "terminated"
	}
	return "unknown"
}

// MarshalText makes a Status encode as its String in JSON.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Code is one value of a code set.
//
// Dates are calendar dates (their clock and location are ignored). Effective is the first date
// of service the code is valid; zero means "valid since before this table's history starts".
// Terminated is the first date it is no longer valid — the day after its last valid day, the way
// code lists announce "deleted 2021-01-01"; zero means still open.
type Code struct {
	Value       string    // the code as it is sent in X12, e.g. "02", "95", "CO", "MA130"
	Description string    // a short description in x12kit's own words (never licensed descriptor text)
	Effective   time.Time // first valid date of service; zero = open
	Terminated  time.Time // first date no longer valid; zero = open
	Category    string    // set-specific grouping: a denial category for CARC/RARC, a family for procedures
	ReplacedBy  string    // for a terminated code: what to use instead, when there is a successor
	Note        string    // provenance and confidence, e.g. "[M] effective date from memory"
	Earlier     []Wording // earlier descriptions, for codes that were redefined (POS 02 in 2022)
}

// Wording is a description that applied before a date: a code redefined on Until read as
// Description for dates of service before Until.
type Wording struct {
	Until       time.Time // the date the code was redefined
	Description string    // the wording before Until
}

// StatusOn reports the code's status on date (only the calendar date counts).
func (c Code) StatusOn(date time.Time) Status {
	d := day(date)
	if !c.Effective.IsZero() && d.Before(day(c.Effective)) {
		return NotYetEffective
	}
	if !c.Terminated.IsZero() && !d.Before(day(c.Terminated)) {
		return Terminated
	}
	return Active
}

// DescriptionOn is the description in force on date, taking Earlier wordings into account.
func (c Code) DescriptionOn(date time.Time) string {
	d := day(date)
	best := c.Description
	var bestUntil time.Time
	for _, w := range c.Earlier {
		u := day(w.Until)
		if d.Before(u) && (bestUntil.IsZero() || u.Before(bestUntil)) {
			best, bestUntil = w.Description, u
		}
	}
	return best
}

// Errors from building and changing sets and registries.
var (
	ErrFrozen    = errors.New("code set or registry is read-only (clone it to change it)")
	ErrDuplicate = errors.New("name or code already present")
	ErrBadCode   = errors.New("code has an empty value or ends before it starts")
	ErrNoSet     = errors.New("no code set by that name")
)

// Set is a named, dated code list: place of service, CARC, service type codes…
//
// A Set is safe for concurrent use: lookups may run while another goroutine adds codes (a
// lookup sees the set before or after the change, never half of it). The sets of Default are
// frozen; Clone one (or Clone the registry) to change it.
type Set struct {
	Name         string    // lower-case hyphenated name, e.g. "pos", "claim-filing-indicator"
	Title        string    // what the list is, with its X12 element(s), e.g. "Place of service (CLM05-1, SV105)"
	LastReviewed time.Time // when x12kit last checked this table against its sources
	Partial      bool      // the table holds the commonly used codes, not every code in existence

	mu     sync.RWMutex
	frozen bool
	codes  map[string]Code
}

// NewSet builds a set. It panics on a duplicate or malformed code: shipped and user tables are
// written in source code, so a bad table is a programming error found by the first test run.
// Use Add for codes read at run time.
func NewSet(name, title string, lastReviewed time.Time, codes ...Code) *Set {
	s := &Set{Name: name, Title: title, LastReviewed: lastReviewed, codes: make(map[string]Code, len(codes))}
	for _, c := range codes {
		if err := checkCode(c); err != nil {
			panic(fmt.Sprintf("codes: set %s: %v", name, err))
		}
		if _, dup := s.codes[c.Value]; dup {
			panic(fmt.Sprintf("codes: set %s: duplicate code %q", name, c.Value))
		}
		s.codes[c.Value] = c
	}
	return s
}

func checkCode(c Code) error {
	if c.Value == "" || strings.TrimSpace(c.Value) != c.Value {
		return ErrBadCode
	}
	if !c.Effective.IsZero() && !c.Terminated.IsZero() && !day(c.Terminated).After(day(c.Effective)) {
		return ErrBadCode
	}
	return nil
}

// Add puts c in the set, replacing any code with the same Value (that is how a user applies
// next year's changes or a payer's own wording). It fails with ErrFrozen on a shipped set and
// ErrBadCode on an empty value or a termination not after the effective date.
func (s *Set) Add(c Code) error {
	if err := checkCode(c); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.frozen {
		return ErrFrozen
	}
	if s.codes == nil {
		s.codes = make(map[string]Code)
	}
	s.codes[c.Value] = c
	return nil
}

// Lookup finds value and reports its status on the date of service. For a value not in the
// set it returns the zero Code and Unknown. The returned Code's Description is the wording in
// force on that date.
func (s *Set) Lookup(value string, on time.Time) (Code, Status) {
	c, ok := s.Get(value)
	if !ok {
		return Code{}, Unknown
	}
	c.Description = c.DescriptionOn(on)
	return c, c.StatusOn(on)
}

// Get returns the code with this value, whatever its dates.
func (s *Set) Get(value string) (Code, bool) {
	if s.frozen { // written once before the set is shared, never after: no lock needed
		c, ok := s.codes[value]
		return c, ok
	}
	s.mu.RLock()
	c, ok := s.codes[value]
	s.mu.RUnlock()
	return c, ok
}

// Contains reports whether value is a code of the set at any date. Date-independent, for
// syntax-level checks; use Lookup when the date of service matters.
func (s *Set) Contains(value string) bool {
	_, ok := s.Get(value)
	return ok
}

// Len is the number of codes in the set.
func (s *Set) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.codes)
}

// Codes returns a copy of the codes, sorted by value.
func (s *Set) Codes() []Code {
	s.mu.RLock()
	out := make([]Code, 0, len(s.codes))
	for _, c := range s.codes {
		out = append(out, c)
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// Clone returns a changeable copy of the set (not frozen, even when s is).
func (s *Set) Clone() *Set {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := &Set{Name: s.Name, Title: s.Title, LastReviewed: s.LastReviewed, Partial: s.Partial,
		codes: make(map[string]Code, len(s.codes))}
	for k, v := range s.codes {
		c.codes[k] = v
	}
	return c
}

func (s *Set) freeze() *Set {
	s.mu.Lock()
	s.frozen = true
	s.mu.Unlock()
	return s
}

// Registry holds code sets by name. It is what the X12 guide engine consults for the external
// code lists a guide names (it satisfies x12.CodeSource through Known and Contains).
//
// A Registry is safe for concurrent use. Default's registry is frozen; NewRegistry and Clone
// give registries you can Register and Override in.
type Registry struct {
	mu     sync.RWMutex
	frozen bool
	sets   map[string]*Set
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{sets: map[string]*Set{}} }

// Register adds a set under its Name; it fails with ErrDuplicate when the name is taken and
// ErrFrozen on the Default registry.
func (r *Registry) Register(s *Set) error {
	return r.put(s, false)
}

// Override adds a set under its Name, replacing any set of that name (a payer's own POS list,
// a CARC table refreshed from the publisher). It fails with ErrFrozen on the Default registry.
func (r *Registry) Override(s *Set) error {
	return r.put(s, true)
}

func (r *Registry) put(s *Set, replace bool) error {
	if s == nil || s.Name == "" {
		return ErrBadCode
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.frozen {
		return ErrFrozen
	}
	if r.sets == nil {
		r.sets = map[string]*Set{}
	}
	if _, dup := r.sets[s.Name]; dup && !replace {
		return fmt.Errorf("codes: set %s: %w", s.Name, ErrDuplicate)
	}
	r.sets[s.Name] = s
	return nil
}

// Set returns the set registered under name.
func (r *Registry) Set(name string) (*Set, bool) {
	if r.frozen { // written once before the registry is shared, never after: no lock needed
		s, ok := r.sets[name]
		return s, ok
	}
	r.mu.RLock()
	s, ok := r.sets[name]
	r.mu.RUnlock()
	return s, ok
}

// Names lists the registered set names, sorted.
func (r *Registry) Names() []string {
	r.mu.RLock()
	out := make([]string, 0, len(r.sets))
	for n := range r.sets {
		out = append(out, n)
	}
	r.mu.RUnlock()
	sort.Strings(out)
	return out
}

// Known reports whether a set of that name is registered.
func (r *Registry) Known(set string) bool {
	_, ok := r.Set(set)
	return ok
}

// Exhaustive reports whether the named set lists every code in existence (it is known and not
// Partial). The guide engine flags a value missing from a set only when the set is exhaustive:
// a code absent from a partial table may well be valid.
func (r *Registry) Exhaustive(set string) bool {
	s, ok := r.Set(set)
	return ok && !s.Partial
}

// Strict is a Registry whose every set counts as exhaustive: given to the guide engine, it flags
// any value missing from a set, partial tables included. Use it when a payer's own list, or
// a test, should be enforced exactly.
type Strict struct{ *Registry }

// Exhaustive always reports true.
func (Strict) Exhaustive(string) bool { return true }

// Contains reports whether value is a code of the named set at any date; false for an
// unknown set. Date-independent: it is the check the guide engine makes on a code element.
func (r *Registry) Contains(set, value string) bool {
	s, ok := r.Set(set)
	return ok && s.Contains(value)
}

// Matcher returns a membership test for the named set (nil when there is none) that takes the
// value as bytes: what a validator calls for each element without allocating.
func (r *Registry) Matcher(set string) func(value []byte) bool {
	s, ok := r.Set(set)
	if !ok {
		return nil
	}
	if s.frozen {
		return func(v []byte) bool {
			_, ok := s.codes[string(v)]
			return ok
		}
	}
	return func(v []byte) bool {
		s.mu.RLock()
		_, ok := s.codes[string(v)]
		s.mu.RUnlock()
		return ok
	}
}

// Lookup finds value in the named set and reports its status on the date of service; the
// error wraps ErrNoSet when no set has that name.
func (r *Registry) Lookup(set, value string, on time.Time) (Code, Status, error) {
	s, ok := r.Set(set)
	if !ok {
		return Code{}, Unknown, fmt.Errorf("codes: %w", ErrNoSet)
	}
	c, st := s.Lookup(value, on)
	return c, st, nil
}

// Clone returns a changeable registry holding changeable copies of r's sets.
func (r *Registry) Clone() *Registry {
	r.mu.RLock()
	defer r.mu.RUnlock()
	c := NewRegistry()
	for n, s := range r.sets {
		c.sets[n] = s.Clone()
	}
	return c
}

var defaultRegistry = sync.OnceValue(func() *Registry {
	r := NewRegistry()
	for _, s := range shippedSets() {
		if err := r.Register(s.freeze()); err != nil {
			panic(err)
		}
	}
	r.frozen = true
	return r
})

// Default returns the registry of every set x12kit ships, built once and shared. It and its
// sets are read-only (Register, Override and Add fail with ErrFrozen); call Default().Clone()
// to get a registry you can extend.
func Default() *Registry { return defaultRegistry() }

// Lookup looks value up in the named set of the Default registry.
func Lookup(set, value string, on time.Time) (Code, Status, error) {
	return Default().Lookup(set, value, on)
}

// shippedSets lists every set Default holds; each data file contributes its constructor here.
func shippedSets() []*Set {
	return []*Set{
		posSet(), modifierSet(), procedureSet(),
		carcSet(), rarcSet(),
		casGroupSet(), claimStatusSet(), plbReasonSet(),
		claimFrequencySet(), claimFilingIndicatorSet(), remitFilingIndicatorSet(), relationshipSet(), patientRelationshipSet(), genderSet(),
		entityIDSet(), idQualifierSet(), referenceQualifierSet(),
		ebBenefitSet(), coverageLevelSet(), serviceTypeSet(), insuranceTypeSet(), timePeriodSet(),
		aaaRejectReasonSet(), aaaFollowUpSet(),
		usStateSet(),
	}
}

// reviewed is the LastReviewed date of every shipped table.
var reviewed = date(2026, 11, 28)

// date is a calendar date in UTC, the form every table uses.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// day drops the clock and location of t, keeping its calendar date.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return date(y, m, d)
}

// simple builds codes from value/description pairs, for lists without dates.
func simple(category string, pairs ...string) []Code {
	if len(pairs)%2 != 0 {
		panic("codes: simple needs value/description pairs")
	}
	out := make([]Code, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Code{Value: pairs[i], Description: pairs[i+1], Category: category})
	}
	return out
}
