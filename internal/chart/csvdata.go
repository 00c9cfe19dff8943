package chart

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// utf8BOM starts the CSV files this package writes, and may start the ones
// it reads (spreadsheet programs add it).
const utf8BOM = "\uFEFF"

// FromCSV reads a chart's data file: the first row names the columns, the
// first column holds the categories and every other column one series.
// Numbers are written plainly, "1456" or "1456.5", with no thousands
// separator; an empty cell is a missing number. The chart's columns, when
// it names some, choose and order the series.
//
// Problems in the file are reported at the line and column (counted in
// characters) of the cell, in csvName; problems with the chart, such as a
// column the file does not have, at the chart's line in file.
func FromCSV(file string, ch site.Chart, csvName string, r io.Reader) (Data, []*diag.Problem) {
	src, err := io.ReadAll(r)
	if err != nil {
		return Data{}, []*diag.Problem{diag.Errorf(diag.Pos{File: csvName}, "cannot read the chart's data file: %v", err).
			WithHint("check that the file exists beside the article and can be read")}
	}
	src = bytes.TrimPrefix(src, []byte(utf8BOM))
	t := csvTable{name: csvName, lines: bytes.Split(src, []byte("\n"))}
	t.read(src)
	if hasErrors(t.problems) {
		return Data{}, t.problems
	}
	chartPos := diag.Pos{File: file, Line: ch.Line}
	cols, problems := selectColumns(chartPos, ch.ID, chartColumns(ch), t.header)
	if len(problems) > 0 {
		return Data{}, append(t.problems, problems...)
	}
	d := t.data(ch, cols)
	problems = append(t.problems, checkShape(chartPos, ch, d)...)
	if hasErrors(problems) {
		return Data{}, problems
	}
	return d, problems
}

// csvTable is a CSV file as read, cell by cell, with the problems found.
type csvTable struct {
	name     string
	lines    [][]byte // the file's lines, to turn byte offsets into columns
	header   []string
	rows     []csvRow
	problems []*diag.Problem
}

type csvRow struct {
	line     int
	category string
	values   []*float64 // one per column after the first
	texts    []string   // the numbers as written
}

// plainNumber is the one way numbers may be written in a data file.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// read parses the file, reporting every bad cell.
func (t *csvTable) read(src []byte) {
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = 0
	cr.TrimLeadingSpace = true
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			t.report(diag.Errorf(t.pos(perr.Line, perr.Column), "the data file is not valid CSV: %v", perr.Err).
				WithHint("every row needs as many cells as the first row, separated by commas; put a cell with a comma or quote in double quotes"))
			return
		} else if err != nil {
			t.report(diag.Errorf(diag.Pos{File: t.name}, "cannot read the chart's data file: %v", err))
			return
		}
		if t.header == nil {
			t.readHeader(cr, record)
			if hasErrors(t.problems) {
				return
			}
			continue
		}
		t.readRow(cr, record)
	}
	switch {
	case t.header == nil:
		t.report(diag.Errorf(diag.Pos{File: t.name}, "the data file is empty").
			WithHint("write the column names on the first line, e.g. Năm,Xuất khẩu,Nhập khẩu, then one line per category"))
	case len(t.rows) == 0:
		t.report(diag.Errorf(diag.Pos{File: t.name, Line: 1}, "the data file has column names but no rows").
			WithHint("add one line per category below the names"))
	}
	t.checkThousands()
}

// pos turns a csv line and 1-based byte column into a position that
// counts characters, as editors do.
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

func (t *csvTable) report(p *diag.Problem) { t.problems = append(t.problems, p) }

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
	t.header = make([]string, len(record))
	for i, cell := range record {
		t.header[i] = strings.TrimSpace(cell)
		if i == 0 {
			continue
		}
		if t.header[i] == "" {
			t.report(diag.Errorf(t.cellPos(cr, i), "column %d has no name", i+1).
				WithHint("name every column on the first line; the name is the series' name in the chart"))
		} else if j := slices.Index(t.header[1:i], t.header[i]); j >= 0 {
			t.report(diag.Errorf(t.cellPos(cr, i), "two columns are named %q", t.header[i]).
				Also(t.cellPos(cr, j+1)).WithHint("give every column its own name"))
		}
	}
}

func (t *csvTable) readRow(cr *csv.Reader, record []string) {
	line, _ := cr.FieldPos(0)
	row := csvRow{
		line:     line,
		category: strings.TrimSpace(record[0]),
		values:   make([]*float64, len(record)-1),
		texts:    make([]string, len(record)-1),
	}
	if row.category == "" {
		t.report(diag.Errorf(t.cellPos(cr, 0), "the row has no category in its first cell").
			WithHint("write the row's name (a year, a place, an indicator) in the first column"))
	}
	for i, cell := range record[1:] {
		text := strings.TrimSpace(cell)
		row.texts[i] = text
		if text == "" {
			continue
		}
		if !plainNumber.MatchString(text) {
			t.report(diag.Errorf(t.cellPos(cr, i+1), "%q is not a number written plainly", text).WithHint("%s", numberHint(text)))
			continue
		}
		v, err := strconv.ParseFloat(text, 64)
		if err != nil {
			t.report(diag.Errorf(t.cellPos(cr, i+1), "%q is out of range", text).WithHint("write a smaller number, e.g. in a larger unit"))
			continue
		}
		row.values[i] = &v
	}
	t.rows = append(t.rows, row)
}

// numberHint says how to write a number that is not written plainly.
func numberHint(text string) string {
	switch {
	case strings.ContainsAny(text, "−–"):
		return "write a minus as the hyphen-minus -, e.g. -15.3"
	case strings.HasSuffix(text, "%"):
		return "leave out the % sign: write -15.3 for −15,3 %; the chart's unit says it is per cent"
	case strings.Contains(text, ","):
		return "write the number with no thousands separator and a dot before decimals: 1456.5, not 1.456,5"
	case strings.Count(text, ".") > 1:
		return "write the number with no thousands separator: 1456000, not 1.456.000"
	}
	return "write digits only, with a dot before decimals and a - before negative numbers, e.g. 1456.5; leave the cell empty when the number is missing"
}

// looksGrouped matches numbers like 1.456, which Vietnamese writes for
// one thousand four hundred and fifty-six.
var looksGrouped = regexp.MustCompile(`^-?[0-9]{1,3}\.[0-9]{3}$`)

// checkThousands warns about cells like "1.456" in a column of whole
// numbers of a thousand or more: the dot is probably a thousands
// separator, which would make the number a thousand times too small.
func (t *csvTable) checkThousands() {
	for col := range len(t.header) - 1 {
		if !t.hasLargeWholeNumber(col) {
			continue
		}
		for _, row := range t.rows {
			if looksGrouped.MatchString(row.texts[col]) {
				t.report(diag.Warnf(diag.Pos{File: t.name, Line: row.line}, "%q in column %q is read as %s, a thousand times smaller than the column's other numbers",
					row.texts[col], t.header[col+1], row.texts[col]).
					WithHint("if the dot separates thousands, write %s", strings.ReplaceAll(row.texts[col], ".", "")))
			}
		}
	}
}

func (t *csvTable) hasLargeWholeNumber(col int) bool {
	for _, row := range t.rows {
		v := row.values[col]
		if v != nil && !strings.Contains(row.texts[col], ".") && (*v >= 1000 || *v <= -1000) {
			return true
		}
	}
	return false
}

// chartColumns returns the data columns the chart names, in its order.
func chartColumns(ch site.Chart) []string { return nil }

// selectColumns returns the indexes in header of the columns the chart
// shows: those it names, else every column after the first.
func selectColumns(chartPos diag.Pos, chartID string, wanted, header []string) ([]int, []*diag.Problem) {
	if len(wanted) == 0 {
		cols := make([]int, len(header)-1)
		for i := range cols {
			cols[i] = i + 1
		}
		return cols, nil
	}
	var cols []int
	var problems []*diag.Problem
	for _, name := range wanted {
		i := slices.Index(header[1:], strings.TrimSpace(name))
		if i < 0 {
			problems = append(problems, diag.Errorf(chartPos, "chart %q names column %q, which its data file does not have", chartID, name).
				WithHint("use one of: %s", quoteAll(header[1:])))
			continue
		}
		cols = append(cols, i+1)
	}
	return cols, problems
}

// data arranges the chosen columns for the chart.
func (t *csvTable) data(ch site.Chart, cols []int) Data {
	d := Data{Heading: t.header[0]}
	for _, row := range t.rows {
		d.Categories = append(d.Categories, row.category)
	}
	for _, col := range cols {
		s := Series{Name: t.header[col], Values: make([]*float64, len(t.rows))}
		for i, row := range t.rows {
			s.Values[i] = row.values[col-1]
			if _, frac, ok := strings.Cut(row.texts[col-1], "."); ok {
				d.Decimals = max(d.Decimals, len(frac))
			}
		}
		d.Series = append(d.Series, s)
	}
	if measureOf(ch) == MeasureChange {
		d.Unit = "%"
	}
	if ch.Type == TypeTarget && len(d.Series) == 2 {
		d.Series[1].Status = StatusTarget
	}
	return d
}
