package parse

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// build reads Hugo's build options (build: or _build:): list (always,
// local or never; true and false as always and never), render (always,
// or never; link reads as never) and publishResources (accepted: a
// bundle's files are always published).
func (f *fields) build(name string, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		f.Errorf(v, "%s must be a set of keys, not %s", name, yamlfield.KindName(v)).
			WithHint("write %s: {list: never} to leave the page out of every list, or {render: never} to not write it", name)
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "list":
			f.listOption(val)
		case "render":
			f.renderOption(val)
		case "publishResources":
			f.Boolean("publishResources", val)
		default:
			f.Errorf(k, "%s has no key %q", name, k.Value).WithHint("%s takes list, render and publishResources", name)
		}
	}
}

func (f *fields) listOption(v *yaml.Node) {
	switch strings.ToLower(v.Value) {
	case "always", "true":
		f.page.List = site.ListAlways
	case "local":
		f.page.List = site.ListLocal
	case "never", "false":
		f.page.List = site.ListNever
	default:
		f.Errorf(v, "list must be always, local or never, not %s", yamlfield.KindName(v))
	}
}

func (f *fields) renderOption(v *yaml.Node) {
	switch strings.ToLower(v.Value) {
	case "always", "true":
		f.page.Headless = false
	case "never", "link", "false":
		f.page.Headless = true
	default:
		f.Errorf(v, "render must be always or never, not %s", yamlfield.KindName(v))
	}
}

// headless reads Hugo's headless: true, which is build: {list: never, render: never}.
func (f *fields) headless(v *yaml.Node) {
	if f.Boolean("headless", v) {
		f.page.Headless, f.page.List = true, site.ListNever
	}
}

// sitemap reads sitemap: false, or Hugo's sitemap: {disable: true}
// (changefreq and priority, which search engines ignore, are accepted).
func (f *fields) sitemap(v *yaml.Node) {
	if v.Kind == yaml.MappingNode {
		if d := valueOf(v, "disable"); d != nil {
			f.page.NoSitemap = f.Boolean("disable", d)
		}
		return
	}
	f.page.NoSitemap = !f.Boolean("sitemap", v)
}
