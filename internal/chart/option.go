package chart

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/almanac-news/almanac/internal/site"
)

// Option returns the Apache ECharts option that draws the chart in the
// browser, as a JSON-encodable map[string]any.
//
//   - bar: horizontal bars, the first category on top, for long labels;
//   - column: vertical bars;
//   - line: one line per indicator over time; where a point is an
//     estimate, a target or a forecast the line is dashed and the point
//     hollow;
//   - pie, donut: parts of a whole (a donut has radius ["40%", "70%"]);
//   - change: horizontal bars diverging from a zero line, increases in
//     blue and decreases in vermillion;
//   - target: each result beside its target, the target a light hatched
//     bar outlined in the result's colour.
//
// The option holds data and styles only, no JavaScript. Its "almanac" key
// tells assets/js/charts.js how to write the numbers on axes, labels and
// tooltips: {"lang", "kind", "measure", "unit", "decimals", "seriesUnits"}.
// The option is checked before it is returned: every series has a number
// or a gap for every category, and the data fits the chart's type.
func Option(ch site.Chart, d Data, lang string) (any, error) {
	if err := checkData(ch, d); err != nil {
		return nil, fmt.Errorf("chart %q: %w", ch.ID, err)
	}
	b := &optionBuilder{ch: ch, d: d, lang: lang, showLabels: len(d.Categories)*len(d.Series) <= maxLabelledBars}
	var built renderable
	switch ch.Type {
	case TypeBar:
		built = b.bars(true, nil)
	case TypeColumn:
		built = b.bars(false, nil)
	case TypeChange:
		built = b.changes()
	case TypeTarget:
		built = b.targets()
	case TypeLine:
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
	ch          site.Chart
	d           Data
	lang        string
	showLabels  bool     // write each bar's number beside it
	seriesUnits []string // unit of each ECharts series, in order
}

// categories are the category names as readers see them.
func (b *optionBuilder) categories() []string {
	labels := make([]string, len(b.d.Categories))
	for i, c := range b.d.Categories {
		labels[i] = periodLabel(b.lang, c)
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
	bottom := "8"
	if legend {
		bottom = "40"
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
		charts.WithGridOpts(opts.Grid{Top: "24", Bottom: bottom, Left: "8", Right: "32", ContainLabel: opts.Bool(true)}),
	}
}

// axes sets a category axis and a value axis; with horizontal the
// categories run down the left side, the first on top.
func (b *optionBuilder) axes(horizontal bool) []charts.GlobalOpts {
	category := opts.XAxis{Type: "category", AxisTick: &opts.AxisTick{Show: opts.Bool(false)}}
	value := opts.YAxis{Type: "value", SplitLine: &opts.SplitLine{Show: opts.Bool(true)}}
	if !horizontal {
		return []charts.GlobalOpts{charts.WithXAxisOpts(category), charts.WithYAxisOpts(value)}
	}
	return []charts.GlobalOpts{
		charts.WithXAxisOpts(opts.XAxis{Type: "value", SplitLine: value.SplitLine}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	}
}

// meta is the option's "almanac" key, read by assets/js/charts.js.
func (b *optionBuilder) meta() map[string]any {
	m := map[string]any{
		"lang":     b.lang,
		"kind":     b.ch.Type,
		"measure":  measureOf(b.ch),
		"unit":     b.d.Unit,
		"decimals": b.d.Decimals,
	}
	if b.d.Unit == "" {
		m["seriesUnits"] = b.seriesUnits
	}
	return m
}
