package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/almanac-news/almanac/internal/diag"
)

// flagSuggestions are the visible flags of cmd whose names, or other
// names, are close to the mistyped one ("--bulidDrafts", "-source"),
// written with their dashes as the closest name, closest first.
func flagSuggestions(cmd *cobra.Command, typed string) []string {
	name := strings.TrimLeft(typed, "-")
	if i := strings.IndexByte(name, '='); i >= 0 {
		name = name[:i]
	}
	type candidate struct {
		flag     string
		distance int
	}
	var found []candidate
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		names := []string{f.Name}
		for alias, to := range flagAliases {
			if to == f.Name {
				names = append(names, alias)
			}
		}
		best, bestName := -1, ""
		for _, n := range names {
			d := diag.Distance(strings.ToLower(name), strings.ToLower(n))
			if strings.HasPrefix(strings.ToLower(n), strings.ToLower(name)) && len(name) >= 2 {
				d = min(d, 1)
			}
			if best < 0 || d < best {
				best, bestName = d, n
			}
		}
		if best <= max(2, len(name)/4) {
			found = append(found, candidate{"--" + bestName, best})
		}
	})
	slices.SortStableFunc(found, func(a, b candidate) int { return a.distance - b.distance })
	var out []string
	for _, c := range found {
		out = append(out, c.flag)
	}
	return out
}

// suggestions writes "Did you mean this?" and the names, one a line, or
// nothing when there is none.
func (c *cli) suggestions(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return rootMessages.in(c.lang).DidYouMean + "\t" + strings.Join(names, "\n\t")
}
