package config

import (
	"slices"
	"strings"
	"testing"
)

const topKeys = "known keys are title, description, base_url, language, time_zone, menu, page_size, author, allow_html, feed_full_text, feed_items, chart_registry, chart_library, params, languages"

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{{
		name: "unknown key",
		doc:  "title = \"x\"\ndescription = \"d\"\n\ntitel = \"y\"\n",
		want: []string{`almanac.toml:4:1: unknown key "titel"; did you mean "title"? ` + topKeys},
	}, {
		name: "each unknown key",
		doc:  "colour = \"red\"\nauthr = \"a\"\n",
		want: []string{
			`almanac.toml:1:1: unknown key "colour"; ` + topKeys,
			`almanac.toml:2:1: unknown key "authr"; did you mean "author"? ` + topKeys,
		},
	}, {
		name: "unknown table",
		doc:  "[theme]\ncolour = 1\n",
		want: []string{`almanac.toml:1:2: unknown key "theme"; ` + topKeys},
	}, {
		name: "unknown key in menu item",
		doc:  "[[menu]]\nname = \"a\"\nurl = \"/\"\nlink = \"/b/\"\n",
		want: []string{`almanac.toml:4:1: unknown key "link" in [[menu]]; known keys are name, url, weight`},
	}, {
		name: "unknown key in inline menu item",
		doc:  "menu = [\n  {name = \"Công nghiệp\", url = \"/a/\", wieght = 2},\n]\n",
		want: []string{`almanac.toml:2:39: unknown key "wieght" in [[menu]]; did you mean "weight"? known keys are name, url, weight`},
	}, {
		name: "syntax error, column in characters",
		doc:  "title = \"Tiếng Việt\" x\n",
		want: []string{`almanac.toml:1:22: expected newline but got U+0078 'x'; check the TOML syntax: text goes in double quotes, one key = value per line (see https://toml.io)`},
	}, {
		name: "duplicate key",
		doc:  "title = \"a\"\ntitle = \"b\"\n",
		want: []string{`almanac.toml:2:1: key title is already defined; a key may appear only once in a table; keep one of them`},
	}, {
		name: "text for a number",
		doc:  "page_size = \"ten\"\n",
		want: []string{`almanac.toml:1:13: page_size must be a whole number, not text; write it like page_size = 10`},
	}, {
		name: "text for a boolean",
		doc:  "allow_html = \"yes\"\n",
		want: []string{`almanac.toml:1:14: allow_html must be true or false, not text; write it like allow_html = false`},
	}, {
		name: "table for text",
		doc:  "title.main = \"a\"\n",
		want: []string{`almanac.toml:1:7: title must be text in quotes, not a table; write it like title = "Tin Công Thương"`},
	}, {
		name: "wrong type in menu item, later keys not reported missing",
		doc:  "[[menu]]\nweight = \"first\"\nname = \"a\"\nurl = \"/a/\"\n",
		want: []string{`almanac.toml:2:10: weight must be a whole number, not text; write it like weight = 1`},
	}, {
		name: "unsupported language",
		doc:  "language = \"fr\"\n",
		want: []string{`almanac.toml:1:12: language "fr" is not supported; write language = "vi" or language = "en"`},
	}, {
		name: "unknown time zone",
		doc:  "time_zone = \"Asia/Hanoi\"\n",
		want: []string{`almanac.toml:1:13: unknown time zone "Asia/Hanoi"; use an IANA time zone name such as "Asia/Ho_Chi_Minh" or "UTC"`},
	}, {
		name: "machine-dependent time zone",
		doc:  "time_zone = \"Local\"\n",
		want: []string{`almanac.toml:1:13: time_zone "Local" does not name a time zone; use an IANA time zone name such as "Asia/Ho_Chi_Minh" or "UTC"`},
	}, {
		name: "base URL without scheme",
		doc:  "\n  base_url = \"example.org\"\n",
		want: []string{`almanac.toml:2:14: base URL "example.org" is not an absolute URL; start it with https://, e.g. "https://example.org/", or write "/" for a site served from the root`},
	}, {
		name: "base URL as a path",
		doc:  "base_url = \"/tin/\"\n",
		want: []string{`almanac.toml:1:12: base URL "/tin/" is not an absolute URL; start it with https://, e.g. "https://example.org/", or write "/" for a site served from the root`},
	}, {
		name: "base URL with another scheme",
		doc:  "base_url = \"ftp://example.org/\"\n",
		want: []string{`almanac.toml:1:12: base URL "ftp://example.org/" uses the scheme "ftp"; use an http or https address, e.g. "https://example.org/"`},
	}, {
		name: "base URL with query",
		doc:  "base_url = \"https://example.org/?lang=vi\"\n",
		want: []string{`almanac.toml:1:12: base URL "https://example.org/?lang=vi" has a query or fragment; remove the part from ? or # on`},
	}, {
		name: "empty base URL",
		doc:  "base_url = \"\"\n",
		want: []string{`almanac.toml:1:12: base URL is empty; write the address the site is published at, e.g. "https://example.org/", or "/" for a site served from the root`},
	}, {
		name: "empty title",
		doc:  "title = \" \"\n",
		want: []string{`almanac.toml:1:9: title is empty; give the site a name, e.g. title = "Tin Công Thương", or remove the line to use "Almanac"`},
	}, {
		name: "page size zero",
		doc:  "page_size = 0\n",
		want: []string{`almanac.toml:1:13: page_size 0 is out of range; choose a number of articles per page from 1 to 1000`},
	}, {
		name: "page size too large",
		doc:  "page_size = 1001\n",
		want: []string{`almanac.toml:1:13: page_size 1001 is out of range; choose a number of articles per page from 1 to 1000`},
	}, {
		name: "feed items zero",
		doc:  "feed_items = 0\n",
		want: []string{`almanac.toml:1:14: feed_items 0 is out of range; choose how many of the newest articles each feed holds, from 1 to 1000`},
	}, {
		name: "feed items too many",
		doc:  "feed_items = 1001\n",
		want: []string{`almanac.toml:1:14: feed_items 1001 is out of range; choose how many of the newest articles each feed holds, from 1 to 1000`},
	}, {
		name: "feed items not a number",
		doc:  "feed_items = \"20\"\n",
		want: []string{`almanac.toml:1:14: feed_items must be a whole number, not text; write it like feed_items = 20`},
	}, {
		name: "menu items without name or url",
		doc:  "[[menu]]\nurl = \"/a/\"\n\n[[menu]]\nname = \"\"\nurl = \"/b/\"\n\n  [[menu]]\nname = \"c\"\n",
		want: []string{
			`almanac.toml:1:3: menu item has no name; add the text the menu shows, e.g. name = "Công nghiệp"`,
			`almanac.toml:5:8: menu item has no name; add the text the menu shows, e.g. name = "Công nghiệp"`,
			`almanac.toml:8:5: menu item has no url; add the address it links to, e.g. url = "/cong-nghiep/"`,
		},
	}, {
		name: "relative menu url in inline table",
		doc:  "menu = [{name = \"Công nghiệp\", url = \"cong-nghiep/\"}]\n",
		want: []string{`almanac.toml:1:38: menu url "cong-nghiep/" is neither site-relative nor absolute; start it with a slash, e.g. url = "/cong-nghiep/", or write a full address such as "https://example.org/"`},
	}, {
		name: "inline menu item without url",
		doc:  "menu = [\n  {name = \"a\", url = \"/a/\"},\n  {name = \"b\"},\n]\n",
		want: []string{`almanac.toml:3:3: menu item has no url; add the address it links to, e.g. url = "/cong-nghiep/"`},
	}, {
		name: "several problems at once",
		doc:  "language = \"de\"\npage_size = -1\ntime_zone = \"Mars/Olympus\"\n",
		want: []string{
			`almanac.toml:1:12: language "de" is not supported; write language = "vi" or language = "en"`,
			`almanac.toml:2:13: page_size -1 is out of range; choose a number of articles per page from 1 to 1000`,
			`almanac.toml:3:13: unknown time zone "Mars/Olympus"; use an IANA time zone name such as "Asia/Ho_Chi_Minh" or "UTC"`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.doc)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestBadValuesKeepDefaults(t *testing.T) {
	cfg, problems := load(t, "title = \"Tin\"\nlanguage = \"fr\"\ntime_zone = \"Nowhere\"\nbase_url = \"x\"\npage_size = 0\n"+
		"[[menu]]\nname = \"ok\"\nurl = \"/ok/\"\n[[menu]]\nname = \"bad\"\nurl = \"bad\"\n")
	if len(problems) != 5 {
		t.Fatalf("got %d problems, want 5: %v", len(problems), problems)
	}
	d := Default()
	if cfg.Title != "Tin" || cfg.Language != d.Language || cfg.TimeZone != d.TimeZone || cfg.Location != d.Location ||
		cfg.BaseURL != d.BaseURL || cfg.PageSize != d.PageSize {
		t.Errorf("config = %+v, want the title set and defaults elsewhere", cfg)
	}
	if len(cfg.Menu) != 1 || cfg.Menu[0].Name != "ok" {
		t.Errorf("menu = %+v, want only the valid item", cfg.Menu)
	}
}
