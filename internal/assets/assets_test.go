package assets

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestCollect(t *testing.T) {
	fsys := fstest.MapFS{
		"css/main.css":          file("body{}"),
		"images/logo.svg":       file("<svg/>"),
		"fonts/LICENSE":         file("MIT"),
		"images/ảnh bìa.svg":    file("<svg/>"),
		".DS_Store":             file("junk"),
		"images/.hidden.svg":    file("junk"),
		".git/config":           file("junk"),
		"css/.cache/old.css":    file("junk"),
		"js/vendor/lib.min.js":  file(""),
		"data/archive.tar.gz":   file("MIT"),
		"images/empty-folder/.": {Mode: fs.ModeDir},
	}
	m, err := Collect(fsys)
	if err != nil {
		t.Fatal(err)
	}
	// Hashes are the first 8 hex digits of sha256sum of each content.
	want := []File{
		{"css/main.css", "assets/css/main.7c98040a.css", []byte("body{}")},
		{"data/archive.tar.gz", "assets/data/archive.tar.e5dcffe8.gz", []byte("MIT")},
		{"fonts/LICENSE", "assets/fonts/LICENSE.e5dcffe8", []byte("MIT")},
		{"images/logo.svg", "assets/images/logo.d4dc5666.svg", []byte("<svg/>")},
		{"images/ảnh bìa.svg", "assets/images/ảnh bìa.d4dc5666.svg", []byte("<svg/>")},
		{"js/vendor/lib.min.js", "assets/js/vendor/lib.min.e3b0c442.js", []byte("")},
	}
	if got := m.Files(); !reflect.DeepEqual(got, want) {
		t.Errorf("Files() =\n%q\nwant\n%q", got, want)
	}
}

func TestURL(t *testing.T) {
	m, err := Collect(fstest.MapFS{"css/main.css": file("body{}"), "images/ảnh bìa.svg": file("<svg/>")})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		logical, want string
		ok            bool
	}{
		{"css/main.css", "/assets/css/main.7c98040a.css", true},
		{"/css/main.css", "/assets/css/main.7c98040a.css", true},
		{"images/ảnh bìa.svg", "/assets/images/%E1%BA%A3nh%20b%C3%ACa.d4dc5666.svg", true},
		{"css/missing.css", "", false},
		{"main.css", "", false},
	}
	for _, tt := range tests {
		if got, ok := m.URL(tt.logical); got != tt.want || ok != tt.ok {
			t.Errorf("URL(%q) = %q, %v; want %q, %v", tt.logical, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHashFollowsContent(t *testing.T) {
	a := OutputName("css/main.css", []byte("body{color:red}"))
	b := OutputName("css/main.css", []byte("body{color:blue}"))
	if a == b {
		t.Errorf("different contents share the output name %s", a)
	}
	if again := OutputName("css/main.css", []byte("body{color:red}")); again != a {
		t.Errorf("output name not deterministic: %s, then %s", a, again)
	}
}

func TestAdd(t *testing.T) {
	m, err := Collect(fstest.MapFS{"js/site.js": file("x")})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Add("js/charts.js", []byte("")); err != nil {
		t.Fatal(err)
	}
	if got, ok := m.URL("js/charts.js"); !ok || got != "/assets/js/charts.e3b0c442.js" {
		t.Errorf("URL of the added asset = %q, %v", got, ok)
	}
	if files := m.Files(); len(files) != 2 || files[0].Logical != "js/charts.js" {
		t.Errorf("Files() = %+v, want js/charts.js first", files)
	}
	if err := m.Add("js/site.js", nil); !errors.Is(err, fs.ErrExist) {
		t.Errorf("adding a taken name: %v, want fs.ErrExist", err)
	}
	for _, bad := range []string{"", ".", "/js/x.js", "../x.js", "js//x.js", `js\x.js`, "js/"} {
		if err := m.Add(bad, nil); err == nil {
			t.Errorf("Add(%q) succeeded", bad)
		}
	}
}

func TestMissingFolderIsEmpty(t *testing.T) {
	sub, err := fs.Sub(fstest.MapFS{"content/a.md": file("")}, "assets")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Collect(sub)
	if err != nil {
		t.Fatal(err)
	}
	if files := m.Files(); len(files) != 0 {
		t.Errorf("Files() = %v, want none", files)
	}
	if files := New().Files(); len(files) != 0 {
		t.Errorf("New().Files() = %v, want none", files)
	}
}
