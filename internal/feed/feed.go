// Package feed writes the RSS 2.0 and Atom 1.0 feeds of an Almanac site:
// one feed for the whole site, and one per section or tag, as the caller
// chooses by the pages it passes.
//
// The functions are pure: they take the site model and return the bytes of
// the feed, and they never read the clock, so the same site always gives
// byte-identical feeds. Every document is written with encoding/xml from
// structs, so no title, summary or body can break the XML: the characters
// <, & and quotes are escaped, and characters XML forbids (control
// characters) become U+FFFD.
//
// Links are absolute: the site's BaseURL joined with the page's URL. With a
// BaseURL of "/" (a site built for a local preview) the links come out
// site-relative, "/cong-thuong/bao-cao/"; feed readers need absolute links,
// so a published site should set an absolute BaseURL.
package feed

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/locale"
	"github.com/almanac-news/almanac/internal/site"
)

// DefaultLimit is the number of items a feed holds when Options.Limit is
// zero or negative.
const DefaultLimit = 20

// generator names Almanac in the feeds it writes.
const generator = "Almanac"

// Options describes one feed: what it stands for and what it holds.
// Every field is optional; an empty one falls back to the site's.
type Options struct {
	Title       string // channel title; default Config.Title
	Description string // channel description; default Config.Description
	Link        string // absolute URL of the HTML page the feed stands for; default the home page
	FeedURL     string // absolute URL of the feed itself (atom:link rel=self, Atom id)
	Lang        string // default Config.Language
	FullText    bool   // each item carries the page's whole body, not only its summary
	Limit       int    // newest Limit items; DefaultLimit when zero or negative

	// Updated is the feed's lastBuildDate (RSS) and updated (Atom). When
	// zero it is the newest Lastmod or Date among the feed's items, so the
	// feed only changes when its content does.
	Updated time.Time

	// Body returns the HTML of an item when FullText is set; nil means
	// string(p.Content()). The build passes a function that replaces charts
	// by their data tables, since feed readers run no JavaScript.
	Body func(p *site.Page) (string, error)
}

// feedInput is a feed's options with every default filled in, and the
// pages it holds, newest first.
type feedInput struct {
	Options
	cfg   site.Config
	pages []*site.Page
}

// prepare fills the defaults of o and picks the newest pages.
func prepare(cfg site.Config, pages []*site.Page, o Options) feedInput {
	in := feedInput{Options: o, cfg: cfg, pages: newest(pages, o.Limit)}
	in.Title = cmp.Or(o.Title, cfg.Title)
	in.Description = cmp.Or(o.Description, cfg.Description)
	in.Link = cmp.Or(o.Link, cfg.AbsURL("/"))
	in.Lang = cmp.Or(o.Lang, cfg.Language)
	if in.Body == nil {
		in.Body = func(p *site.Page) (string, error) {
			html, err := p.Content()
			return string(html), err
		}
	}
	if in.Updated.IsZero() {
		for _, p := range in.pages {
			if t := modified(p); t.After(in.Updated) {
				in.Updated = t
			}
		}
	}
	return in
}

// newest returns the limit newest pages, newest first. Pages of the same
// date are ordered by URL, so the order never depends on the input's.
func newest(pages []*site.Page, limit int) []*site.Page {
	if limit <= 0 {
		limit = DefaultLimit
	}
	sorted := slices.Clone(pages)
	slices.SortStableFunc(sorted, func(a, b *site.Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	return sorted[:min(limit, len(sorted))]
}

// summary is what an item says of page p: its summary, then each of its
// corrections on a line of its own ("Đính chính 04/01/2021: …"), since
// feed readers show no page around the item.
func (in feedInput) summary(p *site.Page) string {
	s := p.Summary
	for _, c := range p.Corrections {
		s = strings.TrimSpace(s + "\n\n" + locale.Correction(in.Lang, in.local(c.Date), c.Text))
	}
	return s
}

// modified is when a page last changed: its Lastmod, or its Date.
func modified(p *site.Page) time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

// authors returns the page's authors, or the site's default author.
func (in feedInput) authors(p *site.Page) []string {
	if len(p.Authors) > 0 {
		return p.Authors
	}
	if in.cfg.Author != "" {
		return []string{in.cfg.Author}
	}
	return nil
}

// local returns t in the site's time zone, when the site names one.
func (in feedInput) local(t time.Time) time.Time {
	if in.cfg.Location != nil {
		return t.In(in.cfg.Location)
	}
	return t
}
