// Package site is Almanac's model of a site: its configuration, sections
// and pages, as the parse stage produces them and the render stage reads
// them. It imports only the standard library, so every stage can share it.
//
// The model is plain data. Parse fills it; after that it is read-only, which
// is what lets the render stage work on many pages at once.
package site

import (
	"html/template"
	"slices"
	"strings"
	"time"
)

// Kind tells what a page is.
type Kind string

const (
	KindHome    Kind = "home"    // content/_index.md, or the implied home page
	KindSection Kind = "section" // content/<section>/…/_index.md, or implied by a folder of articles
	KindArticle Kind = "article" // content/<section>/…/<slug>.md or …/<slug>/index.md
	KindPage    Kind = "page"    // a stand-alone page such as content/gioi-thieu.md
)

// Site is the whole parsed site.
type Site struct {
	Config   Config
	Home     *Page      // the home page (Kind == KindHome)
	Sections []*Section // the top-level sections, ordered by weight, then title
	Pages    []*Page    // listed articles and stand-alone pages, newest first
	Unlisted []*Page    // pages rendered but listed nowhere but their section (build.list), newest first
	Headless []*Page    // pages not written, only used by others (build.render: never); their bundle files are
}

// AllSections lists every section, each before its subsections, in the
// order of Sections and of each section's Sections.
func (s *Site) AllSections() []*Section {
	var out []*Section
	var walk func([]*Section)
	walk = func(list []*Section) {
		for _, sec := range list {
			out = append(out, sec)
			walk(sec.Sections)
		}
	}
	walk(s.Sections)
	return out
}

// Section is a folder of articles under content/, at any depth.
type Section struct {
	Path     string     // its folders' slugs from content/, e.g. "kinh-te/cong-nghiep"
	Page     *Page      // the section's own page, from _index.md or implied
	Parent   *Section   // the section it is in; nil for a top-level section
	Sections []*Section // its subsections, ordered by weight, then title
	// Articles are its own articles and its subsections', newest first;
	// drafts, future and unlisted articles left out (build.list: local
	// keeps them here).
	Articles []*Page
}

// Listed reports whether the section is shown in menus, on the home page
// and among its parent's subsections: its page is listed and rendered.
func (s *Section) Listed() bool {
	return s.Page != nil && s.Page.List == ListAlways && !s.Page.Headless
}

// Name is the slug of the section's own folder, the last element of Path.
func (s *Section) Name() string { return s.Path[strings.LastIndexByte(s.Path, '/')+1:] }

// HasFeed reports whether the section has feeds of its own: its page is
// rendered and does not say feed: false.
func (s *Section) HasFeed() bool { return s.Page != nil && !s.Page.Headless && !s.Page.NoFeed }

// Trail is the sections from the top-level one down to s.
func (s *Section) Trail() []*Section {
	n := 0
	for sec := s; sec != nil; sec = sec.Parent {
		n++
	}
	out := make([]*Section, n)
	for sec := s; sec != nil; sec = sec.Parent {
		n--
		out[n] = sec
	}
	return out
}

// Page is one content file and everything the front matter says about it.
type Page struct {
	Kind    Kind
	Source  string // path of the content file, relative to the site root, slash-separated
	Digest  uint64 // of Source's bytes as parsed: an edited file has another
	Section string // the section's Path; empty for the home page and stand-alone pages
	Slug    string // last element of the URL
	URL     string // site-relative URL with leading and trailing slash, e.g. "/cong-thuong/bao-cao/"
	Layout  string // layout named in front matter; empty for the kind's default

	Title       string
	LinkTitle   string    // a shorter title for menus and breadcrumbs (Hugo's linkTitle); empty for Title
	Summary     string    // plain text: the front matter's summary, or the body's first paragraph
	Description string    // the page's description for search engines and previews (Hugo's); empty for Summary
	Keywords    []string  // words for search engines besides the tags (Hugo's keywords)
	Aliases     []string  // other site paths that redirect to the page (Hugo's aliases)
	Publish     time.Time // publishDate: not on the site before then (Date is it without date:); zero when not given
	Expires     time.Time // expiryDate: the page leaves the site then; zero when not given
	Date        time.Time
	Lastmod     time.Time // zero when not given
	Authors     []string
	Tags        []Tag
	Image       *Image
	Audio       string // site-relative URL of an audio file, or empty
	Draft       bool
	Weight      int
	List        Listing        // where the page is listed (build.list, Hugo's)
	Headless    bool           // not written, only used by other pages (build.render: never, headless: true)
	NoSitemap   bool           // left out of the sitemap (sitemap: false, or Hugo's sitemap.disable)
	NoFeed      bool           // left out of every feed (feed: false)
	Cascade     bool           // a section or home page whose front matter passes values down (cascade)
	Params      map[string]any // every other front-matter key, as decoded; nil when there is none
	Lines       KeyLines       // line in Source of each top-level front-matter key
	Resources   []Resource     // files beside index.md in a page bundle

	// DateOnly and LastmodDateOnly report that Date and Lastmod were
	// written as a day without a time of day (date: 2021-10-06): Date is
	// then midnight in the site's time zone, and datelines show no time.
	DateOnly        bool
	LastmodDateOnly bool

	Body     []byte // Markdown after the front matter
	BodyLine int    // line of Body's first byte in Source
	Rendered HTML   // Body rendered to HTML, as the build keeps it; read it with Content
	Words    int    // words a reader reads in Rendered: its text but scripts, styles and drawings
	// Shortcodes are the names of the shortcodes Body calls, each once,
	// sorted: a layout adds the script of a video only to pages with one.
	Shortcodes []string

	Corrections []Correction // what was corrected since publication, oldest first
	// Translations are the same page in the site's other languages, in
	// the order of the site's languages (docs/content.md, "Languages").
	Translations []Translation

	Figures []Figure // figures declared in front matter (issue: figures and charts)
	KPIs    []string // indicators shown as KPI cards, in order; nil: every indicator, empty: none
	Charts  []Chart  // charts declared in front matter or in the body
}

// Translation is a page in another language of the site.
type Translation struct {
	Lang  string // "en"
	Name  string // the language's name as its readers write it, "English"
	Title string // the page's title in it
	URL   string // its address: absolute, from the site's base URL
}

// Listing is where a page is listed: front matter build.list, as Hugo's.
type Listing int

const (
	ListAlways Listing = iota // everywhere: its section's list, the home page, tags, authors, archive, feeds, sitemap
	ListLocal                 // only in its section's list (and its ancestors')
	ListNever                 // nowhere: reachable only by a link
)

// Uses reports whether the page's body calls any of the shortcodes named.
func (p *Page) Uses(names ...string) bool {
	for _, n := range names {
		if slices.Contains(p.Shortcodes, n) {
			return true
		}
	}
	return false
}

// IsList reports whether the page lists other pages (home or section).
func (p *Page) IsList() bool { return p.Kind == KindHome || p.Kind == KindSection }

// KeyLine is where one top-level key of a front matter is written.
type KeyLine struct {
	Key  string
	Line int
}

// KeyLines are the top-level keys of a front matter, in the order written.
type KeyLines []KeyLine

// Line returns the line of key, or 0 when the front matter has no such key.
func (l KeyLines) Line(key string) int {
	for _, k := range l {
		if k.Key == key {
			return k.Line
		}
	}
	return 0
}

// Correction is one correction of a published page: when, and what the
// reader should know, as written.
type Correction struct {
	Date     time.Time
	DateOnly bool // written without a time of day
	Text     string
}

// Tag is a tag as written and its URL-safe form.
type Tag struct {
	Name string // as written, e.g. "Công nghiệp"
	Slug string // e.g. "cong-nghiep"
}

// Image is a picture with its text alternative.
type Image struct {
	Src     string // site-relative URL ("/cong-thuong/bao-cao/anh.svg") or absolute http(s) URL
	Alt     string
	Caption string
	Credit  string // who made the picture, e.g. "Thu Hà"; shown after the caption as "Ảnh: Thu Hà"
	Width   int    // pixels; zero when unknown
	Height  int
	// Srcset lists the smaller copies the build made of a bundle picture,
	// narrowest first, then the picture itself; nil when it made none.
	Srcset []ImageVariant
}

// ImageVariant is one file of an image's srcset.
type ImageVariant struct {
	URL   string // site-relative URL, percent-encoded (spaces and commas would split a srcset)
	Width int    // in pixels
}

// Resource is a file of a page bundle, copied beside the page.
type Resource struct {
	Source string // path relative to the site root, slash-separated
	Name   string // file name, e.g. "anh-bia.svg"
	URL    string // site-relative URL
}

// Heading is one heading of a page body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// HTML is a rendered body as a stage keeps it: PlainHTML as it is, or
// compressed in memory or in a file, as the build keeps the bodies of an
// archive. Reading it fails only when its file does.
type HTML interface{ HTML() (template.HTML, error) }

// PlainHTML is HTML kept as it is.
type PlainHTML template.HTML

// HTML returns h.
func (h PlainHTML) HTML() (template.HTML, error) { return template.HTML(h), nil }

// Content is the page's body rendered to HTML; empty before rendering.
// Templates read it as .Content, and fail with its error.
func (p *Page) Content() (template.HTML, error) {
	if p.Rendered == nil {
		return "", nil
	}
	return p.Rendered.HTML()
}
