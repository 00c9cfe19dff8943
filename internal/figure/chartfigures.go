package figure

import (
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// ChartFromFigures picks the figures of ch.Indicators for ch.Periods (every
// period the indicators have, in time order, when it names none), takes
// the measure the chart shows (the change for a change chart, else
// ch.Measure) and lays them out for the chart's type (docs/figures.md,
// section 4.1):
//
//   - column, bar, change, target: with one indicator, one category per
//     period and one series; with several, one category per indicator and
//     one series per period;
//   - line: one category per period, in time order, one series per
//     indicator;
//   - pie, donut: one category per indicator, for exactly one period.
//
// Errors (an unknown indicator or period, a chart with nothing to draw,
// mixed units, a target chart without targets, a pie of several periods)
// are reported at the offending entry or at the chart; every gap, a
// category and series with no number, gets a warning.
func ChartFromFigures(file string, ch site.Chart, figs []site.Figure) (Data, []*diag.Problem) {
	b := figureChart{file: file, ch: ch, measure: MeasureOf(ch), figures: indexFigures(figs)}
	if err := checkType(ch); err != nil {
		return Data{}, []*diag.Problem{err.at(b.pos())}
	}
	b.checkIndicators()
	if !diag.HasError(b.problems) {
		b.checkPeriods()
	}
	if diag.HasError(b.problems) {
		return Data{}, b.problems
	}
	d := b.arrange()
	if !diag.HasError(b.problems) {
		b.checkDrawn(&d)
	}
	if !diag.HasError(b.problems) {
		b.problems = append(b.problems, checkShape(b.pos(), ch, d)...)
	}
	if diag.HasError(b.problems) {
		return Data{}, b.problems
	}
	return d, b.problems
}

// figureChart is the state of one ChartFromFigures call.
type figureChart struct {
	file     string
	ch       site.Chart
	measure  string
	figures  figureIndex
	problems []*diag.Problem
}

// pos is the chart's position: its first key.
func (b *figureChart) pos() diag.Pos {
	return diag.Pos{File: b.file, Line: b.ch.Line, Col: b.ch.Col}
}

// entryPos is the position of entry i of a list of the chart's, or the
// chart's own when the entry's is unknown.
func (b *figureChart) entryPos(positions []site.Position, i int) diag.Pos {
	if i < len(positions) && positions[i].Line > 0 {
		return diag.Pos{File: b.file, Line: positions[i].Line, Col: positions[i].Col}
	}
	return b.pos()
}

func (b *figureChart) report(p *diag.Problem) { b.problems = append(b.problems, p) }

// checkIndicators reports a chart without indicators and indicators no
// figure of the page has.
func (b *figureChart) checkIndicators() {
	if len(b.ch.Indicators) == 0 {
		b.report(diag.Errorf(b.pos(), "chart %s draws nothing", b.ch.ID).
			WithHint("add indicators: [...] or data: file.csv"))
		return
	}
	for i, ind := range b.ch.Indicators {
		if _, ok := b.figures.byIndicator[ind]; ok {
			continue
		}
		p := diag.Errorf(b.entryPos(b.ch.IndicatorPos, i), "chart %s names indicator %s, which no figure has", b.ch.ID, ind)
		if near := diag.Closest(ind, b.figures.order); near != "" {
			p.WithHint("did you mean %s?", near)
		} else if len(b.figures.order) > 0 {
			p.WithHint("the indicators are %s", strings.Join(b.figures.order, ", "))
		} else {
			p.WithHint("add the numbers to the front matter's figures list, or draw a CSV file with data:")
		}
		b.report(p)
	}
}

// checkPeriods reports periods none of the chart's indicators has, and a
// line mixing kinds of period.
func (b *figureChart) checkPeriods() {
	known := b.allPeriods(func(site.Figure) bool { return true })
	for i, p := range b.ch.Periods {
		if !slices.Contains(known, p) {
			b.report(diag.Errorf(b.entryPos(b.ch.PeriodPos, i), "chart %s names period %s, which none of its indicators has", b.ch.ID, p).
				WithHint("they have %s", strings.Join(known, ", ")))
		}
	}
	if b.ch.Type != ChartLine {
		return
	}
	if a, c, mixed := MixedKinds(b.periods()); mixed {
		b.report(diag.Errorf(b.pos(), "line chart %s mixes %s and %s periods (%s and %s)",
			b.ch.ID, a.Kind().Name(), c.Kind().Name(), a, c).
			WithHint("a line needs periods of one kind: list them in the chart's periods"))
	}
}

// allPeriods returns, in time order, the periods of the chart's indicators'
// figures that keep returns true for.
func (b *figureChart) allPeriods(keep func(site.Figure) bool) []string {
	var periods []string
	for _, ind := range b.ch.Indicators {
		for _, f := range b.figures.byIndicator[ind] {
			if keep(f) && !slices.Contains(periods, f.Period) {
				periods = append(periods, f.Period)
			}
		}
	}
	SortPeriods(periods)
	return periods
}

// periods returns the chart's periods: those it names, in its order (in
// time order for a line), or every period in which one of its
// indicators has the measure, in time order.
func (b *figureChart) periods() []string {
	if len(b.ch.Periods) == 0 {
		return b.allPeriods(func(f site.Figure) bool { return hasMeasure(f, b.measure) })
	}
	periods := slices.Clone(b.ch.Periods)
	if b.ch.Type == ChartLine {
		SortPeriods(periods)
	}
	return periods
}

// arrange lays the figures out for the chart's type.
func (b *figureChart) arrange() Data {
	periods := b.periods()
	switch b.ch.Type {
	case ChartLine:
		return b.grid(periods, false)
	case ChartPie, ChartDonut:
		if len(periods) != 1 {
			b.report(diag.Errorf(b.pos(), "a %s chart draws exactly one period; this one has %d", b.ch.Type, len(periods)).
				WithHint("name the one to draw, e.g. periods: [%q]", lastOr(periods, "2020")))
			return Data{}
		}
		return b.grid(periods, true)
	case ChartBar, ChartColumn, ChartChange, ChartTarget:
		return b.grid(periods, len(b.ch.Indicators) > 1)
	}
	return Data{} // never: ChartFromFigures checked the type
}

// grid makes one category per indicator and one series per period
// (byIndicator), or one category per period and one series per indicator.
func (b *figureChart) grid(periods []string, byIndicator bool) Data {
	inds := b.ch.Indicators
	d := Data{ByIndicator: byIndicator}
	cell := func(cat, ser int) (string, string) { return inds[ser], periods[cat] }
	if byIndicator {
		cell = func(cat, ser int) (string, string) { return inds[cat], periods[ser] }
		for _, ind := range inds {
			d.Categories = append(d.Categories, b.figures.label(ind))
		}
		for _, p := range periods {
			d.Series = append(d.Series, Series{Name: p, Key: p})
		}
	} else {
		d.Categories = slices.Clone(periods)
		for _, ind := range inds {
			d.Series = append(d.Series, Series{Name: b.figures.label(ind), Key: ind, Unit: b.figures.unit(ind)})
		}
	}
	for c := range d.Categories {
		for s := range d.Series {
			ind, period := cell(c, s)
			v, pt, f := b.take(ind, period)
			d.Series[s].Values = append(d.Series[s].Values, v)
			d.Series[s].Points = append(d.Series[s].Points, pt)
			if f != nil {
				d.Figures = append(d.Figures, *f)
			}
		}
	}
	b.colour(&d, inds, byIndicator)
	return d
}

// colour gives each indicator the palette slot of its place among the
// page's indicators, the same in every chart of the page. Series of
// periods take the palette in time order, except targets and forecasts,
// which take the slot of the latest result before them (drawn lighter
// and hatched).
func (b *figureChart) colour(d *Data, inds []string, byIndicator bool) {
	slots := make([]int, len(inds))
	for i, ind := range inds {
		slots[i] = max(0, slices.Index(b.figures.order, ind))
	}
	if !byIndicator {
		d.Slots = slots
		return
	}
	d.CategorySlots = slots
	result := -1
	for i, s := range d.Series {
		slot := i
		if AllAimed(s) && result >= 0 {
			slot = result
		} else if !AllAimed(s) {
			result = slot
		}
		d.Slots = append(d.Slots, slot)
	}
}

// take returns the number the chart draws for an indicator and period,
// how it was given and its figure; nil when there is none.
func (b *figureChart) take(ind, period string) (*float64, Point, *site.Figure) {
	f, ok := b.figures.find(ind, period)
	if !ok || !hasMeasure(f, b.measure) {
		return nil, Point{}, nil
	}
	v, pt := f.Value, Point{Decimals: f.Precision, Status: f.Status, Qualifier: f.Qualifier, Note: f.Note, Polarity: f.Polarity}
	if b.measure == MeasureChange {
		v, pt = f.Change, Point{Decimals: f.ChangePrecision, Status: f.Status, Base: f.Base, Note: f.Note, Polarity: f.Polarity}
	}
	return &v, pt, &f
}

func lastOr(items []string, fallback string) string {
	if len(items) == 0 {
		return fallback
	}
	return items[len(items)-1]
}

// allAimed reports whether every number of a series is a target or a
// forecast.
func AllAimed(s Series) bool {
	n := 0
	for i, v := range s.Values {
		if v != nil {
			if !Aimed(s.At(i).Status) {
				return false
			}
			n++
		}
	}
	return n > 0
}
