package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// missingPoint is how ECharts writes a gap in a series.
const missingPoint = "-"

// bars draws one bar series per data series. colorOf, when not nil,
// colours each bar by its value.
func (b *optionBuilder) bars(horizontal bool, colorOf func(float64) string) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(b.globals(len(b.d.Series) > 1, "axis")...)
	bar.SetGlobalOptions(b.axes(horizontal)...)
	bar.SetXAxis(b.categories())
	if horizontal {
		bar.XYReversal()
	}
	for i, s := range b.d.Series {
		bar.AddSeries(seriesLabel(b.lang, s), b.barData(s, horizontal, colorOf),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: seriesColor(i)}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(b.showLabels), Position: outside(horizontal, false)}))
		b.seriesUnits = append(b.seriesUnits, s.Unit)
	}
	return bar
}

// barData writes a series' numbers as bar items; a negative bar has its
// label on its far side.
func (b *optionBuilder) barData(s Series, horizontal bool, colorOf func(float64) string) []opts.BarData {
	items := make([]opts.BarData, len(s.Values))
	for i, v := range s.Values {
		if v == nil {
			items[i] = opts.BarData{Value: missingPoint}
			continue
		}
		items[i] = opts.BarData{Value: *v}
		if *v < 0 {
			items[i].Label = &opts.Label{Position: outside(horizontal, true)}
		}
		if colorOf != nil {
			items[i].ItemStyle = &opts.ItemStyle{Color: colorOf(*v)}
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

// changes draws horizontal bars diverging from a zero line.
func (b *optionBuilder) changes() *charts.Bar {
	bar := b.bars(true, func(v float64) string {
		if v < 0 {
			return colorDecrease
		}
		return colorIncrease
	})
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

// targets draws each result beside its target, the target light, hatched
// and outlined.
func (b *optionBuilder) targets() *charts.Bar {
	bar := b.bars(true, nil)
	bar.MultiSeries[1].ConfigureSeriesOpts(charts.WithItemStyleOpts(opts.ItemStyle{
		Color:       targetFill,
		BorderColor: seriesColor(0),
		BorderWidth: 1.5,
	}))
	return bar
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
				line.AddSeries(seriesLabel(b.lang, s), lineData(part.values), lineStyle(seriesColor(i), part.dashed)...)
				b.seriesUnits = append(b.seriesUnits, s.Unit)
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
// line and those of its dashed line, nil when a line has no segment. A
// segment is dashed when either of its ends is projected; a projected
// point standing alone gets its hollow mark from the dashed line.
func splitProjected(s Series) (solid, dashed []*float64) {
	n := len(s.Values)
	solid, dashed = make([]*float64, n), make([]*float64, n)
	isProjected := func(i int) bool { return i >= 0 && i < n && s.Values[i] != nil && projected(s.pointStatus(i)) }
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

// parts draws a pie, or a donut.
func (b *optionBuilder) parts() *charts.Pie {
	pie := charts.NewPie()
	pie.SetGlobalOptions(b.globals(false, "item")...)
	s := b.d.Series[0]
	items := make([]opts.PieData, len(s.Values))
	for i, label := range b.categories() {
		items[i] = opts.PieData{Name: label, Value: *s.Values[i], ItemStyle: &opts.ItemStyle{Color: seriesColor(i)}}
	}
	var radius any = "70%"
	if b.ch.Type == TypeDonut {
		radius = []string{"40%", "70%"}
	}
	pie.AddSeries(seriesLabel(b.lang, s), items,
		charts.WithPieChartOpts(opts.PieChart{Radius: radius, Center: []string{"50%", "50%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	b.seriesUnits = append(b.seriesUnits, s.Unit)
	return pie
}
