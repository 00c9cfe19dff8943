package chart

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
	colorIncrease = "#3b82f6" // a change above zero: blue
	colorDecrease = "#d55e00" // a change below zero: vermillion, told from blue by every reader
	colorZeroLine = "#6b7280" // the zero line of a change chart: neutral grey

	// A target is drawn in its result's hue: a light, hatched fill with a
	// full-colour outline.
	targetFill  = "rgba(59, 130, 246, 0.22)"
	targetHatch = "rgba(59, 130, 246, 0.6)"
)

// seriesColor is the colour of the i-th series.
func seriesColor(i int) string { return palette[i%len(palette)] }
