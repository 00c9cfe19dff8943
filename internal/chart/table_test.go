package chart

import (
	"reflect"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

func exampleTable(t *testing.T, kind, lang string) TableData {
	t.Helper()
	ch := exampleCharts()[kind]
	d, problems := FromFigures(exampleFile, ch, exampleFigures())
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

func TestTableWritesChangesWithSigns(t *testing.T) {
	want := map[string]TableData{
		"vi": {
			Head: []string{"Chỉ tiêu", "2020 (ước tính)"},
			Rows: []TableRow{
				{"Giá trị sản xuất công nghiệp", cells("−1,7\u00a0%")},
				{"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", cells("+2,6\u00a0%")},
				{"Kim ngạch xuất khẩu", cells("−15,3\u00a0%")},
				{"Kim ngạch nhập khẩu", cells("−21,6\u00a0%")},
			},
			MissingLabel: "không có số liệu",
		},
		"en": {
			Head: []string{"Indicator", "2020 (estimate)"},
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
		if got := exampleTable(t, TypeChange, lang); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", lang, got, want)
		}
	}
}

func TestTableWritesValuesWithGrouping(t *testing.T) {
	vi := exampleTable(t, TypeTarget, "vi")
	if want := []string{"Chỉ tiêu", "2020 (ước tính)", "2021 (chỉ tiêu)"}; !reflect.DeepEqual(vi.Head, want) {
		t.Errorf("head %q, want %q", vi.Head, want)
	}
	if want := cells("68.800", "79.770"); !reflect.DeepEqual(vi.Rows[0].Cells, want) {
		t.Errorf("vi cells %+v, want %+v", vi.Rows[0].Cells, want)
	}
	if vi.Unit != "tỷ đồng" {
		t.Errorf("unit %q", vi.Unit)
	}
	en := exampleTable(t, TypeTarget, "en")
	if want := cells("46,315", "51,000"); !reflect.DeepEqual(en.Rows[1].Cells, want) {
		t.Errorf("en cells %+v, want %+v", en.Rows[1].Cells, want)
	}
	if want := []string{"Indicator", "2020 (estimate)", "2021 (target)"}; !reflect.DeepEqual(en.Head, want) {
		t.Errorf("head %q, want %q", en.Head, want)
	}
}

func TestTableOfATimeSeriesWithMixedUnits(t *testing.T) {
	one, two := 1234.5, -0.04
	d := Data{
		Categories: []string{"2020-Q3", "2020-Q4"},
		Decimals:   1,
		Series: []Series{
			{Name: "Xuất khẩu", Unit: "triệu USD", Values: []*float64{&one, nil}},
			{Name: "Chỉ số giá", Unit: "điểm", Values: []*float64{&two, &one}},
		},
	}
	got := Table(site.Chart{Type: TypeLine}, d, "vi")
	want := TableData{
		Head: []string{"Kỳ", "Xuất khẩu (triệu USD)", "Chỉ số giá (điểm)"},
		Rows: []TableRow{
			{"Quý III/2020", cells("1.234,5", "0,0")},
			{"Quý IV/2020", cells(missingText, "1.234,5")},
		},
		MissingLabel: "không có số liệu",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestPeriodLabel(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"vi", "2020", "2020"},
		{"vi", "2020-Q3", "Quý III/2020"},
		{"vi", "2020-11", "11/2020"},
		{"vi-VN", "2021-02", "02/2021"},
		{"en", "2020-Q3", "Q3 2020"},
		{"en", "2020-11", "Nov 2020"},
		{"en", "2020-13", "2020-13"},
		{"en", "Hà Nội", "Hà Nội"},
	}
	for _, tt := range tests {
		if got := periodLabel(tt.lang, tt.in); got != tt.want {
			t.Errorf("periodLabel(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestSortPeriods(t *testing.T) {
	got := []string{"2021", "2020-11", "2020-Q3", "x", "2020", "2020-02", "2020-Q1"}
	sortPeriods(got)
	want := []string{"2020", "2020-Q1", "2020-02", "2020-Q3", "2020-11", "2021", "x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
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
