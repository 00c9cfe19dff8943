package chart

import (
	"bytes"
	"errors"
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
		"plain":               exampleCSV,
		"with BOM and CRLF":   utf8BOM + strings.ReplaceAll(exampleCSV, "\n", "\r\n"),
		"with spaces, quotes": "Năm, \"Xuất khẩu (triệu USD)\",Nhập khẩu (triệu USD)\n 2019 , 1719,1589\n2020,1456 ,\"1246\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			d, problems := FromCSV(articleFile, exampleCSVChart(), csvFile, strings.NewReader(src))
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if d.Heading != "Năm" || !slices.Equal(d.Categories, []string{"2019", "2020"}) {
				t.Errorf("heading %q, categories %q", d.Heading, d.Categories)
			}
			if len(d.Series) != 2 || d.Series[0].Name != "Xuất khẩu (triệu USD)" || d.Series[1].Name != "Nhập khẩu (triệu USD)" {
				t.Fatalf("series %+v", d.Series)
			}
			if got := values(d.Series[1]); !slices.Equal(got, []float64{1589, 1246}) {
				t.Errorf("imports = %v", got)
			}
			if d.Unit != "" || d.Decimals != 0 {
				t.Errorf("unit, decimals = %q, %d", d.Unit, d.Decimals)
			}
		})
	}
}

func TestFromCSVGapsDecimalsAndTargets(t *testing.T) {
	ch := site.Chart{ID: "t", Type: TypeTarget, Line: 3}
	d, problems := FromCSV("a.md", ch, "t.csv", strings.NewReader("Chỉ tiêu,Ước 2020,Kế hoạch 2021\nA,68800.5,79770\nB,,51000.25\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := values(d.Series[0]); !slices.Equal(got, []float64{68800.5, missing}) {
		t.Errorf("results = %v", got)
	}
	if d.Decimals != 2 || d.Series[1].Status != StatusTarget || d.Series[0].Status != "" {
		t.Errorf("decimals %d, statuses %q %q", d.Decimals, d.Series[0].Status, d.Series[1].Status)
	}
}

func TestFromCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  string // position of the first problem
		msg  string
		hint string
	}{
		{"Vietnamese number format", "Tỉnh,Xuất khẩu\nHà Nội,\"1.456,5\"\n", "t.csv:2:8",
			`"1.456,5" is not a number written plainly`, "1456.5, not 1.456,5"},
		{"typographic minus", "Năm,Thay đổi\n2020,−15.3\n", "t.csv:2:6", `"−15.3" is not a number`, "hyphen-minus"},
		{"per cent sign", "Năm,Thay đổi\n2020,-15.3%\n", "t.csv:2:6", `"-15.3%" is not a number`, "leave out the % sign"},
		{"grouped thousands", "Năm,Giá trị\n2020,1.456.000\n", "t.csv:2:6", `"1.456.000" is not a number`, "1456000"},
		{"words", "Năm,Giá trị\n2020,khoảng 12\n", "t.csv:2:6", `"khoảng 12" is not a number`, "digits only"},
		{"row too short", "Năm,A,B\n2020,1\n", "t.csv:2:1", "not valid CSV: wrong number of fields", "as many cells as the first row"},
		{"bare quote", "Năm,A\nĐà Nẵng,1\"2\n", "t.csv:2:10", "not valid CSV", "double quotes"},
		{"empty file", "", "t.csv", "the data file is empty", "column names on the first line"},
		{"names only", utf8BOM + "Năm,A\n", "t.csv:1", "column names but no rows", "one line per category"},
		{"one column", "Năm\n2020\n", "t.csv:1:1", "the data file has one column", "separated by commas"},
		{"semicolons", "Năm;A;B\n2020;1;2\n", "t.csv:1:1", "separates its cells with semicolons", "comma delimited"},
		{"column without name", "Năm,,Nhập khẩu\n2020,1,2\n", "t.csv:1:5", "column 2 has no name", "name every column"},
		{"two columns of one name", "Năm,Xuất,Xuất\n2020,1,2\n", "t.csv:1:10", `two columns are named "Xuất"`, "its own name"},
		{"row without category", "Năm,A\n,1\n", "t.csv:2:1", "no category in its first cell", "first column"},
		{"pie of two columns", "Năm,A,B\n2020,1,2\n", "a.md:7", "a pie chart shows one series of parts, not 2", "one column"},
		{"negative part", "Năm,A\n2020,-1\n", "a.md:7", `the part "2020" is negative`, "type: bar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := site.Chart{ID: "c", Type: TypeColumn, Line: 7}
			if strings.Contains(tt.name, "pie") || strings.Contains(tt.name, "part") {
				ch.Type = TypePie
			}
			_, problems := FromCSV("a.md", ch, "t.csv", strings.NewReader(tt.src))
			if len(problems) == 0 {
				t.Fatal("no problem reported")
			}
			p := problems[0]
			if p.Pos.String() != tt.pos || p.Severity != diag.SeverityError {
				t.Errorf("problem at %s (severity %d), want an error at %s: %v", p.Pos, p.Severity, tt.pos, p)
			}
			if !strings.Contains(p.Msg, tt.msg) || !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("got %q, want message with %q and hint with %q", p.Error(), tt.msg, tt.hint)
			}
		})
	}
}

func TestFromCSVReportsEveryBadCell(t *testing.T) {
	_, problems := FromCSV("a.md", site.Chart{ID: "c", Type: TypeColumn}, "t.csv",
		strings.NewReader("Năm,A,B\n2019,1,x\n2020,y,2\n"))
	var got []string
	for _, p := range problems {
		got = append(got, p.Pos.String())
	}
	if want := []string{"t.csv:2:8", "t.csv:3:6"}; !slices.Equal(got, want) {
		t.Errorf("problems at %q, want %q", got, want)
	}
}

func TestFromCSVWarnsAboutThousandsSeparators(t *testing.T) {
	d, problems := FromCSV("a.md", site.Chart{ID: "c", Type: TypeColumn}, "t.csv",
		strings.NewReader("Năm,Xuất khẩu\n2019,1719\n2020,1.456\n"))
	if len(problems) != 1 || problems[0].Severity != diag.SeverityWarning {
		t.Fatalf("want one warning, got %v", problems)
	}
	if got := problems[0].Error(); got != `t.csv:3: warning: "1.456" in column "Xuất khẩu" is read as 1.456, a thousand times smaller than the column's other numbers; if the dot separates thousands, write 1456` {
		t.Errorf("got %s", got)
	}
	if len(d.Series) != 1 {
		t.Errorf("a warning must not drop the data: %+v", d)
	}
}

func TestFromCSVReadError(t *testing.T) {
	_, problems := FromCSV("a.md", site.Chart{ID: "c", Type: TypeColumn}, "t.csv", iotest.ErrReader(errors.New("disk on fire")))
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "t.csv: cannot read the chart's data file: disk on fire") {
		t.Errorf("got %v", problems)
	}
}

func TestSelectColumns(t *testing.T) {
	header := []string{"Năm", "Xuất khẩu", "Nhập khẩu"}
	pos := diag.Pos{File: "a.md", Line: 7}
	cols, problems := selectColumns(pos, "c", []string{"Nhập khẩu", "Xuất khẩu"}, header)
	if len(problems) > 0 || !slices.Equal(cols, []int{2, 1}) {
		t.Errorf("cols %v, problems %v", cols, problems)
	}
	_, problems = selectColumns(pos, "c", []string{"Xuat khau"}, header)
	want := `a.md:7: chart "c" names column "Xuat khau", which its data file does not have; use one of: "Xuất khẩu", "Nhập khẩu"`
	if len(problems) != 1 || problems[0].Error() != want {
		t.Errorf("got %v, want %s", problems, want)
	}
}

func TestCSVWritesBOMHeaderAndPlainNumbers(t *testing.T) {
	ch := exampleCharts()[TypeChange]
	d, problems := FromFigures(exampleFile, ch, exampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := utf8BOM + "indicator,2020 estimate (%)\r\n" +
		"Giá trị sản xuất công nghiệp,-1.7\r\n" +
		"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,2.6\r\n" +
		"Kim ngạch xuất khẩu,-15.3\r\n" +
		"Kim ngạch nhập khẩu,-21.6\r\n"
	if got := string(CSV(ch, d)); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestCSVOfFiguresNamesStatusesAndUnits(t *testing.T) {
	ch := exampleCharts()[TypeTarget]
	d, _ := FromFigures(exampleFile, ch, exampleFigures())
	d.Series[1].Values[1] = nil
	want := utf8BOM + "indicator,2020 estimate (tỷ đồng),2021 target (tỷ đồng)\r\n" +
		"Giá trị sản xuất công nghiệp,68800,79770\r\n" +
		"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,46315,\r\n"
	if got := string(CSV(ch, d)); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestCSVRoundTripsADataFile(t *testing.T) {
	ch := exampleCSVChart()
	d, problems := FromCSV(articleFile, ch, csvFile, strings.NewReader(exampleCSV))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	out := CSV(ch, d)
	if !bytes.HasPrefix(out, []byte(utf8BOM)) {
		t.Error("no byte order mark")
	}
	if got, want := string(out), utf8BOM+strings.ReplaceAll(exampleCSV, "\n", "\r\n"); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	again, problems := FromCSV(articleFile, ch, csvFile, bytes.NewReader(out))
	if len(problems) > 0 || !slices.Equal(values(again.Series[0]), values(d.Series[0])) {
		t.Errorf("the written file does not read back: %v", problems)
	}
}

func TestCSVKeepsSpreadsheetsFromRunningFormulas(t *testing.T) {
	v := -1.5
	d := Data{Categories: []string{"=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "Đà Nẵng, \"quận\""},
		Series: []Series{{Name: "-x", Values: []*float64{&v, &v, nil, &v}}}}
	got := string(CSV(site.Chart{Type: TypeBar}, d))
	want := utf8BOM + "indicator,'-x\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n" +
		"'@SUM(A1),-1.5\r\n" +
		"'+1,\r\n" +
		"\"Đà Nẵng, \"\"quận\"\"\",-1.5\r\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
