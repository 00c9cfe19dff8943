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
	// Languages are the site's editions, the default one (Language) first;
	// nil for a site in one language. Config.Language is the language of
	// the edition being built.
	Languages []Language
	// RootURL is the base URL of the default edition, under which the
	// others are: "https://example.org/" for "https://example.org/en/";
	// empty in the default edition, whose BaseURL it is.
	RootURL string
}

// Language is one edition of a site in several languages ([languages.en]).
type Language struct {
	Code        string // "vi", "en"
	Name        string // as its readers write it, for the language switcher: "Tiếng Việt", "English"
	Title       string // the site's title in it; empty for the site's title
	Description string
	// Menu is the edition's main menu ([[languages.en.menu]]); nil: the
	// site's [[menu]] is the default language's alone, and this edition's
	// menu lists its sections.
	Menu []MenuItem
}

// Edition returns the configuration of the edition in lang: its language,
// title and description, and its base URL under the site's, in a folder of
// its own unless it is the default language.
func (c Config) Edition(lang string) Config {
	if len(c.Languages) == 0 || lang == c.Languages[0].Code {
		return c
	}
	for _, l := range c.Languages {
		if l.Code == lang {
			c.Language = lang
			if l.Title != "" {
				c.Title = l.Title
			}
			if l.Description != "" {
				c.Description = l.Description
			}
			c.Menu = l.Menu
			c.RootURL = c.BaseURL
			c.BaseURL = strings.TrimSuffix(c.BaseURL, "/") + "/" + lang + "/"
		}
	}
	return c
}

// LanguageURL is the address of path (site-relative in the edition in
// lang: "/kinh-te/bai/") in that edition, from the default edition's base
// URL: "https://example.org/en/kinh-te/bai/".
func (c Config) LanguageURL(lang, path string) string {
	root := c.RootURL
	if root == "" {
		root = c.BaseURL
	}
	return strings.TrimSuffix(root, "/") + c.LanguageHome(lang) + strings.TrimPrefix(path, "/")
}

// LanguageHome is the site-relative path of the home page of the edition
// in lang, as the default edition's base URL sees it: "/" or "/en/".
func (c Config) LanguageHome(lang string) string {
	if len(c.Languages) == 0 || lang == c.Languages[0].Code {
		return "/"
	}
	return "/" + lang + "/"
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
