package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// shapeError says why data cannot be drawn as a chart of its type, and how
// to fix the chart.
type shapeError struct {
	msg, hint string
}

func (e *shapeError) Error() string { return e.msg + "; " + e.hint }

// checkShape reports, at pos, data that a chart of ch's type cannot draw.
func checkShape(pos diag.Pos, ch site.Chart, d Data) []*diag.Problem {
	if err := checkData(ch, d); err != nil {
		return []*diag.Problem{diag.Errorf(pos, "chart %q: %s", ch.ID, err.msg).WithHint("%s", err.hint)}
	}
	return nil
}

// checkData checks that every series has one finite number (or a gap)
// per category and that the data fits the chart's type.
func checkData(ch site.Chart, d Data) *shapeError {
	if !isChartType(ch.Type) {
		return &shapeError{fmt.Sprintf("type %q is not a chart type", ch.Type), "use one of: " + strings.Join(chartTypes, ", ")}
	}
	if len(d.Categories) == 0 || len(d.Series) == 0 {
		return &shapeError{"there is nothing to draw", "give the chart indicators with figures, or a data file with rows"}
	}
	for _, s := range d.Series {
		if len(s.Values) != len(d.Categories) {
			return &shapeError{fmt.Sprintf("series %q has %d numbers for %d categories", s.Name, len(s.Values), len(d.Categories)),
				"give every series one number (or an empty cell) per category"}
		}
		for i, v := range s.Values {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				return &shapeError{fmt.Sprintf("series %q has no finite number for %q", s.Name, d.Categories[i]), "write the number plainly"}
			}
		}
	}
	switch ch.Type {
	case TypePie, TypeDonut:
		return checkParts(ch, d)
	case TypeChange:
		if len(d.Series) != 1 {
			return &shapeError{fmt.Sprintf("a change chart shows one series of changes, not %d", len(d.Series)), "chart one column or one period"}
		}
	case TypeTarget:
		if len(d.Series) != 2 {
			return &shapeError{fmt.Sprintf("a target chart shows results beside targets (two series), not %d series", len(d.Series)),
				"chart two columns: the results, then the targets"}
		}
	case TypeLine:
		if len(d.Categories) < 2 {
			return &shapeError{"a line chart needs at least two periods", "add periods, or use type: column"}
		}
	}
	return nil
}

// checkParts checks the data of a pie or donut: one series of parts of a
// whole, every part a number not below zero.
func checkParts(ch site.Chart, d Data) *shapeError {
	if measureOf(ch) == MeasureChange {
		return &shapeError{fmt.Sprintf("a %s chart shows parts of a whole, not changes", ch.Type), "use type: change"}
	}
	if len(d.Series) != 1 {
		return &shapeError{fmt.Sprintf("a %s chart shows one series of parts, not %d", ch.Type, len(d.Series)),
			"chart one column or one period"}
	}
	total := 0.0
	for i, v := range d.Series[0].Values {
		switch {
		case v == nil:
			return &shapeError{fmt.Sprintf("the part %q has no number", d.Categories[i]), "give every part a number"}
		case *v < 0:
			return &shapeError{fmt.Sprintf("the part %q is negative (%g), and a %s chart cannot show it", d.Categories[i], *v, ch.Type),
				"use type: bar for numbers that can be negative"}
		}
		total += *v
	}
	if total == 0 {
		return &shapeError{"every part is zero", "check the numbers, or use type: bar"}
	}
	return nil
}

func isChartType(t string) bool { return slices.Contains(chartTypes, t) }
