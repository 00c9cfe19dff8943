package render

import (
	"io"
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
	Path   string     // slash path relative to public/, e.g. "cong-thuong/page/2/index.html"
	Page   *site.Page // page it comes from; nil for the 404 page
	Render func(w io.Writer) error
	// Deps are the pages whose data the output shows besides the whole
	// site's shape (configuration, sections, newest date): the page, its
	// section's page and its "more" articles; every article of a section
	// for its list pages; every article for the home page. An incremental
	// rebuild renders again only the outputs whose Deps changed.
	Deps []*site.Page
}

// PageData is the data every layout, base.html and partial receive as ".".
type PageData struct {
	Site    *site.Site
	Page    *site.Page    // nil on the 404 page
	URL     string        // site-relative URL of this output: Page.URL, or a later list page's URL; empty for 404
	Section *site.Section // the page's section; nil for home, stand-alone and 404 pages
	List    []*site.Page  // home and section lists: the articles on this page of the list
	Pager   *Pager        // section lists: where this page sits in the list; nil elsewhere
	More    []*site.Page  // articles: up to 5 other articles of the same section, newest first
	Nav     string        // URL of the menu entry to mark as current: the section's, or the page's own; "" for 404
	Lang    string        // the theme's language, for <html lang>
	Updated time.Time     // date of the site's newest article (the masthead's date); zero if none
}

// Pager places one page of a paginated list among the others.
type Pager struct {
	Number  int    // this page, from 1
	Total   int    // number of pages
	PrevURL string // site-relative; empty on the first page
	NextURL string // site-relative; empty on the last page
	// Links are the pages to link to: the first, the last and two either
	// side of this one. Gap marks a link that follows skipped pages, where
	// a theme shows an ellipsis.
	Links []PageLink
}

// PageLink is one numbered link of a Pager.
type PageLink struct {
	Number  int
	URL     string // site-relative
	Current bool
	Gap     bool // pages between the previous link and this one are not listed
}
