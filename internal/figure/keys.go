package figure

import (
	"slices"

	"github.com/almanac-news/almanac/internal/site"
)

// Indicators lists the indicators of figs in the order of their first figure.
func Indicators(figs []site.Figure) []string {
	var out []string
	for _, f := range figs {
		if !slices.Contains(out, f.Indicator) {
			out = append(out, f.Indicator)
		}
	}
	return out
}

// HasIndicator reports whether figs hold a figure of indicator.
func HasIndicator(figs []site.Figure, indicator string) bool {
	return slices.ContainsFunc(figs, func(f site.Figure) bool { return f.Indicator == indicator })
}
