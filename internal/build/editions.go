package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/site"
)

// A site in several languages ([languages] in almanac.toml) is built as
// one site per language, its edition: the session of the default
// language (the root) builds its own and drives one session for each
// other language, which sees only that language's files (editionFiles),
// builds with its configuration (site.Config.Edition) and writes under
// its folder, en/. All editions are read before any is planned, so that
// every page knows its translations; the root writes the assets, which
// the others share, and a robots.txt naming every edition's sitemaps.

// setEditions makes the sessions of the other languages the root's
// configuration names, or none.
func (s *Session) setEditions() {
	s.others, s.editions, s.translations = nil, nil, ""
	s.opts.Site = s.site
	if len(s.cfg.Languages) == 0 {
		return
	}
	codes := make([]string, len(s.cfg.Languages))
	for i, l := range s.cfg.Languages {
		codes[i] = l.Code
	}
	s.editions = newEditionFiles(s.site, codes)
	s.lang = codes[0]
	s.opts.Site = s.editions.view(codes[0])
	for _, code := range codes[1:] {
		opts := s.opts
		opts.Site, opts.Progress, opts.HeapProfile = s.editions.view(code), nil, nil
		if opts.Cache != "" {
			opts.Cache = filepath.Join(opts.Cache, "editions", code)
		}
		o := NewSession(opts)
		o.site, o.lang, o.root, o.editions = s.site, code, s, s.editions
		o.once, o.checking = s.once, s.checking
		s.others = append(s.others, o)
	}
}

// dropEditionCaches removes the build cache of the languages
// almanac.toml no longer names.
func (s *Session) dropEditionCaches() {
	if s.opts.Cache == "" {
		return
	}
	dir := filepath.Join(s.opts.Cache, "editions")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !slices.ContainsFunc(s.others, func(o *Session) bool { return o.lang == e.Name() }) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// refresh reads content/ again when files may have come or gone, and
// maps the changed paths to lang's view.
func (e *editionFiles) refresh(lang string, changed []string, all bool) []string {
	if all || slices.ContainsFunc(changed, func(p string) bool { return p == "content" || strings.HasPrefix(p, "content/") }) {
		e.scan()
	}
	return e.changed(lang, changed)
}

// buildEditions builds the root's edition and every other one, after
// the root's invalidate.
func (s *Session) buildEditions(ctx context.Context, changed []string, all bool, how pass, start time.Time) (*Result, error) {
	eds := append([]*Session{s}, s.others...)
	for _, o := range s.others {
		o.now = s.now
		o.invalidate(s.editions.changed(o.lang, changed), all || o.theme == nil)
	}
	reads, sites, err := readEditions(eds, how)
	if err != nil {
		return nil, err
	}
	t := translations(eds, sites)
	if s.translations != "" && t.digest != s.translations { // a translation came, went or moved: every page shows it
		for _, e := range eds {
			e.entries, e.plan = map[string]*entryCache{}, nil
		}
		if reads, sites, err = readEditions(eds, how); err != nil {
			return nil, err
		}
		t = translations(eds, sites)
	}
	s.translations = t.digest
	t.apply(eds)
	s.editionCharts = slices.ContainsFunc(sites[1:], func(p *parse.Result) bool { return drawsCharts(p.Site) })
	results := make([]*Result, len(eds))
	for i, e := range eds {
		plan, err := e.planSite(ctx, sites[i], reads[i])
		if err == nil {
			h := how
			if e != s {
				h.open = nil
				if how.edition != nil {
					h.open = func(p *planned) (sink, error) { return how.edition(e, p) }
				}
			}
			results[i], err = e.finish(sites[i], plan, h, reads[i].problems)
		}
		if err != nil {
			return nil, e.realError(err)
		}
	}
	return mergeResults(eds, results, reads, start), nil
}

// readEditions reads every edition, and fails with all their errors.
func readEditions(eds []*Session, how pass) ([]*reading, []*parse.Result, error) {
	reads := make([]*reading, len(eds))
	sites := make([]*parse.Result, len(eds))
	var errs []error
	for i, e := range eds {
		reads[i] = e.begin(how)
		var err error
		if sites[i], err = e.readSite(reads[i]); err == nil {
			err = reads[i].stop() // the errors of every edition at once
		}
		if err != nil {
			errs = append(errs, e.realError(err))
		}
	}
	return reads, sites, joinContentErrors(errs)
}

// joinContentErrors is one error of the editions' errors: a
// *ContentError holding all their problems when they are such.
func joinContentErrors(errs []error) error {
	if len(errs) <= 1 {
		if len(errs) == 1 {
			return errs[0]
		}
		return nil
	}
	joined := &ContentError{cause: ErrContent}
	for _, err := range errs {
		ce, ok := err.(*ContentError)
		if !ok {
			return err
		}
		joined.Errors = append(joined.Errors, ce.Errors...)
		joined.Warnings = append(joined.Warnings, ce.Warnings...)
	}
	return joined
}

// realError is err with the problems placed in the site's files, not in
// the edition's view of them.
func (s *Session) realError(err error) error {
	ce, ok := err.(*ContentError)
	if !ok || s.editions == nil {
		return err
	}
	out := *ce
	out.Errors, out.Warnings = s.realProblems(ce.Errors), s.realProblems(ce.Warnings)
	return &out
}

// realProblems are copies of ps placed in the site's files.
func (s *Session) realProblems(ps []*diag.Problem) []*diag.Problem {
	if s.editions == nil {
		return ps
	}
	out := make([]*diag.Problem, len(ps))
	for i, p := range ps {
		c := *p
		c.Pos.File = s.realName(p.Pos.File)
		c.Related = make([]diag.Pos, len(p.Related))
		for j, r := range p.Related {
			r.File = s.realName(r.File)
			c.Related[j] = r
		}
		out[i] = &c
	}
	return out
}

func (s *Session) realName(name string) string {
	if real := s.editions.real(s.lang, name); real != "" {
		return real
	}
	return name
}

// inSite is the result or error of a build of one edition, its
// problems placed in the site's files.
func (s *Session) inSite(res *Result, err error) (*Result, error) {
	if s.editions == nil {
		return res, err
	}
	if err != nil {
		return nil, s.realError(err)
	}
	res.Warnings = s.realProblems(res.Warnings)
	all := &diag.List{}
	all.Add(s.realProblems(res.problems.Problems())...)
	res.problems = all
	return res, nil
}

// mergeResults is the result of the editions' builds.
func mergeResults(eds []*Session, results []*Result, reads []*reading, start time.Time) *Result {
	res := &Result{problems: &diag.List{}}
	for i, r := range results {
		e := eds[i]
		res.Pages += r.Pages
		res.Sections += r.Sections
		res.Files += r.Files
		res.links += r.links
		res.Skipped = append(res.Skipped, r.Skipped...)
		res.Warnings = append(res.Warnings, e.realProblems(reads[i].problems.Warnings())...)
		res.problems.Add(e.realProblems(r.problems.Problems())...)
	}
	res.Duration = time.Since(start)
	return res
}

// translatedPages are the pages of every edition by what links them:
// their translationKey, or their file's name in the edition's view.
type translatedPages struct {
	byKey  map[string][]site.Translation
	keys   [][]string // by edition, the key of each page of pages
	pages  [][]*site.Page
	digest string
}

// translationKey is what links a page to its translations.
func translationKey(p *site.Page) string {
	if v, ok := lookupParam(p.Params, "translationKey"); ok {
		return "key " + fmt.Sprint(v)
	}
	if p.Kind == site.KindHome {
		return "home"
	}
	return "file " + p.Source
}

func translations(eds []*Session, sites []*parse.Result) *translatedPages {
	t := &translatedPages{byKey: map[string][]site.Translation{}, keys: make([][]string, len(eds)), pages: make([][]*site.Page, len(eds))}
	for i, e := range eds {
		st := sites[i].Site
		pages := []*site.Page{st.Home}
		for _, sec := range st.AllSections() {
			if sec.Page != nil && !sec.Page.Headless {
				pages = append(pages, sec.Page)
			}
		}
		pages = append(append(pages, st.Pages...), st.Unlisted...)
		name := e.cfg.Language
		for _, l := range e.cfg.Languages {
			if l.Code == e.cfg.Language {
				name = l.Name
			}
		}
		for _, p := range pages {
			key := translationKey(p)
			tr := site.Translation{Lang: e.cfg.Language, Name: name, URL: e.cfg.LanguageURL(e.cfg.Language, p.URL)}
			t.byKey[key] = append(t.byKey[key], tr)
			t.keys[i] = append(t.keys[i], key)
		}
		t.pages[i] = pages
	}
	var lines []string // a page with no translation changes no other
	for key, trs := range t.byKey {
		if len(trs) > 1 {
			for _, tr := range trs {
				lines = append(lines, key+" "+tr.Lang+" "+tr.URL)
			}
		}
	}
	slices.Sort(lines)
	t.digest = strings.Join(lines, "\n")
	return t
}

// apply gives every page its translations: the pages of the same key in
// the other editions, in the site's order of languages.
func (t *translatedPages) apply(eds []*Session) {
	for i, e := range eds {
		for j, p := range t.pages[i] {
			var out []site.Translation
			for _, tr := range t.byKey[t.keys[i][j]] {
				if tr.Lang != e.cfg.Language {
					out = append(out, tr)
				}
			}
			p.Translations = out
		}
	}
}
