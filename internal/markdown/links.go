package markdown

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// siteBase is the site's base URL as links need it.
type siteBase struct {
	path string // the base URL's path with a trailing slash: "/bantin/", or "/"
	abs  string // the whole base URL, "https://example.org/bantin/"; "" when it is not absolute
}

func newSiteBase(baseURL string) siteBase {
	b := siteBase{path: "/"}
	u, err := url.Parse(baseURL)
	if baseURL == "" || err != nil {
		return b
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		b.path = "/" + p + "/"
	}
	if (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		b.abs = u.Scheme + "://" + u.Host + b.path
	}
	return b
}

// linkContextKey holds the *linkContext of a conversion in the parser
// context.
var linkContextKey = parser.NewContextKey()

// linkContext is what one conversion knows to write its links: the site's
// base, the page, and whether a link needed the base.
type linkContext struct {
	base      siteBase
	page      Page
	rewritten bool // a site path or relative URL was met
}

// sitePath writes a site path ("/a/b/") for the page: under the base
// URL's path, or absolute in a feed.
func (lc *linkContext) sitePath(p string) string {
	lc.rewritten = true
	if lc.page.Feed && lc.base.abs != "" {
		return lc.base.abs + strings.TrimPrefix(p, "/")
	}
	return lc.base.path + strings.TrimPrefix(p, "/")
}

// destination writes the destination of a link or picture: a site path
// follows the base URL; in a feed, a relative URL is made absolute from
// the page's URL. Fragments, other sites' URLs and "//host" URLs are left
// as written.
func (lc *linkContext) destination(dest string) string {
	switch {
	case dest == "" || dest[0] == '#' || strings.HasPrefix(dest, "//") || hasScheme(dest):
		return dest
	case dest[0] == '/':
		return lc.sitePath(dest)
	}
	lc.rewritten = true
	if !lc.page.Feed || lc.base.abs == "" || lc.page.URL == "" {
		return dest
	}
	pageURL, err := url.Parse(lc.base.abs + strings.TrimPrefix(lc.page.URL, "/"))
	ref, refErr := url.Parse(dest)
	if err != nil || refErr != nil {
		return dest
	}
	return pageURL.ResolveReference(ref).String()
}

// hasScheme reports whether u starts with a URL scheme, as "https:" or
// "mailto:" do.
func hasScheme(u string) bool {
	for i, c := range u {
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// linkExtension writes the destinations of links and pictures for the
// site's base URL and, in feeds, as absolute URLs. Links in raw HTML are
// left as written.
type linkExtension struct{}

func (linkExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 700)))
}

// linkTransformer rewrites the destination of every link and picture.
// It runs after figureTransformer, which looks pictures up by their
// destination as written.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	lc, _ := pc.Get(linkContextKey).(*linkContext)
	if lc == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = []byte(lc.destination(string(n.Destination)))
		case *ast.Image:
			n.Destination = []byte(lc.destination(string(n.Destination)))
		}
		return ast.WalkContinue, nil
	})
}

// Link is dest, a link's or picture's destination as written, as the
// conversion of page writes it: a site path under the base URL, and in a
// feed every site path and relative URL absolute. For HTML that shortcodes
// write around the converted Markdown.
func (c *Converter) Link(page Page, dest string) string {
	return (&linkContext{base: c.base, page: page}).destination(dest)
}
