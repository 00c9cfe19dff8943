package build

import (
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// editionFiles sorts the files of content/ into the site's languages
// (docs/content.md, "Languages"): content/en/… and bai-viet.en.md are
// English, files without a language the default language's, and the
// other files of a bundle belong to every language that has the bundle.
// Each language sees its files as a site in one language would, under
// the names they would have there (view): content/en/kinh-te/bai.md and
// content/kinh-te/bai.en.md are content/kinh-te/bai.md, so that one
// session builds each language unchanged.
type editionFiles struct {
	site  fs.FS
	codes []string // the site's languages, the default one first

	mu    sync.RWMutex
	files map[string]map[string]string // language → name in its view → name in site
	dirs  map[string]map[string][]string
}

func newEditionFiles(site fs.FS, codes []string) *editionFiles {
	e := &editionFiles{site: site, codes: codes}
	e.scan()
	return e
}

// language is the language of the content file rel (relative to
// content/) and its name in that language's view; "" for a file that is
// not Markdown outside a language's folder, which bundles share.
func (e *editionFiles) language(rel string) (lang, name string) {
	if first, rest, ok := strings.Cut(rel, "/"); ok && slices.Contains(e.codes, first) {
		return first, rest
	}
	ext := path.Ext(rel)
	if ext != ".md" && ext != ".markdown" {
		return "", rel
	}
	stem := strings.TrimSuffix(rel, ext)
	if i := strings.LastIndexByte(stem, '.'); i > strings.LastIndexByte(stem, '/') && slices.Contains(e.codes, stem[i+1:]) {
		return stem[i+1:], stem[:i] + ext
	}
	return e.codes[0], rel
}

// scan reads content/ again, for files come and gone.
func (e *editionFiles) scan() {
	files := map[string]map[string]string{}
	for _, c := range e.codes {
		files[c] = map[string]string{}
	}
	var shared []string
	_ = fs.WalkDir(e.site, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil // an unreadable folder is reported by the scan of its language's view
		}
		rel := strings.TrimPrefix(name, "content/")
		lang, virtual := e.language(rel)
		switch {
		case lang == "":
			shared = append(shared, rel)
		case files[lang]["content/"+virtual] == "" || strings.HasPrefix(rel, lang+"/"):
			files[lang]["content/"+virtual] = name // content/en/x.md wins over x.en.md
		}
		return nil
	})
	for _, rel := range shared { // beside a page of the language: its bundle's file
		dir := path.Dir(rel)
		for _, c := range e.codes {
			if c == e.codes[0] || hasMarkdownIn(files[c], "content/"+dir) {
				files[c]["content/"+rel] = "content/" + rel
			}
		}
	}
	dirs := map[string]map[string][]string{}
	for lang, names := range files {
		dirs[lang] = listDirs(names)
	}
	e.mu.Lock()
	e.files, e.dirs = files, dirs
	e.mu.Unlock()
}

func hasMarkdownIn(files map[string]string, dir string) bool {
	for _, name := range []string{"index.md", "_index.md", "index.markdown"} {
		if files[dir+"/"+name] != "" {
			return true
		}
	}
	return false
}

// listDirs lists the entries of every folder of a view, from its files.
func listDirs(files map[string]string) map[string][]string {
	dirs := map[string][]string{"content": nil}
	seen := map[string]bool{}
	for name := range files {
		for child := name; child != "content"; child = path.Dir(child) {
			if seen[child] {
				break
			}
			seen[child] = true
			parent := path.Dir(child)
			dirs[parent] = append(dirs[parent], path.Base(child))
		}
	}
	for _, entries := range dirs {
		slices.Sort(entries)
	}
	return dirs
}

// real is the site's name of name in lang's view, "" when there is none;
// names outside content/ are the site's own.
func (e *editionFiles) real(lang, name string) string {
	if name != "content" && !strings.HasPrefix(name, "content/") {
		return name
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.files[lang][name]
}

// changed maps the site's changed paths to lang's view: a file of
// another language is left out, a shared one kept.
func (e *editionFiles) changed(lang string, paths []string) []string {
	var out []string
	for _, p := range paths {
		rel, ok := strings.CutPrefix(p, "content/")
		if !ok {
			out = append(out, p)
			continue
		}
		if l, name := e.language(rel); l == lang || l == "" {
			out = append(out, "content/"+name)
		} else if first, _, _ := strings.Cut(rel, "/"); !strings.Contains(rel, "/") && first == lang {
			out = append(out, "content") // the language's folder came or went
		}
	}
	return out
}

// view is lang's view of the site.
func (e *editionFiles) view(lang string) fs.FS { return editionView{e, lang} }

// editionView is one language's view of the site (editionFiles).
type editionView struct {
	e    *editionFiles
	lang string
}

func (v editionView) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if entries, ok := v.dir(name); ok {
		return &viewDir{view: v, name: name, entries: entries}, nil
	}
	real := v.e.real(v.lang, name)
	if real == "" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := v.e.site.Open(real)
	if err != nil || real == name {
		return f, err
	}
	return renamedFile{f, path.Base(name)}, nil
}

func (v editionView) dir(name string) ([]string, bool) {
	if name != "content" && !strings.HasPrefix(name, "content/") {
		return nil, false
	}
	v.e.mu.RLock()
	defer v.e.mu.RUnlock()
	entries, ok := v.e.dirs[v.lang][name]
	return entries, ok
}

func (v editionView) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, ok := v.dir(name)
	if !ok {
		return fs.ReadDir(v.e.site, name)
	}
	out := make([]fs.DirEntry, 0, len(entries))
	for _, n := range entries {
		info, err := fs.Stat(v, path.Join(name, n))
		if err != nil {
			continue
		}
		out = append(out, fs.FileInfoToDirEntry(info))
	}
	return out, nil
}

func (v editionView) Stat(name string) (fs.FileInfo, error) {
	if _, ok := v.dir(name); ok {
		return dirInfo(path.Base(name)), nil
	}
	real := v.e.real(v.lang, name)
	if real == "" {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	info, err := fs.Stat(v.e.site, real)
	if err != nil || real == name {
		return info, err
	}
	return renamedInfo{info, path.Base(name)}, nil
}

// renamedFile is a file under its name in a view.
type renamedFile struct {
	fs.File
	name string
}

func (f renamedFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	if err != nil {
		return nil, err
	}
	return renamedInfo{info, f.name}, nil
}

type renamedInfo struct {
	fs.FileInfo
	name string
}

func (i renamedInfo) Name() string { return i.name }

// viewDir is a folder of a view.
type viewDir struct {
	view    editionView
	name    string
	entries []string
	read    int
}

func (d *viewDir) Stat() (fs.FileInfo, error) { return dirInfo(path.Base(d.name)), nil }
func (d *viewDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: fs.ErrInvalid}
}
func (d *viewDir) Close() error { return nil }

func (d *viewDir) ReadDir(n int) ([]fs.DirEntry, error) {
	all, err := d.view.ReadDir(d.name)
	if err != nil {
		return nil, err
	}
	rest := all[min(d.read, len(all)):]
	if n > 0 {
		rest = rest[:min(n, len(rest))]
		if len(rest) == 0 {
			return nil, io.EOF
		}
	}
	d.read += len(rest)
	return rest, nil
}

type dirInfo string

func (i dirInfo) Name() string       { return string(i) }
func (i dirInfo) Size() int64        { return 0 }
func (i dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o755 }
func (i dirInfo) ModTime() time.Time { return time.Time{} }
func (i dirInfo) IsDir() bool        { return true }
func (i dirInfo) Sys() any           { return nil }
