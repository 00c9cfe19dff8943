package chart

import (
	"math"
	"strings"

	"github.com/almanac-news/almanac/internal/site"
)

// finish sets what go-echarts has no field for, and adds the "almanac"
// key for the client script.
func (b *optionBuilder) finish(option map[string]any) {
	delete(option, "toolbox") // empty; the page offers the data as a table and a CSV file
	child(option, "tooltip")["confine"] = true
	switch b.ch.Type {
	case TypeBar, TypeChange:
		wrapLabels(firstOf(option, "yAxis"), 160)
		b.roomForLabels(firstOf(option, "xAxis"))
	case TypeColumn, TypeTarget:
		wrapLabels(firstOf(option, "xAxis"), columnLabelWidth(len(b.d.Categories)))
		b.roomForLabels(firstOf(option, "yAxis"))
	case TypeLine:
		firstOf(option, "xAxis")["boundaryGap"] = false
	case TypePie, TypeDonut:
		label := child(firstOf(option, "series"), "label")
		label["position"] = "outside"
		label["overflow"] = "break" // wrap a long label rather than cut it
		label["width"] = 140
		label["lineHeight"] = labelLineHeight
	}
	if b.ch.Type == TypeChange {
		child(firstOf(option, "series"), "markLine")["silent"] = true
	}
	if b.ch.Type == TypeTarget {
		b.outlineTargets(asList(option["series"]))
	}
	option["almanac"] = b.meta()
}

// roomForLabels widens a value axis beyond the longest bars, on the side
// of the values shown, so that the numbers written beyond the bars' ends
// stay inside the chart.
func (b *optionBuilder) roomForLabels(axis map[string]any) {
	if !b.showLabels {
		return
	}
	var below, above any = 0, 0
	for _, s := range b.d.Series {
		for _, v := range s.Values {
			switch {
			case v != nil && *v < 0:
				below = labelRoom
			case v != nil && *v > 0:
				above = labelRoom
			}
		}
	}
	axis["boundaryGap"] = []any{below, above}
}

// labelRoom is the share of a value axis added for bar labels.
const labelRoom = "15%"

// columnLabelWidth is how wide, in pixels, a label under a column may
// be: narrower the more columns share the width.
func columnLabelWidth(categories int) int {
	switch {
	case categories <= 3:
		return 160
	case categories <= 6:
		return 110
	}
	return 80
}

// wrapLabels lets a category axis write every label, broken over lines
// no wider than width pixels.
func wrapLabels(axis map[string]any, width int) {
	label := child(axis, "axisLabel")
	label["interval"] = 0
	label["width"] = width
	label["overflow"] = "break"
	label["lineHeight"] = labelLineHeight
}

// labelLineHeight spaces the lines of a wrapped label, in pixels; ECharts'
// own guess, taken from the font, can let the lines overlap.
const labelLineHeight = 15

// outlineTargets dashes the outline of every target and forecast bar and
// hatches its fill, so that it is told from a result without colour.
func (b *optionBuilder) outlineTargets(series []any) {
	for i, s := range b.d.Series {
		if i >= len(series) {
			return
		}
		m, _ := series[i].(map[string]any)
		for j, item := range asList(m["data"]) {
			point, ok := item.(map[string]any)
			if !ok || j >= len(s.Values) || s.Values[j] == nil || !aimed(s.point(j).Status) {
				continue
			}
			style := child(point, "itemStyle")
			style["borderType"] = "dashed"
			style["decal"] = map[string]any{
				"symbol": "rect", "symbolSize": 1, "color": hatchColor(seriesColor(i)),
				"dashArrayX": []any{1, 0}, "dashArrayY": []any{3, 5}, "rotation": -math.Pi / 4,
			}
		}
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
func description(ch site.Chart, d Data, lang string) string {
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
