package sitegen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// indicator is one statistic the bulletin reports, with the range its
// values fall in: low to 2×low.
type indicator struct {
	key, label, unit string
	low              int
}

var indicators = []indicator{
	{"industry-output", "Giá trị sản xuất công nghiệp", "tỷ đồng", 40000},
	{"retail-sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tỷ đồng", 25000},
	{"exports", "Kim ngạch xuất khẩu", "triệu USD", 900},
	{"imports", "Kim ngạch nhập khẩu", "triệu USD", 800},
	{"electricity", "Sản lượng điện thương phẩm", "triệu kWh", 1500},
	{"budget-revenue", "Thu ngân sách nhà nước", "tỷ đồng", 4000},
	{"new-firms", "Doanh nghiệp thành lập mới", "doanh nghiệp", 300},
	{"fdi-projects", "Dự án FDI cấp mới", "dự án", 12},
}

var sources = []string{"Sở Công Thương", "Cục Thống kê tỉnh", "Sở Kế hoạch và Đầu tư"}

// ArticleSource is the whole file of article a: front matter and body.
func (s *Site) ArticleSource(a *Article) string {
	var b strings.Builder
	b.WriteString("---\ntitle: " + strconv.Quote(a.Title) + "\n")
	b.WriteString("date: " + a.Date.Format(time.RFC3339) + "\n")
	if len(a.Authors) == 1 {
		b.WriteString("author: " + strconv.Quote(a.Authors[0]) + "\n")
	} else {
		b.WriteString("author: " + quotedList(a.Authors) + "\n")
	}
	if a.Summary != "" {
		b.WriteString("summary: " + strconv.Quote(a.Summary) + "\n")
	}
	b.WriteString("tags: " + quotedList(a.Tags) + "\n")
	chart := ""
	if a.Figures {
		var figures string
		figures, chart = figureKeys(articleRand(s.Config.Seed, a.Index, 1), s.Config.Seed, a.Date)
		b.WriteString(figures)
	}
	b.WriteString("---\n\n")
	b.WriteString(body(articleRand(s.Config.Seed, a.Index, 2), chart))
	return b.String()
}

func quotedList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = strconv.Quote(it)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// figureKeys writes the figures and charts keys of an article published
// on date, and the chart block that places its first chart: 3 to 5
// figures of the year the article reports on (the year before, in its
// first quarter), the first indicator with the previous year's value too.
// The numbers are the site's (series, from seed): every article that
// gives an indicator for a year and status gives the same value, as a
// newsroom's consistent archive does.
func figureKeys(r *rand.Rand, seed uint64, date time.Time) (keys, chartBlock string) {
	year := date.Year()
	if date.Month() <= time.March {
		year--
	}
	this, last := strconv.Itoa(year), strconv.Itoa(year-1)
	chosen := r.Perm(len(indicators))[:2+r.IntN(3)]
	var b strings.Builder
	b.WriteString("figures:\n")
	main := indicators[chosen[0]]
	before, now := actual(seed, main, year-1), estimate(seed, main, year)
	src := pick(r, sources)
	writeFigure(&b, main, true, last, strconv.Itoa(before), "", "actual", src)
	writeFigure(&b, main, false, this, strconv.Itoa(now), changeOf(before, now), "estimate", src)
	keysDrawn := []string{main.key}
	for _, i := range chosen[1:] {
		ind := indicators[i]
		value := estimate(seed, ind, year)
		writeFigure(&b, ind, true, this, strconv.Itoa(value), changeOf(actual(seed, ind, year-1), value), "estimate", pick(r, sources))
		keysDrawn = append(keysDrawn, ind.key)
	}
	changeID, columnID := "bien-dong-"+this, main.key+"-"+this
	fmt.Fprintf(&b, "charts:\n  - id: %s\n    type: change\n    title: %s\n    indicators: [%s]\n    periods: [%q]\n",
		changeID, strconv.Quote("Mức tăng, giảm năm "+this+" so với năm "+last), strings.Join(keysDrawn, ", "), this)
	fmt.Fprintf(&b, "  - id: %s\n    type: column\n    title: %s\n    indicators: [%s]\n    periods: [%q, %q]\n",
		columnID, strconv.Quote(main.label+" năm "+last+" và năm "+this), main.key, last, this)
	return b.String(), "```chart\nid: " + changeID + "\n```"
}

// actual is the site's final value of ind for year: low to 2×low.
func actual(seed uint64, ind indicator, year int) int {
	return ind.low + series(seed, ind, year, 0).IntN(ind.low)
}

// estimate is the site's estimate of ind for year: the year before's
// actual value changed by −20 % to +30 %.
func estimate(seed uint64, ind indicator, year int) int {
	before := actual(seed, ind, year-1)
	return max(1, before+before*(series(seed, ind, year, 1).IntN(51)-20)/100)
}

// series is the random source of one indicator's number for year.
func series(seed uint64, ind indicator, year, kind int) *rand.Rand {
	h := uint64(14695981039346656037)
	for _, c := range []byte(ind.key) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return rand.New(rand.NewPCG(seed^h, uint64(year)<<1|uint64(kind)))
}

// writeFigure writes one figure; the first figure of an indicator in the
// article (first) carries its label and unit.
func writeFigure(b *strings.Builder, ind indicator, first bool, period, value, change, status, source string) {
	fmt.Fprintf(b, "  - indicator: %s\n", ind.key)
	if first {
		fmt.Fprintf(b, "    label: %s\n    unit: %s\n", strconv.Quote(ind.label), strconv.Quote(ind.unit))
	}
	fmt.Fprintf(b, "    period: %q\n    value: %s\n", period, value)
	if change != "" {
		fmt.Fprintf(b, "    change: %s\n", change)
	}
	fmt.Fprintf(b, "    status: %s\n    source: %s\n", status, strconv.Quote(source))
}

// changeOf is the change from before to now in per cent, rounded to one
// decimal half away from zero, written the machine way: −1.7, 0.0, 12.5.
func changeOf(before, now int) string {
	num := 1000 * (now - before) // tenths of a per cent, times before
	tenths := (abs(num) + before/2) / before
	sign := ""
	if num < 0 && tenths > 0 {
		sign = "-"
	}
	return fmt.Sprintf("%s%d.%d", sign, tenths/10, tenths%10)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
