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
	sections := map[string]*site.Section{}
	byURL := map[string]*site.Page{}
	for _, p := range pages {
		if p == nil {
			continue
		}
		if prev, dup := byURL[p.URL]; dup {
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
		switch p.Kind {
		case site.KindHome:
			s.Home = p
		case site.KindSection:
			sectionFor(sections, p.Section).Page = p
		case site.KindArticle:
			sec := sectionFor(sections, p.Section)
			sec.Articles = append(sec.Articles, p)
			s.Pages = append(s.Pages, p)
		default:
			s.Pages = append(s.Pages, p)
		}
	}
	if s.Home == nil {
		s.Home = &site.Page{Kind: site.KindHome, URL: "/", Title: opts.Config.Title}
	}
	s.Sections = finishSections(sections, &opts.Config)
	slices.SortStableFunc(s.Pages, newestFirst)
	return res
}

// LeftOut reports whether a build with opts leaves p out: a draft, or an
// article dated after opts.Now, unless asked for.
func LeftOut(p *site.Page, opts Options) bool {
	if p.Draft && !opts.Drafts {
		return true
	}
	return p.Kind == site.KindArticle && !opts.Future && !opts.Now.IsZero() && p.Date.After(opts.Now)
}

func sectionFor(m map[string]*site.Section, name string) *site.Section {
	sec := m[name]
	if sec == nil {
		sec = &site.Section{Name: name}
		m[name] = sec
	}
	return sec
}

// finishSections gives implied sections a page and sorts everything.
func finishSections(m map[string]*site.Section, cfg *site.Config) []*site.Section {
	out := make([]*site.Section, 0, len(m))
	for _, sec := range m {
		if sec.Page == nil {
			sec.Page = &site.Page{Kind: site.KindSection, Section: sec.Name, URL: "/" + sec.Name + "/",
				Title: impliedTitle(sec.Name, cfg)}
		}
		slices.SortStableFunc(sec.Articles, newestFirst)
		out = append(out, sec)
	}
	slices.SortFunc(out, func(a, b *site.Section) int {
		return cmp.Or(compareWeight(a.Page.Weight, b.Page.Weight), strings.Compare(a.Page.Title, b.Page.Title), strings.Compare(a.Name, b.Name))
	})
	return out
}

// impliedTitle names a section without _index.md after its menu entry or folder.
func impliedTitle(name string, cfg *site.Config) string {
	for _, m := range cfg.Menu {
		if m.URL == "/"+name+"/" {
			return m.Name
		}
	}
	return strings.ReplaceAll(name, "-", " ")
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
