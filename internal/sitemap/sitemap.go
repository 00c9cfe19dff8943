// Package sitemap writes the files that tell search engines what a site
// holds: sitemap.xml (the sitemaps.org protocol), the Google News sitemap
// of recent articles, and robots.txt pointing at both.
//
// The functions are pure: they take entries or pages and return bytes, and
// they never read the clock (News takes the build time from its caller), so
// the same site always gives byte-identical files. Every XML document is
// written with encoding/xml from structs, so no URL or title can break it.
//
// The sitemaps protocol wants absolute URLs. With a site BaseURL of "/" (a
// local preview) the URLs News writes are site-relative, and Sitemap writes
// whatever URLs it is given; a published site should set an absolute
// BaseURL.
package sitemap

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// MaxURLs is the most URLs one sitemap file may list (sitemaps.org).
const MaxURLs = 50000

// nsSitemap is the namespace of the sitemaps.org protocol.
const nsSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"

// Entry is one page of the sitemap.
type Entry struct {
	URL     string    // absolute URL of the page
	Lastmod time.Time // when the page last changed; zero leaves lastmod out
}

type urlSet struct {
	XMLName xml.Name `xml:"urlset"`
	XMLNS   string   `xml:"xmlns,attr"`
	URLs    []urlTag `xml:"url"`
}

type urlTag struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemap returns the sitemap.xml listing entries, sorted by URL. A URL
// listed twice is written once, with the later of its lastmods. Lastmod
// is a W3C datetime (RFC 3339 with the offset of the entry's time zone).
//
// It fails when an entry has no URL, or when there are more than MaxURLs
// distinct URLs (the site then needs a sitemap index).
func Sitemap(entries []Entry) ([]byte, error) {
	merged, err := mergeEntries(entries)
	if err != nil {
		return nil, err
	}
	set := urlSet{XMLNS: nsSitemap, URLs: make([]urlTag, 0, len(merged))}
	for _, e := range merged {
		u := urlTag{Loc: e.URL}
		if !e.Lastmod.IsZero() {
			u.Lastmod = e.Lastmod.Format(time.RFC3339)
		}
		set.URLs = append(set.URLs, u)
	}
	return marshal(set)
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
	if len(merged) > MaxURLs {
		return nil, fmt.Errorf("sitemap: %d URLs, more than the %d one sitemap may list", len(merged), MaxURLs)
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
func marshal(doc any) ([]byte, error) {
	body, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(xml.Header)+len(body)+1)
	out = append(out, xml.Header...)
	out = append(out, body...)
	return append(out, '\n'), nil
}

// compareNewest orders times newest first, then by URL.
func compareNewest(aTime, bTime time.Time, aURL, bURL string) int {
	return cmp.Or(bTime.Compare(aTime), strings.Compare(aURL, bURL))
}
