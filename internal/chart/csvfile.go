package chart

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/figure"

	"github.com/almanac-news/almanac/internal/site"
)

// CSV returns the chart's numbers as the CSV file readers download
// (docs/figures.md, section 7): UTF-8 with a byte order mark, so that
// spreadsheet programs show Vietnamese letters correctly, CRLF line ends,
// numbers written the machine way (68800, -1.7) with their precision as
// given. A chart of figures gets one row per figure drawn, in table order,
// with the columns Mã chỉ tiêu, Chỉ tiêu, Kỳ, Giá trị, Đơn vị, Mức độ,
// Thay đổi (%), So với, Tình trạng, Nguồn, Ghi chú (in English with lang
// "en"); a chart of a CSV file gets the rows and columns drawn, with the
// file's own headers. lang is the site's language, Vietnamese when not
// given. A text cell a spreadsheet would run as a formula is preceded by
// an apostrophe.
func CSV(ch site.Chart, d figure.Data, lang ...string) []byte {
	var buf bytes.Buffer
	buf.WriteString(figure.UTF8BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if d.Figures != nil {
		writeFigureRows(w, d.Figures, wordsFor(append(lang, "vi")[0]))
	} else {
		writeDataRows(w, d)
	}
	w.Flush()                       // writes to a bytes.Buffer cannot fail
	return bytes.Clone(buf.Bytes()) // of its own length: a build holds every chart's file until it writes it
}

// writeFigureRows writes one row per figure.
func writeFigureRows(w *csv.Writer, figs []site.Figure, words *words) {
	_ = w.Write(words.csvHeads[:])
	for _, f := range figs {
		value, change, base := "", "", ""
		if f.HasValue {
			value = strconv.FormatFloat(f.Value, 'f', f.Precision, 64)
		}
		if f.HasChange {
			change = strconv.FormatFloat(f.Change, 'f', f.ChangePrecision, 64)
			base = f.Base
		}
		_ = w.Write(textCells(f.Indicator, f.Label, f.Period, value, f.Unit, words.qualifiers[f.Qualifier],
			change, base, words.statuses[statusOrActual(f.Status)], f.Source, f.Note))
	}
}

// statusOrActual is a figure's status, actual when it has none.
func statusOrActual(status string) string {
	if status == "" {
		return figure.StatusActual
	}
	return status
}

// writeDataRows writes the rows and columns of a CSV file that are drawn.
func writeDataRows(w *csv.Writer, d figure.Data) {
	header := []string{textCell(d.Heading)}
	for _, s := range d.Series {
		header = append(header, textCell(cmp.Or(s.Key, s.Name)))
	}
	_ = w.Write(header)
	for i, c := range d.Categories {
		row := []string{textCell(c)}
		for _, s := range d.Series {
			cell := ""
			if i < len(s.Values) && s.Values[i] != nil {
				cell = strconv.FormatFloat(*s.Values[i], 'f', s.At(i).Decimals, 64)
			}
			row = append(row, cell)
		}
		_ = w.Write(row)
	}
}

// textCells guards the text cells of a row, leaving its numbers (which
// may start with a minus sign) as they are.
func textCells(cells ...string) []string {
	for i, c := range cells {
		if !isMachineNumber(c) {
			cells[i] = textCell(c)
		}
	}
	return cells
}

func isMachineNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && figure.IsDataNumber(s)
}

// textCell keeps a spreadsheet from running a text as a formula.
func textCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
