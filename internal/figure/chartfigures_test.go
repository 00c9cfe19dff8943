package figure

import (
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/figure/figuretest"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// missing stands for a gap in the values tests compare.
const missing = -1e308

// values unwraps a series' numbers, writing a gap as missing.
func values(s Series) []float64 {
	out := make([]float64, len(s.Values))
	for i, v := range s.Values {
		out[i] = missing
		if v != nil {
			out[i] = *v
		}
	}
	return out
}

func TestFromFiguresLaysOutEveryType(t *testing.T) {
	both := []string{"Giá trị sản xuất công nghiệp", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"}
	trade := []string{"Kim ngạch xuất khẩu", "Kim ngạch nhập khẩu"}
	tests := []struct {
		kind        string
		byIndicator bool
		categories  []string
		keys        []string // of the series
		statuses    []string
		values      [][]float64
		unit        string
		decimals    int
	}{
		{ChartChange, true, append(slices.Clone(both), trade...), []string{"2020"}, []string{"estimate"},
			[][]float64{{-1.7, 2.6, -15.3, -21.6}}, "%", 1},
		{ChartColumn, true, trade, []string{"2020"}, []string{"estimate"}, [][]float64{{1456, 1246}}, "triệu USD", 0},
		{ChartTarget, true, both, []string{"2020", "2021"}, []string{"estimate", "target"},
			[][]float64{{68800, 46315}, {79770, 51000}}, "tỷ đồng", 0},
		{ChartBar, true, both, []string{"2020", "2021"}, []string{"estimate", "target"},
			[][]float64{{68800, 46315}, {79770, 51000}}, "tỷ đồng", 0},
		{ChartLine, false, []string{"2020", "2021"}, []string{"industry-output", "retail-sales"}, []string{"", ""},
			[][]float64{{68800, 79770}, {46315, 51000}}, "tỷ đồng", 0},
		{ChartDonut, true, trade, []string{"2020"}, []string{"estimate"}, [][]float64{{1456, 1246}}, "triệu USD", 0},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			d, problems := ChartFromFigures(figuretest.ExampleFile, figuretest.ExampleCharts()[tt.kind], figuretest.ExampleFigures())
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if d.ByIndicator != tt.byIndicator || !slices.Equal(d.Categories, tt.categories) {
				t.Errorf("by indicator %v, categories %q; want %v, %q", d.ByIndicator, d.Categories, tt.byIndicator, tt.categories)
			}
			if d.Unit != tt.unit || d.Decimals != tt.decimals {
				t.Errorf("unit, decimals = %q, %d, want %q, %d", d.Unit, d.Decimals, tt.unit, tt.decimals)
			}
			if len(d.Series) != len(tt.keys) {
				t.Fatalf("%d series, want %d", len(d.Series), len(tt.keys))
			}
			for i, s := range d.Series {
				if s.Key != tt.keys[i] || s.Status != tt.statuses[i] || !slices.Equal(values(s), tt.values[i]) {
					t.Errorf("series %d = %q %q %v, want %q %q %v", i, s.Key, s.Status, values(s), tt.keys[i], tt.statuses[i], tt.values[i])
				}
			}
		})
	}
}

func TestFromFiguresOfOneIndicatorHasPeriodsForCategories(t *testing.T) {
	ch := site.Chart{ID: "xuat-nhap-khau-2020-2021", Type: ChartTarget, Indicators: []string{"trade-total"},
		Periods: []string{"2020", "2021"}, Position: site.Position{Line: 65, Col: 5}}
	figs := []site.Figure{
		{Indicator: "trade-total", Label: "Tổng kim ngạch xuất nhập khẩu", Unit: "triệu USD", Period: "2020",
			Value: 2702, HasValue: true, Status: "estimate", Note: "Số do tòa soạn tính."},
		{Indicator: "trade-total", Label: "Tổng kim ngạch xuất nhập khẩu", Unit: "triệu USD", Period: "2021",
			Value: 3000, HasValue: true, Qualifier: "nearly", Status: "target"},
	}
	d, problems := ChartFromFigures("chi-tieu.md", ch, figs)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if d.ByIndicator || !slices.Equal(d.Categories, []string{"2020", "2021"}) || len(d.Series) != 1 {
		t.Fatalf("got %+v", d)
	}
	s := d.Series[0]
	if s.Name != "Tổng kim ngạch xuất nhập khẩu" || s.Key != "trade-total" || s.Status != "" {
		t.Errorf("series %q %q status %q", s.Name, s.Key, s.Status)
	}
	want := []Point{{Status: "estimate", Note: "Số do tòa soạn tính."}, {Status: "target", Qualifier: "nearly"}}
	if !slices.Equal(s.Points, want) {
		t.Errorf("points %+v, want %+v", s.Points, want)
	}
	if len(d.Figures) != 2 || d.Figures[1].Value != 3000 {
		t.Errorf("figures drawn: %+v", d.Figures)
	}
}

func TestFromFiguresKeepsTheGivenPrecisionOfEachNumber(t *testing.T) {
	ch := site.Chart{ID: "muc-tang-2021", Type: ChartChange, Indicators: []string{"industry-output", "retail-sales"},
		Periods: []string{"2021"}, Measure: MeasureChange}
	d, problems := ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	pts := d.Series[0].Points
	if pts[0].Decimals != 0 || pts[1].Decimals != 1 || d.Decimals != 1 || pts[0].Base != "2020" {
		t.Errorf("points %+v, decimals %d", pts, d.Decimals)
	}
}

func TestFromFiguresWarnsAboutGaps(t *testing.T) {
	ch := site.Chart{ID: "muc-tieu-2021", Type: ChartTarget, Indicators: []string{"industry-output", "exports"},
		Periods: []string{"2020", "2021"}, Measure: MeasureValue, Position: site.Position{Line: 88, Col: 5}}
	figs := figuretest.ExampleFigures()
	figs[2].Unit = "tỷ đồng" // so that the units agree
	d, problems := ChartFromFigures(figuretest.ExampleFile, ch, figs)
	if len(problems) != 1 {
		t.Fatalf("want one warning, got %v", problems)
	}
	want := figuretest.ExampleFile + ":88:5: warning: chart muc-tieu-2021 has no figure for exports in 2021; the chart leaves a gap there and the table shows —"
	if got := problems[0].Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := values(d.Series[1]); !slices.Equal(got, []float64{79770, missing}) {
		t.Errorf("2021 = %v", got)
	}
}

func TestFromFiguresOrdersPeriods(t *testing.T) {
	figs := []site.Figure{
		{Indicator: "exports", Label: "Exports", Unit: "USD m", Period: "2020-Q3", Value: 3, HasValue: true, Precision: 1},
		{Indicator: "exports", Period: "2020-Q1", Value: 1, HasValue: true},
		{Indicator: "exports", Period: "2020-Q4", Value: 4.25, HasValue: true, Precision: 2, Status: "forecast"},
	}
	d, problems := ChartFromFigures("a.md", site.Chart{ID: "quarters", Type: ChartLine, Indicators: []string{"exports"}}, figs)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if want := []string{"2020-Q1", "2020-Q3", "2020-Q4"}; !slices.Equal(d.Categories, want) {
		t.Errorf("categories = %q, want %q", d.Categories, want)
	}
	if d.Decimals != 2 || d.Unit != "USD m" {
		t.Errorf("decimals, unit = %d, %q, want 2, USD m", d.Decimals, d.Unit)
	}
	col := site.Chart{ID: "q", Type: ChartColumn, Indicators: []string{"exports"}, Periods: []string{"2020-Q4", "2020-Q1"}}
	if d, _ := ChartFromFigures("a.md", col, figs); !slices.Equal(d.Categories, []string{"2020-Q4", "2020-Q1"}) {
		t.Errorf("a column chart draws its periods in the order given, got %q", d.Categories)
	}
}

func TestFromFiguresErrors(t *testing.T) {
	figs := figuretest.ExampleFigures()
	base := site.Chart{ID: "c", Type: ChartColumn, Indicators: []string{"exports"}, Position: site.Position{Line: 75, Col: 5},
		IndicatorPos: []site.Position{{Line: 78, Col: 18}, {Line: 78, Col: 27}},
		PeriodPos:    []site.Position{{Line: 79, Col: 15}}}
	with := func(edit func(*site.Chart)) site.Chart {
		ch := base
		edit(&ch)
		return ch
	}
	tests := []struct {
		name string
		ch   site.Chart
		figs []site.Figure
		want string // the first problem, in full
	}{
		{"unknown indicator", with(func(c *site.Chart) { c.Indicators = []string{"exports", "export"} }), figs,
			"78:27: chart c names indicator export, which no figure has; did you mean exports?"},
		{"unknown indicator, nothing near", with(func(c *site.Chart) { c.Indicators = []string{"gdp"} }), figs,
			"78:18: chart c names indicator gdp, which no figure has; the indicators are industry-output, retail-sales, exports, imports, trade-total"},
		{"no indicators", with(func(c *site.Chart) { c.Indicators = nil }), figs,
			"75:5: chart c draws nothing; add indicators: [...] or data: file.csv"},
		{"unknown period", with(func(c *site.Chart) { c.Periods = []string{"2019"} }), figs,
			"79:15: chart c names period 2019, which none of its indicators has; they have 2020"},
		{"nothing to draw", with(func(c *site.Chart) { c.Indicators = []string{"trade-total"}; c.Measure = MeasureChange }), figs,
			"75:5: chart c has nothing to draw: none of its figures has a change; add change: to the figures, or check the chart's indicators and periods"},
		{"pie of two periods", with(func(c *site.Chart) { c.Type = ChartPie; c.Indicators = []string{"industry-output"} }), figs,
			`75:5: a pie chart draws exactly one period; this one has 2; name the one to draw, e.g. periods: ["2021"]`},
		{"mixed units", with(func(c *site.Chart) {
			c.Indicators = []string{"industry-output", "exports"}
			c.Periods = []string{"2020"}
		}), figs,
			"75:5: chart c mixes units tỷ đồng and triệu USD; split it into two charts, or draw the changes with measure: change"},
		{"target without targets", with(func(c *site.Chart) { c.Type = ChartTarget; c.Indicators = []string{"exports", "imports"} }), figs,
			"75:5: target chart c has no target or forecast figure; add the targets to the figures with status: target, or use type: column"},
		{"unknown type", with(func(c *site.Chart) { c.Type = "radar" }), figs,
			`75:5: chart type "radar" is not one of bar, column, line, pie, donut, change, target; fix the chart's type`},
		{"line of one period", with(func(c *site.Chart) { c.Type = ChartLine }), figs,
			"75:5: a line chart needs at least two periods; add periods, or use type: column"},
		{"line of years and months", with(func(c *site.Chart) { c.Type = ChartLine }),
			append(figs[:4:4], site.Figure{Indicator: "exports", Period: "2021-03", Value: 120, HasValue: true}),
			"75:5: line chart c mixes yearly and monthly periods (2020 and 2021-03); a line needs periods of one kind: list them in the chart's periods"},
		{"negative part", with(func(c *site.Chart) { c.Type = ChartDonut; c.Measure = MeasureValue }),
			[]site.Figure{{Indicator: "exports", Label: "Cán cân", Period: "2020", Value: -5, HasValue: true}},
			"75:5: a donut chart cannot draw the negative value of Cán cân in 2020; use type: bar for numbers that can be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := ChartFromFigures(figuretest.ExampleFile, tt.ch, tt.figs)
			if len(problems) == 0 || problems[0].Severity != diag.SeverityError {
				t.Fatalf("want an error, got %v", problems)
			}
			if got := strings.TrimPrefix(problems[0].Error(), figuretest.ExampleFile+":"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestPartsOfAWhole: shares in per cent of a pie that add up to more than
// 100 beyond their rounding, and a part that is the sum of the others,
// are warnings at the chart; shares that round to 100 are not.
func TestPartsOfAWhole(t *testing.T) {
	share := func(ind string, v float64, decimals int) site.Figure {
		return site.Figure{Indicator: ind, Label: ind, Unit: "%", Period: "2020", Value: v, HasValue: true,
			Precision: decimals, Status: StatusActual}
	}
	value := func(ind string, v float64) site.Figure {
		return site.Figure{Indicator: ind, Label: ind, Unit: "triệu USD", Period: "2020", Value: v, HasValue: true, Status: StatusActual}
	}
	pie := func(figs ...site.Figure) site.Chart {
		ch := site.Chart{ID: "co-cau", Type: ChartPie, Measure: MeasureValue, Position: site.Position{Line: 30, Col: 5}}
		for _, f := range figs {
			ch.Indicators = append(ch.Indicators, f.Indicator)
		}
		return ch
	}
	for _, tc := range []struct {
		name string
		figs []site.Figure
		want string
	}{
		{"shares of 100", []site.Figure{share("a", 33.3, 1), share("b", 33.3, 1), share("c", 33.4, 1)}, ""},
		{"rounded shares of 100.1", []site.Figure{share("a", 33.4, 1), share("b", 33.4, 1), share("c", 33.3, 1)}, ""},
		{"shares of 130", []site.Figure{share("a", 60, 0), share("b", 40, 0), share("c", 30, 0)},
			"f.md:30:5: warning: the parts of pie chart co-cau add up to 130 %, more than the whole; shares of one whole add up to 100 %"},
		{"a total as a part", []site.Figure{value("xuat-khau", 1456), value("nhap-khau", 1246), value("tong", 2702)},
			"f.md:30:5: warning: tong is the sum of the other parts of pie chart co-cau: a total drawn as a part"},
		{"two parts", []site.Figure{value("xuat-khau", 1456), value("nhap-khau", 1456)}, ""},
	} {
		_, problems := ChartFromFigures("f.md", pie(tc.figs...), tc.figs)
		var got []string
		for _, p := range problems {
			got = append(got, p.Error())
		}
		joined := strings.Join(got, "\n")
		if tc.want == "" && joined != "" || tc.want != "" && (len(got) != 1 || !strings.Contains(joined, tc.want)) {
			t.Errorf("%s: got %q, want %q", tc.name, joined, tc.want)
		}
	}
}
