package chart

import (
	"cmp"
	"slices"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/locale"
	"github.com/almanac-news/almanac/internal/site"
)

// TableData is a chart's data table (docs/figures.md, section 6), written
// for readers of one language: the text equivalent of the chart, and all
// that readers without JavaScript see.
type TableData struct {
	Head         []string // Head[0] heads the category column, then one per series, then the unit column's
	Rows         []TableRow
	UnitColumn   bool     // the last column gives each row's unit
	Notes        []string // the figures' notes, footnote 1 first
	Unit         string   // the unit of every number, "" for none or for changes (their cells carry %)
	MissingLabel string   // what a gap (—) means, for a title or a screen reader: "không có số liệu"
}

// TableRow is one category and its cells.
type TableRow struct {
	Head  string // the category: an indicator, a period ("quý III/2020"), a CSV file's row
	Cells []TableCell
}

// TableCell is one formatted number, or a row's unit in the unit column.
type TableCell struct {
	Text    string // "trên 68.800", "−1,7 %", "46.315 (ước đạt)"; "—" for a gap
	Missing bool
	Note    int // number of the footnote the cell carries; 0 for none
}

// missingText stands for a gap.
const missingText = "—"

// Table returns the chart's data table: one row per category, one column
// per series, numbers written as readers of lang expect them ("trên
// 68.800", "−1,7 %"; "over 68,800", "−1.7%") with the precision they were
// given in. A status or base that all numbers of a column of periods share
// is written in its head ("2020 so với 2019 (ước đạt)"), otherwise in
// each cell. When the rows are indicators, a last column gives their unit;
// when the columns are, their heads end with it.
func Table(ch site.Chart, d figure.Data, lang string) TableData {
	w := wordsFor(lang)
	t := TableData{Head: []string{tableHeading(w, d)}, MissingLabel: w.missing}
	measure := figure.MeasureOf(ch)
	if measure == figure.MeasureValue {
		t.Unit = d.Unit
	}
	heads := make([]columnHead, len(d.Series))
	for i, s := range d.Series {
		heads[i] = headOf(lang, measure, d, s)
		t.Head = append(t.Head, heads[i].text)
	}
	t.UnitColumn = d.ByIndicator && measure == figure.MeasureValue && d.Unit != ""
	if t.UnitColumn {
		t.Head = append(t.Head, w.unit)
	}
	for i, c := range d.Categories {
		row := TableRow{Head: figure.PeriodText(lang, c)}
		for j, s := range d.Series {
			row.Cells = append(row.Cells, t.cell(lang, measure, s, i, heads[j]))
		}
		if t.UnitColumn {
			row.Cells = append(row.Cells, TableCell{Text: d.Unit})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func tableHeading(w *words, d figure.Data) string {
	switch {
	case d.Heading != "":
		return d.Heading
	case d.ByIndicator:
		return w.indicator
	}
	return w.period
}

// columnHead is a column's head and what it says for all its cells.
type columnHead struct {
	text   string
	status bool // the head names the cells' status
	base   bool // the head names the cells' base
}

// headOf writes the head of a series' column.
func headOf(lang, measure string, d figure.Data, s figure.Series) columnHead {
	w := wordsFor(lang)
	if !d.ByIndicator { // a column of an indicator or of a CSV file
		h := columnHead{text: s.Name}
		if u := cmp.Or(s.Unit, d.Unit); measure == figure.MeasureValue && u != "" {
			h.text += " (" + u + ")"
		}
		if base := sharedBase(s); measure == figure.MeasureChange && base != "" {
			h.text += " " + w.against + " " + figure.PeriodText(lang, base)
			h.base = true
		}
		return h
	}
	h := columnHead{text: figure.PeriodText(lang, s.Key)}
	if base := sharedBase(s); measure == figure.MeasureChange && base != "" {
		h.text += " " + w.against + " " + figure.PeriodText(lang, base)
		h.base = true
	}
	if word := w.shownStatus(s.Status); s.Status != "" {
		if word != "" {
			h.text += " (" + word + ")"
		}
		h.status = true
	}
	return h
}

// sharedBase returns the base every change of a series has, or "".
func sharedBase(s figure.Series) string {
	var bases []string
	for i, v := range s.Values {
		if v != nil {
			bases = append(bases, s.At(i).Base)
		}
	}
	return figure.Shared(bases)
}

// cell writes value i of a series.
func (t *TableData) cell(lang, measure string, s figure.Series, i int, head columnHead) TableCell {
	if s.Values[i] == nil {
		return TableCell{Text: missingText, Missing: true}
	}
	w := wordsFor(lang)
	pt := s.At(i)
	text := formatNumber(lang, measure, *s.Values[i], pt)
	if pt.Base != "" && measure == figure.MeasureChange && !head.base {
		text += " " + w.against + " " + figure.PeriodText(lang, pt.Base)
	}
	if word := w.shownStatus(pt.Status); word != "" && !head.status {
		text += " (" + word + ")"
	}
	return TableCell{Text: text, Note: t.footnote(pt.Note)}
}

// formatNumber writes a value with its qualifier, or a signed change.
func formatNumber(lang, measure string, v float64, pt figure.Point) string {
	if measure == figure.MeasureChange {
		return locale.SignedPercent(lang, v, pt.Decimals)
	}
	text := locale.Number(lang, v, pt.Decimals)
	if q := wordsFor(lang).qualifiers[pt.Qualifier]; q != "" {
		text = q + " " + text
	}
	return text
}

// Footnote is a numbered note of the table, marked on the cells it
// qualifies.
type Footnote struct {
	Number int
	Text   string
}

// Footnotes lists the table's notes with their numbers.
func (t TableData) Footnotes() []Footnote {
	list := make([]Footnote, len(t.Notes))
	for i, n := range t.Notes {
		list[i] = Footnote{Number: i + 1, Text: n}
	}
	return list
}

// noteNumber is the number of the footnote that note gets in the chart's
// table, which numbers them in reading order, row by row; 0 for none.
func noteNumber(d figure.Data, note string) int {
	if note == "" {
		return 0
	}
	var seen []string
	for c := range d.Categories {
		for _, s := range d.Series {
			if c < len(s.Values) && s.Values[c] != nil {
				if n := s.At(c).Note; n != "" && !slices.Contains(seen, n) {
					seen = append(seen, n)
				}
			}
		}
	}
	return slices.Index(seen, note) + 1
}

// footnote returns the number of a note's footnote, adding it when new;
// 0 for no note.
func (t *TableData) footnote(note string) int {
	if note == "" {
		return 0
	}
	if i := slices.Index(t.Notes, note); i >= 0 {
		return i + 1
	}
	t.Notes = append(t.Notes, note)
	return len(t.Notes)
}
