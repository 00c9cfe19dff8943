package figure

import (
	"maps"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// ChartName names a chart in messages: "chart bien-dong-2020", or
// "chart" for one without id.
func ChartName(ch site.Chart) diag.Text {
	if ch.ID == "" {
		return diag.Textf("chart")
	}
	return diag.Textf("chart %s", ch.ID)
}

// CheckChartRefs checks a chart drawn from figures against the page's
// figures: each of its indicators must have a figure, and each of its
// periods must be a period of one of them. Positions come from the
// chart's IndicatorPos and PeriodPos, in page.Source; charts drawn from a
// CSV file and Ref charts are not checked.
func CheckChartRefs(page *site.Page, ch site.Chart) []*diag.Problem {
	if ch.Data != "" || ch.Ref {
		return nil
	}
	var problems []*diag.Problem
	periods := map[string]bool{}
	for i, ind := range ch.Indicators {
		if !HasIndicator(page.Figures, ind) {
			problems = append(problems, diag.Errorf(itemPos(page, ch, ch.IndicatorPos, i),
				"%s", chartIndicatorUnknown(ch, ind)).WithHint("%s", IndicatorHint(page.Figures, ind)))
			continue
		}
		for _, fig := range page.Figures {
			if fig.Indicator == ind {
				periods[fig.Period] = true
			}
		}
	}
	if len(periods) == 0 {
		return problems // no indicator known: its periods cannot be checked
	}
	have := slices.SortedFunc(maps.Keys(periods), ComparePeriods)
	for i, p := range ch.Periods {
		if !periods[p] {
			problems = append(problems, diag.Errorf(itemPos(page, ch, ch.PeriodPos, i),
				"%s", chartPeriodUnknown(ch, p)).WithHint("they have %s", strings.Join(have, ", ")))
		}
	}
	return problems
}

func itemPos(page *site.Page, ch site.Chart, at []site.Position, i int) diag.Pos {
	if i < len(at) {
		return diag.Pos{File: page.Source, Line: at[i].Line, Col: at[i].Col}
	}
	return diag.Pos{File: page.Source, Line: ch.Line, Col: ch.Col}
}

func chartIndicatorUnknown(ch site.Chart, indicator string) diag.Text {
	return diag.Textf("%s names indicator %s, which no figure has", ChartName(ch), indicator)
}

func chartPeriodUnknown(ch site.Chart, period string) diag.Text {
	return diag.Textf("%s names period %s, which none of its indicators has", ChartName(ch), period)
}

// IndicatorHint says which indicators the article has, guessing which
// one name stands for.
func IndicatorHint(figs []site.Figure, name string) diag.Text {
	known := Indicators(figs)
	if len(known) == 0 {
		return diag.Textf("the article has no figures: declare the indicator's figures under figures:")
	}
	list := diag.Textf("the indicators are %s", strings.Join(known, ", "))
	if c := diag.Closest(name, known); c != "" {
		return diag.Textf("did you mean %s? (%s)", c, list)
	}
	return list
}
