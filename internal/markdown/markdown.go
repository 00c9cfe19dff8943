// Package markdown renders page bodies from Markdown to HTML with goldmark.
//
// A Converter is built once per site and used by many goroutines at once.
// Besides the HTML, a conversion returns what the rest of the build needs
// from the same parse: the headings with their IDs, for tables of
// contents, and the plain text of the first paragraph, for summaries.
//
// The dialect is CommonMark with the GitHub extensions (tables,
// strikethrough, autolinks, task lists) and footnotes. Headings get IDs
// made with package slug, unique within the page, or the ID the author
// wrote as {#id}. Quotes stay as written. Raw HTML is dropped unless the
// site allows it, and links to javascript: and other dangerous URLs are
// always emptied. Fenced blocks whose info string names a registered
// FenceFunc, such as ```chart, are rendered by that function; other
// fenced blocks whose language chroma knows, such as ```go, are
// highlighted with CSS classes (highlight.go).
//
// Links and pictures written as site paths ("/thi-dua/bai/") follow the
// path of the site's base URL ("/bantin/thi-dua/bai/"), and in feeds
// every link and picture of the page is absolute (links.go). A picture
// alone in its paragraph with a title becomes a <figure> whose caption
// is the title, its credit ("Ảnh: …") set apart; every picture of the
// page bundle gets its size and smaller copies (figures.go).
package markdown

import (
	"bufio"
	"bytes"
	"errors"
	"html/template"
	"maps"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/shortcode"
	"github.com/almanac-news/almanac/internal/site"
)

// Options configure a Converter.
type Options struct {
	// AllowHTML keeps raw HTML. Otherwise raw HTML is left out and
	// "<!-- raw HTML omitted -->" stands in its place.
	AllowHTML bool
	// Fences maps the first word of a fenced block's info string, such as
	// "chart", to the function that renders such blocks on every page.
	Fences map[string]FenceFunc
	// BaseURL is the site's base_url, such as "https://example.org/bantin/".
	// Links and pictures written as site paths get its path in pages, and
	// its whole address in feeds. Empty or "/": site paths stay as written.
	BaseURL string
}

// Page is what one conversion knows of the page being converted.
type Page struct {
	// Fences are fence functions for this page only; a key takes
	// precedence over the same key of the Options.
	Fences map[string]FenceFunc
	// URL is the page's site-relative URL ("/cong-thuong/bao-cao/"): in a
	// feed, relative links and pictures are made absolute from it.
	URL string
	// Feed makes every link and picture absolute, for feed readers.
	Feed bool
	// Picture returns the size and smaller copies of the picture at dest,
	// as written in the Markdown, when it is a file of the page; nil or
	// false leaves the picture without them.
	Picture func(dest string) (Picture, bool)
	// Shortcodes expand the body's shortcodes before it is converted
	// (package shortcode); nil leaves them as written.
	Shortcodes *shortcode.Options
}

// Picture is what the build knows of a picture of a page body.
type Picture struct {
	Width, Height int                 // in pixels; zero when unknown
	Srcset        []site.ImageVariant // narrowest first, then the picture; site-relative URLs
}

// FenceFunc renders a special fenced block. body is the block's content;
// line is the 1-based line, within the Markdown given to Convert, of the
// first line of that content (the line after the opening fence). The HTML
// it returns is inserted verbatim. When it returns an error, Convert
// collects the error and the block renders as nothing.
type FenceFunc func(body []byte, line int) (template.HTML, error)

// Result is a rendered page body.
type Result struct {
	HTML template.HTML
	// Headings lists every heading in document order, with its ID and
	// plain text.
	Headings []site.Heading
	// Summary is the plain text of the first paragraph, inline markup
	// stripped and white space collapsed, or "" when there is none.
	Summary string
	// SiteLinks reports a link or picture written as a site path or a
	// relative URL: a conversion with Page.Feed writes it differently.
	SiteLinks bool
	// Shortcodes are the names of the shortcodes the body calls, each
	// once, sorted, and ShortcodeProblems what was wrong with the calls,
	// at lines of the Markdown given (no file).
	Shortcodes        []string
	ShortcodeProblems []*diag.Problem
}

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md      goldmark.Markdown
	fences  map[string]FenceFunc
	base    siteBase
	outputs sync.Pool // of *output, reused between conversions
}

// output is where a conversion renders to. goldmark wants a buffered
// writer; keeping both in a pool spares two allocations a page.
type output struct {
	html bytes.Buffer
	w    *bufio.Writer
}

// New returns a Converter configured by opts.
func New(opts Options) *Converter {
	rendererOptions := []renderer.Option{}
	if opts.AllowHTML {
		rendererOptions = append(rendererOptions,
			renderer.WithNodeRenderers(util.Prioritized(rawHTMLRenderer{}, 100)))
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, fenceExtension{},
			highlightExtension{}, figureExtension{}, linkExtension{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(rendererOptions...),
	)
	return &Converter{
		md:     md,
		fences: maps.Clone(opts.Fences), // callers may change theirs later
		base:   newSiteBase(opts.BaseURL),
		outputs: sync.Pool{New: func() any {
			out := new(output)
			out.w = bufio.NewWriter(&out.html)
			return out
		}},
	}
}

// Convert renders src with the fence functions of the Converter's Options.
// The error, when not nil, joins a *FenceError for every fenced block
// whose FenceFunc failed; the Result is complete all the same. Convert
// does not otherwise fail, whatever the input, but for a body nested too
// deep (*DepthError), which gives no Result.
func (c *Converter) Convert(src []byte) (Result, error) {
	return c.ConvertWith(src, nil)
}

// ConvertWith is Convert with fence functions for this call only, such as
// a chart renderer that knows the page being converted. A key of fences
// takes precedence over the same key of the Options.
func (c *Converter) ConvertWith(src []byte, fences map[string]FenceFunc) (Result, error) {
	return c.ConvertPage(src, Page{Fences: fences})
}

// ConvertPage is Convert for one page: its fence functions, its URL, its
// pictures, and whether it is converted for a feed. A body whose lists or
// quotes nest deeper than MaxDepth is not converted: the error is a
// *DepthError.
func (c *Converter) ConvertPage(src []byte, page Page) (Result, error) {
	var res Result
	lineOf := func(n int) int { return n }
	var calls *shortcode.Expansion
	if page.Shortcodes != nil && shortcode.Has(src) {
		calls, res.ShortcodeProblems = shortcode.Expand(src, *page.Shortcodes)
		src, lineOf, res.Shortcodes = calls.Source, calls.Line, calls.Used
	}
	if line, deep := tooDeep(src); deep {
		return res, &DepthError{Line: lineOf(line)}
	}
	fenceCtx := &fenceContext{page: page.Fences, site: c.fences, line: lineOf}
	links := &linkContext{base: c.base, page: page}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(fenceContextKey, fenceCtx)
	pc.Set(linkContextKey, links)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	res.Headings, res.Summary = outline(doc, src)
	res.SiteLinks = links.rewritten

	out := c.outputs.Get().(*output)
	defer c.outputs.Put(out)
	out.html.Reset()
	out.w.Reset(&out.html)
	renderErr := c.md.Renderer().Render(out.w, src, doc) // flushes out.w
	res.HTML = template.HTML(out.html.String())
	if calls != nil {
		res.HTML = template.HTML(calls.Replace(string(res.HTML)))
		res.Summary = calls.Plain(res.Summary)
		for i := range res.Headings {
			res.Headings[i].Text = calls.Plain(res.Headings[i].Text)
		}
	}
	return res, errors.Join(append(fenceCtx.errs, renderErr)...)
}
