package feed

import (
	"bytes"
	"html"
	"slices"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// parseRSS parses an RSS document both with gofeed's universal parser
// (what feed readers see) and its RSS parser (the raw elements).
func parseRSS(t *testing.T, doc []byte) (*gofeed.Feed, *rss.Feed) {
	t.Helper()
	checkWellFormed(t, doc)
	universal, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("gofeed cannot parse the feed: %v\n%s", err, doc)
	}
	if universal.FeedType != "rss" || universal.FeedVersion != "2.0" {
		t.Fatalf("feed type %s %s, want rss 2.0", universal.FeedType, universal.FeedVersion)
	}
	raw, err := (&rss.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("gofeed's RSS parser cannot parse the feed: %v", err)
	}
	return universal, raw
}

// rssItemWant is what an item of the test feed must say.
type rssItemWant struct {
	title, link, pubDate, summary, content string
	published                              time.Time
	creators, categories                   []string
}

func TestRSSFields(t *testing.T) {
	doc, err := RSS(testConfig(), testPages(), testOptions("https://example.org/index.xml", true))
	if err != nil {
		t.Fatal(err)
	}
	f, raw := parseRSS(t, doc)

	if f.Title != "Almanac Thống kê" || f.Link != "https://example.org/" ||
		f.Description != "Số liệu kinh tế – xã hội" || f.Language != "vi" {
		t.Errorf("channel = %q %q %q %q", f.Title, f.Link, f.Description, f.Language)
	}
	if f.FeedLink != "https://example.org/index.xml" {
		t.Errorf("atom:link rel=self = %q", f.FeedLink)
	}
	if raw.LastBuildDate != "Sun, 03 Nov 2024 10:00:00 +0700" {
		t.Errorf("lastBuildDate = %q, want the newest lastmod", raw.LastBuildDate)
	}
	if want := time.Date(2024, 11, 3, 10, 0, 0, 0, ict); f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(want) {
		t.Errorf("parsed lastBuildDate = %v, want %v", f.UpdatedParsed, want)
	}

	want := []rssItemWant{{
		title: "Sản xuất công nghiệp tháng 10 tăng 5,2%", link: "https://example.org/cong-thuong/san-xuat-cong-nghiep/",
		pubDate: "Sat, 02 Nov 2024 08:30:00 +0700", published: time.Date(2024, 11, 2, 8, 30, 0, 0, ict),
		creators: []string{"Nguyễn Văn A", "Trần Thị B"}, categories: []string{"Công nghiệp", "Tháng 10"},
		summary: "Chỉ số IIP tăng 5,2% so với cùng kỳ.",
		content: `<p>Chỉ số <strong>IIP</strong> tăng 5,2%.</p><table><tr><th>Kỳ</th><th>IIP</th></tr><tr><td>2024-10</td><td>5,2</td></tr></table>`,
	}, {
		title: "Lúa vụ mùa đạt 5,9 tấn/ha", link: "https://example.org/nong-nghiep/lua-vu-mua/",
		pubDate: "Mon, 28 Oct 2024 08:00:00 +0700", published: time.Date(2024, 10, 28, 1, 0, 0, 0, time.UTC),
		creators: []string{"Ban biên tập"}, summary: "Năng suất < kế hoạch & sản lượng vẫn tăng.",
		content: "<p>Năng suất &lt; kế hoạch.</p>",
	}, {
		title: "Xuất khẩu quý 3", link: "https://example.org/cong-thuong/xuat-khau-quy-3/",
		pubDate: "Sun, 06 Oct 2024 09:00:00 +0700", published: time.Date(2024, 10, 6, 9, 0, 0, 0, ict),
		creators: []string{"Lê C"}, categories: []string{"Xuất khẩu"},
		summary: "Kim ngạch xuất khẩu quý 3 ước đạt 107,7 tỷ USD.", content: "<p>Kim ngạch <em>xuất khẩu</em>.</p>",
	}}
	if len(f.Items) != len(want) {
		t.Fatalf("%d items, want %d", len(f.Items), len(want))
	}
	for i, w := range want {
		checkRSSItem(t, f.Items[i], raw.Items[i], w)
	}
}

func checkRSSItem(t *testing.T, got *gofeed.Item, raw *rss.Item, w rssItemWant) {
	t.Helper()
	if got.Title != w.title || got.Link != w.link {
		t.Errorf("item title, link = %q, %q; want %q, %q", got.Title, got.Link, w.title, w.link)
	}
	if got.GUID != w.link || raw.GUID == nil || raw.GUID.IsPermalink != "true" {
		t.Errorf("%s: guid = %q %+v, want the link as a permalink", w.title, got.GUID, raw.GUID)
	}
	if raw.PubDate != w.pubDate || got.PublishedParsed == nil || !got.PublishedParsed.Equal(w.published) {
		t.Errorf("%s: pubDate = %q (%v), want %q", w.title, raw.PubDate, got.PublishedParsed, w.pubDate)
	}
	if got.DublinCoreExt == nil || !slices.Equal(got.DublinCoreExt.Creator, w.creators) {
		t.Errorf("%s: dc:creator = %+v, want %q", w.title, got.DublinCoreExt, w.creators)
	}
	if len(got.Authors) == 0 || got.Authors[0].Name != w.creators[0] {
		t.Errorf("%s: reader sees authors %+v, want %q first", w.title, got.Authors, w.creators[0])
	}
	if raw.Author != "" {
		t.Errorf("%s: <author> = %q; RSS wants an e-mail there, use dc:creator", w.title, raw.Author)
	}
	if !slices.Equal(got.Categories, w.categories) {
		t.Errorf("%s: categories = %q, want %q", w.title, got.Categories, w.categories)
	}
	// The description is HTML: the plain-text summary, HTML-escaped, so
	// a reader shows "<" in a summary as text, not as a tag.
	if got.Description != html.EscapeString(w.summary) {
		t.Errorf("%s: description = %q, want the summary %q", w.title, got.Description, w.summary)
	}
	if got.Content != w.content {
		t.Errorf("%s: content:encoded = %q, want %q", w.title, got.Content, w.content)
	}
}

func TestRSSSummaryOnly(t *testing.T) {
	doc, err := RSS(testConfig(), testPages(), testOptions("", false))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := parseRSS(t, doc)
	for _, item := range f.Items {
		if item.Content != "" {
			t.Errorf("%s: content:encoded = %q without FullText", item.Title, item.Content)
		}
	}
	if bytes.Contains(doc, []byte("atom:link ")) {
		t.Errorf("atom:link rel=self written without a FeedURL:\n%s", doc)
	}
}
