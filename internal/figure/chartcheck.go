package figure

import (
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// checkDrawn checks what the laid-out figures draw: something at all, one
// unit, targets on a target chart; it warns about every gap and sets the
// data's unit, decimals and the series' shared statuses.
func (b *figureChart) checkDrawn(d *Data) {
	drawn := 0
	for s := range d.Series {
		var statuses []string
		for i, v := range d.Series[s].Values {
			if v == nil {
				b.warnGap(*d, s, i)
				continue
			}
			drawn++
			pt := d.Series[s].Points[i]
			statuses = append(statuses, pt.Status)
			d.Decimals = max(d.Decimals, pt.Decimals)
		}
		d.Series[s].Status = Shared(statuses)
	}
	if drawn == 0 {
		b.problems = nil // one error instead of a warning per gap
		b.report(diag.Errorf(b.pos(), "chart %s has nothing to draw: none of its figures has a %s%s", b.ch.ID, b.measure, b.forPeriods()).
			WithHint("add %s: to the figures, or check the chart's indicators and periods", b.measure))
		return
	}
	b.checkTargets(d)
	b.setUnit(d)
}

// warnGap warns that category i of series s has no number.
func (b *figureChart) warnGap(d Data, s, i int) {
	ind, period := d.Series[s].Key, d.Categories[i]
	if d.ByIndicator {
		ind, period = b.ch.Indicators[i], d.Series[s].Key
	}
	what := diag.Textf("figure")
	if f, ok := b.figures.find(ind, period); ok && !hasMeasure(f, b.measure) {
		what = diag.Textf("%s", b.measure)
	}
	b.report(diag.Warnf(b.pos(), "chart %s has no %s for %s in %s", b.ch.ID, what, ind, period).
		WithHint("the chart leaves a gap there and the table shows —"))
}

func (b *figureChart) forPeriods() diag.Text {
	if len(b.ch.Periods) == 0 {
		return diag.Text{}
	}
	return diag.Textf(" for %s", strings.Join(b.ch.Periods, ", "))
}

// checkTargets reports a target chart that draws no target or forecast.
func (b *figureChart) checkTargets(d *Data) {
	if b.ch.Type != ChartTarget {
		return
	}
	for _, s := range d.Series {
		for i, v := range s.Values {
			if v != nil && Aimed(s.Points[i].Status) {
				return
			}
		}
	}
	b.report(diag.Errorf(b.pos(), "target chart %s has no target or forecast figure", b.ch.ID).
		WithHint("add the targets to the figures with status: target, or use type: column"))
}

// setUnit sets the data's unit: per cent for changes, else the one unit
// of every indicator drawn; two units are an error.
func (b *figureChart) setUnit(d *Data) {
	if b.measure == MeasureChange {
		d.Unit = "%"
		return
	}
	var units []string
	for _, ind := range b.ch.Indicators {
		u := b.figures.unit(ind)
		if b.drew(*d, ind) && !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	if len(units) > 1 {
		b.report(diag.Errorf(b.pos(), "chart %s mixes units %s and %s", b.ch.ID, unitName(units[0]), unitName(units[1])).
			WithHint("split it into two charts, or draw the changes with measure: change"))
		return
	}
	if len(units) == 1 {
		d.Unit = units[0]
	}
}

func unitName(u string) string {
	if u == "" {
		return "(none)"
	}
	return u
}

// drew reports whether the data has a number of the indicator.
func (b *figureChart) drew(d Data, ind string) bool {
	for _, f := range d.Figures {
		if f.Indicator == ind {
			return true
		}
	}
	return false
}

// Shared returns the one text every item is, or "" when they differ or
// there are none.
func Shared(items []string) string {
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
