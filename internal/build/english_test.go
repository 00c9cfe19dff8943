package build

import (
	"html"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac"
)

// vietnameseStrings are the pieces of the default theme's Vietnamese
// interface strings, and the Vietnamese date words, that no page of an
// English site may show.
func vietnameseStrings(t *testing.T) []string {
	t.Helper()
	read := func(name string) map[string]string {
		data, err := fs.ReadFile(almanac.Theme(), "layouts/i18n/"+name)
		if err != nil {
			t.Fatal(err)
		}
		table := map[string]string{}
		if err := yaml.Unmarshal(data, &table); err != nil {
			t.Fatal(err)
		}
		return table
	}
	english := read("en.yaml")
	pieces := []string{"Thứ Hai", "Thứ Tư", "Chủ Nhật", "Tháng 12", "tháng", "(GMT+0)\u00a0"}
	placeholder := regexp.MustCompile(`\{\d+\}`)
	for key, text := range read("vi.yaml") {
		if text == english[key] {
			continue
		}
		for _, piece := range placeholder.Split(text, -1) {
			if piece = strings.TrimSpace(piece); len([]rune(piece)) >= 4 {
				pieces = append(pieces, piece)
			}
		}
	}
	return pieces
}

func TestEnglishSite(t *testing.T) {
	dir := extract(t, "english.txtar")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	files := tree(t, filepath.Join(dir, "public"))
	page := func(name string) string {
		t.Helper()
		data, ok := files[name]
		if !ok {
			t.Fatalf("public/%s missing", name)
		}
		return html.UnescapeString(string(data))
	}
	expectations := map[string][]string{
		"industry/year-review/index.html": {
			`<html lang="en">`, "Wednesday, 30 December 2020, 15:01 (GMT+0)", // dateline in Europe/London
			"By <strong>", ">Jane Smith</a> and <a", `href="/authors/tom-brown/" rel="author"`,
			"1 min read", "Key figures", "68,800", "46,315", "−1.7%", "+2.6%", "down 1.7% <span class=\"kpi__base\">on 2019</span>",
			"Show data table", "Source:", "Tags", `href="/tags/year-in-review/" rel="tag"`,
			"Previous article", "Power stations ran at full capacity", "Related articles", "More from this section",
			`"datePublished":"2020-12-30T15:01:15+00:00"`, `"inLanguage":"en"`, `"name":"Home"`,
			`<meta property="article:section" content="Industry">`, "Skip to main content", "Published with Almanac.",
		},
		"trade/exports/index.html": {
			"Monday, 28 December 2020, 08:00 (GMT+0)", "Updated", "Thursday, 31 December 2020, 10:15 (GMT+0)",
			"By <strong>", ">News desk</a>", "Previous article", "Shops stayed open for the holidays",
		},
		// dated 2020-12-20, a day without a time: the dateline shows the day alone
		"trade/retail/index.html": {`<time datetime="2020-12-20T00:00:00+00:00">Sunday, 20 December 2020</time>`, "Next article", "Exports reached a record in December"},
		"index.html":              {"Wednesday, 30 December 2020", "Top stories", "Latest news", "More in Industry", "30 Dec 2020"},
		"industry/index.html":     {"Industry", `href="/industry/index.xml"`, "30 Dec 2020", "3 Nov 2020"},
		"tags/index.html": {
			"<title>Tags | The County Ledger</title>", ">Industry</a> <span class=\"terms__count\">3 articles</span>",
			">Energy</a> <span class=\"terms__count\">1 article</span>",
		},
		"tags/industry/index.html": {
			"<title>Tag: Industry | The County Ledger</title>", "3 articles", "RSS feed",
			`<link rel="alternate" type="application/rss+xml" href="/tags/industry/index.xml"`,
			`href="/tags/industry/page/2/"`, "Next page",
		},
		"authors/index.html":            {"<title>Authors | The County Ledger</title>", "Jane Smith", "Tom Brown", "News desk"},
		"authors/jane-smith/index.html": {"<title>Articles by Jane Smith | The County Ledger</title>", "2 articles"},
		"archive/index.html":            {"<title>Archive | The County Ledger</title>", ">December</a>", ">November</a>", "2020 <span"},
		"archive/2020/12/index.html":    {"<title>Archive: December 2020 | The County Ledger</title>", "3 articles"},
		"archive/2020/11/index.html":    {"November 2020", "Power stations ran at full capacity"},
		"404.html":                      {"Page not found", "Go to the home page"},
	}
	for name, wants := range expectations {
		text := page(name)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	vietnamese := vietnameseStrings(t)
	for name := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		text := page(name)
		for _, piece := range vietnamese {
			if strings.Contains(text, piece) {
				t.Errorf("%s shows the Vietnamese %q", name, piece)
			}
		}
	}
}
