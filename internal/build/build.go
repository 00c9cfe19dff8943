// Package build runs the pipeline: it loads the configuration, parses the
// content, renders Markdown and charts, plans every page, makes the feeds
// and sitemaps, checks the bodies' links, and hands every file to a sink.
// There is one pipeline, Session.build, run three ways:
//
//   - Run (almanac build): one build of a new Session into a staging
//     folder (output.Staging) that replaces the destination only when
//     everything succeeded; with Options.Cache, the bodies of unchanged
//     files come from the last builds (bodyCache) and the pages that show
//     what they showed are hard-linked from them (pageCache);
//   - Check (almanac check): the same build going on after errors, so that
//     one pass finds every problem, into nothing;
//   - Session.Build (almanac serve): build after build into a Tree the
//     preview serves, reusing what the changed files cannot have touched.
//
// The stages:
//
//	almanac.toml ─ config.Load
//	content/     ─ parse.Scan ─ markdown + charts ─ Assemble ─┐
//	layouts/     ─ render.LoadTheme ──────────────────────────┼─ render.Plan ─ sink
//	assets/      ─ assets.Collect (+ ECharts) ────────────────┘
//
// Rendered bodies and the preview's files are kept compressed in a
// temporary file (bodyStore), not in memory. The site's own layouts/ and
// assets/ override the default theme's file by file.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/almanac-news/almanac/internal/config"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/echarts"
	"github.com/almanac-news/almanac/internal/output"
	"github.com/almanac-news/almanac/internal/overlay"
	"github.com/almanac-news/almanac/internal/site"
)

// Options describes one build.
type Options struct {
	Site    fs.FS  // the site folder: almanac.toml, content/, layouts/, assets/, data/
	Theme   fs.FS  // the default theme: layouts/ and assets/
	Dest    string // output folder, replaced as a whole on success
	Drafts  bool   // include drafts
	Future  bool   // include articles dated in the future
	BaseURL string // overrides the configuration's base_url when set
	Now     time.Time
	ECharts echarts.Options // where the chart library comes from; the zero value fetches once, then uses the cache
	Strict  bool            // a warning fails the build as an error does, before anything is written
	// Cache, when set, is the folder of almanac build's incremental cache
	// (pageCache): pages that show what they showed are linked from it
	// rather than rendered. The preview and almanac check do not use it.
	Cache string
	Fresh bool // empty the cache first: render every page

	// Progress, when not nil, is kept up to date as the build goes.
	Progress *Progress
	// HeapProfile, when not nil, receives a heap profile (runtime/pprof)
	// of almanac build once every file is written, before the old site
	// is replaced: the time its memory peaks.
	HeapProfile io.Writer
}

// Result summarises a successful build.
type Result struct {
	Pages        int          // HTML pages written
	Sections     int          // sections of the site, at every depth
	Files        int          // files written in all
	Skipped      []*site.Page // drafts and future articles left out
	Warnings     []*diag.Problem
	Duration     time.Duration
	Cached       int   // pages linked from the build cache (Options.Cache) rather than rendered
	CachedBodies int   // bodies taken from the build cache rather than rendered from Markdown
	CacheErr     error // why the build cache could not be used or kept; the build is good all the same

	problems *diag.List // every problem found, errors included when the build kept going
	links    int        // links and pictures of bodies checked
}

func (r *Result) String() string {
	return fmt.Sprintf("%s, %s, %s in %v", diag.Count(r.Pages, "page"), diag.Count(r.Sections, "section"),
		diag.Count(r.Files, "file"), r.Duration.Round(time.Millisecond))
}

// ErrContent wraps the problems that made a build fail; errors.As gives
// the diag.Errors with every position, or the *ContentError with the
// warnings found too.
var ErrContent = errors.New("the site has errors")

// ErrStrict is the error of a build that found warnings, and no error,
// with Options.Strict set; errors.As gives the *ContentError.
var ErrStrict = errors.New("the site has warnings, which fail a strict build")

// ContentError is the error of a build that stopped for problems of the
// site. It keeps the warnings found before the build stopped, so that
// they are reported with the errors.
type ContentError struct {
	Errors   diag.Errors     // the errors; none when a strict build failed for warnings
	Warnings []*diag.Problem // the warnings found before the build stopped
	cause    error           // ErrContent or ErrStrict
}

func (e *ContentError) Error() string {
	list := e.Errors
	if len(list) == 0 {
		list = e.Warnings
	}
	return e.cause.Error() + ":\n" + list.Error()
}

// Unwrap gives ErrContent or ErrStrict, and the diag.Errors.
func (e *ContentError) Unwrap() []error { return []error{e.cause, e.Errors} }

// Run builds the site: a Session's one build, written into a staging
// folder that replaces the destination when everything succeeded. On
// any error, a strict build's warnings included, the destination is left
// as it was.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	var stage *output.Staging
	caches := map[*Session]*pageCache{}
	session := NewSession(opts)
	session.once = true
	open := func(p *planned) (sink, error) {
		var err error
		stage, err = output.Begin(opts.Dest)
		caches[session] = session.openPageCache(p, "")
		return staged{stage, caches[session]}, err
	}
	strict := func(problems *diag.List) error { return strictError(opts, problems) }
	edition := func(o *Session, p *planned) (sink, error) {
		caches[o] = o.openPageCache(p, o.lang+"/")
		return inFolder{staged{stage, caches[o]}, o.lang + "/"}, nil
	}
	res, err := session.build(ctx, nil, true, pass{open: open, strict: strict, edition: edition})
	if err == nil && opts.HeapProfile != nil {
		runtime.GC() // what the session holds, not the pages' garbage
		err = pprof.Lookup("heap").WriteTo(opts.HeapProfile, 0)
		runtime.KeepAlive(session)
	}
	if err == nil {
		res.Files = stage.Count()
		err = stage.Commit()
	}
	if err != nil {
		if stage != nil {
			stage.Abort()
		}
		return nil, err
	}
	keepCaches(res, caches)
	session.dropEditionCaches()
	return res, nil
}

// keepCaches prunes the build cache of every edition the build wrote
// (pages and bodies), and counts what the build took from them.
func keepCaches(res *Result, caches map[*Session]*pageCache) {
	for s, cache := range caches {
		if cache != nil {
			cache.prune()
			res.Cached += int(cache.reused.Load())
			if cache.err != nil && res.CacheErr == nil {
				res.CacheErr = cache.err
			}
		}
		if s.kept != nil {
			s.kept.prune(s.digests())
			res.CachedBodies += int(s.kept.hits.Load())
		}
	}
}

func loadConfig(opts Options, problems *diag.List) site.Config {
	cfg, ps := config.Load(opts.Site, "almanac.toml")
	problems.Merge(ps)
	if opts.BaseURL != "" {
		if p := config.SetBaseURL(&cfg, opts.BaseURL, diag.Pos{File: "--base-url"}); p != nil {
			problems.Add(p)
		}
	}
	return cfg
}

// layer returns the named folder of the site over the same folder of the theme.
func layer(opts Options, name string) fs.FS {
	return overlay.New(sub(opts.Site, name), sub(opts.Theme, name))
}

func sub(fsys fs.FS, name string) fs.FS {
	s, err := fs.Sub(fsys, name)
	if err != nil { // only for invalid names, which callers never pass
		panic(err)
	}
	return s
}

func contentError(problems *diag.List) error {
	if errs := problems.Errors(); len(errs) > 0 {
		return &ContentError{Errors: errs, Warnings: problems.Warnings(), cause: ErrContent}
	}
	return nil
}

// strictError is the error of a strict build that found warnings.
func strictError(opts Options, problems *diag.List) error {
	if ws := problems.Warnings(); opts.Strict && len(ws) > 0 {
		return &ContentError{Warnings: ws, cause: ErrStrict}
	}
	return nil
}
