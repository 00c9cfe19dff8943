package figure

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// UTF8BOM starts the CSV files Almanac writes (so that spreadsheet
// programs read them as UTF-8), and may start the data files it reads.
const UTF8BOM = "\uFEFF"

// ChartFromCSV reads a chart's data file (docs/figures.md, section 4.3): a
// header row, then one row per category. The first column holds the
// categories; every other column is a series, its header the series' label
// with its unit in brackets at the end, "Xuất khẩu (triệu USD)". Cells are
// numbers written the machine way, 1456 or -15.3; an empty cell is a gap.
// The chart's indicators (or Columns) choose columns by label, its periods
// choose rows by their first cell.
//
// Problems in the file are reported at the cell, line and column counted
// in characters, in csvName; problems of the chart (a column or row the
// file does not have, mixed units, a target chart) at the chart's entry or
// the chart, in file.
func ChartFromCSV(file string, ch site.Chart, csvName string, r io.Reader) (Data, []*diag.Problem) {
	t := csvTable{chart: ch, file: file, name: csvName}
	if ch.Type == ChartTarget {
		return Data{}, []*diag.Problem{diag.Errorf(t.chartPos(), "a target chart cannot be drawn from a CSV file").
			WithHint("a CSV file has no status: use type: column, or draw the figures")}
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return Data{}, []*diag.Problem{diag.Errorf(diag.Pos{File: csvName}, "cannot read the chart's data file: %v", err).
			WithHint("check that the file can be read")}
	}
	src = bytes.TrimPrefix(src, []byte(UTF8BOM))
	t.lines = bytes.Split(src, []byte("\n"))
	if t.checkUTF8(); !diag.HasError(t.problems) {
		t.read(src)
	}
	if diag.HasError(t.problems) {
		return Data{}, t.problems
	}
	d := t.data(t.selectColumns(), t.selectRows())
	if !diag.HasError(t.problems) {
		t.problems = append(t.problems, checkShape(t.chartPos(), ch, d)...)
	}
	if diag.HasError(t.problems) {
		return Data{}, t.problems
	}
	return d, t.problems
}

// csvTable is a CSV file as read, cell by cell, with the problems found.
type csvTable struct {
	chart    site.Chart
	file     string // the article
	name     string // the CSV file
	lines    [][]byte
	header   []csvColumn
	rows     []csvRow
	problems []*diag.Problem
}

// csvColumn is a column's header as written, its label and its unit.
type csvColumn struct{ header, label, unit string }

type csvRow struct {
	line     int
	category string
	cells    []csvCell // one per column after the first
}

type csvCell struct {
	value    *float64
	decimals int
}

// plainNumber is the one way numbers may be written in a data file.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// IsDataNumber reports whether s is a number as a data file writes it:
// digits, a dot before decimals, - before a negative number.
func IsDataNumber(s string) bool { return plainNumber.MatchString(s) }

func (t *csvTable) report(p *diag.Problem) { t.problems = append(t.problems, p) }

func (t *csvTable) chartPos() diag.Pos {
	return diag.Pos{File: t.file, Line: t.chart.Line, Col: t.chart.Col}
}

// entryPos is the position of entry i of one of the chart's lists.
func (t *csvTable) entryPos(positions []site.Position, i int) diag.Pos {
	if i < len(positions) && positions[i].Line > 0 {
		return diag.Pos{File: t.file, Line: positions[i].Line, Col: positions[i].Col}
	}
	return t.chartPos()
}

// pos turns a line and 1-based byte column of the file into a position
// that counts characters, as editors do.
func (t *csvTable) pos(line, byteCol int) diag.Pos {
	p := diag.Pos{File: t.name, Line: line, Col: byteCol}
	if line >= 1 && line <= len(t.lines) && byteCol >= 1 {
		text := t.lines[line-1]
		p.Col = utf8.RuneCount(text[:min(byteCol-1, len(text))]) + 1
	}
	return p
}

func (t *csvTable) cellPos(cr *csv.Reader, field int) diag.Pos {
	line, col := cr.FieldPos(field)
	return t.pos(line, col)
}

// checkUTF8 reports the first byte that is not UTF-8.
func (t *csvTable) checkUTF8() {
	for i, line := range t.lines {
		if utf8.Valid(line) {
			continue
		}
		n := 0
		for len(line) > 0 {
			r, size := utf8.DecodeRune(line)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			line, n = line[size:], n+1
		}
		t.report(diag.Errorf(diag.Pos{File: t.name, Line: i + 1, Col: n + 1}, "the data file is not UTF-8 here").
			WithHint("save it as \"CSV UTF-8 (comma delimited)\""))
		return
	}
}

// read parses the file, reporting every bad cell.
func (t *csvTable) read(src []byte) {
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			t.report(diag.Errorf(t.pos(perr.Line, perr.Column), "the data file is not valid CSV: %v", perr.Err).
				WithHint("put a cell holding a comma or a quote in double quotes, and double the quotes inside it"))
			return
		} else if err != nil {
			t.report(diag.Errorf(diag.Pos{File: t.name}, "cannot read the chart's data file: %v", err))
			return
		}
		if t.header == nil {
			if t.readHeader(cr, record); diag.HasError(t.problems) {
				return
			}
			continue
		}
		t.readRow(cr, record)
	}
	switch {
	case t.header == nil:
		t.report(diag.Errorf(diag.Pos{File: t.name, Line: 1, Col: 1}, "the file has no header row").
			WithHint("write the column names on the first line, e.g. Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)"))
	case len(t.rows) == 0:
		t.report(diag.Errorf(diag.Pos{File: t.name, Line: 1}, "the file has a header row but no rows").
			WithHint("add one line per category below it"))
	}
}

// unitInBrackets splits "Xuất khẩu (triệu USD)" into its label and unit.
var unitInBrackets = regexp.MustCompile(`^(.*\S)\s*\(([^()]*)\)$`)

func (t *csvTable) readHeader(cr *csv.Reader, record []string) {
	if len(record) == 1 && strings.Contains(record[0], ";") {
		t.report(diag.Errorf(t.cellPos(cr, 0), "the data file separates its cells with semicolons").
			WithHint("separate them with commas: save the sheet as \"CSV UTF-8 (comma delimited)\""))
		return
	}
	if len(record) < 2 {
		t.report(diag.Errorf(t.cellPos(cr, 0), "the data file has one column; it needs the categories and at least one column of numbers").
			WithHint("write the column names on the first line, separated by commas: Năm,Xuất khẩu,Nhập khẩu"))
		return
	}
	t.header = make([]csvColumn, len(record))
	for i, cell := range record {
		c := csvColumn{header: strings.TrimSpace(cell)}
		c.label = c.header
		if m := unitInBrackets.FindStringSubmatch(c.header); m != nil {
			c.label, c.unit = m[1], strings.TrimSpace(m[2])
		}
		t.header[i] = c
		if i == 0 {
			continue
		}
		j := slices.IndexFunc(t.header[1:i], func(o csvColumn) bool { return o.label == c.label })
		switch {
		case c.label == "":
			t.report(diag.Errorf(t.cellPos(cr, i), "column %d has no name", i+1).
				WithHint("name every column on the first line; the name is the series' label in the chart"))
		case j >= 0:
			t.report(diag.Errorf(t.cellPos(cr, i), "two columns are named %s", c.label).
				Also(t.cellPos(cr, j+1)).WithHint("give every column its own name"))
		}
	}
}

func (t *csvTable) readRow(cr *csv.Reader, record []string) {
	line, _ := cr.FieldPos(0)
	if len(record) != len(t.header) {
		t.report(diag.Errorf(diag.Pos{File: t.name, Line: line}, "the row has %d cells, the header %d", len(record), len(t.header)).
			WithHint("give every row one cell per column, an empty one for a gap; put a cell holding a comma in double quotes"))
		return
	}
	row := csvRow{line: line, category: strings.TrimSpace(record[0])}
	if row.category == "" {
		t.report(diag.Errorf(t.cellPos(cr, 0), "the row has no category in its first cell").
			WithHint("write the row's name (a year, a place, an indicator) in the first column"))
	}
	for i, cell := range record[1:] {
		row.cells = append(row.cells, t.readCell(t.cellPos(cr, i+1), strings.TrimSpace(cell)))
	}
	t.rows = append(t.rows, row)
}

// readCell reads one number; an empty cell is a gap.
func (t *csvTable) readCell(pos diag.Pos, text string) csvCell {
	if text == "" {
		return csvCell{}
	}
	if !plainNumber.MatchString(text) {
		p := diag.Errorf(pos, "%q is not a number", text)
		if fixed := csvNumberFix(text); fixed != "" {
			p.WithHint("write %s", fixed)
		} else {
			p.WithHint("write digits, a dot before decimals and - before a negative number, e.g. -15.3; leave the cell empty for a gap")
		}
		t.report(p)
		return csvCell{}
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		t.report(diag.Errorf(pos, "%s is too large a number", text).WithHint("write it in a larger unit"))
		return csvCell{}
	}
	_, frac, _ := strings.Cut(text, ".")
	if looksGrouped.MatchString(text) {
		t.report(diag.Warnf(pos, "%s is read as %s; if the dot separates thousands, write %s",
			text, strconv.FormatFloat(v, 'f', -1, 64), strings.Replace(text, ".", "", 1)).
			WithHint("numbers in data files take no thousands separator"))
	}
	return csvCell{value: &v, decimals: len(frac)}
}

// looksGrouped matches numbers like 1.456, which Vietnamese writes for
// one thousand four hundred and fifty-six.
var looksGrouped = regexp.MustCompile(`^-?[0-9]+\.[0-9]{3}$`)

// commaGrouped matches numbers like 1,456, grouped the English way.
var commaGrouped = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+$`)

// csvNumberFix rewrites a number written for readers ("1.456,5",
// "1,456", "−15,3 %") the machine way, or returns "" when it cannot tell
// what was meant.
func csvNumberFix(text string) string {
	s := strings.NewReplacer("−", "-", "–", "-", "%", "", " ", "", "\u00a0", "").Replace(text)
	dot, comma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	switch {
	case dot >= 0 && comma >= 0 && comma > dot: // 1.456,5
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case dot >= 0 && comma >= 0: // 1,456.5
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0 && commaGrouped.MatchString(s): // 1,456
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0: // 15,3
		s = strings.Replace(s, ",", ".", 1)
	case strings.Count(s, ".") > 1: // 1.456.000
		s = strings.ReplaceAll(s, ".", "")
	}
	if s == text || !plainNumber.MatchString(s) {
		return ""
	}
	return s
}

// fileName is the CSV file's name without its folders, for messages.
func (t *csvTable) fileName() string { return path.Base(t.name) }
