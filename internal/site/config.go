package site

import (
	"strings"
	"time"
)

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
	FeedItems    int    // items each feed holds, newest first
	// ChartRegistry is the npm registry the chart library is downloaded
	// from, without a trailing slash; "" leaves it to the environment or
	// the default. The environment overrides it.
	ChartRegistry string
	// ChartLibrary is the slash path, within the site, of a chart library
	// file written by almanac fetch --output, used instead of downloading;
	// "" downloads it.
	ChartLibrary string
	Params       map[string]any
}

// MenuItem is one entry of the main menu.
type MenuItem struct {
	Name   string
	URL    string // site-relative ("/cong-thuong/") or absolute
	Weight int
}

// AbsURL joins a site-relative path to BaseURL: "/a/b/" on
// "https://example.org/news/" gives "https://example.org/news/a/b/". An
// absolute http(s) URL is returned as it is. With BaseURL "/" the result
// stays site-relative.
func (c Config) AbsURL(path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return path
	}
	return strings.TrimSuffix(c.BaseURL, "/") + "/" + strings.TrimPrefix(path, "/")
}
