package build

import (
	"io/fs"
	"reflect"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

// lastPlan is the last good build's site and plan, which the next build
// of the session takes as they are when no edit since changed what
// assembling and planning read: the common save, an article's body.
// The pages edited are then updated in place (Session.keepPlace), so
// that the plan's outputs show them; their signatures tell which outputs
// to render again, as always.
type lastPlan struct {
	parsed    *parse.Result
	outputs   []render.Output
	assembled []*diag.Problem                // the problems assembling reported
	planned   []*diag.Problem                // and planning
	manifest  any                            // the assets the plan's URLs come from
	lists     siteLists                      // what the feeds and sitemaps are made from
	built     bool                           // a build of this plan succeeded
	deps      map[*site.Page][]int32         // page → the outputs that show it: dependents
	links     map[*site.Page][]*diag.Problem // the problems of each page's links, by the last check
	targets   *linkTargets                   // what the links were checked against
}

// dependents lists the outputs that show any of pages (the page itself
// or a dependency), each once; the index is made the first time it is
// asked for.
func (p *lastPlan) dependents(pages []*site.Page) []int {
	if p.deps == nil {
		p.deps = map[*site.Page][]int32{}
		for i, out := range p.outputs {
			if out.Page != nil {
				p.deps[out.Page] = append(p.deps[out.Page], int32(i))
			}
			for _, d := range out.Deps() {
				if d != out.Page {
					p.deps[d] = append(p.deps[d], int32(i))
				}
			}
		}
	}
	seen := map[int32]bool{}
	var out []int
	for _, page := range pages {
		for _, i := range p.deps[page] {
			if !seen[i] {
				seen[i] = true
				out = append(out, int(i))
			}
		}
	}
	return out
}

// scanContent lists the content files: the last build's list when the
// last plan still holds, since no file came or went, else a new scan.
func (s *Session) scanContent(opts parse.Options, problems *diag.List) *parse.Content {
	if s.plan != nil && s.scan != nil {
		problems.Add(s.scanned...)
		return s.scan
	}
	found := &diag.List{}
	s.scan = parse.Scan(sub(s.opts.Site, "content"), opts, found)
	s.scanned = found.Problems()
	problems.Add(s.scanned...)
	return s.scan
}

// editedFile reports whether name, a path within content/, is a content
// file the session has and still exists: an edit, which leaves the set
// of files as it was.
func (s *Session) editedFile(name string) bool {
	if _, ok := s.entries[name]; !ok || !strings.HasSuffix(name, ".md") {
		return false
	}
	st, err := fs.Stat(s.opts.Site, "content/"+name)
	return err == nil && st.Mode().IsRegular()
}

// keepPlace puts the page parsed and rendered again from an edited file
// in place of the page it replaces, when the edit changed nothing that
// assembling and planning read, and returns the page to keep; otherwise
// it marks the last plan stale.
func (s *Session) keepPlace(old, page *site.Page) *site.Page {
	if old == nil || s.plan == nil {
		return page
	}
	if old.URL != page.URL || old.Kind != page.Kind || !reflect.DeepEqual(planView(old), planView(page)) {
		s.replan.Store(true)
		return page
	}
	*old = *page
	return old
}

// planView is what assembling and planning read of a page: everything
// but its body (and the words it counts), and its picture's size, which
// sizing fills in later.
func planView(p *site.Page) site.Page {
	v := *p
	v.Body, v.Rendered, v.Words, v.Digest = nil, nil, 0, 0
	v.Translations = nil // given after reading, the same unless a build reads every page again (buildEditions)
	if p.Image != nil {
		img := *p.Image
		img.Width, img.Height, img.Srcset = 0, 0, nil
		v.Image = &img
	}
	return v
}
