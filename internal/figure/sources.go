package figure

import (
	"strings"

	"github.com/almanac-news/almanac/internal/site"
)

// Sources joins the distinct sources of the figures a chart draws, in
// the order the figures come: the chart's source when it names none.
func Sources(figs []site.Figure) string {
	var sources []string
	for _, f := range figs {
		if f.Source != "" {
			sources = append(sources, f.Source)
		}
	}
	return strings.Join(distinctSources(sources), "; ")
}

// distinctSources keeps each source once, in order of first appearance:
// sources that differ only in case, spacing or a final full stop are the
// same, and one that another extends with a detail ("Sở Công Thương" and
// "Sở Công Thương, số ước thực hiện năm 2020") gives way to the longer.
func distinctSources(sources []string) []string {
	norm := func(s string) string {
		return strings.TrimSuffix(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".")
	}
	var kept []string
	for _, s := range sources {
		n, merged := norm(s), false
		for i, k := range kept {
			switch nk := norm(k); {
			case nk == n || extends(nk, n):
				merged = true
			case extends(n, nk):
				kept[i], merged = s, true
			}
		}
		if !merged {
			kept = append(kept, s)
		}
	}
	return kept
}

// extends reports whether source long is source short followed by a
// detail after a comma, colon, semicolon or bracket: "sở công thương, số
// ước…" extends "sở công thương"; "sở công thương nghiệp" does not.
func extends(long, short string) bool {
	rest, ok := strings.CutPrefix(long, short)
	rest = strings.TrimLeft(rest, " ")
	return ok && rest != "" && strings.ContainsRune(",;:(", rune(rest[0]))
}
