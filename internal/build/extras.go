package build

import (
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/feed"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/sitemap"
)

// siteFiles are the feeds, sitemaps and robots.txt of a site.
func siteFiles(s *site.Site, outputs []render.Output, now time.Time) ([]generatedFile, error) {
	feeds, err := feedFiles(s)
	if err != nil {
		return nil, err
	}
	maps, err := sitemapFiles(s, outputs, now)
	return append(feeds, maps...), err
}

// feedFiles are the RSS and Atom feeds of the site, each section and each
// tag: index.xml and atom.xml beside the list page they stand for.
func feedFiles(s *site.Site) ([]generatedFile, error) {
	articles := make([]*site.Page, 0, len(s.Pages))
	tags := map[string][]*site.Page{}
	tagNames := map[string]string{}
	var tagOrder []string
	for _, p := range s.Pages {
		if p.Kind != site.KindArticle {
			continue
		}
		articles = append(articles, p)
		for _, t := range p.Tags {
			if _, seen := tags[t.Slug]; !seen {
				tagOrder = append(tagOrder, t.Slug)
				tagNames[t.Slug] = t.Name
			}
			tags[t.Slug] = append(tags[t.Slug], p)
		}
	}
	var files []generatedFile
	add := func(dir, title string, pages []*site.Page) error {
		fs, err := feedPair(s.Config, dir, title, pages)
		files = append(files, fs...)
		return err
	}
	if err := add("", s.Config.Title, articles); err != nil {
		return nil, err
	}
	for _, sec := range s.Sections {
		if err := add(sec.Name+"/", sec.Page.Title+" | "+s.Config.Title, sec.Articles); err != nil {
			return nil, err
		}
	}
	for _, slug := range tagOrder {
		if err := add("tags/"+slug+"/", tagNames[slug]+" | "+s.Config.Title, tags[slug]); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// feedPair writes the RSS and Atom feeds of the list page at /dir.
func feedPair(cfg site.Config, dir, title string, pages []*site.Page) ([]generatedFile, error) {
	base := strings.TrimSuffix(cfg.BaseURL, "/") + "/"
	opts := feed.Options{Title: title, Link: base + dir, Lang: cfg.Language, FullText: cfg.FeedFullText, Body: feedBody}
	opts.FeedURL = base + dir + "index.xml"
	rss, err := feed.RSS(cfg, pages, opts)
	if err != nil {
		return nil, err
	}
	opts.FeedURL = base + dir + "atom.xml"
	atom, err := feed.Atom(cfg, pages, opts)
	if err != nil {
		return nil, err
	}
	return []generatedFile{{path: dir + "index.xml", data: rss}, {path: dir + "atom.xml", data: atom}}, nil
}

// feedBody is an article for feed readers: charts as their data tables.
func feedBody(p *site.Page) string {
	if p.FeedContent != "" {
		return string(p.FeedContent)
	}
	return string(p.Content)
}

// sitemapFiles are sitemap.xml (every page), news-sitemap.xml (articles of
// the last two days) and robots.txt naming both.
func sitemapFiles(s *site.Site, outputs []render.Output, now time.Time) ([]generatedFile, error) {
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	entries := make([]sitemap.Entry, 0, len(outputs))
	for _, out := range outputs {
		if out.Page == nil || !strings.HasSuffix(out.Path, "index.html") {
			continue
		}
		entries = append(entries, sitemap.Entry{URL: base + "/" + strings.TrimSuffix(out.Path, "index.html"), Lastmod: newest(out.Deps)})
	}
	all, err := sitemap.Sitemap(entries)
	if err != nil {
		return nil, err
	}
	var articles []*site.Page
	for _, p := range s.Pages {
		if p.Kind == site.KindArticle {
			articles = append(articles, p)
		}
	}
	news, err := sitemap.News(s.Config, articles, now)
	if err != nil {
		return nil, err
	}
	robots := sitemap.Robots([]string{base + "/sitemap.xml", base + "/news-sitemap.xml"})
	return []generatedFile{{"sitemap.xml", all}, {"news-sitemap.xml", news}, {"robots.txt", robots}}, nil
}

// newest is the latest date or lastmod of pages.
func newest(pages []*site.Page) time.Time {
	var t time.Time
	for _, p := range pages {
		for _, d := range []time.Time{p.Date, p.Lastmod} {
			if d.After(t) {
				t = d
			}
		}
	}
	return t
}
