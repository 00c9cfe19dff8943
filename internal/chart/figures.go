package chart

import (
	"fmt"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// FromFigures picks the figures of ch.Indicators (all of the page's
// indicators when the chart names none) for ch.Periods (every period they
// have when it names none), takes the measure the chart shows (the change
// for a change chart, else ch.Measure) and arranges them for the chart's
// type:
//
//   - bar, column: one category per indicator, one series per period;
//   - line: one category per period, in time order, one series per
//     indicator, each point keeping its status so that estimates, targets
//     and forecasts can be drawn dashed;
//   - pie, donut, change: one category per indicator, one period;
//   - target: one category per indicator, a series of actual or estimated
//     results and a series of targets.
//
// Where an indicator has several figures for one period, an actual number
// is preferred to an estimate, an estimate to a forecast and a forecast to
// a target. Problems (an unknown indicator or period, an indicator with no
// figure to chart, units that cannot share an axis) are reported at the
// chart's line in file.
func FromFigures(file string, ch site.Chart, figs []site.Figure) (Data, []*diag.Problem) {
	b := figureChart{
		file:    file,
		ch:      ch,
		measure: measureOf(ch),
		figures: indexFigures(figs),
		found:   map[string]bool{},
	}
	b.indicators = ch.Indicators
	if len(b.indicators) == 0 {
		b.indicators = b.figures.order
	}
	b.checkIndicators()
	b.checkPeriods()
	if len(b.problems) > 0 {
		return Data{}, b.problems
	}
	d := b.arrange()
	if len(b.problems) > 0 {
		return Data{}, b.problems
	}
	b.checkFound()
	b.setUnits(&d)
	if len(b.problems) == 0 {
		b.problems = append(b.problems, checkShape(b.pos(), ch, d)...)
	}
	if hasErrors(b.problems) {
		return Data{}, b.problems
	}
	return d, b.problems
}

// arrange lays the figures out for the chart's type.
func (b *figureChart) arrange() Data {
	switch b.ch.Type {
	case TypeBar, TypeColumn:
		return b.byPeriod(b.periods())
	case TypeLine:
		return b.timeSeries()
	case TypePie, TypeDonut, TypeChange:
		return b.onePeriod()
	case TypeTarget:
		return b.againstTargets()
	}
	b.report(diag.Errorf(b.pos(), "chart %q has type %q, which Almanac cannot draw", b.ch.ID, b.ch.Type).
		WithHint("use one of: %s", strings.Join(chartTypes, ", ")))
	return Data{}
}

// chartTypes lists the types Almanac draws, for hints.
var chartTypes = []string{TypeBar, TypeColumn, TypeLine, TypePie, TypeDonut, TypeChange, TypeTarget}

// figureChart is the state of one FromFigures call.
type figureChart struct {
	file       string
	ch         site.Chart
	measure    string
	figures    figureIndex
	indicators []string
	found      map[string]bool // indicators that gave at least one number
	used       []site.Figure   // every figure charted
	problems   []*diag.Problem
}

func (b *figureChart) pos() diag.Pos { return diag.Pos{File: b.file, Line: b.ch.Line} }

func (b *figureChart) report(p *diag.Problem) { b.problems = append(b.problems, p) }

// checkIndicators reports indicators no figure of the page has.
func (b *figureChart) checkIndicators() {
	if len(b.figures.order) == 0 {
		b.report(diag.Errorf(b.pos(), "chart %q has no figures to show: the page declares none", b.ch.ID).
			WithHint("add the numbers to the front matter's figures list, or give the chart a data: CSV file"))
		return
	}
	for _, ind := range b.indicators {
		if _, ok := b.figures.byIndicator[ind]; !ok {
			b.report(diag.Errorf(b.pos(), "chart %q names indicator %q, which no figure of this page has", b.ch.ID, ind).
				WithHint("use one of: %s", strings.Join(b.figures.order, ", ")))
		}
	}
}

// checkPeriods reports periods none of the chart's indicators has.
func (b *figureChart) checkPeriods() {
	known := b.allPeriods(func(site.Figure) bool { return true })
	for _, p := range b.ch.Periods {
		if !slices.Contains(known, p) {
			b.report(diag.Errorf(b.pos(), "chart %q names period %q, but none of its indicators has a figure for it", b.ch.ID, p).
				WithHint("use one of: %s", quoteAll(known)))
		}
	}
	if b.ch.Type == TypeLine {
		if a, c, mixed := mixedPeriodKinds(b.periods()); mixed {
			pa, _ := parsePeriod(a)
			pc, _ := parsePeriod(c)
			b.report(diag.Errorf(b.pos(), "line chart %q mixes %s and %s periods (%q and %q)",
				b.ch.ID, periodKindName(pa.kind), periodKindName(pc.kind), a, c).
				WithHint("a line needs periods of one kind: list them in the chart's periods"))
		}
	}
}

// allPeriods returns, in time order, the periods of the chart's indicators'
// figures that keep returns true for.
func (b *figureChart) allPeriods(keep func(site.Figure) bool) []string {
	var periods []string
	for _, ind := range b.indicators {
		for _, f := range b.figures.byIndicator[ind] {
			if keep(f) && !slices.Contains(periods, f.Period) {
				periods = append(periods, f.Period)
			}
		}
	}
	sortPeriods(periods)
	return periods
}

// periods returns the chart's periods in time order: those it names, or
// every period in which one of its indicators has the measure.
func (b *figureChart) periods() []string {
	if len(b.ch.Periods) > 0 {
		periods := slices.Clone(b.ch.Periods)
		if b.ch.Type == TypeLine {
			sortPeriods(periods)
		}
		return periods
	}
	return b.allPeriods(func(f site.Figure) bool { return hasMeasure(f, b.measure) })
}

// take returns the number of the indicator's best figure for the period
// whose status accept allows, and records the figure as charted.
func (b *figureChart) take(ind, period string, accept func(string) bool) (*float64, string) {
	f, ok := b.figures.best(ind, period, b.measure, accept)
	if !ok {
		return nil, ""
	}
	b.found[ind] = true
	b.used = append(b.used, f)
	v := f.Value
	if b.measure == MeasureChange {
		v = f.Change
	}
	return &v, f.Status
}

func anyStatus(string) bool { return true }

// labels returns the labels of the chart's indicators.
func (b *figureChart) labels() []string {
	labels := make([]string, len(b.indicators))
	for i, ind := range b.indicators {
		labels[i] = b.figures.label(ind)
	}
	return labels
}

// byPeriod makes one series per period, one value per indicator.
func (b *figureChart) byPeriod(periods []string) Data {
	d := Data{Categories: b.labels()}
	for _, p := range periods {
		s := Series{Name: p, Values: make([]*float64, len(b.indicators))}
		var statuses []string
		for i, ind := range b.indicators {
			var status string
			s.Values[i], status = b.take(ind, p, anyStatus)
			if s.Values[i] != nil {
				statuses = append(statuses, status)
			}
		}
		s.Status = commonStatus(statuses)
		d.Series = append(d.Series, s)
	}
	return d
}

// timeSeries makes one series per indicator, one value per period.
func (b *figureChart) timeSeries() Data {
	periods := b.periods()
	d := Data{Categories: periods}
	for _, ind := range b.indicators {
		s := Series{
			Name:     b.figures.label(ind),
			Values:   make([]*float64, len(periods)),
			Statuses: make([]string, len(periods)),
		}
		var statuses []string
		for i, p := range periods {
			s.Values[i], s.Statuses[i] = b.take(ind, p, anyStatus)
			if s.Values[i] != nil {
				statuses = append(statuses, s.Statuses[i])
			}
		}
		s.Status = commonStatus(statuses)
		d.Series = append(d.Series, s)
	}
	return d
}

// onePeriod makes a single series for the chart's one period.
func (b *figureChart) onePeriod() Data {
	periods := b.periods()
	if len(periods) > 1 {
		b.report(diag.Errorf(b.pos(), "a %s chart shows one period, but chart %q has %d: %s",
			b.ch.Type, b.ch.ID, len(periods), quoteAll(periods)).
			WithHint("name the one to show, e.g. periods: [%q]", periods[len(periods)-1]))
		return Data{}
	}
	if len(periods) == 0 {
		return Data{Categories: b.labels(), Series: []Series{{Values: make([]*float64, len(b.indicators))}}}
	}
	return b.byPeriod(periods)
}

// againstTargets makes a series of results (actual or estimated) and a
// series of targets, the latest of each for every indicator.
func (b *figureChart) againstTargets() Data {
	periods := b.periods()
	slices.Reverse(periods) // latest first
	achieved := Series{Values: make([]*float64, len(b.indicators))}
	targets := Series{Values: make([]*float64, len(b.indicators)), Status: StatusTarget}
	var achievedPeriods, achievedStatuses, targetPeriods []string
	for i, ind := range b.indicators {
		for _, p := range periods {
			if achieved.Values[i] == nil {
				var status string
				achieved.Values[i], status = b.take(ind, p, isResult)
				if achieved.Values[i] != nil {
					achievedPeriods = append(achievedPeriods, p)
					achievedStatuses = append(achievedStatuses, status)
				}
			}
			if targets.Values[i] == nil {
				if targets.Values[i], _ = b.take(ind, p, isTarget); targets.Values[i] != nil {
					targetPeriods = append(targetPeriods, p)
				}
			}
		}
	}
	achieved.Name, achieved.Status = commonStatus(achievedPeriods), commonStatus(achievedStatuses)
	targets.Name = commonStatus(targetPeriods)
	if len(targetPeriods) == 0 {
		b.report(diag.Errorf(b.pos(), "target chart %q has no figure with status: target for its indicators", b.ch.ID).
			WithHint("add the targets to the figures list with status: target, or use type: column"))
	}
	return Data{Categories: b.labels(), Series: []Series{achieved, targets}}
}

func isResult(status string) bool {
	return status == StatusActual || status == StatusEstimate || status == ""
}
func isTarget(status string) bool { return status == StatusTarget }

// checkFound reports the indicators that gave the chart no number.
func (b *figureChart) checkFound() {
	for _, ind := range b.indicators {
		if b.found[ind] {
			continue
		}
		p := diag.Errorf(b.pos(), "chart %q: no figure gives the %s of %q%s", b.ch.ID, b.measure, ind, b.forPeriods())
		for _, f := range b.figures.byIndicator[ind] {
			if len(b.ch.Periods) == 0 || slices.Contains(b.ch.Periods, f.Period) {
				p.Also(diag.Pos{File: b.file, Line: f.Line})
			}
		}
		if b.measure == MeasureChange {
			p.WithHint("add change: to its figure, or take %q out of the chart's indicators", ind)
		} else {
			p.WithHint("add value: to its figure, or take %q out of the chart's indicators", ind)
		}
		b.report(p)
	}
}

func (b *figureChart) forPeriods() string {
	if len(b.ch.Periods) == 0 {
		return ""
	}
	return " for " + quoteAll(b.ch.Periods)
}

// setUnits sets the data's unit and decimals from the charted figures.
// Units that differ are an error, except on a line chart, whose series
// (one per indicator) keep their own units.
func (b *figureChart) setUnits(d *Data) {
	for _, f := range b.used {
		prec := f.Precision
		if b.measure == MeasureChange {
			prec = f.ChangePrecision
		}
		d.Decimals = max(d.Decimals, prec)
	}
	if b.measure == MeasureChange {
		d.Unit = "%"
		return
	}
	units := map[string]string{} // unit → first indicator in it
	var order []string
	for _, ind := range b.indicators {
		u := b.figures.unit(ind)
		if _, seen := units[u]; !seen && b.found[ind] {
			units[u] = ind
			order = append(order, u)
		}
	}
	switch {
	case len(order) == 1:
		d.Unit = order[0]
	case len(order) > 1 && b.ch.Type == TypeLine:
		for i := range d.Series {
			d.Series[i].Unit = b.figures.unit(b.indicators[i])
		}
	case len(order) > 1:
		b.report(diag.Errorf(b.pos(), "chart %q puts %q (%s) and %q (%s) on one scale",
			b.ch.ID, units[order[0]], order[0], units[order[1]], order[1]).
			WithHint("chart indicators of one unit together, or show their changes with measure: change"))
	}
}

// commonStatus returns the text all items share, or "" when they differ.
func commonStatus(items []string) string {
	if len(items) == 0 {
		return ""
	}
	for _, s := range items[1:] {
		if s != items[0] {
			return ""
		}
	}
	return items[0]
}

func quoteAll(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(quoted, ", ")
}

func hasErrors(ps []*diag.Problem) bool {
	return slices.ContainsFunc(ps, func(p *diag.Problem) bool { return p.Severity == diag.SeverityError })
}
