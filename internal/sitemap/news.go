package sitemap

import (
	"encoding/xml"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// NewsWindow is how far back the Google News sitemap reaches. Google
// Search Central, "News sitemaps"
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
// "Only include recent URLs for articles that were created in the last
// two days. Once the articles are older than two days, either remove
// those URLs from the news sitemap or remove the <news:news> metadata".
const NewsWindow = 48 * time.Hour

// MaxNewsURLs is the most articles the Google News sitemap lists. An
// earlier version of that page
// (https://developers.google.com/search/docs/advanced/sitemaps/news-sitemap)
// said: "You can add up to 1,000 URLs in a sitemap. If there
// are more than 1,000 URLs in a sitemap, break your sitemap into several
// smaller sitemaps". Almanac keeps one news sitemap of the 1,000 newest
// instead: two days of 500 articles a day is more than a newsroom
// publishes, and the articles left out stay in sitemap.xml.
const MaxNewsURLs = 1000

// nsNews is the namespace of Google's news extension.
const nsNews = "http://www.google.com/schemas/sitemap-news/0.9"

type newsURLSet struct {
	XMLName   xml.Name     `xml:"urlset"`
	XMLNS     string       `xml:"xmlns,attr"`
	XMLNSNews string       `xml:"xmlns:news,attr"`
	URLs      []newsURLTag `xml:"url"`
}

type newsURLTag struct {
	Loc  string  `xml:"loc"`
	News newsTag `xml:"news:news"`
}

type newsTag struct {
	Publication     publicationTag `xml:"news:publication"`
	PublicationDate string         `xml:"news:publication_date"`
	Title           string         `xml:"news:title"`
}

type publicationTag struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// News returns the Google News sitemap of the articles published in the
// NewsWindow before now, the build time the caller passes: an article
// exactly 48 hours old is in, one dated after now is out, and so are
// drafts and undated pages. At most MaxNewsURLs articles are listed,
// newest first (same date: by URL).
//
// Each article gets its absolute URL (cfg.BaseURL joined with Page.URL),
// the publication (name cfg.Title, language cfg.Language as the ISO 639
// code Google asks for), its publication date in RFC 3339 in the site's
// time zone, and its title. It fails when cfg has no title or language,
// as Google requires both.
func News(cfg site.Config, articles []*site.Page, now time.Time) ([]byte, error) {
	if cfg.Title == "" {
		return nil, errors.New("news sitemap: the site has no title; set title in almanac.toml, Google News names the publication by it")
	}
	if cfg.Language == "" {
		return nil, errors.New("news sitemap: the site has no language; set language in almanac.toml, e.g. \"vi\"")
	}
	recent := recentArticles(articles, now)
	set := newsURLSet{XMLNS: nsSitemap, XMLNSNews: nsNews, URLs: make([]newsURLTag, 0, len(recent))}
	publication := publicationTag{Name: cfg.Title, Language: newsLanguage(cfg.Language)}
	for _, p := range recent {
		date := p.Date
		if cfg.Location != nil {
			date = date.In(cfg.Location)
		}
		set.URLs = append(set.URLs, newsURLTag{
			Loc: cfg.AbsURL(p.URL),
			News: newsTag{
				Publication:     publication,
				PublicationDate: date.Format(time.RFC3339),
				Title:           p.Title,
			},
		})
	}
	return marshal(set, 0)
}

// recentArticles returns the articles dated in [now-NewsWindow, now],
// drafts left out, newest first, at most MaxNewsURLs of them.
func recentArticles(articles []*site.Page, now time.Time) []*site.Page {
	since := now.Add(-NewsWindow)
	var recent []*site.Page
	for _, p := range articles {
		if p.Draft || p.Date.IsZero() || p.Date.Before(since) || p.Date.After(now) {
			continue
		}
		recent = append(recent, p)
	}
	slices.SortStableFunc(recent, func(a, b *site.Page) int {
		return compareNewest(a.Date, b.Date, a.URL, b.URL)
	})
	return recent[:min(len(recent), MaxNewsURLs)]
}

// newsLanguage turns a BCP 47 tag into the code Google News wants: the
// lowercase ISO 639 language ("vi-VN" → "vi"), except Chinese, which
// keeps its script or region as zh-cn or zh-tw.
func newsLanguage(tag string) string {
	tag = strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
	lang, rest, _ := strings.Cut(tag, "-")
	if lang != "zh" || rest == "" {
		return lang
	}
	switch {
	case strings.Contains(rest, "hant"), strings.Contains(rest, "tw"), strings.Contains(rest, "hk"):
		return "zh-tw"
	default:
		return "zh-cn"
	}
}
