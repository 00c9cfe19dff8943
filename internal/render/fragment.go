package render

import (
	"fmt"
	"html/template"
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
