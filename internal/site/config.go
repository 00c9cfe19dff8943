package site

import "time"

// Config is the site configuration from almanac.toml.
type Config struct {
	Title        string
	Description  string
	BaseURL      string         // absolute URL with trailing slash, e.g. "https://example.org/"
	Language     string         // BCP 47 tag: "vi" or "en"
	TimeZone     string         // IANA name, e.g. "Asia/Ho_Chi_Minh"
	Location     *time.Location // TimeZone loaded
	Menu         []MenuItem
	PageSize     int    // articles per list page
	Author       string // default author when an article names none
	AllowHTML    bool   // keep raw HTML in Markdown
	FeedFullText bool   // feeds carry whole articles, not summaries
	Params       map[string]any
}

// MenuItem is one entry of the main menu.
type MenuItem struct {
	Name   string
	URL    string // site-relative ("/cong-thuong/") or absolute
	Weight int
}
