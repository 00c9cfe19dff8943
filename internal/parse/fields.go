package parse

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
)

// fields decodes the front-matter keys of one file into a page.
type fields struct {
	file     string
	page     *site.Page
	problems []*diag.Problem
	dates    dateReader
	names    *names // the tags and authors of the other pages

	date, lastmod, image, audio *yaml.Node    // decoded later, once the page's place is known
	publish, expiry             *yaml.Node    // publishDate and expiryDate, decoded with date
	pageURL                     string        // url: the page's URL instead of the one its file makes
	figureNodes                 [3]*yaml.Node // figures, kpis and charts, decoded in that order once every key is read
}

func (f *fields) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: f.file, Line: n.Line, Col: n.Column}
}

func (f *fields) errorf(n *yaml.Node, format string, args ...any) *diag.Problem {
	p := diag.Errorf(f.pos(n), format, args...)
	f.problems = append(f.problems, p)
	return p
}

// decode reads every key of the front-matter mapping root.
func (f *fields) decode(root *yaml.Node) {
	seen := map[string]*yaml.Node{}
	f.page.Lines = make(site.KeyLines, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			f.errorf(k, "key %q is given twice", k.Value).Also(f.pos(prev)).
				WithHint("keep one of the two")
			continue
		}
		seen[k.Value] = k
		f.page.Lines = append(f.page.Lines, site.KeyLine{Key: internKey(k.Value), Line: k.Line})
		f.key(k.Value, v)
	}
}

// key decodes the front-matter key name with its decoder, or keeps it
// for templates (param).
func (f *fields) key(name string, v *yaml.Node) {
	if decode, ok := decoders[name]; ok {
		decode(f, name, v)
		return
	}
	f.param(name, v)
}

// decoders read the front-matter keys Almanac knows, each into the page
// or, for those read once the page's place is known, into fields.
var decoders map[string]func(f *fields, name string, v *yaml.Node)

func init() { // a table, not a literal: cascade decodes keys with it
	decoders = map[string]func(f *fields, name string, v *yaml.Node){
		"title":       func(f *fields, name string, v *yaml.Node) { f.page.Title = f.text(name, v) },
		"summary":     func(f *fields, name string, v *yaml.Node) { f.page.Summary = f.text(name, v) },
		"layout":      func(f *fields, name string, v *yaml.Node) { f.page.Layout = f.text(name, v) },
		"slug":        func(f *fields, _ string, v *yaml.Node) { f.slug(v) },
		"author":      (*fields).authors,
		"authors":     (*fields).authors,
		"tags":        func(f *fields, _ string, v *yaml.Node) { f.tags(v) },
		"draft":       func(f *fields, name string, v *yaml.Node) { f.page.Draft = f.boolean(name, v) },
		"weight":      func(f *fields, name string, v *yaml.Node) { f.page.Weight = f.integer(name, v) },
		"date":        func(f *fields, _ string, v *yaml.Node) { f.date = v },
		"lastmod":     func(f *fields, _ string, v *yaml.Node) { f.lastmod = v },
		"image":       func(f *fields, _ string, v *yaml.Node) { f.image = v },
		"audio":       func(f *fields, _ string, v *yaml.Node) { f.audio = v },
		"figures":     func(f *fields, _ string, v *yaml.Node) { f.figureNodes[0] = v },
		"kpis":        func(f *fields, _ string, v *yaml.Node) { f.figureNodes[1] = v },
		"charts":      func(f *fields, _ string, v *yaml.Node) { f.figureNodes[2] = v },
		"build":       (*fields).build,
		"_build":      (*fields).build,
		"headless":    func(f *fields, _ string, v *yaml.Node) { f.headless(v) },
		"sitemap":     func(f *fields, _ string, v *yaml.Node) { f.sitemap(v) },
		"feed":        func(f *fields, name string, v *yaml.Node) { f.page.NoFeed = !f.boolean(name, v) },
		"cascade":     func(f *fields, _ string, v *yaml.Node) { f.cascade(v) },
		"url":         func(f *fields, _ string, v *yaml.Node) { f.url(v) },
		"aliases":     func(f *fields, _ string, v *yaml.Node) { f.aliases(v) },
		"linkTitle":   func(f *fields, name string, v *yaml.Node) { f.page.LinkTitle = f.text(name, v) },
		"description": func(f *fields, name string, v *yaml.Node) { f.page.Description = f.text(name, v) },
		"keywords":    func(f *fields, name string, v *yaml.Node) { f.page.Keywords = f.texts(name, v, true) },
		"publishDate": func(f *fields, _ string, v *yaml.Node) { f.publish = v },
		"expiryDate":  func(f *fields, _ string, v *yaml.Node) { f.expiry = v },
		"params":      func(f *fields, _ string, v *yaml.Node) { f.params(v) },
		"corrections": func(f *fields, _ string, v *yaml.Node) { f.corrections(v) },
	}
	for k := range decoders {
		knownKeys[k] = k
	}
}

// authors reads author or authors, each name shared with the other pages.
func (f *fields) authors(name string, v *yaml.Node) {
	f.page.Authors = f.texts(name, v, true)
	for i, a := range f.page.Authors {
		f.page.Authors[i] = f.names.author(a)
	}
}

// param keeps a key Almanac does not read for templates (Page.Params).
func (f *fields) param(name string, v *yaml.Node) {
	var val any
	if err := v.Decode(&val); err != nil {
		f.errorf(v, "cannot read %q: %v", name, err)
		return
	}
	if f.page.Params == nil {
		f.page.Params = map[string]any{}
	}
	f.page.Params[name] = val
}

func kindName(n *yaml.Node) diag.Text {
	switch n.Kind {
	case yaml.SequenceNode:
		return diag.Textf("a list")
	case yaml.MappingNode:
		return diag.Textf("a set of keys")
	case yaml.AliasNode:
		return diag.Textf("an alias")
	}
	switch n.Tag {
	case "!!int", "!!float":
		return diag.Textf("a number")
	case "!!bool":
		return diag.Textf("true/false")
	case "!!null":
		return diag.Textf("empty")
	}
	return diag.Textf("%q", n.Value)
}

// text reads a scalar as text; numbers and dates are kept as written.
func (f *fields) text(name string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		f.errorf(v, "%s must be text, not %s", name, kindName(v)).
			WithHint(`write %s: "…" on one line`, name)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// texts reads one text or a list of texts.
func (f *fields) texts(name string, v *yaml.Node, single bool) []string {
	if v.Kind == yaml.ScalarNode && single {
		if t := f.text(name, v); t != "" {
			return []string{t}
		}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		f.errorf(v, "%s must be a list, not %s", name, kindName(v)).
			WithHint("write %s: [first, second]", name)
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if t := f.text(name, item); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (f *fields) boolean(name string, v *yaml.Node) bool {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, _ := strconv.ParseBool(strings.ToLower(v.Value))
		return b
	}
	f.errorf(v, "%s must be true or false, not %s", name, kindName(v))
	return false
}

func (f *fields) integer(name string, v *yaml.Node) int {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil {
			return n
		}
	}
	f.errorf(v, "%s must be a whole number, not %s", name, kindName(v))
	return 0
}

func (f *fields) slug(v *yaml.Node) {
	s := f.text("slug", v)
	if s == "" {
		return
	}
	if lower := strings.ToLower(s); slug.Valid(lower) {
		s = lower // URLs are lower case, as Hugo makes them (disablePathToLower = false)
	}
	if len(s) > maxNameBytes {
		f.errorf(v, "slug is %d bytes long, more than the %d a file name may hold", len(s), maxNameBytes).
			WithHint("write a shorter slug")
		return
	}
	if !slug.Valid(s) {
		f.errorf(v, "slug %q would not stay a single folder of the site", s).
			WithHint("use only a-z, 0-9, -, _ and ., without / or .., e.g. slug: %s", orExample(slug.Make(s)))
		return
	}
	f.page.Slug = s
}

// maxNameBytes is the longest name of a file or folder that file systems
// (ext4, APFS, NTFS) and so the output can hold.
const maxNameBytes = 255

func orExample(s string) string {
	if s == "" {
		return "bao-cao-2020"
	}
	return s
}

func (f *fields) tags(v *yaml.Node) {
	items := f.nodes("tags", v)
	if len(items) > 0 {
		f.page.Tags = make([]site.Tag, 0, len(items))
	}
	for _, item := range items {
		name := f.text("tags", item)
		if name == "" {
			continue
		}
		t := f.names.tag(name)
		if t.Slug == "" {
			f.errorf(item, "tag %q has no letters or digits to make a URL from", name)
			continue
		}
		f.page.Tags = append(f.page.Tags, t)
	}
}

// nodes returns the items of a list; a single scalar counts as a one-item list.
func (f *fields) nodes(name string, v *yaml.Node) []*yaml.Node {
	switch {
	case v.Kind == yaml.SequenceNode:
		return v.Content
	case v.Kind == yaml.ScalarNode && v.Tag == "!!str":
		return []*yaml.Node{v}
	}
	f.errorf(v, "%s must be a list, not %s", name, kindName(v)).WithHint("write %s: [first, second]", name)
	return nil
}

// knownKeys are the front-matter keys Almanac reads (decoders'), as one
// string each.
var knownKeys = map[string]string{}

// internKey returns key, sharing the one string of a known key, so that
// a hundred thousand pages' Lines do not each keep their own copies.
func internKey(key string) string {
	if k, ok := knownKeys[key]; ok {
		return k
	}
	return key
}
