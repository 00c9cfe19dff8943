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

// siteFeeds are the whole site's feeds, announced on every page. Each
// PageData gets its own slice, so that appending a section's or a tag's
// feeds never touches another page's.
func (pl *planner) siteFeeds() []FeedLink {
	return feedLinks("/", pl.r.in.Site.Config.Title)[:2:2]
}
