package chart

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/figure/figuretest"

	"github.com/almanac-news/almanac/internal/site"
)

const (
	articleFile = "content/cong-thuong/xuat-nhap-khau-2020/index.md"
	csvFile     = "content/cong-thuong/xuat-nhap-khau-2020/xuat-nhap-khau-2019-2020.csv"
)

func TestCSVOfFigures(t *testing.T) {
	ch := figuretest.ExampleCharts()[figure.ChartChange]
	d, problems := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := figure.UTF8BOM + "Mã chỉ tiêu,Chỉ tiêu,Kỳ,Giá trị,Đơn vị,Mức độ,Thay đổi (%),So với,Tình trạng,Nguồn,Ghi chú\r\n" +
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
	ch := figuretest.ExampleCharts()[figure.ChartTarget]
	d, _ := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
	want := figure.UTF8BOM + "Indicator key,Indicator,Period,Value,Unit,Qualifier,Change (%),Base,Status,Source,Note\r\n" +
		"industry-output,Giá trị sản xuất công nghiệp,2020,68800,tỷ đồng,over,-1.7,2019,estimate,Sở Công Thương,\r\n" +
		"industry-output,Giá trị sản xuất công nghiệp,2021,79770,tỷ đồng,,16,2020,target,Sở Công Thương,Báo cáo viết “tăng gần 16%”.\r\n" +
		"retail-sales,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,2020,46315,tỷ đồng,,2.6,2019,estimate,Sở Công Thương,\r\n" +
		"retail-sales,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,2021,51000,tỷ đồng,nearly,9.7,2020,target,Sở Công Thương,\r\n"
	if got := string(CSV(ch, d, "en")); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestCSVOfADataFileKeepsItsHeaders(t *testing.T) {
	ch := figuretest.ExampleCSVChart()
	src := "Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)\n2019,1719.50,1589\n2020,1456,\n"
	d, problems := figure.ChartFromCSV(articleFile, ch, csvFile, strings.NewReader(src))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	out := CSV(ch, d, "en")
	if want := figure.UTF8BOM + strings.ReplaceAll(src, "\n", "\r\n"); string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	again, problems := figure.ChartFromCSV(articleFile, ch, csvFile, bytes.NewReader(out))
	if len(problems) > 0 || !reflect.DeepEqual(again.Series[0].Values, d.Series[0].Values) {
		t.Errorf("the written file does not read back: %v", problems)
	}
}

func TestCSVKeepsSpreadsheetsFromRunningFormulas(t *testing.T) {
	v := -1.5
	d := figure.Data{Heading: "@x", Categories: []string{"=HYPERLINK(\"http://x\")", "+1", "Đà Nẵng, \"quận\""},
		Series: []figure.Series{{Name: "-x", Values: []*float64{&v, nil, &v}, Points: []figure.Point{{Decimals: 1}, {}, {Decimals: 2}}}}}
	got := string(CSV(site.Chart{Type: figure.ChartBar}, d, "vi"))
	want := figure.UTF8BOM + "'@x,'-x\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n" +
		"'+1,\r\n" +
		"\"Đà Nẵng, \"\"quận\"\"\",-1.50\r\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	figs := []site.Figure{{Indicator: "x", Label: "=1+1", Period: "2020", Value: -2, HasValue: true, Note: "-note"}}
	got = string(CSV(site.Chart{Type: figure.ChartBar}, figure.Data{Figures: figs}, "en"))
	if !strings.Contains(got, "x,'=1+1,2020,-2,,,,,actual,,'-note\r\n") {
		t.Errorf("got %q", got)
	}
}
