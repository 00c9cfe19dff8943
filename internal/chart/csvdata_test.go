package chart

import (
	"bytes"
	"errors"
	"github.com/almanac-news/almanac/internal/figure"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

const (
	articleFile = "content/cong-thuong/xuat-nhap-khau-2020/index.md"
	csvFile     = "content/cong-thuong/xuat-nhap-khau-2020/xuat-nhap-khau-2019-2020.csv"
)

func TestFromCSVReadsTheExampleFile(t *testing.T) {
	for name, src := range map[string]string{
		"plain":             exampleCSV,
		"with BOM and CRLF": utf8BOM + strings.ReplaceAll(exampleCSV, "\n", "\r\n"),
		"spaces and quotes": "Năm, \"Xuất khẩu (triệu USD)\",Nhập khẩu (triệu USD)\n 2019 , 1719,1589\n2020,1456 ,\"1246\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			d, problems := FromCSV(articleFile, exampleCSVChart(), csvFile, strings.NewReader(src))
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
	ch := site.Chart{ID: "xnk", Type: figure.ChartColumn, Data: "xnk.csv", Indicators: []string{"Nhập khẩu", "Xuất khẩu (triệu USD)"},
		Periods: []string{"2020", "2019"}}
	d, problems := FromCSV("a.md", ch, "data/xnk.csv", strings.NewReader(exampleCSV))
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
	if d, _ := FromCSV("a.md", ch, "data/xnk.csv", strings.NewReader(exampleCSV)); len(d.Series) != 1 || d.Series[0].Name != "Xuất khẩu" {
		t.Errorf("columns: got %+v", d.Series)
	}
}

func TestFromCSVKeepsGapsAndPrecision(t *testing.T) {
	ch := site.Chart{ID: "t", Type: figure.ChartColumn, Line: 3}
	d, problems := FromCSV("a.md", ch, "t.csv", strings.NewReader("Chỉ tiêu,Ước 2020,Kế hoạch 2021\nA,68800.5,79770\nB,,51000.25\n"))
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
		{"Vietnamese number", figure.ChartColumn, "Tỉnh,Xuất khẩu\nHà Nội,\"1.456,5\"\n", nil, `t.csv:2:8: "1.456,5" is not a number; write 1456.5`},
		{"grouped the English way", figure.ChartColumn, "Tỉnh,Xuất khẩu\nHà Nội,\"1,456\"\n", nil, `t.csv:2:8: "1,456" is not a number; write 1456`},
		{"typographic minus", figure.ChartColumn, "Năm,Thay đổi\n2020,−15.3\n", nil, `t.csv:2:6: "−15.3" is not a number; write -15.3`},
		{"per cent sign", figure.ChartColumn, "Năm,Thay đổi\n2020,-15.3%\n", nil, `t.csv:2:6: "-15.3%" is not a number; write -15.3`},
		{"thousands dots", figure.ChartColumn, "Năm,Giá trị\n2020,1.456.000\n", nil, `t.csv:2:6: "1.456.000" is not a number; write 1456000`},
		{"words", figure.ChartColumn, "Năm,Giá trị\n2020,khoảng 12\n", nil,
			`t.csv:2:6: "khoảng 12" is not a number; write digits, a dot before decimals and - before a negative number, e.g. -15.3; leave the cell empty for a gap`},
		{"row too short", figure.ChartColumn, "Năm,A,B\n2020,1\n", nil,
			"t.csv:2: the row has 2 cells, the header 3; give every row one cell per column, an empty one for a gap; put a cell holding a comma in double quotes"},
		{"bare quote", figure.ChartColumn, "Năm,A\nĐà Nẵng,1\"2\n", nil,
			`t.csv:2:10: the data file is not valid CSV: bare " in non-quoted-field; put a cell holding a comma or a quote in double quotes, and double the quotes inside it`},
		{"not UTF-8", figure.ChartColumn, "Năm,A\nH\xe0 N\xf4i,1\n", nil, `t.csv:2:2: the data file is not UTF-8 here; save it as "CSV UTF-8 (comma delimited)"`},
		{"empty file", figure.ChartColumn, "", nil, "t.csv:1:1: the file has no header row; write the column names on the first line, e.g. Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)"},
		{"header only", figure.ChartColumn, utf8BOM + "Năm,A\n", nil, "t.csv:1: the file has a header row but no rows; add one line per category below it"},
		{"one column", figure.ChartColumn, "Năm\n2020\n", nil, "t.csv:1:1: the data file has one column; it needs the categories and at least one column of numbers; write the column names on the first line, separated by commas: Năm,Xuất khẩu,Nhập khẩu"},
		{"semicolons", figure.ChartColumn, "Năm;A;B\n2020;1;2\n", nil, `t.csv:1:1: the data file separates its cells with semicolons; separate them with commas: save the sheet as "CSV UTF-8 (comma delimited)"`},
		{"column without name", figure.ChartColumn, "Năm,,Nhập khẩu\n2020,1,2\n", nil, "t.csv:1:5: column 2 has no name; name every column on the first line; the name is the series' label in the chart"},
		{"two columns of one label", figure.ChartColumn, "Năm,Xuất (USD),Xuất (VND)\n2020,1,2\n", nil,
			"t.csv:1:16: two columns are named Xuất (see also t.csv:1:5); give every column its own name"},
		{"row without category", figure.ChartColumn, "Năm,A\n,1\n", nil, "t.csv:2:1: the row has no category in its first cell; write the row's name (a year, a place, an indicator) in the first column"},
		{"unknown column", figure.ChartColumn, exampleCSV, func(c *site.Chart) {
			c.Indicators = []string{"Xuat khau"}
			c.IndicatorPos = []site.Position{{Line: 9, Col: 18}}
		}, "a.md:9:18: chart c names column Xuat khau, which t.csv does not have; its columns are Xuất khẩu, Nhập khẩu"},
		{"unknown row", figure.ChartColumn, exampleCSV, func(c *site.Chart) {
			c.Periods = []string{"2020", "2018"}
			c.PeriodPos = []site.Position{{Line: 10, Col: 14}, {Line: 10, Col: 22}}
		}, "a.md:10:22: chart c names period 2018, which is not in the first column of t.csv; it has 2019, 2020"},
		{"mixed units", figure.ChartColumn, "Năm,A (tỷ đồng),B (triệu USD),C\n2020,1,2,3\n", nil,
			"a.md:7:3: chart c mixes units tỷ đồng and triệu USD; split it into two charts, drawing the columns of each unit"},
		{"target", figure.ChartTarget, exampleCSV, nil, "a.md:7:3: a target chart cannot be drawn from a CSV file; a CSV file has no status: use type: column, or draw the figures"},
		{"pie of two columns", figure.ChartPie, exampleCSV, nil, "a.md:7:3: a pie chart draws one series of parts, not 2; draw one column or one period"},
		{"negative part", figure.ChartDonut, "Năm,Cán cân\n2020,-1\n", nil, "a.md:7:3: a donut chart cannot draw the negative value of 2020 in Cán cân; use type: bar for numbers that can be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := site.Chart{ID: "c", Type: tt.typ, Data: "t.csv", Line: 7, Column: 3}
			if tt.edit != nil {
				tt.edit(&ch)
			}
			_, problems := FromCSV("a.md", ch, "t.csv", strings.NewReader(tt.src))
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
	_, problems := FromCSV("a.md", site.Chart{ID: "c", Type: figure.ChartColumn}, "t.csv",
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
	d, problems := FromCSV("a.md", site.Chart{ID: "c", Type: figure.ChartColumn}, "t.csv",
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
	_, problems := FromCSV("a.md", site.Chart{ID: "c", Type: figure.ChartColumn}, "t.csv", iotest.ErrReader(errors.New("disk on fire")))
	if len(problems) != 1 || !strings.HasPrefix(problems[0].Error(), "t.csv: cannot read the chart's data file: disk on fire") {
		t.Errorf("got %v", problems)
	}
}

func TestCSVOfFigures(t *testing.T) {
	ch := exampleCharts()[figure.ChartChange]
	d, problems := FromFigures(exampleFile, ch, exampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := utf8BOM + "Mã chỉ tiêu,Chỉ tiêu,Kỳ,Giá trị,Đơn vị,Mức độ,Thay đổi (%),So với,Tình trạng,Nguồn,Ghi chú\r\n" +
		"industry-output,Giá trị sản xuất công nghiệp,2020,68800,tỷ đồng,trên,-1.7,2019,ước đạt,Sở Công Thương,\r\n" +
		"retail-sales,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,2020,46315,tỷ đồng,,2.6,2019,ước đạt,Sở Công Thương,\r\n" +
		"exports,Kim ngạch xuất khẩu,2020,1456,triệu USD,,-15.3,2019,ước đạt,Sở Công Thương,\r\n" +
		"imports,Kim ngạch nhập khẩu,2020,1246,triệu USD,,-21.6,2019,ước đạt,Sở Công Thương,\r\n"
	if got := string(CSV(ch, d, "vi")); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := string(CSV(ch, d)); got != want {
		t.Error("without a language, the CSV file is in Vietnamese")
	}
}

func TestCSVOfFiguresInEnglishInTableOrder(t *testing.T) {
	ch := exampleCharts()[figure.ChartTarget]
	d, _ := FromFigures(exampleFile, ch, exampleFigures())
	want := utf8BOM + "Indicator key,Indicator,Period,Value,Unit,Qualifier,Change (%),Base,Status,Source,Note\r\n" +
		"industry-output,Giá trị sản xuất công nghiệp,2020,68800,tỷ đồng,over,-1.7,2019,estimate,Sở Công Thương,\r\n" +
		"industry-output,Giá trị sản xuất công nghiệp,2021,79770,tỷ đồng,,16,2020,target,Sở Công Thương,Báo cáo viết “tăng gần 16%”.\r\n" +
		"retail-sales,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,2020,46315,tỷ đồng,,2.6,2019,estimate,Sở Công Thương,\r\n" +
		"retail-sales,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,2021,51000,tỷ đồng,nearly,9.7,2020,target,Sở Công Thương,\r\n"
	if got := string(CSV(ch, d, "en")); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCSVOfADataFileKeepsItsHeaders(t *testing.T) {
	ch := exampleCSVChart()
	src := "Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)\n2019,1719.50,1589\n2020,1456,\n"
	d, problems := FromCSV(articleFile, ch, csvFile, strings.NewReader(src))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	out := CSV(ch, d, "en")
	if want := utf8BOM + strings.ReplaceAll(src, "\n", "\r\n"); string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	again, problems := FromCSV(articleFile, ch, csvFile, bytes.NewReader(out))
	if len(problems) > 0 || !slices.Equal(values(again.Series[0]), values(d.Series[0])) {
		t.Errorf("the written file does not read back: %v", problems)
	}
}

func TestCSVKeepsSpreadsheetsFromRunningFormulas(t *testing.T) {
	v := -1.5
	d := Data{Heading: "@x", Categories: []string{"=HYPERLINK(\"http://x\")", "+1", "Đà Nẵng, \"quận\""},
		Series: []Series{{Name: "-x", Values: []*float64{&v, nil, &v}, Points: []Point{{Decimals: 1}, {}, {Decimals: 2}}}}}
	got := string(CSV(site.Chart{Type: figure.ChartBar}, d, "vi"))
	want := utf8BOM + "'@x,'-x\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n" +
		"'+1,\r\n" +
		"\"Đà Nẵng, \"\"quận\"\"\",-1.50\r\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	figs := []site.Figure{{Indicator: "x", Label: "=1+1", Period: "2020", Value: -2, HasValue: true, Note: "-note"}}
	got = string(CSV(site.Chart{Type: figure.ChartBar}, Data{Figures: figs}, "en"))
	if !strings.Contains(got, "x,'=1+1,2020,-2,,,,,actual,,'-note\r\n") {
		t.Errorf("got %q", got)
	}
}

func TestMachineNumber(t *testing.T) {
	for in, want := range map[string]string{
		"1.456,5": "1456.5", "1,456": "1456", "1,456.5": "1456.5", "15,3": "15.3", "−1,7 %": "-1.7",
		"1.456.000": "1456000", "12 %": "12", "abc": "", "1,2,3": "", "68 800": "68800",
	} {
		if got := machineNumber(in); got != want {
			t.Errorf("machineNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
