package build

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/almanac-news/almanac/internal/chart"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/markdown"
	"github.com/almanac-news/almanac/internal/render"
	"github.com/almanac-news/almanac/internal/site"
)

// chartPartial is the theme template that draws one chart.
const chartPartial = "partials/chart.html"

// generatedFile is a file the build makes besides the pages, such as a
// chart's CSV download.
type generatedFile struct {
	path string // slash path relative to public/
	data []byte
	kept *blob // the bytes instead of data, waiting in the session's body store (memo.shelve)
}

// bytes returns the file's bytes, from where they wait.
func (f generatedFile) bytes() ([]byte, error) {
	if f.kept != nil {
		return f.kept.read()
	}
	return f.data, nil
}

// charts draws the charts of every page, from the goroutines that convert
// page bodies; it collects the CSV files to write.
type charts struct {
	theme *render.Theme
	site  fs.FS
	lang  string
	feed  bool // draw for feeds: tables only, no files

	mu    sync.Mutex
	files []generatedFile
}

// fences returns the chart fence of one page: each ```chart block is drawn
// in place. Problems go to problems, not to the converter.
func (c *charts) fences(p *site.Page, blocks *figure.ChartBlocks, problems *diag.List) map[string]markdown.FenceFunc {
	return map[string]markdown.FenceFunc{
		"chart": func(body []byte, line int) (template.HTML, error) {
			ch, ps := blocks.Block(body, p.BodyLine+line-1)
			problems.Add(ps...)
			if diag.HasError(ps) {
				return "", nil
			}
			if ch.Inline {
				if ch.ID == "" {
					ch.ID = fmt.Sprintf("bieu-do-dong-%d", ch.Line)
				}
				if !c.feed {
					p.Charts = append(p.Charts, ch) // this goroutine alone touches p
				}
			}
			return c.draw(p, ch, problems), nil
		},
	}
}

// drawUnplaced draws the front-matter charts no block placed, to go
// after the body.
func (c *charts) drawUnplaced(p *site.Page, blocks *figure.ChartBlocks, problems *diag.List) template.HTML {
	var b strings.Builder
	for _, ch := range blocks.Unplaced() {
		b.WriteString(string(c.draw(p, ch, problems)))
	}
	return template.HTML(b.String())
}

// draw renders one chart and records its CSV file.
func (c *charts) draw(p *site.Page, ch site.Chart, problems *diag.List) template.HTML {
	data, ps := c.data(p, ch)
	problems.Add(ps...)
	if diag.HasError(ps) {
		return ""
	}
	at := diag.Pos{File: p.Source, Line: ch.Line, Col: ch.Col}
	if ch.Source == "" && ch.Data == "" {
		ch.Source = figure.Sources(data.Figures)
	}
	option, err := chart.Option(ch, data, c.lang)
	if err != nil {
		problems.Add(diag.Errorf(at, "chart %s cannot be drawn: %v", ch.ID, err))
		return ""
	}
	view := chart.NewView(p.URL, ch, data, option, c.lang, c.feed)
	if slices.ContainsFunc(p.Resources, func(r site.Resource) bool { return r.Name == view.CSV }) {
		problems.Add(diag.Errorf(at, "chart %s writes its data to %s, but the article's folder already has a file of that name", ch.ID, view.CSV).
			WithHint("rename that file, or give the chart another id"))
		return ""
	}
	html, err := c.theme.Fragment(chartPartial, view)
	if err != nil {
		problems.Add(diag.Errorf(at, "chart %s: %v", ch.ID, err))
		return ""
	}
	if !c.feed {
		c.mu.Lock()
		c.files = append(c.files, generatedFile{path: p.URL[1:] + view.CSV, data: chart.CSV(ch, data, c.lang)})
		c.mu.Unlock()
	}
	return html
}

// data reads a chart's numbers from the page's figures or from its CSV
// file: first in the page bundle, then in the site's data/ folder.
func (c *charts) data(p *site.Page, ch site.Chart) (figure.Data, []*diag.Problem) {
	if ch.Data == "" {
		return figure.ChartFromFigures(p.Source, ch, p.Figures)
	}
	var candidates []string
	if strings.HasSuffix(p.Source, "/index.md") {
		candidates = append(candidates, path.Join(path.Dir(p.Source), ch.Data))
	}
	candidates = append(candidates, path.Join("data", ch.Data))
	for _, name := range candidates {
		f, err := c.site.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		return figure.ChartFromCSV(p.Source, ch, name, f)
	}
	return figure.Data{}, []*diag.Problem{diag.Errorf(diag.Pos{File: p.Source, Line: ch.Line, Col: ch.Col},
		"chart %s reads %s, which is neither beside the article nor in data/", ch.ID, ch.Data).
		WithHint("put the CSV file in the article's folder or in the site's data/ folder, or fix its name")}
}
