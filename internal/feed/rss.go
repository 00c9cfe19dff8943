package feed

import (
	"encoding/xml"
	"html"
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// XML namespaces of the RSS extensions the feed uses.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
)

// rssDoc is the <rss> element. encoding/xml writes a prefixed name such
// as "atom:link" as written, so the prefixes are declared here once.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	XMLNSAtom string     `xml:"xmlns:atom,attr"`
	XMLNSDC   string     `xml:"xmlns:dc,attr"`
	XMLNSCont string     `xml:"xmlns:content,attr"`
	Channel   rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	Generator     string    `xml:"generator"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          *atomLink `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Creators    []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description,omitempty"`
	Content     string   `xml:"content:encoded,omitempty"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// RSS returns the RSS 2.0 feed of pages: the newest o.Limit of them,
// newest first.
//
// Each item has its title, its absolute link (also its guid, a permalink),
// its pubDate, one dc:creator per author (RSS's own author element must be
// an e-mail address) and one category per tag. The description is the
// page's plain-text summary, HTML-escaped as RSS readers expect HTML there.
// With o.FullText the item also carries the body's HTML in content:encoded.
// Dates are in the site's time zone, in RFC 1123 form with a numeric zone.
func RSS(cfg site.Config, pages []*site.Page, o Options) ([]byte, error) {
	in := prepare(cfg, pages, o)
	channel := rssChannel{
		Title:       in.Title,
		Link:        in.Link,
		Description: in.Description,
		Language:    in.Lang,
		Generator:   generator,
	}
	if !in.Updated.IsZero() {
		channel.LastBuildDate = in.local(in.Updated).Format(time.RFC1123Z)
	}
	if in.FeedURL != "" {
		channel.Self = &atomLink{Href: in.FeedURL, Rel: "self", Type: "application/rss+xml"}
	}
	for _, p := range in.pages {
		item, err := in.rssItem(p)
		if err != nil {
			return nil, err
		}
		channel.Items = append(channel.Items, item)
	}
	doc := rssDoc{Version: "2.0", XMLNSAtom: nsAtom, XMLNSDC: nsDC, XMLNSCont: nsContent, Channel: channel}
	return marshal(doc)
}

// rssItem is one page as an RSS item.
func (in feedInput) rssItem(p *site.Page) (rssItem, error) {
	link := in.cfg.AbsURL(p.URL)
	item := rssItem{
		Title:       p.Title,
		Link:        link,
		GUID:        rssGUID{IsPermaLink: true, Value: link},
		Creators:    in.authors(p),
		Description: html.EscapeString(in.summary(p)),
	}
	if !p.Date.IsZero() {
		item.PubDate = in.local(p.Date).Format(time.RFC1123Z)
	}
	for _, tag := range p.Tags {
		item.Categories = append(item.Categories, tag.Name)
	}
	if in.FullText {
		var err error
		if item.Content, err = in.Body(p); err != nil {
			return item, err
		}
	}
	return item, nil
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
