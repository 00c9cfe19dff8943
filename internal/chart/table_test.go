package chart

import (
	"reflect"
	"testing"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/figure/figuretest"

	"github.com/almanac-news/almanac/internal/site"
)

func exampleTable(t *testing.T, kind, lang string) TableData {
	t.Helper()
	ch := figuretest.ExampleCharts()[kind]
	d, problems := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return Table(ch, d, lang)
}

func cells(texts ...string) []TableCell {
	out := make([]TableCell, len(texts))
	for i, s := range texts {
		out[i] = TableCell{Text: s, Missing: s == missingText}
	}
	return out
}

func TestTableWritesChangesWithSignsAndBase(t *testing.T) {
	want := map[string]TableData{
		"vi": {
			Head: []string{"Chỉ tiêu", "2020 so với 2019 (ước đạt)"},
			Rows: []TableRow{
				{"Giá trị sản xuất công nghiệp", cells("−1,7\u00a0%")},
				{"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", cells("+2,6\u00a0%")},
				{"Kim ngạch xuất khẩu", cells("−15,3\u00a0%")},
				{"Kim ngạch nhập khẩu", cells("−21,6\u00a0%")},
			},
			MissingLabel: "không có số liệu",
		},
		"en": {
			Head: []string{"Indicator", "2020 on 2019 (estimate)"},
			Rows: []TableRow{
				{"Giá trị sản xuất công nghiệp", cells("−1.7%")},
				{"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", cells("+2.6%")},
				{"Kim ngạch xuất khẩu", cells("−15.3%")},
				{"Kim ngạch nhập khẩu", cells("−21.6%")},
			},
			MissingLabel: "no data",
		},
	}
	for lang, want := range want {
		if got := exampleTable(t, figure.ChartChange, lang); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", lang, got, want)
		}
	}
}

func TestTableWritesValuesWithQualifiersUnitsAndNotes(t *testing.T) {
	vi := exampleTable(t, figure.ChartTarget, "vi")
	want := TableData{
		Head: []string{"Chỉ tiêu", "2020 (ước đạt)", "2021 (mục tiêu)", "Đơn vị"},
		Rows: []TableRow{
			{"Giá trị sản xuất công nghiệp", []TableCell{{Text: "trên 68.800"}, {Text: "79.770", Note: 1}, {Text: "tỷ đồng"}}},
			{"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", cells("46.315", "gần 51.000", "tỷ đồng")},
		},
		UnitColumn:   true,
		Notes:        []string{"Báo cáo viết “tăng gần 16%”."},
		Unit:         "tỷ đồng",
		MissingLabel: "không có số liệu",
	}
	if !reflect.DeepEqual(vi, want) {
		t.Errorf("vi:\ngot  %+v\nwant %+v", vi, want)
	}
	en := exampleTable(t, figure.ChartTarget, "en")
	if want := cells("46,315", "nearly 51,000", "tỷ đồng"); !reflect.DeepEqual(en.Rows[1].Cells, want) {
		t.Errorf("en cells %+v, want %+v", en.Rows[1].Cells, want)
	}
	if want := []string{"Indicator", "2020 (estimate)", "2021 (target)", "Unit"}; !reflect.DeepEqual(en.Head, want) {
		t.Errorf("head %q, want %q", en.Head, want)
	}
}

func TestTableOfOneIndicatorPutsStatusesAndBasesInCells(t *testing.T) {
	ch := site.Chart{ID: "muc-tang", Type: figure.ChartChange, Indicators: []string{"industry-output"}}
	d, problems := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	got := Table(ch, d, "vi")
	want := TableData{
		Head: []string{"Kỳ", "Giá trị sản xuất công nghiệp"},
		Rows: []TableRow{
			{"2020", cells("−1,7\u00a0% so với 2019 (ước đạt)")},
			{"2021", []TableCell{{Text: "+16\u00a0% so với 2020 (mục tiêu)", Note: 1}}},
		},
		Notes:        []string{"Báo cáo viết “tăng gần 16%”."},
		MissingLabel: "không có số liệu",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestTableOfADataFile(t *testing.T) {
	d := figure.Data{
		Heading:    "Quý",
		Categories: []string{"2020-Q3", "2020-Q4"},
		Unit:       "triệu USD",
		Series: []figure.Series{
			{Name: "Xuất khẩu", Unit: "triệu USD", Values: []*float64{f(1234.5), nil}, Points: []figure.Point{{Decimals: 1}, {}}},
			{Name: "Nhập khẩu", Values: []*float64{f(-0.04), f(12)}, Points: []figure.Point{{Decimals: 2}, {Decimals: 0}}},
		},
	}
	got := Table(site.Chart{Type: figure.ChartColumn}, d, "vi")
	want := TableData{
		Head: []string{"Quý", "Xuất khẩu (triệu USD)", "Nhập khẩu (triệu USD)"},
		Rows: []TableRow{
			{"quý III/2020", cells("1.234,5", "−0,04")},
			{"quý IV/2020", cells(missingText, "12")},
		},
		Unit:         "triệu USD",
		MissingLabel: "không có số liệu",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestLegendName(t *testing.T) {
	tests := []struct{ lang, period, status, want string }{
		{"vi", "2020", "estimate", "Ước đạt 2020"},
		{"vi", "2021", "target", "Mục tiêu 2021"},
		{"vi", "2020-Q3", "forecast", "Dự báo quý III/2020"},
		{"vi", "2019", "actual", "2019"},
		{"en", "2020", "estimate", "2020 estimate"},
		{"en", "2021", "", "2021"},
	}
	for _, tt := range tests {
		if got := legendName(tt.lang, tt.period, tt.status); got != tt.want {
			t.Errorf("legendName(%q, %q, %q) = %q, want %q", tt.lang, tt.period, tt.status, got, tt.want)
		}
	}
}

func TestElementID(t *testing.T) {
	tests := []struct{ url, id, want string }{
		{"/cong-thuong/tong-ket-nam-2020/", "bien-dong-2020", "chart-bien-dong-2020"},
		{"/en/", "Biến động 2020", "chart-bien-dong-2020"},
	}
	for _, tt := range tests {
		if got := ElementID(tt.url, tt.id); got != tt.want {
			t.Errorf("ElementID(%q, %q) = %q, want %q", tt.url, tt.id, got, tt.want)
		}
	}
	a, b := ElementID("/a/", "!!!"), ElementID("/b/", "!!!")
	if a != ElementID("/a/", "!!!") || a == b || len(a) != len("chart-")+12 {
		t.Errorf("ids without letters must be stable and differ by page: %q, %q", a, b)
	}
}
