package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/almanac-news/almanac/internal/locale"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

// URLs of the generated lists.
const (
	tagsURL    = "/tags/"
	authorsURL = "/authors/"
	archiveURL = "/archive/"
)

// tagURL is the URL of the list of a tag's articles.
func tagURL(tagSlug string) string { return tagsURL + tagSlug + "/" }

// authorURL is the URL of the list of an author's articles, or "" for a
// name with nothing to make a URL from.
func authorURL(name string) string {
	if s := slug.Make(name); s != "" {
		return authorsURL + s + "/"
	}
	return ""
}

// catalog indexes the articles of a site by tag, author and month.
type catalog struct {
	tags    []*Term          // by name in the site's language
	tagList map[string]*Term // by slug
	authors []*Term          // by name
	// authorURLs maps every spelling of an author's name to the URL of
	// the author's list, so that pages need not make slugs again.
	authorURLs map[string]string
	years      []*ArchiveYear // newest first
	months     []*Term        // newest first
}

// newCatalog indexes articles (newest first). A tag or author written in
// two ways with one slug is one term, named as its newest article writes it.
func newCatalog(articles []*site.Page, loc *time.Location, lang string) *catalog {
	c := &catalog{tagList: map[string]*Term{}, authorURLs: map[string]string{}}
	authors := map[string]*Term{}
	for _, p := range articles {
		for _, t := range p.Tags {
			c.tags = addToTerm(c.tagList, c.tags, t.Slug, Term{Name: t.Name, Slug: t.Slug, URL: tagURL(t.Slug)}, p)
		}
		for _, name := range p.Authors {
			url, seen := c.authorURLs[name]
			if !seen {
				url = authorURL(name)
				c.authorURLs[name] = url
			}
			if url != "" {
				authorSlug := strings.TrimSuffix(strings.TrimPrefix(url, authorsURL), "/")
				c.authors = addToTerm(authors, c.authors, authorSlug, Term{Name: name, Slug: authorSlug, URL: url}, p)
			}
		}
	}
	sortByName(c.tags, lang)
	sortByName(c.authors, lang)
	c.months = monthTerms(articles, loc, lang)
	c.years = archiveYears(c.months)
	return c
}

// addToTerm adds p to the term of key in byKey, adding a copy of term
// (and appending it to list) when it is new, and returns the list.
func addToTerm(byKey map[string]*Term, list []*Term, key string, term Term, p *site.Page) []*Term {
	t := byKey[key]
	if t == nil {
		t = &term
		byKey[key] = t
		list = append(list, t)
	}
	if n := len(t.Articles); n == 0 || t.Articles[n-1] != p { // a tag written twice in one article
		t.Articles = append(t.Articles, p)
	}
	return list
}

// sortByName sorts terms by name as the language orders words, then by slug.
func sortByName(terms []*Term, lang string) {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	coll := collate.New(tag, collate.IgnoreCase)
	slices.SortStableFunc(terms, func(a, b *Term) int {
		return cmp.Or(coll.CompareString(a.Name, b.Name), cmp.Compare(a.Slug, b.Slug))
	})
}

// monthTerms groups articles by the month of their date in loc, newest first.
func monthTerms(articles []*site.Page, loc *time.Location, lang string) []*Term {
	byMonth := map[time.Time]*Term{}
	var months []*Term
	for _, p := range articles {
		if p.Date.IsZero() {
			continue
		}
		d := p.Date
		if loc != nil {
			d = d.In(loc)
		}
		start := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, d.Location())
		t := byMonth[start]
		if t == nil {
			key := fmt.Sprintf("%04d/%02d", start.Year(), int(start.Month()))
			t = &Term{Name: locale.MonthYear(lang, start), Slug: key, URL: archiveURL + key + "/", Date: start}
			byMonth[start] = t
			months = append(months, t)
		}
		t.Articles = append(t.Articles, p)
	}
	slices.SortFunc(months, func(a, b *Term) int { return b.Date.Compare(a.Date) })
	return months
}

// archiveYears groups months (newest first) by year.
func archiveYears(months []*Term) []*ArchiveYear {
	var years []*ArchiveYear
	for _, m := range months {
		if n := len(years); n == 0 || years[n-1].Year != m.Date.Year() {
			years = append(years, &ArchiveYear{Year: m.Date.Year()})
		}
		y := years[len(years)-1]
		y.Months = append(y.Months, m)
		y.Count += len(m.Articles)
	}
	return years
}
