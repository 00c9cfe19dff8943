package parse

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/figure"
	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/slug"
	"github.com/almanac-news/almanac/internal/yamlfield"
)

// digest is a page's Digest: the first eight bytes of the SHA-256 of its
// file's name and bytes.
func digest(name string, src []byte) uint64 {
	h := sha256.New()
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write(src)
	return binary.LittleEndian.Uint64(h.Sum(nil))
}

// entry is one content file to parse, with its place in the site.
type entry struct {
	name    string // path within the content fs.FS
	kind    site.Kind
	section string
	slug    string          // from the file or folder name
	bundle  map[string]bool // files of the page bundle by relative path; nil when not a bundle
}

// parseFile reads one content file into a page; problems are returned, not fatal.
// layers are the cascades of the sections above it, nearest first.
func parseFile(fsys fs.FS, e entry, opts *Options, shared *names, layers []*cascadeLayer) (*site.Page, []*diag.Problem) {
	file := joinSource(opts.Root, e.name)
	src, err := fs.ReadFile(fsys, e.name)
	if err != nil {
		return nil, []*diag.Problem{diag.Errorf(diag.Pos{File: file}, "cannot read: %v", err)}
	}
	fm, p := splitFrontMatter(file, src)
	if p != nil {
		return nil, []*diag.Problem{p}
	}
	page := &site.Page{
		Kind: e.kind, Source: file, Digest: digest(file, src), Section: e.section, Slug: e.slug,
		Body: fm.body, BodyLine: fm.bodyLine,
	}
	f := &fields{Reader: yamlfield.Reader{File: file}, page: page, dates: dateReader{loc: opts.location()}, names: shared}
	if fm.empty > 0 {
		f.Problems = append(f.Problems, diag.Errorf(diag.Pos{File: file, Line: fm.empty, Col: 1}, "the front matter holds no keys").
			WithHint(`add title: "…" and, for an article, date: 2020-12-30`))
		return page, f.Problems
	}
	if fm.root == nil {
		f.Problems = append(f.Problems, diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "the file has no front matter").
			WithHint("start it with\n---\ntitle: \"…\"\ndate: 2020-12-30T15:01:00+07:00\n---"))
		return page, f.Problems
	}
	f.decode(fm.root)
	f.applyCascade(layers)
	figure.DecodeKeys(&f.Reader, page, f.figureNodes)
	page.URL = cmp.Or(f.pageURL, pageURL(page))
	page.Date, page.DateOnly = f.decodeDate("date", f.date)
	page.Publish, _ = f.decodeDate("publishDate", f.publish)
	page.Expires, _ = f.decodeDate("expiryDate", f.expiry)
	if f.date == nil && f.publish != nil {
		page.Date, page.DateOnly = f.decodeDate("publishDate", f.publish)
	}
	page.Lastmod, page.LastmodDateOnly = f.decodeDate("lastmod", f.lastmod)
	correctedLastmod(page)
	f.decodeImage(f.image, e.bundle)
	f.decodeAudio(f.audio, e.bundle)
	f.required(fm.root)
	if len(page.Authors) == 0 && page.Kind == site.KindArticle && opts.Config.Author != "" {
		page.Authors = []string{opts.Config.Author}
	}
	return page, f.Problems
}

// required reports missing title and, for articles, missing date; a
// headless page, which no reader sees, needs neither (Hugo's snippets
// for its include shortcode are such pages).
func (f *fields) required(root *yaml.Node) {
	at := diag.Pos{File: f.File, Line: root.Line, Col: 1}
	if f.page.Headless {
		return
	}
	if f.page.Lines.Line("title") == 0 && f.page.Kind == site.KindSection {
		f.page.Title = folderTitle(f.page.Section)
		f.Problems = append(f.Problems, diag.Warnf(at, "the section has no title: it is shown as %q, from its folder's name", f.page.Title).
			WithHint(`add a line title: "…" with its name as readers should see it`))
	} else if f.page.Lines.Line("title") == 0 {
		f.Problems = append(f.Problems, diag.Errorf(at, "the front matter has no title").
			WithHint(`add a line title: "…"`))
	}
	if f.page.Lines.Line("date") == 0 && f.page.Lines.Line("publishDate") == 0 && f.page.Kind == site.KindArticle {
		f.Problems = append(f.Problems, diag.Errorf(at, "the article has no date").
			WithHint("add a line date: 2020-12-30T15:01:00+07:00"))
	}
}

// folderTitle is the title Hugo gives a section without one, from the
// name of its folder: "cong-nghiep" → "Cong nghiep", "_common" → "Common".
func folderTitle(section string) string {
	name := strings.Trim(path.Base(section), "_-. ")
	words := strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	title := strings.Join(words, " ")
	if title == "" {
		return section
	}
	r, size := utf8.DecodeRuneInString(title)
	return string(unicode.ToUpper(r)) + title[size:]
}

func pageURL(p *site.Page) string {
	switch p.Kind {
	case site.KindHome:
		return "/"
	case site.KindSection:
		return "/" + p.Section + "/"
	case site.KindPage:
		return "/" + p.Slug + "/"
	}
	return "/" + p.Section + "/" + p.Slug + "/"
}

func joinSource(root, name string) string {
	if root == "" {
		return name
	}
	return root + "/" + name
}

// nameSlug makes a URL slug from a file or folder name: the name in
// lower case when that is a slug (as Hugo lowers paths), else slug.Make's.
func nameSlug(name string) string {
	name = strings.ToLower(strings.TrimSuffix(name, ".md"))
	if slug.Valid(name) {
		return name
	}
	return slug.Make(name)
}
