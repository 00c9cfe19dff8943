package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/echarts"
)

// checkSite runs Check on dir with ECharts pointed at an empty, offline
// cache, which must stay empty: Check never fetches the library.
func checkSite(t *testing.T, dir string, drafts, future bool) *CheckResult {
	t.Helper()
	cache := t.TempDir()
	res, err := Check(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(),
		Now: buildTime, Drafts: drafts, Future: future,
		ECharts: echarts.Options{CacheDir: cache, Offline: true}})
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(cache); len(entries) > 0 {
		t.Errorf("Check wrote %d entries into the ECharts cache", len(entries))
	}
	return res
}

// want is one expected problem: its position, whether it is a warning,
// and words of its message.
type want struct {
	pos     string
	warning bool
	words   string
}

// checkProblems are the problems of testdata/check.txtar without --drafts
// and --future: one of each kind, at its position.
var checkProblems = []want{
	{"content/tin/bai-tot.md:19:31", false, "link to /tin/khong-co/ leads to no page or file of the site"},
	{"content/tin/bai-tot.md:19:61", false, "link to /tin/nhap/ leads to content/tin/nhap.md, a draft left out"},
	{"content/tin/bai-tot.md:21:25", true, "link to /tin/tuong-lai/ leads to content/tin/tuong-lai.md, which is dated 2999-01-01 08:00 +07:00"},
	{"content/tin/bai-tot.md:23:20", false, "link to /tin/khong-co/ leads to no page"},
	{"content/tin/bai-tot.md:23:47", false, "link to /tin/bài-mới/ leads to no page"},
	{"content/tin/bai-tot.md:23:70", false, "link to ../bai-tot-2/ (/tin/bai-tot-2/) leads to no page"},
	{"content/tin/bai-tot.md:24:17", false, "picture /anh/hinh.png is not a file of the site"},
	{"content/tin/bo-cuc-danh-sach.md:4", false, `layout "list" is the theme's layout of other pages (tag, author, month), and cannot show a page of kind article`},
	{"content/tin/bo-cuc.md:4", false, `layout "rong" does not exist`},
	{"content/tin/hong-yaml.md:2:1", false, "front matter is not valid YAML"},
	{"content/tin/khong-tieu-de.md:2:1", false, "the front matter has no title"},
	{"content/tin/sai-chi-tieu.md:14:18", false, "chart xuat-khau names indicator export, which no figure has"},
	{"content/tin/sai-ngay.md:3:7", false, `date "30/12/2020" is not a date`},
	{"content/tin/sai-trang-thai.md:9:13", false, `status "ước tính" is not one of actual, estimate, target, forecast`},
	{"content/tin/thieu-anh/index.md:5:8", false, `image src file "anh-bia.jpg" is not in the page's folder`},
}

func TestCheckReportsEveryProblem(t *testing.T) {
	dir := extract(t, "check.txtar")
	before := tree(t, dir)
	res := checkSite(t, dir, false, false)
	assertProblems(t, res.Problems, checkProblems)
	var skipped []string
	for _, p := range res.Skipped {
		skipped = append(skipped, p.Source)
	}
	if got := strings.Join(skipped, " "); got != "content/tin/nhap.md content/tin/tuong-lai.md" {
		t.Errorf("skipped %s", got)
	}
	after := tree(t, dir)
	if len(after) != len(before) {
		t.Errorf("Check changed the site folder: %d files, then %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("Check changed %s", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("Check made public/: %v", err)
	}
	if res.Links == 0 || res.Pages == 0 {
		t.Errorf("checked %d links on %d pages", res.Links, res.Pages)
	}
}

func TestCheckWithDraftsAndFuture(t *testing.T) {
	res := checkSite(t, extract(t, "check.txtar"), true, true)
	if len(res.Skipped) != 0 {
		t.Errorf("skipped %d pages with --drafts --future", len(res.Skipped))
	}
	var wanted []want
	for _, w := range checkProblems {
		if !strings.Contains(w.words, "/tin/nhap/") && !strings.Contains(w.words, "/tin/tuong-lai/") {
			wanted = append(wanted, w)
		}
	}
	assertProblems(t, res.Problems, wanted)
}

// assertProblems checks that the problems of content files are exactly
// the wanted ones, and that there is no other error. (The theme's own
// warnings are not this test's business.)
func assertProblems(t *testing.T, all []*diag.Problem, wanted []want) {
	t.Helper()
	var problems []*diag.Problem
	for _, p := range all {
		switch {
		case strings.HasPrefix(p.Pos.File, "content/"):
			problems = append(problems, p)
		case p.Severity == diag.SeverityError:
			t.Errorf("unexpected error %v", p)
		}
	}
	if len(problems) != len(wanted) {
		t.Errorf("%d problems, want %d:\n%v", len(problems), len(wanted), diag.Errors(problems))
	}
	for i, w := range wanted {
		if i >= len(problems) {
			break
		}
		p := problems[i]
		if p.Pos.String() != w.pos || (p.Severity == diag.SeverityWarning) != w.warning || !strings.Contains(p.Msg, w.words) {
			t.Errorf("problem %d = %v\nwant %s: %s (warning: %v)", i, p, w.pos, w.words, w.warning)
		}
		if p.Hint == "" {
			t.Errorf("%v: no hint", p)
		}
	}
}

func TestCheckExampleSite(t *testing.T) {
	res := checkSite(t, filepath.Join("..", ".."), false, false)
	if errs := res.Errors(); len(errs) > 0 {
		t.Errorf("the example site has errors:\n%v", diag.Errors(errs))
	}
	if res.Pages < 5 || res.Links < 2 {
		t.Errorf("checked %d links on %d pages", res.Links, res.Pages)
	}
}

func TestCheckRunsTemplates(t *testing.T) {
	dir := extract(t, "basic.txtar")
	writeFile(t, dir, "layouts/page.html", "{{define \"main\"}}{{asset \"css/khong-co.css\"}}{{end}}\n")
	writeFile(t, dir, "content/khac.md", "---\ntitle: Khác\n---\n")
	res := checkSite(t, dir, false, false)
	errs := res.Errors()
	if len(errs) != 1 {
		t.Fatalf("%d errors, want one for both pages:\n%v", len(errs), diag.Errors(errs))
	}
	if got := errs[0].Error(); !strings.HasPrefix(got, "layouts/page.html:1:") || !strings.Contains(got, "(and 1 more page)") {
		t.Errorf("error = %s", got)
	}
}

func TestLikelyURL(t *testing.T) {
	for _, tc := range []struct {
		name, url string
		ok        bool
	}{
		{"tin/bai.md", "/tin/bai/", true},
		{"tin/bai/index.md", "/tin/bai/", true},
		{"Tin Tức/Bài Mới.md", "/tin-tuc/bai-moi/", true},
		{"gioi-thieu.md", "/gioi-thieu/", true},
		{"tin/_index.md", "", false},
		{"_index.md", "", false},
	} {
		url, ok := likelyURL(tc.name)
		if url != tc.url || ok != tc.ok {
			t.Errorf("likelyURL(%q) = %q, %v; want %q, %v", tc.name, url, ok, tc.url, tc.ok)
		}
	}
}

func TestLinkFinder(t *testing.T) {
	body := "Xem [a](/tin/a/) và [b](/tin/a/b/).\n\nRồi [đây](/tin/đây/ \"tiêu đề\") và [a lần nữa](/tin/a/).\n\n[r]: /tin/r/\n"
	f := &linkFinder{file: "content/x.md", body: markdownBody{text: []byte(body), line: 5}, next: map[string]int{}}
	for _, tc := range []struct{ dest, pos string }{
		{"/tin/a/b/", "content/x.md:5:25"},
		{"/tin/a/", "content/x.md:5:9"},
		{"/tin/%C4%91%C3%A2y/", "content/x.md:7:11"},
		{"/tin/a/", "content/x.md:7:47"},
		{"/tin/r/", "content/x.md:9:6"},
		{"/tin/a/", "content/x.md:7:47"}, // no third occurrence: its last place again, as a reference definition used twice
		{"/tin/", "content/x.md:5:1"},    // a prefix of other destinations is none of them
	} {
		if got := f.find(tc.dest).String(); got != tc.pos {
			t.Errorf("find(%q) = %s, want %s", tc.dest, got, tc.pos)
		}
	}
}
