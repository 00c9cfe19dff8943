package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/almanac-news/almanac/internal/figure"
)

// missingPoint is how ECharts writes a gap in a series.
const missingPoint = "-"

// itemStyler styles value j of series i, or returns nil for the series'
// own style.
type itemStyler func(i int, s figure.Series, j int) *opts.ItemStyle

// bars draws one bar series per data series.
func (b *optionBuilder) bars(horizontal bool, style itemStyler) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(b.globals(len(b.d.Series) > 1, "axis")...)
	bar.SetGlobalOptions(b.axes(horizontal)...)
	bar.SetXAxis(b.categories())
	if horizontal {
		bar.XYReversal()
	}
	for i, s := range b.d.Series {
		bar.AddSeries(b.seriesName(s), b.barData(i, s, horizontal, style),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: dataColor(b.d, i)}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(b.showLabels), Position: outside(horizontal, false)}))
		b.addPoints(s, s.Values)
	}
	return bar
}

// barData writes a series' numbers as bar items; a negative bar has its
// label beyond its far end.
func (b *optionBuilder) barData(i int, s figure.Series, horizontal bool, style itemStyler) []opts.BarData {
	items := make([]opts.BarData, len(s.Values))
	for j, v := range s.Values {
		if v == nil {
			items[j] = opts.BarData{Value: missingPoint}
			continue
		}
		items[j] = opts.BarData{Value: *v}
		if *v < 0 {
			items[j].Label = &opts.Label{Position: outside(horizontal, true)}
		}
		if style != nil {
			items[j].ItemStyle = style(i, s, j)
		}
	}
	return items
}

// outside is the label position beyond the end of a bar.
func outside(horizontal, negative bool) string {
	switch {
	case horizontal && negative:
		return "left"
	case horizontal:
		return "right"
	case negative:
		return "bottom"
	}
	return "top"
}

// changes draws horizontal bars diverging from a zero line. Increases and
// decreases share their series' colour, unless the indicator has a
// polarity: then good news is green and bad news red.
func (b *optionBuilder) changes() *charts.Bar {
	bySign := func(i int, s figure.Series, j int) *opts.ItemStyle {
		if c := toneColor(s.At(j).Polarity, *s.Values[j]); c != "" {
			return &opts.ItemStyle{Color: c}
		}
		return nil
	}
	bar := b.bars(true, bySign)
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{
		Type:     "category",
		Inverse:  opts.Bool(true),
		AxisLine: &opts.AxisLine{OnZero: opts.Bool(false)}, // keep the labels at the left edge, clear of the bars
	}))
	bar.MultiSeries[0].ConfigureSeriesOpts(
		charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{XAxis: 0}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(false)},
			LineStyle: &opts.LineStyle{Color: colorZeroLine, Width: 1.5, Type: "solid"},
		}))
	return bar
}

// targets draws columns in which targets and forecasts are lighter and
// outlined in their series' colour (finish adds the dashes and hatching).
func (b *optionBuilder) targets() *charts.Bar {
	return b.bars(false, func(i int, s figure.Series, j int) *opts.ItemStyle {
		if !figure.Aimed(s.At(j).Status) {
			return nil
		}
		return &opts.ItemStyle{Color: lighter(dataColor(b.d, i)), BorderColor: dataColor(b.d, i), BorderWidth: 1.5}
	})
}

// lines draws one line per data series. Where a point is projected (an
// estimate, a target or a forecast) the line is drawn as a second, dashed
// series of the same name and colour, so the legend shows one entry.
func (b *optionBuilder) lines() *charts.Line {
	line := charts.NewLine()
	line.SetGlobalOptions(b.globals(len(b.d.Series) > 1, "item")...)
	line.SetGlobalOptions(b.axes(false)...)
	line.SetXAxis(b.categories())
	for i, s := range b.d.Series {
		solid, dashed := splitProjected(s)
		for _, part := range []struct {
			values []*float64
			dashed bool
		}{{solid, false}, {dashed, true}} {
			if part.values != nil {
				line.AddSeries(b.seriesName(s), lineData(part.values), lineStyle(dataColor(b.d, i), part.dashed)...)
				b.addPoints(s, part.values)
			}
		}
	}
	return line
}

func lineData(values []*float64) []opts.LineData {
	items := make([]opts.LineData, len(values))
	for i, v := range values {
		if v == nil {
			items[i] = opts.LineData{Value: missingPoint}
		} else {
			items[i] = opts.LineData{Value: *v}
		}
	}
	return items
}

// lineStyle draws a line solid with filled points, or dashed with hollow
// points.
func lineStyle(color string, dashed bool) []charts.SeriesOpts {
	kind, symbol := "solid", "circle"
	if dashed {
		kind, symbol = "dashed", "emptyCircle"
	}
	return []charts.SeriesOpts{
		charts.WithLineStyleOpts(opts.LineStyle{Color: color, Width: 2.5, Type: kind}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Symbol = symbol
			s.SymbolSize = 8
			s.ConnectNulls = opts.Bool(false)
		}),
	}
}

// splitProjected splits a series' values into the points of its solid
// line and those of its dashed line, nil when a line has no point. A
// segment is dashed when either of its ends is projected.
func splitProjected(s figure.Series) (solid, dashed []*float64) {
	n := len(s.Values)
	solid, dashed = make([]*float64, n), make([]*float64, n)
	isProjected := func(i int) bool { return i >= 0 && i < n && s.Values[i] != nil && figure.Projected(s.At(i).Status) }
	var anySolid, anyDashed bool
	for i, v := range s.Values {
		if v == nil {
			continue
		}
		if isProjected(i) || isProjected(i-1) || isProjected(i+1) {
			dashed[i], anyDashed = v, true
		}
		if !isProjected(i) {
			solid[i], anySolid = v, true
		}
	}
	if !anySolid {
		solid = nil
	}
	if !anyDashed {
		dashed = nil
	}
	return solid, dashed
}

// parts draws a pie, or a donut, leaving out the slices of gaps.
func (b *optionBuilder) parts() *charts.Pie {
	pie := charts.NewPie()
	pie.SetGlobalOptions(b.globals(false, "item")...)
	s := b.d.Series[0]
	var items []opts.PieData
	var drawn figure.Series
	for i, label := range b.categories() {
		if v := s.Values[i]; v != nil {
			items = append(items, opts.PieData{Name: label, Value: *v, ItemStyle: &opts.ItemStyle{Color: categoryColor(b.d, i)}})
			drawn.Values = append(drawn.Values, v)
			drawn.Points = append(drawn.Points, s.At(i))
		}
	}
	var radius any = "70%"
	if b.ch.Type == figure.ChartDonut {
		radius = []string{"40%", "70%"}
	}
	pie.AddSeries(b.seriesName(s), items,
		charts.WithPieChartOpts(opts.PieChart{Radius: radius, Center: []string{"50%", "50%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	b.addPoints(drawn, drawn.Values)
	b.shares = shares(drawn.Values)
	return pie
}

// shares returns each value's share of their total in per cent, rounded
// to one decimal: the one number Almanac computes for readers.
func shares(values []*float64) []float64 {
	total := 0.0
	for _, v := range values {
		total += *v
	}
	out := make([]float64, len(values))
	for i, v := range values {
		out[i] = roundTo(*v/total*100, 1)
	}
	return out
}
