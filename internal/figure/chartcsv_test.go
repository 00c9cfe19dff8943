package figure

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/almanac-news/almanac/internal/figure/figuretest"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

const (
	articleFile = "content/cong-thuong/xuat-nhap-khau-2020/index.md"
	csvFile     = "content/cong-thuong/xuat-nhap-khau-2020/xuat-nhap-khau-2019-2020.csv"
)

func TestFromCSVReadsTheExampleFile(t *testing.T) {
	for name, src := range map[string]string{
		"plain":             figuretest.ExampleCSV,
		"with BOM and CRLF": UTF8BOM + strings.ReplaceAll(figuretest.ExampleCSV, "\n", "\r\n"),
		"spaces and quotes": "Năm, \"Xuất khẩu (triệu USD)\",Nhập khẩu (triệu USD)\n 2019 , 1719,1589\n2020,1456 ,\"1246\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			d, problems := ChartFromCSV(articleFile, figuretest.ExampleCSVChart(), csvFile, strings.NewReader(src))
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if d.Heading != "Năm" || !slices.Equal(d.Categories, []string{"2019", "2020"}) || d.Figures != nil {
				t.Errorf("heading %q, categories %q", d.Heading, d.Categories)
			}
			if len(d.Series) != 2 {
				t.Fatalf("series %+v", d.Series)
			}
			s := d.Series[1]
			if s.Name != "Nhập khẩu" || s.Key != "Nhập khẩu (triệu USD)" || s.Unit != "triệu USD" {
				t.Errorf("series %q %q %q", s.Name, s.Key, s.Unit)
			}
			if got := values(s); !slices.Equal(got, []float64{1589, 1246}) {
				t.Errorf("imports = %v", got)
			}
			if d.Unit != "triệu USD" || d.Decimals != 0 {
				t.Errorf("unit, decimals = %q, %d", d.Unit, d.Decimals)
			}
		})
	}
}

func TestFromCSVSelectsColumnsAndRows(t *testing.T) {
	ch := site.Chart{ID: "xnk", Type: ChartColumn, Data: "xnk.csv", Indicators: []string{"Nhập khẩu", "Xuất khẩu (triệu USD)"},
		Periods: []string{"2020", "2019"}}
	d, problems := ChartFromCSV("a.md", ch, "data/xnk.csv", strings.NewReader(figuretest.ExampleCSV))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if !slices.Equal(d.Categories, []string{"2020", "2019"}) || d.Series[0].Name != "Nhập khẩu" || d.Series[1].Name != "Xuất khẩu" {
		t.Errorf("got categories %q, series %q, %q", d.Categories, d.Series[0].Name, d.Series[1].Name)
	}
	if got := values(d.Series[0]); !slices.Equal(got, []float64{1246, 1589}) {
		t.Errorf("imports = %v", got)
	}
	ch.Columns = []string{"Xuất khẩu"} // Columns, when set, win over Indicators
	if d, _ := ChartFromCSV("a.md", ch, "data/xnk.csv", strings.NewReader(figuretest.ExampleCSV)); len(d.Series) != 1 || d.Series[0].Name != "Xuất khẩu" {
		t.Errorf("columns: got %+v", d.Series)
	}
}

func TestFromCSVKeepsGapsAndPrecision(t *testing.T) {
	ch := site.Chart{ID: "t", Type: ChartColumn, Position: site.Position{Line: 3}}
	d, problems := ChartFromCSV("a.md", ch, "t.csv", strings.NewReader("Chỉ tiêu,Ước 2020,Kế hoạch 2021\nA,68800.5,79770\nB,,51000.25\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := values(d.Series[0]); !slices.Equal(got, []float64{68800.5, missing}) {
		t.Errorf("results = %v", got)
	}
	if d.Decimals != 2 || d.Series[1].Points[1].Decimals != 2 || d.Series[1].Points[0].Decimals != 0 {
		t.Errorf("decimals %d, points %+v", d.Decimals, d.Series[1].Points)
	}
}

func TestFromCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		typ  string
		src  string
		edit func(*site.Chart)
		want string // the first problem, in full
	}{
		{"Vietnamese number", ChartColumn, "Tỉnh,Xuất khẩu\nHà Nội,\"1.456,5\"\n", nil, `t.csv:2:8: "1.456,5" is not a number; write 1456.5`},
		{"grouped the English way", ChartColumn, "Tỉnh,Xuất khẩu\nHà Nội,\"1,456\"\n", nil, `t.csv:2:8: "1,456" is not a number; write 1456`},
		{"typographic minus", ChartColumn, "Năm,Thay đổi\n2020,−15.3\n", nil, `t.csv:2:6: "−15.3" is not a number; write -15.3`},
		{"per cent sign", ChartColumn, "Năm,Thay đổi\n2020,-15.3%\n", nil, `t.csv:2:6: "-15.3%" is not a number; write -15.3`},
		{"thousands dots", ChartColumn, "Năm,Giá trị\n2020,1.456.000\n", nil, `t.csv:2:6: "1.456.000" is not a number; write 1456000`},
		{"words", ChartColumn, "Năm,Giá trị\n2020,khoảng 12\n", nil,
			`t.csv:2:6: "khoảng 12" is not a number; write digits, a dot before decimals and - before a negative number, e.g. -15.3; leave the cell empty for a gap`},
		{"row too short", ChartColumn, "Năm,A,B\n2020,1\n", nil,
			"t.csv:2: the row has 2 cells, the header 3; give every row one cell per column, an empty one for a gap; put a cell holding a comma in double quotes"},
		{"bare quote", ChartColumn, "Năm,A\nĐà Nẵng,1\"2\n", nil,
			`t.csv:2:10: the data file is not valid CSV: bare " in non-quoted-field; put a cell holding a comma or a quote in double quotes, and double the quotes inside it`},
		{"not UTF-8", ChartColumn, "Năm,A\nH\xe0 N\xf4i,1\n", nil, `t.csv:2:2: the data file is not UTF-8 here; save it as "CSV UTF-8 (comma delimited)"`},
		{"empty file", ChartColumn, "", nil, "t.csv:1:1: the file has no header row; write the column names on the first line, e.g. Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)"},
		{"header only", ChartColumn, UTF8BOM + "Năm,A\n", nil, "t.csv:1: the file has a header row but no rows; add one line per category below it"},
		{"one column", ChartColumn, "Năm\n2020\n", nil, "t.csv:1:1: the data file has one column; it needs the categories and at least one column of numbers; write the column names on the first line, separated by commas: Năm,Xuất khẩu,Nhập khẩu"},
		{"semicolons", ChartColumn, "Năm;A;B\n2020;1;2\n", nil, `t.csv:1:1: the data file separates its cells with semicolons; separate them with commas: save the sheet as "CSV UTF-8 (comma delimited)"`},
		{"column without name", ChartColumn, "Năm,,Nhập khẩu\n2020,1,2\n", nil, "t.csv:1:5: column 2 has no name; name every column on the first line; the name is the series' label in the chart"},
		{"two columns of one label", ChartColumn, "Năm,Xuất (USD),Xuất (VND)\n2020,1,2\n", nil,
			"t.csv:1:16: two columns are named Xuất (see also t.csv:1:5); give every column its own name"},
		{"row without category", ChartColumn, "Năm,A\n,1\n", nil, "t.csv:2:1: the row has no category in its first cell; write the row's name (a year, a place, an indicator) in the first column"},
		{"unknown column", ChartColumn, figuretest.ExampleCSV, func(c *site.Chart) {
			c.Indicators = []string{"Xuat khau"}
			c.IndicatorPos = []site.Position{{Line: 9, Col: 18}}
		}, "a.md:9:18: chart c names column Xuat khau, which t.csv does not have; its columns are Xuất khẩu, Nhập khẩu"},
		{"unknown row", ChartColumn, figuretest.ExampleCSV, func(c *site.Chart) {
			c.Periods = []string{"2020", "2018"}
			c.PeriodPos = []site.Position{{Line: 10, Col: 14}, {Line: 10, Col: 22}}
		}, "a.md:10:22: chart c names period 2018, which is not in the first column of t.csv; it has 2019, 2020"},
		{"mixed units", ChartColumn, "Năm,A (tỷ đồng),B (triệu USD),C\n2020,1,2,3\n", nil,
			"a.md:7:3: chart c mixes units tỷ đồng and triệu USD; split it into two charts, drawing the columns of each unit"},
		{"target", ChartTarget, figuretest.ExampleCSV, nil, "a.md:7:3: a target chart cannot be drawn from a CSV file; a CSV file has no status: use type: column, or draw the figures"},
		{"pie of two columns", ChartPie, figuretest.ExampleCSV, nil, "a.md:7:3: a pie chart draws one series of parts, not 2; draw one column or one period"},
		{"negative part", ChartDonut, "Năm,Cán cân\n2020,-1\n", nil, "a.md:7:3: a donut chart cannot draw the negative value of 2020 in Cán cân; use type: bar for numbers that can be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := site.Chart{ID: "c", Type: tt.typ, Data: "t.csv", Position: site.Position{Line: 7, Col: 3}}
			if tt.edit != nil {
				tt.edit(&ch)
			}
			_, problems := ChartFromCSV("a.md", ch, "t.csv", strings.NewReader(tt.src))
			if len(problems) == 0 || problems[0].Severity != diag.SeverityError {
				t.Fatalf("want an error, got %v", problems)
			}
			if got := problems[0].Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestFromCSVReportsEveryBadCell(t *testing.T) {
	_, problems := ChartFromCSV("a.md", site.Chart{ID: "c", Type: ChartColumn}, "t.csv",
		strings.NewReader("Năm,A,B\n2019,1,x\n2020,y,2\n"))
	var got []string
	for _, p := range problems {
		got = append(got, p.Pos.String())
	}
	if want := []string{"t.csv:2:8", "t.csv:3:6"}; !slices.Equal(got, want) {
		t.Errorf("problems at %q, want %q", got, want)
	}
}

func TestFromCSVWarnsAboutThreeDecimals(t *testing.T) {
	d, problems := ChartFromCSV("a.md", site.Chart{ID: "c", Type: ChartColumn}, "t.csv",
		strings.NewReader("Năm,Xuất khẩu\n2019,1719\n2020,1.456\n"))
	if len(problems) != 1 || problems[0].Severity != diag.SeverityWarning {
		t.Fatalf("want one warning, got %v", problems)
	}
	want := `t.csv:3:6: warning: 1.456 is read as 1.456; if the dot separates thousands, write 1456; numbers in data files take no thousands separator`
	if got := problems[0].Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(d.Series) != 1 {
		t.Errorf("a warning must not drop the data: %+v", d)
	}
}

func TestFromCSVReadError(t *testing.T) {
	_, problems := ChartFromCSV("a.md", site.Chart{ID: "c", Type: ChartColumn}, "t.csv", iotest.ErrReader(errors.New("disk on fire")))
	if len(problems) != 1 || !strings.HasPrefix(problems[0].Error(), "t.csv: cannot read the chart's data file: disk on fire") {
		t.Errorf("got %v", problems)
	}
}

func TestCSVNumberFix(t *testing.T) {
	for in, want := range map[string]string{
		"1.456,5": "1456.5", "1,456": "1456", "1,456.5": "1456.5", "15,3": "15.3", "−1,7 %": "-1.7",
		"1.456.000": "1456000", "12 %": "12", "abc": "", "1,2,3": "", "68 800": "68800",
	} {
		if got := csvNumberFix(in); got != want {
			t.Errorf("csvNumberFix(%q) = %q, want %q", in, got, want)
		}
	}
}
