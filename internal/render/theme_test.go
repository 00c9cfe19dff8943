package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/almanac-news/almanac/internal/diag"
)

// minimalTheme is a small valid theme; tests replace files to break it.
func minimalTheme() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"base.html":          file("<!DOCTYPE html>\n<title>{{block \"title\" .}}{{.Site.Config.Title}}{{end}}</title>\n<main>{{block \"main\" .}}{{end}}</main>\n"),
		"partials/card.html": file("<h3>{{.Title}}</h3>\n"),
		"article.html":       file("{{define \"main\"}}\n<h1>{{.Page.Title}}</h1>\n<p>{{T \"by\"}}</p>\n{{end}}\n"),
		"section.html":       file("{{define \"main\"}}{{range .List}}{{template \"partials/card.html\" .}}{{end}}{{end}}\n"),
		"home.html":          file("{{define \"main\"}}{{range .List}}{{template \"partials/card.html\" .}}{{end}}{{end}}\n"),
		"page.html":          file("{{define \"main\"}}<h1>{{.Page.Title}}</h1>{{end}}\n"),
		"404.html":           file("{{define \"main\"}}<h1>404</h1>{{end}}\n"),
		"wide.html":          file("<!DOCTYPE html>\n<h1 class=wide>{{.Page.Title}}</h1>\n"),
		"list.html":          file("{{define \"main\"}}<h1>{{.Term.Name}}</h1>{{range .List}}{{template \"partials/card.html\" .}}{{end}}{{end}}\n"),
		"terms.html":         file("{{define \"main\"}}{{range .Terms}}<a href=\"{{.URL}}\">{{.Name}}</a>{{end}}{{end}}\n"),
		"archive.html":       file("{{define \"main\"}}{{range .Years}}<h2>{{.Year}}</h2>{{end}}{{end}}\n"),
		"i18n/vi.yaml":       file("by: \"Tác giả:\"\nhome: Trang chủ\ntags: Từ khóa\nauthors: Tác giả\narchive: Lưu trữ\n"),
		"i18n/en.yaml":       file("by: \"By\"\nhome: Home\ntags: Tags\nauthors: Authors\narchive: Archive\n"),
	}
}

func TestMinimalThemeLoadsCleanly(t *testing.T) {
	theme, problems := LoadTheme(minimalTheme(), "vi")
	if ps := problems.Problems(); len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	for _, name := range []string{"article", "section", "home", "page", "404", "wide", "wide.html", "list", "terms", "archive"} {
		if !theme.HasLayout(name) {
			t.Errorf("HasLayout(%q) = false", name)
		}
	}
	for _, name := range []string{"base", "partials/card", "card", "missing"} {
		if theme.HasLayout(name) {
			t.Errorf("HasLayout(%q) = true", name)
		}
	}
}

func TestCustomLayoutStandsAlone(t *testing.T) {
	s := fixtureSite()
	about := s.Pages[len(s.Pages)-1]
	about.Layout = "wide"
	theme, _ := LoadTheme(minimalTheme(), "vi")
	html := render(t, plan(t, theme, s)["gioi-thieu/index.html"])
	if want := "<!DOCTYPE html>\n<h1 class=wide>Giới thiệu</h1>\n"; html != want {
		t.Errorf("got %q, want %q", html, want)
	}
}

func TestTemplateErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		text    string // replaces file; empty deletes it
		pos     diag.Pos
		msg     string
		hint    string
		missing string // layout that must be missing afterwards
		extra   string // a file added beside: "name\ntext"
	}{
		{"syntax error", "article.html", "{{define \"main\"}}\n<h1>{{.Page.Title}</h1>\n{{end}}\n",
			diag.Pos{File: "layouts/article.html", Line: 2}, "bad character", "text/template", "article", ""},
		{"unclosed block", "page.html", "{{define \"main\"}}\n{{if .Page}}\n<h1>x</h1>\n{{end}}\n",
			diag.Pos{File: "layouts/page.html", Line: 5}, "unexpected EOF", "{{end}}", "page", ""},
		{"unknown function", "home.html", "{{define \"main\"}}\n\n{{upper .Page.Title}}{{end}}\n",
			diag.Pos{File: "layouts/home.html", Line: 3}, `function "upper" not defined`, "absURL, asset", "home", ""},
		{"missing partial", "section.html", "{{define \"main\"}}\n  {{template \"partials/nope.html\" .}}{{end}}\n",
			diag.Pos{File: "layouts/section.html", Line: 2, Col: 14}, "no such template", "layouts/partials/", "section", ""},
		{"branches end in different contexts", "404.html", "{{define \"main\"}}\n{{if .Page}}<a href=\"{{end}}x\">{{end}}\n",
			diag.Pos{File: "layouts/404.html", Line: 2}, "branches end in different contexts", "same branch", "404", ""},
		{"broken partial", "partials/card.html", "<h3>{{.Title</h3>\n",
			diag.Pos{File: "layouts/partials/card.html", Line: 1}, "", "", "article", ""},
		{"no skeleton", "base.html", "",
			diag.Pos{File: "layouts/base.html"}, "cannot read the skeleton", "base.html", "article", ""},
		{"cached partial missing", "article.html", "{{define \"main\"}}\n{{partialCached \"partials/nope.html\" .}}{{end}}\n",
			diag.Pos{File: "layouts/article.html", Line: 2, Col: 17}, `partialCached names "partials/nope.html"`, "layouts/partials/", "", ""},
		{"cached partial unsafe on its own", "partials/cached.html", "\n{{if .}}<a href=\"{{end}}x\">\n",
			diag.Pos{File: "layouts/partials/cached.html", Line: 2}, "branches end in different contexts", "same branch", "",
			"page.html\n{{define \"main\"}}{{partialCached \"partials/cached.html\" .}}{{end}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalTheme()
			if tt.text == "" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			}
			if name, text, ok := strings.Cut(tt.extra, "\n"); ok {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			theme, problems := LoadTheme(fsys, "vi")
			errs := problems.Errors()
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), problems.Err())
			}
			p := errs[0]
			if p.Pos.File != tt.pos.File || p.Pos.Line != tt.pos.Line || (tt.pos.Col != 0 && p.Pos.Col != tt.pos.Col) {
				t.Errorf("position %v, want %v (%v)", p.Pos, tt.pos, p)
			}
			if !strings.Contains(p.Msg, tt.msg) || !strings.Contains(p.Hint, tt.hint) {
				t.Errorf("problem %q, want message with %q and hint with %q", p, tt.msg, tt.hint)
			}
			if tt.missing != "" && theme.HasLayout(tt.missing) {
				t.Errorf("layout %q loaded despite the error", tt.missing)
			}
		})
	}
}

func TestTranslationTableProblems(t *testing.T) {
	tests := []struct {
		name  string
		table string
		pos   diag.Pos
		msg   string
	}{
		{"yaml syntax", "by: \"Tác giả:\"\nhome: \"unclosed\n", diag.Pos{File: "layouts/i18n/vi.yaml", Line: 2}, "unexpected end of stream"},
		{"not a map", "- by\n- home\n", diag.Pos{File: "layouts/i18n/vi.yaml", Line: 1, Col: 1}, "must be a map"},
		{"nested value", "by:\n  vi: Tác giả\n", diag.Pos{File: "layouts/i18n/vi.yaml", Line: 1, Col: 1}, `"by" is not text`},
		{"duplicate key", "by: Tác giả\nby: Bài\n", diag.Pos{File: "layouts/i18n/vi.yaml", Line: 2, Col: 1}, `"by" is translated twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalTheme()
			fsys["i18n/vi.yaml"] = &fstest.MapFile{Data: []byte(tt.table)}
			_, problems := LoadTheme(fsys, "vi")
			errs := problems.Errors()
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), problems.Err())
			}
			if errs[0].Pos != tt.pos || !strings.Contains(errs[0].Msg, tt.msg) || errs[0].Hint == "" {
				t.Errorf("got %v, want %v: …%s…", errs[0], tt.pos, tt.msg)
			}
		})
	}
}

func TestMissingTranslationsAreWarned(t *testing.T) {
	fsys := minimalTheme()
	fsys["page.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>{{T \"home\"}} {{if .Page}}{{T \"nope\" 1}}{{end}}</p>{{end}}\n")}
	fsys["i18n/en.yaml"] = &fstest.MapFile{Data: []byte("by: By\nhome: Home\nnope: Nope\nextra: Extra\n")}
	fsys["i18n/vi.yaml"] = &fstest.MapFile{Data: []byte("by: \"Tác giả:\"\ntags: Từ khóa\nauthors: Tác giả\narchive: Lưu trữ\n")}
	theme, problems := LoadTheme(fsys, "vi-VN")
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems.Warnings() {
		got = append(got, p.Error())
	}
	want := []string{
		`layouts/i18n/vi.yaml: warning: "extra" is translated in layouts/i18n/en.yaml but not here (see also layouts/i18n/en.yaml:4); add a line ` + "`extra: …`" + ` to layouts/i18n/vi.yaml`,
		`layouts/i18n/vi.yaml: warning: "home" is translated in layouts/i18n/en.yaml but not here (see also layouts/i18n/en.yaml:2); add a line ` + "`home: …`" + ` to layouts/i18n/vi.yaml`,
		`layouts/i18n/vi.yaml: warning: "nope" is translated in layouts/i18n/en.yaml but not here (see also layouts/i18n/en.yaml:3); add a line ` + "`nope: …`" + ` to layouts/i18n/vi.yaml`,
		`layouts/i18n/vi.yaml: warning: no translation for "home", which pages of layout article.html show; they will show the key; add a line ` + "`home: …`" + ` to layouts/i18n/vi.yaml`,
		`layouts/page.html:2:8: warning: no translation for "home" in layouts/i18n/vi.yaml; the page will show the key; add a line ` + "`home: …`" + ` to layouts/i18n/vi.yaml`,
		`layouts/page.html:2:33: warning: no translation for "nope" in layouts/i18n/vi.yaml; the page will show the key; add a line ` + "`nope: …`" + ` to layouts/i18n/vi.yaml`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r := newRenderer(theme, &Input{Site: fixtureSite()})
	if got := r.translate("nope"); got != "nope" {
		t.Errorf("missing key translates to %q, want the key", got)
	}
	if got := r.translate("by"); got != "Tác giả:" {
		t.Errorf("T by = %q", got)
	}
}

func TestNoTableForLanguage(t *testing.T) {
	_, problems := LoadTheme(minimalTheme(), "fr")
	ws := problems.Warnings()
	if len(ws) != 1 || ws[0].Pos.File != "layouts/i18n" || !strings.Contains(ws[0].Hint, "layouts/i18n/fr.yaml") {
		t.Errorf("warnings %v, want one about layouts/i18n/fr.yaml", ws)
	}
}

func TestTemplateErrorMessages(t *testing.T) {
	tests := []struct {
		msg  string
		pos  diag.Pos
		rest string
	}{
		{"template: article.html:12: unexpected \"}\" in operand", diag.Pos{File: "layouts/article.html", Line: 12}, "unexpected \"}\" in operand"},
		{"template: partials/card.html:3:14: executing \"partials/card.html\" at <.X>: can't evaluate field X",
			diag.Pos{File: "layouts/partials/card.html", Line: 3, Col: 15}, "executing \"partials/card.html\" at <.X>: can't evaluate field X"},
		{"html/template:base.html:5:2: no such template \"x\"", diag.Pos{File: "layouts/base.html", Line: 5, Col: 3}, "no such template \"x\""},
		{"html/template: cannot Clone", diag.Pos{File: "layouts"}, "cannot Clone"},
	}
	for _, tt := range tests {
		pos, rest := templatePos(tt.msg)
		if pos != tt.pos || rest != tt.rest {
			t.Errorf("templatePos(%q) = %v, %q; want %v, %q", tt.msg, pos, rest, tt.pos, tt.rest)
		}
	}
}
