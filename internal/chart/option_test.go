package chart

import (
	"bytes"
	"encoding/json"
	"html/template"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/figure/figuretest"

	"github.com/almanac-news/almanac/internal/contrast"
	"github.com/almanac-news/almanac/internal/site"
)

func f(v float64) *float64 { return &v }

// hostile are texts an article could carry that must stay text.
var hostile = []string{
	`</script><script>alert(1)</script>`,
	`__f__alert(2)__f__`,
	`__f__function(){alert(3)}`,
	`{a|b} <b>"quoted" & 'single'</b>`,
}

// TestOptionKeepsHostileTextsAsStrings builds options whose title,
// categories and series names are hostile, and checks that each comes
// back as the same plain JSON string, that nothing asks for code, and that
// html/template embeds the option without closing its script element.
func TestOptionKeepsHostileTextsAsStrings(t *testing.T) {
	for _, kind := range figure.ChartTypes {
		t.Run(kind, func(t *testing.T) {
			ch := site.Chart{ID: "x", Type: kind, Title: hostile[0] + hostile[1]}
			d := figure.Data{Categories: []string{hostile[0], hostile[1], hostile[2]}, Unit: hostile[3]}
			series := 2
			if kind == figure.ChartPie || kind == figure.ChartDonut || kind == figure.ChartChange {
				series = 1
			}
			for i := range series {
				d.Series = append(d.Series, figure.Series{Name: hostile[i], Values: []*float64{f(1), f(2), f(3)}})
			}
			option, err := Option(ch, d, "vi")
			if err != nil {
				t.Fatal(err)
			}
			encoded, err := json.Marshal(option)
			if err != nil {
				t.Fatal(err)
			}
			texts := stringsIn(option)
			for _, want := range append([]string{ch.Title}, d.Categories...) {
				if !texts[want] {
					t.Errorf("%q is not kept as one JSON string", want)
				}
			}
			if bytes.Contains(encoded, []byte(`"formatter"`)) || bytes.Contains(encoded, []byte(`"valueFormatter"`)) {
				t.Error("the option sets a formatter")
			}
			checkEmbedded(t, option)
		})
	}
}

// stringsIn collects every string in a decoded JSON value.
func stringsIn(v any) map[string]bool {
	found := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			found[v] = true
		case map[string]any:
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(v)
	return found
}

// checkEmbedded renders the option the way the page template does and
// checks that the script element stays closed and the JSON reads back.
func checkEmbedded(t *testing.T, option any) {
	t.Helper()
	page := template.Must(template.New("").Parse(`<script type="application/json" class="chart-option">{{.}}</script>`))
	var buf bytes.Buffer
	if err := page.Execute(&buf, option); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	if strings.Count(html, "</script") != 1 || strings.Contains(html, "<script>") {
		t.Fatalf("the option breaks out of its script element:\n%s", html)
	}
	body := strings.TrimSuffix(strings.TrimPrefix(html, `<script type="application/json" class="chart-option">`), `</script>`)
	var back any
	if err := json.Unmarshal([]byte(body), &back); err != nil {
		t.Fatalf("the embedded option is not JSON: %v\n%s", err, body)
	}
	if !reflect.DeepEqual(back, option) {
		t.Error("the embedded option does not read back as the option")
	}
}

func TestOptionDashesProjectedStretchesOfALine(t *testing.T) {
	d := figure.Data{
		Categories: []string{"2018", "2019", "2020", "2021"},
		Unit:       "tỷ đồng",
		Series: []figure.Series{{Name: "Sản xuất", Values: []*float64{f(1), f(2), f(3), f(4)},
			Points: []figure.Point{{Status: "actual"}, {Status: "actual"}, {Status: "estimate"}, {Status: "target"}}}},
	}
	option, err := Option(site.Chart{ID: "l", Type: figure.ChartLine}, d, "vi")
	if err != nil {
		t.Fatal(err)
	}
	series := option.(map[string]any)["series"].([]any)
	if len(series) != 2 {
		t.Fatalf("want a solid and a dashed series, got %d", len(series))
	}
	solid, dashed := series[0].(map[string]any), series[1].(map[string]any)
	if solid["name"] != dashed["name"] {
		t.Error("the two parts of a line must share a name, so the legend shows one entry")
	}
	if got := pointsOf(solid); !reflect.DeepEqual(got, []any{1.0, 2.0, "-", "-"}) {
		t.Errorf("solid points %v", got)
	}
	if got := pointsOf(dashed); !reflect.DeepEqual(got, []any{"-", 2.0, 3.0, 4.0}) {
		t.Errorf("dashed points %v", got)
	}
	if dashed["lineStyle"].(map[string]any)["type"] != "dashed" || solid["lineStyle"].(map[string]any)["type"] != "solid" {
		t.Error("line styles are not solid then dashed")
	}
}

func pointsOf(series map[string]any) []any {
	var out []any
	for _, p := range series["data"].([]any) {
		out = append(out, p.(map[string]any)["value"])
	}
	return out
}

func TestOptionColoursChangesBySign(t *testing.T) {
	ch := figuretest.ExampleCharts()[figure.ChartChange]
	itemColours := func(figs []site.Figure) (map[string]any, []any) {
		d, _ := figure.ChartFromFigures(figuretest.ExampleFile, ch, figs)
		option, err := Option(ch, d, "en")
		if err != nil {
			t.Fatal(err)
		}
		o := option.(map[string]any)
		var colours []any
		for _, p := range firstOf(o, "series")["data"].([]any) {
			style, _ := p.(map[string]any)["itemStyle"].(map[string]any)
			colours = append(colours, style["color"])
		}
		return o, colours
	}
	// Neutral by default: every bar has its series' colour.
	o, colours := itemColours(figuretest.ExampleFigures())
	if want := []any{nil, nil, nil, nil}; !reflect.DeepEqual(colours, want) {
		t.Errorf("neutral colours %v, want none of their own %v", colours, want)
	}
	// With a polarity, good news is green and bad news red.
	figs := figuretest.ExampleFigures()
	for i := range figs {
		switch figs[i].Indicator {
		case "industry-output", "retail-sales":
			figs[i].Polarity = "higher-is-better"
		case "imports":
			figs[i].Polarity = "higher-is-worse"
		}
	}
	_, colours = itemColours(figs)
	if want := []any{colorBad, colorGood, nil, colorGood}; !reflect.DeepEqual(colours, want) {
		t.Errorf("colours under polarities %v, want %v", colours, want)
	}
	meta := o["almanac"].(map[string]any)
	if meta["lang"] != "en" || meta["measure"] != "change" || meta["unit"] != "%" || meta["decimals"] != 1.0 {
		t.Errorf("almanac key %v", meta)
	}
	if !strings.HasPrefix(o["aria"].(map[string]any)["label"].(map[string]any)["description"].(string),
		"Chart of changes: Bốn chỉ tiêu chính năm 2020 so với năm 2019. 2020 on 2019 (estimate). Giá trị sản xuất công nghiệp: −1.7%; ") {
		t.Errorf("description %v", o["aria"])
	}
}

func TestOptionRejectsDataItCannotDraw(t *testing.T) {
	tests := []struct {
		name string
		ch   site.Chart
		d    figure.Data
		want string
	}{
		{"short series", site.Chart{ID: "a", Type: figure.ChartBar},
			figure.Data{Categories: []string{"x", "y"}, Series: []figure.Series{{Name: "s", Values: []*float64{f(1)}}}},
			`chart "a": series s has 1 numbers for 2 categories`},
		{"infinite", site.Chart{ID: "b", Type: figure.ChartColumn},
			figure.Data{Categories: []string{"x"}, Series: []figure.Series{{Name: "s", Values: []*float64{f(math.Inf(1))}}}},
			`series s has no finite number for x`},
		{"not a number", site.Chart{ID: "c", Type: figure.ChartLine},
			figure.Data{Categories: []string{"x", "y"}, Series: []figure.Series{{Name: "s", Values: []*float64{f(math.NaN()), nil}}}},
			`no finite number`},
		{"all parts missing", site.Chart{ID: "d", Type: figure.ChartDonut},
			figure.Data{Categories: []string{"x", "y"}, Series: []figure.Series{{Name: "s", Values: []*float64{nil, nil}}}},
			`the parts of donut chart d add up to zero`},
		{"two series of parts", site.Chart{ID: "e", Type: figure.ChartPie},
			figure.Data{Categories: []string{"x"}, Series: []figure.Series{{Values: []*float64{f(1)}}, {Values: []*float64{f(1)}}}},
			`a pie chart draws one series of parts, not 2`},
		{"unknown type", site.Chart{ID: "g", Type: "radar"},
			figure.Data{Categories: []string{"x"}, Series: []figure.Series{{Values: []*float64{f(1)}}}},
			`chart type "radar" is not one of`},
		{"nothing", site.Chart{ID: "h", Type: figure.ChartBar}, figure.Data{}, "chart h has nothing to draw"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Option(tt.ch, tt.d, "vi")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestValidateOption(t *testing.T) {
	bar := func() map[string]any {
		return map[string]any{
			"xAxis":  []any{map[string]any{"type": "category", "data": []any{"a", "b"}}},
			"yAxis":  []any{map[string]any{"type": "value"}},
			"series": []any{map[string]any{"type": "bar", "name": "s", "data": []any{1.0, map[string]any{"value": "-"}}}},
		}
	}
	if err := validateOption(figure.ChartColumn, bar()); err != nil {
		t.Fatalf("a good option is rejected: %v", err)
	}
	tests := []struct {
		name string
		edit func(map[string]any)
		kind string
		want string
	}{
		{"formatter", func(o map[string]any) { o["tooltip"] = map[string]any{"formatter": "__f__x"} }, figure.ChartColumn, "option.tooltip.formatter is set"},
		{"short", func(o map[string]any) { firstOf(o, "series")["data"] = []any{1.0} }, figure.ChartColumn, `"s" has 1 points for 2 categories`},
		{"text", func(o map[string]any) { firstOf(o, "series")["data"] = []any{1.0, "2"} }, figure.ChartColumn, "neither a finite number"},
		{"kind", func(o map[string]any) {}, figure.ChartLine, "of type bar, not line"},
		{"axes", func(o map[string]any) { firstOf(o, "yAxis")["type"] = "category" }, figure.ChartColumn, "one category axis and one value axis"},
		{"no zero line", func(o map[string]any) {}, figure.ChartChange, "no zero line"},
		{"no series", func(o map[string]any) { delete(o, "series") }, figure.ChartBar, "no series"},
		{"negative part", func(o map[string]any) {
			o["series"] = []any{map[string]any{"type": "pie", "data": []any{map[string]any{"name": "a", "value": -1.0}}}}
		}, figure.ChartPie, "part 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := bar()
			tt.edit(o)
			if err := validateOption(tt.kind, o); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// TestPaletteContrast checks every colour against a white page and a dark
// one: WCAG asks 3:1 of the parts of a graphic.
func TestPaletteContrast(t *testing.T) {
	colours := append([]string{colorGood, colorBad, colorZeroLine}, palette...)
	for _, c := range colours {
		for _, page := range []string{"#ffffff", "#1f2937", "#111111"} {
			if r := contrast.Ratio(c, page); r < 3 {
				t.Errorf("%s on %s has contrast %.2f, below 3", c, page, r)
			}
		}
	}
}

func TestOptionDrawsTargetsLighterAndDashed(t *testing.T) {
	ch := site.Chart{ID: "t", Type: figure.ChartTarget, Indicators: []string{"trade-total"}}
	d := figure.Data{Categories: []string{"2020", "2021"}, Unit: "triệu USD",
		Series: []figure.Series{{Name: "Tổng kim ngạch", Key: "trade-total", Values: []*float64{f(2702), f(3000)},
			Points: []figure.Point{{Status: "estimate"}, {Status: "target", Qualifier: "nearly"}}}}}
	option, err := Option(ch, d, "vi")
	if err != nil {
		t.Fatal(err)
	}
	o := option.(map[string]any)
	data := firstOf(o, "series")["data"].([]any)
	if _, styled := data[0].(map[string]any)["itemStyle"]; styled {
		t.Error("the estimate is drawn like a target")
	}
	style := data[1].(map[string]any)["itemStyle"].(map[string]any)
	if style["borderType"] != "dashed" || style["color"] != lighter(seriesColor(0)) || style["decal"] == nil {
		t.Errorf("target style %v", style)
	}
	points := o["almanac"].(map[string]any)["points"].([]any)[0].([]any)
	want := []any{
		map[string]any{"decimals": 0.0, "status": "ước đạt"},
		map[string]any{"decimals": 0.0, "qualifier": "gần", "status": "mục tiêu"},
	}
	if !reflect.DeepEqual(points, want) {
		t.Errorf("points %v, want %v", points, want)
	}
	if name := firstOf(o, "yAxis")["name"]; name != "triệu USD" {
		t.Errorf("value axis named %v, want the unit", name)
	}
}

func TestOptionGivesPieShares(t *testing.T) {
	d := figure.Data{Categories: []string{"a", "b", "c"},
		Series: []figure.Series{{Key: "2020", Values: []*float64{f(1), nil, f(2)}}}}
	option, err := Option(site.Chart{ID: "p", Type: figure.ChartPie}, d, "en")
	if err != nil {
		t.Fatal(err)
	}
	o := option.(map[string]any)
	if got := o["almanac"].(map[string]any)["shares"]; !reflect.DeepEqual(got, []any{33.3, 66.7}) {
		t.Errorf("shares %v", got)
	}
	if n := len(firstOf(o, "series")["data"].([]any)); n != 2 {
		t.Errorf("%d slices; a gap gets none", n)
	}
}
