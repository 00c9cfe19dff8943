package figure

import (
	"math"
	"strconv"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// interval is the range of true values a stated number allows.
type interval struct{ lo, hi float64 }

func (a interval) overlaps(b interval) bool {
	const slack = 1e-9 // float rounding only
	return a.lo <= b.hi+slack && b.lo <= a.hi+slack
}

// valueInterval is the range a value's wording allows: an exact number ±
// half a unit of its last decimal; over x: x to x × 1.03; nearly x:
// x × 0.97 to x; about x: x × 0.97 to x × 1.03 (docs/figures.md, 8).
func valueInterval(v float64, precision int, qualifier string) interval {
	var i interval
	switch qualifier {
	case "over":
		i = interval{v, v * 1.03}
	case "nearly":
		i = interval{v * 0.97, v}
	case "about":
		i = interval{v * 0.97, v * 1.03}
	default:
		return exactInterval(v, precision)
	}
	if i.lo > i.hi { // negative values
		i.lo, i.hi = i.hi, i.lo
	}
	return i
}

func exactInterval(v float64, precision int) interval {
	half := 0.5 * math.Pow10(-precision)
	return interval{v - half, v + half}
}

// changeInterval is the range of value ÷ base − 1, in per cent; ok is
// false when the base can be zero or negative, where a change in per cent
// means nothing.
func changeInterval(value, base interval) (interval, bool) {
	if base.lo <= 0 {
		return interval{}, false
	}
	corners := []float64{value.lo / base.lo, value.lo / base.hi, value.hi / base.lo, value.hi / base.hi}
	i := interval{math.Inf(1), math.Inf(-1)}
	for _, c := range corners {
		i.lo = min(i.lo, (c-1)*100)
		i.hi = max(i.hi, (c-1)*100)
	}
	return i, true
}

// Check cross-checks the figures of a page: where a figure gives a value
// and a change, and the same indicator has a figure with a value for the
// base period, the change must follow from the two values within what
// their wording allows. Each disagreement is a warning at the change,
// naming the base figure's line too.
func Check(p *site.Page) []*diag.Problem {
	type key struct{ indicator, period string }
	byPeriod := map[key]*site.Figure{}
	for i := range p.Figures {
		f := &p.Figures[i]
		byPeriod[key{f.Indicator, f.Period}] = f
	}
	var problems []*diag.Problem
	for i := range p.Figures {
		f := &p.Figures[i]
		if !f.HasValue || !f.HasChange {
			continue
		}
		b := byPeriod[key{f.Indicator, baseOf(f)}]
		if b == nil || !b.HasValue {
			continue
		}
		if pr := checkChange(p.Source, f, b); pr != nil {
			problems = append(problems, pr)
		}
	}
	return problems
}

func baseOf(f *site.Figure) string {
	if f.Base != "" {
		return f.Base
	}
	if p, ok := ParsePeriod(f.Period); ok {
		return p.Previous().String()
	}
	return ""
}

func checkChange(file string, f, b *site.Figure) *diag.Problem {
	implied, ok := changeInterval(valueInterval(f.Value, f.Precision, f.Qualifier),
		valueInterval(b.Value, b.Precision, b.Qualifier))
	stated := exactInterval(f.Change, f.ChangePrecision)
	if !ok || implied.overlaps(stated) {
		return nil
	}
	at := diag.Pos{File: file, Line: f.ChangePos.Line, Col: f.ChangePos.Col}
	if at.Line == 0 {
		at.Line, at.Col = f.Line, f.Col
	}
	computed := (f.Value/b.Value - 1) * 100
	return diag.Warnf(at, "change %s of %s in %s does not follow from the values: %s against %s in %s is %s %%",
		machine(f.Change, f.ChangePrecision), f.Indicator, f.Period,
		machine(f.Value, f.Precision), machine(b.Value, b.Precision), b.Period,
		signedMachine(computed, f.ChangePrecision+1)).
		Also(diag.Pos{File: file, Line: b.Line, Col: b.Col}).
		WithHint("check the three numbers: with the wording given, the change can be %s %% to %s %%",
			signedMachine(implied.lo, f.ChangePrecision+1), signedMachine(implied.hi, f.ChangePrecision+1))
}

// machine writes a number the machine way, with its precision.
func machine(v float64, precision int) string {
	return strconv.FormatFloat(v, 'f', max(precision, 0), 64)
}

func signedMachine(v float64, precision int) string {
	s := machine(v, precision)
	if v >= 0 {
		return "+" + s
	}
	return s
}
