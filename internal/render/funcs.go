package render

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/locale"
	"github.com/almanac-news/almanac/internal/site"
)

// renderer binds the template functions to one Input.
type renderer struct {
	theme     *Theme
	in        *Input
	baseURL   string // Site.Config.BaseURL with a trailing slash, e.g. "https://example.org/news/"
	basePath  string // its path, e.g. "/news/"
	assetBase string // the path the assets are published under: basePath, or the default edition's in another language's
	loc       *time.Location
	sections  map[string]*site.Section

	authorURLs map[string]string // author name → URL of their list, for the articles' authors; set by Plan

	templates map[string]*template.Template // executable, by layout name; set by Theme.bind
	partials  *template.Template            // the skeleton's partials, for partialCached
	cache     *partialCache                 // digest of a partialCached key → its HTML
}

func newRenderer(t *Theme, in *Input) *renderer {
	r := &renderer{theme: t, in: in, basePath: "/", loc: in.Site.Config.Location, cache: newPartialCache(partialCacheLimit),
		sections: make(map[string]*site.Section, len(in.Site.Sections))}
	if base := in.Site.Config.BaseURL; base != "" {
		r.baseURL = strings.TrimSuffix(base, "/") + "/"
		if u, err := url.Parse(r.baseURL); err == nil && u.Path != "" {
			r.basePath = u.Path
		}
	}
	r.assetBase = r.basePath
	if root := in.Site.Config.RootURL; root != "" { // another language's edition: the assets are the site's
		r.assetBase = "/"
		if u, err := url.Parse(root); err == nil && u.Path != "" {
			r.assetBase = u.Path
		}
	}
	for _, s := range in.Site.AllSections() {
		r.sections[s.Path] = s
	}
	return r
}

// funcs returns the template functions documented in the package comment.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":          r.asset,
		"hasAsset":       r.hasAsset,
		"T":              r.translate,
		"dateline":       r.dateline,
		"longDate":       r.dated(locale.LongDate),
		"shortDate":      r.dated(locale.ShortDate),
		"isoDate":        r.isoDate,
		"absURL":         r.absURL,
		"relURL":         r.relURL,
		"sectionOf":      r.sectionOf,
		"names":          r.names,
		"first":          first,
		"dict":           dict,
		"structuredData": r.structuredData,
		"partialCached":  r.partialCached,
		"kpis":           r.kpis,
		"tagURL":         tagLink,
		"authorURL":      r.authorURL,
		"readingTime":    readingTime,
		"number":         r.number,
		"monthName":      r.dated(locale.MonthName),
		"monthYear":      r.dated(locale.MonthYear),
		"listSep":        r.listSep,
		"photoCredit":    r.photoCredit,
	}
}

// authorURL is the URL of the list of an author's articles, or "" for a
// name with nothing to make a URL from.
func (r *renderer) authorURL(name string) string {
	if u, ok := r.authorURLs[name]; ok {
		return u
	}
	return authorURL(name)
}

// tagLink is the URL of a tag's list of articles.
func tagLink(t site.Tag) string { return tagURL(t.Slug) }

// number writes a count with the language's digit grouping: "1.234" or "1,234".
func (r *renderer) number(n int) string { return locale.Number(r.theme.lang, float64(n), 0) }

// listSep is what goes before item i of n joined into a phrase, as names
// joins them: "", ", " or " và ".
func (r *renderer) listSep(i, n int) string { return locale.ListSeparator(r.theme.lang, i, n) }

// photoCredit is a picture's credit line: "Ảnh: Thu Hà" ("Photo: …").
func (r *renderer) photoCredit(credit string) string { return locale.PhotoCredit(r.theme.lang, credit) }

// kpis returns the KPI cards of a page in the site's language.
func (r *renderer) kpis(p *site.Page) []figure.Card {
	if p == nil {
		return nil
	}
	return figure.Cards(p, r.theme.lang)
}

// funcNames lists the template functions, for hints.
func funcNames() []string {
	var names []string
	for name := range (&renderer{}).funcs() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// asset returns the published URL of a file under assets/.
func (r *renderer) asset(logical string) (string, error) {
	u, ok := r.assetPath(logical)
	if !ok {
		logical = strings.TrimPrefix(logical, "/")
		return "", fmt.Errorf("no asset %q: put the file at assets/%s or correct the name", logical, logical)
	}
	if urlScheme(u) != "" || strings.HasPrefix(u, "//") {
		return r.relURL(u), nil
	}
	return r.assetBase + strings.TrimPrefix(u, "/"), nil
}

// hasAsset reports whether the build publishes a file under assets/; the
// chart library is missing when it could not be had.
func (r *renderer) hasAsset(logical string) bool {
	_, ok := r.assetPath(logical)
	return ok
}

// assetPath returns the site-relative published URL of a file under assets/.
func (r *renderer) assetPath(logical string) (string, bool) {
	logical = strings.TrimPrefix(logical, "/")
	if r.in.Asset == nil {
		return "/assets/" + logical, true
	}
	return r.in.Asset(logical)
}

// translate returns the theme's text for key, with {0}, {1}, … replaced
// by the arguments; a key the table lacks is returned as it is.
func (r *renderer) translate(key string, args ...any) string {
	s := r.theme.table.lookup(key)
	for i, arg := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", fmt.Sprint(arg))
	}
	return s
}

// dated adapts a locale date format to the site's language and time zone;
// zero times give the empty string.
func (r *renderer) dated(format func(string, time.Time) string) func(time.Time) string {
	return func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return format(r.theme.lang, r.inZone(t))
	}
}

// dateline is a story's full date and time, "Thứ Tư, 30/12/2020, 15:01
// (GMT+7)"; with dayOnly true (a date written without a time, as
// site.Page.DateOnly tells) the day alone, "Thứ Tư, 06/10/2021".
func (r *renderer) dateline(t time.Time, dayOnly ...bool) string {
	if len(dayOnly) > 0 && dayOnly[0] {
		return r.dated(locale.LongDate)(t)
	}
	return r.dated(locale.Dateline)(t)
}

// isoDate writes t in RFC 3339 for datetime attributes and metadata.
func (r *renderer) isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return r.inZone(t).Format(isoLayout)
}

// isoLayout is RFC 3339 with a numeric offset even in UTC ("+00:00", not "Z").
const isoLayout = "2006-01-02T15:04:05-07:00"

func (r *renderer) inZone(t time.Time) time.Time {
	if r.loc != nil {
		return t.In(r.loc)
	}
	return t
}

// unsafeURL replaces URLs of schemes other than http, https, mailto and
// tel, as html/template does in URL attributes.
const unsafeURL = "#ZgotmplZ"

// absURL makes a site-relative URL absolute by joining it to the base URL;
// absolute URLs are returned as they are.
func (r *renderer) absURL(u string) string {
	switch {
	case urlScheme(u) != "":
		return safeAbsolute(u)
	case strings.HasPrefix(u, "//") || r.baseURL == "":
		return u
	}
	return r.baseURL + strings.TrimPrefix(u, "/")
}

// relURL prefixes a site-relative URL with the base URL's path, for sites
// served from a sub-folder; absolute URLs are returned as they are.
func (r *renderer) relURL(u string) string {
	switch {
	case urlScheme(u) != "":
		return safeAbsolute(u)
	case strings.HasPrefix(u, "//") || r.basePath == "/":
		return u
	}
	return r.basePath + strings.TrimPrefix(u, "/")
}

func safeAbsolute(u string) string {
	switch strings.ToLower(urlScheme(u)) {
	case "http", "https", "mailto", "tel":
		return u
	}
	return unsafeURL
}

// urlScheme returns the scheme of an absolute URL ("https"), or "".
func urlScheme(u string) string {
	for i, c := range u {
		switch {
		case c == ':' && i > 0:
			return u[:i]
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
	}
	return ""
}

// sectionOf returns the section at path (its folders' slugs, as Page.Section), or nil.
func (r *renderer) sectionOf(name string) *site.Section { return r.sections[name] }

// names joins a list of names in the site's language: "An, Bình và Chi".
func (r *renderer) names(list []string) string { return locale.List(r.theme.lang, list) }

// first returns at most n pages from the front of pages.
func first(n int, pages []*site.Page) []*site.Page {
	return pages[:min(max(n, 0), len(pages))]
}

// dict builds a map from key, value pairs, to pass several values to a partial.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict needs key, value pairs, got %d arguments", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", pairs[i])
		}
		m[key] = pairs[i+1]
	}
	return m, nil
}

// partialCached executes the partial name with data the first time it is
// called with these variants, and returns the same HTML on later calls.
// The variants must name everything the output depends on besides the
// site itself: partialCached "partials/card.html" (dict "Page" .) .URL.
// Pages and lists of pages stand for their URLs, lists of feeds for their
// URLs and titles.
func (r *renderer) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	key := keyBufs.Get().(*bytes.Buffer)
	key.Reset()
	key.WriteString(name)
	for _, v := range variants {
		writeVariant(key, v)
	}
	digest := keyOfBytes(key.Bytes())
	keyBufs.Put(key)
	if html, ok := r.cache.get(digest); ok {
		return html, nil
	}
	if r.partials == nil {
		return "", fmt.Errorf("no partials are loaded")
	}
	var b strings.Builder
	if err := r.partials.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	html := template.HTML(b.String())
	r.cache.put(digest, html)
	return html, nil
}

// keyBufs hold the keys partialCached digests, a card's on every list.
var keyBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeVariant appends one partialCached variant to a cache key.
func writeVariant(key *bytes.Buffer, v any) {
	key.WriteByte(0)
	switch v := v.(type) {
	case *site.Page:
		if v != nil {
			key.WriteString(v.URL)
		}
	case []*site.Page:
		for _, p := range v {
			key.WriteString(p.URL)
			key.WriteByte(' ')
		}
	case []FeedLink:
		for _, f := range v {
			key.WriteString(f.URL)
			key.WriteByte(' ')
			key.WriteString(f.Title)
			key.WriteByte(0)
		}
	case string:
		key.WriteString(v)
	case int:
		key.WriteString(strconv.Itoa(v))
	case bool:
		key.WriteString(strconv.FormatBool(v))
	default:
		fmt.Fprint(key, v)
	}
}
