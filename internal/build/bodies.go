package build

import (
	"html/template"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/markdown"
	"github.com/almanac-news/almanac/internal/site"
)

// allPages lists every page whose body is rendered: home, sections, articles and stand-alone pages.
func allPages(s *site.Site) []*site.Page {
	sections := s.AllSections()
	pages := make([]*site.Page, 0, len(s.Pages)+len(s.Unlisted)+len(sections)+1)
	pages = append(pages, s.Home)
	for _, sec := range sections {
		pages = append(pages, sec.Page)
	}
	pages = append(pages, s.Pages...)
	return append(pages, s.Unlisted...)
}

// newConverter is the Markdown converter of a site: raw HTML as the site
// allows, links and pictures under its base URL.
func newConverter(cfg site.Config) *markdown.Converter {
	return markdown.New(markdown.Options{AllowHTML: cfg.AllowHTML, BaseURL: cfg.BaseURL})
}

// bodyEnv is what converting the bodies of one build needs besides each
// page: the converter, the site's settings and what ref shortcodes lead to.
type bodyEnv struct {
	conv *markdown.Converter
	cfg  site.Config
	refs *refIndex // nil for feeds, whose bodies were checked when first converted
}

// renderBody renders one page's body and checks its figures: it fills
// Summary, when the front matter gave none, and Words, and returns the HTML
// for the caller to keep (Session.bodies). The smaller copies of its pictures
// join c's files. It reports whether feeds need a rendering of their own
// (feedHTML): the body draws charts, or has links or pictures written as
// site paths.
func renderBody(env bodyEnv, c *charts, p *site.Page, problems *diag.List) (html template.HTML, feedSpecific bool) {
	blocks := figure.NewChartBlocks(p)
	pictures := newBodyPictures(c.site, p, newImageCache())
	md := markdown.Page{Fences: c.fences(p, blocks, problems), URL: p.URL, Picture: pictures.picture}
	host := &pageHost{conv: env.conv, page: p, md: md, pictures: pictures, refs: env.refs, cfg: env.cfg, lang: c.lang}
	md.Shortcodes = shortcodes(host, c.theme)
	res, err := env.conv.ConvertPage(p.Body, md)
	p.Shortcodes = res.Shortcodes
	shortcodeProblems(p, res, problems)
	for _, fe := range markdown.FenceErrors(err) {
		problems.Add(diag.Errorf(diag.Pos{File: p.Source, Line: p.BodyLine + fe.Line - 1, Col: 1}, "%v", fe.Err))
	}
	if deep, ok := err.(*markdown.DepthError); ok {
		problems.Add(diag.Errorf(diag.Pos{File: p.Source, Line: p.BodyLine + deep.Line - 1, Col: 1},
			"lists and quotes nest more than %d deep here", markdown.MaxDepth).
			WithHint("write the list flatter: readers follow a few levels, not a hundred"))
	}
	html = res.HTML + c.drawUnplaced(p, blocks, problems)
	if p.Summary == "" {
		p.Summary = res.Summary
	}
	p.Words = markdown.Words(string(html))
	problems.Add(figure.Check(p)...)
	problems.Add(pictures.problems...)
	c.mu.Lock()
	c.files = append(c.files, pictures.files...)
	c.mu.Unlock()
	return html, len(p.Charts) > 0 || res.SiteLinks || len(res.Shortcodes) > 0
}

// feedHTML renders the Markdown body of the rendered page p again for
// feed readers, which run no scripts and read links from elsewhere: each
// chart as its data table, every link and picture absolute. Its problems
// were reported by the first rendering. Only the articles a feed shows
// are rendered so, when it shows them.
func feedHTML(env bodyEnv, c *charts, p *site.Page, body []byte) template.HTML {
	page := *p
	page.Body = body
	feed := &charts{theme: c.theme, site: c.site, lang: c.lang, feed: true}
	ignored := &diag.List{}
	blocks := figure.NewChartBlocks(&page)
	pictures := newBodyPictures(c.site, &page, newImageCache())
	md := markdown.Page{Fences: feed.fences(&page, blocks, ignored), URL: page.URL, Feed: true, Picture: pictures.picture}
	host := &pageHost{conv: env.conv, page: &page, md: md, pictures: pictures, refs: env.refs, cfg: env.cfg, lang: c.lang}
	md.Shortcodes = shortcodes(host, c.theme)
	res, _ := env.conv.ConvertPage(body, md)
	return res.HTML + feed.drawUnplaced(&page, blocks, ignored)
}
