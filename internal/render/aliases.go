package render

import (
	"html/template"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

// aliasHTML is the page written at each of a page's aliases (front matter
// aliases:, as Hugo's): it sends the reader on at once, tells search
// engines where the page is and not to index this one, and links the page
// for browsers that do not follow the refresh.
const aliasHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Page.Title}}</title>
<link rel="canonical" href="{{absURL .Page.URL}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{absURL .Page.URL}}">
</head>
<body>
<p><a href="{{relURL .Page.URL}}">{{.Page.Title}}</a></p>
</body>
</html>
`

// planAliases plans the redirect page of each alias of every page
// written. An alias at the path of another output, or of another page's
// alias, is left out with a warning at the page's aliases line (Hugo
// writes one of them silently).
func (pl *planner) planAliases(pages []*site.Page) {
	var tmpl *template.Template
	for _, p := range pages {
		for _, alias := range p.Aliases {
			if tmpl == nil {
				tmpl = template.Must(template.New("alias").Funcs(pl.r.funcs()).Parse(aliasHTML))
			}
			pl.planAlias(p, alias, tmpl)
		}
	}
}

func (pl *planner) planAlias(p *site.Page, alias string, tmpl *template.Template) {
	at := diag.Pos{File: p.Source, Line: p.Lines.Line("aliases")}
	out, ok := outputPath(alias)
	if !ok {
		pl.problems.Add(diag.Errorf(at, "alias %q cannot be written as a file", alias).
			WithHint("write a path such as /tin-tuc/bai-cu/"))
		return
	}
	if other := pl.aliased[out]; other != nil {
		pl.problems.Add(diag.Warnf(at, "alias %s is an alias of %s too, whose redirect is kept", alias, other.Source).
			WithHint("remove one of the two aliases"))
		return
	}
	if other := pl.byPath[out]; other != nil {
		what := other.Source
		if what == "" {
			what = other.URL
		}
		pl.problems.Add(diag.Warnf(at, "alias %s is where %s is published, so no redirect is written there", alias, what).
			WithHint("remove the alias, or give the other page another URL"))
		return
	}
	if pl.aliased == nil {
		pl.aliased = map[string]*site.Page{}
	}
	pl.aliased[out] = p
	pl.byPath[out] = p
	d := pl.data(p, nil)
	d.URL = alias
	pl.outputs = append(pl.outputs, Output{Path: out, Page: p, Redirect: true, tmpl: tmpl, data: d})
}
