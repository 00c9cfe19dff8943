package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// checkedSite is goodSite with a broken link, a bad date and a draft.
func checkedSite() map[string]string {
	files := map[string]string{
		"content/tin/b.md":    "---\ntitle: Bài B\ndate: 2020-12-31\n---\nXem [bài A](/tin/a/) và [bài C](/tin/c/).\n",
		"content/tin/hong.md": "---\ntitle: Hỏng\ndate: 31/12/2020\n---\n",
		"content/tin/nhap.md": "---\ntitle: Bài \"nháp\"\ndate: 2020-12-29T08:00:00+07:00\ndraft: true\n---\n",
	}
	for k, v := range goodSite {
		files[k] = v
	}
	return files
}

func TestCheckCommandReportsAndLeavesOut(t *testing.T) {
	dir := writeSite(t, checkedSite())
	code, out, errOut := runCLI("check", "--source", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s%s", code, out, errOut)
	}
	for _, want := range []string{
		"content/tin/b.md:5:33: link to /tin/c/ leads to no page or file of the site",
		`content/tin/hong.md:3:7: date "31/12/2020" is not a date`,
		"Left out of the site",
		`  draft   2020-12-29 08:00 +07:00  content/tin/nhap.md  Bài "nháp"` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`Checked \d+ pages and 2 links: 2 errors, \d+ warnings?\.\n$`).MatchString(out) {
		t.Errorf("summary:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("check made public/: %v", err)
	}
}

func TestCheckCommandDrafts(t *testing.T) {
	files := checkedSite()
	delete(files, "content/tin/hong.md")
	files["content/tin/b.md"] = "---\ntitle: Bài B\ndate: 2020-12-31\n---\nXem [bài nháp](/tin/nhap/).\n"
	dir := writeSite(t, files)
	code, out, _ := runCLI("check", "--source", dir)
	if code != 1 || !strings.Contains(out, "content/tin/b.md:5:16: link to /tin/nhap/ leads to content/tin/nhap.md, a draft") {
		t.Errorf("without --drafts: exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI("check", "--drafts", "--source", dir)
	if code != 0 || strings.Contains(out, "Left out") || !strings.Contains(out, ": 0 errors") {
		t.Errorf("with --drafts: exit %d:\n%s", code, out)
	}
}

func TestCheckCommandGoodSite(t *testing.T) {
	code, out, errOut := runCLI("check", "--source", writeSite(t, goodSite))
	if code != 0 || !strings.Contains(out, ": 0 errors") || strings.Contains(out, "Left out") {
		t.Errorf("exit %d:\n%s%s", code, out, errOut)
	}
}

func TestCheckCommandExampleSite(t *testing.T) {
	if code, out, errOut := runCLI("check", "--source", filepath.Join("..", "..")); code != 0 {
		t.Errorf("the example site: exit %d:\n%s%s", code, out, errOut)
	}
}

func TestCheckCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"check", "extra"},
		{"check", "--nope"},
		{"check", "--source", "/does/not/exist"},
	} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("almanac %v: exit %d, want 2", args, code)
		}
	}
	if code, _, _ := runCLI("check", "-h"); code != 0 {
		t.Errorf("check -h: exit %d", code)
	}
}
