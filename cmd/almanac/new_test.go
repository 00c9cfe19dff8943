package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/config"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/site"
)

func TestNewSiteChecksAndBuilds(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		article string
		words   []string
	}{
		{nil, "tin-tuc/san-xuat-cong-nghiep-2020/index.html",
			[]string{"Giá trị sản xuất công nghiệp năm 2020 và chỉ tiêu năm 2021", `lang="vi"`}},
		{[]string{"--lang", "en"}, "news/industrial-output-2020/index.html",
			[]string{"Industrial output in 2020 and the 2021 target", `lang="en"`}},
	} {
		dir := filepath.Join(t.TempDir(), "my-site")
		args := append([]string{"new", "site", dir}, tc.args...)
		if code, out, errOut := runCLI(args...); code != 0 || !strings.Contains(out, "almanac build --source "+dir) {
			t.Fatalf("%v: exit %d: %s%s", args, code, out, errOut)
		}
		if code, out, _ := runCLI("check", "--source", dir); code != 0 || !strings.Contains(out, ": 0 errors") {
			t.Errorf("check of the new site: exit %d:\n%s", code, out)
		}
		code, _, errOut := runCLI("build", "--source", dir)
		if code != 0 && strings.Contains(errOut, "ECharts") && strings.Contains(errOut, "downloadable") {
			t.Skipf("ECharts is neither cached nor downloadable here: %s", errOut)
		}
		if code != 0 {
			t.Fatalf("build of the new site: exit %d: %s", code, errOut)
		}
		page, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(tc.article)))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`<figure class="chart"[^>]*data-chart=`).Match(page) {
			t.Errorf("%s has no chart figure", tc.article)
		}
		for _, w := range tc.words {
			if !strings.Contains(string(page), w) {
				t.Errorf("%s lacks %q", tc.article, w)
			}
		}
	}
}

func TestNewSiteRefusesNonEmptyFolder(t *testing.T) {
	dir := writeSite(t, map[string]string{"ghi-chu.txt": "của tôi"})
	code, _, errOut := runCLI("new", "site", dir)
	if code != 1 || !strings.Contains(errOut, dir+" is not empty") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder now holds %d entries", len(entries))
	}
}

func TestNewUsageErrors(t *testing.T) {
	dir := writeSite(t, goodSite)
	for _, args := range [][]string{
		{"new"},
		{"new", "page"},
		{"new", "site"},
		{"new", "site", filepath.Join(dir, "a"), filepath.Join(dir, "b")},
		{"new", "site", filepath.Join(dir, "a"), "--lang", "fr"},
		{"new", "article", "tin"},
		{"new", "article", "Tin Tức", "Tiêu đề", "--source", dir},
		{"new", "article", "../tin", "Tiêu đề", "--source", dir},
		{"new", "article", "tin", "!!!", "--source", dir},
		{"new", "article", "tin", "Tiêu đề", "--source", filepath.Join(dir, "khong-co")},
	} {
		if code, _, _ := runCLI(args...); code != 2 {
			t.Errorf("almanac %q: exit %d, want 2", args, code)
		}
	}
}

// hostileTitle needs YAML quoting: a colon and space, double quotes, a
// per cent sign and markup.
const hostileTitle = `Giá "dầu": 100% <b>`

func TestNewArticle(t *testing.T) {
	files := map[string]string{"almanac.toml": goodSite["almanac.toml"] + "author = \"Ban biên tập\"\n"}
	dir := writeSite(t, files)
	code, out, errOut := runCLI("new", "article", "tin", hostileTitle, "--source", dir)
	want := filepath.Join(dir, "content", "tin", "gia-dau-100-b.md")
	if code != 0 || out != want+"\n" {
		t.Fatalf("exit %d, printed %q, want %q: %s", code, out, want, errOut)
	}
	text, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$`).Match(text) {
		t.Errorf("no RFC 3339 date at +07:00:\n%s", text)
	}
	p := parseDraft(t, dir)
	if p.Title != hostileTitle {
		t.Errorf("title %q, want %q", p.Title, hostileTitle)
	}
	if _, offset := p.Date.Zone(); offset != 7*3600 || time.Since(p.Date) > time.Minute || time.Since(p.Date) < 0 {
		t.Errorf("date %v is not now at +07:00", p.Date)
	}
	if len(p.Authors) != 1 || p.Authors[0] != "Ban biên tập" || p.Summary != "" || len(p.Tags) != 0 || len(p.Figures) != 0 {
		t.Errorf("front matter read as %+v", p)
	}
	if code, _, errOut := runCLI("new", "article", "tin", hostileTitle, "--source", dir); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second time: exit %d: %s", code, errOut)
	}
	if again, _ := os.ReadFile(want); string(again) != string(text) {
		t.Error("the article was overwritten")
	}
}

// parseDraft parses the content of the site in dir and returns its only
// page, which must be a draft left out of the site.
func parseDraft(t *testing.T, dir string) *site.Page {
	t.Helper()
	cfg, problems := config.Load(os.DirFS(dir), "almanac.toml")
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	res, problems := parse.Dir(os.DirFS(filepath.Join(dir, "content")), parse.Options{Config: cfg, Root: "content", Now: time.Now().Add(time.Second)})
	if ps := problems.Problems(); len(ps) > 0 {
		t.Fatalf("the new article has problems:\n%v", diag.Errors(ps))
	}
	if len(res.Skipped) != 1 || !res.Skipped[0].Draft {
		t.Fatalf("skipped %v, want the new article as a draft", res.Skipped)
	}
	return res.Skipped[0]
}

func TestNewArticleInUTCSiteWithoutAuthor(t *testing.T) {
	dir := writeSite(t, map[string]string{"almanac.toml": "language = \"en\"\n"})
	code, out, errOut := runCLI("new", "article", "--source", dir, "news", "Exports fall 15%")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text, _ := os.ReadFile(strings.TrimSpace(out))
	if !regexp.MustCompile(`(?m)^date: \S+\+00:00$`).Match(text) || !strings.Contains(string(text), "# author: ") {
		t.Errorf("article:\n%s", text)
	}
	if p := parseDraft(t, dir); p.Title != "Exports fall 15%" || len(p.Authors) != 0 {
		t.Errorf("read as %+v", p)
	}
}

// TestNewArticleExampleIsValid uncomments the example figures and chart
// of a new article as its comment says, and checks the article.
func TestNewArticleExampleIsValid(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		dir := writeSite(t, map[string]string{"almanac.toml": "language = \"" + lang + "\"\n"})
		code, out, errOut := runCLI("new", "article", "tin", "Số liệu", "--source", dir)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		file := strings.TrimSpace(out)
		text, _ := os.ReadFile(file)
		example := regexp.MustCompile(`(?m)^# ((?:figures|charts):|  - .*|    .*)$`)
		if len(example.FindAll(text, -1)) < 15 {
			t.Fatalf("%s: no example to uncomment:\n%s", lang, text)
		}
		edited := example.ReplaceAll(text, []byte("$1"))
		edited = []byte(strings.Replace(string(edited), "\nfigures: []\n", "\n", 1))
		edited = append(edited, "\n```chart\nid: "+chartID(lang)+"\n```\n"...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, _ = runCLI("check", "--source", dir, "--drafts")
		if code != 0 || !strings.Contains(out, ": 0 errors") || strings.Contains(out, "content/") {
			t.Errorf("%s: the uncommented example does not check: exit %d\n%s\n%s", lang, code, out, edited)
		}
	}
}

func chartID(lang string) string {
	if lang == "vi" {
		return "san-xuat-cong-nghiep"
	}
	return "industrial-output"
}
