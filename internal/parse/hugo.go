package parse

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/slug"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// The front-matter keys Hugo sites write that Almanac understands beyond
// its own: url, aliases, linkTitle, description, keywords, publishDate,
// expiryDate and params. docs/content.md ("Coming from Hugo") lists them.

// sitePath reads a site path written in front matter (url, aliases):
// "/a/b/" or "/a/b.html", each folder one a URL can hold. A path without
// an extension gets its trailing slash. ok is false after an error.
func (f *fields) sitePath(name string, v *yaml.Node) (string, bool) {
	p := f.Text(name, v)
	if p == "" {
		return "", false
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Hugo reads "a/b" as "/a/b"
	}
	if !strings.HasSuffix(p, "/") && !strings.HasSuffix(p, ".html") {
		p += "/"
	}
	for _, part := range strings.Split(strings.Trim(p, "/"), "/") {
		if len(part) > maxNameBytes {
			f.Errorf(v, "%s has a folder of %d bytes, more than the %d a file name may hold", name, len(part), maxNameBytes).
				WithHint("write a shorter path")
			return "", false
		}
		if !slug.Valid(strings.ToLower(part)) {
			f.Errorf(v, "%s %q is not a path of the site", name, p).
				WithHint("write a path such as /tin-tuc/bai-viet/: letters a-z, digits, -, _ and ., between slashes, without .. or spaces")
			return "", false
		}
	}
	return p, true
}

func (f *fields) url(v *yaml.Node) {
	if p, ok := f.sitePath("url", v); ok {
		f.pageURL = p
	}
}

func (f *fields) aliases(v *yaml.Node) {
	for _, item := range f.Nodes("aliases", v) {
		if p, ok := f.sitePath("aliases", item); ok {
			f.page.Aliases = append(f.page.Aliases, p)
		}
	}
}

// params reads Hugo's params: its keys join the page's other keys
// (Page.Params), as Hugo's .Params shows them.
func (f *fields) params(v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		f.Errorf(v, "params must be a set of keys, not %s", yamlfield.KindName(v)).WithHint("write\nparams:\n  nguon: …")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		f.param(v.Content[i].Value, v.Content[i+1])
	}
}
