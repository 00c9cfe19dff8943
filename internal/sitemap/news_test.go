package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// buildTime is when the test site is built.
var buildTime = time.Date(2024, 11, 3, 12, 0, 0, 0, ict)

func newsConfig() site.Config {
	return site.Config{Title: "Almanac Thống kê", BaseURL: "https://example.org/", Language: "vi", Location: ict}
}

// article is a page published age before buildTime.
func article(url, title string, age time.Duration) *site.Page {
	return &site.Page{Kind: site.KindArticle, URL: url, Title: title, Date: buildTime.Add(-age)}
}

// parsedNews is a Google News sitemap as a crawler reads it.
type parsedNews struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc  string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		News struct {
			Name     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>name"`
			Language string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>language"`
			Date     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication_date"`
			Title    string `xml:"http://www.google.com/schemas/sitemap-news/0.9 title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

func parseNews(t *testing.T, doc []byte) parsedNews {
	t.Helper()
	checkWellFormed(t, doc)
	var set parsedNews
	if err := xml.Unmarshal(doc, &set); err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	return set
}

func TestNewsWindow(t *testing.T) {
	draft := article("/tin/nhap/", "Bản nháp", time.Hour)
	draft.Draft = true
	articles := []*site.Page{
		article("/tin/49h/", "49 giờ", 49*time.Hour),
		article("/tin/48h/", "Đúng 48 giờ", 48*time.Hour),
		article("/tin/48h-1s/", "48 giờ 1 giây", 48*time.Hour+time.Second),
		article("/tin/47h/", "47 giờ", 47*time.Hour),
		article("/tin/bay-gio/", "Vừa đăng", 0),
		article("/tin/tuong-lai/", "Hẹn giờ", -time.Hour),
		draft,
		{Kind: site.KindArticle, URL: "/tin/khong-ngay/", Title: "Không ngày"},
	}
	doc, err := News(newsConfig(), articles, buildTime)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "news-sitemap.xml", doc)
	set := parseNews(t, doc)

	want := []struct{ loc, date, title string }{
		{"https://example.org/tin/bay-gio/", "2024-11-03T12:00:00+07:00", "Vừa đăng"},
		{"https://example.org/tin/47h/", "2024-11-01T13:00:00+07:00", "47 giờ"},
		{"https://example.org/tin/48h/", "2024-11-01T12:00:00+07:00", "Đúng 48 giờ"},
	}
	if len(set.URLs) != len(want) {
		t.Fatalf("%d articles, want %d:\n%s", len(set.URLs), len(want), doc)
	}
	for i, w := range want {
		u := set.URLs[i]
		if u.Loc != w.loc || u.News.Date != w.date || u.News.Title != w.title {
			t.Errorf("url %d = %q %q %q, want %q %q %q", i, u.Loc, u.News.Date, u.News.Title, w.loc, w.date, w.title)
		}
		if u.News.Name != "Almanac Thống kê" || u.News.Language != "vi" {
			t.Errorf("url %d publication = %q %q", i, u.News.Name, u.News.Language)
		}
	}
}

func TestNewsHostileTitle(t *testing.T) {
	const hostile = `</script>"&<]]><!-- ` + "\x0b"
	cfg := newsConfig()
	cfg.Title = hostile
	doc, err := News(cfg, []*site.Page{article(`/tin/a&b"c/`, hostile, time.Hour)}, buildTime)
	if err != nil {
		t.Fatal(err)
	}
	set := parseNews(t, doc)
	const readable = `</script>"&<]]><!-- ` + "\uFFFD" // XML forbids \x0b
	if len(set.URLs) != 1 || set.URLs[0].News.Title != readable || set.URLs[0].News.Name != readable ||
		set.URLs[0].Loc != `https://example.org/tin/a&b"c/` {
		t.Errorf("hostile text did not round-trip:\n%s", doc)
	}
}

func TestNewsDeterministic(t *testing.T) {
	var articles []*site.Page
	for i := range 10 {
		// Pairs of articles share a date: they are ordered by URL.
		articles = append(articles, article(fmt.Sprintf("/tin/%02d/", i), fmt.Sprintf("Bài %d", i), time.Duration(i/2)*time.Hour))
	}
	first, err := News(newsConfig(), articles, buildTime)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(articles)
	again, err := News(newsConfig(), articles, buildTime)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Fatalf("output depends on the input order:\n%s\n%s", first, again)
	}
	var locs []string
	for _, u := range parseNews(t, first).URLs {
		locs = append(locs, strings.TrimPrefix(u.Loc, "https://example.org/tin/"))
	}
	if want := []string{"00/", "01/", "02/", "03/", "04/", "05/", "06/", "07/", "08/", "09/"}; !slices.Equal(locs, want) {
		t.Errorf("order = %q, want newest first then by URL %q", locs, want)
	}
}

func TestNewsLimit(t *testing.T) {
	// 1,001 articles of the last two days, one a minute, in shuffled order,
	// and an older one: the 1,000 newest are listed, newest first.
	var articles []*site.Page
	for i := range MaxNewsURLs + 1 {
		articles = append(articles, article(fmt.Sprintf("/tin/%04d/", i), "Bài", time.Duration(i)*time.Minute))
	}
	articles = append(articles, article("/tin/cu/", "Bài cũ", 3*24*time.Hour))
	slices.Reverse(articles)
	set := parseNews(t, must(News(newsConfig(), articles, buildTime)))
	if len(set.URLs) != MaxNewsURLs {
		t.Fatalf("%d articles, want %d", len(set.URLs), MaxNewsURLs)
	}
	for i, u := range set.URLs {
		if want := fmt.Sprintf("https://example.org/tin/%04d/", i); u.Loc != want {
			t.Fatalf("article %d = %q, want %q: the %d newest, newest first", i, u.Loc, want, MaxNewsURLs)
		}
	}
}

func must(doc []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return doc
}

func TestNewsConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*site.Config)
		want string
	}{
		{"no title", func(c *site.Config) { c.Title = "" }, "set title in almanac.toml"},
		{"no language", func(c *site.Config) { c.Language = "" }, "set language in almanac.toml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := newsConfig()
			tt.edit(&cfg)
			_, err := News(cfg, nil, buildTime)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestNewsLanguage(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"vi", "vi"}, {"en", "en"}, {"vi-VN", "vi"}, {"EN_us", "en"},
		{"zh-Hans", "zh-cn"}, {"zh-CN", "zh-cn"}, {"zh-Hant", "zh-tw"}, {"zh-TW", "zh-tw"}, {"zh", "zh"},
	}
	for _, tt := range tests {
		if got := newsLanguage(tt.tag); got != tt.want {
			t.Errorf("newsLanguage(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

func TestNewsRelativeBaseURL(t *testing.T) {
	cfg := newsConfig()
	cfg.BaseURL = "/"
	set := parseNews(t, must(News(cfg, []*site.Page{article("/tin/a/", "A", time.Hour)}, buildTime)))
	if len(set.URLs) != 1 || set.URLs[0].Loc != "/tin/a/" {
		t.Errorf("with a BaseURL of /, loc = %+v, want /tin/a/", set.URLs)
	}
}
