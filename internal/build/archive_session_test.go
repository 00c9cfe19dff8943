package build

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
)

var archiveSize = flag.Int("archive", 300, "articles of the generated archive TestArchiveEditsEqualFullBuilds edits (10000 to measure as issue 11 asks; slow)")

// archiveEdits change one article of a generated archive as journalists
// do: its body, title, tags, date or section. They return the paths they
// touched.
var archiveEdits = []struct {
	name string
	edit func(t *testing.T, dir, name string, r *rand.Rand, n int) []string
}{
	{"body", func(t *testing.T, dir, name string, r *rand.Rand, n int) []string {
		rewrite(t, dir, name, func(s string) string { return s + fmt.Sprintf("\nĐoạn bổ sung lần %d.\n", n) })
		return []string{name}
	}},
	{"title", func(t *testing.T, dir, name string, r *rand.Rand, n int) []string {
		rewrite(t, dir, name, func(s string) string { return strings.Replace(s, `title: "`, fmt.Sprintf(`title: "Sửa %d - `, n), 1) })
		return []string{name}
	}},
	{"tags", func(t *testing.T, dir, name string, r *rand.Rand, n int) []string {
		tags := regexp.MustCompile(`(?m)^tags: \["[^"]*"`)
		rewrite(t, dir, name, func(s string) string {
			return tags.ReplaceAllString(s, fmt.Sprintf(`tags: ["%s"`, []string{"Xuất khẩu", "Giá cả", "Năng lượng", "Thẻ mới"}[r.IntN(4)]))
		})
		return []string{name}
	}},
	{"date", func(t *testing.T, dir, name string, r *rand.Rand, n int) []string {
		date := regexp.MustCompile(`(?m)^date: \d{4}`)
		rewrite(t, dir, name, func(s string) string { return date.ReplaceAllString(s, fmt.Sprintf("date: %d", 2011+r.IntN(10))) })
		return []string{name}
	}},
	{"section", func(t *testing.T, dir, name string, r *rand.Rand, n int) []string {
		to := fmt.Sprintf("content/%s/chuyen-%d.md", []string{"dau-tu", "nang-luong", "thuong-mai"}[r.IntN(3)], n)
		must(t, os.Rename(filepath.Join(dir, name), filepath.Join(dir, to)))
		return []string{name, to}
	}},
}

// TestArchiveEditsEqualFullBuilds edits articles of a generated archive
// (tags from a vocabulary, many authors, ten years, charts) one at a time
// and checks after each edit that the preview's incremental build is
// exactly what a full build writes: every list, feed, sitemap and related
// block follows the edit. With -archive 10000 it runs on the archive size
// issue 11 names.
func TestArchiveEditsEqualFullBuilds(t *testing.T) {
	dir := t.TempDir()
	writeGeneratedSite(t, dir, *archiveSize)
	s := NewSession(Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: generatedNow})
	_, _, _, err := s.Build(context.Background(), nil, true)
	must(t, err)
	r := rand.New(rand.NewPCG(11, uint64(*archiveSize)))
	for n := range 2 * len(archiveEdits) {
		e := archiveEdits[n%len(archiveEdits)]
		name := pick(t, dir, r, "content/*/*-*.md")
		changed := e.edit(t, dir, name, r, n)
		tree, change, _, err := s.Build(context.Background(), changed, false)
		must(t, err)
		t.Logf("%s of %s: %d pages rendered", e.name, name, change.Rendered)
		compareWithBuildAt(t, dir, tree, fmt.Sprintf("edit %d (%s of %s)", n, e.name, name), generatedNow)
	}
}
