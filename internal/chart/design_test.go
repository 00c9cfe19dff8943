package chart

import (
	"reflect"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/figure/figuretest"
)

// TestColoursFollowIndicators checks that an indicator has one colour in
// every chart of a page, by its place among the page's indicators, and
// that a target series takes the colour of the result before it.
func TestColoursFollowIndicators(t *testing.T) {
	charts := figuretest.ExampleCharts()
	line, _ := figure.ChartFromFigures(figuretest.ExampleFile, charts[figure.ChartLine], figuretest.ExampleFigures())
	if got, want := colours(line, len(line.Series), dataColor), []string{palette[0], palette[1]}; !reflect.DeepEqual(got, want) {
		t.Errorf("line colours %v, want %v (industry-output and retail-sales come first on the page)", got, want)
	}
	pie, _ := figure.ChartFromFigures(figuretest.ExampleFile, charts[figure.ChartDonut], figuretest.ExampleFigures())
	if got, want := colours(pie, len(pie.Categories), categoryColor), []string{palette[2], palette[3]}; !reflect.DeepEqual(got, want) {
		t.Errorf("donut slice colours %v, want %v (exports and imports are third and fourth)", got, want)
	}
	target, _ := figure.ChartFromFigures(figuretest.ExampleFile, charts[figure.ChartTarget], figuretest.ExampleFigures())
	if got, want := colours(target, len(target.Series), dataColor), []string{palette[0], palette[0]}; !reflect.DeepEqual(got, want) {
		t.Errorf("target series colours %v, want the result's colour for the target too %v", got, want)
	}
}

// colours are the first n colours of d that of gives: dataColor for
// its series, categoryColor for its categories, as the option takes them.
func colours(d figure.Data, n int, of func(figure.Data, int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = of(d, i)
	}
	return out
}

func TestKeySaysHowStatusesAreMarked(t *testing.T) {
	charts := figuretest.ExampleCharts()
	for _, tc := range []struct {
		kind, lang string
		want       []KeyItem
	}{
		{figure.ChartChange, "vi", []KeyItem{{Text: "Mọi số liệu trên biểu đồ là số ước đạt"}}},
		{figure.ChartChange, "en", []KeyItem{{Text: "Every number in the chart is an estimate"}}},
		{figure.ChartTarget, "vi", []KeyItem{{Mark: "hatched", Text: "Cột gạch chéo: mục tiêu hoặc dự báo"}}},
		{figure.ChartLine, "en", []KeyItem{{Mark: "dashed", Text: "Dashed: estimate, target or forecast"}}},
		{figure.ChartDonut, "vi", []KeyItem{{Text: "Mọi số liệu trên biểu đồ là số ước đạt"}}},
	} {
		d, _ := figure.ChartFromFigures(figuretest.ExampleFile, charts[tc.kind], figuretest.ExampleFigures())
		if got := Key(charts[tc.kind], d, tc.lang); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s, %s: key %v, want %v", tc.kind, tc.lang, got, tc.want)
		}
	}
	// Estimates among results are striped, and the key says so.
	figs := figuretest.ExampleFigures()
	figs[0].Status = "actual"
	ch := charts[figure.ChartChange]
	d, _ := figure.ChartFromFigures(figuretest.ExampleFile, ch, figs)
	if got := Key(ch, d, "en"); !reflect.DeepEqual(got, []KeyItem{{Mark: "striped", Text: "Striped: estimate"}}) {
		t.Errorf("mixed statuses: key %v", got)
	}
	option, err := Option(ch, d, "en")
	if err != nil {
		t.Fatal(err)
	}
	var striped []bool
	for _, item := range firstOf(option.(map[string]any), "series")["data"].([]any) {
		style, _ := item.(map[string]any)["itemStyle"].(map[string]any)
		striped = append(striped, style["decal"] != nil)
	}
	if want := []bool{false, true, true, true}; !reflect.DeepEqual(striped, want) {
		t.Errorf("striped bars %v, want the three estimates %v", striped, want)
	}
}

// TestNoteNumbersAgreeWithTheTable checks that the chart marks a value
// with the number its note has under the table.
func TestNoteNumbersAgreeWithTheTable(t *testing.T) {
	figs := figuretest.ExampleFigures()
	figs[2].Note = "Số do tòa soạn tính."
	figs[3].Note = "Theo báo cáo tháng 12."
	ch := figuretest.ExampleCharts()[figure.ChartColumn]
	d, _ := figure.ChartFromFigures(figuretest.ExampleFile, ch, figs)
	table := Table(ch, d, "vi")
	option, err := Option(ch, d, "vi")
	if err != nil {
		t.Fatal(err)
	}
	points := option.(map[string]any)["almanac"].(map[string]any)["points"].([]any)
	for r, row := range table.Rows {
		for s := range d.Series {
			cell := row.Cells[s]
			var marked int
			if p, ok := points[s].([]any)[r].(map[string]any); ok && p["note"] != nil {
				marked = int(p["note"].(float64))
			}
			if marked != cell.Note {
				t.Errorf("%s, series %d: the chart marks note %d, the table %d", row.Head, s, marked, cell.Note)
			}
		}
	}
	if len(table.Footnotes()) != 2 || !strings.HasPrefix(table.Footnotes()[0].Text, "Số do") {
		t.Errorf("footnotes %v, want the exports note first", table.Footnotes())
	}
}

func TestAxisBoundsReachTheClient(t *testing.T) {
	ch := figuretest.ExampleCharts()[figure.ChartLine]
	ch.Axis.Min, ch.Axis.HasMin = 40000, true
	d, _ := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures())
	option, err := Option(ch, d, "vi")
	if err != nil {
		t.Fatal(err)
	}
	axis := option.(map[string]any)["almanac"].(map[string]any)["axis"]
	if !reflect.DeepEqual(axis, map[string]any{"min": 40000.0}) {
		t.Errorf("almanac.axis %v, want min 40000", axis)
	}
	ch.Axis.Max, ch.Axis.HasMax = 60000, true
	if _, problems := figure.ChartFromFigures(figuretest.ExampleFile, ch, figuretest.ExampleFigures()); len(problems) == 0 ||
		!strings.Contains(problems[0].Error(), "68800 of Giá trị sản xuất công nghiệp for 2020 is outside the axis the chart sets") {
		t.Errorf("a number outside the axis gave %v", problems)
	}
}
