// Package chart turns the charts an article declares into what a page
// shows: the chart's numbers (Data, from the page's figures or from a CSV
// file), an Apache ECharts option for the browser, a CSV download and the
// rows of the data table every chart carries for readers without
// JavaScript.
//
// The ECharts option is plain JSON. It holds no JavaScript: number
// formatting is done in the browser by assets/js/charts.js from the
// option's "almanac" key, which names the page language, the unit, the
// number of decimals and the kind of chart:
//
//	"almanac": {"lang": "vi", "kind": "change", "measure": "change", "unit": "%", "decimals": 1, …}
//
// Every text in an option (titles, labels, series names) comes from the
// article and is untrusted; it stays a JSON string and is never turned into
// code. The page embeds the option in a <script type="application/json">
// element through html/template, which escapes it for that context.
package chart

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

// Chart types, as written in the front matter's charts list.
const (
	TypeBar    = "bar"    // horizontal bars, for long category labels
	TypeColumn = "column" // vertical bars
	TypeLine   = "line"   // a time series
	TypePie    = "pie"
	TypeDonut  = "donut"
	TypeChange = "change" // changes in per cent, diverging around zero
	TypeTarget = "target" // results beside targets
)

// Measures: which number of a figure a chart shows.
const (
	MeasureValue  = "value"
	MeasureChange = "change"
)

// Figure statuses, as written in the front matter.
const (
	StatusActual   = "actual"
	StatusEstimate = "estimate"
	StatusTarget   = "target"
	StatusForecast = "forecast"
)

// Data is a chart's numbers: one row per category, one column per series.
type Data struct {
	Categories []string // indicator labels, or periods for a time series, or a CSV's first column
	Series     []Series // one per period or status, per indicator, or per CSV column
	Unit       string   // common unit; "%" for changes; "" when series differ (see Series.Unit) or unknown
	Decimals   int      // digits after the decimal separator: the most any charted number was written with
	Heading    string   // name of the category column (a CSV's first header cell); "" for figures
}

// Series is one named row of numbers, one per category.
type Series struct {
	Name     string
	Values   []*float64 // nil where a number is missing
	Status   string     // status shared by every point ("estimate", "target", …); "" when mixed or unknown
	Unit     string     // this series' unit when Data.Unit is "" because units differ
	Statuses []string   // status of each point, for line charts (drawn dashed where not actual); may be nil
}

// pointStatus is the status of point i.
func (s Series) pointStatus(i int) string {
	if i < len(s.Statuses) && s.Statuses[i] != "" {
		return s.Statuses[i]
	}
	return s.Status
}

// projected reports whether a status marks a number not (yet) measured:
// an estimate, a target or a forecast.
func projected(status string) bool {
	return status == StatusEstimate || status == StatusTarget || status == StatusForecast
}

// measureOf is the measure a chart shows: always the change for a change
// chart, else the chart's measure, by default the value.
func measureOf(ch site.Chart) string {
	if ch.Type == TypeChange || ch.Measure == MeasureChange {
		return MeasureChange
	}
	return MeasureValue
}

// ElementID returns the HTML id of a chart on its page: "chart-" and the
// slug of the chart's id ("chart-bien-dong-2020"). Chart ids are unique on
// a page, so the element ids are too, and the same chart always gets the
// same id. The CSV download is named after it ("chart-bien-dong-2020.csv"
// beside the page). When the id has no letter or digit to keep, the id is
// made from a hash of the page URL and the chart id instead.
func ElementID(pageURL, chartID string) string {
	if s := slug.Make(chartID); s != "" {
		return "chart-" + s
	}
	sum := sha256.Sum256([]byte(pageURL + "\x00" + chartID))
	return "chart-" + hex.EncodeToString(sum[:6])
}
