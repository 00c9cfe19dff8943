package figure

import (
	"testing"

	"github.com/almanac-news/almanac/internal/site"
)

func TestSourcesAreNamedOnce(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"Sở Công Thương", "Sở Công Thương"}, "Sở Công Thương"},
		{[]string{"Sở Công Thương", "sở  công thương."}, "Sở Công Thương"},
		{[]string{"Sở Công Thương", "Sở Công Thương, số ước thực hiện năm 2020"}, "Sở Công Thương, số ước thực hiện năm 2020"},
		{[]string{"Sở Công Thương, số ước thực hiện năm 2020", "Sở Công Thương"}, "Sở Công Thương, số ước thực hiện năm 2020"},
		{[]string{"Cục Thống kê", "Sở Công Thương", "Cục Thống kê"}, "Cục Thống kê; Sở Công Thương"},
		{[]string{"Sở Công Thương", "Sở Công Thương nghiệp"}, "Sở Công Thương; Sở Công Thương nghiệp"},
		{[]string{"Sở Công Thương", "Sở Công Thương (số ước)"}, "Sở Công Thương (số ước)"},
	} {
		var figs []site.Figure
		for _, s := range tc.in {
			figs = append(figs, site.Figure{Source: s})
		}
		if got := Sources(figs); got != tc.want {
			t.Errorf("%q: source %q, want %q", tc.in, got, tc.want)
		}
	}
}
