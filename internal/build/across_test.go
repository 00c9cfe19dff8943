package build

import (
	"context"
	"strings"
	"testing"
)

// TestFiguresDisagreeingAcrossArticles: two articles giving the same
// indicator and period different values, units or labels get a warning
// at the later one, naming the earlier, in check, in a build (which
// succeeds) and in the preview; an edit that makes them agree clears it.
func TestFiguresDisagreeingAcrossArticles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "almanac.toml", "title = \"T\"\nbase_url = \"https://example.org/\"\nlanguage = \"vi\"\nauthor = \"B\"\n")
	article := func(date, value, unit, label string) string {
		return "---\ntitle: Bài\ndate: " + date + "\nfigures:\n  - indicator: retail-sales\n    label: " + label +
			"\n    unit: " + unit + "\n    period: \"2020\"\n    value: " + value + "\n    status: estimate\n---\nThân bài.\n"
	}
	writeFile(t, dir, "content/tin/truoc.md", article("2020-12-01", "46315", "tỷ đồng", "Tổng mức bán lẻ"))
	writeFile(t, dir, "content/tin/sau.md", article("2020-12-20", "43615", "triệu đồng", "Bán lẻ"))
	writeFile(t, dir, "content/tin/khac.md", article("2020-12-25", "46315", "tỷ đồng", "Doanh thu bán lẻ"))
	want := []string{
		"content/tin/khac.md:5:5: warning: retail-sales is labelled \"Doanh thu bán lẻ\" here but \"Tổng mức bán lẻ\" in content/tin/truoc.md (see also content/tin/truoc.md:5:5)",
		"content/tin/sau.md:5:5: warning: retail-sales in 2020 (estimate) is 43615 here but 46315 in content/tin/truoc.md (see also content/tin/truoc.md:5:5)",
		"content/tin/sau.md:5:5: warning: retail-sales is in \"triệu đồng\" here but in \"tỷ đồng\" in content/tin/truoc.md (see also content/tin/truoc.md:5:5)",
	}
	got := func(problems []string) {
		t.Helper()
		joined := strings.Join(problems, "\n")
		for _, w := range want {
			if !strings.Contains(joined, w) {
				t.Errorf("missing %s\nin\n%s", w, joined)
			}
		}
		if n := strings.Count(joined, "here but"); n != len(want) {
			t.Errorf("%d cross-article warnings, want %d:\n%s", n, len(want), joined)
		}
	}
	var checked []string
	for _, p := range checkSite(t, dir, false, false).Warnings() {
		checked = append(checked, p.Error())
	}
	got(checked)
	s := newTestSession(dir)
	_, _, res, err := s.Build(context.Background(), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	var previewed []string
	for _, p := range res.Warnings {
		previewed = append(previewed, p.Error())
	}
	got(previewed)
	rewrite(t, dir, "content/tin/sau.md", func(s string) string {
		return strings.NewReplacer("43615", "46315", "triệu đồng", "tỷ đồng", "Bán lẻ", "Tổng mức bán lẻ").Replace(s)
	})
	rewrite(t, dir, "content/tin/khac.md", func(s string) string { return strings.Replace(s, "Doanh thu bán lẻ", "Tổng mức bán lẻ", 1) })
	_, _, res, err = s.Build(context.Background(), []string{"content/tin/sau.md", "content/tin/khac.md"}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Warnings {
		if strings.Contains(p.Error(), "here but") {
			t.Errorf("after the fix: %v", p)
		}
	}
}
