package build

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/almanac-news/almanac/internal/assets"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

// chartLibrary is the logical asset name of the ECharts bundle.
const chartLibrary = "js/echarts.js"

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

// writers are the page writers' buffers, reused across pages.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 32<<10) }}

func writePage(dest sink, out *render.Output) error {
	f, err := dest.Create(out.Path)
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
		return &pageError{out: *out, err: err}
	}
	return nil
}

// pageError is a page whose templates failed.
type pageError struct {
	out render.Output
	err error
}

func (e *pageError) Error() string {
	return fmt.Sprintf("%s: rendering %s: %v", outputSource(e.out), e.out.Path, e.err)
}

func (e *pageError) Unwrap() error { return e.err }

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
