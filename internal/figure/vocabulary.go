package figure

// The words of the figures format and the hints given when a writer uses
// other words (docs/figures.md, sections 2.3, 2.4 and 2.6).

import "github.com/almanac-news/almanac/internal/diag"

// Chart types, as written in the front matter's charts list (docs/figures.md, section 4).
const (
	ChartBar    = "bar"    // horizontal bars, for long category labels
	ChartColumn = "column" // vertical bars
	ChartLine   = "line"   // a time series
	ChartPie    = "pie"
	ChartDonut  = "donut"
	ChartChange = "change" // changes in per cent, diverging around zero
	ChartTarget = "target" // results beside targets
)

// Measures: which number of a figure a chart shows.
const (
	MeasureValue  = "value"
	MeasureChange = "change"
)

// Figure statuses, as written in the front matter.
const (
	StatusActual   = "actual"
	StatusEstimate = "estimate"
	StatusTarget   = "target"
	StatusForecast = "forecast"
)

var (
	// ChartTypes are the accepted values of a chart's type.
	ChartTypes = []string{ChartBar, ChartColumn, ChartLine, ChartPie, ChartDonut, ChartChange, ChartTarget}
	// Measures are the accepted values of a chart's measure.
	Measures = []string{MeasureValue, MeasureChange}
	// Qualifiers are the accepted values of a figure's qualifier.
	Qualifiers = []string{"over", "nearly", "about"}
	// Statuses are the accepted values of a figure's status.
	Statuses = []string{StatusActual, StatusEstimate, StatusTarget, StatusForecast}
	// Polarities are the accepted values of a figure's polarity: whether a
	// rise of the indicator is good news, bad news, or neither.
	Polarities = []string{"higher-is-better", "higher-is-worse", "neutral"}
	// PolarityMeanings maps other words for a polarity to the accepted one.
	PolarityMeanings = map[string]string{"better": "higher-is-better", "good": "higher-is-better",
		"up": "higher-is-better", "worse": "higher-is-worse", "bad": "higher-is-worse", "down": "higher-is-worse",
		"none": "neutral"}

	// QualifierMeanings maps words a writer may use for a qualifier,
	// lower case, to the accepted one.
	QualifierMeanings = map[string]string{"trên": "over", "tren": "over", "hơn": "over",
		"gần": "nearly", "gan": "nearly", "almost": "nearly",
		"khoảng": "about", "khoang": "about", "around": "about", "approximately": "about"}
	// StatusMeanings maps words a writer may use for a status, lower case,
	// to the accepted one.
	StatusMeanings = map[string]string{"ước": "estimate", "ước tính": "estimate",
		"ước đạt": "estimate", "ước thực hiện": "estimate", "uoc tinh": "estimate",
		"kế hoạch": "target", "mục tiêu": "target", "phấn đấu": "target", "chỉ tiêu": "target",
		"plan": "target", "goal": "target", "dự báo": "forecast", "du bao": "forecast",
		"thực hiện": "actual", "final": "actual"}
)

var (
	// QualifierHint explains the qualifiers in Vietnamese terms.
	QualifierHint = diag.Textf("trên is over, gần is nearly, khoảng is about")
	// PolarityHint explains the polarities.
	PolarityHint = diag.Textf("higher-is-better colours a rise green and a fall red, higher-is-worse the other way round, neutral neither")
	// StatusHint explains the statuses in Vietnamese terms.
	StatusHint = diag.Textf("ước tính is estimate; kế hoạch, mục tiêu and phấn đấu are target; dự báo is forecast")
)

// NumberHint says how to write the text given for the number key name
// ("value" or "change") the machine way: "write 68800, without thousands
// separators".
func NumberHint(name, text string) diag.Text {
	fixed, fix := FixNumber(text)
	switch fix {
	case FixQuotes:
		return diag.Textf("write %s, without quotes", fixed)
	case FixThousands:
		return diag.Textf("write %s, without thousands separators", fixed)
	case FixDecimalComma:
		return diag.Textf("write %s, with a dot", fixed)
	case FixPercent:
		if name == "change" {
			return diag.Textf("write %s: change is already in per cent", fixed)
		}
		return diag.Textf("write %s and put %% in unit", fixed)
	case FixMinus:
		return diag.Textf("write %s: use the ASCII minus sign -", fixed)
	case FixUnit:
		return diag.Textf("write %s and put the unit in unit", fixed)
	case FixFull:
		return diag.Textf("write %s, in plain digits", fixed)
	}
	return diag.Textf("write digits with a dot before any decimals, e.g. 68800 or -1.7")
}
