package build

import (
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/site"
)

// refIndex finds the pages the ref and relref shortcodes name, from the
// scan of content/: bodies are converted before the site is assembled, so
// a target's URL comes from parsing its file, once. A body that calls ref
// is converted again whenever content changes (Session.invalidate).
type refIndex struct {
	content *parse.Content
	once    sync.Once
	byKey   map[string]int   // a file's name without .md and index → its number in content
	byBase  map[string][]int // the last element of that → the files that end so
	mu      sync.Mutex
	urls    map[int]string // the URLs found so far
}

func newRefIndex(c *parse.Content) *refIndex {
	return &refIndex{content: c, urls: map[int]string{}}
}

// refKey is a content file's name as refs name it: "kinh-te/bai" for
// kinh-te/bai.md and kinh-te/bai/index.md, "kinh-te" for its _index.md,
// "" for the home page's.
func refKey(name string) string {
	name = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(name, ".md"), ".markdown"))
	for _, index := range []string{"index", "_index"} {
		if name == index {
			return ""
		}
		if rest, ok := strings.CutSuffix(name, "/"+index); ok {
			return rest
		}
	}
	return name
}

func (r *refIndex) index() {
	r.byKey, r.byBase = map[string]int{}, map[string][]int{}
	for i := range r.content.Len() {
		key := refKey(r.content.Name(i))
		r.byKey[key] = i
		r.byBase[path.Base(key)] = append(r.byBase[path.Base(key)], i)
	}
}

// resolve is the site path of the page target names, from page p, with
// target's #fragment (docs/content.md, "Shortcodes"): a path from
// content/ when it starts with /, else from p's folder, then from
// content/; or a file's name alone, when only one file has it.
func (r *refIndex) resolve(p *site.Page, target string) (string, *diag.Problem) {
	r.once.Do(r.index)
	at, fragment, _ := strings.Cut(target, "#")
	if fragment != "" {
		fragment = "#" + fragment
	}
	if at == "" {
		return fragment, nil // a place in the page itself
	}
	key := refKey(strings.Trim(at, "/"))
	var candidates []string
	if !strings.HasPrefix(at, "/") {
		dir := path.Dir(strings.TrimPrefix(p.Source, "content/"))
		if base := path.Base(p.Source); base == "index.md" || base == "_index.md" {
			candidates = append(candidates, refKey(path.Join(dir, "..", at))) // beside the bundle, first
		}
		candidates = append(candidates, refKey(path.Join(dir, at)))
	}
	candidates = append(candidates, key)
	for _, c := range candidates {
		if i, ok := r.byKey[c]; ok {
			return r.url(i) + fragment, nil
		}
	}
	if !strings.Contains(key, "/") {
		switch files := r.byBase[key]; len(files) {
		case 1:
			return r.url(files[0]) + fragment, nil
		case 0:
		default:
			var names []string
			for _, i := range files {
				names = append(names, r.content.Name(i))
			}
			return "", diag.Errorf(diag.Pos{}, "%s names %d pages: %s", target, len(files), strings.Join(names, ", ")).
				WithHint("write the path from content/: {{< relref \"/%s\" >}}", strings.TrimSuffix(names[0], ".md"))
		}
	}
	problem := diag.Errorf(diag.Pos{}, "%s leads to no page: no content file is %s.md or %s/index.md", target, key, key)
	bases := make([]string, 0, len(r.byBase))
	for b := range r.byBase {
		bases = append(bases, b)
	}
	slices.Sort(bases)
	if near := diag.Closest(path.Base(key), bases); near != "" {
		return "", problem.WithHint("did you mean %s?", "/"+strings.TrimSuffix(r.content.Name(r.byBase[near][0]), ".md"))
	}
	return "", problem.WithHint("name a content file by its path from content/, with or without .md: \"/kinh-te/bai-viet.md\"")
}

// url is the URL of content file i, parsed for it once.
func (r *refIndex) url(i int) string {
	r.mu.Lock()
	u, ok := r.urls[i]
	r.mu.Unlock()
	if ok {
		return u
	}
	if page, _ := r.content.Parse(i); page != nil {
		u = page.URL
	} else { // its problems are reported as its own
		u = "/" + refKey(r.content.Name(i)) + "/"
	}
	r.mu.Lock()
	r.urls[i] = u
	r.mu.Unlock()
	return u
}
