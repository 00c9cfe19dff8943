package parse

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// fields decodes the front-matter keys of one file into a page.
type fields struct {
	yamlfield.Reader
	page  *site.Page
	dates dateReader
	names *names // the tags and authors of the other pages

	date, lastmod, image, audio *yaml.Node                   // decoded later, once the page's place is known
	publish, expiry             *yaml.Node                   // publishDate and expiryDate, decoded with date
	pageURL                     string                       // url: the page's URL instead of the one its file makes
	figureNodes                 [len(figure.Keys)]*yaml.Node // decoded by package figure once every other key is read
}

// decode reads every key of the front-matter mapping root.
func (f *fields) decode(root *yaml.Node) {
	seen := map[string]*yaml.Node{}
	f.page.Lines = make(site.KeyLines, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			f.Errorf(k, "key %q is given twice", k.Value).Also(f.Pos(prev)).
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
		"title":       func(f *fields, name string, v *yaml.Node) { f.page.Title = f.Text(name, v) },
		"summary":     func(f *fields, name string, v *yaml.Node) { f.page.Summary = f.Text(name, v) },
		"layout":      func(f *fields, name string, v *yaml.Node) { f.page.Layout = f.Text(name, v) },
		"slug":        func(f *fields, _ string, v *yaml.Node) { f.slug(v) },
		"author":      (*fields).authors,
		"authors":     (*fields).authors,
		"tags":        func(f *fields, _ string, v *yaml.Node) { f.tags(v) },
		"draft":       func(f *fields, name string, v *yaml.Node) { f.page.Draft = f.Boolean(name, v) },
		"weight":      func(f *fields, name string, v *yaml.Node) { f.page.Weight = f.Integer(name, v) },
		"date":        func(f *fields, _ string, v *yaml.Node) { f.date = v },
		"lastmod":     func(f *fields, _ string, v *yaml.Node) { f.lastmod = v },
		"image":       func(f *fields, _ string, v *yaml.Node) { f.image = v },
		"audio":       func(f *fields, _ string, v *yaml.Node) { f.audio = v },
		"build":       (*fields).build,
		"_build":      (*fields).build,
		"headless":    func(f *fields, _ string, v *yaml.Node) { f.headless(v) },
		"sitemap":     func(f *fields, _ string, v *yaml.Node) { f.sitemap(v) },
		"feed":        func(f *fields, name string, v *yaml.Node) { f.page.NoFeed = !f.Boolean(name, v) },
		"cascade":     func(f *fields, _ string, v *yaml.Node) { f.cascade(v) },
		"url":         func(f *fields, _ string, v *yaml.Node) { f.url(v) },
		"aliases":     func(f *fields, _ string, v *yaml.Node) { f.aliases(v) },
		"linkTitle":   func(f *fields, name string, v *yaml.Node) { f.page.LinkTitle = f.Text(name, v) },
		"description": func(f *fields, name string, v *yaml.Node) { f.page.Description = f.Text(name, v) },
		"keywords":    func(f *fields, name string, v *yaml.Node) { f.page.Keywords = f.Texts(name, v, true) },
		"publishDate": func(f *fields, _ string, v *yaml.Node) { f.publish = v },
		"expiryDate":  func(f *fields, _ string, v *yaml.Node) { f.expiry = v },
		"params":      func(f *fields, _ string, v *yaml.Node) { f.params(v) },
		"corrections": func(f *fields, _ string, v *yaml.Node) { f.corrections(v) },
	}
	for i, k := range figure.Keys {
		decoders[k] = func(f *fields, _ string, v *yaml.Node) { f.figureNodes[i] = v }
	}
	for k := range decoders {
		knownKeys[k] = k
	}
}

// authors reads author or authors, each name shared with the other pages.
func (f *fields) authors(name string, v *yaml.Node) {
	f.page.Authors = f.Texts(name, v, true)
	for i, a := range f.page.Authors {
		f.page.Authors[i] = f.names.author(a)
	}
}

// param keeps a key Almanac does not read for templates (Page.Params).
func (f *fields) param(name string, v *yaml.Node) {
	var val any
	if err := v.Decode(&val); err != nil {
		f.Errorf(v, "cannot read %q: %v", name, err)
		return
	}
	if f.page.Params == nil {
		f.page.Params = map[string]any{}
	}
	f.page.Params[name] = val
}

func (f *fields) slug(v *yaml.Node) {
	s := f.Text("slug", v)
	if s == "" {
		return
	}
	if lower := strings.ToLower(s); slug.Valid(lower) {
		s = lower // URLs are lower case, as Hugo makes them (disablePathToLower = false)
	}
	if len(s) > maxNameBytes {
		f.Errorf(v, "slug is %d bytes long, more than the %d a file name may hold", len(s), maxNameBytes).
			WithHint("write a shorter slug")
		return
	}
	if !slug.Valid(s) {
		f.Errorf(v, "slug %q would not stay a single folder of the site", s).
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
	items := f.Nodes("tags", v)
	if len(items) > 0 {
		f.page.Tags = make([]site.Tag, 0, len(items))
	}
	for _, item := range items {
		name := f.Text("tags", item)
		if name == "" {
			continue
		}
		t := f.names.tag(name)
		if t.Slug == "" {
			f.Errorf(item, "tag %q has no letters or digits to make a URL from", name)
			continue
		}
		f.page.Tags = append(f.page.Tags, t)
	}
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
