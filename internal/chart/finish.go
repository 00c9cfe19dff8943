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
	case TypeBar, TypeChange, TypeTarget:
		wrapLabels(firstOf(option, "yAxis"), 160)
		b.roomForLabels(firstOf(option, "xAxis"))
	case TypeColumn:
		wrapLabels(firstOf(option, "xAxis"), 96)
		b.roomForLabels(firstOf(option, "yAxis"))
	case TypeLine:
		firstOf(option, "xAxis")["boundaryGap"] = false
	case TypePie, TypeDonut:
		child(firstOf(option, "series"), "label")["position"] = "outside"
	}
	if b.ch.Type == TypeChange {
		child(firstOf(option, "series"), "markLine")["silent"] = true
	}
	if b.ch.Type == TypeTarget {
		if series, ok := option["series"].([]any); ok && len(series) == 2 {
			if target, ok := series[1].(map[string]any); ok {
				setHatch(child(child(target, "itemStyle"), "decal"))
			}
		}
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

// wrapLabels lets a category axis write every label, broken over lines
// no wider than width pixels.
func wrapLabels(axis map[string]any, width int) {
	label := child(axis, "axisLabel")
	label["interval"] = 0
	label["width"] = width
	label["overflow"] = "break"
}

// setHatch fills a decal with thin diagonal stripes.
func setHatch(decal map[string]any) {
	decal["symbol"] = "rect"
	decal["symbolSize"] = 1
	decal["color"] = targetHatch
	decal["dashArrayX"] = []any{1, 0}
	decal["dashArrayY"] = []any{3, 5}
	decal["rotation"] = -math.Pi / 4
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
	var sb strings.Builder
	sb.WriteString(w.types[ch.Type])
	if ch.Title != "" {
		sb.WriteString(": " + ch.Title)
	}
	sb.WriteString(". ")
	for i, row := range t.Rows {
		if i == maxDescribedRows {
			sb.WriteString("…")
			break
		}
		if i > 0 {
			sb.WriteString(w.listSeparator)
		}
		sb.WriteString(row.Head + ": ")
		for j, cell := range row.Cells {
			if j > 0 {
				sb.WriteString(", ")
			}
			if len(row.Cells) > 1 {
				sb.WriteString(t.Head[j+1] + " ")
			}
			sb.WriteString(describeCell(cell, t.Unit, w))
		}
	}
	if len(t.Rows) <= maxDescribedRows {
		sb.WriteString(".")
	}
	return sb.String()
}

// maxDescribedRows bounds the description; the data table has the rest.
const maxDescribedRows = 24

func describeCell(cell TableCell, unit string, w *words) string {
	if cell.Missing {
		return w.missing
	}
	return withUnit(cell.Text, unit)
}
