package build

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/sitemap"
)

// writeArticles writes a site of n articles over two sections and three
// tags, the i-th published i hours after 2020-12-20 08:00, so that the
// newest are within two days of buildTime; config is added to
// almanac.toml.
func writeArticles(t *testing.T, dir string, n int, config string) {
	t.Helper()
	writeFile(t, dir, "almanac.toml", "title = \"Bản tin\"\nbase_url = \"https://tin.example/\"\nlanguage = \"vi\"\n"+
		"time_zone = \"Asia/Ho_Chi_Minh\"\n"+config)
	start := time.Date(2020, 12, 20, 8, 0, 0, 0, time.FixedZone("", 7*3600))
	for i := range n {
		section := []string{"cong-thuong", "nong-nghiep"}[i%2]
		writeFile(t, dir, fmt.Sprintf("content/%s/bai-%03d.md", section, i), fmt.Sprintf(
			"---\ntitle: Bài %d\ndate: %s\ntags: [%s]\n---\nNội dung %d.\n",
			i, start.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), []string{"Giá", "Xuất khẩu", "Giá, Đầu tư"}[i%3], i))
	}
}

// lowerSitemapLimit makes every sitemap hold at most urls URLs until the
// test ends, so that a small site needs a sitemap index.
func lowerSitemapLimit(t *testing.T, urls int) {
	saved := sitemapLimits
	sitemapLimits = sitemap.Limits{URLs: urls}
	t.Cleanup(func() { sitemapLimits = saved })
}

type sitemapDoc struct {
	XMLName xml.Name
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// readSitemaps follows public/sitemap.xml as a crawler does and returns
// every URL it lists and the names of the sitemap files.
func readSitemaps(t *testing.T, files map[string][]byte, maxURLs int) (urls, names []string) {
	t.Helper()
	var index sitemapDoc
	unmarshalXML(t, "sitemap.xml", files["sitemap.xml"], &index)
	if index.XMLName.Local != "sitemapindex" {
		t.Fatalf("sitemap.xml is a %s, want a sitemapindex", index.XMLName.Local)
	}
	for _, s := range index.Sitemaps {
		name := strings.TrimPrefix(s.Loc, "https://tin.example/")
		names = append(names, name)
		var set sitemapDoc
		unmarshalXML(t, name, files[name], &set)
		if len(set.URLs) == 0 || len(set.URLs) > maxURLs {
			t.Errorf("%s lists %d URLs, want 1 to %d", name, len(set.URLs), maxURLs)
		}
		var newest string
		for _, u := range set.URLs {
			urls = append(urls, u.Loc)
			if t, _ := time.Parse(time.RFC3339, u.Lastmod); newest == "" || t.After(mustTime(newest)) {
				newest = u.Lastmod
			}
		}
		if s.Lastmod != newest {
			t.Errorf("index lastmod of %s = %q, want its newest URL's %q", name, s.Lastmod, newest)
		}
	}
	return urls, names
}

func mustTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// pageURLs are the absolute URLs of every page in files.
func pageURLs(files map[string][]byte) []string {
	var urls []string
	for name := range files {
		if page, ok := strings.CutSuffix(name, "index.html"); ok {
			urls = append(urls, "https://tin.example/"+page)
		}
	}
	slices.Sort(urls)
	return urls
}

func TestBuildWritesASitemapIndexPastTheLimit(t *testing.T) {
	const limit = 7
	lowerSitemapLimit(t, limit)
	dir := t.TempDir()
	writeArticles(t, dir, 12, "")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	files := tree(t, filepath.Join(dir, "public"))
	urls, names := readSitemaps(t, files, limit)
	if want := pageURLs(files); !slices.Equal(urls, want) {
		t.Errorf("the sitemaps list\n%q\nwant every page once, sorted:\n%q", urls, want)
	}
	var written []string
	for name := range files {
		if strings.HasPrefix(name, "sitemap-") {
			written = append(written, name)
		}
	}
	slices.Sort(written)
	if slices.Sort(names); !slices.Equal(written, names) || len(names) < 2 {
		t.Errorf("sitemap files written %q, index lists %q", written, names)
	}
	robots := string(files["robots.txt"])
	if !strings.Contains(robots, "Sitemap: https://tin.example/sitemap.xml\nSitemap: https://tin.example/news-sitemap.xml\n") {
		t.Errorf("robots.txt does not name the index and the news sitemap:\n%s", robots)
	}
	again := t.TempDir()
	writeArticles(t, again, 12, "")
	if _, err := buildSite(again); err != nil {
		t.Fatal(err)
	}
	for name, data := range tree(t, filepath.Join(again, "public")) {
		if strings.HasPrefix(name, "sitemap") && string(data) != string(files[name]) {
			t.Errorf("%s differs between two builds of the same site", name)
		}
	}
}

func TestSessionSitemapIndexComesAndGoes(t *testing.T) {
	lowerSitemapLimit(t, 10) // 12 articles make 22 pages, one article 9
	dir := t.TempDir()
	writeArticles(t, dir, 12, "")
	s := newTestSession(dir)
	tr, _, _, err := s.Build(context.Background(), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	compareWithFullBuild(t, dir, tr, "12 articles")
	if _, ok, _ := tr.File("sitemap-2.xml"); !ok {
		t.Fatalf("no sitemap-2.xml at 12 articles")
	}
	var removed []string
	for i := 1; i < 12; i++ {
		name := fmt.Sprintf("content/%s/bai-%03d.md", []string{"cong-thuong", "nong-nghiep"}[i%2], i)
		must(t, os.Remove(filepath.Join(dir, name)))
		removed = append(removed, name)
	}
	tr, change, _, err := s.Build(context.Background(), removed, false)
	if err != nil {
		t.Fatal(err)
	}
	compareWithFullBuild(t, dir, tr, "1 article")
	if _, ok, _ := tr.File("sitemap-1.xml"); ok || !slices.Contains(change.Paths, "sitemap-2.xml") {
		t.Errorf("at one article the sitemap parts remain: %v", change.Paths)
	}
	if b, _, _ := tr.File("sitemap.xml"); !strings.Contains(string(b), "<urlset") {
		t.Errorf("at one article sitemap.xml is not one sitemap:\n%s", b)
	}
}

// feedItems counts the items of the RSS feed and the entries of the Atom
// feed beside the list at dir, and returns the RSS items' titles.
func feedItems(t *testing.T, files map[string][]byte, dir string) []string {
	t.Helper()
	var rss struct {
		Titles []string `xml:"channel>item>title"`
	}
	var atom struct {
		Titles []string `xml:"http://www.w3.org/2005/Atom entry>title"`
	}
	unmarshalXML(t, dir+"index.xml", files[dir+"index.xml"], &rss)
	unmarshalXML(t, dir+"atom.xml", files[dir+"atom.xml"], &atom)
	if !slices.Equal(rss.Titles, atom.Titles) {
		t.Errorf("%s: RSS items %q, Atom entries %q", dir, rss.Titles, atom.Titles)
	}
	return rss.Titles
}

func TestFeedsHoldAFixedNumberOfItems(t *testing.T) {
	for _, tt := range []struct {
		config string
		items  int
	}{{"", 20}, {"feed_items = 3\n", 3}} {
		dir := t.TempDir()
		writeArticles(t, dir, 63, tt.config) // 21 in the smallest tag
		if _, err := buildSite(dir); err != nil {
			t.Fatal(err)
		}
		files := tree(t, filepath.Join(dir, "public"))
		newest := map[string]int{"": 62, "cong-thuong/": 62, "nong-nghiep/": 61, "tags/gia/": 62, "tags/xuat-khau/": 61}
		for list, first := range newest {
			titles := feedItems(t, files, list)
			if len(titles) != tt.items {
				t.Fatalf("%q: %sindex.xml has %d items, want %d", tt.config, list, len(titles), tt.items)
			}
			if want := fmt.Sprintf("Bài %d", first); titles[0] != want {
				t.Errorf("%q: %sindex.xml starts with %q, want the newest, %q", tt.config, list, titles[0], want)
			}
		}
	}
}
