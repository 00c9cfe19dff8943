package figure

import (
	"strings"

	"github.com/almanac-news/almanac/internal/locale"
)

// words are one language's words for figures (docs/figures.md, sections
// 2.4, 2.6, 3.2 and 5).
type words struct {
	qualifiers map[string]string // qualifier key → word before the value
	statuses   map[string]string // status key → word, lower case
	up         string            // before a positive change: "tăng"
	down       string            // before a negative change: "giảm"
	unchanged  string            // instead of a change of zero: "không đổi"
	against    string            // before the base period: "so với"
	// statusFirst puts the status before the period in a status line:
	// "Ước tính 2020" rather than "2020 estimate".
	statusFirst bool
}

var vietnameseWords = words{
	qualifiers: map[string]string{"over": "trên", "nearly": "gần", "about": "khoảng"},
	statuses: map[string]string{"actual": "thực hiện", "estimate": "ước đạt",
		"target": "mục tiêu", "forecast": "dự báo"},
	up: "tăng", down: "giảm", unchanged: "không đổi", against: "so với",
	statusFirst: true,
}

var englishWords = words{
	qualifiers: map[string]string{"over": "over", "nearly": "nearly", "about": "about"},
	statuses: map[string]string{"actual": "actual", "estimate": "estimate",
		"target": "target", "forecast": "forecast"},
	up: "up", down: "down", unchanged: "unchanged", against: "on",
}

func wordsFor(lang string) *words {
	if locale.Base(lang) == "vi" {
		return &vietnameseWords
	}
	return &englishWords
}

// StatusText is the word for a status: vi "ước đạt", en "estimate".
// An unknown status is returned as is.
func StatusText(lang, status string) string {
	if w, ok := wordsFor(lang).statuses[status]; ok {
		return w
	}
	return status
}

// QualifierText is the word for a qualifier: vi "trên", en "over".
func QualifierText(lang, qualifier string) string {
	return wordsFor(lang).qualifiers[qualifier]
}

// StatusLine names a figure's status and period as a card shows them:
// vi "Ước đạt 2020", "Mục tiêu quý I/2021"; en "2020 estimate". An actual
// figure shows only its period.
func StatusLine(lang, status, period string) string {
	w := wordsFor(lang)
	p := PeriodText(lang, period)
	if status == "actual" || status == "" {
		return p
	}
	s := StatusText(lang, status)
	if w.statusFirst {
		return upperFirst(s) + " " + p
	}
	return p + " " + s
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// QualifiedNumber writes a figure's value with its precision and
// qualifier: vi "trên 68.800", en "nearly 51,000".
func QualifiedNumber(lang string, value float64, precision int, qualifier string) string {
	n := locale.Number(lang, value, precision)
	if q := QualifierText(lang, qualifier); q != "" {
		return q + " " + n
	}
	return n
}

// WithUnit puts a unit after a number, joined by a no-break space so that
// they are never split across lines: "68.800 tỷ đồng".
func WithUnit(number, unit string) string {
	if unit == "" {
		return number
	}
	return number + "\u00a0" + unit
}

// ChangeWords says a change in words that do not depend on colour: vi
// "giảm 1,7 % so với 2019", "không đổi so với 2019"; en "up 2.6% on 2019".
func ChangeWords(lang string, change float64, precision int, base string) string {
	return ChangeSize(lang, change, precision) + " " + BaseWords(lang, base)
}

// ChangeSize says a change without its base: vi "giảm 1,7 %", "không
// đổi"; en "up 2.6%".
func ChangeSize(lang string, change float64, precision int) string {
	w := wordsFor(lang)
	switch Direction(lang, change, precision) {
	case "up":
		return w.up + " " + locale.Percent(lang, change, precision)
	case "down":
		return w.down + " " + locale.Percent(lang, change, precision)
	}
	return w.unchanged
}

// BaseWords names the base period alone, for a card whose big number is
// the change: vi "so với 2019", en "on 2019".
func BaseWords(lang, base string) string {
	return wordsFor(lang).against + " " + PeriodText(lang, base)
}

// Direction is "up", "down" or "flat" for a change as it is shown at its
// precision: a change that rounds to zero is flat.
func Direction(lang string, change float64, precision int) string {
	switch {
	case !strings.ContainsAny(locale.Percent(lang, change, precision), "123456789"):
		return "flat"
	case change > 0:
		return "up"
	}
	return "down"
}

var arrows = map[string]string{"up": "▲", "down": "▼", "flat": "■"}
