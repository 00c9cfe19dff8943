package build

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/render"
)

// invalidate drops what the changed paths may have made stale.
func (s *Session) invalidate(changed []string, all bool) {
	if all || slices.Contains(changed, "almanac.toml") {
		s.plan = nil
		s.reloadConfig()
		s.entries, s.blobs = map[string]*entryCache{}, newBlobCache(s.opts.Site)
		return
	}
	for _, name := range changed {
		if strings.HasPrefix(name, "content/") || name == "content" {
			s.forgetRefPages() // a page a ref leads to may have moved
			break
		}
	}
	for _, name := range changed {
		top, rest, _ := strings.Cut(name, "/")
		if top == "content" && s.editedFile(rest) && s.cascades(rest) {
			s.plan = nil // a new scan reads the cascades again
			s.forgetBelow(path.Dir(rest))
			continue
		}
		if top == "content" && s.editedFile(rest) {
			old := s.entries[rest].page
			s.blobs.forget("content/" + rest)
			s.entries[rest] = &entryCache{edited: true, replaces: old}
			continue
		}
		s.plan = nil // files came or went, or what every page shows changed
		switch top {
		case "layouts":
			s.reloadTheme()
		case "assets":
			s.manifest = nil
		case "data":
			s.forgetChartPages()
		case "content":
			s.forgetContent(rest)
		}
	}
}

func (s *Session) reloadConfig() {
	problems := &diag.List{}
	opts := s.opts
	opts.Site = s.site // almanac.toml is the site's, whatever the language
	s.cfg = loadConfig(opts, problems)
	if s.root != nil {
		s.cfg = s.cfg.Edition(s.lang)
	} else {
		s.setEditions()
	}
	s.cfgErrs = problems.Problems()
	s.chartLib = nil // the settings may have changed, or the network come back
	s.reloadTheme()
}

func (s *Session) reloadTheme() {
	theme, ps := render.LoadTheme(layer(s.opts, "layouts"), s.cfg.Language)
	s.theme, s.themeErr, s.manifest = theme, ps.Problems(), nil
	s.forgetChartPages() // charts are drawn by the theme's partial
}

// forgetChartPages drops the rendered bodies of pages that draw charts or
// call shortcodes: the theme draws both.
func (s *Session) forgetChartPages() {
	for _, e := range s.entries {
		if e.page != nil && (len(e.page.Charts) > 0 || len(e.page.Shortcodes) > 0) {
			e.page = nil
		}
	}
}

// forgetRefPages drops the rendered bodies of pages whose ref and relref
// shortcodes give other pages' URLs.
func (s *Session) forgetRefPages() {
	for name, e := range s.entries {
		if e.page != nil && usesRefs(e.page) {
			s.entries[name] = &entryCache{edited: true, replaces: e.page} // as if edited: its place in the plan is kept
		}
	}
}

// cascades reports whether the edited content file name is an _index.md
// whose front matter passes values down (cascade), before or after the edit.
func (s *Session) cascades(name string) bool {
	if path.Base(name) != "_index.md" {
		return false
	}
	if e := s.entries[name]; e == nil || e.parsed == nil || e.parsed.Cascade {
		return true
	}
	src, err := fs.ReadFile(s.opts.Site, "content/"+name)
	return err != nil || bytes.Contains(src, []byte("cascade"))
}

// forgetBelow drops every page made from a file in the folder dir of
// content/ ("." for all) or below it.
func (s *Session) forgetBelow(dir string) {
	for key := range s.entries {
		if dir == "." || strings.HasPrefix(key, dir+"/") {
			delete(s.entries, key)
		}
	}
}

// forgetContent drops the pages made from name, a file or folder within
// content/, and the bundle file it may be.
func (s *Session) forgetContent(name string) {
	for key := range s.entries {
		dir := path.Dir(key)
		bundle := path.Base(key) == "index.md" && dir != "."
		if key == name || strings.HasPrefix(key, name+"/") || bundle && (strings.HasPrefix(name, dir+"/") || name == dir) {
			delete(s.entries, key)
		}
	}
	s.blobs.forget("content/" + name)
}
