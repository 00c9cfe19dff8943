package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

func titles(pages []*site.Page) string {
	var s []string
	for _, p := range pages {
		s = append(s, p.Title)
	}
	return strings.Join(s, " ")
}

func TestCatalog(t *testing.T) {
	day := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	articles := []*site.Page{ // newest first
		{Title: "a", Date: day(2021, 1, 2, 0), Authors: []string{"Nguyễn Văn An"},
			Tags: []site.Tag{{Name: "Công nghiệp", Slug: "cong-nghiep"}, {Name: "cong nghiep", Slug: "cong-nghiep"}}},
		{Title: "b", Date: day(2020, 12, 31, 20), Authors: []string{"Nguyen Van An", "Ánh"}, // 1 January 2021 at UTC+7
			Tags: []site.Tag{{Name: "Điện", Slug: "dien"}}},
		{Title: "c", Date: day(2020, 12, 31, 10), Authors: []string{"!!!"},
			Tags: []site.Tag{{Name: "công nghiệp", Slug: "cong-nghiep"}, {Name: "Bán lẻ", Slug: "ban-le"}}},
		{Title: "d", Date: day(2019, 5, 1, 0), Authors: []string{"Bình"}},
	}
	c := newCatalog(articles, ict, "vi")
	var tags []string
	for _, tag := range c.tags {
		tags = append(tags, fmt.Sprintf("%s=%s:%s", tag.Name, tag.URL, titles(tag.Articles)))
	}
	// Vietnamese order: B, C, Đ (after D); a tag written twice in one article counts once.
	if got, want := strings.Join(tags, " | "), "Bán lẻ=/tags/ban-le/:c | Công nghiệp=/tags/cong-nghiep/:a c | Điện=/tags/dien/:b"; got != want {
		t.Errorf("tags:\n got %s\nwant %s", got, want)
	}
	var authors []string
	for _, a := range c.authors {
		authors = append(authors, fmt.Sprintf("%s=%s:%s", a.Name, a.URL, titles(a.Articles)))
	}
	if got, want := strings.Join(authors, " | "), "Ánh=/authors/anh/:b | Bình=/authors/binh/:d | Nguyễn Văn An=/authors/nguyen-van-an/:a b"; got != want {
		t.Errorf("authors:\n got %s\nwant %s", got, want)
	}
	var years []string
	for _, y := range c.years {
		var months []string
		for _, m := range y.Months {
			months = append(months, fmt.Sprintf("%s=%s:%s", m.Name, m.URL, titles(m.Articles)))
		}
		years = append(years, fmt.Sprintf("%d(%d) %s", y.Year, y.Count, strings.Join(months, ", ")))
	}
	want := "2021(2) Tháng 1/2021=/archive/2021/01/:a b | 2020(1) Tháng 12/2020=/archive/2020/12/:c | 2019(1) Tháng 5/2019=/archive/2019/05/:d"
	if got := strings.Join(years, " | "); got != want {
		t.Errorf("archive in the site's time zone:\n got %s\nwant %s", got, want)
	}
}

func TestNeighbours(t *testing.T) {
	articles := []*site.Page{{Title: "newest"}, {Title: "middle"}, {Title: "oldest"}}
	name := func(p *site.Page) string {
		if p == nil {
			return "-"
		}
		return p.Title
	}
	for i, want := range []string{"middle/-", "oldest/newest", "-/middle"} {
		prev, next := neighbours(articles, i)
		if got := name(prev) + "/" + name(next); got != want {
			t.Errorf("neighbours of %d = %s, want %s (previous/next)", i, got, want)
		}
	}
}

func TestReadingTime(t *testing.T) {
	for _, tt := range []struct{ words, want int }{{0, 1}, {1, 1}, {200, 1}, {201, 2}, {1000, 5}} {
		if got := readingTime(&site.Page{Words: tt.words}); got != tt.want {
			t.Errorf("readingTime of %d words = %d, want %d", tt.words, got, tt.want)
		}
	}
	if got := readingTime(nil); got != 1 {
		t.Errorf("readingTime(nil) = %d, want 1", got)
	}
}

// depsOf returns the titles and URLs of an output's dependencies.
func depsOf(o Output) string {
	var s []string
	for _, p := range o.Deps() {
		s = append(s, p.URL)
	}
	return strings.Join(s, " ")
}

func TestGeneratedListDeps(t *testing.T) {
	outputs := plan(t, loadDefaultTheme(t, "vi"), fixtureSite())
	all := "/cong-thuong/bao-cao/ /thi-dua/khen-thuong/ /cong-thuong/xuat-khau/ /cong-thuong/cho-tet/ /cong-thuong/dien/"
	tests := []struct{ path, want string }{
		{"tags/index.html", all},
		{"authors/index.html", all},
		{"archive/index.html", all},
		// a list page: itself and the articles it shows; its Key tells its place in the list
		{"tags/cong-nghiep/page/2/index.html", "/tags/cong-nghiep/ /cong-thuong/xuat-khau/"},
		{"authors/ban-bien-tap/index.html", "/authors/ban-bien-tap/ /thi-dua/khen-thuong/ /cong-thuong/xuat-khau/"},
		{"archive/2020/12/page/3/index.html", "/archive/2020/12/ /cong-thuong/dien/"},
		// the article, its section, "more", previous (older) and next (newer), related
		// (the nearest in date first: khen-thuong a day later, bao-cao two)
		{"cong-thuong/xuat-khau/index.html", "/cong-thuong/xuat-khau/ /cong-thuong/ " +
			"/cong-thuong/bao-cao/ /cong-thuong/cho-tet/ /cong-thuong/dien/ /cong-thuong/cho-tet/ /cong-thuong/bao-cao/ " +
			"/thi-dua/khen-thuong/ /cong-thuong/bao-cao/"},
	}
	for _, tt := range tests {
		if got := depsOf(outputs[tt.path]); got != tt.want {
			t.Errorf("deps of %s:\n got %s\nwant %s", tt.path, got, tt.want)
		}
	}
	if got := outputs["tags/cong-nghiep/page/2/index.html"].Key; got != "2/2|3|Công nghiệp" {
		t.Errorf("key of a tag's second page = %q", got)
	}
}

func TestContentPageReplacesGeneratedList(t *testing.T) {
	s := fixtureSite()
	about := s.Pages[len(s.Pages)-1]
	about.URL = "/tags/"
	outputs, problems := loadDefaultTheme(t, "vi").Plan(&Input{Site: s, Asset: testAssets})
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	ws := problems.Warnings()
	if len(ws) != 1 || ws[0].Pos.File != "content/gioi-thieu.md" || !strings.Contains(ws[0].Msg, "generated tags page") {
		t.Errorf("warnings %v, want one at content/gioi-thieu.md", ws)
	}
	for _, o := range outputs {
		if o.Path == "tags/index.html" && o.Page != about {
			t.Errorf("tags/index.html comes from %v, want the content page", o.Page)
		}
	}
}

func TestCardsBelowTheFoldLoadLazily(t *testing.T) {
	s := fixtureSite()
	s.Config.PageSize = 10
	for _, p := range s.Pages {
		p.Image = &site.Image{Src: p.URL + "anh.jpg", Alt: "Ảnh"}
	}
	outputs := plan(t, loadDefaultTheme(t, "vi"), s)
	tests := []struct {
		path        string
		eager, lazy int
	}{
		{"cong-thuong/index.html", 3, 1},           // four articles: the first three load at once
		{"archive/2020/12/index.html", 3, 2},       // five articles
		{"index.html", 3, 2},                       // lead, two latest; the other two latest are lazy (no section block repeats them)
		{"cong-thuong/xuat-khau/index.html", 1, 5}, // the lead picture; two "related" and three "more" cards
	}
	for _, tt := range tests {
		html := render(t, outputs[tt.path])
		imgs := strings.Count(html, "<img ") - 1 // the masthead logo
		lazy := strings.Count(html, `loading="lazy"`)
		if imgs-lazy != tt.eager || lazy < tt.lazy {
			t.Errorf("%s: %d images load at once and %d lazily, want %d and at least %d", tt.path, imgs-lazy, lazy, tt.eager, tt.lazy)
		}
		if n := strings.Count(html, `decoding="async"`); n != imgs {
			t.Errorf("%s: %d of %d images decode asynchronously", tt.path, n, imgs)
		}
	}
}

func TestFeedLinks(t *testing.T) {
	outputs := plan(t, loadDefaultTheme(t, "vi"), fixtureSite())
	site := []string{`type="application/rss&#43;xml" href="/index.xml"`, `type="application/atom&#43;xml" href="/atom.xml"`}
	section := []string{`href="/cong-thuong/index.xml"`, `href="/cong-thuong/atom.xml"`}
	tag := []string{`href="/tags/cong-nghiep/index.xml"`, `href="/tags/cong-nghiep/atom.xml"`}
	tests := []struct {
		path      string
		want, not []string
	}{
		{"index.html", site, append(section, tag...)},
		{"cong-thuong/page/2/index.html", append(site, section...), tag},
		{"cong-thuong/bao-cao/index.html", append(site, section...), tag},
		{"tags/cong-nghiep/index.html", append(site, tag...), section},
		{"tags/index.html", site, append(section, tag...)},
	}
	for _, tt := range tests {
		html := render(t, outputs[tt.path])
		head, _, _ := strings.Cut(html, "</head>")
		for _, want := range tt.want {
			if !strings.Contains(head, want) {
				t.Errorf("%s lacks %s", tt.path, want)
			}
		}
		if n := strings.Count(head, `<link rel="alternate"`); n != len(tt.want) {
			t.Errorf("%s announces %d feeds, want %d", tt.path, n, len(tt.want))
		}
		for _, not := range tt.not {
			if strings.Contains(head, not) {
				t.Errorf("%s announces %s", tt.path, not)
			}
		}
	}
}
