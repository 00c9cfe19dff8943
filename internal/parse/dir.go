package parse

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parallel"
	"github.com/almanac-news/almanac/internal/site"
)

// Options controls which pages Dir keeps.
type Options struct {
	Config site.Config
	Root   string    // prefix of Page.Source and of error positions, normally "content"
	Drafts bool      // keep pages with draft: true
	Future bool      // keep pages dated after Now
	Now    time.Time // the build's time; articles dated later are future
}

func (o *Options) location() *time.Location {
	if o.Config.Location != nil {
		return o.Config.Location
	}
	return time.UTC
}

// Result is what Dir found: the site and the pages it left out.
type Result struct {
	Site    *site.Site
	Skipped []*site.Page // drafts and future articles left out
}

// Dir parses every content file of fsys, on all cores, into a site.
// It reports every problem it finds; the site is usable only when the
// list holds no errors.
func Dir(fsys fs.FS, opts Options) (*Result, *diag.List) {
	problems := &diag.List{}
	c := Scan(fsys, opts, problems)
	pages := make([]*site.Page, len(c.entries))
	parallel.For(len(c.entries), func(i int) {
		p, ps := c.Parse(i)
		pages[i] = p
		problems.Add(ps...)
	})
	return c.Assemble(pages, problems), problems
}

// Content is the classified list of a content folder's files: what Dir
// does in three steps, for callers that parse only the files that changed
// since the last build (the preview's incremental rebuilds).
type Content struct {
	fsys      fs.FS
	opts      Options
	entries   []entry
	resources map[string][]string
	names     *names
	cascades  *cascades
}

// Scan lists and classifies the files of fsys without reading them.
func Scan(fsys fs.FS, opts Options, problems *diag.List) *Content {
	c := &Content{fsys: fsys, opts: opts, names: newNames()}
	c.entries, c.resources = scan(fsys, &c.opts, problems)
	c.cascades = newCascades(fsys, opts.Root, c.entries)
	return c
}

// Now is the time the scan was made for: Options.Now, by which Assemble
// leaves future articles out.
func (c *Content) Now() time.Time { return c.opts.Now }

// Len is the number of content files to parse.
func (c *Content) Len() int { return len(c.entries) }

// Name is the path of file i within the content folder.
func (c *Content) Name(i int) string { return c.entries[i].name }

// Parse reads file i into a page; safe to call for different files at once.
func (c *Content) Parse(i int) (*site.Page, []*diag.Problem) {
	e := c.entries[i]
	return parseFile(c.fsys, e, &c.opts, c.names, c.cascades.chain(e.name, e.bundle != nil))
}

// AddResources lists on p the files of its page bundle, as Assemble does;
// for callers that render a page before assembling the site.
func (c *Content) AddResources(p *site.Page) {
	addResources(p, c.resources, c.opts.Root)
}

// Assemble places parsed pages (one per file, in Scan's order; nil for a
// file that failed) into a site. It modifies the pages' resources, so
// pass pages parsed for this Content.
func (c *Content) Assemble(pages []*site.Page, problems *diag.List) *Result {
	return assemble(pages, c.resources, &c.opts, problems)
}

// scan lists the content files and classifies them.
func scan(fsys fs.FS, opts *Options, problems *diag.List) ([]entry, map[string][]string) {
	var files []string
	bundles := map[string]bool{} // folders holding an index.md
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil && name == "." && errors.Is(err, fs.ErrNotExist) {
			problems.Add(diag.Errorf(diag.Pos{File: opts.Root}, "the site has no %s folder", opts.Root).
				WithHint("create %s/ with an article such as %s/tin-tuc/bai-dau-tien.md, or pass the site's folder with --source", opts.Root, opts.Root))
			return nil
		}
		if err != nil && name == "." {
			problems.Add(diag.Errorf(diag.Pos{File: opts.Root}, "cannot read the %s folder: %v", opts.Root, err).
				WithHint("%s/ must be a folder inside the site folder, not a link out of it", opts.Root))
			return nil
		}
		if err != nil {
			problems.Add(diag.Errorf(diag.Pos{File: joinSource(opts.Root, name)}, "cannot read: %v", err))
			return nil
		}
		if ignored(d.Name()) && name != "." {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if p := checkLink(fsys, name, opts.Root); p != nil {
				problems.Add(p)
				return nil
			}
		}
		if !d.IsDir() {
			files = append(files, name)
			if path.Base(name) == "index.md" {
				bundles[path.Dir(name)] = true
			}
		}
		return nil
	})
	if err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: opts.Root}, "cannot read the content folder: %v", err))
	}
	return classify(files, bundles, opts, problems)
}

// checkLink reports a symbolic link the build cannot use: one that leads
// out of the site folder (which the os.Root the command line reads the
// site through refuses to follow), to nothing, or to a folder, which the
// walk would not enter.
func checkLink(fsys fs.FS, name, root string) *diag.Problem {
	at := diag.Pos{File: joinSource(root, name), Line: 1, Col: 1} // a link has no lines: its own first
	info, err := fs.Stat(fsys, name)
	if err != nil {
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		return diag.Errorf(at, "cannot follow this link: %v", err).
			WithHint("a link in %s/ must lead to a file inside the site folder; copy the file here instead", root)
	}
	if info.IsDir() {
		return diag.Errorf(at, "this is a link to a folder, and Almanac does not follow links to folders").
			WithHint("move or copy the folder into %s/", root)
	}
	return nil
}

// ignored reports editor and system files that are never content.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || name == "4913" || name == "Thumbs.db"
}

func classify(files []string, bundles map[string]bool, opts *Options, problems *diag.List) ([]entry, map[string][]string) {
	var entries []entry
	resources := map[string][]string{} // bundle folder → files
	for _, name := range files {
		parts := strings.Split(name, "/")
		if b := bundleOf(name, bundles); b != "" && name != b+"/index.md" {
			resources[b] = append(resources[b], strings.TrimPrefix(name, b+"/"))
			continue
		}
		e, ok := classifyOne(parts)
		if !ok {
			continue // files outside bundles but Markdown are not published
		}
		e.name = name
		entries = append(entries, e)
	}
	for i := range entries {
		if b := path.Dir(entries[i].name); bundles[b] && path.Base(entries[i].name) == "index.md" {
			entries[i].bundle = map[string]bool{}
			for _, r := range resources[b] {
				entries[i].bundle[r] = true
			}
			if entries[i].bundle["index.html"] {
				problems.Add(diag.Errorf(diag.Pos{File: joinSource(opts.Root, b+"/index.html")},
					"this file would take the place of the page made from index.md beside it").
					WithHint("rename it, or remove it: the page's own HTML is written there"))
			}
		}
	}
	return entries, resources
}

// bundleOf returns the bundle folder that holds name, or "".
func bundleOf(name string, bundles map[string]bool) string {
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if bundles[d] {
			return d
		}
	}
	return ""
}

// classifyOne places a content file by its path: a stand-alone page at
// the top, a section's page (_index.md) in any folder, an article (a
// Markdown file, or a folder's index.md) in the section of its folder.
// Every folder is a section, at any depth; each folder's slug is one
// element of the URL.
func classifyOne(parts []string) (entry, bool) {
	last := parts[len(parts)-1]
	if !strings.HasSuffix(last, ".md") {
		return entry{}, false
	}
	switch {
	case len(parts) == 1 && last == "_index.md":
		return entry{kind: site.KindHome}, true
	case len(parts) == 1:
		return entry{kind: site.KindPage, slug: nameSlug(last)}, true
	case len(parts) == 2 && last == "index.md":
		return entry{kind: site.KindPage, slug: nameSlug(parts[0])}, true
	case last == "_index.md":
		return entry{kind: site.KindSection, section: sectionPath(parts[:len(parts)-1])}, true
	case last == "index.md":
		n := len(parts)
		return entry{kind: site.KindArticle, section: sectionPath(parts[:n-2]), slug: nameSlug(parts[n-2])}, true
	}
	return entry{kind: site.KindArticle, section: sectionPath(parts[:len(parts)-1]), slug: nameSlug(last)}, true
}

// sectionPath is the Path of the section of the folders dirs.
func sectionPath(dirs []string) string {
	slugs := make([]string, len(dirs))
	for i, d := range dirs {
		slugs[i] = nameSlug(d)
	}
	return strings.Join(slugs, "/")
}
