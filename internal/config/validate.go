package config

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// Page sizes and feed lengths almanac.toml may ask for.
const (
	minPageSize  = 1
	maxPageSize  = 1000
	minFeedItems = 1
	maxFeedItems = 1000
)

// supportedLanguages are the languages Almanac has translations for.
func supportedLanguages() []string { return []string{"vi", "en"} }

// validate checks the decoded values, reports each bad one at its position
// and returns the configuration, with the default in place of every value
// that was wrong. When decoding was not complete, a menu item may lack keys
// the file does give it, so missing keys are not reported then.
func validate(raw fileConfig, complete bool, index *positionIndex, problems *diag.List) site.Config {
	cfg := Default()
	cfg.Description = raw.Description
	cfg.Author = raw.Author
	cfg.AllowHTML = raw.AllowHTML
	cfg.FeedFullText = raw.FeedFull
	if raw.Params != nil {
		cfg.Params = raw.Params
	}
	check := func(path string, problem *diag.Problem) bool {
		if problem != nil {
			problem.Pos = index.at(path)
			problems.Add(problem)
		}
		return problem == nil
	}
	if check("title", checkTitle(raw.Title)) {
		cfg.Title = raw.Title
	}
	if baseURL, problem := normaliseBaseURL(raw.BaseURL); check("base_url", problem) {
		cfg.BaseURL = baseURL
	}
	if check("language", checkLanguage(raw.Language)) {
		cfg.Language = raw.Language
	}
	if location, problem := loadTimeZone(raw.TimeZone); check("time_zone", problem) {
		cfg.TimeZone, cfg.Location = raw.TimeZone, location
	}
	if check("page_size", checkPageSize(raw.PageSize)) {
		cfg.PageSize = raw.PageSize
	}
	if check("feed_items", checkFeedItems(raw.FeedItems)) {
		cfg.FeedItems = raw.FeedItems
	}
	if registry, problem := checkChartRegistry(raw.ChartRegistry); check("chart_registry", problem) {
		cfg.ChartRegistry = registry
	}
	if check("chart_library", checkChartLibrary(raw.ChartLibrary)) {
		cfg.ChartLibrary = raw.ChartLibrary
	}
	cfg.Menu = menu(raw.Menu, complete, index, problems)
	cfg.Languages = languages(cfg.Language, raw.Languages, index, problems)
	for i, l := range cfg.Languages {
		if menuRaw := raw.Languages[l.Code].Menu; menuRaw != nil {
			cfg.Languages[i].Menu = menuAt("languages."+l.Code+".menu", menuRaw, complete, index, problems)
		}
	}
	return cfg
}

// languageNames are the names of the languages as their readers write them.
var languageNames = map[string]string{"vi": "Tiếng Việt", "en": "English"}

// languages checks the [languages.CODE] tables: the site's language first,
// then the others by weight and code; nil when the site has no other.
func languages(main string, raw map[string]fileLanguage, index *positionIndex, problems *diag.List) []site.Language {
	var others []string
	for code := range raw {
		if checkLanguage(code) != nil {
			p := problem("[languages.%s] names a language Almanac does not write", code).
				WithHint("the languages are %s: write [languages.en] or [languages.vi]", strings.Join(supportedLanguages(), " and "))
			p.Pos = index.at("languages." + code)
			problems.Add(p)
		} else if code != main {
			others = append(others, code)
		}
	}
	if len(others) == 0 && !hasKey(raw, main) {
		return nil
	}
	slices.SortFunc(others, func(a, b string) int {
		return cmp.Or(cmp.Compare(raw[a].Weight, raw[b].Weight), cmp.Compare(a, b))
	})
	out := []site.Language{edition(main, raw[main])}
	for _, code := range others {
		out = append(out, edition(code, raw[code]))
	}
	return out
}

func hasKey(raw map[string]fileLanguage, key string) bool {
	_, ok := raw[key]
	return ok
}

func edition(code string, l fileLanguage) site.Language {
	return site.Language{Code: code, Name: cmp.Or(l.Name, languageNames[code]), Title: l.Title, Description: l.Description}
}

// problem returns an error-severity problem whose position validate fills.
func problem(format string, args ...any) *diag.Problem {
	return diag.Errorf(diag.Pos{}, format, args...)
}

func checkTitle(title string) *diag.Problem {
	if strings.TrimSpace(title) == "" {
		return problem("title is empty").
			WithHint(`give the site a name, e.g. title = "Tin Công Thương", or remove the line to use %q`, DefaultTitle)
	}
	return nil
}

// normaliseBaseURL accepts "/" or an absolute http(s) URL without query or
// fragment, and gives it a trailing slash. Its messages suit both the file
// and a command-line override.
func normaliseBaseURL(raw string) (string, *diag.Problem) {
	if raw == "/" {
		return raw, nil
	}
	const example = `write the address the site is published at, e.g. "https://example.org/", or "/" for a site served from the root`
	u, err := url.Parse(raw)
	switch {
	case strings.TrimSpace(raw) == "":
		return "", problem("base URL is empty").WithHint(example)
	case err != nil:
		return "", problem("base URL %q is not a URL: %v", raw, unwrapURLError(err)).WithHint(example)
	case u.Scheme == "" || u.Host == "" && u.Opaque != "":
		return "", problem("base URL %q is not an absolute URL", raw).
			WithHint(`start it with https://, e.g. "https://example.org/", or write "/" for a site served from the root`)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", problem("base URL %q uses the scheme %q", raw, u.Scheme).
			WithHint(`use an http or https address, e.g. "https://example.org/"`)
	case u.Host == "":
		return "", problem("base URL %q has no host name", raw).WithHint(example)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		return "", problem("base URL %q has a query or fragment", raw).
			WithHint("remove the part from ? or # on")
	}
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	return raw, nil
}

// SetBaseURL checks and normalises a base URL given outside almanac.toml,
// such as on the command line, and sets it in cfg. When the URL is
// refused cfg is left as it was and the problem, at the position given,
// says how to fix it.
func SetBaseURL(cfg *site.Config, raw string, at diag.Pos) *diag.Problem {
	baseURL, p := normaliseBaseURL(raw)
	if p != nil {
		p.Pos = at
		return p
	}
	cfg.BaseURL = baseURL
	return nil
}

// unwrapURLError drops the "parse <url>:" prefix url.Parse puts before the
// reason.
func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

func checkLanguage(language string) *diag.Problem {
	if slices.Contains(supportedLanguages(), language) {
		return nil
	}
	return problem("language %q is not supported", language).
		WithHint(`write language = "vi" or language = "en"`)
}

// loadTimeZone loads an IANA time zone. "Local" is refused: a build must
// not depend on the machine it runs on.
func loadTimeZone(name string) (*time.Location, *diag.Problem) {
	const hint = `use an IANA time zone name such as "Asia/Ho_Chi_Minh" or "UTC"`
	if strings.TrimSpace(name) == "" || name == "Local" {
		return nil, problem("time_zone %q does not name a time zone", name).WithHint(hint)
	}
	location, err := time.LoadLocation(name)
	if err != nil {
		return nil, problem("unknown time zone %q", name).WithHint(hint)
	}
	return location, nil
}

func checkPageSize(size int) *diag.Problem {
	if size >= minPageSize && size <= maxPageSize {
		return nil
	}
	return problem("page_size %d is out of range", size).
		WithHint("choose a number of articles per page from %d to %d", minPageSize, maxPageSize)
}

func checkFeedItems(n int) *diag.Problem {
	if n >= minFeedItems && n <= maxFeedItems {
		return nil
	}
	return problem("feed_items %d is out of range", n).
		WithHint("choose how many of the newest articles each feed holds, from %d to %d", minFeedItems, maxFeedItems)
}

// menu checks the menu items and returns the valid ones ordered by weight,
// then file order. reportMissing tells whether to report a missing name
// or url.
func menu(raw []fileMenuItem, reportMissing bool, index *positionIndex, problems *diag.List) []site.MenuItem {
	return menuAt("menu", raw, reportMissing, index, problems)
}

// menuAt is menu for the items of the table at key, "languages.en.menu".
func menuAt(key string, raw []fileMenuItem, reportMissing bool, index *positionIndex, problems *diag.List) []site.MenuItem {
	var items []site.MenuItem
	for i, item := range raw {
		path := fmt.Sprintf("%s.%d", key, i)
		ok := true
		for _, p := range menuItemProblems(item) {
			ok = false
			if p.missing && !reportMissing {
				continue
			}
			p.problem.Pos = index.at(path + "." + p.key)
			problems.Add(p.problem)
		}
		if ok {
			items = append(items, site.MenuItem{Name: item.Name, URL: item.URL, Weight: item.Weight})
		}
	}
	slices.SortStableFunc(items, func(a, b site.MenuItem) int { return cmp.Compare(a.Weight, b.Weight) })
	return items
}

// keyedProblem is a problem with the key of a menu item it concerns.
type keyedProblem struct {
	key     string
	missing bool // the key is missing or empty, rather than wrong
	problem *diag.Problem
}

func menuItemProblems(item fileMenuItem) []keyedProblem {
	var found []keyedProblem
	if strings.TrimSpace(item.Name) == "" {
		found = append(found, keyedProblem{"name", true, problem("menu item has no name").
			WithHint(`add the text the menu shows, e.g. name = "Công nghiệp"`)})
	}
	if strings.TrimSpace(item.URL) == "" {
		found = append(found, keyedProblem{"url", true, problem("menu item has no url").
			WithHint(`add the address it links to, e.g. url = "/cong-nghiep/"`)})
	} else if !isMenuURL(item.URL) {
		found = append(found, keyedProblem{"url", false, problem("menu url %q is neither site-relative nor absolute", item.URL).
			WithHint(`start it with a slash, e.g. url = "/cong-nghiep/", or write a full address such as "https://example.org/"`)})
	}
	return found
}

// isMenuURL accepts a site-relative URL ("/cong-nghiep/") or an absolute
// http, https or mailto one.
func isMenuURL(raw string) bool {
	if strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//") {
		return true
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}
