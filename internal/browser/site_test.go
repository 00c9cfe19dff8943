package browser

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
)

const (
	exampleSite    = "../.."                           // the repository root is the example site
	exampleArticle = "/cong-thuong/tong-ket-nam-2020/" // KPI cards and three charts
	hostileArticle = "/thu/doc-hai/"                   // in testdata/hostile.txtar
)

// buildTime is the build's "now": after every article of the sites built.
var buildTime = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

// buildSite builds the site in folder site into a new temporary folder and
// returns that folder, the site's public/.
func buildSite(t *testing.T, site string) string {
	t.Helper()
	public := filepath.Join(t.TempDir(), "public")
	_, err := build.Run(context.Background(), build.Options{
		Site: os.DirFS(site), Theme: almanac.Theme(), Dest: public, Now: buildTime,
	})
	if err != nil {
		t.Fatalf("building %s: %v", site, err)
	}
	return public
}

// extractSite writes a txtar archive from testdata into a new temporary
// site folder and returns the folder.
func extractSite(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string]string, len(ar.Files))
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	return writeSiteFiles(t, files)
}

// writeSiteFiles writes files (slash path → text) into a new temporary
// site folder and returns the folder.
func writeSiteFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// serve serves a built site on loopback until the test ends, and returns
// its base URL (no trailing slash).
func serve(t *testing.T, public string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	t.Cleanup(srv.Close)
	return srv.URL
}
