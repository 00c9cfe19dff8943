// This file is the reading stage of a session: every content file parsed
// and its body rendered, or taken from the entries of the last build.

package build

import (
	"html/template"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parallel"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/site"
)

// parseContent scans content/, parses and renders the files not cached,
// and assembles the site from every file's rendered page, or takes the
// last build's site when no edit changed it (lastPlan).
func (s *Session) parseContent(problems *diag.List) *parse.Result {
	opts := parse.Options{Config: s.cfg, Root: "content", Drafts: s.opts.Drafts, Future: s.opts.Future, Now: s.now}
	c := s.scanContent(opts, problems)
	s.refs = newRefIndex(c)
	env := bodyEnv{conv: newConverter(s.cfg), cfg: s.cfg, refs: s.refs}
	caches := make([]*entryCache, c.Len())
	fresh := map[string]*entryCache{}
	for i := range caches {
		if e := s.entries[c.Name(i)]; e != nil {
			caches[i] = e
		} else {
			caches[i] = &entryCache{}
		}
		fresh[c.Name(i)] = caches[i]
	}
	s.entries = fresh // files gone since the last build are forgotten
	s.opts.Progress.enter(Reading, len(caches))
	parallel.For(len(caches), func(i int) {
		s.prepare(c, i, caches[i], env, opts)
		s.opts.Progress.step()
	})
	pages := make([]*site.Page, len(caches))
	for i, e := range caches {
		pages[i] = e.page
		if e.page == nil {
			pages[i] = e.parsed // left out, or nil when parsing failed
		}
		problems.Add(e.parseProblems...)
		problems.Add(e.renderProblems...)
	}
	if s.replan.Swap(false) {
		s.plan = nil
	}
	if s.plan != nil {
		return s.plan.parsed
	}
	if c.Now() != s.now { // a scan kept for an edit; assembling reads the time
		c = parse.Scan(sub(s.opts.Site, "content"), opts, &diag.List{}) // its problems were reported
		s.scan = c
	}
	assembled := &diag.List{}
	parsed := c.Assemble(pages, assembled)
	s.plan = &lastPlan{parsed: parsed, assembled: assembled.Problems()}
	return parsed
}

// prepare parses file i if needed and renders its body if needed.
func (s *Session) prepare(c *parse.Content, i int, e *entryCache, env bodyEnv, opts parse.Options) {
	if e.parsed == nil && e.parseProblems != nil {
		return // it failed, and the file has not changed since
	}
	if e.parsed == nil || e.page == nil && e.bodyless {
		p, ps := c.Parse(i)
		e.parsed, e.parseProblems, e.bodyless = p, ps, false
		if diag.HasError(ps) {
			e.parsed = nil
			s.replan.Store(true)
			return
		}
	}
	if parse.LeftOut(e.parsed, opts) {
		if e.page != nil || e.edited {
			s.replan.Store(true) // a page left the site, or a page left out changed
		}
		e.page, e.csv, e.renderProblems = nil, nil, nil // drafts and future articles are not rendered
		return
	}
	if e.page != nil {
		return
	}
	// The page is rendered as it was parsed, not a copy: rendering it
	// again starts from the file (bodyless), so no pristine copy is kept.
	page := e.parsed
	c.AddResources(page) // charts check their CSV names against the bundle's files
	list := &diag.List{}
	drawn := &charts{theme: s.theme, site: s.opts.Site, lang: s.cfg.Language}
	var html template.HTML
	var feedSpecific bool
	if body, ok := s.kept.get(page); ok {
		html, drawn.files = body.restore(page)
		feedSpecific = body.FeedSpecific
	} else {
		html, feedSpecific = renderBody(env, drawn, page, list)
		if len(list.Problems()) == 0 && !usesRefs(page) { // a ref's target may move: not for later builds
			s.kept.put(page, html, drawn.files, feedSpecific)
		}
	}
	if kept := s.bodies.putHTML(html); kept != nil {
		page.Rendered = kept
	}
	if e.replaces == nil {
		s.replan.Store(true) // a page joined the site: an article's time came, or a draft was published
	}
	page, e.replaces, e.edited = s.keepPlace(e.replaces, page), nil, false
	s.renderMu.Lock()
	s.rendered = append(s.rendered, e)
	s.renderMu.Unlock()
	e.feedBody = ""
	if s.once { // written once, at the end: let them wait out of memory (19 MB of CSV at 100k)
		for i, f := range drawn.files {
			drawn.files[i] = s.bodies.shelve(f.path, f.data)
		}
	}
	e.page, e.csv, e.version, e.renderProblems = page, drawn.files, nextVersion(), list.Problems()
	e.links, e.feedSpecific = bodyLinks(string(html)), feedSpecific
	// The Markdown is read again if the page must be rendered again, or
	// a link of it placed: most pages are never, and the bodies of an
	// archive are hundreds of megabytes.
	page.Body, e.bodyless = nil, true
	e.parsed = page
}
