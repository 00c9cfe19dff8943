package feed

import (
	"cmp"
	"encoding/xml"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// atomDoc is the <feed> element of an Atom 1.0 document.
type atomDoc struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     atomText    `xml:"title"`
	Subtitle  *atomText   `xml:"subtitle"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    *atomPerson `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary"`
	Content    *atomText      `xml:"content"`
}

// atomText is a text construct: Type "text" holds plain text, "html"
// holds HTML that encoding/xml escapes once more.
type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// Atom returns the Atom 1.0 feed of pages: the newest o.Limit of them,
// newest first.
//
// The feed's id is o.FeedURL (else o.Link), stable across builds; its
// author is the site's default author, else the site's title, so every
// entry has one. Each entry's id is the page's absolute URL; updated is
// the page's Lastmod or Date, published its Date, both RFC 3339 in the
// site's time zone. The summary is plain text (type="text"); with
// o.FullText the entry also has the body as content type="html". Each tag
// is a category whose term is the tag's slug and label its name.
func Atom(cfg site.Config, pages []*site.Page, o Options) ([]byte, error) {
	in := prepare(cfg, pages, o)
	if in.Updated.IsZero() {
		// Atom requires an updated date, and it must not depend on when
		// the site is built: a feed with no dated item gets the Unix epoch.
		in.Updated = time.Unix(0, 0).UTC()
	}
	doc := atomDoc{
		Lang:      in.Lang,
		ID:        cmp.Or(in.FeedURL, in.Link),
		Title:     atomText{Type: "text", Value: in.Title},
		Updated:   in.rfc3339(in.Updated),
		Links:     []atomLink{{Href: in.Link, Rel: "alternate", Type: "text/html"}},
		Author:    &atomPerson{Name: cmp.Or(cfg.Author, in.Title)},
		Generator: generator,
	}
	if in.Description != "" {
		doc.Subtitle = &atomText{Type: "text", Value: in.Description}
	}
	if in.FeedURL != "" {
		doc.Links = append(doc.Links, atomLink{Href: in.FeedURL, Rel: "self", Type: "application/atom+xml"})
	}
	for _, p := range in.pages {
		entry, err := in.atomEntry(p)
		if err != nil {
			return nil, err
		}
		doc.Entries = append(doc.Entries, entry)
	}
	return marshal(doc)
}

// atomEntry is one page as an Atom entry.
func (in feedInput) atomEntry(p *site.Page) (atomEntry, error) {
	link := in.cfg.AbsURL(p.URL)
	updated := modified(p)
	if updated.IsZero() {
		updated = in.Updated
	}
	entry := atomEntry{
		ID:      link,
		Title:   atomText{Type: "text", Value: p.Title},
		Links:   []atomLink{{Href: link, Rel: "alternate", Type: "text/html"}},
		Updated: in.rfc3339(updated),
	}
	if !p.Date.IsZero() {
		entry.Published = in.rfc3339(p.Date)
	}
	for _, name := range in.authors(p) {
		entry.Authors = append(entry.Authors, atomPerson{Name: name})
	}
	for _, tag := range p.Tags {
		entry.Categories = append(entry.Categories, atomCategory{Term: cmp.Or(tag.Slug, tag.Name), Label: tag.Name})
	}
	if sum := in.summary(p); sum != "" {
		entry.Summary = &atomText{Type: "text", Value: sum}
	}
	if in.FullText {
		body, err := in.Body(p)
		if err != nil {
			return entry, err
		}
		entry.Content = &atomText{Type: "html", Value: body}
	}
	return entry, nil
}

// rfc3339 formats t in the site's time zone as RFC 3339 with its offset.
func (in feedInput) rfc3339(t time.Time) string {
	return in.local(t).Format(time.RFC3339)
}
