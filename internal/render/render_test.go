package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadDefaultTheme loads the shipped theme, failing on any problem, even a warning.
func loadDefaultTheme(t testing.TB, lang string) *Theme {
	t.Helper()
	theme, problems := LoadTheme(os.DirFS("../../layouts"), lang)
	for _, p := range problems.Problems() {
		t.Errorf("LoadTheme: %v", p)
	}
	return theme
}

// plan plans s with the theme, failing on any problem.
func plan(t testing.TB, theme *Theme, s *site.Site) map[string]Output {
	t.Helper()
	outputs, problems := theme.Plan(&Input{Site: s, Asset: testAssets})
	for _, p := range problems.Problems() {
		t.Errorf("Plan: %v", p)
	}
	byPath := make(map[string]Output, len(outputs))
	for _, o := range outputs {
		byPath[o.Path] = o
	}
	return byPath
}

func render(t testing.TB, o Output) string {
	t.Helper()
	var b bytes.Buffer
	if err := o.Render(&b); err != nil {
		t.Fatalf("rendering %s: %v", o.Path, err)
	}
	return b.String()
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (run go test -update after checking the change):\n%s", name, file, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}

func TestGoldenPages(t *testing.T) {
	outputs := plan(t, loadDefaultTheme(t, "vi"), fixtureSite())
	tests := []struct{ golden, path string }{
		{"article.html", "cong-thuong/bao-cao/index.html"},
		{"section-page-1.html", "cong-thuong/index.html"},
		{"section-page-2.html", "cong-thuong/page/2/index.html"},
		{"home.html", "index.html"},
		{"page.html", "gioi-thieu/index.html"},
		{"404.html", "404.html"},
		{"tags.html", "tags/index.html"},
		{"tag.html", "tags/cong-nghiep/index.html"},
		{"authors.html", "authors/index.html"},
		{"author-page-2.html", "authors/ban-bien-tap/page/2/index.html"},
		{"archive.html", "archive/index.html"},
		{"month.html", "archive/2020/12/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			o, ok := outputs[tt.path]
			if !ok {
				t.Fatalf("no output %s", tt.path)
			}
			compareGolden(t, tt.golden, render(t, o))
		})
	}
}

func TestGoldenEnglishArticle(t *testing.T) {
	s := fixtureSite()
	s.Config.Language = "en"
	outputs := plan(t, loadDefaultTheme(t, "en"), s)
	compareGolden(t, "article-en.html", render(t, outputs["cong-thuong/bao-cao/index.html"]))
}

func TestPlanListsEveryFile(t *testing.T) {
	s := fixtureSite()
	outputs, problems := loadDefaultTheme(t, "vi").Plan(&Input{Site: s, Asset: testAssets})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"index.html",
		"cong-thuong/index.html", "cong-thuong/page/2/index.html", "thi-dua/index.html",
		"cong-thuong/bao-cao/index.html", "thi-dua/khen-thuong/index.html", "cong-thuong/xuat-khau/index.html",
		"cong-thuong/cho-tet/index.html", "cong-thuong/dien/index.html", "gioi-thieu/index.html",
		"tags/index.html", "tags/cong-nghiep/index.html", "tags/cong-nghiep/page/2/index.html", "tags/tong-ket-nam/index.html",
		"authors/index.html", "authors/ban-bien-tap/index.html", "authors/ban-bien-tap/page/2/index.html",
		"authors/nguyen-van-an/index.html", "authors/tran-thi-binh/index.html",
		"archive/index.html", "archive/2020/12/index.html", "archive/2020/12/page/2/index.html", "archive/2020/12/page/3/index.html",
		"404.html",
	}
	var got []string
	for _, o := range outputs {
		got = append(got, o.Path)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("paths:\n got %q\nwant %q", got, want)
	}
	if outputs[0].Page != s.Home {
		t.Errorf("index.html comes from %v, want the home page", outputs[0].Page)
	}
	if last := outputs[len(outputs)-1]; last.Page != nil {
		t.Errorf("404.html comes from page %v, want nil", last.Page.Source)
	}
}

// hostile is text that breaks out of every HTML context if left unescaped.
const hostile = `</script>"&<`

func TestUntrustedTextIsEscapedEverywhere(t *testing.T) {
	s := fixtureSite()
	s.Config.Title, s.Config.Description = hostile, hostile
	for i := range s.Config.Menu {
		s.Config.Menu[i].Name = hostile
	}
	pages := append([]*site.Page{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		pages = append(pages, sec.Page)
	}
	for _, p := range pages {
		p.Title, p.Summary, p.Authors = hostile+p.Title, hostile, []string{hostile, hostile}
		p.Tags = []site.Tag{{Name: hostile, Slug: "x"}}
		p.Lines = site.KeyLines{{Key: "summary", Line: 3}}
	}
	s.Pages[0].Image.Alt, s.Pages[0].Image.Caption = hostile, hostile
	s.Pages[0].Image.Src = "javascript:alert(1)"
	for path, o := range plan(t, loadDefaultTheme(t, "vi"), s) {
		html := render(t, o)
		if strings.Contains(html, hostile) || strings.Contains(html, "javascript:") {
			t.Errorf("%s contains unescaped text:\n%s", path, html)
		}
		if open, closed := strings.Count(html, "<script"), strings.Count(html, "</script>"); open != closed {
			t.Errorf("%s: %d <script> but %d </script>: text closed a script", path, open, closed)
		}
		if !strings.Contains(html, "&lt;/script&gt;&#34;&amp;&lt;") {
			t.Errorf("%s does not show the escaped title", path)
		}
	}
}

func TestUnknownLayoutIsReportedAtItsLine(t *testing.T) {
	s := fixtureSite()
	about := s.Pages[len(s.Pages)-1]
	about.Layout, about.Lines = "wide", site.KeyLines{{Key: "title", Line: 2}, {Key: "layout", Line: 4}}
	outputs, problems := loadDefaultTheme(t, "vi").Plan(&Input{Site: s, Asset: testAssets})
	errs := problems.Errors()
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(errs), problems.Err())
	}
	p := errs[0]
	if want := (diag.Pos{File: "content/gioi-thieu.md", Line: 4}); p.Pos != want {
		t.Errorf("position %v, want %v", p.Pos, want)
	}
	if !strings.Contains(p.Msg, `layout "wide"`) || !strings.Contains(p.Hint, "layouts/wide.html") ||
		!strings.Contains(p.Hint, "404, archive, article, home, list, page, section, terms") {
		t.Errorf("unhelpful problem: %v", p)
	}
	for _, o := range outputs {
		if o.Page == about {
			t.Errorf("page with an unknown layout planned at %s", o.Path)
		}
	}
}

func TestRenderSubfolderSite(t *testing.T) {
	s := fixtureSite()
	s.Config.BaseURL = "https://example.org/tin/"
	html := render(t, plan(t, loadDefaultTheme(t, "vi"), s)["cong-thuong/bao-cao/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="https://example.org/tin/cong-thuong/bao-cao/">`,
		`<link rel="stylesheet" href="/tin/assets/css/main.1a2b3c4d.css">`,
		`<a href="/tin/cong-thuong/">Công Thương</a>`,
		`src="/tin/cong-thuong/bao-cao/ban-tin.mp3"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s", want)
		}
	}
}
