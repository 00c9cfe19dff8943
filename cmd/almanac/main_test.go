package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCLI(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(withLang(args), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

var goodSite = map[string]string{
	"almanac.toml":     "title = \"Thử\"\nlanguage = \"vi\"\ntime_zone = \"Asia/Ho_Chi_Minh\"\n",
	"content/tin/a.md": "---\ntitle: Bài A\ndate: 2020-12-30T15:01:15+07:00\n---\nNội dung.\n",
}

func TestBuildCommand(t *testing.T) {
	dir := writeSite(t, goodSite)
	code, out, errOut := runCLI("build", "--source", dir, "--base-url", "https://tin.example/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !regexp.MustCompile(`^Built \d+ pages, 1 section, \d+ files in \d+`).MatchString(out) {
		t.Errorf("summary line = %q", out)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "tin", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`href="https://tin.example/tin/a/"`)) {
		t.Error("--base-url did not reach the canonical link")
	}
}

func TestBuildCommandDestAndDrafts(t *testing.T) {
	files := map[string]string{"content/tin/b.md": "---\ntitle: Nháp\ndate: 2020-12-30\ndraft: true\n---\n"}
	for k, v := range goodSite {
		files[k] = v
	}
	dir := writeSite(t, files)
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCLI("build", "--source", dir, "--dest", dest, "--drafts"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dest, "tin", "b", "index.html")); err != nil {
		t.Errorf("--drafts did not publish the draft: %v", err)
	}
}

func TestBuildCommandContentErrorKeepsPublic(t *testing.T) {
	dir := writeSite(t, goodSite)
	if code, _, errOut := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, errOut)
	}
	index := filepath.Join(dir, "public", "index.html")
	before, _ := os.ReadFile(index)
	bad := "---\ntitle: Hỏng\ndate: 2020-12-30\nsummary: a: b\n---\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "tin", "c.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI("build", "--source", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "content/tin/c.md:4:") {
		t.Errorf("stderr lacks the position: %s", errOut)
	}
	after, _ := os.ReadFile(index)
	if !bytes.Equal(before, after) {
		t.Error("public/ changed after a failed build")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"bild"},
		{"build", "--nope"},
		{"build", "extra"},
		{"build", "--source", "/does/not/exist"},
	} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("almanac %v: exit %d, want 2", args, code)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI("version")
	if code != 0 || !strings.HasPrefix(out, "almanac ") {
		t.Errorf("version: %d %q", code, out)
	}
}
