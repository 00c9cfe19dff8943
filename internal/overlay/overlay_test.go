package overlay

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// siteLayouts overrides some files of defaultTheme and adds its own.
func siteLayouts() fstest.MapFS {
	return fstest.MapFS{
		"article.html":             file("site article"),
		"partials/header.html":     file("site header"),
		"partials/masthead.html":   file("site masthead"),
		"shortcodes/chart.html":    file("site chart"),
		"partials/charts/bar.html": file("site bar"),
	}
}

func defaultTheme() fstest.MapFS {
	return fstest.MapFS{
		"article.html":              file("theme article"),
		"base.html":                 file("theme base"),
		"section.html":              file("theme section"),
		"partials/header.html":      file("theme header"),
		"partials/footer.html":      file("theme footer"),
		"partials/charts/line.html": file("theme line"),
	}
}

func TestMergedPassesTestFS(t *testing.T) {
	fsys := New(siteLayouts(), defaultTheme())
	err := fstest.TestFS(fsys,
		"article.html", "base.html", "section.html",
		"partials/header.html", "partials/footer.html", "partials/masthead.html",
		"partials/charts/bar.html", "partials/charts/line.html", "shortcodes/chart.html")
	if err != nil {
		t.Fatal(err)
	}
}

func TestFirstLayerWins(t *testing.T) {
	fsys := New(siteLayouts(), defaultTheme())
	tests := map[string]string{
		"article.html":              "site article",
		"partials/header.html":      "site header",
		"partials/masthead.html":    "site masthead",
		"base.html":                 "theme base",
		"partials/footer.html":      "theme footer",
		"partials/charts/line.html": "theme line",
	}
	for name, want := range tests {
		data, err := fs.ReadFile(fsys, name)
		if err != nil || string(data) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, data, err, want)
		}
		f, err := fsys.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		data, err = io.ReadAll(f)
		f.Close()
		if err != nil || string(data) != want {
			t.Errorf("Open(%s) reads %q, %v; want %q", name, data, err, want)
		}
		info, err := fs.Stat(fsys, name)
		if err != nil || info.Size() != int64(len(want)) {
			t.Errorf("Stat(%s) = %v, %v; want size %d", name, info, err, len(want))
		}
	}
}

func TestReadDirMerged(t *testing.T) {
	fsys := New(siteLayouts(), defaultTheme())
	tests := map[string][]string{
		".":               {"article.html", "base.html", "partials", "section.html", "shortcodes"},
		"partials":        {"charts", "footer.html", "header.html", "masthead.html"},
		"partials/charts": {"bar.html", "line.html"},
	}
	for dir, want := range tests {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(entries); !slices.Equal(got, want) {
			t.Errorf("ReadDir(%s) = %v, want %v", dir, got, want)
		}
	}
}

func TestMissingLayer(t *testing.T) {
	missing, err := fs.Sub(fstest.MapFS{"content/a.md": file("")}, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	fsys := New(missing, defaultTheme())
	if data, err := fs.ReadFile(fsys, "article.html"); err != nil || string(data) != "theme article" {
		t.Errorf("ReadFile = %q, %v", data, err)
	}
	if err := fstest.TestFS(fsys, "article.html", "partials/charts/line.html"); err != nil {
		t.Fatal(err)
	}
	empty := New(missing, missing)
	if entries, err := fs.ReadDir(empty, "."); err != nil || len(entries) != 0 {
		t.Errorf("ReadDir of an overlay of missing layers = %v, %v; want empty", entries, err)
	}
	if err := fstest.TestFS(empty); err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(New()); err != nil {
		t.Fatal(err)
	}
}

func TestFileShadowsFolder(t *testing.T) {
	first := fstest.MapFS{"partials": file("a file"), "x/y/z.html": file("first z")}
	middle := fstest.MapFS{"x": file("a file, shadowed by the folder x of the first layer")}
	last := fstest.MapFS{"partials/header.html": file("hidden"), "x/c.html": file("last c")}
	fsys := New(first, middle, last)

	if _, err := fsys.Open("partials/header.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file under a shadowing file opened: %v", err)
	}
	if data, err := fs.ReadFile(fsys, "partials"); err != nil || string(data) != "a file" {
		t.Errorf("ReadFile(partials) = %q, %v", data, err)
	}
	if entries, err := fs.ReadDir(fsys, "x"); err != nil || !slices.Equal(names(entries), []string{"c.html", "y"}) {
		t.Errorf("ReadDir(x) = %v, %v; want c.html and y", names(entries), err)
	}
	if err := fstest.TestFS(fsys, "partials", "x/y/z.html", "x/c.html"); err != nil {
		t.Fatal(err)
	}
}

func TestOSLayers(t *testing.T) {
	site, theme := t.TempDir(), t.TempDir()
	writeFiles(t, site, map[string]string{"partials": "a file", "article.html": "site article"})
	writeFiles(t, theme, map[string]string{"partials/header.html": "hidden", "article.html": "theme article", "base.html": "theme base"})
	fsys := New(os.DirFS(site), os.DirFS(theme), os.DirFS(filepath.Join(site, "missing")))
	if _, err := fsys.Open("partials/header.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file under a shadowing file opened: %v", err)
	}
	if err := fstest.TestFS(fsys, "partials", "article.html", "base.html"); err != nil {
		t.Fatal(err)
	}
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestErrors(t *testing.T) {
	fsys := New(siteLayouts(), defaultTheme())
	for _, name := range []string{"/article.html", "../x", "a//b", "partials/", ""} {
		if _, err := fsys.Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q) = %v, want fs.ErrInvalid", name, err)
		}
	}
	if _, err := fsys.Open("nope.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(nope.html) = %v, want fs.ErrNotExist", err)
	}
	if _, err := fs.ReadFile(fsys, "partials"); err == nil {
		t.Error("ReadFile of a folder succeeded")
	}
	if _, err := fs.ReadDir(fsys, "base.html"); err == nil {
		t.Error("ReadDir of a file succeeded")
	}
	denied := failingFS{errors.New("permission denied")}
	_, err := New(denied, defaultTheme()).Open("base.html")
	if !errors.Is(err, denied.err) {
		t.Errorf("Open through a failing layer = %v, want its error", err)
	}
}

// failingFS fails every call with err.
type failingFS struct{ err error }

func (f failingFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: f.err}
}

func names(entries []fs.DirEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
