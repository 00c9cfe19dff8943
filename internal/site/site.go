// Package site is Almanac's model of a site: its configuration, sections
// and pages, as the parse stage produces them and the render stage reads
// them. It imports only the standard library, so every stage can share it.
//
// The model is plain data. Parse fills it; after that it is read-only, which
// is what lets the render stage work on many pages at once.
package site

import (
	"html/template"
	"time"
)

// Kind tells what a page is.
type Kind string

const (
	KindHome    Kind = "home"    // content/_index.md, or the implied home page
	KindSection Kind = "section" // content/<section>/_index.md, or implied
	KindArticle Kind = "article" // content/<section>/<slug>.md or .../<slug>/index.md
	KindPage    Kind = "page"    // a stand-alone page such as content/gioi-thieu.md
)

// Site is the whole parsed site.
type Site struct {
	Config   Config
	Home     *Page      // the home page (Kind == KindHome)
	Sections []*Section // ordered by weight, then title
	Pages    []*Page    // articles and stand-alone pages, newest first
}

// Section is a folder of articles under content/.
type Section struct {
	Name     string  // folder name, e.g. "cong-thuong"
	Page     *Page   // the section's own page, from _index.md or implied
	Articles []*Page // newest first; drafts and future articles left out unless asked for
}

// Page is one content file and everything the front matter says about it.
type Page struct {
	Kind    Kind
	Source  string // path of the content file, relative to the site root, slash-separated
	Digest  uint64 // of Source's bytes as parsed: an edited file has another
	Section string // section folder name; empty for the home page and stand-alone pages
	Slug    string // last element of the URL
	URL     string // site-relative URL with leading and trailing slash, e.g. "/cong-thuong/bao-cao/"
	Layout  string // layout named in front matter; empty for the kind's default

	Title     string
	Summary   string // plain text: the front matter's summary, or the body's first paragraph
	Date      time.Time
	Lastmod   time.Time // zero when not given
	Authors   []string
	Tags      []Tag
	Image     *Image
	Audio     string // site-relative URL of an audio file, or empty
	Draft     bool
	Weight    int
	Params    map[string]any // every other front-matter key, as decoded; nil when there is none
	Lines     KeyLines       // line in Source of each top-level front-matter key
	Resources []Resource     // files beside index.md in a page bundle

	// DateOnly and LastmodDateOnly report that Date and Lastmod were
	// written as a day without a time of day (date: 2021-10-06): Date is
	// then midnight in the site's time zone, and datelines show no time.
	DateOnly        bool
	LastmodDateOnly bool

	Body     []byte // Markdown after the front matter
	BodyLine int    // line of Body's first byte in Source
	Rendered HTML   // Body rendered to HTML, as the build keeps it; read it with Content
	Words    int    // words a reader reads in Rendered: its text but scripts, styles and drawings

	Figures []Figure // figures declared in front matter (issue: figures and charts)
	KPIs    []string // indicators shown as KPI cards, in order; nil: every indicator, empty: none
	Charts  []Chart  // charts declared in front matter or in the body
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
