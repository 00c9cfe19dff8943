package chart

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/site"
)

// Option returns the Apache ECharts option that draws the chart in the
// browser, as a JSON-encodable map[string]any (docs/figures.md, section 4.1):
//
//   - column: vertical bars; bar: horizontal bars, the first category on
//     top, for long labels;
//   - line: one line per indicator over time; where a point is an
//     estimate, a target or a forecast the line is dashed and the point
//     hollow;
//   - pie, donut: slices labelled with their share (a donut has radius
//     ["40%", "70%"]);
//   - change: horizontal bars growing right or left from a zero line,
//     increases in blue and decreases in vermillion;
//   - target: columns, targets and forecasts drawn lighter, hatched and
//     with a dashed outline.
//
// The option holds data and styles only, no JavaScript. Its "almanac" key
// tells assets/js/charts.js how to write the numbers on axes, labels and
// tooltips: {"lang", "kind", "measure", "unit", "decimals", "points",
// "shares"}, where points[i][j] gives the decimals, qualifier ("gần") and
// status ("ước đạt") of point j of series i, and shares the pie's shares
// in per cent. The option is checked before it is returned: every series
// has a number or a gap for every category, and nothing in it is code.
func Option(ch site.Chart, d figure.Data, lang string) (any, error) {
	if err := figure.CheckChartData(ch, d); err != nil {
		return nil, fmt.Errorf("chart %q: %w", ch.ID, err)
	}
	b := &optionBuilder{ch: ch, d: d, lang: lang, measure: figure.MeasureOf(ch),
		showLabels: len(d.Categories)*len(d.Series) <= maxLabelledBars}
	var built renderable
	switch ch.Type {
	case figure.ChartBar, figure.ChartColumn:
		built = b.bars(b.horizontal(), nil)
	case figure.ChartChange:
		built = b.changes()
	case figure.ChartTarget:
		built = b.targets()
	case figure.ChartLine:
		built = b.lines()
	default:
		built = b.parts()
	}
	built.Validate()
	option, err := canonical(built.JSON())
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", ch.ID, err)
	}
	b.finish(option)
	if option, err = canonical(option); err != nil {
		return nil, fmt.Errorf("chart %q: %w", ch.ID, err)
	}
	if err := validateOption(ch.Type, option); err != nil {
		return nil, fmt.Errorf("chart %q: the ECharts option is wrong: %w", ch.ID, err)
	}
	return option, nil
}

// maxLabelledBars is how many bars may carry their number as a label
// before the labels would crowd each other out.
const maxLabelledBars = 16

// renderable is a go-echarts chart.
type renderable interface {
	Validate()
	JSON() map[string]any
}

// canonical re-decodes an option into plain maps, slices, strings,
// float64s and bools, so that it can be checked and compared.
func canonical(v any) (map[string]any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding the ECharts option: %w", err)
	}
	var option map[string]any
	if err := json.Unmarshal(data, &option); err != nil {
		return nil, fmt.Errorf("decoding the ECharts option: %w", err)
	}
	return option, nil
}

// optionBuilder builds the option of one chart.
type optionBuilder struct {
	ch         site.Chart
	d          figure.Data
	lang       string
	measure    string
	showLabels bool      // write each bar's number beside it
	points     [][]any   // the "points" of the "almanac" key, one list per ECharts series
	shares     []float64 // a pie's shares, in per cent
}

// categories are the category names as readers see them.
func (b *optionBuilder) categories() []string {
	labels := make([]string, len(b.d.Categories))
	for i, c := range b.d.Categories {
		labels[i] = figure.PeriodText(b.lang, c)
	}
	return labels
}

// globals are the options every chart shares: the title (drawn by the
// page, so hidden here but read by screen readers), the description,
// palette, tooltip and legend.
func (b *optionBuilder) globals(legend bool, trigger string) []charts.GlobalOpts {
	tooltip := opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}
	if trigger == "axis" {
		tooltip.AxisPointer = &opts.AxisPointer{Type: "shadow"}
	}
	top, bottom := 24, 8
	if legend {
		bottom += 32
	}
	if b.axisName() != "" && b.horizontal() {
		bottom += 24 // the unit under the value axis
	} else if b.axisName() != "" {
		top += 16 // the unit above the value axis
	}
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: b.ch.Title, Show: opts.Bool(false)}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description(b.ch, b.d, b.lang)},
		}),
		charts.WithColorsOpts(palette),
		charts.WithTooltipOpts(tooltip),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Bottom: "0"}),
		charts.WithGridOpts(opts.Grid{Top: strconv.Itoa(top), Bottom: strconv.Itoa(bottom), Left: "8", Right: "32",
			ContainLabel: opts.Bool(true)}),
	}
}

// axes sets a category axis and a value axis, named after the unit; with
// horizontal the categories run down the left side, the first on top.
func (b *optionBuilder) axes(horizontal bool) []charts.GlobalOpts {
	split := &opts.SplitLine{Show: opts.Bool(true)}
	if !horizontal {
		return []charts.GlobalOpts{
			charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisTick: &opts.AxisTick{Show: opts.Bool(false)}}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: b.axisName(), SplitLine: split}),
		}
	}
	return []charts.GlobalOpts{
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: b.axisName(), NameLocation: "middle", NameGap: 28, SplitLine: split}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	}
}

// axisName is the name of the value axis: the unit of the values, none
// for changes (the ticks say per cent).
func (b *optionBuilder) axisName() string {
	if b.measure == figure.MeasureValue && b.ch.Type != figure.ChartPie && b.ch.Type != figure.ChartDonut {
		return b.d.Unit
	}
	return ""
}

// horizontal reports whether the chart's bars run left to right.
func (b *optionBuilder) horizontal() bool {
	return b.ch.Type == figure.ChartBar || b.ch.Type == figure.ChartChange
}

// seriesName is a series' name in the legend and tooltips: for a period,
// its status and period ("Ước đạt 2020"); else its label.
func (b *optionBuilder) seriesName(s figure.Series) string {
	if b.d.ByIndicator {
		return legendName(b.lang, s.Key, s.Status)
	}
	return s.Name
}

// addPoints records the "points" entry of the next ECharts series: for
// each value, how the client writes it; null for a gap.
func (b *optionBuilder) addPoints(s figure.Series, values []*float64) {
	w := wordsFor(b.lang)
	list := make([]any, len(values))
	for i, v := range values {
		if v == nil {
			continue
		}
		pt := s.At(i)
		m := map[string]any{"decimals": pt.Decimals}
		if q := w.qualifiers[pt.Qualifier]; q != "" && b.measure == figure.MeasureValue {
			m["qualifier"] = q
		}
		if word := w.shownStatus(pt.Status); word != "" {
			m["status"] = word
		}
		if n := noteNumber(b.d, pt.Note); n > 0 {
			m["note"] = n
		}
		list[i] = m
	}
	b.points = append(b.points, list)
}

// meta is the option's "almanac" key, read by assets/js/charts.js.
func (b *optionBuilder) meta() map[string]any {
	m := map[string]any{
		"lang":       b.lang,
		"kind":       b.ch.Type,
		"measure":    b.measure,
		"unit":       b.d.Unit,
		"decimals":   b.d.Decimals,
		"points":     b.points,
		"categories": categoryKind(b.d),
	}
	if b.shares != nil {
		m["shares"] = b.shares
	}
	if !b.showLabels {
		m["labels"] = false
	}
	if a := b.ch.Axis; a.HasMin || a.HasMax {
		axis := map[string]any{}
		if a.HasMin {
			axis["min"] = a.Min
		}
		if a.HasMax {
			axis["max"] = a.Max
		}
		m["axis"] = axis
	}
	return m
}

// categoryKind tells the client script how to thin category labels that
// do not fit: "periods" may show every n-th label; "names" may not, so a
// column chart of names is drawn as bars instead. A CSV file's first
// column counts as periods when every cell is at most 10 characters long
// and holds a digit ("2020", "T1/2021", "Q3 2020").
func categoryKind(d figure.Data) string {
	if d.ByIndicator {
		return "names"
	}
	if d.Figures != nil {
		return "periods"
	}
	for _, c := range d.Categories {
		if utf8.RuneCountInString(c) > 10 || !strings.ContainsAny(c, "0123456789") {
			return "names"
		}
	}
	return "periods"
}
