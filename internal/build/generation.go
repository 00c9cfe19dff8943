package build

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"maps"
	"slices"
	"sync/atomic"

	"github.com/almanac-news/almanac/internal/parallel"

	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

var versions atomic.Uint64

// nextVersion numbers rendered pages and asset sets, so that a signature
// can tell a reused object from a new one.
func nextVersion() uint64 { return versions.Add(1) }

// generation is what a good build made, for the next build of the
// session to reuse, and the names of every file it made.
type generation struct {
	sigs     map[string]uint64 // page output path → signature of what it shows
	urls     map[string]string // article URL → title, for moved pages
	extras   map[uint64][]byte // feeds and sitemaps by a digest of their inputs
	files    map[string]bool   // every file of the build, by its slash path
	rendered int               // pages rendered; the others were reused
	shape    uint64            // what every page shows: shapeOf
}

// planned is one build up to writing: the site, the pages to render and
// every other file, and their names.
type planned struct {
	parsed    *parse.Result
	outputs   []render.Output
	whole     []generatedFile // assets, chart CSV files, pictures' copies, feeds, sitemaps
	resources []site.Resource
	versionOf map[*site.Page]uint64
	gen       *generation
	changed   []int // with Session.keptAll, the outputs that show a page rendered
}

// collect lists every file of the build but the pages' bytes: assets,
// chart CSV files, bundle files, feeds and sitemaps (made here, reusing
// the last build's when their inputs did not change), and each page's
// signature. When the feeds and sitemaps cannot be made, it says why and
// lists the other files.
func (s *Session) collect(parsed *parse.Result, plan *lastPlan) (*planned, error) {
	st, outputs := parsed.Site, plan.outputs
	p := &planned{parsed: parsed, outputs: outputs, versionOf: s.versions()}
	shape := shapeOf(s.shape, st, p.versionOf)
	// A build of the last plan, whose pages all show the same shape, has
	// the last build's files and URLs, and new signatures only where the
	// pages rendered again show (lastPlan.dependents).
	s.keptAll = s.last != nil && plan.built && shape == s.last.shape
	p.gen = &generation{sigs: map[string]uint64{}, urls: map[string]string{},
		files: make(map[string]bool, len(outputs)+len(st.Pages)), shape: shape}
	if s.keptAll { // the sink has the same assets, and the unchanged pages' files
		p.gen.urls, p.gen.files = s.last.urls, s.last.files
		for _, e := range s.rendered {
			p.whole = append(append(p.whole, e.csv...), e.image.copies()...)
		}
	} else {
		for _, f := range s.manifest.Files() {
			if s.root != nil {
				break // another language's edition: the root writes the assets
			}
			p.whole = append(p.whole, generatedFile{path: f.Output, data: f.Data})
		}
		for _, e := range s.entries {
			p.whole = append(append(p.whole, e.csv...), e.image.copies()...)
			if s.once { // emit lets each file go once written: so must the entry
				e.csv = nil
				if e.image != nil {
					e.image.files = nil
				}
			}
		}
	}
	m := &memo{versionOf: p.versionOf, shape: shape}
	if !s.once {
		m.next = map[uint64][]byte{}
	} else {
		m.shelf = s.bodies
	}
	if s.last != nil {
		m.prev = s.last.extras
	}
	extra, err := siteFiles(st, outputs, s.now, m, s.feedBodies(), &plan.lists) // on an error, the files are listed without them
	if s.once {
		plan.lists.sitemaps = nil // emit lets each file go once written
	}
	p.whole = append(p.whole, extra...)
	p.gen.extras = m.next
	for _, page := range slices.Concat(st.Pages, st.Unlisted, st.Headless) {
		p.resources = append(p.resources, page.Resources...)
	}
	if s.keptAll {
		p.gen.sigs = maps.Clone(s.last.sigs)
		p.changed = plan.dependents(renderedPages(s.rendered))
		for _, i := range p.changed {
			p.gen.sigs[outputs[i].Path] = signature(shape, outputs[i], p.versionOf)
		}
		return p, err
	}
	for _, f := range p.whole {
		p.gen.files[f.path] = true
	}
	for _, r := range p.resources {
		p.gen.files[r.URL[1:]] = true
	}
	for _, page := range slices.Concat(st.Pages, st.Unlisted) {
		if !s.once { // for the next build's moved pages
			p.gen.urls[page.URL] = page.Title
		}
	}
	for _, out := range outputs {
		if !s.once { // signatures tell the next build what it may reuse
			p.gen.sigs[out.Path] = signature(shape, out, p.versionOf)
		}
		p.gen.files[out.Path] = true
	}
	return p, err
}

// emit hands every file of the build to out: the pages whose signature
// is the last build's by name, when out still has them, the others
// rendered on all cores. It stops at the first page that fails, unless
// keepGoing: then it renders every page and returns every template
// failure.
func (s *Session) emit(p *planned, out sink, keepGoing bool) ([]*pageError, error) {
	for i, f := range p.whole {
		data, err := f.bytes()
		if err == nil {
			err = out.WriteFile(f.path, data)
		}
		if err != nil {
			return nil, err
		}
		if s.once { // a 100,000-article site's feeds and sitemaps are 60 MB
			p.whole[i].data = nil
		}
	}
	for _, r := range p.resources {
		if err := out.CopyFile(r.URL[1:], s.blobs, r.Source); err != nil {
			return nil, err
		}
	}
	candidates := p.changed // with keptAll, the sink has the last build's files: only those that show a page rendered may differ
	if !s.keptAll {
		candidates = make([]int, len(p.outputs))
		for i := range candidates {
			candidates[i] = i
		}
	}
	again := make([]bool, len(candidates))
	parallel.For(len(candidates), func(k int) { // a session's first build asks the sink: almanac build's has a cache
		o := p.outputs[candidates[k]]
		prev := s.last
		again[k] = prev != nil && prev.sigs[o.Path] != p.gen.sigs[o.Path] || !out.Reuse(o.Path)
	})
	var todo []int
	for k, i := range candidates {
		if again[k] {
			todo = append(todo, i)
		}
	}
	errs := make([]error, len(todo))
	var failed atomic.Bool
	s.opts.Progress.enter(Writing, len(todo))
	parallel.For(len(todo), func(k int) {
		if failed.Load() && !keepGoing {
			return
		}
		o := &p.outputs[todo[k]]
		if errs[k] = writePage(out, o); errs[k] != nil {
			failed.Store(true)
		} else if kept, ok := out.(keeper); ok {
			kept.Keep(o.Path)
		}
		if s.once { // no build follows: let the page's template data go (70 MB at 100k)
			o.Forget()
		}
		s.opts.Progress.step()
	})
	var failures []*pageError
	for _, err := range errs {
		var pe *pageError
		switch {
		case err == nil:
		case keepGoing && errors.As(err, &pe):
			failures = append(failures, pe)
		default:
			return nil, err
		}
	}
	p.gen.rendered = len(todo)
	return failures, nil
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
// (base: Session.shape, or inputsDigest), the sections and the date of
// the newest article.
func shapeOf(base uint64, st *site.Site, versionOf map[*site.Page]uint64) uint64 {
	h := fnv.New64a()
	write := func(v uint64) { _ = binary.Write(h, binary.LittleEndian, v) }
	write(base)
	write(versionOf[st.Home])
	for _, sec := range st.AllSections() {
		h.Write([]byte(sec.Path))
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
	for _, p := range out.Deps() {
		write(versionOf[p])
	}
	return h.Sum64()
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
