package figure

import (
	"github.com/almanac-news/almanac/internal/site"
)

// figureIndex groups a page's figures by indicator.
type figureIndex struct {
	order       []string // indicators in order of first appearance
	byIndicator map[string][]site.Figure
}

func indexFigures(figs []site.Figure) figureIndex {
	x := figureIndex{byIndicator: map[string][]site.Figure{}}
	for _, f := range figs {
		if _, seen := x.byIndicator[f.Indicator]; !seen {
			x.order = append(x.order, f.Indicator)
		}
		x.byIndicator[f.Indicator] = append(x.byIndicator[f.Indicator], f)
	}
	return x
}

// label is the first label the indicator's figures give, else its key.
func (x figureIndex) label(ind string) string {
	for _, f := range x.byIndicator[ind] {
		if f.Label != "" {
			return f.Label
		}
	}
	return ind
}

// unit is the first unit the indicator's figures give.
func (x figureIndex) unit(ind string) string {
	for _, f := range x.byIndicator[ind] {
		if f.Unit != "" {
			return f.Unit
		}
	}
	return ""
}

// find returns the indicator's figure for the period. An article has at
// most one (docs/figures.md, section 2.8); should it have more, the most
// certain is taken: actual before estimate, forecast and target.
func (x figureIndex) find(ind, period string) (site.Figure, bool) {
	var found site.Figure
	ok := false
	for _, f := range x.byIndicator[ind] {
		if f.Period == period && (!ok || statusRank(f.Status) < statusRank(found.Status)) {
			found, ok = f, true
		}
	}
	return found, ok
}

func hasMeasure(f site.Figure, measure string) bool {
	if measure == MeasureChange {
		return f.HasChange
	}
	return f.HasValue
}

// statusRank orders statuses from the most to the least certain.
func statusRank(status string) int {
	switch status {
	case StatusActual, "":
		return 0
	case StatusEstimate:
		return 1
	case StatusForecast:
		return 2
	case StatusTarget:
		return 3
	}
	return 4
}
