package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// parsedIndex is a sitemap index as a crawler reads it.
type parsedIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

// crawl reads files as a crawler does, from sitemap.xml: it checks that
// each file is well-formed and within the protocol's limits, that the
// index lists exactly the other files, in order, and returns every
// listed URL with the index's lastmod of each sitemap.
func crawl(t *testing.T, files []File) (urls []string, lastmods []string) {
	t.Helper()
	byName := map[string][]byte{}
	for _, f := range files {
		if len(f.Data) > MaxBytes {
			t.Errorf("%s is %d bytes, more than %d", f.Name, len(f.Data), MaxBytes)
		}
		byName[f.Name] = f.Data
	}
	if files[0].Name != "sitemap.xml" {
		t.Fatalf("first file %s, want sitemap.xml", files[0].Name)
	}
	var index parsedIndex
	if err := xml.Unmarshal(files[0].Data, &index); err != nil {
		t.Fatalf("sitemap.xml is not a sitemap index: %v", err)
	}
	if len(index.Sitemaps) != len(files)-1 {
		t.Fatalf("index lists %d sitemaps, %d files written", len(index.Sitemaps), len(files)-1)
	}
	for i, s := range index.Sitemaps {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if s.Loc != root+name || files[i+1].Name != name {
			t.Fatalf("sitemap %d: loc %s, file %s; want %s", i+1, s.Loc, files[i+1].Name, root+name)
		}
		var set parsedURLSet
		if err := xml.Unmarshal(byName[name], &set); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(set.URLs) == 0 || len(set.URLs) > MaxURLs {
			t.Errorf("%s lists %d URLs", name, len(set.URLs))
		}
		for _, u := range set.URLs {
			urls = append(urls, u.Loc)
		}
		lastmods = append(lastmods, s.Lastmod)
	}
	return urls, lastmods
}

// manyEntries are n entries of distinct URLs, the i-th modified i minutes
// after the first, in a shuffled order.
func manyEntries(n int, url func(i int) string) []Entry {
	start := time.Date(2015, 1, 1, 8, 0, 0, 0, ict)
	entries := make([]Entry, n)
	for i := range entries {
		entries[i] = Entry{URL: url(i), Lastmod: start.Add(time.Duration(i) * time.Minute)}
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(n, func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	return entries
}

func articleURL(i int) string { return fmt.Sprintf("https://example.org/tin-tuc/bai-%06d/", i) }

func TestSitemapAtTheURLLimit(t *testing.T) {
	doc := single(t, manyEntries(MaxURLs, articleURL))
	if n := bytes.Count(doc, []byte("<url>")); n != MaxURLs {
		t.Errorf("%d URLs in sitemap.xml, want %d", n, MaxURLs)
	}
}

func TestSitemapIndexPastTheURLLimit(t *testing.T) {
	start := time.Now()
	entries := manyEntries(MaxURLs+1, articleURL)
	files, err := Sitemaps(root, entries, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d URLs in %d files in %v", len(entries), len(files), time.Since(start))
	if got := names(files); !slices.Equal(got, []string{"sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"}) {
		t.Fatalf("files = %v", got)
	}
	urls, lastmods := crawl(t, files)
	want := make([]string, len(entries))
	for i := range want {
		want[i] = articleURL(i)
	}
	if !slices.Equal(urls, want) {
		t.Errorf("the sitemaps do not list every URL once, sorted: %d listed", len(urls))
	}
	// sitemap-1.xml is full; sitemap-2.xml holds the last URL, the newest.
	wantLastmods := []string{
		time.Date(2015, 1, 1, 8, 0, 0, 0, ict).Add((MaxURLs - 1) * time.Minute).Format(time.RFC3339),
		time.Date(2015, 1, 1, 8, 0, 0, 0, ict).Add(MaxURLs * time.Minute).Format(time.RFC3339),
	}
	if !slices.Equal(lastmods, wantLastmods) {
		t.Errorf("index lastmods = %q, want the newest of each sitemap %q", lastmods, wantLastmods)
	}
	slices.Reverse(entries)
	again, err := Sitemaps(root, entries, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		if !bytes.Equal(files[i].Data, again[i].Data) {
			t.Errorf("%s depends on the order of the entries", files[i].Name)
		}
	}
}

// longURL is a URL of 2,047 characters, the longest sitemaps.org allows
// ("less than 2,048").
func longURL(i int) string {
	u := fmt.Sprintf("https://example.org/du-lieu/%06d/?q=", i)
	return u + strings.Repeat("x", 2047-len(u))
}

func TestSitemapIndexPastTheByteLimit(t *testing.T) {
	start := time.Now()
	const n = 26000 // about 54 MB of URLs: past 50 MB long before 50,000 URLs
	files, err := Sitemaps(root, manyEntries(n, longURL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d URLs of 2,047 characters in %d files in %v", n, len(files), time.Since(start))
	if len(files) != 3 {
		t.Fatalf("files = %v, want the index and two sitemaps", names(files))
	}
	urls, _ := crawl(t, files)
	if len(urls) != n || !slices.IsSorted(urls) {
		t.Errorf("%d URLs listed, want %d sorted", len(urls), n)
	}
	// sitemap-1.xml is filled as far as 50 MB allows: one more URL would
	// not fit.
	perURL := len(files[2].Data) / bytes.Count(files[2].Data, []byte("<url>"))
	if first := len(files[1].Data); first > MaxBytes || first+perURL <= MaxBytes {
		t.Errorf("sitemap-1.xml is %d bytes; want at most %d, with no room for one more URL of %d", first, MaxBytes, perURL)
	}
}

// indexEntries are five pages, their lastmods in two time zones.
func indexEntries() []Entry {
	return []Entry{
		{URL: "https://example.org/a/", Lastmod: time.Date(2024, 3, 1, 9, 0, 0, 0, ict)},
		{URL: "https://example.org/b/?x=1&y=<2>", Lastmod: time.Date(2024, 3, 2, 2, 0, 0, 0, time.UTC)},
		{URL: "https://example.org/c/"},
		{URL: "https://example.org/d/"},
		{URL: "https://example.org/e/", Lastmod: time.Date(2024, 2, 1, 0, 0, 0, 0, ict)},
	}
}

func TestSitemapIndexGolden(t *testing.T) {
	files, err := Sitemaps(root, indexEntries(), Limits{URLs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(files); !slices.Equal(got, []string{"sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"}) {
		t.Fatalf("files = %v", got)
	}
	for _, f := range files {
		checkWellFormed(t, f.Data)
	}
	checkGolden(t, "sitemap-index.xml", files[0].Data)
	checkGolden(t, "sitemap-part.xml", files[1].Data)
	_, lastmods := crawl(t, files)
	// Newest of a, b is b (2024-03-02 02:00 UTC), in its own offset; c, d
	// have none, so their sitemap has none either.
	if want := []string{"2024-03-02T02:00:00Z", "", "2024-02-01T00:00:00+07:00"}; !slices.Equal(lastmods, want) {
		t.Errorf("lastmods = %q, want %q", lastmods, want)
	}
}

func TestSitemapByteLimitIsExact(t *testing.T) {
	whole := single(t, indexEntries()) // escaping makes b's URL longer in the file
	files, err := Sitemaps(root, indexEntries(), Limits{Bytes: len(whole)})
	if err != nil || len(files) != 1 || !bytes.Equal(files[0].Data, whole) {
		t.Fatalf("at exactly its size the sitemap is not one file: %v %v", names(files), err)
	}
	files, err = Sitemaps(root, indexEntries(), Limits{Bytes: len(whole) - 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("one byte less: files = %v, want the index and two sitemaps", names(files))
	}
	for _, f := range files[1:] {
		if len(f.Data) > len(whole)-1 {
			t.Errorf("%s is %d bytes, more than the limit %d", f.Name, len(f.Data), len(whole)-1)
		}
	}
	if urls, _ := crawl(t, files); len(urls) != 5 {
		t.Errorf("%d URLs listed, want 5", len(urls))
	}
}

func TestSitemapLimitsNeverPassTheProtocol(t *testing.T) {
	files, err := Sitemaps(root, manyEntries(MaxURLs+1, articleURL), Limits{URLs: 10 * MaxURLs, Bytes: 10 * MaxBytes})
	if err != nil || len(files) != 3 {
		t.Errorf("limits above the protocol's: files %v, %v; want them lowered to 50,000 URLs", names(files), err)
	}
}

func TestSitemapURLLargerThanASitemap(t *testing.T) {
	_, err := Sitemaps(root, []Entry{{URL: longURL(1)}}, Limits{Bytes: 1000})
	if err == nil || !strings.Contains(err.Error(), "alone is more than the 1000 bytes") {
		t.Errorf("error = %v, want one saying the URL alone does not fit", err)
	}
}
