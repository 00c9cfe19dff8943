// Package sitemap writes the files that tell search engines what a site
// holds: sitemap.xml (the sitemaps.org protocol), which becomes a sitemap
// index of sitemap-1.xml, sitemap-2.xml… when a site passes 50,000 URLs
// or 50 MB, the Google News sitemap of recent articles, and robots.txt
// pointing at both.
//
// The functions are pure: they take entries or pages and return bytes, and
// they never read the clock (News takes the build time from its caller), so
// the same site always gives byte-identical files. Every XML document is
// written with encoding/xml from structs, so no URL or title can break it.
//
// The sitemaps protocol wants absolute URLs. With a site BaseURL of "/" (a
// local preview) the URLs News writes are site-relative, and Sitemaps
// writes whatever URLs and root it is given; a published site should set
// an absolute BaseURL.
package sitemap

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The limits of the sitemaps.org protocol
// (https://www.sitemaps.org/protocol.html, also Google Search Central's
// "Build and submit a sitemap" and "Manage your sitemaps with a sitemap
// index file"): one sitemap file lists at most 50,000 URLs and is at most
// 50 MB (52,428,800 bytes) uncompressed; a site with more uses a sitemap
// index, which lists at most 50,000 sitemaps within the same 50 MB, all
// on the same site and in the index's folder or below.
const (
	MaxURLs     = 50000    // URLs one sitemap file may list
	MaxBytes    = 52428800 // bytes one sitemap or sitemap index may hold, uncompressed
	MaxSitemaps = 50000    // sitemaps one sitemap index may list
)

// IndexName is the file crawlers are told about: the one sitemap of a
// site that fits in one, else the sitemap index.
const IndexName = "sitemap.xml"

// nsSitemap is the namespace of the sitemaps.org protocol.
const nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"

// Entry is one page of the sitemap.
type Entry struct {
	URL     string    // absolute URL of the page
	Lastmod time.Time // when the page last changed; zero leaves lastmod out
}

// File is one file of a site's sitemap, named relative to the site root.
type File struct {
	Name string // "sitemap.xml", "sitemap-1.xml"…
	Data []byte
}

// Limits caps one sitemap file. A zero or larger-than-protocol field
// means the protocol's limit (MaxURLs, MaxBytes), so no caller can write
// a file crawlers would refuse; smaller ones let tests cross the limits
// on small sites.
type Limits struct {
	URLs  int
	Bytes int
}

// within returns l with every field in [1, protocol limit].
func (l Limits) within() Limits {
	clamp := func(v, max int) int {
		if v <= 0 || v > max {
			return max
		}
		return v
	}
	return Limits{URLs: clamp(l.URLs, MaxURLs), Bytes: clamp(l.Bytes, MaxBytes)}
}

type urlSet struct {
	XMLName xml.Name `xml:"urlset"`
	XMLNS   string   `xml:"xmlns,attr"`
	URLs    []urlTag `xml:"url"`
}

type urlTag struct {
	XMLName xml.Name `xml:"url"` // so that split encodes one as it stands in a urlset
	Loc     string   `xml:"loc"`
	Lastmod string   `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	XMLNS    string       `xml:"xmlns,attr"`
	Sitemaps []sitemapTag `xml:"sitemap"`
}

type sitemapTag struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemaps returns the sitemap files listing entries, sorted by URL. A
// URL listed twice is written once, with the later of its lastmods.
// Lastmod is a W3C datetime (RFC 3339 with the offset of the entry's time
// zone).
//
// While the URLs fit in one file (limits.URLs of them, limits.Bytes
// bytes), there is one file, IndexName. Beyond, IndexName is a
// <sitemapindex> of sitemap-1.xml, sitemap-2.xml…, which hold the URLs in
// order, each filled as far as the limits allow; each index entry's
// lastmod is the newest lastmod of its sitemap's URLs. root is the
// absolute URL of the folder the files are published in,
// "https://example.org/", which the index's loc entries start with.
//
// It fails when an entry has no URL, when one URL alone does not fit in a
// sitemap, or when the index would pass MaxSitemaps or MaxBytes.
func Sitemaps(root string, entries []Entry, limits Limits) ([]File, error) {
	limits = limits.within()
	merged, err := mergeEntries(entries)
	if err != nil {
		return nil, err
	}
	tags := urlTags(merged)
	parts := [][]urlTag{tags}
	if len(tags) > limits.URLs || maxSize(tags) > limits.Bytes {
		if parts, err = split(tags, limits); err != nil {
			return nil, err
		}
	}
	if len(parts) == 1 {
		doc, err := marshal(urlSet{XMLNS: nsSitemap, URLs: tags}, plainSize(tags))
		return []File{{Name: IndexName, Data: doc}}, err
	}
	return indexed(root, merged, parts, limits)
}

// indexed writes each part of tags (of merged, in the same order) as a
// sitemap, and the index of them.
func indexed(root string, merged []Entry, parts [][]urlTag, limits Limits) ([]File, error) {
	if len(parts) > MaxSitemaps {
		return nil, fmt.Errorf("sitemap: %d URLs need %d sitemaps, more than the %d one sitemap index may list", len(merged), len(parts), MaxSitemaps)
	}
	index := sitemapIndex{XMLNS: nsSitemap, Sitemaps: make([]sitemapTag, 0, len(parts))}
	files := []File{{Name: IndexName}}
	first := 0
	for i, part := range parts {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		doc, err := marshal(urlSet{XMLNS: nsSitemap, URLs: part}, plainSize(part))
		if err != nil {
			return nil, err
		}
		if len(doc) > limits.Bytes {
			return nil, fmt.Errorf("sitemap: %s came out %d bytes, more than %d", name, len(doc), limits.Bytes)
		}
		files = append(files, File{Name: name, Data: doc})
		index.Sitemaps = append(index.Sitemaps, sitemapTag{Loc: root + name, Lastmod: newestLastmod(merged[first : first+len(part)])})
		first += len(part)
	}
	doc, err := marshal(index, 0)
	if err != nil {
		return nil, err
	}
	if len(doc) > MaxBytes {
		return nil, fmt.Errorf("sitemap: the sitemap index came out %d bytes, more than the %d it may hold", len(doc), MaxBytes)
	}
	files[0].Data = doc
	return files, nil
}

// urlTags are the <url> elements of entries.
func urlTags(entries []Entry) []urlTag {
	tags := make([]urlTag, len(entries))
	for i, e := range entries {
		tags[i] = urlTag{Loc: e.URL, Lastmod: w3cDatetime(e.Lastmod)}
	}
	return tags
}

// w3cDatetime is t in RFC 3339, or "" for the zero time.
func w3cDatetime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// newestLastmod is the latest lastmod of entries, in its own offset.
func newestLastmod(entries []Entry) string {
	var newest time.Time
	for _, e := range entries {
		if e.Lastmod.After(newest) {
			newest = e.Lastmod
		}
	}
	return w3cDatetime(newest)
}

// Bytes of a sitemap around its <url> elements: the XML declaration,
// the <urlset> tags and the final line break; each <url> adds a line
// break and its own indented lines.
var (
	urlSetStart = len(xml.Header) + len(`<urlset xmlns="`+nsSitemap+`">`)
	urlSetEnd   = len("\n</urlset>\n")
)

// maxSize bounds the size of the sitemap of tags from above without
// encoding it: escaping turns one byte into at most five ("&#34;" for a
// quote, "&amp;" for an ampersand, three bytes of U+FFFD for a byte of bad
// UTF-8); six leaves room.
func maxSize(tags []urlTag) int {
	size := urlSetStart + urlSetEnd
	for _, t := range tags {
		size += perURL + 6*(len(t.Loc)+len(t.Lastmod))
	}
	return size
}

// perURL is what a <url> adds to a sitemap besides its text.
const perURL = len("\n  <url>\n    <loc></loc>\n    <lastmod></lastmod>\n  </url>")

// plainSize is the size of the sitemap of tags when nothing in it needs
// escaping, as most URLs do not: the room marshal makes first.
func plainSize(tags []urlTag) int {
	size := urlSetStart + urlSetEnd
	for _, t := range tags {
		size += perURL + len(t.Loc) + len(t.Lastmod)
	}
	return size
}

// split cuts tags into runs that each make a sitemap within limits,
// filling each as far as it goes. The sizes are exact: each <url> is
// encoded as it will stand in the file.
func split(tags []urlTag, limits Limits) ([][]urlTag, error) {
	var parts [][]urlTag
	start, size := 0, urlSetStart+urlSetEnd
	sizer := newURLSizer()
	for i, t := range tags {
		n, err := sizer.size(t)
		if err != nil {
			return nil, err
		}
		if urlSetStart+urlSetEnd+n > limits.Bytes {
			return nil, fmt.Errorf("sitemap: the URL %.80q… alone is more than the %d bytes one sitemap may hold", t.Loc, limits.Bytes)
		}
		if i-start == limits.URLs || size+n > limits.Bytes {
			parts = append(parts, tags[start:i])
			start, size = i, urlSetStart+urlSetEnd
		}
		size += n
	}
	return append(parts, tags[start:]), nil
}

// urlSizer measures <url> elements as they stand in a sitemap, with one
// encoder for all of them: xml.MarshalIndent makes a 4 KB buffer at each
// call, 650 MB for an archive's 160,000 URLs.
type urlSizer struct {
	buf     bytes.Buffer
	enc     *xml.Encoder
	encoded bool // the encoder starts every element after the first with its line break
}

func newURLSizer() *urlSizer {
	s := &urlSizer{}
	s.enc = xml.NewEncoder(&s.buf)
	s.enc.Indent("  ", "  ")
	return s
}

// size is the bytes t adds to a sitemap: a line break and its lines.
func (s *urlSizer) size(t urlTag) (int, error) {
	s.buf.Reset()
	if err := s.enc.Encode(t); err != nil {
		return 0, err
	}
	n := s.buf.Len()
	if !s.encoded {
		n, s.encoded = n+1, true
	}
	return n, nil
}

// mergeEntries sorts entries by URL and merges those of the same URL.
func mergeEntries(entries []Entry) ([]Entry, error) {
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b Entry) int { return strings.Compare(a.URL, b.URL) })
	var merged []Entry
	for _, e := range sorted {
		if e.URL == "" {
			return nil, errors.New("sitemap: an entry has an empty URL")
		}
		last := len(merged) - 1
		if last >= 0 && merged[last].URL == e.URL {
			if e.Lastmod.After(merged[last].Lastmod) {
				merged[last].Lastmod = e.Lastmod
			}
			continue
		}
		merged = append(merged, e)
	}
	return merged, nil
}

// Robots returns a robots.txt that lets every crawler in and names each
// sitemap (absolute URLs) on a Sitemap line, in the order given. Empty
// URLs are skipped, and line breaks inside a URL are removed, so no URL
// can add a rule of its own.
func Robots(sitemaps []string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	sep := "\n"
	for _, url := range sitemaps {
		url = strings.TrimSpace(strings.NewReplacer("\r", "", "\n", "").Replace(url))
		if url == "" {
			continue
		}
		b.WriteString(sep + "Sitemap: " + url + "\n")
		sep = ""
	}
	return []byte(b.String())
}

// marshal writes doc as an indented XML document with its declaration.
// It makes room for size bytes first, so that a sitemap is written into
// one buffer, not copied from one to the next as it grows.
func marshal(doc any, size int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// compareNewest orders times newest first, then by URL.
func compareNewest(aTime, bTime time.Time, aURL, bURL string) int {
	return cmp.Or(bTime.Compare(aTime), strings.Compare(aURL, bURL))
}
