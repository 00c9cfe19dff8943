package build

import (
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/site"
)

// checkLinks checks the links and pictures of the bodies against the
// files of the build, and returns how many it checked. A build of new
// files checks the whole site, since a page added, moved or removed
// changes where the links of unchanged pages lead; a build that kept the
// last plan and files (keptAll) checks only the pages it rendered, and
// reports the others' problems of the last check. The links of each page
// are listed once, when it is rendered. A build reports every problem as
// a warning (warn); almanac check at its own severity, and links to the
// files that failed to parse as what they are.
func (s *Session) checkLinks(parsed *parse.Result, files map[string]bool, warn bool, plan *lastPlan, problems *diag.List) int {
	var pages []*site.Page
	entries := map[*site.Page]*entryCache{}
	if s.keptAll && plan.links != nil {
		for _, e := range s.rendered {
			pages = append(pages, e.page)
			entries[e.page] = e
		}
	} else {
		plan.links, plan.targets = map[*site.Page][]*diag.Problem{}, s.linkTargets(parsed, files)
		for _, e := range s.entries {
			if e.page != nil {
				entries[e.page] = e
			}
		}
		pages = allPages(parsed.Site)
	}
	bodies := func(p *site.Page) (markdownBody, []bodyLink) {
		e := entries[p]
		if e == nil { // never: every page of a body comes from a content file
			return markdownBody{}, nil
		}
		return s.markdownOf(e.parsed), e.links
	}
	found, n := linkProblems(pages, bodies, plan.targets)
	for i, p := range pages {
		if warn {
			for _, problem := range found[i] {
				problem.Severity = diag.SeverityWarning
			}
		}
		plan.links[p] = found[i]
	}
	for _, ps := range plan.links {
		problems.Add(ps...)
	}
	return n
}

// linkTargets are the pages and files a link may lead to, and the pages
// left out, and the URLs of the files that failed to parse.
func (s *Session) linkTargets(parsed *parse.Result, files map[string]bool) *linkTargets {
	var failed []string
	for name, e := range s.entries {
		if e.parsed != nil {
			continue
		}
		if url, ok := likelyURL(name); ok {
			failed = append(failed, url)
		}
	}
	return pageTargets(parsed.Site, func(rel string) bool { return files[rel] }, parsed.Skipped, failed)
}

// renderedPages are the pages of entries.
func renderedPages(entries []*entryCache) []*site.Page {
	pages := make([]*site.Page, len(entries))
	for i, e := range entries {
		pages[i] = e.page
	}
	return pages
}
