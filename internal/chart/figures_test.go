package chart

import (
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

// values unwraps a series' numbers, writing a missing one as missing.
func values(s Series) []float64 {
	out := make([]float64, len(s.Values))
	for i, v := range s.Values {
		out[i] = -1e308
		if v != nil {
			out[i] = *v
		}
	}
	return out
}

const missing = -1e308

func TestFromFiguresArrangesEveryType(t *testing.T) {
	charts := exampleCharts()
	tests := []struct {
		kind       string
		categories []string
		names      []string
		statuses   []string
		values     [][]float64
		unit       string
		decimals   int
	}{
		{TypeChange,
			[]string{"Giá trị sản xuất công nghiệp", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Kim ngạch xuất khẩu", "Kim ngạch nhập khẩu"},
			[]string{"2020"}, []string{"estimate"}, [][]float64{{-1.7, 2.6, -15.3, -21.6}}, "%", 1},
		{TypeBar,
			[]string{"Giá trị sản xuất công nghiệp", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"},
			[]string{"2020", "2021"}, []string{"estimate", "target"}, [][]float64{{68800, 46315}, {79770, 51000}}, "tỷ đồng", 0},
		{TypeColumn, []string{"Kim ngạch xuất khẩu", "Kim ngạch nhập khẩu"},
			[]string{"2020"}, []string{"estimate"}, [][]float64{{1456, 1246}}, "triệu USD", 0},
		{TypeLine, []string{"2020", "2021"},
			[]string{"Giá trị sản xuất công nghiệp", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"}, []string{"", ""},
			[][]float64{{68800, 79770}, {46315, 51000}}, "tỷ đồng", 0},
		{TypeDonut, []string{"Kim ngạch xuất khẩu", "Kim ngạch nhập khẩu"},
			[]string{"2020"}, []string{"estimate"}, [][]float64{{1456, 1246}}, "triệu USD", 0},
		{TypeTarget, []string{"Giá trị sản xuất công nghiệp", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"},
			[]string{"2020", "2021"}, []string{"estimate", "target"}, [][]float64{{68800, 46315}, {79770, 51000}}, "tỷ đồng", 0},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			d, problems := FromFigures(exampleFile, charts[tt.kind], exampleFigures())
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if !slices.Equal(d.Categories, tt.categories) {
				t.Errorf("categories = %q, want %q", d.Categories, tt.categories)
			}
			if d.Unit != tt.unit || d.Decimals != tt.decimals {
				t.Errorf("unit, decimals = %q, %d, want %q, %d", d.Unit, d.Decimals, tt.unit, tt.decimals)
			}
			if len(d.Series) != len(tt.names) {
				t.Fatalf("%d series, want %d", len(d.Series), len(tt.names))
			}
			for i, s := range d.Series {
				if s.Name != tt.names[i] || s.Status != tt.statuses[i] || !slices.Equal(values(s), tt.values[i]) {
					t.Errorf("series %d = %q %q %v, want %q %q %v", i, s.Name, s.Status, values(s), tt.names[i], tt.statuses[i], tt.values[i])
				}
			}
		})
	}
}

func TestFromFiguresKeepsPointStatusesOfLines(t *testing.T) {
	d, problems := FromFigures(exampleFile, exampleCharts()[TypeLine], exampleFigures())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := d.Series[0].Statuses; !slices.Equal(got, []string{"estimate", "target"}) {
		t.Errorf("statuses = %q, want estimate then target", got)
	}
}

func TestFromFiguresLeavesGapsAndOrdersPeriods(t *testing.T) {
	figs := []site.Figure{
		{Indicator: "exports", Label: "Exports", Unit: "USD m", Period: "2020-Q3", Value: 3, HasValue: true, Precision: 1, Status: "actual"},
		{Indicator: "exports", Period: "2020-Q1", Value: 1, HasValue: true, Status: "actual"},
		{Indicator: "exports", Period: "2020-Q4", Value: 4.25, HasValue: true, Precision: 2, Status: "forecast"},
		{Indicator: "imports", Label: "Imports", Unit: "USD m", Period: "2020-Q1", Value: 2, HasValue: true, Status: "estimate"},
		{Indicator: "imports", Period: "2020-Q1", Value: 2.5, HasValue: true, Status: "actual"},
	}
	ch := site.Chart{ID: "quarters", Type: TypeLine, Line: 9}
	d, problems := FromFigures("a.md", ch, figs)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if want := []string{"2020-Q1", "2020-Q3", "2020-Q4"}; !slices.Equal(d.Categories, want) {
		t.Errorf("categories = %q, want %q", d.Categories, want)
	}
	if got, want := values(d.Series[1]), []float64{2.5, missing, missing}; !slices.Equal(got, want) {
		t.Errorf("imports = %v, want %v (the actual figure preferred, gaps where none)", got, want)
	}
	if d.Decimals != 2 || d.Unit != "USD m" {
		t.Errorf("decimals, unit = %d, %q, want 2, USD m", d.Decimals, d.Unit)
	}
}

func TestFromFiguresErrors(t *testing.T) {
	figs := exampleFigures()
	base := site.Chart{ID: "c", Type: TypeColumn, Indicators: []string{"exports"}, Line: 75}
	with := func(edit func(*site.Chart)) site.Chart {
		ch := base
		edit(&ch)
		return ch
	}
	tests := []struct {
		name  string
		ch    site.Chart
		figs  []site.Figure
		msg   string // in the first problem
		hint  string // in its hint
		count int
	}{
		{"unknown indicator", with(func(c *site.Chart) { c.Indicators = []string{"exports", "export"} }), figs,
			`names indicator "export", which no figure of this page has`, `use one of: industry-output, retail-sales, exports, imports`, 1},
		{"unknown period", with(func(c *site.Chart) { c.Periods = []string{"2019"} }), figs,
			`names period "2019", but none of its indicators has a figure for it`, `use one of: "2020"`, 1},
		{"no change", with(func(c *site.Chart) {
			c.Indicators = []string{"industry-output"}
			c.Measure = MeasureChange
			c.Periods = []string{"2020"}
		}),
			withoutChange(figs, "industry-output", "2020"),
			`no figure gives the change of "industry-output" for "2020"`, `add change: to its figure`, 1},
		{"no figures on the page", base, nil,
			`has no figures to show`, `figures list`, 1},
		{"pie of two periods", with(func(c *site.Chart) { c.Type = TypePie; c.Indicators = []string{"industry-output"} }), figs,
			`a pie chart shows one period, but chart "c" has 2: "2020", "2021"`, `periods: ["2021"]`, 1},
		{"units on one scale", with(func(c *site.Chart) {
			c.Indicators = []string{"industry-output", "exports"}
			c.Periods = []string{"2020"}
		}), figs,
			`puts "industry-output" (tỷ đồng) and "exports" (triệu USD) on one scale`, `measure: change`, 1},
		{"target without targets", with(func(c *site.Chart) { c.Type = TypeTarget; c.Indicators = []string{"exports", "imports"} }), figs,
			`has no figure with status: target`, `status: target`, 1},
		{"unknown type", with(func(c *site.Chart) { c.Type = "radar" }), figs,
			`has type "radar", which Almanac cannot draw`, `bar, column, line, pie, donut, change, target`, 1},
		{"line of one period", with(func(c *site.Chart) { c.Type = TypeLine }), figs,
			`a line chart needs at least two periods`, `type: column`, 1},
		{"line mixing years and months", with(func(c *site.Chart) { c.Type = TypeLine }),
			append(figs[:4:4], site.Figure{Indicator: "exports", Period: "2021-03", Value: 120, HasValue: true}),
			`mixes yearly and monthly periods ("2020" and "2021-03")`, `periods of one kind`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := FromFigures(exampleFile, tt.ch, tt.figs)
			if len(problems) != tt.count {
				t.Fatalf("got %d problems, want %d: %v", len(problems), tt.count, problems)
			}
			p := problems[0]
			if p.Pos.File != exampleFile || p.Pos.Line != 75 {
				t.Errorf("position %s, want the chart's line %s:75", p.Pos, exampleFile)
			}
			if !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("message %q does not contain %q", p.Msg, tt.msg)
			}
			if !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("hint %q does not contain %q", p.Hint, tt.hint)
			}
		})
	}
}

func TestFromFiguresPointsAtTheFigureWithoutTheMeasure(t *testing.T) {
	ch := site.Chart{ID: "c", Type: TypeChange, Indicators: []string{"industry-output"}, Periods: []string{"2020"}, Line: 75}
	_, problems := FromFigures(exampleFile, ch, withoutChange(exampleFigures(), "industry-output", "2020"))
	if len(problems) != 1 {
		t.Fatalf("want 1 problem, got %v", problems)
	}
	want := exampleFile + ":75: chart \"c\": no figure gives the change of \"industry-output\" for \"2020\" (see also " +
		exampleFile + ":12); add change: to its figure, or take \"industry-output\" out of the chart's indicators"
	if got := problems[0].Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// withoutChange returns figs with the change of one figure taken out.
func withoutChange(figs []site.Figure, indicator, period string) []site.Figure {
	out := slices.Clone(figs)
	for i := range out {
		if out[i].Indicator == indicator && out[i].Period == period {
			out[i].HasChange = false
		}
	}
	return out
}
