package render

import "github.com/almanac-news/almanac/internal/site"

// Translation keys of the titles of the generated index pages. Plan
// titles these pages itself, so that <title>, Open Graph and every other
// use of .Page.Title agree; LoadTheme checks that the table has the keys.
const (
	tagsTitleKey    = "tags"
	authorsTitleKey = "authors"
	archiveTitleKey = "archive"
)

// planKeys are the translation keys Go code looks up, each with the layout
// of the pages that use it, for LoadTheme's check: the titles of the
// generated indexes, and the home page's name in an article's breadcrumb
// structured data.
var planKeys = []struct{ key, layout string }{
	{tagsTitleKey, "terms"}, {authorsTitleKey, "terms"}, {archiveTitleKey, "archive"}, {"home", "article"},
}

// planLists plans the generated lists: the index of tags and each tag's
// articles, the index of authors and each author's articles, the archive
// by year and month and each month's articles. Index pages are planned
// even when empty, so that links to them never break.
func (pl *planner) planLists() {
	c := pl.catalog
	pl.planIndex(KindTags, tagsURL, tagsTitleKey, func(d *PageData) { d.index = &indexData{terms: c.tags} })
	for _, t := range c.tags {
		pl.planTerm(KindTag, tagsURL, t)
	}
	pl.planIndex(KindAuthors, authorsURL, authorsTitleKey, func(d *PageData) { d.index = &indexData{terms: c.authors} })
	for _, t := range c.authors {
		pl.planTerm(KindAuthor, authorsURL, t)
	}
	pl.planIndex(KindArchive, archiveURL, archiveTitleKey, func(d *PageData) { d.index = &indexData{years: c.years} })
	for _, t := range c.months {
		pl.planTerm(KindMonth, archiveURL, t)
	}
}

// planIndex plans the index page of kind at url.
func (pl *planner) planIndex(kind site.Kind, url, titleKey string, fill func(*PageData)) {
	p := &site.Page{Kind: kind, URL: url, Title: pl.r.translate(titleKey)}
	d := pl.data(p, nil)
	fill(d)
	pl.addAt(url, p, d)
}

// planTerm plans the pages of the list of a term's articles; index is the
// URL of the index the term belongs to, which the navigation marks.
func (pl *planner) planTerm(kind site.Kind, index string, t *Term) {
	p := &site.Page{Kind: kind, URL: t.URL, Title: t.Name}
	pl.addPaged(p, t.Articles, func() *PageData {
		d := pl.data(p, nil)
		d.Term, d.Nav = t, index
		if kind == KindTag {
			d.Feeds = pl.feedsOf(t.URL, t.Name)
		}
		return d
	})
}
