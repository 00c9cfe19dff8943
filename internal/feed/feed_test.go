package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ict is the site's time zone, fixed so tests need no tz database.
var ict = time.FixedZone("ICT", 7*3600)

// testConfig is the configuration of the hand-built test site.
func testConfig() site.Config {
	return site.Config{
		Title:       "Almanac Thống kê",
		Description: "Số liệu kinh tế – xã hội",
		BaseURL:     "https://example.org/",
		Language:    "vi",
		TimeZone:    "Asia/Ho_Chi_Minh",
		Location:    ict,
		Author:      "Ban biên tập",
	}
}

// testPages are the articles of the test site, deliberately not in date
// order: the feed sorts them.
func testPages() []*site.Page {
	return []*site.Page{
		{
			Kind: site.KindArticle, Section: "nong-nghiep", Slug: "lua-vu-mua",
			URL:      "/nong-nghiep/lua-vu-mua/",
			Title:    "Lúa vụ mùa đạt 5,9 tấn/ha",
			Summary:  "Năng suất < kế hoạch & sản lượng vẫn tăng.",
			Date:     time.Date(2024, 10, 28, 1, 0, 0, 0, time.UTC), // 08:00 in Hà Nội
			Rendered: site.PlainHTML("<p>Năng suất &lt; kế hoạch.</p>"),
		},
		{
			Kind: site.KindArticle, Section: "cong-thuong", Slug: "san-xuat-cong-nghiep",
			URL:      "/cong-thuong/san-xuat-cong-nghiep/",
			Title:    "Sản xuất công nghiệp tháng 10 tăng 5,2%",
			Summary:  "Chỉ số IIP tăng 5,2% so với cùng kỳ.",
			Date:     time.Date(2024, 11, 2, 8, 30, 0, 0, ict),
			Lastmod:  time.Date(2024, 11, 3, 10, 0, 0, 0, ict),
			Authors:  []string{"Nguyễn Văn A", "Trần Thị B"},
			Tags:     []site.Tag{{Name: "Công nghiệp", Slug: "cong-nghiep"}, {Name: "Tháng 10", Slug: "thang-10"}},
			Rendered: site.PlainHTML(`<p>Chỉ số <strong>IIP</strong> tăng 5,2%.</p><div class="chart" id="iip"></div>`),
		},
		{
			Kind: site.KindArticle, Section: "cong-thuong", Slug: "xuat-khau-quy-3",
			URL:      "/cong-thuong/xuat-khau-quy-3/",
			Title:    "Xuất khẩu quý 3",
			Summary:  "Kim ngạch xuất khẩu quý 3 ước đạt 107,7 tỷ USD.",
			Date:     time.Date(2024, 10, 6, 9, 0, 0, 0, ict),
			Authors:  []string{"Lê C"},
			Tags:     []site.Tag{{Name: "Xuất khẩu", Slug: "xuat-khau"}},
			Rendered: site.PlainHTML("<p>Kim ngạch <em>xuất khẩu</em>.</p>"),
		},
	}
}

// testOptions are the options of the site-wide test feed.
func testOptions(feedURL string, fullText bool) Options {
	return Options{
		Link:     "https://example.org/",
		FeedURL:  feedURL,
		FullText: fullText,
		Body: func(p *site.Page) (string, error) {
			html, err := p.Content()
			return string(bytes.ReplaceAll([]byte(html), []byte(`<div class="chart" id="iip"></div>`),
				[]byte(`<table><tr><th>Kỳ</th><th>IIP</th></tr><tr><td>2024-10</td><td>5,2</td></tr></table>`))), err
		},
	}
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// checkWellFormed decodes every token of doc with the strict XML decoder.
func checkWellFormed(t *testing.T, doc []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
	}
}

func TestGolden(t *testing.T) {
	cfg, pages := testConfig(), testPages()
	tests := []struct {
		name  string
		write func(site.Config, []*site.Page, Options) ([]byte, error)
		opts  Options
	}{
		{"rss.xml", RSS, testOptions("https://example.org/index.xml", false)},
		{"rss-full.xml", RSS, testOptions("https://example.org/index.xml", true)},
		{"atom.xml", Atom, testOptions("https://example.org/atom.xml", false)},
		{"atom-full.xml", Atom, testOptions("https://example.org/atom.xml", true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.write(cfg, pages, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, got)
			checkGolden(t, tt.name, got)
		})
	}
}
