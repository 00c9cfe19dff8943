package build

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/almanac-news/almanac/internal/parallel"

	"github.com/almanac-news/almanac/internal/assets"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/output"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

// chartLibrary is the logical asset name of the ECharts bundle.
const chartLibrary = "js/echarts.js"

// write checks the links and pictures of the bodies (warnings), renders
// every page into a staging folder and swaps it in.
func write(ctx context.Context, opts Options, theme *render.Theme, s *site.Site, drawn *charts,
	bodies map[*site.Page]markdownBody, res *Result, problems *diag.List) error {
	images := sizeLeadImages(opts.Site, allPages(s), newImageCache(), problems)
	if err := contentError(problems); err != nil {
		return err
	}
	manifest, err := collectAssets(opts, drawsCharts(s), func() ([]byte, error) {
		lib, ps, err := loadChartLibrary(ctx, opts, s.Config)
		problems.Add(ps...)
		return lib, err
	})
	if err != nil {
		return err
	}
	outputs, ps := theme.Plan(&render.Input{Site: s, Asset: manifest.URL})
	problems.Merge(ps)
	if err := contentError(problems); err != nil {
		return err
	}
	extra, err := siteFiles(s, outputs, opts.Now, nil)
	if err != nil {
		return err
	}
	generated := slices.Concat(drawn.files, images, extra)
	warnLinks(s, builtBodies(bodies), newLinkTargets(s, outputs, manifest, generated, res.Skipped, nil), problems)
	if err := strictError(opts, problems); err != nil {
		return err
	}
	stage, err := output.Begin(opts.Dest)
	if err != nil {
		return err
	}
	if err := fill(stage, opts.Site, s, manifest, generated, outputs); err != nil {
		stage.Abort()
		return err
	}
	res.Pages, res.Files = len(outputs), stage.Count()
	if err := stage.Commit(); err != nil {
		stage.Abort()
		return err
	}
	return nil
}

// collectAssets hashes the site's and the theme's assets, and adds the
// chart library that library returns when pages draw charts, unless it
// returns none: charts are then shown as their tables.
func collectAssets(opts Options, withCharts bool, library func() ([]byte, error)) (*assets.Manifest, error) {
	manifest, err := assets.Collect(layer(opts, "assets"))
	if err != nil || !withCharts {
		return manifest, err
	}
	lib, err := library()
	if err != nil || lib == nil {
		return manifest, err
	}
	return manifest, manifest.Add(chartLibrary, lib)
}

// drawsCharts reports whether a page of the site draws a chart.
func drawsCharts(s *site.Site) bool {
	return slices.ContainsFunc(allPages(s), func(p *site.Page) bool { return len(p.Charts) > 0 })
}

// outputSource names the content file an output comes from, for messages.
func outputSource(out render.Output) string {
	if out.Page == nil {
		return "404 page"
	}
	return out.Page.Source
}

// fill writes assets, bundle files and pages into the staging folder.
func fill(stage *output.Staging, siteFS fs.FS, s *site.Site, manifest *assets.Manifest, generated []generatedFile, outputs []render.Output) error {
	for _, f := range manifest.Files() {
		if err := stage.WriteFile(f.Output, f.Data); err != nil {
			return err
		}
	}
	for _, f := range generated {
		if err := stage.WriteFile(f.path, f.data); err != nil {
			return err
		}
	}
	for _, p := range s.Pages {
		for _, r := range p.Resources {
			if err := stage.CopyFile(r.URL[1:], siteFS, r.Source); err != nil {
				return err
			}
		}
	}
	var failed atomic.Pointer[error]
	parallel.For(len(outputs), func(i int) {
		if failed.Load() != nil {
			return
		}
		if err := writePage(stage, outputs[i]); err != nil {
			failed.CompareAndSwap(nil, &err)
		}
	})
	if errp := failed.Load(); errp != nil {
		return *errp
	}
	return nil
}

// writers are the page writers' buffers, reused across pages.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 32<<10) }}

func writePage(stage *output.Staging, out render.Output) error {
	f, err := stage.Create(out.Path)
	if err != nil {
		return err
	}
	file := &firstError{w: f}
	w := writers.Get().(*bufio.Writer)
	w.Reset(file)
	err = out.Render(w)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	writers.Put(w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	switch {
	case file.err != nil: // the disk failed, not the template: say so plainly
		return file.err
	case err != nil:
		return fmt.Errorf("%s: rendering %s: %w", outputSource(out), out.Path, err)
	}
	return nil
}

// firstError remembers the first error of the writer it wraps.
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}
