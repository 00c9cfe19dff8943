package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

const (
	defaultPageSize = 10 // articles per list page when the configuration sets none
	moreCount       = 5  // articles in an article's "more from this section"
	notFoundLayout  = "404"
)

// defaultLayouts names the layout of each kind of page without a `layout:`.
var defaultLayouts = map[site.Kind]string{
	site.KindHome:    "home",
	site.KindSection: "section",
	site.KindArticle: "article",
	site.KindPage:    "page",
	KindTags:         "terms",
	KindAuthors:      "terms",
	KindArchive:      "archive",
	KindTag:          "list",
	KindAuthor:       "list",
	KindMonth:        "list",
}

// layoutKinds are the kinds of page each of the theme's own layouts can
// show, for pages that name one with layout:. A list's layout reads data
// an article has not (a pager, a term), and an article's reads what a
// list has not.
var layoutKinds = map[string][]site.Kind{
	"article": {site.KindArticle, site.KindPage},
	"page":    {site.KindPage, site.KindArticle},
	"home":    {site.KindHome, site.KindSection},
	"section": {site.KindSection, site.KindHome},
	"list":    {KindTag, KindAuthor, KindMonth},
	"terms":   {KindTags, KindAuthors},
	"archive": {KindArchive},
	"404":     {},
}

// hugoDefault reports whether p's layout is Hugo's name for the default
// layout of its kind, which a theme without a layout of that name reads
// so: single for any page, list for a section or the home page.
func (pl *planner) hugoDefault(p *site.Page) bool {
	name := strings.TrimSuffix(p.Layout, ".html")
	switch {
	case name == "single":
		return pl.r.templates[name] == nil
	case name == "list":
		return p.IsList()
	}
	return false
}

// kindList names kinds of page, for messages.
func kindList(kinds []site.Kind) string {
	if len(kinds) == 0 {
		return "the 404 page"
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// generatedLists tells what each layout of generated pages shows, for warnings.
var generatedLists = map[string]string{
	"terms":   "index of tags nor of authors",
	"list":    "lists of a tag's, an author's or a month's articles",
	"archive": "archive index",
}

// generated reports whether a page is one Plan makes up for a list.
func generated(p *site.Page) bool {
	switch p.Kind {
	case KindTags, KindTag, KindAuthors, KindAuthor, KindArchive, KindMonth:
		return true
	}
	return false
}

// planner accumulates the outputs of one Plan call.
type planner struct {
	theme    *Theme
	r        *renderer
	problems *diag.List
	outputs  []Output
	byPath   map[string]*site.Page // output path → page, to catch two pages at one URL
	missing  map[string]bool       // default layouts already reported missing
	shared   *sharedData           // of every output
	pageSize int
	articles []*site.Page // the site's articles, newest first
	catalog  *catalog
	feeds    map[string][]FeedLink // by dir: feedsOf
	aliased  map[string]*site.Page // output path of an alias → its page
}

// Plan lists every HTML file of the site: the home page, each page of
// each section's list, every article and stand-alone page, and 404.html.
// Planning is cheap; the templates run when the build calls Render, which
// is safe from many goroutines at once. Render writes straight to the
// writer it is given, which should be buffered.
func (t *Theme) Plan(in *Input) ([]Output, *diag.List) {
	problems := &diag.List{}
	r := newRenderer(t, in)
	if err := t.bind(r); err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: layoutsDir}, "%v", err))
		return nil, problems
	}
	pl := &planner{theme: t, r: r, problems: problems,
		byPath:  make(map[string]*site.Page, len(in.Site.Pages)+len(in.Site.Sections)+2),
		missing: map[string]bool{}, pageSize: in.Site.Config.PageSize}
	if pl.pageSize <= 0 {
		pl.pageSize = defaultPageSize
	}
	articles := siteArticles(in.Site.Pages)
	pl.shared = &sharedData{site: in.Site, lang: t.lang, articles: articles}
	if len(articles) > 0 {
		pl.shared.updated = articles[0].Date
	}
	pl.articles = articles
	pl.catalog = newCatalog(articles, r.loc, t.lang)
	r.authorURLs = pl.catalog.authorURLs
	pl.planHome(articles)
	for _, sec := range in.Site.AllSections() {
		pl.planSection(sec)
	}
	pl.planPages()
	pl.planLists()
	pl.planNotFound(articles)
	pl.planAliases(slices.Concat(in.Site.Pages, in.Site.Unlisted, sectionPages(in.Site)))
	return pl.outputs, problems
}

// sectionPages are the written pages of the site's sections, and its home page.
func sectionPages(s *site.Site) []*site.Page {
	var pages []*site.Page
	if s.Home != nil {
		pages = append(pages, s.Home)
	}
	for _, sec := range s.AllSections() {
		if !sec.Page.Headless {
			pages = append(pages, sec.Page)
		}
	}
	return pages
}

// siteArticles returns the articles among pages, keeping their order
// (newest first).
func siteArticles(pages []*site.Page) []*site.Page {
	articles := make([]*site.Page, 0, len(pages))
	for _, p := range pages {
		if p.Kind == site.KindArticle {
			articles = append(articles, p)
		}
	}
	return articles
}

// data returns the template data of page p in section sec (nil when p has none).
func (pl *planner) data(p *site.Page, sec *site.Section) *PageData {
	d := &PageData{Page: p, Section: sec, shared: pl.shared}
	switch {
	case sec != nil && sec.Page != nil:
		d.Nav = sec.Page.URL
	case p != nil:
		d.Nav = p.URL
	}
	d.Feeds = pl.feedsOf("/", "")
	if sec != nil && sec.HasFeed() {
		d.Feeds = pl.feedsOf(sec.Page.URL, sec.Page.Title)
	}
	return d
}

func (pl *planner) planHome(articles []*site.Page) {
	home := pl.r.in.Site.Home
	if home == nil {
		home = &site.Page{Kind: site.KindHome, URL: "/", Title: pl.r.in.Site.Config.Title,
			Summary: pl.r.in.Site.Config.Description}
	}
	d := pl.data(home, nil)
	d.List = first(pl.pageSize, articles)
	d.index = &indexData{blocks: homeBlocks(pl.r.in.Site.Sections, d.List)}
	pl.add(home, d)
}

// homeBlocks gives each section with a page its block of the home page:
// its newest articles that shown, the lead and latest list, leaves out,
// so that the home page shows each article once. A section whose articles
// are all in shown gets no block; its cards there name it.
func homeBlocks(sections []*site.Section, shown []*site.Page) []HomeBlock {
	seen := make(map[*site.Page]bool, len(shown))
	for _, p := range shown {
		seen[p] = true
	}
	var blocks []HomeBlock
	for _, sec := range sections {
		if !sec.Listed() {
			continue
		}
		var list []*site.Page
		for _, p := range sec.Articles {
			if len(list) == homeBlockSize {
				break
			}
			if !seen[p] {
				list = append(list, p)
			}
		}
		if len(list) > 0 {
			blocks = append(blocks, HomeBlock{Section: sec, Articles: list})
		}
	}
	return blocks
}

// planSection plans the pages of a section's list: the first at the
// section's URL, the others at <section>/page/N/.
func (pl *planner) planSection(sec *site.Section) {
	if sec.Page == nil {
		pl.problems.Add(diag.Errorf(diag.Pos{File: "content/" + sec.Path}, "section %q has no page", sec.Path).
			WithHint("add content/%s/_index.md with a title", sec.Path))
		return
	}
	if sec.Page.Headless {
		return
	}
	pl.addPaged(sec.Page, sec.Articles, func() *PageData { return pl.data(sec.Page, sec) })
}

// addPaged plans the pages of the list of articles of page p, the first at
// p's URL, the others at <URL>page/N/, each with the data newData makes.
func (pl *planner) addPaged(p *site.Page, articles []*site.Page, newData func() *PageData) {
	total := pageCount(len(articles), pl.pageSize)
	for n := 1; n <= total; n++ {
		d := newData()
		d.List = articles[(n-1)*pl.pageSize : min(n*pl.pageSize, len(articles))]
		d.Pager = newPager(p.URL, n, total)
		pl.addAt(listPageURL(p.URL, n), p, d)
	}
}

// planPages plans every article and stand-alone page.
func (pl *planner) planPages() {
	index := make(map[*site.Page]int, len(pl.r.in.Site.Pages))
	for _, sec := range pl.r.in.Site.AllSections() {
		for i, p := range sec.Articles {
			if p.Section == sec.Path {
				index[p] = i
			}
		}
	}
	rank := make(map[*site.Page]int, len(pl.articles))
	for i, p := range pl.articles {
		rank[p] = i
	}
	related := relatedOfAll(pl.articles)
	for _, p := range slices.Concat(pl.r.in.Site.Pages, pl.r.in.Site.Unlisted) {
		sec := pl.r.sections[p.Section]
		d := pl.data(p, sec)
		if i, ok := index[p]; ok && sec != nil {
			d.More = moreArticles(sec.Articles, i)
			d.Prev, d.Next = neighbours(sec.Articles, i)
		}
		if r, ok := rank[p]; ok {
			d.Related = related[r]
		}
		pl.add(p, d)
	}
}

// moreArticles returns up to moreCount of articles other than articles[i],
// newest first. Most articles share the section's newest ones, without copying.
func moreArticles(articles []*site.Page, i int) []*site.Page {
	if i >= moreCount {
		return articles[:min(moreCount, len(articles))]
	}
	more := make([]*site.Page, 0, moreCount)
	more = append(more, articles[:i]...)
	return append(more, articles[i+1:min(moreCount+1, len(articles))]...)
}

func (pl *planner) planNotFound(articles []*site.Page) {
	tmpl := pl.r.templates[notFoundLayout]
	if tmpl == nil {
		pl.problems.Add(diag.Warnf(diag.Pos{File: layoutsDir + "/" + notFoundLayout + ".html"},
			"the theme has no 404 layout, so the site gets no 404.html").
			WithHint("add layouts/404.html with a {{define \"main\"}} that links home"))
		return
	}
	d := pl.data(nil, nil)
	d.List = first(moreCount, articles)
	pl.outputs = append(pl.outputs, Output{Path: "404.html", tmpl: tmpl, data: d})
}

// add plans page p at its own URL.
func (pl *planner) add(p *site.Page, d *PageData) { pl.addAt(p.URL, p, d) }

// addAt plans the output of page p at url with data d.
func (pl *planner) addAt(url string, p *site.Page, d *PageData) {
	tmpl := pl.layoutFor(p)
	if tmpl == nil {
		return
	}
	out, ok := outputPath(url)
	if !ok {
		pl.problems.Add(diag.Errorf(diag.Pos{File: p.Source}, "URL %q cannot be written as a file", url).
			WithHint("URLs start with / and name no . or .. folders; set `slug:` to letters, digits and -"))
		return
	}
	if other := pl.byPath[out]; other != nil {
		pl.reportTaken(p, other, url)
		return
	}
	pl.byPath[out] = p
	d.URL = url
	pl.outputs = append(pl.outputs, Output{Path: out, Page: p, tmpl: tmpl, data: d, Key: listKey(d)})
}

// reportTaken reports that page p cannot be published at url, where other
// is. Content pages are planned first: a content page at the URL of a
// generated list replaces the list, with a warning.
func (pl *planner) reportTaken(p, other *site.Page, url string) {
	if generated(p) {
		pl.problems.Add(diag.Warnf(diag.Pos{File: other.Source}, "this page is published at %s, where Almanac puts the generated %s page, which is left out", url, p.Kind).
			WithHint("give this page another file name or slug to get the generated page back"))
		return
	}
	at, otherAt := p, other
	if at.Source == "" { // a section without _index.md has no file: name the other one
		at, otherAt = other, p
	}
	if otherAt.Source == "" {
		pl.problems.Add(diag.Errorf(diag.Pos{File: at.Source}, "this page is published at %s, the list of the section content/%s/", url, otherAt.Section).
			WithHint("give this page another file name or slug"))
		return
	}
	pl.problems.Add(diag.Errorf(diag.Pos{File: at.Source}, "this page and %s are both published at %s", otherAt.Source, url).
		Also(diag.Pos{File: otherAt.Source}).WithHint("give one of them another file name or slug"))
}

// deps lists the pages whose data an output of d shows; see Output.Deps.
// A page of a long list depends on the articles it shows, not on the
// whole list: listKey covers where it sits in the list.
func (d *PageData) deps() []*site.Page {
	if k := d.Page.Kind; k == KindTags || k == KindAuthors || k == KindArchive {
		return slices.Clip(d.shared.articles) // indexes count every article
	}
	deps := []*site.Page{d.Page}
	if d.Section != nil && d.Section.Page != d.Page {
		deps = append(deps, d.Section.Page)
	}
	if d.Page.Kind == site.KindHome {
		deps = append(deps, d.List...)
		for _, b := range d.Blocks() { // the home page's block per section
			deps = append(deps, b.Articles...)
		}
		return deps
	}
	if d.Pager != nil {
		return append(deps, d.List...)
	}
	deps = append(deps, d.More...)
	for _, p := range []*site.Page{d.Prev, d.Next} {
		if p != nil {
			deps = append(deps, p)
		}
	}
	return append(deps, d.Related...)
}

// homeBlockSize is how many articles of each section the home page shows.
const homeBlockSize = 3

// listKey is what a list page shows of its list besides its own articles:
// the term's name, the list's length and the page's number.
func listKey(d *PageData) string {
	if d.Pager == nil {
		return ""
	}
	key := fmt.Sprintf("%d/%d", d.Pager.Number, d.Pager.Total)
	if d.Term != nil {
		key += fmt.Sprintf("|%d|%s", d.Term.Count(), d.Term.Name)
	} else if d.Section != nil {
		key += fmt.Sprintf("|%d", len(d.Section.Articles))
	}
	return key
}

// layoutFor returns the executable template of p's layout, reporting a
// layout that the theme lacks.
func (pl *planner) layoutFor(p *site.Page) *template.Template {
	if p.Layout != "" && !pl.hugoDefault(p) {
		name := strings.TrimSuffix(p.Layout, ".html")
		pos := diag.Pos{File: p.Source, Line: p.Lines.Line("layout")}
		if kinds, ok := layoutKinds[name]; ok && !slices.Contains(kinds, p.Kind) {
			pl.problems.Add(diag.Errorf(pos, "layout %q is the theme's layout of other pages (%s), and cannot show a page of kind %s", name, kindList(kinds), p.Kind).
				WithHint("remove the layout: line, or name a layout of your own in layouts/"))
			return nil
		}
		if tmpl := pl.r.templates[name]; tmpl != nil {
			return tmpl
		}
		pl.problems.Add(diag.Errorf(pos, "layout %q does not exist", p.Layout).
			WithHint("create layouts/%s.html, or use one of the theme's layouts: %s", name,
				strings.Join(pl.theme.layoutNames(), ", ")))
		return nil
	}
	name := defaultLayouts[p.Kind]
	if tmpl := pl.r.templates[name]; tmpl != nil {
		return tmpl
	}
	switch {
	case pl.missing[name]:
	case generated(p):
		pl.problems.Add(diag.Warnf(diag.Pos{File: layoutsDir + "/" + name + ".html"},
			"the theme has no %s layout, so the site gets no %s", name, generatedLists[name]).
			WithHint("add layouts/%s.html with a {{define \"main\"}}…{{end}}; the default theme has one to copy", name))
	default:
		pl.problems.Add(diag.Errorf(diag.Pos{File: layoutsDir + "/" + name + ".html"},
			"the theme has no %s layout, needed for %s", name, p.Source).
			WithHint("add layouts/%s.html with a {{define \"main\"}}…{{end}}", name))
	}
	pl.missing[name] = true
	return nil
}

// outputPath turns a site-relative URL into the path of its file under
// public/: "/a/b/" → "a/b/index.html", "/a.html" → "a.html".
func outputPath(url string) (string, bool) {
	rel := strings.TrimPrefix(url, "/")
	if rel == url || strings.ContainsAny(rel, "\\?#") {
		return "", false
	}
	if dir := strings.TrimSuffix(rel, "/"); dir != "" {
		for _, elem := range strings.Split(dir, "/") {
			if elem == "" || elem == "." || elem == ".." {
				return "", false
			}
		}
	}
	switch {
	case rel == "" || strings.HasSuffix(rel, "/"):
		return rel + "index.html", true
	case strings.HasSuffix(rel, ".html"):
		return rel, true
	}
	return rel + "/index.html", true
}
