package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
)

// buildNested builds testdata/nested.txtar and returns its folder and output.
func buildNested(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := extract(t, "nested.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: buildTime}); err != nil {
		t.Fatal(err)
	}
	return dir, tree(t, dest)
}

func TestNestedSectionsBuild(t *testing.T) {
	_, out := buildNested(t)
	for _, name := range []string{
		"kinh-te/index.html", "kinh-te/page/2/index.html",
		"kinh-te/cong-nghiep/index.html", "kinh-te/cong-nghiep/page/2/index.html",
		"kinh-te/cong-nghiep/nang-luong/index.html", "kinh-te/cong-nghiep/nang-luong/dien/index.html",
		"kinh-te/cong-nghiep/nang-luong/index.xml", "kinh-te/cong-nghiep/nang-luong/atom.xml", "kinh-te/index.xml",
		"kinh-te/thuong-mai/index.html", "kinh-te/thuong-mai/noi-bo/index.html", "kinh-te/du-lieu/bang.csv",
		"luu-tru/cu/index.html",
	} {
		if out[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for _, name := range []string{"kinh-te/du-lieu/index.html", "luu-tru/index.html", "luu-tru/index.xml"} {
		if out[name] != nil {
			t.Errorf("%s is written, but its page says it is not rendered", name)
		}
	}
	article := string(out["kinh-te/cong-nghiep/nang-luong/dien/index.html"])
	crumbs := regexp.MustCompile(`(?s)<nav class="breadcrumb".*?</nav>`).FindString(article)
	for _, want := range []string{`href="/">Trang chủ`, `href="/kinh-te/">Kinh tế`, `href="/kinh-te/cong-nghiep/">Công nghiệp`, `href="/kinh-te/cong-nghiep/nang-luong/">Năng lượng`} {
		if !strings.Contains(crumbs, want) {
			t.Errorf("the article's breadcrumb %q lacks %q", crumbs, want)
		}
	}
	ld := `"position":4,"name":"Năng lượng","item":"https://example.org/kinh-te/cong-nghiep/nang-luong/"},{"@type":"ListItem","position":5,"name":"Sản lượng điện"`
	if !strings.Contains(article, ld) {
		t.Error("the article's BreadcrumbList does not run through every section")
	}
	if !strings.Contains(article, "Thu Hà") || strings.Contains(article, "Phòng Công nghiệp") {
		t.Error("an article's own author wins over the cascade's")
	}
	if !strings.Contains(string(out["kinh-te/cong-nghiep/san-xuat/index.html"]), "Phòng Công nghiệp") {
		t.Error("the cascade's author is not shown")
	}
	section := string(out["kinh-te/cong-nghiep/index.html"])
	if !strings.Contains(section, `<a class="subsections__link" href="/kinh-te/cong-nghiep/nang-luong/">Năng lượng</a>`) ||
		!strings.Contains(section, `href="/kinh-te/">Kinh tế`) || !strings.Contains(section, `"@type":"BreadcrumbList"`) {
		t.Error("a nested section lists its subsections and shows its breadcrumb")
	}
	if strings.Contains(string(out["kinh-te/index.html"]), "luu-tru") {
		t.Error("a headless section is linked")
	}
	tags := string(out["tags/cong-nghiep/index.html"]) + string(out["tags/cong-nghiep/page/2/index.html"])
	if !strings.Contains(tags, "Sản lượng điện") || !strings.Contains(tags, "Xăng dầu") {
		t.Error("the cascade's tag does not reach the subsection's articles")
	}
	sitemap := string(out["sitemap.xml"])
	if strings.Contains(sitemap, "noi-bo") || !strings.Contains(sitemap, "/kinh-te/cong-nghiep/nang-luong/dien/") {
		t.Error("the sitemap lists an unlisted page, or misses a nested article")
	}
	for name, b := range out {
		if strings.HasSuffix(name, ".html") && name != "kinh-te/thuong-mai/noi-bo/index.html" && strings.Contains(string(b), "/noi-bo/") {
			t.Errorf("%s links the unlisted page", name)
		}
		if (strings.HasSuffix(name, "index.xml") || strings.HasSuffix(name, "atom.xml")) && strings.Contains(string(b), "/luu-tru/cu/") {
			t.Errorf("%s lists an article that says feed: false", name)
		}
	}
}

func TestNestedEditsEqualFullBuilds(t *testing.T) {
	dir := extract(t, "nested.txtar")
	steps := []editStep{
		{"content/kinh-te/cong-nghiep/_index.md", func(s string) string { return strings.Replace(s, "Phòng Công nghiệp", "Ban Công nghiệp", 1) }},
		{"content/kinh-te/cong-nghiep/_index.md", func(s string) string { return strings.Replace(s, "  tags: [Công nghiệp]\n", "  draft: true\n", 1) }},
		{"content/kinh-te/cong-nghiep/_index.md", func(s string) string {
			return strings.Replace(s, "cascade:\n  author: Ban Công nghiệp\n  draft: true\n", "", 1)
		}},
		{"content/_index.md", func(s string) string {
			return strings.Replace(s, "title: Trang chủ\n", "title: Trang chủ\ncascade: {tags: [Tin]}\n", 1)
		}},
		{"content/kinh-te/cong-nghiep/nang-luong/xang.md", func(s string) string {
			return strings.Replace(s, "title: Xăng dầu", "title: Xăng dầu\nbuild: {list: never}", 1)
		}},
		{"content/kinh-te/_index.md", func(s string) string {
			return strings.Replace(s, "title: Kinh tế", "title: Kinh tế – Xã hội", 1)
		}},
	}
	replayEdits(t, dir, steps, nil)
}
