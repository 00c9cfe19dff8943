// Package locale writes dates and lists the way readers of each language
// expect them. Almanac ships Vietnamese ("vi") and English ("en"); any other
// language tag falls back to English, and regional tags such as "vi-VN" use
// their base language.
//
// Weekday and month names live here, not in the theme's translation
// tables, so that every date an Almanac site prints comes from one place:
//
//	Dateline("vi", t)  → "Thứ Tư, 30/12/2020, 15:01 (GMT+7)"
//	Dateline("en", t)  → "Wednesday, 30 December 2020, 15:01 (GMT+7)"
//	ShortDate("vi", t) → "30/12/2020"
//	ShortDate("en", t) → "30 Dec 2020"
//	MonthYear("vi", t) → "Tháng 12/2020"
//	MonthYear("en", t) → "December 2020"
//	PhotoCredit("vi", "Thu Hà") → "Ảnh: Thu Hà"
//
// Times are written in their own location; convert them with t.In first to
// show them in another time zone.
package locale

import (
	"fmt"
	"strings"
	"time"
)

// names holds one language's words for dates and lists.
type names struct {
	weekdays    [7]string  // indexed by time.Weekday, Sunday first
	months      [12]string // January first; unused with numericDate
	shortMonths [12]string
	and         string // word before the last item of a list
	photo       string // word before a picture's credit
	correction  string // word before a correction's date
	numericDate bool   // dd/mm/yyyy rather than "d Month yyyy"
}

var vietnamese = names{
	weekdays:    [7]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"},
	and:         "và",
	photo:       "Ảnh",
	correction:  "Đính chính",
	numericDate: true,
}

var english = names{
	weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	shortMonths: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	and:        "and",
	photo:      "Photo",
	correction: "Correction",
}

// Base returns the base language of a BCP 47 tag, lower-cased:
// "vi-VN" → "vi", "EN_gb" → "en".
func Base(lang string) string {
	base, _, _ := strings.Cut(lang, "-")
	base, _, _ = strings.Cut(base, "_")
	return strings.ToLower(base)
}

// Supported reports whether lang (or its base language) has its own
// names; other languages are written in English.
func Supported(lang string) bool {
	switch Base(lang) {
	case "vi", "en":
		return true
	}
	return false
}

func namesFor(lang string) *names {
	if Base(lang) == "vi" {
		return &vietnamese
	}
	return &english
}

// Dateline is the full date and time of a story, with its weekday and UTC
// offset: "Thứ Tư, 30/12/2020, 15:01 (GMT+7)".
func Dateline(lang string, t time.Time) string {
	return fmt.Sprintf("%s, %02d:%02d (%s)", LongDate(lang, t), t.Hour(), t.Minute(), Offset(t))
}

// LongDate is the weekday and the date: "Thứ Tư, 30/12/2020" or
// "Wednesday, 30 December 2020".
func LongDate(lang string, t time.Time) string {
	n := namesFor(lang)
	weekday := n.weekdays[t.Weekday()]
	if n.numericDate {
		return weekday + ", " + ShortDate(lang, t)
	}
	return fmt.Sprintf("%s, %d %s %d", weekday, t.Day(), n.months[t.Month()-1], t.Year())
}

// ShortDate is the date alone: "30/12/2020" or "30 Dec 2020".
func ShortDate(lang string, t time.Time) string {
	n := namesFor(lang)
	if n.numericDate {
		return fmt.Sprintf("%02d/%02d/%04d", t.Day(), int(t.Month()), t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), n.shortMonths[t.Month()-1], t.Year())
}

// Offset writes the UTC offset of t's location the way datelines show it:
// "GMT+7", "GMT-3:30", "GMT+5:45", "GMT+0".
func Offset(t time.Time) string {
	_, seconds := t.Zone()
	sign := "+"
	if seconds < 0 {
		sign = "-"
		seconds = -seconds
	}
	hours, minutes := seconds/3600, seconds%3600/60
	if minutes == 0 {
		return fmt.Sprintf("GMT%s%d", sign, hours)
	}
	return fmt.Sprintf("GMT%s%d:%02d", sign, hours, minutes)
}

// MonthName is the name of t's month, capitalised for a heading or a
// link: "Tháng 12" or "December".
func MonthName(lang string, t time.Time) string {
	n := namesFor(lang)
	if n.numericDate {
		return fmt.Sprintf("Tháng %d", int(t.Month()))
	}
	return n.months[t.Month()-1]
}

// MonthYear is t's month and year: "Tháng 12/2020" or "December 2020".
func MonthYear(lang string, t time.Time) string {
	n := namesFor(lang)
	if n.numericDate {
		return fmt.Sprintf("Tháng %d/%d", int(t.Month()), t.Year())
	}
	return fmt.Sprintf("%s %d", n.months[t.Month()-1], t.Year())
}

// ListSeparator is what goes before item i of a list of n joined as List
// joins them: "" before the first, ", " between, " và " (" and ") before
// the last. Templates use it to join items that are links.
func ListSeparator(lang string, i, n int) string {
	switch {
	case i <= 0 || i >= n:
		return ""
	case i == n-1:
		return " " + namesFor(lang).and + " "
	}
	return ", "
}

// List joins names into a phrase: "An", "An và Bình", "An, Bình và Chi";
// in English "An, Bình and Chi".
func List(lang string, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	last := len(items) - 1
	return strings.Join(items[:last], ", ") + " " + namesFor(lang).and + " " + items[last]
}

// Correction is a correction as a line of text, for feeds: "Đính chính
// 04/01/2021: …", in English "Correction 4 Jan 2021: …".
func Correction(lang string, date time.Time, text string) string {
	return namesFor(lang).correction + " " + ShortDate(lang, date) + ": " + text
}

// PhotoCredit is the credit line of a picture: "Ảnh: Thu Hà", in English
// "Photo: Thu Hà". A credit that names its own kind before a colon, such
// as "Đồ họa: Bản tin Công Thương", is kept as written.
func PhotoCredit(lang, credit string) string {
	credit = strings.TrimSpace(credit)
	if credit == "" || strings.Contains(credit, ":") {
		return credit
	}
	return namesFor(lang).photo + ": " + credit
}
