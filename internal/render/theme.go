package render

import (
	"errors"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/site"
)

const (
	layoutsDir  = "layouts"   // folder the layouts file system stands for, in positions
	baseFile    = "base.html" // the skeleton every layout fills in
	partialsDir = "partials"
	shortcodes  = "shortcodes" // a site's own shortcodes, shortcodes/NAME.html
	i18nDir     = "i18n"
)

// Theme is a parsed set of templates: layouts/base.html (the skeleton),
// layouts/partials/*.html, one page layout per other layouts/*.html, and
// the translation table of one language. It is read-only once loaded and
// may be planned from many times.
type Theme struct {
	lang      string
	skeleton  *template.Template // base.html and the partials; never executed, cloned by Plan for partialCached
	fragments *template.Template // a clone of skeleton for Fragment
	layouts   map[string]*layout // by name without ".html": "article", "404", …
	codes     []string           // the names of layouts/shortcodes/NAME.html, sorted
	table     translations
}

// layout is one page layout parsed together with base.html and the partials.
type layout struct {
	file  string             // "article.html"
	set   *template.Template // never executed, so that Plan can clone it
	entry string             // template to execute: base.html, or file when it stands alone
}

// LoadTheme parses the templates and the translation table for lang from
// layouts, a file system holding the contents of a layouts/ folder.
// Problems name files as "layouts/<path>", with the line and column of
// template syntax errors. The theme is returned even when some layouts
// failed to parse; those layouts are missing from it.
func LoadTheme(layouts fs.FS, lang string) (*Theme, *diag.List) {
	problems := &diag.List{}
	t := &Theme{lang: lang, layouts: map[string]*layout{}}
	t.table = loadTranslations(layouts, lang, problems)
	funcs := newRenderer(t, &Input{Site: &site.Site{}}).funcs()
	root, ok := parseSkeleton(layouts, funcs, problems)
	if !ok {
		return t, problems
	}
	t.skeleton = root
	t.codes = shortcodeNames(root)
	if fragments, err := root.Clone(); err == nil {
		t.fragments = fragments
	}
	files, err := fs.Glob(layouts, "*.html")
	if err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: layoutsDir}, "cannot list layouts: %v", err))
	}
	for _, file := range files {
		if file == baseFile {
			continue
		}
		lay, problem := parseLayout(layouts, root, file)
		if problem == nil {
			problem = checkEscaping(lay)
		}
		if problem != nil {
			problems.Add(problem)
			continue
		}
		t.layouts[strings.TrimSuffix(file, ".html")] = lay
	}
	sets := []*template.Template{root}
	for _, name := range t.layoutNames() {
		sets = append(sets, t.layouts[name].set)
	}
	t.checkTranslationKeys(layouts, sets, problems)
	checkCachedPartials(root, sets, problems)
	return t, problems
}

// HasLayout reports whether the theme has the named page layout; name may
// be written with or without ".html".
func (t *Theme) HasLayout(name string) bool {
	_, ok := t.layouts[strings.TrimSuffix(name, ".html")]
	return ok
}

// layoutNames lists the theme's layouts, sorted, for hints.
func (t *Theme) layoutNames() []string {
	names := make([]string, 0, len(t.layouts))
	for name := range t.layouts {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// parseSkeleton parses base.html and every partial into one template set.
func parseSkeleton(layouts fs.FS, funcs template.FuncMap, problems *diag.List) (*template.Template, bool) {
	root := template.New(baseFile).Funcs(funcs)
	text, err := fs.ReadFile(layouts, baseFile)
	if err != nil {
		problems.Add(diag.Errorf(diag.Pos{File: layoutsDir + "/" + baseFile}, "cannot read the skeleton template: %v", err).
			WithHint("every theme needs a base.html with the <html> skeleton that page layouts fill in"))
		return nil, false
	}
	ok := true
	if _, err := root.Parse(string(text)); err != nil {
		problems.Add(templateProblem(err))
		ok = false
	}
	partials, _ := fs.Glob(layouts, partialsDir+"/*.html")
	nested, _ := fs.Glob(layouts, partialsDir+"/*/*.html")
	own, _ := fs.Glob(layouts, shortcodes+"/*.html")
	ownNested, _ := fs.Glob(layouts, shortcodes+"/*/*.html")
	for _, name := range slices.Concat(partials, nested, own, ownNested) {
		if problem := parseFile(layouts, root, name); problem != nil {
			problems.Add(problem)
			ok = false
		}
	}
	return root, ok
}

// parseLayout parses one page layout into a clone of the skeleton.
func parseLayout(layouts fs.FS, root *template.Template, file string) (*layout, *diag.Problem) {
	set, err := root.Clone()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: layoutsDir + "/" + file}, "%v", err)
	}
	if problem := parseFile(layouts, set, file); problem != nil {
		return nil, problem
	}
	lay := &layout{file: file, set: set, entry: baseFile}
	if own := set.Lookup(file); own != nil && own.Tree != nil && !parse.IsEmptyTree(own.Tree.Root) {
		lay.entry = file
	}
	return lay, nil
}

// parseFile adds the template file name of layouts to set, named by its path.
func parseFile(layouts fs.FS, set *template.Template, name string) *diag.Problem {
	text, err := fs.ReadFile(layouts, name)
	if err != nil {
		return diag.Errorf(diag.Pos{File: path.Join(layoutsDir, name)}, "cannot read template: %v", err)
	}
	if _, err := set.New(name).Parse(string(text)); err != nil {
		return templateProblem(err)
	}
	return nil
}

// checkEscaping runs html/template's contextual escaper on a copy of the
// layout, so that errors such as a call of a missing partial or an action
// inside an unquoted attribute are reported when the theme loads rather
// than on the first page rendered.
func checkEscaping(lay *layout) *diag.Problem {
	probe, err := lay.set.Clone()
	if err != nil {
		return diag.Errorf(diag.Pos{File: layoutsDir + "/" + lay.file}, "%v", err)
	}
	err = probe.ExecuteTemplate(io.Discard, lay.entry, &PageData{})
	if escapeErr := (*template.Error)(nil); errors.As(err, &escapeErr) {
		return templateProblem(escapeErr)
	}
	return nil
}

// checkCachedPartials escapes on their own, as partialCached renders them,
// the partials that templates name in partialCached calls, and reports
// names that are not partials.
func checkCachedPartials(root *template.Template, sets []*template.Template, problems *diag.List) {
	checked := map[string]bool{}
	for _, use := range literalArgs(sets, "partialCached") {
		if root.Lookup(use.key) == nil {
			problems.Add(diag.Errorf(use.pos, "partialCached names %q, which is not a partial", use.key).
				WithHint("name a file of layouts/partials/, e.g. \"partials/card.html\""))
			continue
		}
		if checked[use.key] {
			continue
		}
		checked[use.key] = true
		probe, err := root.Clone()
		if err != nil {
			problems.Add(diag.Errorf(use.pos, "%v", err))
			continue
		}
		err = probe.ExecuteTemplate(io.Discard, use.key, nil)
		if escapeErr := (*template.Error)(nil); errors.As(err, &escapeErr) {
			problems.Add(templateProblem(escapeErr))
		}
	}
}

// bind clones every layout, and the skeleton for partialCached, with
// r's functions, and gives r the templates to execute, by layout name.
// Plan calls it once, so cloning costs one copy per layout, never one per page.
func (t *Theme) bind(r *renderer) error {
	funcs := r.funcs()
	r.templates = make(map[string]*template.Template, len(t.layouts))
	for name, lay := range t.layouts {
		set, err := lay.set.Clone()
		if err != nil {
			return err
		}
		r.templates[name] = set.Funcs(funcs).Lookup(lay.entry)
	}
	if t.skeleton == nil {
		return nil
	}
	partials, err := t.skeleton.Clone()
	if err != nil {
		return err
	}
	r.partials = partials.Funcs(funcs)
	return nil
}
