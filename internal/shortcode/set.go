package shortcode

import (
	"html/template"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// Templates are a site's own shortcodes: layouts/shortcodes/NAME.html of
// the site over those of the theme (render.Theme).
type Templates interface {
	// Shortcodes lists the names of the templates, "figure", "docs/note".
	Shortcodes() []string
	// Shortcode executes the template of name with the call.
	Shortcode(name string, data any) (template.HTML, error)
	// Fragment executes another template of the theme, such as the
	// partial a built-in shortcode writes its HTML with.
	Fragment(name string, data any) (template.HTML, error)
}

// Picture is what the build knows of a picture beside a page.
type Picture struct {
	Width, Height int    // in pixels; zero when unknown
	Srcset        string // "a-480.jpg 480w, a.jpg 1200w", or ""
	Sizes         string // the sizes attribute that goes with Srcset
}

// Host is what built-in shortcodes and the methods of Call ask of the page
// they are on.
type Host interface {
	// Markdown converts src with the page's rules.
	Markdown(src string) template.HTML
	// Link is dest as the page links to it (Call.URL).
	Link(dest string) string
	// Picture is what is known of the picture at dest.
	Picture(dest string) (Picture, bool)
	// Ref is the URL of the page target names (a content file's path,
	// with or without .md, or its name alone when no other file has it),
	// followed by its #fragment if any; absolute for ref, a site path
	// for relref.
	Ref(target string, absolute bool) (string, *diag.Problem)
	// Param is the page's parameter key (dots go down into maps), or the
	// site's when the page has none.
	Param(key string) (any, bool)
	// Value is a figure of the page, its value formatted for the page's
	// language with its qualifier and unit: "trên 68.800 tỷ đồng".
	Value(indicator, period string) (string, *diag.Problem)
}

// Set renders the calls of one page: with the site's template of the
// call's name when it has one, else with the built-in shortcode.
type Set struct {
	Templates Templates
	Host      Host
}

// Render renders c.
func (s Set) Render(c *Call) (Output, *diag.Problem) {
	if s.Templates != nil && slices.Contains(s.Templates.Shortcodes(), c.Name) {
		html, err := s.Templates.Shortcode(c.Name, c)
		if err != nil {
			return Output{}, diag.Errorf(diag.Pos{}, "shortcode %s: %v", c.Name, err).
				WithHint("fix layouts/shortcodes/%s.html, or the call's arguments", c.Name)
		}
		if c.Markdown {
			return Markdown(string(html)), nil
		}
		return HTML(html), nil
	}
	if b, ok := builtins[c.Name]; ok {
		return b(c, s)
	}
	return Output{}, s.unknown(c)
}

// unknown is the problem of a call of a name nothing renders.
func (s Set) unknown(c *Call) *diag.Problem {
	names := s.Names()
	problem := diag.Errorf(diag.Pos{}, "unknown shortcode %s", c.Name)
	if near := diag.Closest(c.Name, names); near != "" {
		return problem.WithHint("did you mean %s? A site's own shortcodes are layouts/shortcodes/NAME.html", near)
	}
	return problem.WithHint("the shortcodes are %s; a site's own are layouts/shortcodes/NAME.html", strings.Join(names, ", "))
}

// Names lists every name the set renders, sorted.
func (s Set) Names() []string {
	var names []string
	if s.Templates != nil {
		names = append(names, s.Templates.Shortcodes()...)
	}
	for name := range builtins {
		names = append(names, name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}
