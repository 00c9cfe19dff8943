package build

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// storyBody is the body of an article page, as the theme wraps it.
var storyBody = regexp.MustCompile(`(?s)<div class="story__body prose">.*?\n</div>\n(?:<nav|<section|</article)`)

// TestShortcodesBuild builds every built-in shortcode and a site's own,
// and compares the article's body with testdata/shortcodes.golden.html.
func TestShortcodesBuild(t *testing.T) {
	dir := extract(t, "shortcodes.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: buildTime}); err != nil {
		t.Fatal(err)
	}
	out := tree(t, dest)
	page := string(out["tin-tuc/san-xuat/index.html"])
	body := storyBody.FindString(page)
	body = body[:strings.LastIndexByte(body, '\n')+1]
	if body == "" {
		t.Fatalf("no body in the article:\n%s", page)
	}
	golden(t, "testdata/shortcodes.golden.html", body)
	for _, want := range []string{
		`<script defer src="/bantin/assets/js/embed.`, // the video's script, on this page only
		`<meta name="description" content="Giá trị sản xuất ước đạt trên 68.800 tỷ đồng, theo Sở Công Thương (Phòng Thông tin).`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article lacks %q", want)
		}
	}
	if strings.Contains(string(out["tin-tuc/kim-ngach-xuat-khau/index.html"]), "embed.") {
		t.Error("a page without a video loads the video script")
	}
	feed := string(out["tin-tuc/index.xml"])
	for _, want := range []string{
		`href="https://example.org/bantin/tin-tuc/kim-ngach-xuat-khau/"`, // relref, absolute in feeds
		`src="https://example.org/bantin/tin-tuc/san-xuat/bieu-do.svg"`,  // a figure's picture
		`href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"`,             // a video is its link
	} {
		if !strings.Contains(feed, strings.ReplaceAll(strings.ReplaceAll(want, `"`, "&#34;"), "<", "&lt;")) && !strings.Contains(feed, want) {
			t.Errorf("the feed lacks %s", want)
		}
	}
}

// golden compares got with the file name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	if *update {
		must(t, os.WriteFile(name, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(name)
	must(t, err)
	if got != string(want) {
		t.Errorf("%s differs (go test -run %s -update rewrites it):\n%s", name, t.Name(), got)
	}
}

func TestShortcodeErrors(t *testing.T) {
	res := checkSite(t, extract(t, "shortcode-errors.txtar"), false, false)
	assertProblems(t, res.Problems, []want{
		{pos: "content/tin-tuc/loi.md:11:10", words: "unknown shortcode youtub"},
		{pos: "content/tin-tuc/loi.md:12:11", words: `xuat-kau leads to no page: no content file is xuat-kau.md or xuat-kau/index.md`},
		{pos: "content/tin-tuc/loi.md:12:41", words: "shortcode value: the article has no figure industry-outpt"},
		{pos: "content/tin-tuc/loi.md:13:1", words: `shortcode youtube: "not-an-id" is not a video id`},
		{pos: "content/tin-tuc/loi.md:14:1", words: "shortcode figure needs the picture's file, src="},
		{pos: "content/tin-tuc/loi.md:15:1", words: `shortcode callout: "ghi-chu" is not a kind of callout`},
		{pos: "content/tin-tuc/loi.md:16:1", words: "shortcode param: neither the page nor the site has a parameter khong-co"},
		{pos: "content/tin-tuc/loi.md:16:24", words: `shortcode chart: "Bieu_Do" is not a chart id`},
		{pos: "content/tin-tuc/loi.md:17:11", words: "shortcode details is not closed with >}}"},
	})
	for i, hint := range []string{"did you mean youtube?", "did you mean /tin-tuc/xuat-khau?", "did you mean industry-output?"} {
		if i < len(res.Problems) && !strings.Contains(res.Problems[i].Hint, hint) {
			t.Errorf("%v: the hint does not say %q", res.Problems[i], hint)
		}
	}
}

// TestShortcodeEditsEqualFullBuilds edits what shortcodes read besides
// their own page, a ref's target and a site's template, and compares the
// preview's tree with a full build after each edit.
func TestShortcodeEditsEqualFullBuilds(t *testing.T) {
	dir := extract(t, "shortcodes.txtar")
	steps := []editStep{
		{"content/tin-tuc/xuat-khau.md", func(s string) string {
			return strings.Replace(s, "slug: kim-ngach-xuat-khau", "slug: xuat-khau-2020", 1)
		}},
		{"layouts/shortcodes/trich-dan.html", func(s string) string { return strings.Replace(s, "blockquote", "aside", 2) }},
		{"content/tin-tuc/san-xuat/index.md", func(s string) string { return strings.Replace(s, "{{< vimeo 76979871 >}}", "", 1) }},
		{"content/tin-tuc/xuat-khau.md", func(s string) string { return strings.Replace(s, "slug: xuat-khau-2020", "url: /xk/", 1) }},
	}
	replayEdits(t, dir, steps, func(i int, tree Tree) {
		if page, _, _ := tree.File("tin-tuc/san-xuat/index.html"); i == 0 && !strings.Contains(string(page), `/bantin/tin-tuc/xuat-khau-2020/`) {
			t.Errorf("step %d: the relref does not follow its target's new slug", i+1)
		}
	})
}
