package chart

import (
	"fmt"

	"github.com/almanac-news/almanac/internal/figure"
)

// The colours of Almanac's charts. Every colour has a contrast of at
// least 3:1 (what WCAG asks of graphics) against a white page and against
// a dark page as dark as #1f2937 or darker, so one option works in light
// and dark mode; the client script only swaps the text and axis colours.
// The series colours follow the Okabe–Ito order of hues, which readers
// with the common colour-vision deficiencies can tell apart.
var palette = []string{
	"#3b82f6", // blue
	"#d55e00", // vermillion
	"#009e73", // bluish green
	"#cc79a7", // reddish purple
	"#8b5cf6", // violet
	"#0891b2", // cyan
}

const (
	colorGood     = "#16a34a" // good news under a polarity: green, 3.2:1 on white, 4.6:1 on #1f2937
	colorBad      = "#ef4444" // bad news under a polarity: red, 3.8:1 on white, 4.0:1 on #1f2937
	colorZeroLine = "#6b7280" // the zero line of a change chart: neutral grey
)

// toneColor is the colour of a change v of an indicator with a polarity:
// green for good news, red for bad; "" for a neutral indicator or no change.
func toneColor(polarity string, v float64) string {
	switch {
	case v == 0 || polarity == "":
		return ""
	case (v > 0) == (polarity == "higher-is-better"):
		return colorGood
	}
	return colorBad
}

// lighter is a colour made light by transparency, so that it works on a
// light and a dark page: how targets and forecasts are filled.
func lighter(hex string) string { return withAlpha(hex, 0.25) }

// hatchColor draws the stripes over a target's light fill.
func hatchColor(hex string) string { return withAlpha(hex, 0.65) }

// withAlpha writes a #rrggbb colour as rgba with the given opacity.
func withAlpha(hex string, alpha float64) string {
	var r, g, b int
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return hex
	}
	return fmt.Sprintf("rgba(%d, %d, %d, %g)", r, g, b, alpha)
}

// seriesColor is the colour of the i-th slot of the palette.
func seriesColor(i int) string { return palette[i%len(palette)] }

// dataColor is the colour of series i of d.
func dataColor(d figure.Data, i int) string {
	if i < len(d.Slots) {
		return seriesColor(d.Slots[i])
	}
	return seriesColor(i)
}

// categoryColor is the colour of category i of d (a pie's slice).
func categoryColor(d figure.Data, i int) string {
	if i < len(d.CategorySlots) {
		return seriesColor(d.CategorySlots[i])
	}
	return seriesColor(i)
}
