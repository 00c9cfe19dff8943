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
		check := checkChange
		if b.Value <= 0 {
			check = checkChangeOfNonPositive
		}
		if pr := check(p.Source, f, b); pr != nil {
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
	at := changePos(file, f)
	computed := (f.Value/b.Value - 1) * 100
	return diag.Warnf(at, "change %s of %s in %s does not follow from the values: %s against %s in %s is %s %%",
		machine(f.Change, f.ChangePrecision), f.Indicator, f.Period,
		machine(f.Value, f.Precision), machine(b.Value, b.Precision), b.Period,
		signedMachine(computed, f.ChangePrecision+1)).
		Also(figurePos(file, b)).
		WithHint("check the three numbers: with the wording given, the change can be %s %% to %s %%",
			signedMachine(implied.lo, f.ChangePrecision+1), signedMachine(implied.hi, f.ChangePrecision+1))
}

// checkChangeOfNonPositive checks a change in per cent against a base
// value of zero, where it is undefined, or below zero, where it misleads
// (from −200 to 100 is "+150 %" only of the base's size). Against a
// negative base the change is still checked, as (value − base) ÷ |base|,
// the only reading it can have.
func checkChangeOfNonPositive(file string, f, b *site.Figure) *diag.Problem {
	at := changePos(file, f)
	if b.Value == 0 {
		return diag.Warnf(at, "change %s of %s in %s is in per cent of %s in %s, which is zero: a change in per cent is undefined there",
			machine(f.Change, f.ChangePrecision), f.Indicator, f.Period, machine(b.Value, b.Precision), b.Period).
			Also(figurePos(file, b)).
			WithHint("give the difference in the unit instead (in the note or the text), or remove change")
	}
	value, base := valueInterval(f.Value, f.Precision, f.Qualifier), valueInterval(b.Value, b.Precision, b.Qualifier)
	implied := interval{math.Inf(1), math.Inf(-1)}
	for _, v := range []float64{value.lo, value.hi} {
		for _, w := range []float64{base.lo, base.hi} {
			c := (v - w) / math.Abs(w) * 100
			implied.lo, implied.hi = min(implied.lo, c), max(implied.hi, c)
		}
	}
	hint := diag.Textf("say in words what happened (from a loss to a profit, say), or give the difference in the unit")
	if !implied.overlaps(exactInterval(f.Change, f.ChangePrecision)) {
		return diag.Warnf(at, "change %s of %s in %s does not follow from the values: %s against %s in %s is %s %% of the base's size",
			machine(f.Change, f.ChangePrecision), f.Indicator, f.Period,
			machine(f.Value, f.Precision), machine(b.Value, b.Precision), b.Period,
			signedMachine((f.Value-b.Value)/math.Abs(b.Value)*100, f.ChangePrecision+1)).
			Also(figurePos(file, b)).WithHint("%s", hint)
	}
	return diag.Warnf(at, "change %s of %s in %s is in per cent of a negative %s in %s: readers misread a change in per cent of a negative number",
		machine(f.Change, f.ChangePrecision), f.Indicator, f.Period, machine(b.Value, b.Precision), b.Period).
		Also(figurePos(file, b)).WithHint("%s", hint)
}

// changePos is where a figure's change is written, or the figure.
func changePos(file string, f *site.Figure) diag.Pos {
	if f.ChangePos.Line == 0 {
		return figurePos(file, f)
	}
	return diag.Pos{File: file, Line: f.ChangePos.Line, Col: f.ChangePos.Col}
}

// figurePos is where a figure starts.
func figurePos(file string, f *site.Figure) diag.Pos {
	return diag.Pos{File: file, Line: f.Line, Col: f.Col}
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
