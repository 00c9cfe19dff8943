package figure

import (
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

func TestPeriods(t *testing.T) {
	for _, tc := range []struct {
		in, previous, vi, en string
	}{
		{"2020", "2019", "2020", "2020"},
		{"2020-Q3", "2020-Q2", "quý III/2020", "Q3 2020"},
		{"2020-Q1", "2019-Q4", "quý I/2020", "Q1 2020"},
		{"2020-11", "2020-10", "tháng 11/2020", "Nov 2020"},
		{"2020-01", "2019-12", "tháng 1/2020", "Jan 2020"},
	} {
		p, ok := ParsePeriod(tc.in)
		if !ok || p.String() != tc.in {
			t.Fatalf("ParsePeriod(%q) = %v, %v", tc.in, p, ok)
		}
		if got := p.Previous().String(); got != tc.previous {
			t.Errorf("%s previous = %s, want %s", tc.in, got, tc.previous)
		}
		if got := p.Text("vi"); got != tc.vi {
			t.Errorf("%s vi = %q, want %q", tc.in, got, tc.vi)
		}
		if got := p.Text("en-GB"); got != tc.en {
			t.Errorf("%s en = %q, want %q", tc.in, got, tc.en)
		}
	}
	for _, bad := range []string{"2020-3", "2020-q3", "Q3/2020", "11/2020", "2020-13", "2020-Q5", "2020-11-30", "20", "", "2020-00"} {
		if _, ok := ParsePeriod(bad); ok {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

func TestPeriodOrder(t *testing.T) {
	ps := []string{"2020-02", "2021", "2020-01", "2020-Q1", "2019-Q4", "2020"}
	slices.SortFunc(ps, ComparePeriods)
	if got := strings.Join(ps, " "); got != "2019-Q4 2020 2020-Q1 2020-01 2020-02 2021" {
		t.Errorf("order = %s", got)
	}
	p := func(s string) Period { x, _ := ParsePeriod(s); return x }
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"2019", "2020", true}, {"2019", "2020-Q1", true}, {"2020-Q4", "2021-01", true},
		{"2020", "2020-11", false}, {"2021", "2020", false}, {"2020", "2020", false}, {"2020-10", "2020-Q4", false},
	} {
		if got := p(tc.a).EndsBefore(p(tc.b)); got != tc.want {
			t.Errorf("%s ends before %s = %v", tc.a, tc.b, got)
		}
	}
}

func TestFixPeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2020-q3": "2020-Q3", "Q3/2020": "2020-Q3", "q4 2021": "2021-Q4",
		"2020-3": "2020-03", "3/2020": "2020-03", "2020-11-30": "2020-11", "2020/11": "2020-11",
		"2020-13": "", "năm 2020": "", "2020-Q5": "",
	} {
		got, ok := FixPeriod(in)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("FixPeriod(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		want Number
	}{
		{"68800", true, Number{68800, 0}}, {"1.70", true, Number{1.7, 2}}, {"-1.7", true, Number{-1.7, 1}},
		{"+2.6", true, Number{2.6, 1}}, {"68.800", true, Number{68.8, 3}}, {"0", true, Number{0, 0}},
		{"6.88e4", false, Number{}}, {".5", false, Number{}}, {"1.", false, Number{}}, {"1_000", false, Number{}},
		{"0x10", false, Number{}}, {".inf", false, Number{}}, {"68,800", false, Number{}}, {"", false, Number{}},
	} {
		got, ok := ParseNumber(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCheck(t *testing.T) {
	base := site.Figure{Indicator: "industry-output", Period: "2020", Value: 68800, HasValue: true,
		Qualifier: "over", Status: "estimate", Position: site.Position{Line: 14, Col: 5}}
	target := func(value float64, q string, change float64, prec int) site.Figure {
		return site.Figure{Indicator: "industry-output", Period: "2021", Value: value, HasValue: true, Qualifier: q,
			Change: change, HasChange: true, ChangePrecision: prec, Base: "2020", Status: "target",
			Position: site.Position{Line: 40, Col: 5}, ChangePos: site.Position{Line: 44, Col: 13}}
	}
	for _, tc := range []struct {
		name string
		base site.Figure
		fig  site.Figure
		want string // "" when the check passes
	}{
		{"report: 79770 against over 68800 is nearly 16", base, target(79770, "", 16, 0), ""},
		{"exact 68800: 15.9 rounds to 16", site.Figure{Indicator: "industry-output", Period: "2020", Value: 68800,
			HasValue: true}, target(79770, "", 16, 0), ""},
		{"retail: nearly 51000 against 46315 is 9.7", site.Figure{Indicator: "industry-output", Period: "2020",
			Value: 46315, HasValue: true}, target(51000, "nearly", 9.7, 1), ""},
		{"over 68800 allows 14 but not 11", base, target(79770, "", 14, 0), ""},
		{"11 does not follow", base, target(79770, "", 11, 0),
			"r.md:44:13: warning: change 11 of industry-output in 2021 does not follow from the values: " +
				"79770 against 68800 in 2020 is +15.9 % (see also r.md:14:5); check the three numbers: " +
				"with the wording given, the change can be +12.6 % to +15.9 %"},
		{"stated precision counts: 15.0 is not 15.9", site.Figure{Indicator: "industry-output", Period: "2020",
			Value: 68800, HasValue: true, Position: site.Position{Line: 3, Col: 5}}, target(79770, "", 15.0, 1), "does not follow"},
		{"no base figure", site.Figure{Indicator: "other", Period: "2020", Value: 1, HasValue: true},
			target(79770, "", 99, 0), ""},
		{"a base of zero", site.Figure{Indicator: "industry-output", Period: "2020", HasValue: true, Position: site.Position{Line: 3, Col: 5}},
			target(100, "", 150, 0), "r.md:44:13: warning: change 150 of industry-output in 2021 is in per cent of 0 in 2020, " +
				"which is zero: a change in per cent is undefined there (see also r.md:3:5); give the difference in the unit instead"},
		{"from -200 to 100 is +150 % of the base's size, and misleads", site.Figure{Indicator: "industry-output", Period: "2020",
			Value: -200, HasValue: true, Position: site.Position{Line: 3, Col: 5}}, target(100, "", 150, 0),
			"r.md:44:13: warning: change 150 of industry-output in 2021 is in per cent of a negative -200 in 2020: " +
				"readers misread a change in per cent of a negative number"},
		{"from -200 to 100 is not -150 %", site.Figure{Indicator: "industry-output", Period: "2020",
			Value: -200, HasValue: true, Position: site.Position{Line: 3, Col: 5}}, target(100, "", -150, 0),
			"r.md:44:13: warning: change -150 of industry-output in 2021 does not follow from the values: " +
				"100 against -200 in 2020 is +150.0 % of the base's size (see also r.md:3:5)"},
	} {
		p := &site.Page{Source: "r.md", Figures: []site.Figure{tc.base, tc.fig}}
		problems := Check(p)
		switch {
		case tc.want == "" && len(problems) != 0:
			t.Errorf("%s: unexpected %v", tc.name, problems[0])
		case tc.want != "" && len(problems) != 1:
			t.Errorf("%s: %d problems, want 1", tc.name, len(problems))
		case tc.want != "" && !strings.Contains(problems[0].Error(), tc.want):
			t.Errorf("%s:\n got %s\nwant %s", tc.name, problems[0], tc.want)
		}
	}
}

// TestPeriodText: how readers see a period, and texts that are not
// periods (a chart's categories) as they are.
func TestPeriodText(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"vi", "2020", "2020"},
		{"vi", "2020-Q3", "quý III/2020"},
		{"vi", "2020-11", "tháng 11/2020"},
		{"vi-VN", "2021-02", "tháng 2/2021"},
		{"en", "2020-Q3", "Q3 2020"},
		{"en", "2020-11", "Nov 2020"},
		{"en", "2020-13", "2020-13"},
		{"en", "Hà Nội", "Hà Nội"},
	}
	for _, tt := range tests {
		if got := PeriodText(tt.lang, tt.in); got != tt.want {
			t.Errorf("PeriodText(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// TestSortPeriods: time order, a year before the quarters and months it
// holds, and what is not a period after every period, in text order.
func TestSortPeriods(t *testing.T) {
	got := []string{"2021", "x", "2020-11", "2020-Q3", "2020-13", "2020", "2020-02", "2020-Q1", "2020-01"}
	SortPeriods(got)
	if want := "2020 2020-Q1 2020-01 2020-02 2020-Q3 2020-11 2021 2020-13 x"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestMixedKinds(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string // "" for none
	}{
		{[]string{"2019", "2020", "2021"}, ""},
		{[]string{"x", "2020-Q1", "2020-Q2"}, ""},
		{[]string{"2020", "x", "2020-Q1", "2020-03"}, "2020 2020-Q1"},
		{[]string{"2020-01", "2020-02", "2021"}, "2020-01 2021"},
	} {
		a, b, mixed := MixedKinds(tc.in)
		got := ""
		if mixed {
			got = a.String() + " " + b.String()
		}
		if got != tc.want {
			t.Errorf("MixedKinds(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
