package feed

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
)

// parseAtom parses an Atom document with gofeed's universal parser (what
// feed readers see) and its Atom parser (the raw elements).
func parseAtom(t *testing.T, doc []byte) (*gofeed.Feed, *atom.Feed) {
	t.Helper()
	checkWellFormed(t, doc)
	universal, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("gofeed cannot parse the feed: %v\n%s", err, doc)
	}
	if universal.FeedType != "atom" || universal.FeedVersion != "1.0" {
		t.Fatalf("feed type %s %s, want atom 1.0", universal.FeedType, universal.FeedVersion)
	}
	raw, err := (&atom.Parser{}).Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("gofeed's Atom parser cannot parse the feed: %v", err)
	}
	return universal, raw
}

// atomEntryWant is what an entry of the test feed must say.
type atomEntryWant struct {
	title, link, updated, published, summary, content string
	authors, terms, labels                            []string
}

func TestAtomFields(t *testing.T) {
	doc, err := Atom(testConfig(), testPages(), testOptions("https://example.org/atom.xml", true))
	if err != nil {
		t.Fatal(err)
	}
	f, raw := parseAtom(t, doc)

	if raw.ID != "https://example.org/atom.xml" || f.Title != "Almanac Thống kê" || f.Description != "Số liệu kinh tế – xã hội" {
		t.Errorf("feed id, title, subtitle = %q, %q, %q", raw.ID, f.Title, f.Description)
	}
	if f.Link != "https://example.org/" || f.FeedLink != "https://example.org/atom.xml" {
		t.Errorf("alternate, self = %q, %q", f.Link, f.FeedLink)
	}
	if f.Language != "vi" {
		t.Errorf("xml:lang = %q", f.Language)
	}
	if raw.Updated != "2024-11-03T10:00:00+07:00" {
		t.Errorf("updated = %q, want the newest lastmod", raw.Updated)
	}
	if len(f.Authors) != 1 || f.Authors[0].Name != "Ban biên tập" {
		t.Errorf("feed authors = %+v, want the site's author", f.Authors)
	}

	want := []atomEntryWant{{
		title: "Sản xuất công nghiệp tháng 10 tăng 5,2%", link: "https://example.org/cong-thuong/san-xuat-cong-nghiep/",
		updated: "2024-11-03T10:00:00+07:00", published: "2024-11-02T08:30:00+07:00",
		authors: []string{"Nguyễn Văn A", "Trần Thị B"},
		terms:   []string{"cong-nghiep", "thang-10"}, labels: []string{"Công nghiệp", "Tháng 10"},
		summary: "Chỉ số IIP tăng 5,2% so với cùng kỳ.",
		content: `<p>Chỉ số <strong>IIP</strong> tăng 5,2%.</p><table><tr><th>Kỳ</th><th>IIP</th></tr><tr><td>2024-10</td><td>5,2</td></tr></table>`,
	}, {
		title: "Lúa vụ mùa đạt 5,9 tấn/ha", link: "https://example.org/nong-nghiep/lua-vu-mua/",
		updated: "2024-10-28T08:00:00+07:00", published: "2024-10-28T08:00:00+07:00",
		authors: []string{"Ban biên tập"}, summary: "Năng suất < kế hoạch & sản lượng vẫn tăng.",
		content: "<p>Năng suất &lt; kế hoạch.</p>",
	}, {
		title: "Xuất khẩu quý 3", link: "https://example.org/cong-thuong/xuat-khau-quy-3/",
		updated: "2024-10-06T09:00:00+07:00", published: "2024-10-06T09:00:00+07:00",
		authors: []string{"Lê C"}, terms: []string{"xuat-khau"}, labels: []string{"Xuất khẩu"},
		summary: "Kim ngạch xuất khẩu quý 3 ước đạt 107,7 tỷ USD.", content: "<p>Kim ngạch <em>xuất khẩu</em>.</p>",
	}}
	if len(f.Items) != len(want) {
		t.Fatalf("%d entries, want %d", len(f.Items), len(want))
	}
	for i, w := range want {
		checkAtomEntry(t, f.Items[i], raw.Entries[i], w)
	}
}

func checkAtomEntry(t *testing.T, got *gofeed.Item, raw *atom.Entry, w atomEntryWant) {
	t.Helper()
	if got.Title != w.title || got.Link != w.link || got.GUID != w.link || raw.ID != w.link {
		t.Errorf("entry title, link, id = %q, %q, %q; want %q, %q", got.Title, got.Link, raw.ID, w.title, w.link)
	}
	if raw.Updated != w.updated || raw.Published != w.published {
		t.Errorf("%s: updated, published = %q, %q; want %q, %q", w.title, raw.Updated, raw.Published, w.updated, w.published)
	}
	if got.UpdatedParsed == nil || got.PublishedParsed == nil {
		t.Errorf("%s: dates not RFC 3339: %q, %q", w.title, raw.Updated, raw.Published)
	}
	var authors []string
	for _, a := range got.Authors {
		authors = append(authors, a.Name)
	}
	if !slices.Equal(authors, w.authors) {
		t.Errorf("%s: authors = %q, want %q", w.title, authors, w.authors)
	}
	var terms, labels []string
	for _, c := range raw.Categories {
		terms, labels = append(terms, c.Term), append(labels, c.Label)
	}
	if !slices.Equal(terms, w.terms) || !slices.Equal(labels, w.labels) {
		t.Errorf("%s: categories %q %q, want %q %q", w.title, terms, labels, w.terms, w.labels)
	}
	if raw.Summary != w.summary || got.Description != w.summary {
		t.Errorf("%s: summary = %q, want %q", w.title, raw.Summary, w.summary)
	}
	if raw.Content == nil || raw.Content.Type != "html" || got.Content != w.content {
		t.Errorf("%s: content = %+v, want html %q", w.title, raw.Content, w.content)
	}
}

func TestAtomSummaryOnly(t *testing.T) {
	doc, err := Atom(testConfig(), testPages(), testOptions("", false))
	if err != nil {
		t.Fatal(err)
	}
	f, raw := parseAtom(t, doc)
	if raw.ID != "https://example.org/" {
		t.Errorf("feed id without FeedURL = %q, want the Link", raw.ID)
	}
	if f.FeedLink != "" {
		t.Errorf("rel=self link %q written without a FeedURL", f.FeedLink)
	}
	for _, e := range raw.Entries {
		if e.Content != nil {
			t.Errorf("%s: content %+v without FullText", e.Title, e.Content)
		}
	}
}

func TestAtomEmptyFeed(t *testing.T) {
	doc, err := Atom(testConfig(), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, raw := parseAtom(t, doc)
	// Atom requires updated; without items it must still be deterministic.
	if raw.Updated != time.Unix(0, 0).In(ict).Format(time.RFC3339) {
		t.Errorf("updated of an empty feed = %q, want the Unix epoch", raw.Updated)
	}
	if len(raw.Entries) != 0 {
		t.Errorf("%d entries, want none", len(raw.Entries))
	}
}
