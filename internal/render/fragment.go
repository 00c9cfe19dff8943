package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
)

// Fragment renders the partial name (such as "partials/chart.html") with
// data, for HTML that goes inside a page body, like a chart drawn where a
// ```chart block stands. It is safe for concurrent use once the theme is
// loaded. Fragments may use T but no function that needs a page or an
// asset URL.
func (t *Theme) Fragment(name string, data any) (template.HTML, error) {
	if t.fragments == nil || t.fragments.Lookup(name) == nil {
		return "", fmt.Errorf("the theme has no %s", layoutsDir+"/"+name)
	}
	var b strings.Builder
	if err := t.fragments.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Shortcodes lists the names of the theme's and the site's own
// shortcodes, layouts/shortcodes/NAME.html, sorted: "figure", "docs/note".
func (t *Theme) Shortcodes() []string { return t.codes }

// Shortcode renders the shortcode template of name with data, a call
// (package shortcode), as Fragment does.
func (t *Theme) Shortcode(name string, data any) (template.HTML, error) {
	return t.Fragment(shortcodes+"/"+name+".html", data)
}

// shortcodeNames lists the shortcode templates of set.
func shortcodeNames(set *template.Template) []string {
	var names []string
	for _, tmpl := range set.Templates() {
		if rest, ok := strings.CutPrefix(tmpl.Name(), shortcodes+"/"); ok && strings.HasSuffix(rest, ".html") {
			names = append(names, strings.TrimSuffix(rest, ".html"))
		}
	}
	slices.Sort(names)
	return names
}
