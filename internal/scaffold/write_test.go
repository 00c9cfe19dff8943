package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBundleArticleComments(t *testing.T) {
	for _, lang := range Languages() {
		single, err := Article{Title: "x", Date: time.Now(), Lang: lang}.Markdown()
		if err != nil {
			t.Fatal(err)
		}
		bundle, err := Article{Title: "x", Date: time.Now(), Lang: lang, Bundle: true}.Markdown()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"\n# image:\n#   src: ", "\n# audio: ", ".mp3\n", "data: ", ".csv"} {
			if !bytes.Contains(bundle, []byte(want)) {
				t.Errorf("%s bundle lacks %q:\n%s", lang, want, bundle)
			}
		}
		if bytes.Contains(single, []byte("# image:")) || bytes.Contains(single, []byte("index.md")) {
			t.Errorf("%s single-file article speaks of a bundle:\n%s", lang, single)
		}
		if !bytes.Contains(bundle, []byte("\ntags: []\n# ")) || !bytes.Contains(single, []byte("\ntags: []\n# ")) {
			t.Errorf("%s: the comments do not start on their own line after tags", lang)
		}
	}
}

func TestWriteArticle(t *testing.T) {
	site := t.TempDir()
	md := []byte("---\ntitle: x\n---\n")
	file, err := WriteArticle(site, "tin", "bai", true, md)
	if want := filepath.Join(site, "content", "tin", "bai", "index.md"); err != nil || file != want {
		t.Fatalf("bundle: %q, %v; want %q", file, err, want)
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, md) {
		t.Errorf("wrote %q", got)
	}
	for _, tc := range []struct {
		section, name string
		bundle        bool
		words         string
	}{
		{"tin", "bai", true, "already exists"},
		{"tin", "bai", false, "already makes this article's page"},
		{"tin/bai", "khac", false, "is a page bundle"},
	} {
		if _, err := WriteArticle(site, tc.section, tc.name, tc.bundle, md); err == nil || !strings.Contains(err.Error(), tc.words) {
			t.Errorf("%+v: %v, want %q", tc, err, tc.words)
		}
	}
	if _, err := WriteArticle(site, "tin", "mot", false, md); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteArticle(site, "tin", "mot", true, md); err == nil || !strings.Contains(err.Error(), "mot.md already makes") {
		t.Errorf("a bundle beside mot.md: %v", err)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "tin", "mot")); !os.IsNotExist(err) {
		t.Errorf("the refused bundle left a folder: %v", err)
	}
}
