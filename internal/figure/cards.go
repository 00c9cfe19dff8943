package figure

import (
	"strings"

	"github.com/almanac-news/almanac/internal/locale"
	"github.com/almanac-news/almanac/internal/site"
)

// Card is one KPI card: an indicator's main figure, ready to show
// (docs/figures.md, section 3). Every text is plain and untrusted: the
// template escapes it.
type Card struct {
	Indicator  string // "industry-output"
	Label      string // "Giá trị sản xuất công nghiệp"
	Unit       string // "tỷ đồng"
	Period     string // as written: "2020"
	PeriodText string // for readers: "2020", "quý III/2020", "Q3 2020"
	Status     string // "actual", "estimate", "target" or "forecast"
	StatusText string // vi "ước đạt", en "estimate"
	StatusLine string // vi "Ước đạt 2020", en "2020 estimate"; an actual figure: "2020"

	HasValue      bool
	Value         string // number with its qualifier: "trên 68.800", "over 68,800"
	ValueWithUnit string // "trên 68.800 tỷ đồng", with a no-break space before the unit

	HasChange   bool
	Direction   string // "up", "down" or "flat"
	Arrow       string // "▲", "▼" or "■"
	ChangeText  string // signed: "−1,7 %", "+2.6%"
	ChangeWords string // "giảm 1,7 % so với 2019", "up 2.6% on 2019", "không đổi so với 2019"
	ChangeSize  string // ChangeWords without its base: "giảm 1,7 %", "không đổi"
	// Tone is "good" or "bad" when the indicator has a polarity and the
	// change is not flat: a rise of a higher-is-better indicator is good.
	// "" for a neutral indicator, whose card is not coloured.
	Tone      string
	Base      string // base period as written: "2019"
	BaseWords string // "so với 2019", "on 2019": under ChangeText when the card has no value

	// Outlook is the line about the earliest target or forecast after the
	// main figure: "Mục tiêu 2021: 79.770 tỷ đồng, tăng 16 % so với 2020";
	// empty when there is none.
	Outlook string

	Source string
	Note   string
}

// Cards returns the KPI cards of a page in lang ("vi" or "en"): one per
// indicator of p.KPIs or, when p.KPIs is nil, per indicator of its
// figures in the order of their first figure. An indicator without
// figures gets no card.
func Cards(p *site.Page, lang string) []Card {
	byIndicator, order := groupFigures(p.Figures)
	keys := p.KPIs
	if keys == nil {
		keys = order
	}
	cards := make([]Card, 0, len(keys))
	for _, k := range keys {
		figs := byIndicator[k]
		if len(figs) == 0 {
			continue
		}
		main := mainFigure(figs)
		c := newCard(main, lang)
		if o := outlookFigure(figs, main); o != nil {
			c.Outlook = outlookLine(o, lang)
		}
		cards = append(cards, c)
	}
	return cards
}

// groupFigures lists each indicator's figures and the indicators in the
// order of their first figure.
func groupFigures(figs []site.Figure) (map[string][]*site.Figure, []string) {
	by := map[string][]*site.Figure{}
	var order []string
	for i := range figs {
		f := &figs[i]
		if _, seen := by[f.Indicator]; !seen {
			order = append(order, f.Indicator)
		}
		by[f.Indicator] = append(by[f.Indicator], f)
	}
	return by, order
}

// mainFigure is the figure of the latest period among actual results and
// estimates or, when there are none, among all figures.
func mainFigure(figs []*site.Figure) *site.Figure {
	var latest, latestResult *site.Figure
	for _, f := range figs {
		if latest == nil || ComparePeriods(f.Period, latest.Period) > 0 {
			latest = f
		}
		if isResult(f) && (latestResult == nil || ComparePeriods(f.Period, latestResult.Period) > 0) {
			latestResult = f
		}
	}
	if latestResult != nil {
		return latestResult
	}
	return latest
}

func isResult(f *site.Figure) bool {
	return f.Status == "actual" || f.Status == "estimate" || f.Status == ""
}

// outlookFigure is the earliest target or forecast for a period after the
// main figure's, or nil.
func outlookFigure(figs []*site.Figure, main *site.Figure) *site.Figure {
	var best *site.Figure
	for _, f := range figs {
		if isResult(f) || ComparePeriods(f.Period, main.Period) <= 0 {
			continue
		}
		if best == nil || ComparePeriods(f.Period, best.Period) < 0 {
			best = f
		}
	}
	return best
}

func newCard(f *site.Figure, lang string) Card {
	c := Card{
		Indicator: f.Indicator, Label: f.Label, Unit: f.Unit,
		Period: f.Period, PeriodText: PeriodText(lang, f.Period),
		Status: f.Status, StatusText: StatusText(lang, f.Status),
		StatusLine: StatusLine(lang, f.Status, f.Period),
		Source:     f.Source, Note: f.Note,
	}
	if f.HasValue {
		c.HasValue = true
		c.Value = QualifiedNumber(lang, f.Value, f.Precision, f.Qualifier)
		c.ValueWithUnit = WithUnit(c.Value, f.Unit)
	}
	if f.HasChange {
		c.HasChange = true
		c.Direction = Direction(lang, f.Change, f.ChangePrecision)
		c.Arrow = arrows[c.Direction]
		c.ChangeText = locale.SignedPercent(lang, f.Change, f.ChangePrecision)
		c.ChangeWords = ChangeWords(lang, f.Change, f.ChangePrecision, f.Base)
		c.Base = f.Base
		c.BaseWords = BaseWords(lang, f.Base)
		c.ChangeSize = ChangeSize(lang, f.Change, f.ChangePrecision)
		c.Tone = tone(f.Polarity, c.Direction)
	}
	return c
}

// outlookLine writes a target or forecast in one line: its status and
// period, its qualified value and its change when it has one.
func outlookLine(f *site.Figure, lang string) string {
	c := newCard(f, lang)
	var parts []string
	if c.HasValue {
		parts = append(parts, c.ValueWithUnit)
	}
	if c.HasChange {
		parts = append(parts, c.ChangeWords)
	}
	return c.StatusLine + ": " + strings.Join(parts, ", ")
}

// tone is "good" or "bad" for a change in direction ("up", "down",
// "flat") of an indicator with a polarity; "" otherwise.
func tone(polarity, direction string) string {
	if polarity == "" || direction == "flat" {
		return ""
	}
	if (direction == "up") == (polarity == "higher-is-better") {
		return "good"
	}
	return "bad"
}
