package figure

import (
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// selectColumns returns the indexes in the header of the columns the chart
// draws: those its Columns (or Indicators) name, by label or by header as
// written, in its order; else every column after the first.
func (t *csvTable) selectColumns() []int {
	wanted, positions := t.chart.Columns, []site.Position(nil)
	if len(wanted) == 0 {
		wanted, positions = t.chart.Indicators, t.chart.IndicatorPos
	}
	if len(wanted) == 0 {
		cols := make([]int, len(t.header)-1)
		for i := range cols {
			cols[i] = i + 1
		}
		return cols
	}
	var cols []int
	for i, name := range wanted {
		name = strings.TrimSpace(name)
		j := slices.IndexFunc(t.header[1:], func(c csvColumn) bool { return c.label == name || c.header == name })
		if j < 0 {
			t.report(diag.Errorf(t.entryPos(positions, i), "chart %s names column %s, which %s does not have", t.chart.ID, name, t.fileName()).
				WithHint("its columns are %s", strings.Join(t.labels(), ", ")))
			continue
		}
		cols = append(cols, j+1)
	}
	return cols
}

func (t *csvTable) labels() []string {
	var labels []string
	for _, c := range t.header[1:] {
		labels = append(labels, c.label)
	}
	return labels
}

// selectRows returns the indexes of the rows the chart draws: those its
// periods name by their first cell, in its order; else every row.
func (t *csvTable) selectRows() []int {
	if len(t.chart.Periods) == 0 {
		rows := make([]int, len(t.rows))
		for i := range rows {
			rows[i] = i
		}
		return rows
	}
	var rows []int
	for i, p := range t.chart.Periods {
		j := slices.IndexFunc(t.rows, func(r csvRow) bool { return r.category == strings.TrimSpace(p) })
		if j < 0 {
			t.report(diag.Errorf(t.entryPos(t.chart.PeriodPos, i), "chart %s names period %s, which is not in the first column of %s",
				t.chart.ID, p, t.fileName()).WithHint("it has %s", strings.Join(t.categories(), ", ")))
			continue
		}
		rows = append(rows, j)
	}
	return rows
}

func (t *csvTable) categories() []string {
	var cats []string
	for _, r := range t.rows {
		cats = append(cats, r.category)
	}
	return cats
}

// data arranges the chosen rows and columns, and checks that the columns
// share one unit (a column without one shares any).
func (t *csvTable) data(cols, rows []int) Data {
	d := Data{Heading: t.header[0].header}
	for _, r := range rows {
		d.Categories = append(d.Categories, t.rows[r].category)
	}
	var units []string
	for _, col := range cols {
		c := t.header[col]
		s := Series{Name: c.label, Key: c.header, Unit: c.unit}
		for _, r := range rows {
			cell := t.rows[r].cells[col-1]
			s.Values = append(s.Values, cell.value)
			s.Points = append(s.Points, Point{Decimals: cell.decimals})
			d.Decimals = max(d.Decimals, cell.decimals)
		}
		d.Series = append(d.Series, s)
		if c.unit != "" && !slices.Contains(units, c.unit) {
			units = append(units, c.unit)
		}
	}
	if len(units) > 1 {
		t.report(diag.Errorf(t.chartPos(), "chart %s mixes units %s and %s", t.chart.ID, units[0], units[1]).
			WithHint("split it into two charts, drawing the columns of each unit"))
	}
	if len(units) == 1 {
		d.Unit = units[0]
	}
	if MeasureOf(t.chart) == MeasureChange {
		d.Unit = "%"
	}
	return d
}
