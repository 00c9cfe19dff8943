package chart

import (
	"unicode"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/locale"
)

// words are the texts this package writes itself, in one language
// (docs/figures.md, sections 2.6, 5, 6 and 7).
type words struct {
	statuses     map[string]string // status → word in tables, tooltips and CSV files
	qualifiers   map[string]string // qualifier → word before a value
	types        map[string]string // chart type → its name, for the screen-reader description
	statusFirst  bool              // legends say "Ước đạt 2020" rather than "2020 estimate"
	against      string            // between a period and its base: "2020 so với 2019"
	indicator    string            // heading of a column of indicators
	period       string            // heading of a column of periods
	unit         string            // heading of the unit column
	missing      string            // what a gap means
	csvHeads     [11]string        // the columns of a chart's CSV file of figures
	listSep      string
	sentenceStop string
	// The chart's key: how it marks numbers that are not results.
	keyDashed, keyHatched, keyStriped string
	allOf                             map[string]string // status → "every number is one"
}

var vietnameseWords = words{
	statuses:   map[string]string{figure.StatusActual: "thực hiện", figure.StatusEstimate: "ước đạt", figure.StatusTarget: "mục tiêu", figure.StatusForecast: "dự báo"},
	qualifiers: map[string]string{"over": "trên", "nearly": "gần", "about": "khoảng"},
	types: map[string]string{
		figure.ChartBar: "Biểu đồ thanh ngang", figure.ChartColumn: "Biểu đồ cột", figure.ChartLine: "Biểu đồ đường",
		figure.ChartPie: "Biểu đồ tròn", figure.ChartDonut: "Biểu đồ vành khuyên",
		figure.ChartChange: "Biểu đồ mức tăng, giảm", figure.ChartTarget: "Biểu đồ kết quả và mục tiêu",
	},
	statusFirst: true,
	against:     "so với",
	indicator:   "Chỉ tiêu",
	period:      "Kỳ",
	unit:        "Đơn vị",
	missing:     "không có số liệu",
	csvHeads: [11]string{"Mã chỉ tiêu", "Chỉ tiêu", "Kỳ", "Giá trị", "Đơn vị", "Mức độ",
		"Thay đổi (%)", "So với", "Tình trạng", "Nguồn", "Ghi chú"},
	listSep:      "; ",
	sentenceStop: ".",
	keyDashed:    "Nét đứt: số ước đạt, mục tiêu hoặc dự báo",
	keyHatched:   "Cột gạch chéo: mục tiêu hoặc dự báo",
	keyStriped:   "Cột có sọc: số ước đạt",
	allOf: map[string]string{figure.StatusEstimate: "Mọi số liệu trên biểu đồ là số ước đạt",
		figure.StatusTarget: "Mọi số liệu trên biểu đồ là mục tiêu", figure.StatusForecast: "Mọi số liệu trên biểu đồ là dự báo"},
}

var englishWords = words{
	statuses:   map[string]string{figure.StatusActual: "actual", figure.StatusEstimate: "estimate", figure.StatusTarget: "target", figure.StatusForecast: "forecast"},
	qualifiers: map[string]string{"over": "over", "nearly": "nearly", "about": "about"},
	types: map[string]string{
		figure.ChartBar: "Bar chart", figure.ChartColumn: "Column chart", figure.ChartLine: "Line chart",
		figure.ChartPie: "Pie chart", figure.ChartDonut: "Donut chart",
		figure.ChartChange: "Chart of changes", figure.ChartTarget: "Chart of results and targets",
	},
	against:   "on",
	indicator: "Indicator",
	period:    "Period",
	unit:      "Unit",
	missing:   "no data",
	csvHeads: [11]string{"Indicator key", "Indicator", "Period", "Value", "Unit", "Qualifier",
		"Change (%)", "Base", "Status", "Source", "Note"},
	listSep:      "; ",
	sentenceStop: ".",
	keyDashed:    "Dashed: estimate, target or forecast",
	keyHatched:   "Hatched: target or forecast",
	keyStriped:   "Striped: estimate",
	allOf: map[string]string{figure.StatusEstimate: "Every number in the chart is an estimate",
		figure.StatusTarget: "Every number in the chart is a target", figure.StatusForecast: "Every number in the chart is a forecast"},
}

func wordsFor(lang string) *words {
	if locale.Base(lang) == "vi" {
		return &vietnameseWords
	}
	return &englishWords
}

// shownStatus is the word for a status that readers are told about: every
// status but actual, which is not shown.
func (w *words) shownStatus(status string) string {
	if status == figure.StatusActual {
		return ""
	}
	return w.statuses[status]
}

// legendName names a series of one period in a legend: its status and
// period, "Ước đạt 2020" or "2020 estimate", or the period alone.
func legendName(lang, period, status string) string {
	w := wordsFor(lang)
	label := figure.PeriodText(lang, period)
	word := w.shownStatus(status)
	switch {
	case word == "":
		return label
	case w.statusFirst:
		return capitalize(word) + " " + label
	}
	return label + " " + word
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
