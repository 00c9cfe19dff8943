package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// Input is what Plan renders: the parsed site and the asset URLs.
type Input struct {
	Site *site.Site
	// Asset maps a logical asset path ("css/main.css") to its site-relative
	// published URL ("/assets/css/main.1a2b3c4d.css"). When nil, every asset
	// is served unhashed at "/assets/<logical>".
	Asset func(logical string) (url string, ok bool)
}

// Output is one HTML file of the site.
type Output struct {
	Path string     // slash path relative to public/, e.g. "cong-thuong/page/2/index.html"
	Page *site.Page // page it comes from; nil for the 404 page
	// Key is what else the output shows that Deps do not tell, such as a
	// list page's number and the length of its list.
	Key string
	// Redirect marks the page written at one of Page's aliases, which
	// sends readers to Page: no sitemap lists it.
	Redirect bool

	tmpl *template.Template // the layout, with the theme's functions bound
	data *PageData          // what it is executed with; nil once Forget was called
}

// Deps are the pages whose data the output shows besides the whole
// site's shape (configuration, sections, newest date): for an article,
// the page, its section's page, its "more" articles, the previous and
// next article and the related articles; every article of a section
// for its list pages; every article for the home page and for the
// indexes of tags, authors and the archive; every article of the tag,
// author or month for each page of its list (not the made-up page,
// which no content file gives). An incremental rebuild renders again
// only the outputs whose Deps changed. They are made from the output's
// data at each call (nil once Forget was called), and may share memory
// with other outputs' Deps: read them, never modify them.
func (o *Output) Deps() []*site.Page {
	switch {
	case o.data == nil:
		return nil
	case o.Page == nil: // the 404 page
		return o.data.List
	}
	return o.data.deps()
}

// Render executes the output's layout into w, which should be buffered.
// It is safe from many goroutines at once.
func (o *Output) Render(w io.Writer) error {
	if o.data == nil {
		return fmt.Errorf("rendering %s: the output's data was let go (Output.Forget)", o.Path)
	}
	if err := o.tmpl.Execute(w, o.data); err != nil {
		problem := templateProblem(err)
		problem.Msg = "rendering " + o.what() + ": " + problem.Msg
		return problem
	}
	return nil
}

// Forget lets go of the output's template data, for a build that renders
// each output once: a 100,000-article archive's take a fifth of its
// memory. Render fails after it, and Deps is nil.
func (o *Output) Forget() { o.data = nil }

// what names the output's page in error messages.
func (o *Output) what() string {
	switch {
	case o.Page == nil:
		return "the 404 page"
	case o.Page.Source != "":
		return o.Page.Source
	}
	return "the page at " + o.data.URL
}

// Kinds of the pages Plan makes up for the lists it generates. Their
// *site.Page has a Title, URL and Kind only; PageData.Term, Terms or Years
// hold what they list.
const (
	KindTags    site.Kind = "tags"    // /tags/: every tag, layout terms.html
	KindTag     site.Kind = "tag"     // /tags/<slug>/: one tag's articles, layout list.html
	KindAuthors site.Kind = "authors" // /authors/: every author, layout terms.html
	KindAuthor  site.Kind = "author"  // /authors/<slug>/: one author's articles, layout list.html
	KindArchive site.Kind = "archive" // /archive/: years and months, layout archive.html
	KindMonth   site.Kind = "month"   // /archive/<yyyy>/<mm>/: one month's articles, layout list.html
)

// PageData is the data every layout, base.html and partial receive as ".".
// What every page shares (Site, Lang, Updated) and what only the home page
// and the indexes have (Blocks, Terms, Years) are methods, so that an
// archive's 160,000 outputs each keep only their own.
type PageData struct {
	Page    *site.Page    // nil on the 404 page
	URL     string        // site-relative URL of this output: Page.URL, or a later list page's URL; empty for 404
	Section *site.Section // the page's section; nil for home, stand-alone and 404 pages
	List    []*site.Page  // home and section lists: the articles on this page of the list
	Pager   *Pager        // section lists: where this page sits in the list; nil elsewhere
	More    []*site.Page  // articles: up to 5 other articles of the same section, newest first
	Nav     string        // URL of the menu entry to mark as current: the section's, or the page's own; "" for 404

	Term    *Term        // tag, author and month lists: what the list is of
	Feeds   []FeedLink   // feeds to announce in <head>: the site's, and the section's or tag's
	Prev    *site.Page   // articles: the next older article of the section; nil for the oldest
	Next    *site.Page   // articles: the next newer article of the section; nil for the newest
	Related []*site.Page // articles: up to four articles sharing tags, as docs/content.md (tags) says

	shared *sharedData
	index  *indexData // nil but on the home page and the indexes
}

// sharedData is what every page of one plan shows alike.
type sharedData struct {
	site     *site.Site
	articles []*site.Page // the site's articles, newest first
	lang     string
	updated  time.Time
}

// indexData is what the home page and the indexes list.
type indexData struct {
	blocks []HomeBlock
	terms  []*Term
	years  []*ArchiveYear
}

// Site is the whole site.
func (d *PageData) Site() *site.Site {
	if d.shared == nil {
		return nil
	}
	return d.shared.site
}

// Lang is the theme's language, for <html lang>.
func (d *PageData) Lang() string {
	if d.shared == nil {
		return ""
	}
	return d.shared.lang
}

// Updated is the date of the site's newest article (the masthead's date); zero if none.
func (d *PageData) Updated() time.Time {
	if d.shared == nil {
		return time.Time{}
	}
	return d.shared.updated
}

// Current is the aria-current value of a menu link to url: "page" when
// it is this very page, "true" when the page is within it (url is the
// page's section, or a section above it), "" otherwise. It reads only Nav
// and whether URL is Nav, as the masthead's cache key does.
func (d *PageData) Current(url string) string {
	switch {
	case url == d.Nav && d.Nav == d.URL:
		return "page"
	case url == d.Nav, url != "/" && strings.HasSuffix(url, "/") && strings.HasPrefix(d.Nav, url):
		return "true"
	}
	return ""
}

// Breadcrumbs are the pages of the sections above this page, from the
// top-level one down: for an article, its section's trail; for a section,
// its ancestors'. Sections not written (build.render: never) are left out.
// The home page, which comes first, is not among them.
func (d *PageData) Breadcrumbs() []*site.Page {
	if d.Section == nil {
		return nil
	}
	var out []*site.Page
	for _, sec := range d.Section.Trail() {
		if sec.Page != d.Page && !sec.Page.Headless {
			out = append(out, sec.Page)
		}
	}
	return out
}

// Subsections are a section page's subsections that are listed, in order.
func (d *PageData) Subsections() []*site.Section {
	if d.Section == nil || d.Page != d.Section.Page {
		return nil
	}
	var out []*site.Section
	for _, sec := range d.Section.Sections {
		if sec.Listed() {
			out = append(out, sec)
		}
	}
	return out
}

// Blocks are the home page's blocks, one per section, of its articles the List does not show.
func (d *PageData) Blocks() []HomeBlock {
	if d.index == nil {
		return nil
	}
	return d.index.blocks
}

// Terms is the index of tags or of authors: each with its articles, by name.
func (d *PageData) Terms() []*Term {
	if d.index == nil {
		return nil
	}
	return d.index.terms
}

// Years is the index of the archive: years, newest first.
func (d *PageData) Years() []*ArchiveYear {
	if d.index == nil {
		return nil
	}
	return d.index.years
}

// HomeBlock is one section's block on the home page: its newest articles
// that the home page's lead and latest list do not already show. A
// section whose articles are all shown there gets no block.
type HomeBlock struct {
	Section  *site.Section
	Articles []*site.Page // newest first, at most homeBlockSize
}

// Term is one tag, author or month of the archive, with its articles.
type Term struct {
	Name     string       // as written ("Công nghiệp", "Nguyễn Văn An"), or the month ("Tháng 12/2020")
	Slug     string       // "cong-nghiep", "nguyen-van-an", "2020/12"
	URL      string       // site-relative URL of the first page of its list
	Date     time.Time    // months: the month's first instant in the site's time zone; zero otherwise
	Articles []*site.Page // newest first
}

// Count is the number of the term's articles.
func (t *Term) Count() int { return len(t.Articles) }

// ArchiveYear is one year of the archive index.
type ArchiveYear struct {
	Year   int
	Count  int     // articles of the year
	Months []*Term // newest first; only months with articles
}

// FeedLink is one feed announced with <link rel="alternate">.
type FeedLink struct {
	Format string // "RSS" or "Atom"
	Type   string // "application/rss+xml" or "application/atom+xml"
	URL    string // site-relative, e.g. "/tags/cong-nghiep/index.xml"
	Title  string // what the feed is of: the site's title, or "Công nghiệp | <site title>"
}

// Pager places one page of a paginated list among the others. Its URLs
// (PrevURL, NextURL, Links) are made when a template asks for them: an
// archive's lists have a hundred thousand pages.
type Pager struct {
	Number int // this page, from 1
	Total  int // number of pages
	first  string
}

// PageLink is one numbered link of a Pager.
type PageLink struct {
	Number  int
	URL     string // site-relative
	Current bool
	Gap     bool // pages between the previous link and this one are not listed
}
