package figure

import "github.com/almanac-news/almanac/internal/site"

// A chart's numbers, as ChartFromFigures and ChartFromCSV lay them out
// and package chart draws them.

// Data is a chart's numbers: one row per category, one column per series.
type Data struct {
	Categories []string // indicator labels, periods as written ("2020-Q3"), or a CSV file's first column
	Series     []Series // one per period, per indicator, or per CSV column
	Unit       string   // the unit of every number; "%" for changes; "" for none
	Decimals   int      // the most decimals any number is written with (for axis ticks)

	// ByIndicator is set when the categories are indicators (and the
	// series periods); the data table then gets a unit column.
	ByIndicator bool
	// Heading names the category column of a CSV file (its first header
	// cell); "" for figures.
	Heading string
	// Figures are the figures drawn, in table order (row by row); nil for
	// a CSV file. The chart's CSV download lists them.
	Figures []site.Figure
	// Slots gives each series its place in the palette, CategorySlots
	// each category (a pie's slices): the same indicator takes the same
	// colour in every chart of a page. nil for the palette's order.
	Slots, CategorySlots []int
}

// Series is one named row of numbers, one per category.
type Series struct {
	Name   string     // a period as written, an indicator's label, or a CSV column's label without its unit
	Key    string     // the period, the indicator's key, or the CSV column's header as written
	Values []*float64 // nil where there is a gap
	Points []Point    // how each number was given, one per value
	Status string     // the status every number shares; "" when they differ or for a CSV file
	Unit   string     // the series' own unit (a CSV column's bracketed unit, an indicator's unit)
}

// Point is how one number of a chart was given.
type Point struct {
	Decimals  int    // digits after the decimal point as written; numbers are shown with exactly these
	Status    string // "actual", "estimate", "target", "forecast"; "" for a CSV cell
	Qualifier string // "over", "nearly", "about" or ""; qualifies values only
	Base      string // the period a change compares with
	Note      string // the figure's note, a footnote of the data table
	Polarity  string // "higher-is-better", "higher-is-worse" or "" (neutral)
}

// At returns how value i was given.
func (s Series) At(i int) Point {
	if i < len(s.Points) {
		return s.Points[i]
	}
	return Point{}
}

// Projected reports whether a status marks a number not (yet) measured:
// an estimate, a target or a forecast. Lines are dashed there.
func Projected(status string) bool {
	return status == StatusEstimate || Aimed(status)
}

// Aimed reports whether a status marks a number aimed at or expected,
// not measured: a target or a forecast. Target charts draw them lighter.
func Aimed(status string) bool {
	return status == StatusTarget || status == StatusForecast
}

// MeasureOf is the measure a chart shows: always the change for a change
// chart, else the chart's measure, by default the value.
func MeasureOf(ch site.Chart) string {
	if ch.Type == ChartChange || ch.Measure == MeasureChange {
		return MeasureChange
	}
	return MeasureValue
}
