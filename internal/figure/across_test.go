package figure

import (
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// TestCheckAcrossComparesOnlyWhatIsGiven: a figure without a value (a
// change alone) and another status of the same period are not
// disagreements; the later article is the one warned, whatever the order
// of the pages; a qualifier is part of the value.
func TestCheckAcrossComparesOnlyWhatIsGiven(t *testing.T) {
	fig := func(status string, value float64, has bool, qualifier string) site.Figure {
		return site.Figure{Indicator: "exports", Label: "Xuất khẩu", Unit: "triệu USD", Period: "2020", Status: status,
			Value: value, HasValue: has, Qualifier: qualifier, Position: site.Position{Line: 7, Col: 5}}
	}
	page := func(src string, day int, figs ...site.Figure) *site.Page {
		return &site.Page{Source: src, Date: time.Date(2020, 12, day, 0, 0, 0, 0, time.UTC), Figures: figs}
	}
	old := page("a.md", 1, fig("estimate", 1456, true, ""))
	for _, tc := range []struct {
		name  string
		later *site.Page
		want  string
	}{
		{"same value", page("b.md", 2, fig("estimate", 1456, true, "")), ""},
		{"change alone", page("b.md", 2, fig("estimate", 0, false, "")), ""},
		{"the actual, later", page("b.md", 2, fig("actual", 1500, true, "")), ""},
		{"another value", page("b.md", 2, fig("estimate", 1465, true, "")),
			"b.md:7:5: warning: exports in 2020 (estimate) is 1465 here but 1456 in a.md (see also a.md:7:5)"},
		{"a qualifier", page("b.md", 2, fig("estimate", 1456, true, "over")), "is over 1456 here but 1456 in a.md"},
	} {
		for _, pages := range [][]*site.Page{{old, tc.later}, {tc.later, old}} {
			var got []string
			for _, p := range CheckAcross(pages) {
				got = append(got, p.Error())
			}
			joined := strings.Join(got, "\n")
			if tc.want == "" && joined != "" || tc.want != "" && (len(got) != 1 || !strings.Contains(joined, tc.want)) {
				t.Errorf("%s: got %q, want %q", tc.name, joined, tc.want)
			}
		}
	}
}

// BenchmarkCheckAcross is the check of a 100,000-article archive, a fifth
// of whose articles give four figures of eight indicators over ten years,
// all agreeing: what every build and every preview save pays.
func BenchmarkCheckAcross(b *testing.B) {
	inds := []string{"industry-output", "retail-sales", "exports", "imports", "electricity", "budget-revenue", "new-firms", "fdi-projects"}
	pages := make([]*site.Page, 100000)
	for i := range pages {
		p := &site.Page{Source: "content/a/" + strings.Repeat("x", i%7) + ".md", Date: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)}
		if i%5 == 2 {
			year := 2016 + i/10000
			for k := range 4 {
				ind := inds[(i+k)%len(inds)]
				p.Figures = append(p.Figures, site.Figure{Indicator: ind, Label: ind, Unit: "tỷ đồng", Period: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"),
					Status: "estimate", Value: float64(len(ind) * year), HasValue: true})
			}
		}
		pages[i] = p
	}
	b.ResetTimer()
	for b.Loop() {
		if ps := CheckAcross(pages); len(ps) != 0 {
			b.Fatal(ps[0])
		}
	}
}
