package chart

import (
	"strings"

	"github.com/almanac-news/almanac/internal/locale"
)

// words are the few texts this package writes itself, in one language.
type words struct {
	statuses      map[string]string // status → lower-case word added to a series name
	statusTitles  map[string]string // status → series name when a series has no period
	types         map[string]string // chart type → its name, for the screen-reader description
	indicator     string            // heading of the category column for indicators
	period        string            // heading of the category column for periods
	value         string            // series name when a series has neither period nor status
	missing       string            // what a missing number is read as
	listSeparator string
}

var vietnameseWords = words{
	statuses:     map[string]string{StatusEstimate: "ước tính", StatusTarget: "chỉ tiêu", StatusForecast: "dự báo"},
	statusTitles: map[string]string{StatusActual: "Thực hiện", StatusEstimate: "Ước tính", StatusTarget: "Chỉ tiêu", StatusForecast: "Dự báo"},
	types: map[string]string{
		TypeBar: "Biểu đồ thanh", TypeColumn: "Biểu đồ cột", TypeLine: "Biểu đồ đường",
		TypePie: "Biểu đồ tròn", TypeDonut: "Biểu đồ vành khuyên",
		TypeChange: "Biểu đồ mức tăng, giảm", TypeTarget: "Biểu đồ so sánh với chỉ tiêu",
	},
	indicator:     "Chỉ tiêu",
	period:        "Kỳ",
	value:         "Số liệu",
	missing:       "không có số liệu",
	listSeparator: "; ",
}

var englishWords = words{
	statuses:     map[string]string{StatusEstimate: "estimate", StatusTarget: "target", StatusForecast: "forecast"},
	statusTitles: map[string]string{StatusActual: "Actual", StatusEstimate: "Estimate", StatusTarget: "Target", StatusForecast: "Forecast"},
	types: map[string]string{
		TypeBar: "Bar chart", TypeColumn: "Column chart", TypeLine: "Line chart",
		TypePie: "Pie chart", TypeDonut: "Donut chart",
		TypeChange: "Chart of changes", TypeTarget: "Chart of results against targets",
	},
	indicator:     "Indicator",
	period:        "Period",
	value:         "Value",
	missing:       "no data",
	listSeparator: "; ",
}

func wordsFor(lang string) *words {
	if locale.Base(lang) == "vi" {
		return &vietnameseWords
	}
	return &englishWords
}

// seriesLabel is the name readers see for a series: its period written
// for lang and its status, "2020 (ước tính)"; a series without a name is
// called after its status ("Chỉ tiêu").
func seriesLabel(lang string, s Series) string {
	w := wordsFor(lang)
	name := periodLabel(lang, s.Name)
	switch {
	case name == "" && w.statusTitles[s.Status] != "":
		return w.statusTitles[s.Status]
	case name == "":
		return w.value
	case w.statuses[s.Status] != "":
		return name + " (" + w.statuses[s.Status] + ")"
	}
	return name
}

// categoryHeading heads the category column of the data table.
func categoryHeading(lang, chartType string, d Data) string {
	if d.Heading != "" {
		return d.Heading
	}
	if chartType == TypeLine {
		return wordsFor(lang).period
	}
	return wordsFor(lang).indicator
}

// withUnit adds a unit to a formatted number: "1.456 triệu USD"; a per
// cent sign is already part of the number.
func withUnit(number, unit string) string {
	if unit == "" || unit == "%" || strings.HasSuffix(number, "%") {
		return number
	}
	return number + "\u00a0" + unit
}
