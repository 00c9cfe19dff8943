// Package render turns the site model into HTML files through a theme of
// html/template templates. LoadTheme parses the theme once; Plan lists the
// site's HTML files cheaply; each Output's Render runs the templates, and
// the build calls Render from many goroutines at once.
//
// This comment is the specification for theme authors.
//
// # Files
//
// A theme is a layouts/ folder:
//
//	layouts/base.html             the skeleton: <html>, <head>, masthead, <main>, footer
//	layouts/partials/NAME.html    partials, called as {{template "partials/NAME.html" .}}
//	layouts/article.html          one page layout per other *.html file:
//	layouts/section.html          article, section (each page of a section's list),
//	layouts/home.html             home, page (stand-alone pages such as
//	layouts/page.html             content/gioi-thieu.md), 404, and any layout a
//	layouts/404.html              page names in its front matter with `layout: wide`
//	layouts/i18n/vi.yaml          interface strings, one flat `key: text` map per
//	layouts/i18n/en.yaml          language
//
// A page layout usually only fills the blocks of base.html:
//
//	{{define "main"}}<article>…</article>{{end}}
//	{{define "title"}}{{.Page.Title}} | {{.Site.Config.Title}}{{end}}
//
// base.html declares them with {{block "main" .}}{{end}} and
// {{block "title" .}}…{{end}}. A layout with content of its own outside any
// {{define}} is rendered on its own instead, without base.html.
//
// # Data
//
// Every template receives a *PageData as ".":
//
//	.Site     *site.Site       the whole site; .Site.Config has Title, Description, BaseURL, Menu, …
//	.Page     *site.Page       the page rendered; nil on the 404 page
//	.URL      string           this file's site-relative URL (a later list page's own URL); empty for 404
//	.Section  *site.Section    the page's section (.Section.Page is its page, .Section.Articles its
//	                           articles, newest first); nil for home, stand-alone and 404 pages
//	.List     []*site.Page     home: the newest articles (Site.Config.PageSize of them);
//	                           section: the articles of this page of the list; 404: the five newest
//	.Pager    *Pager           section lists: .Number, .Total, .PrevURL, .NextURL and .Links, each
//	                           link a PageLink{Number, URL, Current, Gap}; nil elsewhere
//	.More     []*site.Page     articles: up to five other articles of the same section, newest first
//	.Nav      string           URL of the menu entry to mark as current: the section's for articles
//	                           and list pages, the page's own otherwise; "" on the 404 page
//	.Lang     string           the theme's language, for <html lang>
//	.Updated  time.Time        date of the newest article, which the masthead shows
//
// Page fields are described in package site. Content is HTML already
// rendered from Markdown; every other string is untrusted text that
// html/template escapes for the context it lands in.
//
// # Functions
//
//	asset "css/main.css"       published (hashed) URL of a file under assets/; an unknown file stops the build
//	T "key" [args…]            interface string from layouts/i18n/<lang>.yaml, with {0}, {1}, … replaced
//	                           by args; a missing key prints the key (LoadTheme warns about it)
//	dateline t                 "Thứ Tư, 30/12/2020, 15:01 (GMT+7)" in the site's time zone
//	longDate t                 "Thứ Tư, 30/12/2020"
//	shortDate t                "30/12/2020" ("30 Dec 2020" in English)
//	isoDate t                  RFC 3339, for <time datetime> and metadata
//	absURL "/a/"               "https://example.org/a/": a site-relative URL joined to Site.Config.BaseURL
//	relURL "/a/"               "/a/", or "/news/a/" when the site is published under /news/;
//	                           use it for every link, image and audio source
//	sectionOf "name"           the *site.Section with that folder name, or nil
//	names list                 "An, Bình và Chi": names joined in the site's language
//	first n pages              at most n pages from the front of a list
//	dict "k" v "k2" v2 …       a map, to pass several values to a partial
//	structuredData .           schema.org NewsArticle data for an article (nil otherwise), for
//	                           <script type="application/ld+json">{{.}}</script>
//	partialCached "partials/NAME.html" data [variants…]
//	                           the partial's HTML, executed once per variant during a build and
//	                           reused: for parts that repeat on many pages (masthead, footer,
//	                           cards). The variants must name everything the output depends on
//	                           besides the site; pages and lists of pages count by their URLs.
//	                           The partial is rendered as HTML text, not inside an attribute.
//
// Dates print nothing for a zero time. The functions of text/template
// (and, or, eq, index, slice, len, printf, …) are available too. All
// output goes through html/template, which escapes values by context:
// never build markup from strings.
//
// # Speed
//
// A build renders every page, 10,000 articles and more, so each action
// counts: an action costs about a microsecond. Render what repeats with
// partialCached, and prefer a variable to a second call of the same function.
//
// # Translations
//
// T looks keys up in layouts/i18n/<lang>.yaml, or in the table of the base
// language ("vi" for "vi-VN"). LoadTheme warns about every literal key of a
// {{T "key"}} call the table lacks, and about keys another table has that
// this one lacks. Weekday and month names are not translation keys: they
// come from package locale.
//
// # Problems
//
// Template syntax errors, calls of missing partials and unsafe contexts are
// reported by LoadTheme at layouts/FILE:LINE:COL. Plan reports a page that
// names a layout the theme lacks at the page's `layout:` line, and two
// pages published at one URL. Errors while rendering come back from Render
// as *diag.Problem values at the template's position.
package render
