package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
)

// TestLanguagesBuild builds a site in Vietnamese with an English
// edition: each edition's pages, lists, feeds and sitemaps in its own
// folder and words, the pages linked to their translations.
func TestLanguagesBuild(t *testing.T) {
	dir := extract(t, "languages.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: buildTime})
	if err != nil {
		t.Fatal(err)
	}
	out := tree(t, dest)
	for _, name := range []string{
		"index.html", "cong-thuong/index.html", "cong-thuong/san-xuat/index.html", "cong-thuong/xuat-khau/index.html",
		"cong-thuong/nhap-khau/index.html", "index.xml", "sitemap.xml", "robots.txt", "tags/cong-nghiep/index.html",
		"cong-thuong/san-xuat/anh.svg",
		"en/index.html", "en/cong-thuong/index.html", "en/cong-thuong/san-xuat/index.html", "en/cong-thuong/exports/index.html",
		"en/about/index.html", "en/index.xml", "en/cong-thuong/atom.xml", "en/sitemap.xml", "en/tags/industry/index.html",
		"en/cong-thuong/san-xuat/anh.svg", "en/cong-thuong/san-xuat/chart-san-xuat.csv",
	} {
		if out[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for name := range out {
		if strings.HasPrefix(name, "en/assets/") || name == "en/robots.txt" || strings.HasPrefix(name, "en/en/") ||
			name == "en/cong-thuong/nhap-khau/index.html" || name == "about/index.html" || name == "cong-thuong/exports/index.html" {
			t.Errorf("%s is written", name)
		}
	}
	vi, en := string(out["cong-thuong/san-xuat/index.html"]), string(out["en/cong-thuong/san-xuat/index.html"])
	for _, want := range []string{
		`<html lang="vi">`,
		`<link rel="alternate" hreflang="vi" href="https://example.org/cong-thuong/san-xuat/">`,
		`<link rel="alternate" hreflang="en" href="https://example.org/en/cong-thuong/san-xuat/">`,
		`<link rel="alternate" hreflang="x-default" href="https://example.org/cong-thuong/san-xuat/">`,
		`<a class="languages__link" href="https://example.org/en/cong-thuong/san-xuat/" hreflang="en" lang="en">English</a>`,
		`trên 68.800`, `Ngôn ngữ`,
	} {
		if !strings.Contains(vi, want) {
			t.Errorf("the Vietnamese article lacks %s", want)
		}
	}
	for _, want := range []string{
		`<html lang="en">`, `<title>Industrial output in 2020 | Industry and Trade News</title>`,
		`<link rel="alternate" hreflang="vi" href="https://example.org/cong-thuong/san-xuat/">`,
		`href="https://example.org/cong-thuong/san-xuat/" hreflang="vi" lang="vi">Tiếng Việt</a>`,
		`aria-current="true">English</a>`, `over 68,800`, `href="/assets/css/main.`, `href="/en/cong-thuong/"`, `Languages`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("the English article lacks %s", want)
		}
	}
	exports := string(out["en/cong-thuong/exports/index.html"])
	if !strings.Contains(exports, `hreflang="vi" href="https://example.org/cong-thuong/xuat-khau/"`) {
		t.Error("translationKey does not link exports.md to xuat-khau.md")
	}
	alone := string(out["cong-thuong/nhap-khau/index.html"])
	if strings.Contains(alone, `rel="alternate" hreflang`) ||
		!strings.Contains(alone, `<a class="languages__link" href="https://example.org/en/" hreflang="en" lang="en">English<span class="visually-hidden"> (trang chủ)</span></a>`) {
		t.Error("an article without a translation announces one, or its switcher does not lead to the English home page")
	}
	robots := string(out["robots.txt"])
	for _, want := range []string{"Sitemap: https://example.org/sitemap.xml", "Sitemap: https://example.org/en/sitemap.xml", "Sitemap: https://example.org/en/news-sitemap.xml"} {
		if !strings.Contains(robots, want) {
			t.Errorf("robots.txt lacks %s:\n%s", want, robots)
		}
	}
	if feed := string(out["en/index.xml"]); !strings.Contains(feed, "<link>https://example.org/en/cong-thuong/exports/</link>") || strings.Contains(feed, "Xuất khẩu") {
		t.Errorf("the English feed:\n%s", feed)
	}
	if res.Pages < 20 {
		t.Errorf("%d pages", res.Pages)
	}
}

// TestLanguageEditsEqualFullBuilds edits a bilingual site in the
// preview: a body, a translation's slug, a translation added and one
// removed, the languages' settings; each tree equals a full build's.
func TestLanguageEditsEqualFullBuilds(t *testing.T) {
	dir := extract(t, "languages.txtar")
	tree := replayEdits(t, dir, languageEdits, nil)
	if _, ok, _ := tree.File("en/cong-thuong/nhap-khau/index.html"); !ok {
		t.Error("the translation added is not in the preview")
	}
}

// TestCachedLanguageBuildsEqualColdBuilds makes the same edits between
// builds with almanac build's cache: every edition's pages come from the
// cache when nothing changed, an edit of one language's page that no
// translation shows leaves the other edition's pages as they were (the
// same files, linked from the cache), and each build writes what a cold
// one does (a translation added or moved changes the other language's
// page too).
func TestCachedLanguageBuildsEqualColdBuilds(t *testing.T) {
	dir, cache := extract(t, "languages.txtar"), t.TempDir()
	public := filepath.Join(dir, "public")
	cachedBuild(t, dir, cache, buildTime)
	again := cachedBuild(t, dir, cache, buildTime)
	if again.Cached != again.Pages || again.CachedBodies == 0 {
		t.Errorf("a build with nothing changed took %d of %d pages and %d bodies from the cache", again.Cached, again.Pages, again.CachedBodies)
	}
	compareWithColdBuild(t, dir, public, "nothing changed", buildTime)
	untouched := map[int]string{0: "vi", 5: "en"} // step → the edition it leaves as it was
	for i, st := range languageEdits {
		before := htmlFiles(t, public)
		st.apply(t, dir)
		res := cachedBuild(t, dir, cache, buildTime)
		t.Logf("%s: %d of %d pages from the cache", st.name, res.Cached, res.Pages)
		for name, info := range htmlFiles(t, public) {
			lang := "vi"
			if strings.HasPrefix(name, "en/") {
				lang = "en"
			}
			if untouched[i] == lang && !os.SameFile(info, before[name]) {
				t.Errorf("%s: %s was written again, not linked from the cache", st.name, name)
			}
		}
		compareWithColdBuild(t, dir, public, st.name, buildTime)
	}
	rewrite(t, dir, "almanac.toml", func(s string) string { return s[:strings.Index(s, "[languages.en]")] })
	must(t, os.RemoveAll(filepath.Join(dir, "content", "en")))
	english, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.en.md"))
	more, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*", "*.en.md"))
	for _, f := range append(append(english, more...), filepath.Join(dir, "content", "_index.en.md")) {
		must(t, os.Remove(f))
	}
	cachedBuild(t, dir, cache, buildTime)
	if _, err := os.Stat(filepath.Join(cache, "editions", "en")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the cache of the English edition is kept after almanac.toml dropped the language (%v)", err)
	}
}

// htmlFiles are the pages of a built site, by name.
func htmlFiles(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	files := map[string]os.FileInfo{}
	must(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html") {
			return err
		}
		info, err := d.Info()
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = info
		return err
	}))
	return files
}

// languageEdits edit both editions: bodies, a slug, a translation added
// and one removed, the English title, a figure.
var languageEdits = []editStep{
	{"content/cong-thuong/san-xuat/index.en.md", func(s string) string { return strings.Replace(s, "is estimated", "was estimated", 1) }},
	{"content/en/cong-thuong/exports.md", func(s string) string {
		return strings.Replace(s, "title: Exports in 2020", "title: Exports in 2020\nslug: exports-2020", 1)
	}},
	{"content/cong-thuong/nhap-khau.en.md", func(string) string {
		return "---\ntitle: Imports in 2020\ndate: 2020-12-28T10:00:00+07:00\n---\nNow in English too.\n"
	}},
	{"content/cong-thuong/san-xuat/index.en.md", nil},
	{"almanac.toml", func(s string) string {
		return strings.Replace(s, `title = "Industry and Trade News"`, `title = "Trade News"`, 1)
	}},
	{"content/cong-thuong/xuat-khau.md", func(s string) string { return strings.Replace(s, "1.456", "1.457", 1) }},
}

// TestLanguageErrorsNameTheirFiles checks that a problem of the English
// edition names the file as it is in the site, not as the edition sees it.
func TestLanguageErrorsNameTheirFiles(t *testing.T) {
	dir := extract(t, "languages.txtar")
	rewrite(t, dir, "content/en/cong-thuong/exports.md", func(s string) string {
		return strings.Replace(s, "date: 2020-12-29T10:00:00+07:00", "date: 29/12/2020", 1)
	})
	rewrite(t, dir, "content/cong-thuong/san-xuat/index.en.md", func(s string) string {
		return strings.Replace(s, "{{< value industry-output 2020 >}}", "{{< valeu x >}}", 1)
	})
	rewrite(t, dir, "content/cong-thuong/nhap-khau.md", func(s string) string { return strings.Replace(s, "title: Nhập khẩu năm 2020\n", "", 1) })
	_, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(t.TempDir(), "public"), Now: buildTime})
	var got []string
	if ce, ok := err.(*ContentError); ok {
		for _, p := range ce.Errors {
			got = append(got, p.Pos.String())
		}
	}
	want := "content/cong-thuong/nhap-khau.md:2:1 content/en/cong-thuong/exports.md:3:7 content/cong-thuong/san-xuat/index.en.md:21:35"
	if strings.Join(got, " ") != want {
		t.Errorf("errors at %v (%v), want %s", got, err, want)
	}
}
