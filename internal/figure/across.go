package figure

import (
	"cmp"
	"slices"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// CheckAcross compares the figures of every article of a site
// (docs/figures.md, section 8): the same indicator, period and status
// published with two values, and an indicator given two units or two
// labels, are warnings at the later article's figure (by date, then file
// name), naming the first article's. Each pair is reported once, against
// the earliest article that disagrees.
func CheckAcross(pages []*site.Page) []*diag.Problem {
	pages = slices.DeleteFunc(slices.Clone(pages), func(p *site.Page) bool { return len(p.Figures) == 0 })
	slices.SortStableFunc(pages, func(a, b *site.Page) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Source, b.Source))
	})
	type key struct{ indicator, period, status string }
	type seen struct {
		page *site.Page
		fig  *site.Figure
	}
	values := map[key]seen{}
	firstOf := map[string]seen{} // indicator → its first figure with a unit and a label
	var problems []*diag.Problem
	for _, p := range pages {
		for i := range p.Figures {
			f := &p.Figures[i]
			here := seen{p, f}
			k := key{f.Indicator, f.Period, f.Status}
			if prev, ok := values[k]; !ok || !prev.fig.HasValue {
				values[k] = here
			} else if prev.page != p && f.HasValue && !sameValue(prev.fig, f) {
				problems = append(problems, diag.Warnf(figurePos(p.Source, f),
					"%s in %s (%s) is %s here but %s in %s", f.Indicator, f.Period, f.Status,
					writtenValue(f), writtenValue(prev.fig), prev.page.Source).
					Also(figurePos(prev.page.Source, prev.fig)).
					WithHint("correct the one that is wrong; a revised figure names the earlier article in its note"))
			}
			first, ok := firstOf[f.Indicator]
			if !ok {
				firstOf[f.Indicator] = here
				continue
			}
			if first.page == p {
				continue
			}
			if f.Unit != first.fig.Unit {
				problems = append(problems, diag.Warnf(figurePos(p.Source, f),
					"%s is in %q here but in %q in %s", f.Indicator, f.Unit, first.fig.Unit, first.page.Source).
					Also(figurePos(first.page.Source, first.fig)).
					WithHint("give an indicator one unit in every article, or give the other measure another indicator key"))
			} else if f.Label != first.fig.Label {
				problems = append(problems, diag.Warnf(figurePos(p.Source, f),
					"%s is labelled %q here but %q in %s", f.Indicator, f.Label, first.fig.Label, first.page.Source).
					Also(figurePos(first.page.Source, first.fig)).
					WithHint("give an indicator one label in every article, so that readers know it is the same"))
			}
		}
	}
	return problems
}

// sameValue reports whether two figures with values give the same one,
// as written: the same number at the same precision, the same qualifier.
func sameValue(a, b *site.Figure) bool {
	return a.Value == b.Value && a.Precision == b.Precision && a.Qualifier == b.Qualifier
}

// writtenValue is a figure's value as written, with its qualifier:
// "over 68800", "46315"; "" without a value.
func writtenValue(f *site.Figure) string {
	if !f.HasValue {
		return ""
	}
	v := machine(f.Value, f.Precision)
	if f.Qualifier != "" {
		return f.Qualifier + " " + v
	}
	return v
}
