package build

import (
	"net/url"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/parallel"

	"golang.org/x/net/html"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// linkTargets is everything a link of a page body may lead to.
type linkTargets struct {
	isFile func(rel string) bool // a slash path under public/: pages, bundle files, chart CSVs, feeds, assets
	pages  map[string]bool       // URLs of pages, whether or not their layout worked
	left   map[string]*site.Page // URL of a draft or future article left out → the article
	failed []string              // URLs of content files that failed to parse
	site   *site.Site
	names  sync.Once         // makes byName, when a link is broken
	byName map[string]string // last element of a page URL → the URL, for suggestions
	// basePath is the path of the site's base URL, "/bantin/", or "/":
	// rendering puts it before every site path of a Markdown body.
	basePath string
}

// pageTargets returns the link targets of s's pages, with isFile telling
// the files the build writes: the preview looks them up in its tree.
func pageTargets(s *site.Site, isFile func(rel string) bool, skipped []*site.Page, failed []string) *linkTargets {
	pages := allPages(s)
	t := &linkTargets{isFile: isFile, pages: make(map[string]bool, len(pages)), left: map[string]*site.Page{},
		failed: failed, site: s, basePath: basePath(s.Config.BaseURL)}
	for _, p := range pages {
		t.pages[p.URL] = true
	}
	for _, p := range skipped {
		t.left[p.URL] = p
	}
	return t
}

// basePath is the path of a base URL with a trailing slash:
// "https://example.org/bantin" gives "/bantin/"; "/" when it has none.
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || strings.Trim(u.Path, "/") == "" {
		return "/"
	}
	return "/" + strings.Trim(u.Path, "/") + "/"
}

// asWritten returns a URL of a rendered body as the Markdown wrote it: a
// site path without the base URL's path that rendering put before it.
// outside reports a site path not under the base URL's path, as one in
// raw HTML, which is published as written.
func (t *linkTargets) asWritten(v string) (written string, outside bool) {
	if t.basePath == "/" || !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") {
		return v, false
	}
	if rest, ok := strings.CutPrefix(v, t.basePath); ok {
		return "/" + rest, false
	}
	return v, true
}

// exists reports whether a site-relative path leads to a page or file;
// /a/b, /a/b/ and /a/b/index.html all lead to the page /a/b/.
func (t *linkTargets) exists(p string) bool {
	rel := strings.TrimPrefix(p, "/")
	switch {
	case t.pages[p] || t.isFile(rel):
		return true
	case rel == "" || strings.HasSuffix(rel, "/"):
		return t.isFile(rel + "index.html")
	}
	return t.pages[p+"/"] || t.isFile(rel+"/index.html")
}

// pageNamed returns the URL of a page whose last element is name, if any.
func (t *linkTargets) pageNamed(name string) (string, bool) {
	t.names.Do(func() {
		t.byName = map[string]string{}
		for _, p := range allPages(t.site) {
			t.byName[path.Base(p.URL)] = p.URL
		}
	})
	url, ok := t.byName[name]
	return url, ok
}

// leftOut returns the draft or future article at p, if any.
func (t *linkTargets) leftOut(p string) *site.Page {
	if !strings.HasSuffix(p, "/") {
		p = strings.TrimSuffix(p, "index.html")
	}
	if page := t.left[p]; page != nil {
		return page
	}
	return t.left[p+"/"]
}

// ofFailedFile reports whether p is within the URL of a content file that
// failed to parse: that file's own errors are reported already.
func (t *linkTargets) ofFailedFile(p string) bool {
	for _, u := range t.failed {
		if p == strings.TrimSuffix(u, "/") || strings.HasPrefix(p, u) {
			return true
		}
	}
	return false
}

// bodyLink is one URL of a rendered body: a link's href or a picture's src.
type bodyLink struct {
	tag, attr, value string
}

// bodyLinks lists the href and src attributes of body, in order. It
// reads tags without making tokens, and not at all a body with no href=
// or src= in it, as most are: a build runs it on every page.
func bodyLinks(body string) []bodyLink {
	if !mayLink(body) {
		return nil
	}
	var links []bodyLink
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return links
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := ""
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				if attr := string(key); attr == "href" || attr == "src" {
					if tag == "" {
						tag = string(name)
					}
					links = append(links, bodyLink{tag: tag, attr: attr, value: string(val)})
				}
			}
		}
	}
}

// mayLink reports whether body may have an href or src attribute with a
// value: an "=" after those letters, in any case, and perhaps spaces.
func mayLink(body string) bool {
	for i := strings.IndexByte(body, '='); i >= 0; {
		name := strings.TrimRight(body[:i], " \t\r\n\f")
		if hasSuffixFold(name, "href") || hasSuffixFold(name, "src") {
			return true
		}
		next := strings.IndexByte(body[i+1:], '=')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// bodyOf gives a page's Markdown and the links and pictures of its
// rendered body.
type bodyOf func(*site.Page) (markdownBody, []bodyLink)

// linkProblems checks the links and pictures of each page, on all
// cores, and returns each page's problems and how many it checked.
func linkProblems(pages []*site.Page, bodies bodyOf, t *linkTargets) ([][]*diag.Problem, int) {
	found := make([][]*diag.Problem, len(pages))
	var checked atomic.Int64
	parallel.For(len(pages), func(i int) {
		p := pages[i]
		if p.Source == "" {
			return
		}
		body, links := bodies(p)
		if len(links) == 0 {
			return
		}
		finder := &linkFinder{file: p.Source, body: body, next: map[string]int{}}
		checked.Add(int64(len(links)))
		for _, l := range links {
			if problem := t.check(p, l, finder); problem != nil {
				found[i] = append(found[i], problem)
			}
		}
	})
	return found, int(checked.Load())
}

// check returns the problem of one link of page p, or nil when it leads
// somewhere, leaves the site, or only names a place in the page.
func (t *linkTargets) check(p *site.Page, l bodyLink, finder *linkFinder) *diag.Problem {
	if l.value == "" || strings.HasPrefix(l.value, "#") {
		return nil
	}
	var outside bool
	l.value, outside = t.asWritten(l.value)
	u, err := url.Parse(l.value)
	if err != nil {
		return diag.Errorf(finder.find(l.value), "%s %q is not a valid address", what(l), l.value).
			WithHint("write spaces as %%20 and check for stray characters")
	}
	if u.Scheme != "" || u.Host != "" || u.Path == "" {
		return nil
	}
	target := (&url.URL{Path: p.URL}).ResolveReference(&url.URL{Path: u.Path}).Path
	if outside && t.exists(target) {
		return diag.Errorf(finder.find(l.value), "%s %s is published as written, outside the site's path %s, and would break", what(l), l.value, t.basePath).
			WithHint("write it in Markdown, [text](%s) or ![alt](%s), which follows base_url, or put %s before it", l.value, l.value, strings.TrimSuffix(t.basePath, "/"))
	}
	if t.exists(target) || t.ofFailedFile(target) {
		return nil
	}
	pos := finder.find(l.value)
	shown := l.value
	if plain, err := url.PathUnescape(l.value); err == nil {
		shown = plain // as the journalist wrote it, "đ" and not "%C4%91"
	}
	if target != u.Path {
		shown += " (" + target + ")"
	}
	if left := t.leftOut(target); left != nil {
		return leftOutProblem(pos, what(l), shown, left)
	}
	if what(l).String() != "link to" {
		return diag.Errorf(pos, "%s %s is not a file of the site", what(l), shown).
			WithHint("put the file beside index.md in the page's bundle, or fix its name (names are case-sensitive)")
	}
	problem := diag.Errorf(pos, "link to %s leads to no page or file of the site", shown)
	if rest, ok := strings.CutPrefix(target, t.basePath); ok && t.basePath != "/" && t.exists("/"+rest) {
		return problem.WithHint("write site paths from the site's root, /%s: Almanac puts base_url's path %s before them", rest, t.basePath)
	}
	if other, ok := t.pageNamed(path.Base(target)); ok {
		return problem.WithHint("did you mean %s?", other)
	}
	return problem.WithHint("pages are at /<section>/<slug>/ and bundle files beside their page (docs/content.md); fix the address or remove the link")
}

func leftOutProblem(pos diag.Pos, what diag.Text, shown string, left *site.Page) *diag.Problem {
	if left.Draft {
		return diag.Errorf(pos, "%s %s leads to %s, a draft left out of the site", what, shown, left.Source).
			WithHint("publish that article (remove draft: true) or remove the link; almanac check --drafts checks as if drafts were published")
	}
	return diag.Warnf(pos, "%s %s leads to %s, which is dated %s and left out of the site until then",
		what, shown, left.Source, left.Date.Format("2006-01-02 15:04 -07:00")).
		WithHint("the link works once that article is published; almanac check --future checks as if it were")
}

// what names the kind of URL in messages.
func what(l bodyLink) diag.Text {
	switch l.tag {
	case "img":
		return diag.Textf("picture")
	case "audio", "video", "source":
		return diag.Textf("media file")
	}
	return diag.Textf("link to")
}

// linkFinder places the URLs of one page body in its Markdown: each URL at
// its next occurrence as a link destination, so that a link repeated is
// placed at each of its places in turn; a URL used more often than it is
// written (a reference definition, [một][] three times) at its last
// place again, where it is to be mended.
type linkFinder struct {
	file string
	body markdownBody
	next map[string]int // URL as searched → byte offset to search on from
}

// find returns the position of dest in the Markdown, written as it is or
// without percent-encoding (the renderer encodes letters such as "đ"); the
// body's first line when it is in neither form, as for a chart's CSV link.
func (f *linkFinder) find(dest string) diag.Pos {
	forms := []string{dest}
	if plain, err := url.PathUnescape(dest); err == nil && plain != dest {
		forms = append(forms, plain)
	}
	if f.body.text == nil && f.body.reread != nil {
		f.body.text, f.body.line = f.body.reread()
		f.body.reread = nil
	}
	src := string(f.body.text)
	for _, form := range forms {
		if off, ok := destinationAt(src, form, f.next[form]); ok {
			f.next[form] = off + len(form)
			return f.pos(src, off)
		}
	}
	for _, form := range forms { // a reference definition, used again: [one][] … [one][]
		if last := f.next[form]; last > 0 {
			return f.pos(src, last-len(form))
		}
	}
	return diag.Pos{File: f.file, Line: f.body.line, Col: 1}
}

// destinationAt finds dest in src from byte from on where it stands as a
// whole link destination or attribute value of raw HTML: after "(", "<",
// a space or a quote, and before ")", ">", a space, a quote or the end of
// the line.
func destinationAt(src, dest string, from int) (int, bool) {
	for from <= len(src) {
		i := strings.Index(src[from:], dest)
		if i < 0 {
			return 0, false
		}
		off := from + i
		end := off + len(dest)
		before := off > 0 && strings.ContainsRune("(< \t\"'", rune(src[off-1]))
		after := end == len(src) || strings.ContainsRune(")> \t\r\n\"'", rune(src[end]))
		if before && after {
			return off, true
		}
		from = off + 1
	}
	return 0, false
}

// pos turns a byte offset of the body into a position in the page's file,
// counting columns in characters.
func (f *linkFinder) pos(src string, off int) diag.Pos {
	line := f.body.line + strings.Count(src[:off], "\n")
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{File: f.file, Line: line, Col: utf8.RuneCountInString(src[start:off]) + 1}
}
