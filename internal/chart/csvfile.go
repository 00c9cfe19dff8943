package chart

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/site"
)

// CSV returns the chart's numbers as a CSV file for readers to download:
// UTF-8 with a byte order mark, so that spreadsheet programs read
// Vietnamese letters correctly, CRLF line ends, numbers written plainly
// with a dot before decimals and an empty cell for a missing number. The
// first row names the columns: the categories' heading, then each series
// with its status and unit ("2020 estimate (tỷ đồng)"). A text cell that a
// spreadsheet would take for a formula is preceded by an apostrophe.
func CSV(ch site.Chart, d Data) []byte {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	header := []string{textCell(csvHeading(ch, d))}
	for _, s := range d.Series {
		header = append(header, textCell(csvSeriesName(s, d.Unit)))
	}
	_ = w.Write(header) // writes to a bytes.Buffer cannot fail
	for i, c := range d.Categories {
		row := []string{textCell(c)}
		for _, s := range d.Series {
			cell := ""
			if i < len(s.Values) && s.Values[i] != nil {
				cell = strconv.FormatFloat(*s.Values[i], 'f', -1, 64)
			}
			row = append(row, cell)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// csvHeading names the category column: the data file's own heading, or
// the front-matter key the categories come from.
func csvHeading(ch site.Chart, d Data) string {
	switch {
	case d.Heading != "":
		return d.Heading
	case ch.Type == TypeLine:
		return "period"
	}
	return "indicator"
}

// csvSeriesName writes a series' name with its status and unit, in the
// words of the front matter: "2021 target (tỷ đồng)".
func csvSeriesName(s Series, commonUnit string) string {
	parts := []string{}
	if s.Name != "" {
		parts = append(parts, s.Name)
	}
	if s.Status != "" && s.Status != StatusActual || len(parts) == 0 {
		parts = append(parts, cmp.Or(s.Status, "value"))
	}
	name := strings.Join(parts, " ")
	if unit := cmp.Or(s.Unit, commonUnit); unit != "" {
		name += " (" + unit + ")"
	}
	return name
}

// textCell keeps a spreadsheet from running a text as a formula.
func textCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
