package feed

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// writers are the two feed formats, for tests that hold for both.
var writers = []struct {
	name  string
	write func(site.Config, []*site.Page, Options) ([]byte, error)
}{{"rss", RSS}, {"atom", Atom}}

func TestHostileText(t *testing.T) {
	const hostile = `</script>"&<]]><!-- ' ` + "\x0b\x00"
	// XML 1.0 forbids the control characters: they come out as U+FFFD.
	const readable = `</script>"&<]]><!-- ' ` + "\uFFFD\uFFFD"
	cfg := testConfig()
	cfg.Title, cfg.Author = hostile, hostile
	page := &site.Page{
		Kind: site.KindArticle, URL: `/a/b&c"d/`, Title: hostile, Summary: hostile,
		Date: time.Date(2024, 11, 2, 8, 30, 0, 0, ict), Authors: []string{hostile},
		Tags: []site.Tag{{Name: hostile, Slug: "x"}}, Rendered: site.PlainHTML(hostile),
	}
	opts := Options{Description: hostile, FullText: true, FeedURL: `https://example.org/?a=1&b="2"`}

	rssDoc, err := RSS(cfg, []*site.Page{page}, opts)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := parseRSS(t, rssDoc)
	item := f.Items[0]
	if f.Title != readable || f.Description != readable || item.Title != readable ||
		html.UnescapeString(item.Description) != readable || item.Content != readable ||
		item.Categories[0] != readable || item.DublinCoreExt.Creator[0] != readable {
		t.Errorf("RSS did not round-trip the hostile text:\n%s", rssDoc)
	}
	if item.Link != `https://example.org/a/b&c"d/` {
		t.Errorf("RSS link = %q", item.Link)
	}

	atomDoc, err := Atom(cfg, []*site.Page{page}, opts)
	if err != nil {
		t.Fatal(err)
	}
	a, raw := parseAtom(t, atomDoc)
	entry := raw.Entries[0]
	if a.Title != readable || entry.Title != readable || entry.Summary != readable ||
		entry.Content.Value != readable || entry.Authors[0].Name != readable || entry.Categories[0].Label != readable {
		t.Errorf("Atom did not round-trip the hostile text:\n%s", atomDoc)
	}
	if raw.ID != `https://example.org/?a=1&b="2"` {
		t.Errorf("Atom id = %q", raw.ID)
	}
}

// manyPages returns n articles, one a day, in a shuffled order.
func manyPages(n int, seed uint64) []*site.Page {
	pages := make([]*site.Page, n)
	for i := range pages {
		pages[i] = &site.Page{
			Kind: site.KindArticle, URL: fmt.Sprintf("/tin/bai-%02d/", i), Title: fmt.Sprintf("Bài %02d", i),
			Date: time.Date(2024, 1, 1+i, 9, 0, 0, 0, ict),
		}
	}
	rand.New(rand.NewPCG(seed, seed)).Shuffle(n, func(i, j int) { pages[i], pages[j] = pages[j], pages[i] })
	return pages
}

func TestLimit(t *testing.T) {
	tests := []struct {
		limit int
		want  []string // titles, newest first
	}{
		{0, titlesFromTo(24, 5)}, // DefaultLimit: 20 newest
		{-1, titlesFromTo(24, 5)},
		{3, titlesFromTo(24, 22)},
		{100, titlesFromTo(24, 0)},
	}
	for _, tt := range tests {
		for _, w := range writers {
			t.Run(fmt.Sprintf("%s/%d", w.name, tt.limit), func(t *testing.T) {
				doc, err := w.write(testConfig(), manyPages(25, 1), Options{Limit: tt.limit})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, part := range strings.Split(string(doc), "<title")[2:] { // skip the feed's title
					got = append(got, part[strings.Index(part, ">")+1:strings.Index(part, "<")])
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("titles = %q, want %q", got, tt.want)
				}
			})
		}
	}
}

// titlesFromTo returns "Bài from" down to "Bài to".
func titlesFromTo(from, to int) []string {
	var titles []string
	for i := from; i >= to; i-- {
		titles = append(titles, fmt.Sprintf("Bài %02d", i))
	}
	return titles
}

func TestDeterministic(t *testing.T) {
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			pages := manyPages(25, 1)
			// Two articles of the same date: ordered by URL, whatever the input order.
			pages = append(pages, &site.Page{URL: "/tin/aa/", Title: "Cùng giờ", Date: pages[0].Date})
			first, err := w.write(testConfig(), pages, Options{FullText: true})
			if err != nil {
				t.Fatal(err)
			}
			for seed := range uint64(5) {
				shuffled := slices.Clone(pages)
				rand.New(rand.NewPCG(seed, 7)).Shuffle(len(shuffled), func(i, j int) {
					shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
				})
				again, err := w.write(testConfig(), shuffled, Options{FullText: true})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(first, again) {
					t.Fatalf("output depends on the input order (seed %d)", seed)
				}
			}
		})
	}
}

func TestUpdatedOption(t *testing.T) {
	updated := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	rssDoc, err := RSS(testConfig(), testPages(), Options{Updated: updated})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(rssDoc, []byte("<lastBuildDate>Thu, 02 Jan 2025 10:04:05 +0700</lastBuildDate>")) {
		t.Errorf("RSS ignores Options.Updated:\n%s", rssDoc)
	}
	atomDoc, err := Atom(testConfig(), testPages(), Options{Updated: updated})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(atomDoc, []byte("<updated>2025-01-02T10:04:05+07:00</updated>")) {
		t.Errorf("Atom ignores Options.Updated:\n%s", atomDoc)
	}
}

func TestRSSEmptyFeed(t *testing.T) {
	doc, err := RSS(testConfig(), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, raw := parseRSS(t, doc)
	if raw.LastBuildDate != "" || len(f.Items) != 0 {
		t.Errorf("empty feed has lastBuildDate %q and %d items", raw.LastBuildDate, len(f.Items))
	}
}

func TestRelativeBaseURL(t *testing.T) {
	cfg := testConfig()
	cfg.BaseURL = "/"
	for _, w := range writers {
		doc, err := w.write(cfg, testPages()[:1], Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(doc, []byte(`/nong-nghiep/lua-vu-mua/`)) || bytes.Contains(doc, []byte(`//nong-nghiep`)) {
			t.Errorf("%s: want site-relative links with a BaseURL of /:\n%s", w.name, doc)
		}
	}
}

func TestBaseURLWithPath(t *testing.T) {
	tests := []struct{ base, path, want string }{
		{"https://example.org/", "/a/", "https://example.org/a/"},
		{"https://example.org/tin/", "/a/", "https://example.org/tin/a/"},
		{"https://example.org", "/a/", "https://example.org/a/"},
		{"/", "/a/", "/a/"},
		{"https://example.org/", "https://other.example/x/", "https://other.example/x/"},
	}
	for _, tt := range tests {
		if got := (site.Config{BaseURL: tt.base}).AbsURL(tt.path); got != tt.want {
			t.Errorf("absURL(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

func TestBodyOnlyForFullText(t *testing.T) {
	calls := 0
	body := func(p *site.Page) (string, error) { calls++; return "<p>bảng</p>", nil }
	for _, w := range writers {
		if _, err := w.write(testConfig(), testPages(), Options{Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 0 {
		t.Errorf("Body called %d times without FullText", calls)
	}
	for _, w := range writers {
		doc, err := w.write(testConfig(), testPages(), Options{Body: body, FullText: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Count(doc, []byte("&lt;p&gt;bảng&lt;/p&gt;")); got != 3 {
			t.Errorf("%s: Body's HTML appears %d times, want once per item", w.name, got)
		}
	}
}
