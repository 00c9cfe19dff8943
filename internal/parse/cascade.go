package parse

import (
	"io/fs"
	"path"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// cascadable are the front-matter keys a section's `cascade:` may pass
// down, each with the group of keys that set the same field: a page that
// writes author keeps it against a cascaded authors.
var cascadable = map[string]string{
	"author": "author", "authors": "author", "tags": "tags", "layout": "layout", "draft": "draft",
	"sitemap": "sitemap", "feed": "feed", "build": "build", "_build": "build", "headless": "build",
}

// cascadeLayer is what one _index.md passes down: its cascade's keys and
// values, in order, and a digest of them.
type cascadeLayer struct {
	file  string       // the _index.md, as Page.Source
	pairs []*yaml.Node // key, value, key, value…
	sum   uint64
}

// cascades loads the cascade of each folder's _index.md once, on demand,
// for the pages below it. Safe for concurrent use.
type cascades struct {
	fsys   fs.FS
	root   string
	index  map[string]bool // folders (within the content fs.FS, "." for the top) holding an _index.md
	mu     sync.Mutex
	layers map[string]*cascadeLayer // loaded, by folder; nil for no cascade
}

func newCascades(fsys fs.FS, root string, entries []entry) *cascades {
	c := &cascades{fsys: fsys, root: root, index: map[string]bool{}, layers: map[string]*cascadeLayer{}}
	for _, e := range entries {
		if path.Base(e.name) == "_index.md" {
			c.index[path.Dir(e.name)] = true
		}
	}
	return c
}

// chain returns the cascades that apply to the content file name, nearest
// first: those of the folders above it (not its own folder's, for an
// _index.md, nor a bundle's own).
func (c *cascades) chain(name string, bundle bool) []*cascadeLayer {
	dir := path.Dir(name)
	if path.Base(name) == "_index.md" || bundle {
		dir = parentDir(dir)
	}
	var out []*cascadeLayer
	for ; dir != ""; dir = parentDir(dir) {
		if l := c.layer(dir); l != nil {
			out = append(out, l)
		}
	}
	return out
}

// parentDir is the folder holding dir; "" above the top (".").
func parentDir(dir string) string {
	if dir == "." {
		return ""
	}
	return path.Dir(dir)
}

func (c *cascades) layer(dir string) *cascadeLayer {
	if !c.index[dir] {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.layers[dir]; ok {
		return l
	}
	l := c.load(path.Join(dir, "_index.md"))
	c.layers[dir] = l
	return l
}

// load reads the cascade of one _index.md; its problems are the file's
// own parse's to report.
func (c *cascades) load(name string) *cascadeLayer {
	src, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		return nil
	}
	file := joinSource(c.root, name)
	fm, p := splitFrontMatter(file, src)
	if p != nil || fm.root == nil {
		return nil
	}
	v := valueOf(fm.root, "cascade")
	if v == nil || v.Kind != yaml.MappingNode {
		return nil
	}
	l := &cascadeLayer{file: file, sum: digest(file, src)}
	for i := 0; i+1 < len(v.Content); i += 2 {
		if _, ok := cascadable[v.Content[i].Value]; ok {
			l.pairs = append(l.pairs, v.Content[i], v.Content[i+1])
		}
	}
	return l
}

// valueOf returns the value of key in the mapping m, or nil.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// applyCascade sets, from layers (nearest first), each cascadable field the
// page's own front matter leaves unset, and folds the layers' digests into
// the page's, so that an edit of a cascade changes every page it reaches.
func (f *fields) applyCascade(layers []*cascadeLayer) {
	set := map[string]bool{}
	for _, k := range f.page.Lines {
		if g, ok := cascadable[k.Key]; ok {
			set[g] = true
		}
	}
	for _, l := range layers {
		from := &fields{Reader: yamlfield.Reader{File: l.file}, page: f.page, dates: f.dates, names: f.names}
		for i := 0; i+1 < len(l.pairs); i += 2 {
			k, v := l.pairs[i], l.pairs[i+1]
			if g := cascadable[k.Value]; !set[g] {
				set[g] = true
				from.key(k.Value, v)
			}
		}
		f.page.Digest = (f.page.Digest ^ l.sum) * 1099511628211
	}
}

// cascade checks the cascade: of a home or section page: a set of keys,
// each one that a section may pass down, with a value its pages could
// have. Values are decoded into a page of their own, then thrown away.
func (f *fields) cascade(v *yaml.Node) {
	if !f.page.IsList() {
		f.Errorf(v, "cascade passes values down to the pages below a section, and this page has none").
			WithHint("move it to the _index.md of the section, or to content/_index.md for the whole site")
		return
	}
	if v.Kind != yaml.MappingNode {
		f.Errorf(v, "cascade must be a set of keys, not %s", yamlfield.KindName(v)).
			WithHint("write\ncascade:\n  author: …\n  tags: [ … ]")
		return
	}
	f.page.Cascade = true
	check := &fields{Reader: yamlfield.Reader{File: f.File}, page: &site.Page{Kind: site.KindArticle}, dates: f.dates, names: f.names}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		if _, ok := cascadable[k.Value]; !ok {
			f.Errorf(k, "cascade cannot pass down %q", k.Value).
				WithHint("a section passes down only author, authors, tags, layout, draft, sitemap, feed, build and headless")
			continue
		}
		check.key(k.Value, v.Content[i+1])
	}
	f.Problems = append(f.Problems, check.Problems...)
}
