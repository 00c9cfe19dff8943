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
// FenceFunc, such as ```chart, are rendered by that function.
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
}

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md      goldmark.Markdown
	fences  map[string]FenceFunc
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
		goldmark.WithExtensions(extension.GFM, extension.Footnote, fenceExtension{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(rendererOptions...),
	)
	return &Converter{
		md:     md,
		fences: maps.Clone(opts.Fences), // callers may change theirs later
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
// does not otherwise fail, whatever the input.
func (c *Converter) Convert(src []byte) (Result, error) {
	return c.ConvertWith(src, nil)
}

// ConvertWith is Convert with fence functions for this call only, such as
// a chart renderer that knows the page being converted. A key of fences
// takes precedence over the same key of the Options.
func (c *Converter) ConvertWith(src []byte, fences map[string]FenceFunc) (Result, error) {
	fenceCtx := &fenceContext{page: fences, site: c.fences}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(fenceContextKey, fenceCtx)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	var res Result
	res.Headings, res.Summary = outline(doc, src)

	out := c.outputs.Get().(*output)
	defer c.outputs.Put(out)
	out.html.Reset()
	out.w.Reset(&out.html)
	renderErr := c.md.Renderer().Render(out.w, src, doc) // flushes out.w
	res.HTML = template.HTML(out.html.String())
	return res, errors.Join(append(fenceCtx.errs, renderErr)...)
}
