package build

import (
	"io/fs"
	"sync"

	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/site"
)

// markdownOf is the Markdown of a parsed page, read again from its file
// when the page has let it go.
func (s *Session) markdownOf(p *site.Page) markdownBody {
	if p.Body != nil {
		return markdownBody{text: p.Body, line: p.BodyLine}
	}
	return markdownBody{line: p.BodyLine, reread: func() ([]byte, int) {
		src, err := fs.ReadFile(s.opts.Site, p.Source)
		if err != nil {
			return nil, p.BodyLine // placed at the body's first line
		}
		return parse.BodyOf(p.Source, src)
	}}
}

// feedBodies returns the feed.Options.Body of this build: a page's
// Content, or for pages that need one, the rendering for feeds, made the
// first time a feed shows the page and kept while the page is.
func (s *Session) feedBodies() func(*site.Page) (string, error) {
	var entries map[*site.Page]*entryCache // made when a feed first shows a page
	env := bodyEnv{conv: newConverter(s.cfg), cfg: s.cfg, refs: s.refs}
	drawn := &charts{theme: s.theme, site: s.opts.Site, lang: s.cfg.Language}
	var mu sync.Mutex
	return func(p *site.Page) (string, error) {
		mu.Lock()
		if entries == nil {
			entries = make(map[*site.Page]*entryCache, len(s.entries))
			for _, e := range s.entries {
				if e.page != nil {
					entries[e.page] = e
				}
			}
		}
		e := entries[p]
		mu.Unlock()
		if e == nil || !e.feedSpecific {
			html, err := p.Content()
			return string(html), err
		}
		mu.Lock()
		defer mu.Unlock()
		if e.feedBody == "" {
			md := s.markdownOf(e.parsed)
			if md.text == nil {
				md.text, _ = md.reread()
			}
			e.feedBody = feedHTML(env, drawn, p, md.text)
		}
		return string(e.feedBody), nil
	}
}
