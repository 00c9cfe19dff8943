package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
			d := distance(strings.ToLower(name), strings.ToLower(n))
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

// distance is the Levenshtein distance between a and b, counting an
// exchange of two neighbouring letters as one edit ("biuld", "build").
func distance(a, b string) int {
	r, s := []rune(a), []rune(b)
	prev2 := make([]int, len(s)+1)
	prev := make([]int, len(s)+1)
	cur := make([]int, len(s)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(r); i++ {
		cur[0] = i
		for j := 1; j <= len(s); j++ {
			cost := 1
			if r[i-1] == s[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && r[i-1] == s[j-2] && r[i-2] == s[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(s)]
}
