// Package figuretest holds the example article's figures and charts, as
// the tests of package figure and of package chart draw them: the 2020
// report of the province's Department of Industry and Trade, whose numbers
// the example site publishes (content/cong-thuong/).
package figuretest

import "github.com/almanac-news/almanac/internal/site"

// ExampleFile is the source of the example article the tests chart.
const ExampleFile = "content/cong-thuong/tong-ket-nam-2020/index.md"

// ExampleFigures are the figures of the example article, from the fact
// sheet of the province's Industry and Trade report for 2020: 2020
// estimates compared with 2019, and 2021 targets compared with 2020.
func ExampleFigures() []site.Figure {
	const source = "Sở Công Thương"
	return []site.Figure{
		{Indicator: "industry-output", Label: "Giá trị sản xuất công nghiệp", Unit: "tỷ đồng", Period: "2020",
			Value: 68800, HasValue: true, Qualifier: "over", Change: -1.7, HasChange: true, ChangePrecision: 1,
			Base: "2019", Status: "estimate", Source: source, Position: site.Position{Line: 12, Col: 5}},
		{Indicator: "retail-sales", Label: "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", Unit: "tỷ đồng", Period: "2020",
			Value: 46315, HasValue: true, Change: 2.6, HasChange: true, ChangePrecision: 1,
			Base: "2019", Status: "estimate", Source: source, Position: site.Position{Line: 22, Col: 5}},
		{Indicator: "exports", Label: "Kim ngạch xuất khẩu", Unit: "triệu USD", Period: "2020",
			Value: 1456, HasValue: true, Change: -15.3, HasChange: true, ChangePrecision: 1,
			Base: "2019", Status: "estimate", Source: source, Position: site.Position{Line: 31, Col: 5}},
		{Indicator: "imports", Label: "Kim ngạch nhập khẩu", Unit: "triệu USD", Period: "2020",
			Value: 1246, HasValue: true, Change: -21.6, HasChange: true, ChangePrecision: 1,
			Base: "2019", Status: "estimate", Source: source, Position: site.Position{Line: 40, Col: 5}},
		{Indicator: "industry-output", Label: "Giá trị sản xuất công nghiệp", Unit: "tỷ đồng", Period: "2021",
			Value: 79770, HasValue: true, Change: 16, HasChange: true, Base: "2020", Status: "target",
			Source: source, Note: "Báo cáo viết “tăng gần 16%”.", Position: site.Position{Line: 50, Col: 5}},
		{Indicator: "retail-sales", Label: "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", Unit: "tỷ đồng", Period: "2021",
			Value: 51000, HasValue: true, Qualifier: "nearly", Change: 9.7, HasChange: true, ChangePrecision: 1,
			Base: "2020", Status: "target", Source: source, Position: site.Position{Line: 58, Col: 5}},
		{Indicator: "trade-total", Label: "Tổng kim ngạch xuất nhập khẩu", Unit: "triệu USD", Period: "2021",
			Value: 3000, HasValue: true, Qualifier: "nearly", Status: "target", Source: source, Position: site.Position{Line: 66, Col: 5}},
	}
}

// ExampleCharts are one chart of every type drawn from the example
// figures; change, column and target are the article's own three.
func ExampleCharts() map[string]site.Chart {
	both := []string{"industry-output", "retail-sales"}
	trade := []string{"exports", "imports"}
	return map[string]site.Chart{
		"change": {ID: "bien-dong-2020", Type: "change", Title: "Bốn chỉ tiêu chính năm 2020 so với năm 2019",
			Indicators: []string{"industry-output", "retail-sales", "exports", "imports"}, Periods: []string{"2020"},
			Measure: "change", Source: "Sở Công Thương, số ước thực hiện năm 2020", Position: site.Position{Line: 75, Col: 5}},
		"column": {ID: "xuat-nhap-khau-2020", Type: "column", Title: "Kim ngạch xuất khẩu và nhập khẩu năm 2020",
			Indicators: trade, Periods: []string{"2020"}, Measure: "value", Position: site.Position{Line: 82, Col: 5}},
		"target": {ID: "muc-tieu-2021", Type: "target", Title: "Ước thực hiện năm 2020 và chỉ tiêu năm 2021",
			Indicators: both, Periods: []string{"2020", "2021"}, Measure: "value", Position: site.Position{Line: 88, Col: 5}},
		"bar": {ID: "quy-mo", Type: "bar", Title: "Ước thực hiện năm 2020 và chỉ tiêu năm 2021",
			Indicators: both, Measure: "value", Position: site.Position{Line: 95, Col: 5}},
		"line": {ID: "xu-huong", Type: "line", Title: "Từ ước thực hiện năm 2020 đến chỉ tiêu năm 2021",
			Indicators: both, Measure: "value", Position: site.Position{Line: 100, Col: 5}},
		"pie": {ID: "co-cau-pie", Type: "pie", Title: "Cơ cấu kim ngạch xuất nhập khẩu năm 2020",
			Indicators: trade, Periods: []string{"2020"}, Measure: "value", Position: site.Position{Line: 105, Col: 5}},
		"donut": {ID: "co-cau-2020", Type: "donut", Title: "Cơ cấu kim ngạch xuất nhập khẩu năm 2020",
			Indicators: trade, Periods: []string{"2020"}, Measure: "value", Position: site.Position{Line: 110, Col: 5}},
	}
}

// ExampleArticle and ExampleCSVFile are the example export article and
// its data file; ExampleCSV is the file's text.
const (
	ExampleArticle = "content/cong-thuong/xuat-nhap-khau-2020/index.md"
	ExampleCSVFile = "content/cong-thuong/xuat-nhap-khau-2020/xuat-nhap-khau-2019-2020.csv"
	ExampleCSV     = "Năm,Xuất khẩu (triệu USD),Nhập khẩu (triệu USD)\n2019,1719,1589\n2020,1456,1246\n"
)

// ExampleCSVChart is the example export article's chart of its data file.
func ExampleCSVChart() site.Chart {
	return site.Chart{ID: "xuat-nhap-khau-2019-2020", Type: "column",
		Title: "Kim ngạch xuất khẩu và nhập khẩu năm 2019 và năm 2020",
		Data:  "xuat-nhap-khau-2019-2020.csv", Position: site.Position{Line: 63}}
}
