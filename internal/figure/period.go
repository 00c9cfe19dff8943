package figure

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/locale"
)

// Period is a year, a quarter of a year or a month of a year, as figures
// are reported: "2020", "2020-Q3" or "2020-11".
type Period struct {
	Year    int
	Quarter int // 1…4 for a quarter, else 0
	Month   int // 1…12 for a month, else 0
}

var periodForm = regexp.MustCompile(`^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$`)

// ParsePeriod reads a period in one of the three accepted forms.
func ParsePeriod(s string) (Period, bool) {
	m := periodForm.FindStringSubmatch(s)
	if m == nil {
		return Period{}, false
	}
	p := Period{}
	p.Year, _ = strconv.Atoi(m[1])
	p.Quarter, _ = strconv.Atoi(m[2]) // "" gives 0
	p.Month, _ = strconv.Atoi(m[3])
	return p, true
}

// String writes the period in its accepted form: "2020", "2020-Q3", "2020-11".
func (p Period) String() string {
	switch {
	case p.Quarter != 0:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case p.Month != 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d", p.Year)
}

// Previous is the period of the same length just before p:
// 2020 → 2019, 2020-Q1 → 2019-Q4, 2020-01 → 2019-12.
func (p Period) Previous() Period {
	switch {
	case p.Quarter == 1:
		return Period{Year: p.Year - 1, Quarter: 4}
	case p.Quarter != 0:
		return Period{Year: p.Year, Quarter: p.Quarter - 1}
	case p.Month == 1:
		return Period{Year: p.Year - 1, Month: 12}
	case p.Month != 0:
		return Period{Year: p.Year, Month: p.Month - 1}
	}
	return Period{Year: p.Year - 1}
}

// firstMonth and lastMonth count months from year 0, so that periods of
// different lengths can be compared.
func (p Period) firstMonth() int {
	switch {
	case p.Quarter != 0:
		return p.Year*12 + (p.Quarter-1)*3
	case p.Month != 0:
		return p.Year*12 + p.Month - 1
	}
	return p.Year * 12
}

func (p Period) lastMonth() int {
	switch {
	case p.Quarter != 0:
		return p.firstMonth() + 2
	case p.Month != 0:
		return p.firstMonth()
	}
	return p.firstMonth() + 11
}

// EndsBefore reports whether p is over before q starts: 2019 ends before
// 2020-Q1; 2020 does not end before 2020-11.
func (p Period) EndsBefore(q Period) bool { return p.lastMonth() < q.firstMonth() }

// Compare orders periods by when they start and, of two starting
// together, puts the longer first: 2020, 2020-Q1, 2020-01, 2020-02…
func Compare(a, b Period) int {
	return cmp.Or(cmp.Compare(a.firstMonth(), b.firstMonth()), cmp.Compare(b.lastMonth(), a.lastMonth()))
}

// ComparePeriods is Compare for periods as written; a text that is not
// a period (a chart's category, a malformed period) sorts after every
// period, in text order.
func ComparePeriods(a, b string) int {
	pa, okA := ParsePeriod(a)
	pb, okB := ParsePeriod(b)
	switch {
	case okA && okB:
		return Compare(pa, pb)
	case okA:
		return -1
	case okB:
		return 1
	}
	return strings.Compare(a, b)
}

// SortPeriods sorts periods as written in time order (ComparePeriods),
// in place; equal ones keep their order.
func SortPeriods(periods []string) { slices.SortStableFunc(periods, ComparePeriods) }

// Kind is how long a period is.
type Kind int

// The kinds of period, longest first.
const (
	Yearly Kind = iota
	Quarterly
	Monthly
)

// Kind is the period's kind: a year, a quarter or a month.
func (p Period) Kind() Kind {
	switch {
	case p.Quarter != 0:
		return Quarterly
	case p.Month != 0:
		return Monthly
	}
	return Yearly
}

// Name names the kind in problem messages: "yearly", "quarterly", "monthly".
func (k Kind) Name() diag.Text {
	return [...]diag.Text{diag.Textf("yearly"), diag.Textf("quarterly"), diag.Textf("monthly")}[k]
}

// MixedKinds returns the first two periods as written of different kinds
// (a year and a month, say), or false when all periods are of one kind;
// texts that are not periods are passed over.
func MixedKinds(periods []string) (a, b Period, mixed bool) {
	var first Period
	seen := false
	for _, s := range periods {
		p, ok := ParsePeriod(s)
		switch {
		case !ok:
		case !seen:
			first, seen = p, true
		case p.Kind() != first.Kind():
			return first, p, true
		}
	}
	return Period{}, Period{}, false
}

var romanQuarters = [5]string{"", "I", "II", "III", "IV"}

// Text writes the period for readers: vi "2020", "quý III/2020",
// "tháng 11/2020"; en "2020", "Q3 2020", "Nov 2020".
func (p Period) Text(lang string) string {
	vi := locale.Base(lang) == "vi"
	switch {
	case p.Quarter != 0 && vi:
		return fmt.Sprintf("quý %s/%d", romanQuarters[p.Quarter], p.Year)
	case p.Quarter != 0:
		return fmt.Sprintf("Q%d %d", p.Quarter, p.Year)
	case p.Month != 0 && vi:
		return fmt.Sprintf("tháng %d/%d", p.Month, p.Year)
	case p.Month != 0:
		return fmt.Sprintf("%s %d", time.Month(p.Month).String()[:3], p.Year)
	}
	return strconv.Itoa(p.Year)
}

// PeriodText is Text for a period as written; a malformed one is shown as is.
func PeriodText(lang, s string) string {
	if p, ok := ParsePeriod(s); ok {
		return p.Text(lang)
	}
	return s
}

var periodFixes = []struct {
	form    *regexp.Regexp
	rewrite func(m []string) string
}{
	{regexp.MustCompile(`^(\d{4})[-/ ]?[qQ]([1-4])$`), func(m []string) string { return m[1] + "-Q" + m[2] }},
	{regexp.MustCompile(`^[qQ]([1-4])[-/ ]?(\d{4})$`), func(m []string) string { return m[2] + "-Q" + m[1] }},
	{regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[T ].*)?$`), func(m []string) string { return m[1] + "-" + twoDigits(m[2]) }},
	{regexp.MustCompile(`^(\d{1,2})[-/.](\d{4})$`), func(m []string) string { return m[2] + "-" + twoDigits(m[1]) }},
}

func twoDigits(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// FixPeriod guesses the accepted form of a period written another way:
// "2020-q3", "Q3/2020" → "2020-Q3"; "2020-3", "3/2020" → "2020-03";
// "2020-11-30" → "2020-11". ok is false when there is no good guess.
func FixPeriod(s string) (fixed string, ok bool) {
	s = strings.TrimSpace(s)
	for _, f := range periodFixes {
		if m := f.form.FindStringSubmatch(s); m != nil {
			fixed = f.rewrite(m)
			_, ok = ParsePeriod(fixed)
			return fixed, ok
		}
	}
	return "", false
}
