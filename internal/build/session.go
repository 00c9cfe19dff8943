package build

import (
	"context"
	"hash/maphash"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/almanac-news/almanac/internal/assets"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

// Session builds one site again and again, as the preview does, into
// memory. Each build reuses what the changed files cannot have touched:
// the parsed and rendered pages of unchanged content files, and the bytes
// of every output whose page and dependencies (render.Output.Deps) are
// the same objects as last time. Its result is always the tree a fresh
// build of the same files would write; the tests check this on random
// sequences of edits.
//
// A Session is used from one goroutine.
type Session struct {
	opts Options

	cfg      site.Config
	cfgErrs  []*diag.Problem
	theme    *render.Theme
	themeErr []*diag.Problem
	manifest *assets.Manifest
	withLib  bool                   // manifest was collected for pages that draw charts
	chartLib *chartLibraryResult    // the chart library, loaded once per configuration; nil until a page draws a chart
	shape    uint64                 // changes whenever configuration, theme or assets change
	entries  map[string]*entryCache // content file name → its parsed and rendered page
	blobs    *blobCache             // bundle files by site-relative path
	images   *imageCache            // lead pictures' sizes and copies, by their bytes
	bodies   *bodyStore             // rendered bodies and the preview's files, out of memory
	seed     maphash.Seed           // of the digests of the preview's files
	last     *generation            // the last good build
	tree     Tree                   // the last good build's files, when Build made it
	now      time.Time              // the time of this build
	checking bool                   // almanac check: the chart library is never fetched
	plan     *lastPlan              // the last good build's site and plan, while an edit may reuse them
	scan     *parse.Content         // the last scan of content/, with the plan
	rendered []*entryCache          // the files whose page this build rendered
	renderMu sync.Mutex             // guards rendered
	keptAll  bool                   // this build kept the last plan and every page's shape: collect
	scanned  []*diag.Problem        // the problems it found
	replan   atomic.Bool            // set when an edit changed what planning reads
	inputs   *inputsSum             // almanac build: renderInputs, once made
	kept     *bodyCache             // almanac build: the rendered bodies of earlier builds
	refs     *refIndex              // what ref shortcodes lead to, from this build's scan
	once     bool                   // almanac build and check: no build follows, so nothing is kept for one

	// A site in several languages (editions.go):
	site          fs.FS         // the site folder as given; opts.Site is this language's view of it
	lang          string        // the language of the edition this session builds; "" for a site in one
	editions      *editionFiles // the files of each language; nil for a site in one
	others        []*Session    // the root's: the sessions of the other languages
	root          *Session      // another language's session: the root, whose assets it shares
	translations  string        // the root's: what the last build's translations were (translatedPages.digest)
	editionCharts bool          // the root's: another edition draws charts, so the assets hold the library
}

// entryCache is what one content file gave.
type entryCache struct {
	parsed         *site.Page // as parsed, then rendered (page); nil when parsing failed
	parseProblems  []*diag.Problem
	page           *site.Page // parsed once rendered; nil until then, and while the page is left out
	version        uint64     // changes whenever page does
	renderProblems []*diag.Problem
	links          []bodyLink    // the links and pictures of page's body
	bodyless       bool          // parsed has let its body go, once rendered
	replaces       *site.Page    // the page of the file before an edit: keepPlace
	edited         bool          // made again for an edit of the file since the last build
	feedSpecific   bool          // feeds show page rendered again (feedHTML), not its Content
	feedBody       template.HTML // that rendering, once a feed has shown page
	csv            []generatedFile
	sized          *site.Page  // page when its lead picture was sized, else stale
	image          *entryImage // nil for a page without a lead picture
}

// Change is what a rebuild changed in the output.
type Change struct {
	Paths    []string          // output paths added, changed or removed, sorted
	CSSOnly  bool              // only stylesheets changed
	Moved    map[string]string // URL of a page gone → URL of the page that took its title
	Rendered int               // outputs rendered again; the others were reused
}

// NewSession returns a session; its first Build is a full build.
func NewSession(opts Options) *Session {
	return &Session{opts: opts, entries: map[string]*entryCache{}, blobs: newBlobCache(opts.Site), images: newImageCache(),
		bodies: newBodyStore(), seed: maphash.MakeSeed(), site: opts.Site}
}

// Build rebuilds the site after changes to the given site-relative paths
// (files or folders; all reports that anything may have changed) into
// memory. On content errors it returns them and keeps its caches, so
// that the next build after a fix is incremental again.
func (s *Session) Build(ctx context.Context, changed []string, all bool) (Tree, *Change, *Result, error) {
	var before map[string]string
	if s.last != nil {
		before = s.last.urls
	}
	var mem *memTree
	open := func(*planned) (sink, error) {
		mem = newMemTree(s.bodies, s.seed, s.tree, s.keptAll)
		return mem, nil
	}
	editions := map[*Session]*memTree{}
	edition := func(o *Session, _ *planned) (sink, error) {
		editions[o] = newMemTree(o.bodies, o.seed, o.tree, o.keptAll)
		return editions[o], nil
	}
	res, err := s.build(ctx, changed, all, pass{open: open, edition: edition})
	if err != nil {
		return Tree{}, nil, nil, err
	}
	s.tree = mem.tree
	change := &Change{Paths: mem.changed(), Rendered: s.last.rendered, Moved: map[string]string{}}
	if !s.keptAll { // else no page came, went or moved
		change.Moved = moved(before, s.last.urls)
	}
	tree := mem.tree
	if len(s.others) > 0 {
		tree = Tree{files: maps.Clone(mem.tree.files)}
		for _, o := range s.others {
			m := editions[o]
			o.tree = m.tree
			for name, f := range m.tree.files {
				tree.files[o.lang+"/"+name] = f
			}
			for _, name := range m.changed() {
				change.Paths = append(change.Paths, o.lang+"/"+name)
			}
			change.Rendered += o.last.rendered
		}
		slices.Sort(change.Paths)
	}
	change.CSSOnly = cssOnly(change.Paths)
	return tree, change, res, nil
}

// pass says how one build runs and where its files go.
type pass struct {
	// open gives the sink once the files are known to be good; nil:
	// nothing is written (almanac check).
	open func(*planned) (sink, error)
	// strict, when not nil, may refuse the build for its warnings before
	// anything is written.
	strict func(*diag.List) error
	// keepGoing goes on after errors, leaving out the files that have
	// them, so that one pass finds every problem of the site; the
	// problems are then in the result, not the error.
	keepGoing bool
	// edition gives the sink of another language's edition (editions.go);
	// nil: the edition's files are not written.
	edition func(*Session, *planned) (sink, error)
}

// build runs the pipeline once: it brings the caches up to date with the
// changed paths, parses and renders what changed, plans every page,
// collects every other file, checks the links and pictures of the
// bodies, then hands every file to the sink. The result's Files is the
// number of files of the build.
func (s *Session) build(ctx context.Context, changed []string, all bool, how pass) (*Result, error) {
	start := time.Now()
	s.now = s.opts.Now
	if s.now.IsZero() {
		s.now = start // the preview's clock moves: future articles appear when their time comes
	}
	seen := changed // as the root's edition sees them
	if s.editions != nil {
		seen = s.editions.refresh(s.lang, changed, all)
	}
	s.invalidate(seen, all || s.theme == nil)
	if len(s.others) > 0 {
		return s.buildEditions(ctx, changed, all, how, start)
	}
	return s.inSite(s.buildOne(ctx, how, start))
}

// buildOne builds a site in one language.
func (s *Session) buildOne(ctx context.Context, how pass, start time.Time) (*Result, error) {
	r := s.begin(how)
	parsed, err := s.readSite(r)
	if err != nil {
		return nil, err
	}
	plan, err := s.planSite(ctx, parsed, r)
	if err != nil {
		return nil, err
	}
	res, err := s.finish(parsed, plan, how, r.problems)
	if err != nil {
		return nil, err
	}
	res.Warnings, res.Duration = r.problems.Warnings(), time.Since(start)
	return res, nil
}

// reading is one build's problems so far, and whether they end it.
type reading struct {
	problems *diag.List
	stop     func() error
}

// begin starts a build of how.
func (s *Session) begin(how pass) *reading {
	if s.kept == nil {
		s.kept = s.openBodyCache()
	}
	s.rendered, s.keptAll = nil, false
	r := &reading{problems: &diag.List{}}
	r.stop = func() error {
		if how.keepGoing {
			return nil
		}
		return contentError(r.problems)
	}
	return r
}

// readSite parses and renders what changed and assembles the site.
func (s *Session) readSite(r *reading) (*parse.Result, error) {
	r.problems.Add(s.cfgErrs...)
	r.problems.Add(s.themeErr...)
	if err := r.stop(); err != nil {
		return nil, err
	}
	return s.parseContent(r.problems), nil
}

// planSite sizes the lead pictures, loads the assets and plans every
// page of the site read, or keeps the last plan (lastPlan).
func (s *Session) planSite(ctx context.Context, parsed *parse.Result, r *reading) (*lastPlan, error) {
	problems := r.problems
	plan := s.plan
	s.plan = nil // until this build succeeds
	problems.Add(plan.assembled...)
	problems.Add(figure.CheckAcross(slices.Concat(parsed.Site.Pages, parsed.Site.Unlisted))...)
	s.sizeImages(problems)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := r.stop(); err != nil {
		return nil, err
	}
	if err := s.loadAssets(ctx, parsed.Site, problems); err != nil {
		return nil, err
	}
	s.opts.Progress.enter(Planning, 0)
	if plan.outputs == nil || plan.manifest != s.manifest {
		outputs, ps := s.theme.Plan(&render.Input{Site: parsed.Site, Asset: s.manifest.URL})
		plan = &lastPlan{parsed: parsed, assembled: plan.assembled, outputs: outputs, manifest: s.manifest, planned: ps.Problems()}
	}
	problems.Add(plan.planned...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return plan, r.stop()
}

// finish makes the feeds and sitemaps, checks the links, and hands every
// file to the sink, once how.strict allows.
func (s *Session) finish(parsed *parse.Result, plan *lastPlan, how pass, problems *diag.List) (*Result, error) {
	p, err := s.collect(parsed, plan)
	if err != nil && !how.keepGoing {
		return nil, err
	} else if err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: "content"}, "the feeds and sitemaps cannot be made: %v", err))
	}
	res := &Result{Pages: len(plan.outputs), Sections: len(parsed.Site.AllSections()), Files: len(p.gen.files),
		Skipped: parsed.Skipped, problems: problems}
	res.links = s.checkLinks(parsed, p.gen.files, !how.keepGoing, plan, problems)
	if s.once { // the links, what they were checked against and the scan serve no later build
		p.gen.files, plan.links, plan.targets, s.scan = nil, nil, nil, nil
		for _, e := range s.entries {
			e.links = nil
		}
	}
	if how.strict != nil {
		if err := how.strict(problems); err != nil {
			return nil, err
		}
	}
	var out sink = discard{}
	if how.open != nil {
		if out, err = how.open(p); err != nil {
			return nil, err
		}
	}
	failures, err := s.emit(p, out, how.keepGoing)
	if err != nil {
		return nil, err
	}
	templateProblems(failures, problems)
	s.last, s.plan, plan.built = p.gen, plan, true
	s.opts.Progress.enter(Finished, 0)
	return res, nil
}

// loadAssets collects the theme and site assets, with the chart library
// when a page draws charts, unless nothing they depend on changed. The
// chart library is loaded once per configuration, so that a registry that
// cannot be reached costs one attempt, not one per save; its problems are
// reported by every build that draws charts, as a full build would.
func (s *Session) loadAssets(ctx context.Context, st *site.Site, problems *diag.List) error {
	if s.root != nil { // another language's edition: the root's assets
		if s.manifest != s.root.manifest {
			s.manifest, s.withLib, s.shape = s.root.manifest, s.root.withLib, nextVersion()
		}
		return nil
	}
	needCharts := drawsCharts(st) || s.editionCharts
	if needCharts && s.chartLib == nil {
		load := loadChartLibrary
		if s.checking {
			load = standInChartLibrary
		}
		lib, ps, err := load(ctx, s.opts, s.cfg)
		if err != nil {
			return err
		}
		s.chartLib, s.manifest = &chartLibraryResult{js: lib, problems: ps}, nil
	}
	if needCharts {
		problems.Add(s.chartLib.problems...)
	}
	if s.manifest != nil && s.withLib == needCharts {
		return nil
	}
	m, err := collectAssets(s.opts, needCharts, func() ([]byte, error) { return s.chartLib.js, nil })
	if err != nil {
		return err
	}
	s.manifest, s.withLib = m, needCharts
	s.shape = nextVersion()
	return nil
}

// chartLibraryResult is what loadChartLibrary gave a session.
type chartLibraryResult struct {
	js       []byte // nil: charts are shown as tables
	problems []*diag.Problem
}
