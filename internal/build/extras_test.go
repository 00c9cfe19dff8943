package build

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildWritesFeedsAndSitemaps(t *testing.T) {
	dir := extract(t, "feeds.txtar")
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	for _, name := range []string{"index.xml", "atom.xml", "cong-thuong/index.xml", "cong-thuong/atom.xml",
		"tags/xuat-khau/index.xml", "tags/xuat-khau/atom.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt"} {
		data, err := os.ReadFile(filepath.Join(public, name))
		if err != nil {
			t.Errorf("%s missing: %v", name, err)
			continue
		}
		if strings.HasSuffix(name, ".xml") {
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	var rss struct {
		Items []struct {
			Title   string `xml:"title"`
			Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"channel>item"`
	}
	data, _ := os.ReadFile(filepath.Join(public, "index.xml"))
	if err := xml.Unmarshal(data, &rss); err != nil || len(rss.Items) != 1 {
		t.Fatalf("feed items: %v, %v", rss.Items, err)
	}
	item := rss.Items[0]
	if item.Title != "Xuất khẩu </script>\"&<" {
		t.Errorf("title = %q", item.Title)
	}
	if !strings.Contains(item.Content, "<table>") || !strings.Contains(item.Content, "1.456") || strings.Contains(item.Content, "<script") {
		t.Errorf("the chart is not its data table in the feed:\n%s", item.Content)
	}
	robots, _ := os.ReadFile(filepath.Join(public, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: https://tin.example/sitemap.xml") {
		t.Errorf("robots.txt = %s", robots)
	}
	news, _ := os.ReadFile(filepath.Join(public, "news-sitemap.xml"))
	if !strings.Contains(string(news), "https://tin.example/cong-thuong/a/") {
		t.Errorf("the news sitemap lacks the article of the last two days:\n%s", news)
	}
}
