package chart

import (
	"github.com/almanac-news/almanac/internal/locale"
	"github.com/almanac-news/almanac/internal/site"
)

// TableData is a chart's data table, written for readers of one language:
// the table every chart carries for readers without JavaScript or who
// prefer numbers to shapes.
type TableData struct {
	Head         []string // Head[0] heads the category column, then one per series
	Rows         []TableRow
	Unit         string // the unit of every number, for the caption; "" when the cells or heads carry it
	MissingLabel string // what a missing number means, for a title or a screen reader: "không có số liệu"
}

// TableRow is one category and its numbers.
type TableRow struct {
	Head  string // the category: an indicator, a period ("Quý III/2020"), a CSV row name
	Cells []TableCell
}

// TableCell is one formatted number.
type TableCell struct {
	Text    string // "68.800", "−1,7 %"; "–" when missing
	Missing bool
}

// missingText stands for a number the data does not have.
const missingText = "–"

// Table returns the chart's data table: one row per category, one column
// per series, numbers written the way readers of lang expect them
// ("68.800", "−1,7 %" in Vietnamese; "68,800", "−1.7%" in English) with
// the data's decimals.
func Table(ch site.Chart, d Data, lang string) TableData {
	t := TableData{
		Head:         []string{categoryHeading(lang, ch.Type, d)},
		MissingLabel: wordsFor(lang).missing,
	}
	if d.Unit != "%" {
		t.Unit = d.Unit
	}
	for _, s := range d.Series {
		head := seriesLabel(lang, s)
		if s.Unit != "" && d.Unit == "" {
			head += " (" + s.Unit + ")"
		}
		t.Head = append(t.Head, head)
	}
	format := numberFormat(ch, d, lang)
	for i, c := range d.Categories {
		row := TableRow{Head: periodLabel(lang, c)}
		for _, s := range d.Series {
			cell := TableCell{Text: missingText, Missing: true}
			if i < len(s.Values) && s.Values[i] != nil {
				cell = TableCell{Text: format(*s.Values[i])}
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// numberFormat returns the function that writes the chart's numbers:
// changes with their sign and a per cent sign, values plainly.
func numberFormat(ch site.Chart, d Data, lang string) func(float64) string {
	if measureOf(ch) == MeasureChange {
		return func(v float64) string { return locale.SignedPercent(lang, v, d.Decimals) }
	}
	return func(v float64) string { return locale.Number(lang, v, d.Decimals) }
}
