package render

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

func TestPager(t *testing.T) {
	tests := []struct {
		number, total int
		prev, next    string
		links         string // numbers, * for current, … before a gap
	}{
		{1, 1, "", "", "*1"},
		{1, 2, "", "/s/page/2/", "*1 2"},
		{2, 2, "/s/", "", "1 *2"},
		{1, 9, "", "/s/page/2/", "*1 2 3 …9"},
		{5, 9, "/s/page/4/", "/s/page/6/", "1 …3 4 *5 6 7 …9"},
		{3, 9, "/s/page/2/", "/s/page/4/", "1 2 *3 4 5 …9"},
		{4, 9, "/s/page/3/", "/s/page/5/", "1 2 3 *4 5 6 …9"},
		{9, 9, "/s/page/8/", "", "1 …7 8 *9"},
		{500, 1000, "/s/page/499/", "/s/page/501/", "1 …498 499 *500 501 502 …1000"},
	}
	for _, tt := range tests {
		p := newPager("/s/", tt.number, tt.total)
		var links []string
		for _, l := range p.Links() {
			s := fmt.Sprint(l.Number)
			if l.Current {
				s = "*" + s
			}
			if l.Gap {
				s = "…" + s
			}
			links = append(links, s)
			if want := listPageURL("/s/", l.Number); l.URL != want {
				t.Errorf("page %d links to %s, want %s", l.Number, l.URL, want)
			}
		}
		got := strings.Join(links, " ")
		if p.PrevURL() != tt.prev || p.NextURL() != tt.next || got != tt.links || p.Number != tt.number || p.Total != tt.total {
			t.Errorf("newPager(%d, %d) = prev %q next %q links %q; want %q %q %q",
				tt.number, tt.total, p.PrevURL(), p.NextURL(), got, tt.prev, tt.next, tt.links)
		}
	}
}

func TestOutputPath(t *testing.T) {
	tests := []struct {
		url, path string
		ok        bool
	}{
		{"/", "index.html", true},
		{"/cong-thuong/", "cong-thuong/index.html", true},
		{"/cong-thuong/page/2/", "cong-thuong/page/2/index.html", true},
		{"/cong-thuong/bao-cao", "cong-thuong/bao-cao/index.html", true},
		{"/404.html", "404.html", true},
		{"cong-thuong/", "", false},
		{"/../etc/", "", false},
		{"/a/../../b/", "", false},
		{"/a//b/", "", false},
		{"/a/./b/", "", false},
		{"/a?b/", "", false},
	}
	for _, tt := range tests {
		path, ok := outputPath(tt.url)
		if path != tt.path || ok != tt.ok {
			t.Errorf("outputPath(%q) = %q, %v; want %q, %v", tt.url, path, ok, tt.path, tt.ok)
		}
	}
}

func TestMoreArticles(t *testing.T) {
	articles := make([]*site.Page, 8)
	for i := range articles {
		articles[i] = &site.Page{Title: fmt.Sprint(i)}
	}
	titles := func(pages []*site.Page) string {
		var s []string
		for _, p := range pages {
			s = append(s, p.Title)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		articles []*site.Page
		i        int
		want     string
	}{
		{articles, 0, "1 2 3 4 5"},
		{articles, 2, "0 1 3 4 5"},
		{articles, 4, "0 1 2 3 5"},
		{articles, 5, "0 1 2 3 4"},
		{articles, 7, "0 1 2 3 4"},
		{articles[:3], 1, "0 2"},
		{articles[:1], 0, ""},
	}
	for _, tt := range tests {
		if got := titles(moreArticles(tt.articles, tt.i)); got != tt.want {
			t.Errorf("moreArticles(%d articles, %d) = %q, want %q", len(tt.articles), tt.i, got, tt.want)
		}
	}
}

func TestURLFunctions(t *testing.T) {
	tests := []struct {
		base, in, abs, rel string
	}{
		{"https://example.org/", "/a/", "https://example.org/a/", "/a/"},
		{"https://example.org", "/a/", "https://example.org/a/", "/a/"},
		{"https://example.org/tin/", "/a/", "https://example.org/tin/a/", "/tin/a/"},
		{"https://example.org/tin/", "https://cdn.example.net/x.png", "https://cdn.example.net/x.png", "https://cdn.example.net/x.png"},
		{"https://example.org/tin/", "//cdn.example.net/x.png", "//cdn.example.net/x.png", "//cdn.example.net/x.png"},
		{"https://example.org/", "javascript:alert(1)", unsafeURL, unsafeURL},
		{"https://example.org/", "JavaScript:alert(1)", unsafeURL, unsafeURL},
		{"https://example.org/", "mailto:toa-soan@example.org", "mailto:toa-soan@example.org", "mailto:toa-soan@example.org"},
		{"", "/a/", "/a/", "/a/"},
	}
	for _, tt := range tests {
		s := fixtureSite()
		s.Config.BaseURL = tt.base
		r := newRenderer(&Theme{}, &Input{Site: s})
		if got := r.absURL(tt.in); got != tt.abs {
			t.Errorf("base %q: absURL(%q) = %q, want %q", tt.base, tt.in, got, tt.abs)
		}
		if got := r.relURL(tt.in); got != tt.rel {
			t.Errorf("base %q: relURL(%q) = %q, want %q", tt.base, tt.in, got, tt.rel)
		}
	}
}

func TestTwoPagesAtOneURL(t *testing.T) {
	s := fixtureSite()
	about := s.Pages[len(s.Pages)-1]
	about.URL = "/cong-thuong/bao-cao/"
	_, problems := loadDefaultTheme(t, "vi").Plan(&Input{Site: s, Asset: testAssets})
	errs := problems.Errors()
	if len(errs) != 1 || errs[0].Pos.File != "content/gioi-thieu.md" ||
		len(errs[0].Related) != 1 || errs[0].Related[0].File != "content/cong-thuong/bao-cao/index.md" {
		t.Errorf("got %v, want one error at content/gioi-thieu.md naming the other page", problems.Err())
	}
}

func TestMissingDefaultLayoutIsReportedOnce(t *testing.T) {
	fsys := minimalTheme()
	delete(fsys, "article.html")
	theme, _ := LoadTheme(fsys, "vi")
	_, problems := theme.Plan(&Input{Site: fixtureSite()})
	errs := problems.Errors()
	if len(errs) != 1 || errs[0].Pos.File != "layouts/article.html" {
		t.Errorf("got %v, want one error at layouts/article.html", problems.Err())
	}
}

func TestUnknownAssetFailsRender(t *testing.T) {
	outputs, problems := loadDefaultTheme(t, "vi").Plan(&Input{Site: fixtureSite(),
		Asset: func(string) (string, bool) { return "", false }})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	err := outputs[0].Render(io.Discard)
	var p *diag.Problem
	if !errors.As(err, &p) {
		t.Fatalf("Render error %v is not a *diag.Problem", err)
	}
	if p.Pos.File != "layouts/base.html" || p.Pos.Line == 0 || p.Pos.Col == 0 ||
		!strings.Contains(p.Msg, "rendering content/_index.md") || !strings.Contains(p.Msg, `no asset "css/main.css"`) {
		t.Errorf("got %v", p)
	}
}

// TestRenderConcurrently renders every output from several goroutines at
// once (run with -race) and checks each result matches a serial render.
func TestRenderConcurrently(t *testing.T) {
	outputs, _ := loadDefaultTheme(t, "vi").Plan(&Input{Site: fixtureSite(), Asset: testAssets})
	results := make([][]string, 4)
	var wg sync.WaitGroup
	for g := range results {
		wg.Go(func() {
			for _, o := range outputs {
				var b bytes.Buffer
				w := bufio.NewWriter(&b)
				if err := o.Render(w); err != nil {
					t.Error(err)
				}
				w.Flush()
				results[g] = append(results[g], b.String())
			}
		})
	}
	wg.Wait()
	for i, o := range outputs {
		want := render(t, o)
		for g := range results {
			if results[g][i] != want {
				t.Errorf("goroutine %d rendered %s differently", g, o.Path)
			}
		}
	}
}

// TestForgottenOutput: an output whose data was let go renders nothing
// and says why, and has no dependencies left; the others render as before.
func TestForgottenOutput(t *testing.T) {
	outputs, problems := loadDefaultTheme(t, "vi").Plan(&Input{Site: fixtureSite()})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if len(outputs) < 2 || len(outputs[0].Deps()) == 0 {
		t.Fatalf("want two outputs or more, the first with dependencies: %d", len(outputs))
	}
	outputs[0].Forget()
	var b strings.Builder
	if err := outputs[0].Render(&b); err == nil || !strings.Contains(err.Error(), "Output.Forget") || b.Len() != 0 {
		t.Errorf("a forgotten output rendered %d bytes, error %v", b.Len(), err)
	}
	if deps := outputs[0].Deps(); deps != nil {
		t.Errorf("a forgotten output still has %d dependencies", len(deps))
	}
	if err := outputs[1].Render(io.Discard); err != nil {
		t.Errorf("the next output: %v", err)
	}
}
