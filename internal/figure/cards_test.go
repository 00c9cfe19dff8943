package figure

import (
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

const nbsp = "\u00a0"

// report holds the figures of the example site's year-end report.
func report() *site.Page {
	est := func(ind, label, unit string, v float64, q string, ch float64, chp int) site.Figure {
		return site.Figure{Indicator: ind, Label: label, Unit: unit, Period: "2020", Value: v, HasValue: true,
			Qualifier: q, Change: ch, HasChange: true, ChangePrecision: chp, Base: "2019", Status: "estimate",
			Source: "Sở Công Thương"}
	}
	target := func(ind, label, unit string, v float64, q string, ch float64, chp int, has bool) site.Figure {
		return site.Figure{Indicator: ind, Label: label, Unit: unit, Period: "2021", Value: v, HasValue: true,
			Qualifier: q, Change: ch, HasChange: has, ChangePrecision: chp, Base: "2020", Status: "target"}
	}
	return &site.Page{
		Source: "content/cong-thuong/tong-ket-nam-2020/index.md",
		KPIs:   []string{"industry-output", "retail-sales", "exports", "imports"},
		Figures: []site.Figure{
			est("industry-output", "Giá trị sản xuất công nghiệp", "tỷ đồng", 68800, "over", -1.7, 1),
			est("retail-sales", "Tổng mức bán lẻ", "tỷ đồng", 46315, "", 2.6, 1),
			est("exports", "Kim ngạch xuất khẩu", "triệu USD", 1456, "", -15.3, 1),
			est("imports", "Kim ngạch nhập khẩu", "triệu USD", 1246, "", -21.6, 1),
			target("industry-output", "Giá trị sản xuất công nghiệp", "tỷ đồng", 79770, "", 16, 0, true),
			target("retail-sales", "Tổng mức bán lẻ", "tỷ đồng", 51000, "nearly", 9.7, 1, true),
			target("trade-total", "Tổng kim ngạch xuất nhập khẩu", "triệu USD", 3000, "nearly", 0, 0, false),
		},
	}
}

func TestCardsOfReport(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want Card
	}{
		{"vi", Card{Indicator: "industry-output", Label: "Giá trị sản xuất công nghiệp", Unit: "tỷ đồng",
			Period: "2020", PeriodText: "2020", Status: "estimate", StatusText: "ước đạt", StatusLine: "Ước đạt 2020",
			HasValue: true, Value: "trên 68.800", ValueWithUnit: "trên 68.800" + nbsp + "tỷ đồng",
			HasChange: true, Direction: "down", Arrow: "▼", ChangeText: "\u22121,7" + nbsp + "%",
			ChangeWords: "giảm 1,7" + nbsp + "% so với 2019", ChangeSize: "giảm 1,7" + nbsp + "%", Base: "2019", BaseWords: "so với 2019",
			Outlook: "Mục tiêu 2021: 79.770" + nbsp + "tỷ đồng, tăng 16" + nbsp + "% so với 2020",
			Source:  "Sở Công Thương"}},
		{"en", Card{Indicator: "industry-output", Label: "Giá trị sản xuất công nghiệp", Unit: "tỷ đồng",
			Period: "2020", PeriodText: "2020", Status: "estimate", StatusText: "estimate", StatusLine: "2020 estimate",
			HasValue: true, Value: "over 68,800", ValueWithUnit: "over 68,800" + nbsp + "tỷ đồng",
			HasChange: true, Direction: "down", Arrow: "▼", ChangeText: "\u22121.7%",
			ChangeWords: "down 1.7% on 2019", ChangeSize: "down 1.7%", Base: "2019", BaseWords: "on 2019",
			Outlook: "2021 target: 79,770" + nbsp + "tỷ đồng, up 16% on 2020",
			Source:  "Sở Công Thương"}},
	} {
		cards := Cards(report(), tc.lang)
		if len(cards) != 4 {
			t.Fatalf("%s: %d cards, want 4", tc.lang, len(cards))
		}
		if cards[0] != tc.want {
			t.Errorf("%s: first card\n got %+v\nwant %+v", tc.lang, cards[0], tc.want)
		}
	}
}

func TestCardTexts(t *testing.T) {
	for _, tc := range []struct {
		lang, indicator string
		field           func(Card) string
		want            string
	}{
		{"vi", "retail-sales", func(c Card) string { return c.ChangeWords }, "tăng 2,6" + nbsp + "% so với 2019"},
		{"en", "retail-sales", func(c Card) string { return c.ChangeWords }, "up 2.6% on 2019"},
		{"vi", "retail-sales", func(c Card) string { return c.ChangeText + " " + c.Arrow }, "+2,6" + nbsp + "% ▲"},
		{"en", "retail-sales", func(c Card) string { return c.ChangeText + " " + c.Direction }, "+2.6% up"},
		{"vi", "retail-sales", func(c Card) string { return c.Outlook },
			"Mục tiêu 2021: gần 51.000" + nbsp + "tỷ đồng, tăng 9,7" + nbsp + "% so với 2020"},
		{"en", "retail-sales", func(c Card) string { return c.Outlook },
			"2021 target: nearly 51,000" + nbsp + "tỷ đồng, up 9.7% on 2020"},
		{"vi", "exports", func(c Card) string { return c.ValueWithUnit + " | " + c.ChangeWords },
			"1.456" + nbsp + "triệu USD | giảm 15,3" + nbsp + "% so với 2019"},
		{"en", "imports", func(c Card) string { return c.ValueWithUnit + " | " + c.ChangeWords },
			"1,246" + nbsp + "triệu USD | down 21.6% on 2019"},
		{"vi", "exports", func(c Card) string { return c.Outlook }, ""},
	} {
		got := "no card"
		for _, c := range Cards(report(), tc.lang) {
			if c.Indicator == tc.indicator {
				got = tc.field(c)
			}
		}
		if got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.lang, tc.indicator, got, tc.want)
		}
	}
}

func TestCardsChooseKPIs(t *testing.T) {
	p := report()
	p.KPIs = nil
	var got []string
	for _, c := range Cards(p, "vi") {
		got = append(got, c.Indicator+"/"+c.StatusLine)
	}
	want := "industry-output/Ước đạt 2020 retail-sales/Ước đạt 2020 exports/Ước đạt 2020 imports/Ước đạt 2020 trade-total/Mục tiêu 2021"
	if strings.Join(got, " ") != want {
		t.Errorf("default KPIs: got %v, want %s", got, want)
	}
	p.KPIs = []string{"imports", "exports"}
	if cards := Cards(p, "en"); len(cards) != 2 || cards[0].Indicator != "imports" {
		t.Errorf("kpis order not kept: %+v", cards)
	}
	p.KPIs = []string{}
	if cards := Cards(p, "en"); len(cards) != 0 {
		t.Errorf("kpis: [] gave %d cards", len(cards))
	}
}

func TestCardKinds(t *testing.T) {
	fig := func(period, status string, change float64, prec int, hasValue bool) site.Figure {
		return site.Figure{Indicator: "cpi", Label: "CPI", Period: period, Value: 102.5, Precision: 1, HasValue: hasValue,
			Change: change, HasChange: true, ChangePrecision: prec, Base: mustPrevious(period), Status: status}
	}
	for _, tc := range []struct {
		name, lang string
		figs       []site.Figure
		want       string // StatusLine | Value | ChangeText | Arrow | ChangeWords | BaseWords
	}{
		{"flat vi", "vi", []site.Figure{fig("2020", "actual", 0.04, 1, true)},
			"2020 | 102,5 | 0,0" + nbsp + "% | ■ | không đổi so với 2019 | so với 2019"},
		{"flat en", "en", []site.Figure{fig("2020", "actual", 0, 0, true)},
			"2020 | 102.5 | 0% | ■ | unchanged on 2019 | on 2019"},
		{"quarter vi", "vi", []site.Figure{fig("2020-Q3", "estimate", 1.25, 2, true)},
			"Ước đạt quý III/2020 | 102,5 | +1,25" + nbsp + "% | ▲ | tăng 1,25" + nbsp + "% so với quý II/2020 | so với quý II/2020"},
		{"quarter en", "en", []site.Figure{fig("2021-Q1", "forecast", -3, 0, true)},
			"Q1 2021 forecast | 102.5 | \u22123% | ▼ | down 3% on Q4 2020 | on Q4 2020"},
		{"month vi", "vi", []site.Figure{fig("2020-01", "target", 2, 0, false)},
			"Mục tiêu tháng 1/2020 |  | +2" + nbsp + "% | ▲ | tăng 2" + nbsp + "% so với tháng 12/2019 | so với tháng 12/2019"},
		{"month en", "en", []site.Figure{fig("2020-11", "actual", 2, 0, true)},
			"Nov 2020 | 102.5 | +2% | ▲ | up 2% on Oct 2020 | on Oct 2020"},
		{"latest result wins over later target", "en",
			[]site.Figure{fig("2020", "actual", 1, 0, true), fig("2020-Q4", "estimate", 1, 0, true), fig("2021", "target", 1, 0, true)},
			"Q4 2020 estimate | 102.5 | +1% | ▲ | up 1% on Q3 2020 | on Q3 2020"},
		{"only targets: the latest", "en",
			[]site.Figure{fig("2022", "target", 1, 0, true), fig("2021", "forecast", 1, 0, true)},
			"2022 target | 102.5 | +1% | ▲ | up 1% on 2021 | on 2021"},
	} {
		cards := Cards(&site.Page{Figures: tc.figs}, tc.lang)
		if len(cards) != 1 {
			t.Fatalf("%s: %d cards", tc.name, len(cards))
		}
		c := cards[0]
		got := strings.Join([]string{c.StatusLine, c.Value, c.ChangeText, c.Arrow, c.ChangeWords, c.BaseWords}, " | ")
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func mustPrevious(period string) string {
	p, _ := ParsePeriod(period)
	return p.Previous().String()
}

func TestCardToneFollowsPolarity(t *testing.T) {
	for _, tc := range []struct {
		polarity string
		change   float64
		want     string
	}{
		{"", -1.7, ""}, {"", 2.6, ""},
		{"higher-is-better", -1.7, "bad"}, {"higher-is-better", 2.6, "good"},
		{"higher-is-worse", -1.7, "good"}, {"higher-is-worse", 2.6, "bad"},
		{"higher-is-better", 0.04, ""}, // flat at its precision
	} {
		p := &site.Page{Figures: []site.Figure{{Indicator: "x", Label: "X", Period: "2020", Status: "actual",
			HasChange: true, Change: tc.change, ChangePrecision: 1, Base: "2019", Polarity: tc.polarity}}}
		if got := Cards(p, "vi")[0].Tone; got != tc.want {
			t.Errorf("polarity %q, change %v: tone %q, want %q", tc.polarity, tc.change, got, tc.want)
		}
	}
}
