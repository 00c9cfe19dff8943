package gates

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
)

// buildTime is the builds' "now": after every article of both sites.
var buildTime = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

// The sites under the gates.
const (
	exampleSite = "../.."                           // the repository root is the example site
	englishSite = "../build/testdata/english.txtar" // the English test site
	tabsAtOnce  = 2                                 // pages audited at the same time
	chartsLimit = 10 * time.Second                  // how long charts may take to draw
	drawnJS     = `[...document.querySelectorAll('figure[data-chart]')].every(f => {
	const canvas = f.querySelector('.chart-canvas');
	return canvas && !canvas.hidden && canvas.querySelector('svg path');
})`
)

// builtSite is a site built into a temporary folder and served on loopback.
type builtSite struct {
	Name   string   // example or english
	Public string   // the built site's folder
	URL    string   // where it is served, without a trailing slash
	Pages  []string // every HTML file, slash-separated and relative to Public
}

// file is the path of one of the site's pages on disk.
func (s builtSite) file(page string) string { return filepath.Join(s.Public, filepath.FromSlash(page)) }

// pageURL is the address of one of the site's pages: a folder's index.html
// is asked for by the folder's URL, as readers' links do.
func (s builtSite) pageURL(page string) string {
	if page == "index.html" {
		return s.URL + "/"
	}
	if dir, ok := strings.CutSuffix(page, "/index.html"); ok {
		return s.URL + "/" + dir + "/"
	}
	return s.URL + "/" + page
}

func TestGates(t *testing.T) {
	sites := []builtSite{
		buildSite(t, "example", exampleSite),
		buildSite(t, "english", extractSite(t, englishSite)),
	}
	t.Run("vnu", func(t *testing.T) {
		t.Parallel()
		checkHTML(t, sites)
	})
	t.Run("chromium", func(t *testing.T) {
		t.Parallel()
		auditPages(t, sites)
	})
}

// buildSite builds the site in folder dir, serves it until the test ends
// and lists its pages.
func buildSite(t *testing.T, name, dir string) builtSite {
	t.Helper()
	public := filepath.Join(t.TempDir(), "public")
	_, err := build.Run(context.Background(), build.Options{
		Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: public, Now: buildTime,
	})
	if err != nil {
		t.Fatalf("building the %s site: %v", name, err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	t.Cleanup(srv.Close)
	s := builtSite{Name: name, Public: public, URL: srv.URL}
	err = fs.WalkDir(os.DirFS(public), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".html" {
			s.Pages = append(s.Pages, p)
		}
		return err
	})
	if err != nil || len(s.Pages) == 0 {
		t.Fatalf("listing the pages of the %s site: %d pages, %v", name, len(s.Pages), err)
	}
	return s
}

// extractSite writes a txtar archive into a new temporary site folder and
// returns the folder.
func extractSite(t *testing.T, archive string) string {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// auditPages opens every page of the sites in Chromium, a few tabs at a
// time, each page in a subtest of its own.
func auditPages(t *testing.T, sites []builtSite) {
	axeSource, err := os.ReadFile(toolFile(t, axeCore()))
	if err != nil {
		t.Fatal(err)
	}
	browser := startChromium(t)
	tabs := make(chan struct{}, tabsAtOnce)
	start := time.Now()
	t.Cleanup(func() {
		t.Logf("axe-core %s audited the pages in %v", axeCore().Version, time.Since(start).Round(time.Millisecond))
	})
	for _, s := range sites {
		for _, p := range s.Pages {
			t.Run(s.Name+"/"+p, func(t *testing.T) {
				t.Parallel()
				tabs <- struct{}{}
				defer func() { <-tabs }()
				auditPage(t, browser, s.pageURL(p), s.Name+":"+p, string(axeSource))
			})
		}
	}
}

// auditPage opens one page in a new tab, waits for its charts, audits it
// with axe-core in light and dark colours and fails for anything the page
// reported on the way.
func auditPage(t *testing.T, browser context.Context, url, page, axeSource string) {
	ctx := openTab(t, browser)
	problems := watchTab(t, ctx)
	navigate(t, ctx, url)
	if !waitFor(t, ctx, drawnJS, chartsLimit) {
		t.Errorf("%s: the charts were not all drawn within %v", page, chartsLimit)
	}
	openDataTables(t, ctx)
	injectAxe(t, ctx, axeSource)
	runAxe(t, ctx, page, "light", allRules)
	emulateDarkMode(t, ctx)
	if !waitFor(t, ctx, drawnJS, chartsLimit) {
		t.Errorf("%s: the charts were not all drawn again in dark colours within %v", page, chartsLimit)
	}
	runAxe(t, ctx, page, "dark", colourRules)
	problems.report(t, page)
}
