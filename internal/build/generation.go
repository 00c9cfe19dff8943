package build

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"maps"
	"path"
	"slices"
	"sync/atomic"

	"github.com/almanac-news/almanac/internal/parallel"

	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

var versions atomic.Uint64

// nextVersion numbers rendered pages and asset sets, so that a signature
// can tell a reused object from a new one.
func nextVersion() uint64 { return versions.Add(1) }

// render makes the new output tree: assets, chart CSV files, bundle files,
// feeds and sitemaps, and every page, reusing the previous bytes of
// outputs whose signature did not change.
func (s *Session) render(st *site.Site, outputs []render.Output) (*generation, *Change, error) {
	gen := &generation{tree: Tree{}, sigs: make(map[string]uint64, len(outputs)), urls: map[string]string{}}
	for _, f := range s.manifest.Files() {
		gen.tree[f.Output] = f.Data
	}
	if err := s.addPageFiles(st, gen.tree); err != nil {
		return nil, nil, err
	}
	versionOf := s.versions()
	shape := s.shapeOf(st, versionOf)
	if err := s.addSiteFiles(st, outputs, gen, versionOf, shape); err != nil {
		return nil, nil, err
	}
	rendered, err := s.renderChanged(outputs, gen, versionOf, shape)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range st.Pages {
		gen.urls[p.URL] = p.Title
	}
	return gen, s.diff(gen, rendered), nil
}

// addSiteFiles adds the feeds and sitemaps, reusing unchanged ones.
func (s *Session) addSiteFiles(st *site.Site, outputs []render.Output, gen *generation, versionOf map[*site.Page]uint64, shape uint64) error {
	m := &memo{versionOf: versionOf, shape: shape, next: map[uint64][]byte{}}
	if s.last != nil {
		m.prev = s.last.extras
	}
	extra, err := siteFiles(st, outputs, s.now, m)
	if err != nil {
		return err
	}
	for _, f := range extra {
		gen.tree[f.path] = f.data
	}
	gen.extras = m.next
	return nil
}

// renderChanged puts every output in gen's tree: the last build's bytes
// when its signature is the same, else freshly rendered, on all cores.
// It returns how many it rendered.
func (s *Session) renderChanged(outputs []render.Output, gen *generation, versionOf map[*site.Page]uint64, shape uint64) (int, error) {
	var todo []int
	for i, out := range outputs {
		sig := signature(shape, out, versionOf)
		gen.sigs[out.Path] = sig
		if prev := s.last; prev != nil && prev.sigs[out.Path] == sig {
			gen.tree[out.Path] = prev.tree[out.Path]
			continue
		}
		todo = append(todo, i)
	}
	rendered := make([][]byte, len(todo))
	var failed atomic.Pointer[error]
	parallel.For(len(todo), func(k int) {
		var b bytes.Buffer
		if err := outputs[todo[k]].Render(&b); err != nil {
			failed.CompareAndSwap(nil, &err)
		}
		rendered[k] = b.Bytes()
	})
	if errp := failed.Load(); errp != nil {
		return 0, *errp
	}
	for k, i := range todo {
		gen.tree[outputs[i].Path] = rendered[k]
	}
	return len(todo), nil
}

// addPageFiles adds the chart CSV files and the bundle files of every page.
func (s *Session) addPageFiles(st *site.Site, tree Tree) error {
	for _, e := range s.entries {
		for _, f := range e.csv {
			tree[f.path] = f.data
		}
		for _, f := range e.image.files {
			tree[f.path] = f.data
		}
	}
	for _, p := range st.Pages {
		for _, r := range p.Resources {
			b, err := s.blob(r.Source)
			if err != nil {
				return err
			}
			tree[r.URL[1:]] = b
		}
	}
	return nil
}

// versions maps each rendered page to its version.
func (s *Session) versions() map[*site.Page]uint64 {
	m := make(map[*site.Page]uint64, len(s.entries))
	for _, e := range s.entries {
		if e.page != nil {
			m[e.page] = e.version
		}
	}
	return m
}

// shapeOf digests what every page shows: configuration, theme and assets
// (s.shape), the sections and the date of the newest article.
func (s *Session) shapeOf(st *site.Site, versionOf map[*site.Page]uint64) uint64 {
	h := fnv.New64a()
	write := func(v uint64) { _ = binary.Write(h, binary.LittleEndian, v) }
	write(s.shape)
	write(versionOf[st.Home])
	for _, sec := range st.Sections {
		h.Write([]byte(sec.Name))
		write(versionOf[sec.Page])
	}
	for _, p := range st.Pages { // newest first: the masthead shows the newest article's date
		if p.Kind == site.KindArticle {
			write(uint64(p.Date.UnixNano()))
			break
		}
	}
	return h.Sum64()
}

// signature digests what one output shows.
func signature(shape uint64, out render.Output, versionOf map[*site.Page]uint64) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	write := func(v uint64) {
		binary.LittleEndian.PutUint64(buf[:], v)
		h.Write(buf[:])
	}
	write(shape)
	h.Write([]byte(out.Path))
	h.Write([]byte{0})
	h.Write([]byte(out.Key))
	for _, p := range out.Deps {
		write(versionOf[p])
	}
	return h.Sum64()
}

// diff lists what changed since the last good build.
func (s *Session) diff(gen *generation, rendered int) *Change {
	c := &Change{Rendered: rendered, Moved: map[string]string{}}
	var prev Tree
	if s.last != nil {
		prev = s.last.tree
	}
	for name, b := range gen.tree {
		if old, ok := prev[name]; !ok || !bytes.Equal(old, b) {
			c.Paths = append(c.Paths, name)
		}
	}
	for name := range prev {
		if _, ok := gen.tree[name]; !ok {
			c.Paths = append(c.Paths, name)
		}
	}
	slices.Sort(c.Paths)
	c.CSSOnly = len(c.Paths) > 0 && !slices.ContainsFunc(c.Paths, func(p string) bool { return path.Ext(p) != ".css" })
	if s.last != nil {
		c.Moved = moved(s.last.urls, gen.urls)
	}
	return c
}

// moved pairs the URLs of pages gone with new URLs of pages of the same title.
func moved(before, after map[string]string) map[string]string {
	byTitle := map[string]string{}
	for url, title := range after {
		if _, old := before[url]; !old {
			byTitle[title] = url
		}
	}
	out := map[string]string{}
	for _, url := range slices.Sorted(maps.Keys(before)) {
		if _, still := after[url]; !still {
			if to, ok := byTitle[before[url]]; ok {
				out[url] = to
			}
		}
	}
	return out
}
