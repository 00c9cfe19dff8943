package build

import (
	"context"
	"errors"
	"path"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
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
	s := NewSession(opts)
	s.checking, s.once = true, true
	res, err := s.build(ctx, nil, true, pass{keepGoing: true})
	if err != nil {
		return nil, err
	}
	failed := 0
	for _, ed := range append([]*Session{s}, s.others...) {
		for _, e := range ed.entries {
			if e.parsed == nil {
				failed++
			}
		}
	}
	return &CheckResult{Problems: res.problems.Problems(), Skipped: res.Skipped, Config: s.cfg,
		Pages: res.Pages + failed, Links: res.links}, nil
}

// standInChartLibrary is the chart library of almanac check, which never
// downloads it: templates only need the asset to have a URL. A site's
// chart_library file is read and checked as a build would.
func standInChartLibrary(_ context.Context, opts Options, cfg site.Config) ([]byte, []*diag.Problem, error) {
	if cfg.ChartLibrary == "" {
		return []byte(chartLibraryStandIn), nil, nil
	}
	js, ps := readChartLibrary(opts, cfg.ChartLibrary)
	return js, ps, nil
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
	// reread, when text is nil, reads the Markdown again: when a problem
	// is to be placed.
	reread func() ([]byte, int)
}

// templateProblems reports the pages whose templates failed. A template
// that fails the same way on many pages is reported once, naming the
// first page and how many more.
func templateProblems(failures []*pageError, problems *diag.List) {
	first := map[diag.Pos]*diag.Problem{}
	more := map[diag.Pos]int{}
	var order []diag.Pos
	for _, f := range failures {
		p := renderProblem(f.out, f.err)
		switch {
		case first[p.Pos] == nil:
			first[p.Pos] = p
			order = append(order, p.Pos)
		default:
			more[p.Pos]++
		}
	}
	for _, pos := range order {
		p := first[pos]
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
