package render

// Feed files sit beside the list page they stand for: /index.xml and
// /atom.xml for the whole site, /<section>/index.xml, /tags/<slug>/atom.xml…
const (
	rssFile  = "index.xml"
	atomFile = "atom.xml"
)

// feedLinks are the RSS and Atom feeds of the list at dir ("/", "/cong-thuong/").
func feedLinks(dir, title string) []FeedLink {
	return []FeedLink{
		{Format: "RSS", Type: "application/rss+xml", URL: dir + rssFile, Title: title},
		{Format: "Atom", Type: "application/atom+xml", URL: dir + atomFile, Title: title},
	}
}

// feedsOf are the feeds a page of dir announces: the whole site's, and
// dir's own (a section's or a tag's) unless dir is "/". The pages of one
// dir share one slice, made once (a 100,000-article site has 200,000
// pages); its capacity is its length, so that appending to it copies.
func (pl *planner) feedsOf(dir, title string) []FeedLink {
	if feeds, ok := pl.feeds[dir]; ok {
		return feeds
	}
	feeds := feedLinks("/", pl.r.in.Site.Config.Title)
	if dir != "/" {
		feeds = append(feeds, feedLinks(dir, title+" | "+pl.r.in.Site.Config.Title)...)
	}
	feeds = feeds[:len(feeds):len(feeds)]
	if pl.feeds == nil {
		pl.feeds = map[string][]FeedLink{}
	}
	pl.feeds[dir] = feeds
	return feeds
}
