package remit835

import (
	"errors"
	"fmt"

	"github.com/x12kit/x12kit/x12"
)

// ErrImbalance is what every Imbalance matches with errors.Is.
var ErrImbalance = errors.New("835 does not balance")

// Level says which balancing rule an Imbalance breaks: a line, a claim or the transaction
// (each rule at its constant).
type Level int

// The three balancing levels.
const (
	// LineLevel: SVC02 − Σ the line's CAS amounts = SVC03.
	LineLevel Level = iota + 1
	// ClaimLevel: CLP03 − Σ claim-level CAS − Σ line-level CAS = CLP04.
	ClaimLevel
	// TransactionLevel: BPR02 (negative when BPR03 is D) = Σ CLP04 − Σ PLB amounts.
	TransactionLevel
)

func (l Level) String() string {
	switch l {
	case LineLevel:
		return "line"
	case ClaimLevel:
		return "claim"
	case TransactionLevel:
		return "transaction"
	}
	return "unknown"
}

// MarshalText writes the level's name.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Imbalance is one balancing rule broken, exactly to the cent. Its Error names the rule and
// the position, never amounts or patient data; Expected and Actual are for the caller.
type Imbalance struct {
	Level    Level        `json:"level"`
	Claim    int          `json:"claim"`    // index of the claim in its remittance (or stream); -1 for the transaction
	Line     int          `json:"line"`     // index of the line in its claim; -1 unless Level is LineLevel
	Pos      x12.Position `json:"position"` // the SVC, CLP or BPR (zero for data built in Go)
	Expected x12.Amount   `json:"expected"` // the paid amount the other amounts give
	Actual   x12.Amount   `json:"actual"`   // the paid amount sent
}

func (i Imbalance) Error() string {
	where := ""
	switch i.Level {
	case LineLevel:
		where = fmt.Sprintf("claim %d line %d: SVC03 is not SVC02 minus the line's adjustments", i.Claim, i.Line)
	case ClaimLevel:
		where = fmt.Sprintf("claim %d: CLP04 is not CLP03 minus the claim's and its lines' adjustments", i.Claim)
	default:
		where = "BPR02 is not the claims' payments minus the provider adjustments"
	}
	if i.Pos.ID != "" {
		where += fmt.Sprintf(" (%s at segment %d of the set, byte %d)", i.Pos.ID, i.Pos.SetSegment, i.Pos.Offset)
	}
	return ErrImbalance.Error() + ": " + where
}

// Finding returns the imbalance as the module's finding: rule x12.RuleBalance at the paid
// amount's element (SVC03, CLP04 or BPR02) and its Go field, wrapping the Imbalance (which
// errors.As finds, with Expected and Actual).
func (i Imbalance) Finding() *x12.Error {
	p := i.Pos
	f := &x12.Error{Pos: p, Rule: x12.RuleBalance, Err: i}
	switch i.Level {
	case LineLevel:
		f.Pos.Element, f.Field = 3, fmt.Sprintf("Claims[%d].Lines[%d].Paid", i.Claim, i.Line)
	case ClaimLevel:
		f.Pos.Element, f.Field = 4, fmt.Sprintf("Claims[%d].Paid", i.Claim)
	default:
		f.Pos.Element, f.Field = 2, "Payment.Amount"
	}
	if p.ID == "" { // data built in Go: no segment to point at
		f.Pos.Element = 0
	}
	return f
}

// Is makes errors.Is(imbalance, ErrImbalance) true.
func (i Imbalance) Is(target error) bool { return target == ErrImbalance }

// Balance checks every line and claim of r and the transaction (see Level), and returns each
// rule broken; none means the remittance balances.
func Balance(r *Remittance) []Imbalance {
	var out []Imbalance
	var paid x12.Amount
	for i := range r.Claims {
		out = append(out, BalanceClaim(&r.Claims[i], i)...)
		paid += r.Claims[i].Paid
	}
	if im, ok := BalanceTransaction(r, paid); !ok {
		out = append(out, im)
	}
	return out
}

func sumAdjustments(list []Adjustment) x12.Amount {
	var s x12.Amount
	for _, a := range list {
		s += a.Amount
	}
	return s
}

// BalanceClaim checks one claim payment and its lines; index is the claim's index, for the
// findings. A streaming reader calls it claim by claim.
func BalanceClaim(c *Claim, index int) []Imbalance {
	var out []Imbalance
	lineAdj := x12.Amount(0)
	for j := range c.Lines {
		l := &c.Lines[j]
		adj := sumAdjustments(l.Adjustments)
		lineAdj += adj
		if want := l.Charge - adj; want != l.Paid {
			out = append(out, Imbalance{Level: LineLevel, Claim: index, Line: j, Pos: l.Pos, Expected: want, Actual: l.Paid})
		}
	}
	if want := c.Charge - sumAdjustments(c.Adjustments) - lineAdj; want != c.Paid {
		out = append(out, Imbalance{Level: ClaimLevel, Claim: index, Line: -1, Pos: c.Pos, Expected: want, Actual: c.Paid})
	}
	return out
}

// ProviderAdjusted is the sum of the remittance's PLB amounts.
func (r *Remittance) ProviderAdjusted() x12.Amount {
	var s x12.Amount
	for _, p := range r.Adjustments {
		for _, it := range p.Items {
			s += it.Amount
		}
	}
	return s
}

// NetPayment is BPR02 with its direction: negative when BPR03 is D (a debit to the payee).
func (p Payment) NetPayment() x12.Amount {
	if p.CreditDebit == "D" {
		return -p.Amount
	}
	return p.Amount
}

// BalanceTransaction checks the transaction rule given the sum of the claims' payments (CLP04),
// which a streaming reader adds up as the claims go by; ok is false when it is broken.
func BalanceTransaction(r *Remittance, claimsPaid x12.Amount) (Imbalance, bool) {
	want := claimsPaid - r.ProviderAdjusted()
	got := r.Payment.NetPayment()
	if want == got {
		return Imbalance{}, true
	}
	return Imbalance{Level: TransactionLevel, Claim: -1, Line: -1, Pos: r.Payment.Pos, Expected: want, Actual: got}, false
}
