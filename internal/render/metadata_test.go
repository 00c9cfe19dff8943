package render

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/almanac-news/almanac/internal/site"
)

// headOf parses a rendered page and returns its <meta> contents by
// property or name (each value of repeated ones, in order) and the text
// of its JSON-LD scripts.
func headOf(t *testing.T, page string) (map[string][]string, []string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string][]string{}
	var scripts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
			switch {
			case n.Data == "meta" && (attrs["property"] != "" || attrs["name"] != ""):
				key := attrs["property"] + attrs["name"]
				meta[key] = append(meta[key], attrs["content"])
			case n.Data == "script" && attrs["type"] == "application/ld+json" && n.FirstChild != nil:
				scripts = append(scripts, n.FirstChild.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return meta, scripts
}

// hostileSite is the fixture with hostile text wherever a journalist types.
func hostileSite() *site.Site {
	s := fixtureSite()
	s.Config.Title = hostile + " site"
	report := s.Pages[0]
	report.Title, report.Summary = hostile+" title \u2028 ok", hostile+" summary"
	report.Authors = []string{hostile + " An"}
	report.Tags = []site.Tag{{Name: hostile + " tag", Slug: "the-tag"}}
	report.Image.Alt = hostile + " alt"
	s.Sections[0].Page.Title = hostile + " section"
	return s
}

func TestArticleMetadataSurvivesHostileText(t *testing.T) {
	s := hostileSite()
	report := s.Pages[0]
	meta, scripts := headOf(t, render(t, plan(t, loadDefaultTheme(t, "vi"), s)["cong-thuong/bao-cao/index.html"]))
	for _, key := range []string{"og:title", "twitter:title"} {
		if got := meta[key]; len(got) != 1 || got[0] != report.Title {
			t.Errorf("%s = %q, want %q", key, got, report.Title)
		}
	}
	want := map[string]string{
		"og:type": "article", "og:description": report.Summary, "og:image:alt": report.Image.Alt,
		"og:image": "https://example.org/cong-thuong/bao-cao/nha-may.svg", "og:site_name": s.Config.Title,
		"article:published_time": "2020-12-30T15:01:00+07:00", "article:modified_time": "2020-12-31T09:30:00+07:00",
		"article:section": hostile + " section", "article:tag": hostile + " tag",
		"article:author": "https://example.org/authors/script-an/", "twitter:card": "summary_large_image",
	}
	for key, value := range want {
		if got := meta[key]; len(got) != 1 || got[0] != value {
			t.Errorf("%s = %q, want %q", key, got, value)
		}
	}
	if len(scripts) != 2 {
		t.Fatalf("%d JSON-LD scripts, want a NewsArticle and a BreadcrumbList", len(scripts))
	}
	var article struct {
		Type, Headline, Description, DatePublished, DateModified string
		MainEntityOfPage                                         struct {
			ID string `json:"@id"`
		}
		Author    []struct{ Type, Name, URL string }
		Publisher struct {
			Type, Name string
			Logo       struct{ URL string }
		}
		Image    []string
		Keywords []string
	}
	if err := json.Unmarshal([]byte(scripts[0]), &article); err != nil {
		t.Fatalf("NewsArticle is not JSON: %v\n%s", err, scripts[0])
	}
	if article.Headline != report.Title || article.Description != report.Summary {
		t.Errorf("headline %q, description %q: want the page's exactly", article.Headline, article.Description)
	}
	if article.DatePublished != "2020-12-30T15:01:00+07:00" || article.DateModified != "2020-12-31T09:30:00+07:00" ||
		article.MainEntityOfPage.ID != "https://example.org/cong-thuong/bao-cao/" {
		t.Errorf("dates or main entity wrong: %+v", article)
	}
	if len(article.Author) != 1 || article.Author[0].Name != report.Authors[0] ||
		article.Author[0].URL != "https://example.org/authors/script-an/" {
		t.Errorf("author %+v", article.Author)
	}
	if article.Publisher.Name != s.Config.Title || article.Publisher.Logo.URL != "https://example.org/assets/images/logo.5e6f7a8b.svg" {
		t.Errorf("publisher %+v", article.Publisher)
	}
	if len(article.Keywords) != 1 || article.Keywords[0] != hostile+" tag" || len(article.Image) != 1 {
		t.Errorf("keywords %q, image %q", article.Keywords, article.Image)
	}
	var crumbs struct {
		Type            string `json:"@type"`
		ItemListElement []struct {
			Position   int
			Name, Item string
		}
	}
	if err := json.Unmarshal([]byte(scripts[1]), &crumbs); err != nil {
		t.Fatalf("BreadcrumbList is not JSON: %v\n%s", err, scripts[1])
	}
	var trail []string
	for i, item := range crumbs.ItemListElement {
		if item.Position != i+1 {
			t.Errorf("item %d at position %d", i, item.Position)
		}
		trail = append(trail, item.Name+" <"+item.Item+">")
	}
	wantTrail := "Trang chủ <https://example.org/> > " + hostile + " section <https://example.org/cong-thuong/> > " +
		report.Title + " <https://example.org/cong-thuong/bao-cao/>"
	if crumbs.Type != "BreadcrumbList" || strings.Join(trail, " > ") != wantTrail {
		t.Errorf("breadcrumbs %s\nwant %s", strings.Join(trail, " > "), wantTrail)
	}
}

func TestEveryPageTitlesItsPreviewExactly(t *testing.T) {
	s := hostileSite()
	for path, o := range plan(t, loadDefaultTheme(t, "vi"), s) {
		page := render(t, o)
		meta, scripts := headOf(t, page)
		if o.Page == nil {
			continue // 404.html: no preview
		}
		want := o.Page.Title
		if o.Page.Kind == site.KindHome {
			want = s.Config.Title
		}
		if got := meta["og:title"]; len(got) != 1 || got[0] != want {
			t.Errorf("%s: og:title %q, want %q", path, got, want)
		}
		for _, script := range scripts {
			var v any
			if err := json.Unmarshal([]byte(script), &v); err != nil {
				t.Errorf("%s: JSON-LD does not parse: %v", path, err)
			}
		}
		if (o.Page.Kind == site.KindArticle) != (len(scripts) == 2) {
			t.Errorf("%s: %d JSON-LD scripts", path, len(scripts))
		}
	}
}

func TestArticleWithoutImageOrLastmod(t *testing.T) {
	s := fixtureSite()
	if power := s.Sections[0].Articles[3]; power.Image != nil || !power.Lastmod.IsZero() {
		t.Fatal("fixture changed: the article has a picture or a lastmod")
	}
	s.Config.Location = time.UTC
	meta, scripts := headOf(t, render(t, plan(t, loadDefaultTheme(t, "vi"), s)["cong-thuong/dien/index.html"]))
	if meta["twitter:card"][0] != "summary" || meta["og:image"] != nil {
		t.Errorf("twitter:card %q, og:image %q; want a summary card without image", meta["twitter:card"], meta["og:image"])
	}
	// Without lastmod the article was last modified when published; UTC keeps its offset.
	if got := meta["article:modified_time"]; len(got) != 1 || got[0] != "2020-12-10T01:00:00+00:00" {
		t.Errorf("article:modified_time %q", got)
	}
	var article struct{ DatePublished, DateModified string }
	if err := json.Unmarshal([]byte(scripts[0]), &article); err != nil {
		t.Fatal(err)
	}
	if article.DatePublished != "2020-12-10T01:00:00+00:00" || article.DateModified != article.DatePublished {
		t.Errorf("dates %+v", article)
	}
}
