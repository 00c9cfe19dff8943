package parse

import (
	"cmp"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// assemble puts parsed pages in their sections, checks URLs are unique and
// leaves out drafts and future articles unless asked for.
func assemble(pages []*site.Page, resources map[string][]string, opts *Options, problems *diag.List) *Result {
	s := &site.Site{Config: opts.Config}
	res := &Result{Site: s}
	tree := sectionTree{}
	byURL := map[string]*site.Page{}
	for _, p := range pages {
		if p == nil {
			continue
		}
		if prev, dup := byURL[p.URL]; dup && !p.Headless && !prev.Headless {
			problems.Add(diag.Errorf(diag.Pos{File: p.Source, Line: 1, Col: 1},
				"this page and %s both make the page %s", prev.Source, p.URL).
				Also(diag.Pos{File: prev.Source, Line: 1, Col: 1}).
				WithHint("give one of them another file name or slug"))
			continue
		}
		byURL[p.URL] = p
		if LeftOut(p, *opts) {
			res.Skipped = append(res.Skipped, p)
			continue
		}
		addResources(p, resources, opts.Root)
		place(s, tree, p)
	}
	if s.Home == nil {
		s.Home = &site.Page{Kind: site.KindHome, URL: "/", Title: opts.Config.Title}
	}
	s.Sections = tree.finish(&opts.Config)
	slices.SortStableFunc(s.Pages, newestFirst)
	slices.SortStableFunc(s.Unlisted, newestFirst)
	slices.SortStableFunc(s.Headless, newestFirst)
	return res
}

// place puts page p where it belongs in s: its section's list, the site's
// pages or its unlisted pages.
func place(s *site.Site, tree sectionTree, p *site.Page) {
	switch p.Kind {
	case site.KindHome:
		s.Home = p
	case site.KindSection:
		tree.at(p.Section).Page = p
	case site.KindArticle:
		sec := tree.at(p.Section)
		if p.List != site.ListNever && !p.Headless {
			sec.Articles = append(sec.Articles, p)
		}
		listed(s, p)
	default:
		listed(s, p)
	}
}

// listed adds p to the site's pages when it is listed everywhere, to its
// unlisted pages when it is rendered but not listed, to its headless
// pages when it is not rendered.
func listed(s *site.Site, p *site.Page) {
	switch {
	case p.Headless:
		s.Headless = append(s.Headless, p)
	case p.List == site.ListAlways:
		s.Pages = append(s.Pages, p)
	default:
		s.Unlisted = append(s.Unlisted, p)
	}
}

// LeftOut reports whether a build with opts leaves p out: a draft, an
// article dated after opts.Now, or a page published (publishDate) after
// it, unless asked for; or a page expired (expiryDate) by then.
func LeftOut(p *site.Page, opts Options) bool {
	if p.Draft && !opts.Drafts {
		return true
	}
	if opts.Now.IsZero() {
		return false
	}
	if !p.Expires.IsZero() && !p.Expires.After(opts.Now) {
		return true
	}
	future := p.Kind == site.KindArticle && p.Date.After(opts.Now) || p.Publish.After(opts.Now)
	return future && !opts.Future
}

// sectionTree is the sections of a site by Path, while pages are placed.
type sectionTree map[string]*site.Section

// at returns the section at path, making it and its ancestors as needed.
func (t sectionTree) at(path string) *site.Section {
	if sec := t[path]; sec != nil {
		return sec
	}
	sec := &site.Section{Path: path}
	t[path] = sec
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		sec.Parent = t.at(path[:i])
		sec.Parent.Sections = append(sec.Parent.Sections, sec)
	}
	return sec
}

// finish gives implied sections a page, adds each section's articles to
// its ancestors' lists, sorts everything and returns the top-level sections.
func (t sectionTree) finish(cfg *site.Config) []*site.Section {
	var top []*site.Section
	for _, sec := range t {
		if sec.Page == nil {
			sec.Page = &site.Page{Kind: site.KindSection, Section: sec.Path, URL: "/" + sec.Path + "/",
				Title: impliedTitle(sec.Path, cfg)}
		}
		if sec.Parent == nil {
			top = append(top, sec)
		}
	}
	sortSections(top)
	for _, sec := range top {
		gather(sec)
	}
	return top
}

// gather adds the articles of sec's subsections to sec's own, newest first.
func gather(sec *site.Section) {
	sortSections(sec.Sections)
	for _, sub := range sec.Sections {
		gather(sub)
		sec.Articles = append(sec.Articles, sub.Articles...)
	}
	slices.SortStableFunc(sec.Articles, newestFirst)
}

func sortSections(list []*site.Section) {
	slices.SortFunc(list, func(a, b *site.Section) int {
		return cmp.Or(compareWeight(a.Page.Weight, b.Page.Weight), strings.Compare(a.Page.Title, b.Page.Title), strings.Compare(a.Path, b.Path))
	})
}

// impliedTitle names a section without _index.md after its menu entry or
// its folder's slug.
func impliedTitle(path string, cfg *site.Config) string {
	for _, m := range cfg.Menu {
		if m.URL == "/"+path+"/" {
			return m.Name
		}
	}
	return strings.ReplaceAll(path[strings.LastIndexByte(path, '/')+1:], "-", " ")
}

// compareWeight orders by weight, lower first; an unset weight (0) goes last.
func compareWeight(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

func newestFirst(a, b *site.Page) int {
	return cmp.Or(b.Date.Compare(a.Date), compareWeight(a.Weight, b.Weight),
		strings.Compare(a.Title, b.Title), strings.Compare(a.Source, b.Source))
}

// addResources lists a bundle's files on its page.
func addResources(p *site.Page, resources map[string][]string, root string) {
	dir := strings.TrimSuffix(strings.TrimPrefix(p.Source, root+"/"), "/index.md")
	if dir == strings.TrimPrefix(p.Source, root+"/") {
		return
	}
	names := slices.Clone(resources[dir])
	slices.Sort(names)
	list := make([]site.Resource, 0, len(names))
	for _, n := range names {
		list = append(list, site.Resource{Source: joinSource(root, dir+"/"+n), Name: n, URL: p.URL + n})
	}
	p.Resources = list
}
