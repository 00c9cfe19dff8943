package build

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/markdown"
	"github.com/almanac-news/almanac/internal/shortcode"
	"github.com/almanac-news/almanac/internal/site"
)

// pageHost is the shortcode.Host of one conversion of a page body: what
// the built-in shortcodes ask of the page, the site and the build.
type pageHost struct {
	conv     *markdown.Converter
	page     *site.Page
	md       markdown.Page // the conversion's settings, without shortcodes
	pictures *bodyPictures
	refs     *refIndex // nil: not known here (feeds: the page's first conversion reported)
	cfg      site.Config
	lang     string
}

// shortcodes are the shortcode options of a conversion of p with md.
func shortcodes(h *pageHost, templates shortcode.Templates) *shortcode.Options {
	return &shortcode.Options{Handler: shortcode.Set{Templates: templates, Host: h}, Host: h,
		TrustHTML: h.cfg.AllowHTML, Page: h.page, Site: h.cfg}
}

// shortcodeProblems places the problems of a body's calls in its file.
func shortcodeProblems(p *site.Page, res markdown.Result, problems *diag.List) {
	for _, problem := range res.ShortcodeProblems {
		problem.Pos.File = p.Source
		problem.Pos.Line += p.BodyLine - 1
		problems.Add(problem)
	}
}

// usesRefs reports whether a body's links depend on other pages' URLs.
func usesRefs(p *site.Page) bool { return p.Uses("ref", "relref") }

func (h *pageHost) Markdown(src string) template.HTML {
	res, _ := h.conv.ConvertPage([]byte(src), h.md)
	return res.HTML
}

func (h *pageHost) Link(dest string) string { return h.conv.Link(h.md, dest) }

func (h *pageHost) Picture(dest string) (shortcode.Picture, bool) {
	if h.pictures == nil {
		return shortcode.Picture{}, false
	}
	pic, ok := h.pictures.picture(dest)
	if !ok {
		return shortcode.Picture{}, false
	}
	out := shortcode.Picture{Width: pic.Width, Height: pic.Height}
	var srcset []string
	for _, v := range pic.Srcset {
		srcset = append(srcset, h.conv.Link(h.md, v.URL)+" "+strconv.Itoa(v.Width)+"w")
	}
	if len(srcset) > 0 {
		out.Srcset, out.Sizes = strings.Join(srcset, ", "), markdown.PictureSizes
	}
	return out, true
}

func (h *pageHost) Ref(target string, absolute bool) (string, *diag.Problem) {
	if h.refs == nil {
		return target, nil
	}
	url, problem := h.refs.resolve(h.page, target)
	if problem != nil || !absolute {
		return url, problem
	}
	return h.cfg.AbsURL(url), nil
}

func (h *pageHost) Param(key string) (any, bool) {
	if v, ok := lookupParam(h.page.Params, key); ok {
		return v, true
	}
	return lookupParam(h.cfg.Params, key)
}

// lookupParam finds key in params, a dot going down into a map: "a.b";
// a key differing only in case is found too, as Hugo's are.
func lookupParam(params map[string]any, key string) (any, bool) {
	var v any = params
	for _, part := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[part]; ok {
			continue
		}
		found := false
		for k, kv := range m {
			if strings.EqualFold(k, part) {
				v, found = kv, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return v, v != nil
}

func (h *pageHost) Value(indicator, period string) (string, *diag.Problem) {
	var matches []*site.Figure
	var periods []string
	for i := range h.page.Figures {
		f := &h.page.Figures[i]
		if f.Indicator != indicator {
			continue
		}
		periods = append(periods, f.Period)
		if period == "" || f.Period == period {
			matches = append(matches, f)
		}
	}
	switch {
	case len(periods) == 0:
		return "", diag.Errorf(diag.Pos{}, "shortcode value: the article has no figure %s", indicator).
			WithHint("%s", figure.IndicatorHint(h.page.Figures, indicator))
	case len(matches) == 0:
		return "", diag.Errorf(diag.Pos{}, "shortcode value: the article has no figure %s for %s", indicator, period).
			WithHint("it has %s for %s", indicator, strings.Join(periods, ", "))
	case len(matches) > 1:
		return "", diag.Errorf(diag.Pos{}, "shortcode value: the article has figures %s for %s; name the period", indicator, strings.Join(periods, ", ")).
			WithHint("write {{< value %s %s >}}", indicator, periods[len(periods)-1])
	case !matches[0].HasValue:
		return "", diag.Errorf(diag.Pos{}, "shortcode value: figure %s for %s has no value, only a change", indicator, matches[0].Period).
			WithHint("give the figure a value, or write the change in words")
	}
	f := matches[0]
	return figure.WithUnit(figure.QualifiedNumber(h.lang, f.Value, f.Precision, f.Qualifier), f.Unit), nil
}
