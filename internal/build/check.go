package build

import (
	"context"
	"errors"
	"io"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/almanac-news/almanac/internal/parallel"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

// CheckResult is what Check found.
type CheckResult struct {
	Problems []*diag.Problem // every error and warning, sorted by position
	Skipped  []*site.Page    // drafts and future articles left out, as parsed
	Config   site.Config     // the site's configuration, defaults where it was wrong
	Pages    int             // HTML pages a build would write, and those of files left out for their errors
	Links    int             // links and media of page bodies checked
}

// Errors returns the error-severity problems.
func (r *CheckResult) Errors() []*diag.Problem { return r.filter(diag.SeverityError) }

// Warnings returns the warnings.
func (r *CheckResult) Warnings() []*diag.Problem { return r.filter(diag.SeverityWarning) }

func (r *CheckResult) filter(s diag.Severity) []*diag.Problem {
	var out []*diag.Problem
	for _, p := range r.Problems {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// chartLibraryStandIn takes the place of the ECharts bundle, which Check
// never downloads: templates only need the asset to have a URL.
const chartLibraryStandIn = "/* ECharts: fetched by almanac build, not by almanac check */"

// Check runs every stage of a build up to writing files: it loads the
// configuration, parses the content, loads the theme, renders bodies and
// charts (chart data included), plans every page, runs the templates into
// nothing and makes the feeds and sitemaps in memory. Unlike Run it goes
// on after errors, so that one check lists every problem of the site;
// files whose front matter fails are left out of the later stages. It
// also checks that every link and picture of a page body leads to a page,
// bundle file, chart CSV, feed or asset of the site. It writes nothing,
// opts.Dest is ignored and ECharts is never fetched. The error is only for
// failures to read the site or ctx's end; problems of the site are in the
// result.
func Check(ctx context.Context, opts Options) (*CheckResult, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	problems := &diag.List{}
	cfg := loadConfig(opts, problems)
	parsed, failed := parseLeniently(opts, cfg, problems)
	theme, ps := render.LoadTheme(layer(opts, "layouts"), cfg.Language)
	problems.Merge(ps)
	s := parsed.Site
	bodies := keepBodies(s)
	drawn := &charts{theme: theme, site: opts.Site, lang: cfg.Language}
	renderBodies(s, drawn, problems)
	checkLeadImages(opts.Site, allPages(s), problems)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// A stand-in for the chart library: checking never downloads it.
	// A site's chart_library file is checked as a build would.
	manifest, err := collectAssets(opts, drawsCharts(s), func() ([]byte, error) {
		if cfg.ChartLibrary == "" {
			return []byte(chartLibraryStandIn), nil
		}
		js, ps := readChartLibrary(opts, cfg.ChartLibrary)
		problems.Add(ps...)
		return js, nil
	})
	if err != nil {
		return nil, err
	}
	outputs, ps := theme.Plan(&render.Input{Site: s, Asset: manifest.URL})
	problems.Merge(ps)
	runTemplates(outputs, problems)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	extra, err := siteFiles(s, outputs, opts.Now, nil)
	if err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: "content"}, "the feeds and sitemaps cannot be made: %v", err))
	}
	targets := newLinkTargets(s, outputs, manifest, append(drawn.files, extra...), parsed.Skipped, failed)
	links := checkLinks(s, bodies, targets, problems)
	return &CheckResult{Problems: problems.Problems(), Skipped: parsed.Skipped, Config: cfg,
		Pages: len(outputs) + len(failed), Links: links}, nil
}

// parseLeniently parses the content as parse.Dir does, but leaves out of
// the site each file that has errors, so that the others can be checked
// further. It returns the URLs those files would most likely have made.
func parseLeniently(opts Options, cfg site.Config, problems *diag.List) (*parse.Result, []string) {
	c := parse.Scan(sub(opts.Site, "content"), parse.Options{
		Config: cfg, Root: "content", Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now,
	}, problems)
	pages := make([]*site.Page, c.Len())
	var mu sync.Mutex
	var failed []string
	parallel.For(c.Len(), func(i int) {
		p, ps := c.Parse(i)
		problems.Add(ps...)
		if !diag.HasError(ps) {
			pages[i] = p
			return
		}
		if url, ok := likelyURL(c.Name(i)); ok {
			mu.Lock()
			failed = append(failed, url)
			mu.Unlock()
		}
	})
	return c.Assemble(pages, problems), failed
}

// likelyURL is the URL an article or stand-alone page file makes when its
// front matter sets no slug: content/a/b.md and content/a/b/index.md make
// /a/b/. Home and section files make no URL of their own that could go
// missing (an implied page takes their place).
func likelyURL(name string) (string, bool) {
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".md"), "/index")
	if path.Base(name) == "_index" {
		return "", false
	}
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = slug.Make(p)
	}
	return "/" + strings.Join(parts, "/") + "/", true
}

// markdownBody is a page's Markdown, kept to place the problems of its
// links, since rendering lets the body go.
type markdownBody struct {
	text []byte
	line int // line of text's first byte in the page's file
}

func keepBodies(s *site.Site) map[*site.Page]markdownBody {
	bodies := map[*site.Page]markdownBody{}
	for _, p := range allPages(s) {
		bodies[p] = markdownBody{text: p.Body, line: p.BodyLine}
	}
	return bodies
}

// dropLinklessBodies forgets the Markdown of the pages whose rendered
// body has no link nor picture, as most have: a build keeps only the
// bodies that may place a problem, not the whole site's.
func dropLinklessBodies(bodies map[*site.Page]markdownBody) {
	for p := range bodies {
		if !mayLink(string(p.Content)) {
			delete(bodies, p)
		}
	}
}

// runTemplates renders every planned page into nothing, on all cores,
// reporting where templates fail. A template that fails the same way on
// many pages is reported once, naming the first page and how many more.
func runTemplates(outputs []render.Output, problems *diag.List) {
	failures := make([]*diag.Problem, len(outputs))
	parallel.For(len(outputs), func(i int) {
		if err := outputs[i].Render(io.Discard); err != nil {
			failures[i] = renderProblem(outputs[i], err)
		}
	})
	first := map[diag.Pos]*diag.Problem{}
	more := map[diag.Pos]int{}
	for _, p := range failures {
		switch {
		case p == nil:
		case first[p.Pos] == nil:
			first[p.Pos] = p
		default:
			more[p.Pos]++
		}
	}
	for pos, p := range first {
		if n := more[pos]; n > 0 {
			p.Msg += " (and " + strings.Replace(diag.Count(n, "page"), " ", " more ", 1) + ")"
		}
		problems.Add(p)
	}
}

// renderProblem is the problem of a page whose templates failed.
func renderProblem(out render.Output, err error) *diag.Problem {
	var problem *diag.Problem
	if errors.As(err, &problem) {
		return problem
	}
	return diag.Errorf(diag.Pos{File: outputSource(out)}, "rendering %s: %v", out.Path, err)
}
