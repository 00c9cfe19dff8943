// Package render turns the site model into HTML files through a theme of
// html/template templates. LoadTheme parses the theme once; Plan lists the
// site's HTML files cheaply; each Output's Render runs the templates, and
// the build calls Render from many goroutines at once.
//
// Besides the pages of the content, Plan makes up the newsroom's lists,
// each list paginated at Site.Config.PageSize with /page/N/ URLs:
//
//	/tags/                 every tag with its number of articles       (terms.html, Kind "tags")
//	/tags/<slug>/          a tag's articles, newest first              (list.html, Kind "tag")
//	/authors/              every author                                (terms.html, Kind "authors")
//	/authors/<slug>/       an author's articles; slug is slug.Make(name) (list.html, Kind "author")
//	/archive/              years and months with their numbers         (archive.html, Kind "archive")
//	/archive/<yyyy>/<mm>/  a month's articles, in the site's time zone (list.html, Kind "month")
//
// A content page published at one of these URLs takes its place, with a
// warning. The index pages exist even when empty, so links to them hold.
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
//	layouts/404.html              page names in its front matter with `layout: wide`;
//	layouts/list.html             and the generated lists: one tag's, author's or
//	layouts/terms.html            month's articles, the index of tags or authors,
//	layouts/archive.html          the archive by year and month
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
//	.Page     *site.Page       the page rendered; nil on the 404 page. Generated lists get a made-up
//	                           page with Kind ("tag", "tags", "author", "authors", "month",
//	                           "archive"), URL and Title only: the tag or author as written, the
//	                           month ("Tháng 12/2020"), or the index's title (T "tags", "authors",
//	                           "archive")
//	.URL      string           this file's site-relative URL (a later list page's own URL); empty for 404
//	.Section  *site.Section    the page's section (.Section.Page is its page, .Section.Articles its
//	                           articles and its subsections', newest first, .Section.Parent the
//	                           section it is in, .Section.Sections its subsections, .Section.Trail
//	                           the sections from the top-level one down to it, .Section.Listed
//	                           whether menus show it); nil for home, stand-alone and 404 pages
//	.Breadcrumbs []*site.Page  the pages of the sections above the page, top-level first (for an
//	                           article its own section's too); home is not among them
//	.Subsections []*site.Section
//	                           a section's first list page and the later ones: its listed subsections
//	.Current "url"             aria-current for a menu link: "page" on that very page, "true" on a
//	                           page within it (the section or a section below it), else ""
//	.List     []*site.Page     home: the newest articles (Site.Config.PageSize of them); section,
//	                           tag, author and month: the articles of this page of the list;
//	                           404: the five newest
//	.Blocks   []HomeBlock      home: per listed top-level section with articles the List leaves out, .Section and
//	                           .Articles, its three newest of those; a section whose articles are
//	                           all in the List has none, so the home page shows each article once
//	.Pager    *Pager           paginated lists: .Number, .Total, .PrevURL, .NextURL and .Links, each
//	                           link a PageLink{Number, URL, Current, Gap}; nil elsewhere
//	.More     []*site.Page     articles: up to five other articles of the same section, newest first
//	.Prev     *site.Page       articles: the next older article of the section (rel=prev); or nil
//	.Next     *site.Page       articles: the next newer article of the section (rel=next); or nil
//	.Related  []*site.Page     articles: up to four articles sharing the most tags, then the newest
//	.Term     *Term            tag, author and month lists: .Name, .Slug, .URL, .Date (months),
//	                           .Articles (newest first) and .Count
//	.Terms    []*Term          index of tags or authors: all of them, by name in the site's language
//	.Years    []*ArchiveYear   archive: .Year, .Count and .Months ([]*Term, newest first)
//	.Feeds    []FeedLink       feeds for <link rel="alternate">: .Format ("RSS", "Atom"), .Type,
//	                           .URL and .Title; the site's (/index.xml, /atom.xml) everywhere, a
//	                           section's on its lists and articles, a tag's on its list
//	.Nav      string           URL of the menu entry to mark as current: the section's for articles
//	                           and list pages, the index's for a tag, author or month, the page's
//	                           own otherwise; "" on the 404 page
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
//	hasAsset "js/echarts.js"   whether the build publishes that file: the chart library is left out when it could not be had
//	T "key" [args…]            interface string from layouts/i18n/<lang>.yaml, with {0}, {1}, … replaced
//	                           by args; a missing key prints the key (LoadTheme warns about it)
//	dateline t                 "Thứ Tư, 30/12/2020, 15:01 (GMT+7)" in the site's time zone
//	dateline t true            "Thứ Tư, 06/10/2021": a date written without a time (.Page.DateOnly)
//	longDate t                 "Thứ Tư, 30/12/2020"
//	shortDate t                "30/12/2020" ("30 Dec 2020" in English)
//	monthName t                "Tháng 12" ("December")
//	monthYear t                "Tháng 12/2020" ("December 2020")
//	isoDate t                  RFC 3339 with a numeric offset ("+07:00", "+00:00"), for
//	                           <time datetime> and metadata
//	photoCredit s              a picture's credit line: "Ảnh: Thu Hà" ("Photo: Thu Hà"); a credit
//	                           naming its own kind ("Đồ họa: …") as written
//	number n                   a count with the language's grouping: "1.234" ("1,234")
//	readingTime page           minutes to read the body at 200 words a minute, rounded up, at least 1
//	tagURL tag                 "/tags/cong-nghiep/": the list of a site.Tag's articles
//	authorURL "name"           "/authors/nguyen-van-an/", or "" for a name without letters or digits
//	listSep i n                what goes before item i of n joined as names joins them: "", ", ",
//	                           " và " (" and "), to join items that are links
//	absURL "/a/"               "https://example.org/a/": a site-relative URL joined to Site.Config.BaseURL
//	relURL "/a/"               "/a/", or "/news/a/" when the site is published under /news/;
//	                           use it for every link, image and audio source
//	sectionOf "path"           the *site.Section at that path ("kinh-te/cong-nghiep", as .Page.Section), or nil
//	names list                 "An, Bình và Chi": names joined in the site's language
//	first n pages              at most n pages from the front of a list
//	dict "k" v "k2" v2 …       a map, to pass several values to a partial
//	structuredData .           schema.org data of an article or section (nil otherwise): a NewsArticle
//	                           (headline, dates with offsets, authors as Person with the URL
//	                           of their list, publisher with the absolute URL of the asset
//	                           images/logo.svg, …) and a BreadcrumbList (home, each section above
//	                           it, the article); of a section: its BreadcrumbList;
//	                           each for a <script type="application/ld+json">{{.}}</script>
//	partialCached "partials/NAME.html" data [variants…]
//	                           the partial's HTML, executed once per variant during a build and
//	                           reused: for parts that repeat on many pages (masthead, footer,
//	                           cards). The variants must name everything the output depends on
//	                           besides the site; pages and lists of pages count by their URLs,
//	                           lists of feeds by their URLs and titles.
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
// this one lacks, and about the keys Plan itself looks up: "tags",
// "authors" and "archive" (the titles of the indexes) and "home" (the
// first step of an article's breadcrumb data). Weekday and month names are
// not translation keys: they come from package locale.
//
// # Problems
//
// Template syntax errors, calls of missing partials and unsafe contexts are
// reported by LoadTheme at layouts/FILE:LINE:COL. Plan reports a page that
// names a layout the theme lacks at the page's `layout:` line, and two
// pages published at one URL. Errors while rendering come back from Render
// as *diag.Problem values at the template's position.
package render
