package build

// Files beside articles are untrusted (package bundlefile): with
// allow_html false a web page or an SVG picture that runs scripts fails
// the build, the check and the preview at its position, and public/
// keeps the last good build; with allow_html = true they are published as
// they are.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// Bundle files of bundleSite's article.
const (
	evilHTML = "<!doctype html><title>x</title><script>alert(document.domain)</script>\n"
	evilSVG  = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">` + "\n" +
		`  <script>alert(1)</script>` + "\n" +
		`  <rect width="10" height="10" onmouseover="alert(2)"/>` + "\n" +
		`</svg>` + "\n"
	// cleanSVG has what drawing programs write: a declaration, a DOCTYPE,
	// a comment, gradients, references into itself and an embedded PNG.
	cleanSVG = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + "\n" +
		`<!-- Generator: Inkscape -->` + "\n" +
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 60" width="120" height="60">` + "\n" +
		`  <defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/><stop offset="1" stop-color="#fc0"/></linearGradient>` +
		`<path id="p" d="M0 60 L60 0 L120 60z"/></defs>` + "\n" +
		`  <style>.n { fill: url(#g); font-family: sans-serif }</style>` + "\n" +
		`  <use xlink:href="#p" class="n"/><use href="#p" transform="scale(0.5)" fill="url(#g)"/>` + "\n" +
		`  <image width="1" height="1" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="/>` + "\n" +
		`  <text x="4" y="56">Đồ thị: 68.800 tỷ đồng</text>` + "\n" +
		`</svg>` + "\n"
)

// bundleSite writes a site whose article bundle holds a clean SVG picture,
// its lead picture, and the given files.
func bundleSite(t *testing.T, config string, files map[string]string) string {
	t.Helper()
	all := map[string]string{
		"almanac.toml": oddConfig + config,
		"content/tin/bai/index.md": "---\ntitle: Bài có tệp đi kèm\ndate: 2020-12-30T15:01:00+07:00\n" +
			"image: {src: sach.svg, alt: Hình minh họa}\n---\nXem ![hình](sach.svg).\n",
		"content/tin/bai/sach.svg": cleanSVG,
	}
	for name, data := range files {
		all[name] = data
	}
	return oddSite(t, all)
}

var evilFiles = map[string]string{
	"content/tin/bai/evil.html":      evilHTML,
	"content/tin/bai/evil.svg":       evilSVG,
	"content/tin/bai/anh/ghi-chu.md": "<!-- ghi chú -->\n<script>alert(3)</script>\n",
}

// evilProblems are the problems of evilFiles, in order.
var evilProblems = []want{
	{"content/tin/bai/anh/ghi-chu.md:1:1", false, "this file starts with markup (<)"},
	{"content/tin/bai/evil.html:1:1", false, "a web page (.html) cannot be published beside an article"},
	{"content/tin/bai/evil.svg:2:3", false, "SVG picture: the <script> element runs a script"},
	{"content/tin/bai/evil.svg:3:32", false, "SVG picture: the onmouseover attribute is an event handler"},
}

// TestBundleFilesOfUntrustedWriters: with allow_html false, the build
// fails with every problem at its position, public/ keeps the last good
// build, and the same files build once the bad ones are gone.
func TestBundleFilesOfUntrustedWriters(t *testing.T) {
	dir := bundleSite(t, "", nil)
	before := mustBuild(t, dir)
	if !bytes.Equal(before["tin/bai/sach.svg"], []byte(cleanSVG)) {
		t.Errorf("the clean picture is not published byte for byte:\n%s", before["tin/bai/sach.svg"])
	}
	for name, data := range evilFiles {
		writeFile(t, dir, name, data)
	}
	_, err := buildSite(dir)
	var problems diag.Errors
	if !errors.Is(err, ErrContent) || !errors.As(err, &problems) {
		t.Fatalf("err = %v, want the site's errors", err)
	}
	assertProblems(t, problems, evilProblems)
	for _, p := range problems {
		if p.In(messages.Vietnamese) == p.Error() {
			t.Errorf("%v: not said in Vietnamese", p)
		}
	}
	after := tree(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Errorf("public/ changed: %d files, then %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("public/%s changed after a failed build", name)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.*")); len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

// TestCheckReportsBundleFiles: almanac check lists the same problems as
// almanac build.
func TestCheckReportsBundleFiles(t *testing.T) {
	dir := bundleSite(t, "", evilFiles)
	assertProblems(t, checkSite(t, dir, false, false).Problems, evilProblems)
}

// TestPreviewReportsBundleFiles: the preview refuses the build when a
// bad file joins a bundle, and builds again once it is gone.
func TestPreviewReportsBundleFiles(t *testing.T) {
	dir := bundleSite(t, "", nil)
	s := newTestSession(dir)
	ctx := context.Background()
	if _, _, _, err := s.Build(ctx, nil, true); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/tin/bai/evil.svg", evilSVG)
	_, _, _, err := s.Build(ctx, []string{"content/tin/bai/evil.svg"}, false)
	var problems diag.Errors
	if !errors.As(err, &problems) {
		t.Fatalf("err = %v, want the picture's problems", err)
	}
	assertProblems(t, problems, evilProblems[2:])
	// An unchanged page keeps its problems in the next build.
	if _, _, _, err := s.Build(ctx, []string{"content/tin/khac.md"}, false); !errors.As(err, &problems) {
		t.Fatalf("err = %v, want the picture's problems again", err)
	}
	if err := os.Remove(filepath.Join(dir, "content/tin/bai/evil.svg")); err != nil {
		t.Fatal(err)
	}
	tr, _, _, err := s.Build(ctx, []string{"content/tin/bai/evil.svg"}, false)
	if err != nil {
		t.Fatalf("after removing the picture: %v", err)
	}
	compareWithFullBuild(t, dir, tr, "picture removed")
}

// TestTrustedWritersPublishBundleFiles: with allow_html = true every file
// is published byte for byte, as before.
func TestTrustedWritersPublishBundleFiles(t *testing.T) {
	dir := bundleSite(t, "allow_html = true\n", evilFiles)
	files := mustBuild(t, dir)
	for name, data := range evilFiles {
		out := strings.TrimPrefix(name, "content/")
		if !bytes.Equal(files[out], []byte(data)) {
			t.Errorf("%s is not published as it is: %q", out, files[out])
		}
	}
}

// TestDraftBundlesAreNotChecked: a draft's bundle is not published, so
// its files are not refused.
func TestDraftBundlesAreNotChecked(t *testing.T) {
	dir := bundleSite(t, "", nil)
	writeFile(t, dir, "content/tin/nhap/index.md", "---\ntitle: Nháp\ndate: 2020-12-30\ndraft: true\n---\nNháp.\n")
	writeFile(t, dir, "content/tin/nhap/evil.html", evilHTML)
	files := mustBuild(t, dir)
	if _, ok := files["tin/nhap/evil.html"]; ok {
		t.Error("a draft's bundle file was published")
	}
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(),
		Dest: filepath.Join(t.TempDir(), "public"), Now: buildTime, Drafts: true}); err == nil ||
		!strings.Contains(err.Error(), "content/tin/nhap/evil.html:1:1: a web page (.html)") {
		t.Errorf("with --drafts: err = %v, want the draft's web page refused", err)
	}
}
