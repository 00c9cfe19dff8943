package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
)

func TestHugoFrontMatterKeys(t *testing.T) {
	dir := extract(t, "hugo.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: buildTime})
	if err != nil {
		t.Fatal(err)
	}
	out := tree(t, dest)
	page := string(out["bao-cao-2020/index.html"])
	if page == "" || out["tin-tuc/bao-cao/index.html"] != nil {
		t.Fatal("url: does not publish the page at its URL instead of the file's")
	}
	for _, want := range []string{`<meta name="description" content="Mô tả cho máy tìm kiếm.">`, `"keywords":["tổng kết","năm 2020"]`, `href="/tin-tuc/">Tin tức</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, alias := range []string{"tin-tuc/bao-cao-cu/index.html", "old/report.html"} {
		a := string(out[alias])
		if !strings.Contains(a, `<meta http-equiv="refresh" content="0; url=https://example.org/bao-cao-2020/">`) ||
			!strings.Contains(a, `<link rel="canonical" href="https://example.org/bao-cao-2020/">`) || !strings.Contains(a, `content="noindex"`) {
			t.Errorf("%s is not a redirect to the page:\n%s", alias, a)
		}
	}
	sitemap := string(out["sitemap.xml"])
	if strings.Contains(sitemap, "bao-cao-cu") || strings.Contains(sitemap, "report.html") || !strings.Contains(sitemap, "/bao-cao-2020/") {
		t.Error("the sitemap lists an alias, or not the page")
	}
	if out["tin-tuc/da-dang/index.html"] == nil || out["tin-tuc/sap-dang/index.html"] != nil || out["tin-tuc/het-han/index.html"] != nil {
		t.Error("publishDate and expiryDate do not decide what is on the site")
	}
	if len(res.Skipped) != 2 {
		t.Errorf("%d pages left out, want the future and the expired one", len(res.Skipped))
	}
	if !strings.Contains(string(out["tin-tuc/da-dang/index.html"]), `datetime="2020-12-29`) {
		t.Error("an article without date: is dated by its publishDate")
	}
}

// Corrections show under the body, oldest first, make the page's
// dateModified and updated line, and reach the feed entries (issue 12, point 5).
func TestCorrections(t *testing.T) {
	dir := extract(t, "hugo.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: dest, Now: buildTime}); err != nil {
		t.Fatal(err)
	}
	out := tree(t, dest)
	page := string(out["bao-cao-2020/index.html"])
	aside := page[strings.Index(page, `<aside class="corrections"`):]
	aside = aside[:strings.Index(aside, "</aside>")]
	first, second := strings.Index(aside, "Sửa tên người phát biểu."), strings.Index(aside, "con số đúng là 1.246 triệu USD.")
	if first < 0 || second < first || !strings.Contains(aside, `<time class="corrections__date" datetime="2021-01-04T09:00:00&#43;07:00">`) {
		t.Errorf("the corrections, oldest first, with their dates:\n%s", aside)
	}
	for _, want := range []string{`"dateModified":"2021-01-04T09:00:00+07:00"`,
		`"correction":[{"@type":"CorrectionComment","text":"Sửa tên người phát biểu.","datePublished":"2021-01-02T00:00:00+07:00"}`,
		`class="byline__updated"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	rss, atom := string(out["index.xml"]), string(out["atom.xml"])
	if !strings.Contains(rss, "Đính chính 04/01/2021: Bản trước ghi nhầm") || !strings.Contains(atom, "Đính chính 02/01/2021: Sửa tên") ||
		!strings.Contains(atom, "<updated>2021-01-04T09:00:00+07:00</updated>") {
		t.Error("the feeds do not carry the corrections")
	}
}

func TestAliasAtAnotherPageIsLeftOut(t *testing.T) {
	dir := extract(t, "hugo.txtar")
	writeFile(t, dir, "content/tin-tuc/khac.md", "---\ntitle: Khác\ndate: 2020-12-28\naliases: [/tin-tuc/da-dang/, /old/report.html]\n---\n")
	res, err := buildSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"content/tin-tuc/khac.md:4: alias /old/report.html is an alias of content/tin-tuc/bao-cao.md too, whose redirect is kept",
		"content/tin-tuc/khac.md:4: alias /tin-tuc/da-dang/ is where content/tin-tuc/da-dang.md is published, so no redirect is written there",
	}
	if got := placed(res.Warnings, diag.SeverityWarning); !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
	out := tree(t, filepath.Join(dir, "public"))
	if !strings.Contains(string(out["old/report.html"]), "bao-cao-2020") || strings.Contains(string(out["tin-tuc/da-dang/index.html"]), "http-equiv") {
		t.Error("an alias replaced a page, or the first alias lost its redirect")
	}
}

// Hugo's names of the default layouts, single (any page) and list (a
// section), render with the kind's own layout; list on an article stays
// an error (TestCheckReportsEveryProblem).
func TestHugoDefaultLayoutNames(t *testing.T) {
	dir := extract(t, "hugo.txtar")
	writeFile(t, dir, "content/tin-tuc/don.md", "---\ntitle: Đơn\ndate: 2020-12-28\nlayout: single\n---\nMột trang.\n")
	writeFile(t, dir, "content/tin-tuc/_index.md", "---\ntitle: Tin tức\nlayout: list\n---\n")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	out := tree(t, filepath.Join(dir, "public"))
	if !strings.Contains(string(out["tin-tuc/don/index.html"]), `class="story"`) || !strings.Contains(string(out["tin-tuc/index.html"]), `class="list-header`) {
		t.Error("single and list do not read as the kinds' own layouts")
	}
}
