package sitemap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ict is the site's time zone, fixed so tests need no tz database.
var ict = time.FixedZone("ICT", 7*3600)

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

// parsedURLSet is a sitemap as a crawler reads it, namespaces checked.
type parsedURLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// root is where the test site's sitemaps are published.
const root = "https://example.org/"

// single returns the one sitemap.xml that entries make within the
// protocol's limits.
func single(t *testing.T, entries []Entry) []byte {
	t.Helper()
	files, err := Sitemaps(root, entries, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name != "sitemap.xml" {
		t.Fatalf("%d files, want sitemap.xml alone: %v", len(files), names(files))
	}
	return files[0].Data
}

// names lists the names of files.
func names(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name)
	}
	return out
}

func testEntries() []Entry {
	return []Entry{
		{URL: "https://example.org/nong-nghiep/lua-vu-mua/", Lastmod: time.Date(2024, 10, 28, 1, 0, 0, 0, time.UTC)},
		{URL: "https://example.org/", Lastmod: time.Date(2024, 11, 3, 10, 0, 0, 0, ict)},
		{URL: "https://example.org/cong-thuong/?a=1&b=<2>"},
		{URL: "https://example.org/cong-thuong/san-xuat-cong-nghiep/", Lastmod: time.Date(2024, 11, 2, 8, 30, 0, 0, ict)},
		// Listed twice: the later lastmod wins.
		{URL: "https://example.org/nong-nghiep/lua-vu-mua/", Lastmod: time.Date(2024, 10, 29, 8, 0, 0, 0, ict)},
	}
}

func TestSitemap(t *testing.T) {
	doc := single(t, testEntries())
	checkWellFormed(t, doc)
	checkGolden(t, "sitemap.xml", doc)

	var set parsedURLSet
	if err := xml.Unmarshal(doc, &set); err != nil {
		t.Fatal(err)
	}
	want := [][2]string{
		{"https://example.org/", "2024-11-03T10:00:00+07:00"},
		{"https://example.org/cong-thuong/?a=1&b=<2>", ""},
		{"https://example.org/cong-thuong/san-xuat-cong-nghiep/", "2024-11-02T08:30:00+07:00"},
		{"https://example.org/nong-nghiep/lua-vu-mua/", "2024-10-29T08:00:00+07:00"},
	}
	var got [][2]string
	for _, u := range set.URLs {
		got = append(got, [2]string{u.Loc, u.Lastmod})
	}
	if !slices.Equal(got, want) {
		t.Errorf("urls = %q\nwant %q", got, want)
	}
}

func TestSitemapLastmodKeepsOffset(t *testing.T) {
	doc := single(t, []Entry{{URL: "https://example.org/", Lastmod: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}})
	if !bytes.Contains(doc, []byte("<lastmod>2024-01-02T03:04:05Z</lastmod>")) {
		t.Errorf("lastmod not RFC 3339:\n%s", doc)
	}
}

func TestSitemapDeterministic(t *testing.T) {
	entries := testEntries()
	first := single(t, entries)
	slices.Reverse(entries)
	again := single(t, entries)
	if !bytes.Equal(first, again) {
		t.Errorf("output depends on the input order:\n%s\n%s", first, again)
	}
}

func TestSitemapEmpty(t *testing.T) {
	doc := single(t, nil)
	checkWellFormed(t, doc)
	var set parsedURLSet
	if err := xml.Unmarshal(doc, &set); err != nil || len(set.URLs) != 0 {
		t.Errorf("empty sitemap: %v, %d urls\n%s", err, len(set.URLs), doc)
	}
}

func TestSitemapEmptyURL(t *testing.T) {
	_, err := Sitemaps(root, []Entry{{URL: "https://example.org/"}, {}}, Limits{})
	if err == nil || !strings.Contains(err.Error(), "empty URL") {
		t.Errorf("error = %v, want one about an empty URL", err)
	}
}

func TestRobots(t *testing.T) {
	tests := []struct {
		name     string
		sitemaps []string
		want     string
	}{
		{"none", nil, "User-agent: *\nAllow: /\n"},
		{"two", []string{"https://example.org/sitemap.xml", "https://example.org/news-sitemap.xml"},
			"User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\nSitemap: https://example.org/news-sitemap.xml\n"},
		{"empty skipped", []string{"", "  ", "https://example.org/sitemap.xml"},
			"User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"},
		{"no injected rule", []string{"https://example.org/s.xml\nDisallow: /\r\n"},
			"User-agent: *\nAllow: /\n\nSitemap: https://example.org/s.xmlDisallow: /\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Robots(tt.sitemaps)); got != tt.want {
				t.Errorf("Robots = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRobotsGolden(t *testing.T) {
	checkGolden(t, "robots.txt", Robots([]string{"https://example.org/sitemap.xml", "https://example.org/news-sitemap.xml"}))
}
