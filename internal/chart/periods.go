package chart

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/locale"
)

// Kinds of period, finest last.
const (
	periodYear = iota
	periodQuarter
	periodMonth
)

// period is a parsed period: "2020", "2020-Q3" or "2020-11".
type period struct {
	year  int
	kind  int
	index int // quarter 1–4 or month 1–12; 0 for a year
}

// parsePeriod reads a period as the front matter writes it.
func parsePeriod(s string) (period, bool) {
	if len(s) < 4 {
		return period{}, false
	}
	year, err := strconv.Atoi(s[:4])
	if err != nil || s[0] == '+' || s[0] == '-' {
		return period{}, false
	}
	rest := s[4:]
	switch {
	case rest == "":
		return period{year: year}, true
	case len(rest) == 3 && rest[:2] == "-Q" && rest[2] >= '1' && rest[2] <= '4':
		return period{year: year, kind: periodQuarter, index: int(rest[2] - '0')}, true
	case len(rest) == 3 && rest[0] == '-' && isDigit(rest[1]) && isDigit(rest[2]):
		month, _ := strconv.Atoi(rest[1:])
		if month >= 1 && month <= 12 {
			return period{year: year, kind: periodMonth, index: month}, true
		}
	}
	return period{}, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// firstMonth is the month the period starts in, counted from year 0.
func (p period) firstMonth() int {
	switch p.kind {
	case periodQuarter:
		return p.year*12 + (p.index-1)*3
	case periodMonth:
		return p.year*12 + p.index - 1
	}
	return p.year * 12
}

// comparePeriods orders periods by time: by the month they start in, a
// longer period before the shorter ones it contains, and anything that is
// not a period after every period, in text order.
func comparePeriods(a, b string) int {
	pa, okA := parsePeriod(a)
	pb, okB := parsePeriod(b)
	switch {
	case okA && okB:
		return cmp.Or(cmp.Compare(pa.firstMonth(), pb.firstMonth()), cmp.Compare(pa.kind, pb.kind))
	case okA:
		return -1
	case okB:
		return 1
	}
	return cmp.Compare(a, b)
}

// sortPeriods sorts periods in time order, in place.
func sortPeriods(periods []string) { slices.SortStableFunc(periods, comparePeriods) }

// periodKindName names a kind of period in problem messages.
func periodKindName(kind int) diag.Text {
	return [...]diag.Text{diag.Textf("yearly"), diag.Textf("quarterly"), diag.Textf("monthly")}[kind]
}

// mixedPeriodKinds returns two periods of different kinds (a year and a
// month, say), or false when all periods are of one kind.
func mixedPeriodKinds(periods []string) (string, string, bool) {
	first := -1
	for i, s := range periods {
		p, ok := parsePeriod(s)
		if !ok {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		if q, _ := parsePeriod(periods[first]); q.kind != p.kind {
			return periods[first], s, true
		}
	}
	return "", "", false
}

// romanQuarters are how Vietnamese writes quarters: "quý III/2020".
var romanQuarters = [...]string{"", "I", "II", "III", "IV"}

var shortMonths = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// periodLabel writes a period the way readers of lang expect it
// (docs/figures.md, section 2.2): "2020-Q3" → "quý III/2020" or "Q3 2020",
// "2020-11" → "tháng 11/2020" or "Nov 2020". Years, and texts that are not
// periods, stay as they are.
func periodLabel(lang, s string) string {
	p, ok := parsePeriod(s)
	if !ok || p.kind == periodYear {
		return s
	}
	vi := locale.Base(lang) == "vi"
	switch {
	case p.kind == periodQuarter && vi:
		return fmt.Sprintf("quý %s/%d", romanQuarters[p.index], p.year)
	case p.kind == periodQuarter:
		return fmt.Sprintf("Q%d %d", p.index, p.year)
	case vi:
		return fmt.Sprintf("tháng %d/%d", p.index, p.year)
	}
	return fmt.Sprintf("%s %d", shortMonths[p.index], p.year)
}
