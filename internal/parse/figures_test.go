package parse

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/site"
)

// article is a content folder with one article whose front matter is
// title, date and then fm, which so starts on line 4 of content/s/a.md.
func article(fm string) fstest.MapFS {
	return fstest.MapFS{"s/a.md": file("---\ntitle: A\ndate: 2020-12-30\n" + fm + "---\nBody\n")}
}

// fig writes one figure of a figures list: "  - first\n    second\n…".
func fig(keys ...string) string {
	return "  - " + strings.Join(keys, "\n    ") + "\n"
}

// good is a valid figure of industry-output for 2020, on five lines.
var good = fig("indicator: industry-output", "label: GTSX", "unit: tỷ đồng", `period: "2020"`, "value: 68800")

func parseOne(t *testing.T, fsys fstest.MapFS) (*site.Page, *diag.List) {
	t.Helper()
	res, problems := Dir(fsys, testOptions())
	for _, p := range res.Site.Pages {
		return p, problems
	}
	t.Fatalf("no page: %v", problems.Err())
	return nil, nil
}

func TestFigureErrors(t *testing.T) {
	const at = "content/s/a.md:"
	for _, tc := range []struct {
		name string
		fm   string
		want []string
	}{
		{"figures not a list", "figures: {indicator: x}\n",
			[]string{at + "4:10: figures must be a list of figures, each with indicator, period and value, not a set of keys"}},
		{"figure not a mapping", "figures:\n  - industry-output\n",
			[]string{at + `5:5: each figure must be a set of keys (indicator, period, value…), not "industry-output"`}},
		{"unknown key", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "vaule: 1"),
			[]string{at + `8:5: figure has no key "vaule"; did you mean "value"? (the keys of a figure are indicator, label, unit,`,
				at + "5:5: figure of x in 2020 has neither value nor change"}},
		{"value with thousands separator", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, `value: "68.800"`),
			[]string{at + `8:12: value must be a number, not "68.800"; write 68800, without thousands separators`}},
		{"value with comma", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 68,800"),
			[]string{at + `8:12: value must be a number, not "68,800"; write 68800, without thousands separators`}},
		{"value in quotes", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, `value: "68800"`),
			[]string{at + `8:12: value must be a number, not "68800"; write 68800, without quotes`}},
		{"value a list", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: [1]"),
			[]string{at + "8:12: value must be a number, not a list"}},
		{"value with exponent", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 6.88e4"),
			[]string{at + "8:12: value 6.88e4 must be written in full; write value: 68800"}},
		{"value infinite", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: .inf"),
			[]string{at + "8:12: value .inf is not a number Almanac can show"}},
		{"change with decimal comma", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "change: -1,7"),
			[]string{at + `8:13: change must be a number, not "-1,7"; write -1.7, with a dot`}},
		{"change with per cent", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "change: 1.7%"),
			[]string{at + `8:13: change must be a number, not "1.7%"; write 1.7: change is already in per cent`}},
		{"change with typographic minus", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "change: −1.7"),
			[]string{at + `8:13: change must be a number, not "−1.7"; write -1.7: use the ASCII minus sign -`}},
		{"label not text", "figures:\n" + fig("indicator: x", "label: 2020", `period: "2020"`, "value: 1"),
			[]string{at + "6:12: label must be text, not a number"}},
		{"missing indicator", "figures:\n" + fig("label: X", `period: "2020"`, "value: 1"),
			[]string{at + "5:5: figure has no indicator; add indicator: industry-output"}},
		{"missing period", "figures:\n" + fig("indicator: x", "label: X", "value: 1"),
			[]string{at + `5:5: figure has no period; add period: "2020"`}},
		{"missing value and change", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`),
			[]string{at + "5:5: figure of x in 2020 has neither value nor change; add value: 68800"}},
		{"malformed indicator", "figures:\n" + fig("indicator: Industry Output", "label: X", `period: "2020"`, "value: 1"),
			[]string{at + `5:16: indicator "Industry Output" is not a key; use a-z, 0-9 and hyphens, e.g. industry-output`}},
		{"malformed period", "figures:\n" + fig("indicator: x", "label: X", "period: Q3/2020", "value: 1"),
			[]string{at + `7:13: period "Q3/2020" is not a period; write "2020-Q3" (the accepted forms are`}},
		{"period out of range", "figures:\n" + fig("indicator: x", "label: X", `period: "2020-13"`, "value: 1"),
			[]string{at + `7:13: period "2020-13" is not a period; write "2020" for a year, "2020-Q3" for a quarter or "2020-11" for a month`}},
		{"period a date", "figures:\n" + fig("indicator: x", "label: X", "period: 2020-11-30", "value: 1"),
			[]string{at + `7:13: period "2020-11-30" is not a period; write "2020-11"`}},
		{"malformed base", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "change: 1", "base: 2019-Q0"),
			[]string{at + `9:11: base "2019-Q0" is not a period`}},
		{"base not before period", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "change: 1", `base: "2021"`),
			[]string{at + `9:11: base "2021" is not before period "2020"; base is the earlier period the change compares with, e.g. base: "2019"`}},
		{"base overlapping period", "figures:\n" + fig("indicator: x", "label: X", `period: "2020-11"`, "change: 1", "base: 2020"),
			[]string{at + `9:11: base "2020" is not before period "2020-11"`}},
		{"base without change", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 1", `base: "2019"`),
			[]string{at + "9:11: base is given but the figure has no change"}},
		{"unknown status", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 1", "status: ước tính"),
			[]string{at + `9:13: status "ước tính" is not one of actual, estimate, target, forecast; write status: estimate`}},
		{"unknown polarity", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 1", "polarity: good news"),
			[]string{at + `9:15: polarity "good news" is not one of higher-is-better, higher-is-worse, neutral`}},
		{"polarity meant", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 1", "polarity: better"),
			[]string{at + `9:15: polarity "better" is not one of higher-is-better, higher-is-worse, neutral; write polarity: higher-is-better`}},
		{"two polarities", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 1", "polarity: higher-is-better") +
			fig("indicator: x", `period: "2021"`, "value: 2", "polarity: higher-is-worse"),
			[]string{at + `13:15: polarity "higher-is-worse" differs from "higher-is-better" given for x at line 9`}},
		{"unknown qualifier", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "value: 1", "qualifier: tren"),
			[]string{at + `9:16: qualifier "tren" is not one of over, nearly, about; write qualifier: over`}},
		{"qualifier without value", "figures:\n" + fig("indicator: x", "label: X", `period: "2020"`, "change: 1", "qualifier: over"),
			[]string{at + "9:16: qualifier needs a value"}},
		{"duplicate indicator and period", "figures:\n" + good + fig("indicator: industry-output", "period: 2020", "value: 2"),
			[]string{at + "10:5: industry-output already has a figure for 2020 (see also content/s/a.md:5:5); keep one"}},
		{"no label anywhere", "figures:\n" + fig("indicator: x", `period: "2020"`, "value: 1") + fig("indicator: x", `period: "2021"`, "value: 2"),
			[]string{at + "5:5: indicator x has no label; add label: …"}},
		{"two labels", "figures:\n" + good + fig("indicator: industry-output", "label: Khác", `period: "2021"`, "value: 2"),
			[]string{at + `11:12: label "Khác" differs from "GTSX" given for industry-output at line 6 (see also content/s/a.md:6:12)`}},
		{"two units", "figures:\n" + good + fig("indicator: industry-output", "unit: triệu USD", `period: "2021"`, "value: 2"),
			[]string{at + `11:11: unit "triệu USD" differs from "tỷ đồng" given for industry-output at line 7`}},
		{"kpis unknown", "figures:\n" + good + "kpis: [industry-output, retail]\n",
			[]string{at + "10:25: kpis names retail, which no figure has; the indicators are industry-output"}},
		{"kpis misspelt, before figures", "kpis: [industry-outptu]\nfigures:\n" + good,
			[]string{at + "4:8: kpis names industry-outptu, which no figure has; did you mean industry-output?"}},
		{"kpis without figures", "kpis: [exports]\n",
			[]string{at + "4:8: kpis names exports, which no figure has; the article has no figures"}},
		{"kpis repeated", "figures:\n" + good + "kpis: [industry-output, industry-output]\n",
			[]string{at + "10:25: kpis names industry-output twice (see also content/s/a.md:10:8)"}},
		{"kpis not a list", "figures:\n" + good + "kpis: {a: b}\n",
			[]string{at + "10:7: kpis must be a list, not a set of keys"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Dir(article(tc.fm), testOptions())
			checkProblems(t, problems.Err(), tc.want)
		})
	}
}

func checkProblems(t *testing.T, err error, want []string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("errors\n%s\ndo not contain\n%s", err, w)
		}
	}
}

func TestChartErrors(t *testing.T) {
	const at = "content/s/a.md:"
	figs := "figures:\n" + good + fig("indicator: exports", "label: XK", `period: "2021"`, "value: 1456") // lines 4-13
	chart := func(keys ...string) string { return "charts:\n" + fig(keys...) }                            // chart at line 15
	for _, tc := range []struct {
		name string
		fm   string
		want []string
	}{
		{"charts not a list", figs + "charts: bien-dong\n",
			[]string{at + `14:9: charts must be a list of charts, each with id, type and title, not "bien-dong"`}},
		{"chart not a mapping", figs + "charts:\n  - [a]\n",
			[]string{at + "15:5: each chart must be a set of keys (id, type, title, indicators or data…), not a list"}},
		{"unknown key", figs + chart("id: c", "type: bar", "title: T", "indicator: [exports]"),
			[]string{at + `18:5: chart has no key "indicator"; did you mean "indicators"?`,
				at + "15:5: chart c draws nothing; add indicators: [...] or data: file.csv"}},
		{"missing id", figs + chart("type: bar", "title: T", "indicators: [exports]"),
			[]string{at + "15:5: chart has no id; add id: bien-dong-2020"}},
		{"malformed id", figs + chart("id: biến động", "type: bar", "title: T", "indicators: [exports]"),
			[]string{at + `15:9: chart id "biến động" is not a key; use a-z, 0-9 and hyphens, e.g. bien-dong`}},
		{"duplicate id", figs + chart("id: c", "type: bar", "title: T", "indicators: [exports]") +
			fig("id: c", "type: bar", "title: U", "indicators: [exports]"),
			[]string{at + "19:9: chart id c is used twice (see also content/s/a.md:15:9)"}},
		{"missing type and title", figs + chart("id: c", "indicators: [exports]"),
			[]string{at + "15:5: chart c has no type; add type: one of bar, column, line, pie, donut, change, target",
				at + "15:5: chart c has no title"}},
		{"unknown type", figs + chart("id: c", "type: columns", "title: T", "indicators: [exports]"),
			[]string{at + `16:11: chart type "columns" is not one of bar, column, line, pie, donut, change, target; did you mean column?`}},
		{"unknown measure", figs + chart("id: c", "type: bar", "title: T", "indicators: [exports]", "measure: total"),
			[]string{at + `19:14: measure "total" is not one of value, change`}},
		{"change chart drawing values", figs + chart("id: c", "type: change", "title: T", "indicators: [exports]", "measure: value"),
			[]string{at + "19:14: a change chart draws changes; remove measure: value"}},
		{"measure with data", figs + chart("id: c", "type: change", "title: T", "data: x.csv", "measure: change"),
			[]string{at + "19:14: measure cannot be set for a chart drawn from a CSV file"}},
		{"neither indicators nor data", figs + chart("id: c", "type: bar", "title: T"),
			[]string{at + "15:5: chart c draws nothing; add indicators: [...] or data: file.csv"}},
		{"unknown indicator", figs + chart("id: c", "type: bar", "title: T", "indicators: [industry-output, export]"),
			[]string{at + "18:35: chart c names indicator export, which no figure has; did you mean exports?"}},
		{"unknown period", figs + chart("id: c", "type: bar", "title: T", "indicators: [industry-output]", `periods: ["2020", "2022"]`),
			[]string{at + "19:23: chart c names period 2022, which none of its indicators has; they have 2020"}},
		{"an indicator twice", figs + chart("id: c", "type: bar", "title: T", "indicators: [exports, industry-output, exports]"),
			[]string{at + "18:44: chart c names indicator exports twice (see also content/s/a.md:18:18); keep one"}},
		{"a period twice", figs + chart("id: c", "type: line", "title: T", "indicators: [exports]", `periods: ["2021", "2021"]`),
			[]string{at + "19:23: chart c names period 2021 twice (see also content/s/a.md:19:15); keep one"}},
		{"malformed period", figs + chart("id: c", "type: bar", "title: T", "indicators: [exports]", "periods: [2021-Q5]"),
			[]string{at + `19:15: period "2021-Q5" is not a period`}},
		{"unknown indicator, charts before figures", chart("id: c", "type: bar", "title: T", "indicators: [exports, imports]") + figs,
			[]string{at + "8:27: chart c names indicator imports, which no figure has; the indicators are industry-output, exports"}},
		{"data leaving the site", figs + chart("id: c", "type: bar", "title: T", "data: ../x.csv", "indicators: [Xuất khẩu]"),
			[]string{at + `18:11: chart data "../x.csv" leaves the site's folders`}},
		{"data not csv", figs + chart("id: c", "type: bar", "title: T", "data: x.xlsx"),
			[]string{at + `18:11: chart data "x.xlsx" is not a CSV file`}},
		{"target chart from csv", figs + chart("id: c", "type: target", "title: T", "data: x.csv"),
			[]string{at + "18:11: a target chart cannot be drawn from a CSV file"}},
		{"columns is no key", figs + chart("id: c", "type: bar", "title: T", "data: x.csv", "columns: [A]"),
			[]string{at + `19:5: chart has no key "columns"`}},
		{"axis on a pie", figs + chart("id: c", "type: pie", "title: T", "indicators: [exports]", "axis: {max: 10}"),
			[]string{at + "19:11: a pie chart has no axis; remove axis:"}},
		{"axis not a mapping", figs + chart("id: c", "type: line", "title: T", "indicators: [exports]", "axis: 10"),
			[]string{at + "19:11: axis must be a set of keys, not a number; write axis: {min: 0, max: 100}"}},
		{"axis of bars above zero", figs + chart("id: c", "type: column", "title: T", "indicators: [exports]", "axis: {min: 100}"),
			[]string{at + "19:17: the axis of a column chart starts at zero or below, not at 100"}},
		{"axis min not below max", figs + chart("id: c", "type: line", "title: T", "indicators: [exports]", "axis: {min: 5, max: 5}"),
			[]string{at + "19:11: axis min 5 is not below max 5; swap them, or remove one"}},
		{"axis bound not a number", figs + chart("id: c", "type: line", "title: T", "indicators: [exports]", "axis: {min: low}"),
			[]string{at + `19:17: min must be a number, not "low"`}},
		{"axis unknown key", figs + chart("id: c", "type: line", "title: T", "indicators: [exports]", "axis: {mim: 1}"),
			[]string{at + `19:12: chart axis has no key "mim"; the keys of a chart axis are min, max`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Dir(article(tc.fm), testOptions())
			checkProblems(t, problems.Err(), tc.want)
		})
	}
}

func TestFiguresInEveryFormat(t *testing.T) {
	yamlFM := "---\ntitle: A\ndate: 2020-12-30\nkpis: [industry-output]\nfigures:\n" +
		fig("indicator: industry-output", "label: Giá trị sản xuất công nghiệp", "unit: tỷ đồng", `period: "2020"`,
			"value: 68800", "qualifier: over", "change: -1.7", "status: estimate") +
		fig("indicator: industry-output", "period: 2021", "value: 79770", "change: 16", "status: target") +
		"charts:\n" + fig("id: muc-tieu-2021", "type: target", "title: Chỉ tiêu", "indicators: [industry-output]",
		`periods: ["2020", "2021"]`) + "---\n"
	tomlFM := "+++\ntitle = \"A\"\ndate = 2020-12-30\nkpis = [\"industry-output\"]\n\n[[figures]]\n" +
		"indicator = \"industry-output\"\nlabel = \"Giá trị sản xuất công nghiệp\"\nunit = \"tỷ đồng\"\n" +
		"period = \"2020\"\nvalue = 68800\nqualifier = \"over\"\nchange = -1.7\nstatus = \"estimate\"\n\n[[figures]]\n" +
		"indicator = \"industry-output\"\nperiod = 2021\nvalue = 79_770\nchange = 16\nstatus = \"target\"\n\n[[charts]]\n" +
		"id = \"muc-tieu-2021\"\ntype = \"target\"\ntitle = \"Chỉ tiêu\"\nindicators = [\"industry-output\"]\n" +
		"periods = [\"2020\", \"2021\"]\n+++\n"
	jsonFM := `{
"title": "A", "date": "2020-12-30",
"figures": [
 {"indicator": "industry-output", "label": "Giá trị sản xuất công nghiệp", "unit": "tỷ đồng",
  "period": "2020", "value": 68800, "qualifier": "over", "change": -1.7, "status": "estimate"},
 {"indicator": "industry-output", "period": "2021", "value": 79770, "change": 16, "status": "target"}
],
"kpis": ["industry-output"],
"charts": [{"id": "muc-tieu-2021", "type": "target", "title": "Chỉ tiêu",
  "indicators": ["industry-output"], "periods": ["2020", "2021"]}]
}
`
	for name, src := range map[string]string{"yaml": yamlFM, "toml": tomlFM, "json": jsonFM} {
		t.Run(name, func(t *testing.T) {
			p, problems := parseOne(t, fstest.MapFS{"s/a.md": file(src + "\nBody\n")})
			if err := problems.Err(); err != nil {
				t.Fatal(err)
			}
			if len(p.Figures) != 2 || len(p.Charts) != 1 || strings.Join(p.KPIs, ",") != "industry-output" {
				t.Fatalf("figures %+v charts %+v kpis %v", p.Figures, p.Charts, p.KPIs)
			}
			f0, f1 := p.Figures[0], p.Figures[1]
			if f0.Value != 68800 || f0.Qualifier != "over" || f0.Change != -1.7 || f0.ChangePrecision != 1 ||
				f0.Base != "2019" || f0.Status != "estimate" {
				t.Errorf("first figure %+v", f0)
			}
			if f1.Period != "2021" || f1.Value != 79770 || f1.Label != f0.Label || f1.Unit != "tỷ đồng" || f1.Base != "2020" {
				t.Errorf("second figure %+v", f1)
			}
			if c := p.Charts[0]; c.ID != "muc-tieu-2021" || c.Measure != "value" || strings.Join(c.Periods, ",") != "2020,2021" {
				t.Errorf("chart %+v", c)
			}
		})
	}
}

func TestFigureErrorPositionsInTOMLAndJSON(t *testing.T) {
	toml := "+++\ntitle = \"A\"\ndate = 2020-12-30\n\n[[figures]]\nindicator = \"x\"\nlabel = \"X\"\nperiod = \"2020\"\nvalue = \"68,800\"\n+++\n"
	json := "{\n\"title\": \"A\", \"date\": \"2020-12-30\",\n\"figures\": [\n {\"indicator\": \"x\", \"label\": \"X\", \"period\": \"2020\",\n  \"value\": 68800, \"status\": \"ước tính\"}\n]\n}\n"
	for name, tc := range map[string]struct{ src, want string }{
		"toml": {toml, `content/s/a.md:9:9: value must be a number, not "68,800"; write 68800`},
		"json": {json, `content/s/a.md:5:29: status "ước tính" is not one of actual, estimate, target, forecast; write status: estimate`},
	} {
		t.Run(name, func(t *testing.T) {
			_, problems := Dir(fstest.MapFS{"s/a.md": file(tc.src + "\nBody\n")}, testOptions())
			checkProblems(t, problems.Err(), []string{tc.want})
		})
	}
}

// TestYearEndReport parses the figures of the example site's year-end
// report: labels and units carry over, precision is kept, bases default
// to the previous period, and the cross-check passes.
func TestYearEndReport(t *testing.T) {
	fm := "figures:\n" +
		fig("indicator: industry-output", "label: Giá trị sản xuất công nghiệp", "unit: tỷ đồng", `period: "2020"`,
			"value: 68800", "qualifier: over", "change: -1.70", `base: "2019"`, "status: estimate", "source: Sở Công Thương") +
		fig("indicator: retail-sales", "label: Tổng mức bán lẻ", "unit: tỷ đồng", "period: 2020", "value: 46315",
			"change: +2.6", "status: estimate") +
		fig("indicator: industry-output", `period: "2021"`, "value: 79770", "change: 16", "status: target",
			"note: Báo cáo viết “tăng gần 16%”.") +
		fig("indicator: retail-sales", `period: "2021"`, "value: 51000", "qualifier: nearly", "change: 9.7", "status: target") +
		fig("indicator: cpi", "label: Chỉ số giá", "unit:", `period: "2020-Q3"`, "value: 102.35", "change: 0.4") +
		"kpis: [retail-sales, industry-output]\n"
	p, problems := parseOne(t, article(fm))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	want := []site.Figure{
		{Indicator: "industry-output", Label: "Giá trị sản xuất công nghiệp", Unit: "tỷ đồng", Period: "2020",
			Value: 68800, HasValue: true, Qualifier: "over", Change: -1.7, HasChange: true, ChangePrecision: 2,
			Base: "2019", Status: "estimate", Source: "Sở Công Thương", Position: site.Position{Line: 5, Col: 5}, ChangePos: site.Position{Line: 11, Col: 13}},
		{Indicator: "retail-sales", Label: "Tổng mức bán lẻ", Unit: "tỷ đồng", Period: "2020", Value: 46315, HasValue: true,
			Change: 2.6, HasChange: true, ChangePrecision: 1, Base: "2019", Status: "estimate", Position: site.Position{Line: 15, Col: 5},
			ChangePos: site.Position{Line: 20, Col: 13}},
		{Indicator: "industry-output", Label: "Giá trị sản xuất công nghiệp", Unit: "tỷ đồng", Period: "2021", Value: 79770,
			HasValue: true, Change: 16, HasChange: true, Base: "2020", Status: "target", Note: "Báo cáo viết “tăng gần 16%”.",
			Position: site.Position{Line: 22, Col: 5}, ChangePos: site.Position{Line: 25, Col: 13}},
		{Indicator: "retail-sales", Label: "Tổng mức bán lẻ", Unit: "tỷ đồng", Period: "2021", Value: 51000, HasValue: true,
			Qualifier: "nearly", Change: 9.7, HasChange: true, ChangePrecision: 1, Base: "2020", Status: "target",
			Position: site.Position{Line: 28, Col: 5}, ChangePos: site.Position{Line: 32, Col: 13}},
		{Indicator: "cpi", Label: "Chỉ số giá", Period: "2020-Q3", Value: 102.35, HasValue: true, Precision: 2,
			Change: 0.4, HasChange: true, ChangePrecision: 1, Base: "2020-Q2", Status: "actual", Position: site.Position{Line: 34, Col: 5},
			ChangePos: site.Position{Line: 39, Col: 13}},
	}
	if len(p.Figures) != len(want) {
		t.Fatalf("%d figures, want %d", len(p.Figures), len(want))
	}
	for i := range want {
		if p.Figures[i] != want[i] {
			t.Errorf("figure %d\n got %+v\nwant %+v", i, p.Figures[i], want[i])
		}
	}
	if strings.Join(p.KPIs, ",") != "retail-sales,industry-output" {
		t.Errorf("kpis = %v", p.KPIs)
	}
	if _, ok := p.Params["figures"]; ok {
		t.Error("figures also kept in Params")
	}
}

func TestThreeDecimalsWarn(t *testing.T) {
	_, problems := Dir(article("figures:\n"+fig("indicator: x", "label: X", `period: "2020"`, "value: 68.800")), testOptions())
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	w := problems.Warnings()
	if len(w) != 1 || !strings.HasPrefix(w[0].Error(), "content/s/a.md:8:12: warning: value 68.800 is read as 68.8, not 68800") {
		t.Errorf("warnings = %v", w)
	}
}

func TestChartBlocks(t *testing.T) {
	fm := "figures:\n" + good + "charts:\n" +
		fig("id: bien-dong", "type: change", "title: Biến động", "indicators: [industry-output]") + // line 11
		fig("id: muc-tieu", "type: column", "title: Mục tiêu", "indicators: [industry-output]") // line 15
	p, problems := parseOne(t, article(fm))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if c := p.Charts[0]; c.Measure != "change" || c.Line != 11 || c.IndicatorPos[0] != (site.Position{Line: 14, Col: 18}) {
		t.Errorf("chart %+v", c)
	}
	b := figure.NewChartBlocks(p)
	placed, ps := b.Block([]byte("id: bien-dong\n"), 40)
	if len(ps) != 0 || !placed.Placed || placed.Title != "Biến động" {
		t.Errorf("placing: %+v %v", placed, ps)
	}
	inline, ps := b.Block([]byte("type: column\ntitle: Xuất nhập khẩu\ndata: xnk.csv\nindicators: [Xuất khẩu]\n"), 50)
	if len(ps) != 0 || !inline.Inline || !inline.Placed || inline.Data != "xnk.csv" || inline.Line != 50 || inline.Columns[0] != "Xuất khẩu" {
		t.Errorf("inline: %+v %v", inline, ps)
	}
	for _, tc := range []struct {
		body string
		want string
	}{
		{"id: bien-dong\n", "content/s/a.md:60:1: chart bien-dong is placed twice (see also content/s/a.md:40:1)"},
		{"id: bien-do\n", "content/s/a.md:60:1: no chart bien-do declared in charts; the declared ids are bien-dong, muc-tieu"},
		{"id: muc-tieu\ntype: bar\ntitle: T\nindicators: [industry-output]\n",
			"content/s/a.md:60:1: chart muc-tieu is declared at line 15; a block that places it names only its id (see also content/s/a.md:15:5)"},
		{"type: bar\ntitle: T\nindicators: [industry-output, exports]\nperiods: [\"2020\", \"2021\"]\n",
			"content/s/a.md:62:31: chart names indicator exports, which no figure has"},
		{"type: bar\ntitle: T\nindicators: [industry-output]\nperiods: [\"2020\", \"2021\"]\n",
			"content/s/a.md:63:19: chart names period 2021, which none of its indicators has; they have 2020"},
		{"type: bar\ntitle: a: b\n", "content/s/a.md:61:1: chart block is not valid YAML: mapping values are not allowed in this context"},
		// yaml.v3 counts its parser's lines from 0: these were reported a line short
		{"type: bar\ntitle: T\nindicators: [a, b\nperiods: [x]\n", "content/s/a.md:62:1: chart block is not valid YAML: did not find expected ',' or ']'"},
		{"type: bar\n- x\n", "content/s/a.md:61:1: chart block is not valid YAML: did not find expected key"},
		{"type: bar\ntitle: T\nindicators:\n  - a\n - b\n", "content/s/a.md:64:2: chart block is not valid YAML: did not find expected key"},
		{"", "content/s/a.md:59: the chart block is empty"},
		{"- id: x\n", "content/s/a.md:60:1: a chart block must hold key: value lines, not a list"},
		{"type: pie\ntitle: T\n", "content/s/a.md:60:1: chart draws nothing"},
	} {
		_, ps := b.Block([]byte(tc.body), 60)
		if len(ps) == 0 || !strings.Contains(diag.Errors(ps).Error(), tc.want) {
			t.Errorf("block %q: got %v, want %s", tc.body, ps, tc.want)
		}
	}
	if un := b.Unplaced(); len(un) != 1 || un[0].ID != "muc-tieu" {
		t.Errorf("unplaced = %+v", un)
	}
	if _, ps := b.Block([]byte("id: xnk\ntype: bar\ntitle: T\ndata: a.csv\n"), 70); len(ps) != 0 {
		t.Fatal(ps)
	}
	if _, ps := b.Block([]byte("id: xnk\ntype: bar\ntitle: T\ndata: b.csv\n"), 80); len(ps) == 0 ||
		!strings.Contains(ps[0].Error(), "content/s/a.md:80:1: chart id xnk is used twice (see also content/s/a.md:70:1)") {
		t.Errorf("redeclared inline id: %v", ps)
	}
}
