package chart

import (
	"github.com/almanac-news/almanac/internal/site"

	"github.com/almanac-news/almanac/internal/figure"
)

// KeyItem is one line of a chart's key, shown under its title: how the
// chart marks numbers that are not results (docs/figures.md, section 4.6).
type KeyItem struct {
	Mark string // "dashed", "hatched", "striped", or "" for a plain sentence
	Text string
}

// Key says how the chart marks estimates, targets and forecasts: a dashed
// line, a hatched light bar, a striped bar for an estimate among results;
// when every number shares one such status, one sentence says so and
// nothing is marked.
func Key(ch site.Chart, d figure.Data, lang string) []KeyItem {
	w := wordsFor(lang)
	statuses := drawnStatuses(d)
	if len(statuses) == 1 {
		for s := range statuses {
			if text := w.allOf[s]; text != "" {
				return []KeyItem{{Text: text}}
			}
		}
		return nil
	}
	var key []KeyItem
	if ch.Type == figure.ChartLine {
		if statuses[figure.StatusEstimate] || statuses[figure.StatusTarget] || statuses[figure.StatusForecast] {
			key = append(key, KeyItem{Mark: "dashed", Text: w.keyDashed})
		}
		return key
	}
	if ch.Type == figure.ChartPie || ch.Type == figure.ChartDonut {
		return nil
	}
	if stripesEstimates(d) {
		key = append(key, KeyItem{Mark: "striped", Text: w.keyStriped})
	}
	if ch.Type == figure.ChartTarget && (statuses[figure.StatusTarget] || statuses[figure.StatusForecast]) {
		key = append(key, KeyItem{Mark: "hatched", Text: w.keyHatched})
	}
	return key
}

// drawnStatuses are the statuses of the chart's numbers; a CSV file's
// cells have none.
func drawnStatuses(d figure.Data) map[string]bool {
	statuses := map[string]bool{}
	for _, s := range d.Series {
		for i, v := range s.Values {
			if st := s.At(i).Status; v != nil && st != "" {
				statuses[st] = true
			}
		}
	}
	return statuses
}

// stripesEstimates reports whether a bar chart marks its estimates: when
// it also draws results, so that the two can be told apart.
func stripesEstimates(d figure.Data) bool {
	statuses := drawnStatuses(d)
	return statuses[figure.StatusEstimate] && statuses[figure.StatusActual]
}
