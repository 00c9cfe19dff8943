// Package chart draws a chart's numbers — figure.Data, which package
// figure lays out and checks, from the page's figures or from a CSV file —
// as what a page shows: an Apache ECharts option for the browser, a CSV
// download and the rows of the data table every chart carries for readers
// without JavaScript. It reports no problem of the content: data that did
// not come from figure is refused with an error (Option).
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

	"github.com/almanac-news/almanac/internal/slug"
)

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
