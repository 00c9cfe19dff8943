package build

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/feed"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/sitemap"
)

// siteFiles are the feeds, sitemaps and robots.txt of a site. m reuses
// the bytes of files whose inputs did not change. lists keeps what the
// feeds and sitemaps are made from that changes only with the site's plan
// (which articles each feed lists, the sitemap's files); a build that
// keeps the last plan passes the last lists.
func siteFiles(s *site.Site, outputs []render.Output, now time.Time, m *memo, body func(*site.Page) (string, error), lists *siteLists) ([]generatedFile, error) {
	if lists.feeds == nil {
		lists.feeds = feedLists(s)
	}
	feeds, err := feedFiles(s.Config, lists.feeds, m, body)
	if err != nil {
		return nil, err
	}
	if lists.sitemaps == nil {
		if lists.sitemaps, err = sitemapFiles(s, outputs, m); err != nil {
			return nil, err
		}
	}
	news, err := newsFiles(s, now, m)
	return slices.Concat(feeds, lists.sitemaps, news), err
}

// siteLists are what siteFiles keeps for builds of the same plan.
type siteLists struct {
	feeds    []feedList
	sitemaps []generatedFile
}

// feedList is one feed's list page and its articles, newest first.
type feedList struct {
	dir, title string
	pages      []*site.Page
}

// memo keeps generated files between the builds of a session, by a
// digest of what they are made from. With next nil it keeps nothing: a
// build with no next one (Session.once).
type memo struct {
	versionOf  map[*site.Page]uint64
	shape      uint64
	prev, next map[uint64][]byte
	shelf      *bodyStore // with next nil: where the files wait to be written
}

// shelve returns the file of path, its bytes on m's shelf when it has
// one (a 100,000-article site's feeds and sitemaps are 60 MB).
func (m *memo) shelve(path string, data []byte) generatedFile {
	if m == nil {
		return generatedFile{path: path, data: data}
	}
	return m.shelf.shelve(path, data)
}

// file returns the bytes made by make for the inputs digested by key,
// reusing the last build's when key is the same.
func (m *memo) file(key uint64, make func() ([]byte, error)) ([]byte, error) {
	if m == nil {
		return make()
	}
	b, ok := m.prev[key]
	if !ok {
		var err error
		if b, err = make(); err != nil {
			return nil, err
		}
	}
	if m.next != nil {
		m.next[key] = b
	}
	return b, nil
}

// files is file for a set of files made together: key's entry lists
// their paths, and each file's bytes are kept under a key of its own.
func (m *memo) files(key uint64, makeFiles func() ([]generatedFile, error)) ([]generatedFile, error) {
	if m == nil {
		return makeFiles()
	}
	if files, ok := m.reuse(key); ok {
		return files, nil
	}
	files, err := makeFiles()
	if err != nil || m.next == nil {
		return files, err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
		m.next[m.part(key, f.path)] = f.data
	}
	m.next[key] = []byte(strings.Join(paths, "\n"))
	return files, nil
}

// reuse returns the files kept under key by the last build, and keeps
// them for the next.
func (m *memo) reuse(key uint64) ([]generatedFile, bool) {
	list, ok := m.prev[key]
	if !ok {
		return nil, false
	}
	var files []generatedFile
	for _, path := range strings.Split(string(list), "\n") {
		data, ok := m.prev[m.part(key, path)]
		if !ok {
			return nil, false
		}
		files = append(files, generatedFile{path: path, data: data})
	}
	for _, f := range files {
		m.next[m.part(key, f.path)] = f.data
	}
	m.next[key] = list
	return files, true
}

// part is the key of the file at path among those kept under key.
func (m *memo) part(key uint64, path string) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], key)
	h.Write(buf[:])
	h.Write([]byte(path))
	return h.Sum64()
}

// key digests the strings and the versions of pages.
func (m *memo) key(pages []*site.Page, parts ...string) uint64 {
	if m == nil {
		return 0
	}
	h := fnv.New64a()
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], m.shape)
	h.Write(buf[:])
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, p := range pages {
		binary.LittleEndian.PutUint64(buf[:], m.versionOf[p])
		h.Write(buf[:])
	}
	return h.Sum64()
}

// feedFiles are the RSS and Atom feeds of the site, each section and each
// tag: index.xml and atom.xml beside the list page they stand for.
func feedFiles(cfg site.Config, lists []feedList, m *memo, body func(*site.Page) (string, error)) ([]generatedFile, error) {
	var files []generatedFile
	for _, l := range lists {
		fs, err := feedPair(cfg, l.dir, l.title, l.pages, m, body)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	return files, nil
}

// feedLists are the lists that have feeds: the site's, each section's and
// each tag's.
func feedLists(s *site.Site) []feedList {
	articles := make([]*site.Page, 0, len(s.Pages))
	tags := map[string][]*site.Page{}
	tagNames := map[string]string{}
	var tagOrder []string
	for _, p := range s.Pages {
		if p.Kind != site.KindArticle || p.NoFeed {
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
	lists := []feedList{{"", s.Config.Title, articles}}
	for _, sec := range s.AllSections() {
		if sec.HasFeed() {
			lists = append(lists, feedList{sec.Path + "/", sec.Page.Title + " | " + s.Config.Title, inFeeds(sec.Articles)})
		}
	}
	for _, slug := range tagOrder {
		lists = append(lists, feedList{"tags/" + slug + "/", tagNames[slug] + " | " + s.Config.Title, tags[slug]})
	}
	return lists
}

// inFeeds returns the pages of list that feeds show: all but those that
// say feed: false (list itself when there is none).
func inFeeds(list []*site.Page) []*site.Page {
	if !slices.ContainsFunc(list, func(p *site.Page) bool { return p.NoFeed }) {
		return list
	}
	return slices.DeleteFunc(slices.Clone(list), func(p *site.Page) bool { return p.NoFeed })
}

// feedPair writes the RSS and Atom feeds of the list page at /dir.
// Pages come newest first: a feed shows the first cfg.FeedItems
// (feed.DefaultLimit when unset), so its size does not grow with the
// archive.
func feedPair(cfg site.Config, dir, title string, pages []*site.Page, m *memo, body func(*site.Page) (string, error)) ([]generatedFile, error) {
	base := cfg.AbsURL("/")
	items := cfg.FeedItems
	if items <= 0 {
		items = feed.DefaultLimit
	}
	opts := feed.Options{Title: title, Link: base + dir, Lang: cfg.Language, FullText: cfg.FeedFullText, Body: body, Limit: items}
	shown := pages[:min(len(pages), items)]
	rss, err := m.file(m.key(shown, "rss", dir, title), func() ([]byte, error) {
		opts.FeedURL = base + dir + "index.xml"
		return feed.RSS(cfg, shown, opts)
	})
	if err != nil {
		return nil, err
	}
	atom, err := m.file(m.key(shown, "atom", dir, title), func() ([]byte, error) {
		opts.FeedURL = base + dir + "atom.xml"
		return feed.Atom(cfg, shown, opts)
	})
	if err != nil {
		return nil, err
	}
	return []generatedFile{m.shelve(dir+"index.xml", rss), m.shelve(dir+"atom.xml", atom)}, nil
}

// sitemapLimits caps each sitemap file; the zero value is the protocol's
// (50,000 URLs, 50 MB). Tests lower it to cross the limits on small sites.
var sitemapLimits sitemap.Limits

// sitemapFiles are sitemap.xml (every page; past the protocol's limits a
// sitemap index of sitemap-1.xml…).
func sitemapFiles(s *site.Site, outputs []render.Output, m *memo) ([]generatedFile, error) {
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	entries := make([]sitemap.Entry, 0, len(outputs))
	digest := fnv.New64a()
	for _, out := range outputs {
		if out.Page == nil || out.Redirect || !strings.HasSuffix(out.Path, "index.html") || !inSitemap(out.Page) {
			continue
		}
		e := sitemap.Entry{URL: base + "/" + strings.TrimSuffix(out.Path, "index.html"), Lastmod: newest(out.Deps())}
		fmt.Fprintf(digest, "%s %d\n", e.URL, e.Lastmod.UnixNano())
		entries = append(entries, e)
	}
	limits := sitemapLimits
	files, err := m.files(m.key(nil, "sitemap", fmt.Sprint(digest.Sum64(), limits)), func() ([]generatedFile, error) {
		maps, err := sitemap.Sitemaps(base+"/", entries, limits)
		files := make([]generatedFile, len(maps))
		for i, f := range maps {
			files[i] = m.shelve(f.Name, f.Data)
		}
		return files, err
	})
	return files, err
}

// inSitemap reports whether the sitemaps list page p: it is listed
// everywhere (build.list), as Hugo's sitemap lists only such pages, and
// does not say sitemap: false.
func inSitemap(p *site.Page) bool { return p.List == site.ListAlways && !p.NoSitemap }

// newsFiles are news-sitemap.xml, the articles of the last two days by
// now, and robots.txt naming both sitemaps.
func newsFiles(s *site.Site, now time.Time, m *memo) ([]generatedFile, error) {
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	var recent []*site.Page // the news sitemap's articles: of the last two days
	for _, p := range s.Pages {
		if p.Kind == site.KindArticle && inSitemap(p) && !p.Date.Before(now.Add(-sitemap.NewsWindow)) {
			recent = append(recent, p)
		}
	}
	news, err := m.file(m.key(recent, "news", now.String()), func() ([]byte, error) {
		return sitemap.News(s.Config, recent, now)
	})
	if err != nil {
		return nil, err
	}
	if s.Config.RootURL != "" { // another language's edition: the root's robots.txt names its sitemaps
		return []generatedFile{m.shelve("news-sitemap.xml", news)}, nil
	}
	maps := []string{base + "/" + sitemap.IndexName, base + "/news-sitemap.xml"}
	for _, l := range s.Config.Languages[min(1, len(s.Config.Languages)):] {
		maps = append(maps, s.Config.LanguageURL(l.Code, sitemap.IndexName), s.Config.LanguageURL(l.Code, "news-sitemap.xml"))
	}
	robots := sitemap.Robots(maps)
	return []generatedFile{m.shelve("news-sitemap.xml", news), {path: "robots.txt", data: robots}}, nil
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
