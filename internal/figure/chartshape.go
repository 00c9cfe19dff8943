package figure

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// shapeError says why data cannot be drawn as a chart of its type, and how
// to fix the chart.
type shapeError struct {
	msg, hint diag.Text
}

func (e *shapeError) Error() string { return e.msg.String() + "; " + e.hint.String() }

// checkShape reports, at pos, data that a chart of ch's type cannot draw.
func checkShape(pos diag.Pos, ch site.Chart, d Data) []*diag.Problem {
	if err := checkData(ch, d); err != nil {
		return []*diag.Problem{err.at(pos)}
	}
	if err := checkAxis(ch, d); err != nil {
		return []*diag.Problem{err.at(pos)}
	}
	if ch.Type == ChartPie || ch.Type == ChartDonut {
		return checkWhole(pos, ch, d)
	}
	return nil
}

// checkWhole warns about the parts of a pie or donut that cannot be parts
// of one whole: shares in per cent summing to more than 100 beyond what
// their rounding allows, or, of three parts or more, one that is the sum
// of the others (a total drawn as a part).
func checkWhole(pos diag.Pos, ch site.Chart, d Data) []*diag.Problem {
	s := d.Series[0]
	total, slack, n := 0.0, 0.0, 0
	for i, v := range s.Values {
		if v != nil {
			total += *v
			slack += 0.5 * math.Pow10(-s.At(i).Decimals)
			n++
		}
	}
	if d.Unit == "%" && total > 100+slack+1e-9 {
		return []*diag.Problem{diag.Warnf(pos, "the parts of %s chart %s add up to %s %%, more than the whole",
			ch.Type, ch.ID, strconv.FormatFloat(total, 'f', d.Decimals, 64)).
			WithHint("shares of one whole add up to 100 %%: check the numbers, or draw them with type: bar")}
	}
	for i, v := range s.Values {
		if v == nil || n < 3 {
			continue
		}
		if rest := total - *v; math.Abs(*v-rest) <= slack+1e-9 {
			return []*diag.Problem{diag.Warnf(pos, "%s is the sum of the other parts of %s chart %s: a total drawn as a part",
				d.Categories[i], ch.Type, ch.ID).
				WithHint("remove the total from the chart's indicators, or draw them with type: bar")}
		}
	}
	return nil
}

// at is the problem at pos.
func (e *shapeError) at(pos diag.Pos) *diag.Problem {
	return diag.Errorf(pos, "%s", e.msg).WithHint("%s", e.hint)
}

// checkAxis reports a number outside the bounds the chart's axis sets:
// the chart would cut its bar or line off.
func checkAxis(ch site.Chart, d Data) *shapeError {
	for _, s := range d.Series {
		for i, v := range s.Values {
			if v == nil {
				continue
			}
			if (ch.Axis.HasMin && *v < ch.Axis.Min) || (ch.Axis.HasMax && *v > ch.Axis.Max) {
				return &shapeError{diag.Textf("%s of %s for %s is outside the axis the chart sets",
					strconv.FormatFloat(*v, 'f', -1, 64), s.Name, d.Categories[i]),
					diag.Textf("widen axis: min and max to hold every number, or remove them")}
			}
		}
	}
	return nil
}

// CheckChartData reports why d cannot be drawn as a chart of ch's type,
// or nil: what ChartFromFigures and ChartFromCSV report as problems, for
// package chart to refuse data that did not come from them.
func CheckChartData(ch site.Chart, d Data) error {
	if err := checkData(ch, d); err != nil {
		return err
	}
	return nil
}

// checkType reports a chart type Almanac does not draw. Front matter
// never gives one (parse rejects it at its line, with the closest type);
// a chart made another way may.
func checkType(ch site.Chart) *shapeError {
	if slices.Contains(ChartTypes, ch.Type) {
		return nil
	}
	return &shapeError{diag.Textf("chart type %q is not one of %s", ch.Type, strings.Join(ChartTypes, ", ")), diag.Textf("fix the chart's type")}
}

// checkData checks that every series has one finite number (or a gap)
// per category and that the data fits the chart's type.
func checkData(ch site.Chart, d Data) *shapeError {
	if err := checkType(ch); err != nil {
		return err
	}
	if len(d.Categories) == 0 || len(d.Series) == 0 {
		return &shapeError{diag.Textf("chart %s has nothing to draw", ch.ID), diag.Textf("give the chart indicators with figures, or a data file with rows")}
	}
	for _, s := range d.Series {
		if len(s.Values) != len(d.Categories) {
			return &shapeError{diag.Textf("series %s has %d numbers for %d categories", s.Name, len(s.Values), len(d.Categories)),
				diag.Textf("give every series one number (or a gap) per category")}
		}
		for i, v := range s.Values {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				return &shapeError{diag.Textf("series %s has no finite number for %s", s.Name, d.Categories[i]), diag.Textf("write the number plainly")}
			}
		}
	}
	switch ch.Type {
	case ChartPie, ChartDonut:
		return checkParts(ch, d)
	case ChartLine:
		if len(d.Categories) < 2 {
			return &shapeError{diag.Textf("a line chart needs at least two periods"), diag.Textf("add periods, or use type: column")}
		}
	}
	return nil
}

// checkParts checks the data of a pie or donut: one series of parts of a
// whole, none negative, not all zero or missing.
func checkParts(ch site.Chart, d Data) *shapeError {
	if MeasureOf(ch) == MeasureChange {
		return &shapeError{diag.Textf("a %s chart draws shares of values, not changes", ch.Type), diag.Textf("remove measure: change, or use type: change")}
	}
	if len(d.Series) != 1 {
		return &shapeError{diag.Textf("a %s chart draws one series of parts, not %d", ch.Type, len(d.Series)),
			diag.Textf("draw one column or one period")}
	}
	s := d.Series[0]
	total := 0.0
	for i, v := range s.Values {
		if v != nil && *v < 0 {
			return &shapeError{diag.Textf("a %s chart cannot draw the negative value of %s in %s", ch.Type, d.Categories[i], s.Key),
				diag.Textf("use type: bar for numbers that can be negative")}
		}
		if v != nil {
			total += *v
		}
	}
	if total == 0 {
		return &shapeError{diag.Textf("the parts of %s chart %s add up to zero", ch.Type, ch.ID), diag.Textf("check the numbers, or use type: bar")}
	}
	return nil
}
