// Package chart turns the charts an article declares into what a page
// shows: the chart's numbers (Data, from the page's figures or from a CSV
// file), an Apache ECharts option for the browser, a CSV download and the
// rows of the data table every chart carries for readers without
// JavaScript.
//
// What is drawn, and how, follows docs/figures.md, section 4; the table
// follows section 6 and the CSV file section 7.
//
// The ECharts option is plain JSON. It holds no JavaScript: numbers are
// written in the browser by assets/js/charts.js from the option's
// "almanac" key, which names the page language, the unit, the kind of
// chart and, for every point, its decimals, qualifier and status:
//
//	"almanac": {"lang": "vi", "kind": "change", "measure": "change", "unit": "%", "decimals": 1,
//	            "points": [[{"decimals": 1, "status": "ước đạt"}, …]]}
//
// Every text in an option (titles, labels, series names) comes from the
// article and is untrusted; it stays a JSON string and is never turned into
// code. The page embeds the option in a <script type="application/json">
// element through html/template, which escapes it for that context.
package chart

import (
	"crypto/sha256"
	"encoding/hex"
	"github.com/almanac-news/almanac/internal/figure"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

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
	// Colors gives each series its colour, CategoryColors each category
	// (a pie's slices); nil for the palette's order.
	Colors, CategoryColors []string
}

// color is the colour of series i.
func (d Data) color(i int) string {
	if i < len(d.Colors) {
		return d.Colors[i]
	}
	return seriesColor(i)
}

// categoryColor is the colour of category i.
func (d Data) categoryColor(i int) string {
	if i < len(d.CategoryColors) {
		return d.CategoryColors[i]
	}
	return seriesColor(i)
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

// point returns how value i was given.
func (s Series) point(i int) Point {
	if i < len(s.Points) {
		return s.Points[i]
	}
	return Point{}
}

// projected reports whether a status marks a number not (yet) measured:
// an estimate, a target or a forecast. Lines are dashed there.
func projected(status string) bool {
	return status == figure.StatusEstimate || aimed(status)
}

// aimed reports whether a status marks a number aimed at or expected,
// not measured: a target or a forecast. Target charts draw them lighter.
func aimed(status string) bool {
	return status == figure.StatusTarget || status == figure.StatusForecast
}

// measureOf is the measure a chart shows: always the change for a change
// chart, else the chart's measure, by default the value.
func measureOf(ch site.Chart) string {
	if ch.Type == figure.ChartChange || ch.Measure == figure.MeasureChange {
		return figure.MeasureChange
	}
	return figure.MeasureValue
}

// ElementID returns the HTML id of a chart on its page: "chart-" and the
// slug of the chart's id, "chart-bien-dong-2020" (docs/figures.md,
// section 6). Chart ids are unique on a page, so the element ids are too,
// and the same chart always gets the same id. When the id has no letter or
// digit to keep, the id is made from a hash of the page URL and the chart
// id instead.
func ElementID(pageURL, chartID string) string {
	if s := slug.Make(chartID); s != "" {
		return "chart-" + s
	}
	sum := sha256.Sum256([]byte(pageURL + "\x00" + chartID))
	return "chart-" + hex.EncodeToString(sum[:6])
}
