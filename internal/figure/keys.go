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

// Closest returns the candidate a misspelt key most likely stands for
// ("vaule" → "value", "export" → "exports"), or "" when none is close:
// at most two edits, a swap of neighbours counting as one, and one edit
// for every four letters of the key.
func Closest(key string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		d := editDistance(key, c)
		if d < bestDist && d*4 <= len([]rune(key)) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := make([][]int, len(ra)+1)
	for i := range rows {
		rows[i] = make([]int, len(rb)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(ra)][len(rb)]
}
