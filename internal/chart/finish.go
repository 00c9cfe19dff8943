package chart

import (
	"math"
	"strings"

	"github.com/almanac-news/almanac/internal/figure"

	"github.com/almanac-news/almanac/internal/site"
)

// finish sets what go-echarts has no field for, and adds the "almanac"
// key for the client script.
func (b *optionBuilder) finish(option map[string]any) {
	delete(option, "toolbox") // empty; the page offers the data as a table and a CSV file
	child(option, "tooltip")["confine"] = true
	// Sizes, label places and ticks are left to assets/js/chart-kinds.js,
	// which knows the width the chart is drawn at.
	if b.ch.Type == figure.ChartLine {
		firstOf(option, "xAxis")["boundaryGap"] = false
	}
	if b.ch.Type == figure.ChartChange {
		child(firstOf(option, "series"), "markLine")["silent"] = true
	}
	if b.ch.Type == figure.ChartTarget {
		b.outlineTargets(asList(option["series"]))
	}
	if b.ch.Type != figure.ChartLine && b.ch.Type != figure.ChartPie && b.ch.Type != figure.ChartDonut && stripesEstimates(b.d) {
		b.stripeEstimates(asList(option["series"]))
	}
	option["almanac"] = b.meta()
}

// outlineTargets dashes the outline of every target and forecast bar and
// hatches its fill, so that it is told from a result without colour.
func (b *optionBuilder) outlineTargets(series []any) {
	b.eachItem(series, func(i int, s figure.Series, j int, item map[string]any) {
		if figure.Aimed(s.At(j).Status) {
			b.hatch(child(item, "itemStyle"), i)
		}
	})
	for i, s := range b.d.Series {
		if i < len(series) && figure.AllAimed(s) { // its key in the legend is hatched too
			m, _ := series[i].(map[string]any)
			style := child(m, "itemStyle")
			style["color"], style["borderColor"], style["borderWidth"] = lighter(dataColor(b.d, i)), dataColor(b.d, i), 1.5
			b.hatch(style, i)
		}
	}
}

// stripeEstimates draws thin light stripes over every estimate's bar, so
// that it is told from the results beside it (the chart's key says so).
func (b *optionBuilder) stripeEstimates(series []any) {
	b.eachItem(series, func(_ int, s figure.Series, j int, item map[string]any) {
		if s.At(j).Status == figure.StatusEstimate {
			child(item, "itemStyle")["decal"] = map[string]any{
				"symbol": "rect", "symbolSize": 1, "color": "rgba(255, 255, 255, 0.5)",
				"dashArrayX": []any{1, 0}, "dashArrayY": []any{2, 6}, "rotation": -math.Pi / 4,
			}
		}
	})
}

// eachItem calls f with the option's data item of every drawn number j of
// every series i.
func (b *optionBuilder) eachItem(series []any, f func(i int, s figure.Series, j int, item map[string]any)) {
	for i, s := range b.d.Series {
		if i >= len(series) {
			return
		}
		m, _ := series[i].(map[string]any)
		for j, item := range asList(m["data"]) {
			if point, ok := item.(map[string]any); ok && j < len(s.Values) && s.Values[j] != nil {
				f(i, s, j, point)
			}
		}
	}
}

// hatch dashes a target's outline and stripes its light fill.
func (b *optionBuilder) hatch(style map[string]any, i int) {
	style["borderType"] = "dashed"
	style["decal"] = map[string]any{
		"symbol": "rect", "symbolSize": 1, "color": hatchColor(dataColor(b.d, i)),
		"dashArrayX": []any{1, 0}, "dashArrayY": []any{3, 5}, "rotation": -math.Pi / 4,
	}
}

// child returns m[key] as an object, making it when missing.
func child(m map[string]any, key string) map[string]any {
	if c, ok := m[key].(map[string]any); ok {
		return c
	}
	c := map[string]any{}
	m[key] = c
	return c
}

// firstOf returns m[key], or its first element when it is a list, as an
// object.
func firstOf(m map[string]any, key string) map[string]any {
	switch v := m[key].(type) {
	case []any:
		if len(v) > 0 {
			if c, ok := v[0].(map[string]any); ok {
				return c
			}
		}
	case map[string]any:
		return v
	}
	return map[string]any{}
}

// description is the chart told in words, for screen readers: its kind,
// title and every number, in the page's language.
func description(ch site.Chart, d figure.Data, lang string) string {
	w := wordsFor(lang)
	t := Table(ch, d, lang)
	unit := "" // added to cells whose column head does not name it
	if t.UnitColumn || len(d.Series) == 1 {
		unit = t.Unit
	}
	var sb strings.Builder
	sb.WriteString(w.types[ch.Type])
	if ch.Title != "" {
		sb.WriteString(": " + ch.Title)
	}
	sb.WriteString(w.sentenceStop + " ")
	if len(d.Series) == 1 {
		sb.WriteString(t.Head[1] + w.sentenceStop + " ")
	}
	for i, row := range t.Rows {
		if i == maxDescribedRows {
			sb.WriteString("…")
			return sb.String()
		}
		if i > 0 {
			sb.WriteString(w.listSep)
		}
		sb.WriteString(row.Head + ": ")
		for j, cell := range row.Cells[:len(d.Series)] {
			if j > 0 {
				sb.WriteString(", ")
			}
			if len(d.Series) > 1 {
				sb.WriteString(t.Head[j+1] + " ")
			}
			sb.WriteString(describeCell(cell, unit, w))
		}
	}
	sb.WriteString(w.sentenceStop)
	return sb.String()
}

// maxDescribedRows bounds the description; the data table has the rest.
const maxDescribedRows = 24

func describeCell(cell TableCell, unit string, w *words) string {
	switch {
	case cell.Missing:
		return w.missing
	case unit == "":
		return cell.Text
	}
	return cell.Text + "\u00a0" + unit
}

// roundTo rounds v to decimals places.
func roundTo(v float64, decimals int) float64 {
	scale := math.Pow(10, float64(decimals))
	return math.Round(v*scale) / scale
}
