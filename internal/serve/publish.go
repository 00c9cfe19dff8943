package serve

import (
	"bytes"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/messages"
)

// Tree is one complete build's output: slash paths relative to the site
// root ("index.html", "cong-thuong/a/index.html",
// "assets/css/main.1a2b3c4d.css"). It must not change once published.
// File reports whether the tree has the file and, when its bytes cannot
// be read back (the build keeps them out of memory), why.
type Tree interface {
	File(name string) ([]byte, bool, error)
}

// Change describes what the last rebuild changed, for the live-reload event.
type Change struct {
	Paths   []string          // output paths whose bytes changed or that appeared/disappeared
	CSSOnly bool              // only stylesheets changed: swap them without reloading
	Moved   map[string]string // old page URL → new page URL ("/tin-tuc/cu/" → "/tin-tuc/moi/") for articles renamed in this rebuild
	// Warnings are the build's warnings, such as charts shown as tables
	// for want of the chart library. Pages show them in a small panel
	// that leaves the page usable, until a build has none.
	Warnings []*diag.Problem
}

// snapshot is what requests read: one good build, published atomically.
type snapshot struct {
	tree  Tree
	build uint64            // counts good builds, from 1
	moved map[string]string // every rename so far, old URL path → current URL path; never modified
	tag   []byte            // the reload script tag naming this build
}

// Source lines shown around a problem's line, and the most characters of
// one line shown.
const (
	contextLines = 2
	maxLineRunes = 240
)

// Publish serves t from now on, clears the error overlay and tells every
// open page: "reload", or "css" when c.CSSOnly. When c.Paths is empty and
// the site was already being served, nothing changed and no page reloads.
// t must not be nil.
func (s *Server) Publish(t Tree, c Change) {
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	prev := s.current.Load()
	next := &snapshot{tree: t, build: 1}
	changed := prev == nil || len(c.Paths) > 0
	if prev != nil {
		next.moved = prev.moved
		next.build = prev.build
		if changed {
			next.build++ // pages that missed the event reload when they reconnect
		}
	}
	next.moved = mergeMoved(next.moved, c.Moved)
	next.tag = renderTag(pageStamp{Instance: s.instance, Build: next.build})
	s.current.Store(next)

	var events []event
	if s.events.setFailure(nil) {
		events = append(events, newEvent("clear", buildEvent{Build: next.build}))
	}
	notice := warningsOf(s.opts.Lang, c.Warnings)
	if hadWarnings := s.events.setNotice(notice); notice != nil {
		events = append(events, *notice)
	} else if hadWarnings { // none now: pages hide the panel
		events = append(events, newEvent("warnings", errorsEvent{Problems: []problemView{}, Built: true,
			Text: warningsText(s.opts.Lang, 0)}))
	}
	switch {
	case prev != nil && c.CSSOnly && changed:
		events = append(events, newEvent("css", changeEvent{Build: next.build, Paths: c.Paths}))
	case changed:
		events = append(events, newEvent("reload", changeEvent{Build: next.build, Paths: c.Paths}))
	}
	s.events.broadcast(events...)
}

// mergeMoved returns a new map holding old's renames and those of
// renamed, so that a page renamed twice sends both old URLs to the newest.
func mergeMoved(old, renamed map[string]string) map[string]string {
	merged := maps.Clone(old)
	if merged == nil {
		merged = map[string]string{}
	}
	for from, to := range renamed {
		from, to = urlPath(from), urlPath(to)
		for k, v := range merged {
			if v == from {
				merged[k] = to
			}
		}
		merged[from] = to
	}
	for k, v := range merged {
		if k == v {
			delete(merged, k) // renamed back: the old URL is a page again
		}
	}
	return merged
}

// urlPath normalizes a page URL to the form requests are looked up by:
// rooted and cleaned, ending in a slash when it named a folder.
func urlPath(u string) string {
	u = strings.TrimPrefix(u, "/")
	if u == "" {
		return "/"
	}
	clean := "/" + path.Clean(u)
	if strings.HasSuffix(u, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}

// warningsOf is the "warnings" event of a build's warnings, or nil for none.
func warningsOf(l messages.Language, warnings []*diag.Problem) *event {
	if len(warnings) == 0 {
		return nil
	}
	ev := newEvent("warnings", errorsEvent{Problems: describeProblems(l, warnings, nil), Built: true,
		Text: warningsText(l, len(warnings))})
	return &ev
}

// Fail keeps the last good tree served and shows problems in every open
// page: over the last good build, or, before any build succeeded, saying
// there is none yet. source returns a file's current content, or nil; it
// may be nil.
func (s *Server) Fail(problems []*diag.Problem, source func(file string) []byte) {
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	built := s.current.Load() != nil
	ev := newEvent("errors", errorsEvent{Problems: describeProblems(s.opts.Lang, problems, source), Built: built,
		Text: errorsText(s.opts.Lang, len(problems), built)})
	s.events.setFailure(&ev)
	s.events.broadcast(ev)
}

// buildEvent is the data of "clear".
type buildEvent struct {
	Build uint64 `json:"build"`
}

// changeEvent is the data of "reload" and "css".
type changeEvent struct {
	Build uint64   `json:"build"`
	Paths []string `json:"paths"`
}

// errorsEvent is the data of "errors" and "warnings".
type errorsEvent struct {
	Problems []problemView `json:"problems"`
	Built    bool          `json:"built"` // a good build is served; false before the first
	Text     overlayText   `json:"text"`  // the words of the overlay or the panel, in the site's language
}

// problemView is one problem as the overlay shows it.
type problemView struct {
	File     string       `json:"file"`
	Line     int          `json:"line"`
	Col      int          `json:"col"`
	Position string       `json:"position"`       // file:line:col, as on the command line; "" for the whole site
	Site     bool         `json:"site,omitempty"` // the problem concerns the whole site, not one file
	Warning  bool         `json:"warning,omitempty"`
	Message  string       `json:"message"`
	Hint     string       `json:"hint,omitempty"`
	Related  []string     `json:"related,omitempty"`
	Source   []sourceLine `json:"source,omitempty"`
}

// sourceLine is one line of the source around a problem.
type sourceLine struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	Marked bool   `json:"marked,omitempty"` // the problem's own line
}

// describeProblems turns problems into what the overlay shows, in l,
// reading each file's source once.
func describeProblems(l messages.Language, problems []*diag.Problem, source func(string) []byte) []problemView {
	lines := map[string][]string{}
	views := make([]problemView, 0, len(problems))
	for _, p := range problems {
		if p == nil {
			continue
		}
		v := problemView{
			File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Position: p.Pos.String(),
			Warning: p.Severity == diag.SeverityWarning, Message: p.MessageIn(l), Hint: p.HintIn(l),
		}
		if siteLevel(p.Pos) {
			v = problemView{Site: true, Warning: v.Warning, Message: v.Message, Hint: v.Hint}
		}
		for _, r := range p.Related {
			v.Related = append(v.Related, r.String())
		}
		if p.Pos.Line > 0 && source != nil {
			file, seen := lines[p.Pos.File]
			if !seen {
				file = splitLines(source(p.Pos.File))
				lines[p.Pos.File] = file
			}
			v.Source = linesAround(file, p.Pos.Line)
		}
		views = append(views, v)
	}
	return views
}

// siteLevel reports whether pos names no file: the problem concerns the
// site as a whole, such as a cache that cannot be written. "." (the site
// folder itself) is one too, as callers that name the folder give it.
func siteLevel(pos diag.Pos) bool {
	return pos.File == "" || pos.File == "." || pos.File == "./"
}

// splitLines splits content into lines without their line endings.
func splitLines(content []byte) []string {
	if content == nil {
		return nil
	}
	text := strings.TrimSuffix(string(bytes.ReplaceAll(content, []byte("\r\n"), []byte("\n"))), "\n")
	return strings.Split(text, "\n")
}

// linesAround returns the lines around line (counted from 1), or nil when
// the file has no such line.
func linesAround(file []string, line int) []sourceLine {
	if line < 1 || line > len(file) {
		return nil
	}
	first, last := max(1, line-contextLines), min(len(file), line+contextLines)
	out := make([]sourceLine, 0, last-first+1)
	for n := first; n <= last; n++ {
		out = append(out, sourceLine{Number: n, Text: shorten(file[n-1]), Marked: n == line})
	}
	return out
}

// shorten cuts a very long line, marking the cut with an ellipsis.
func shorten(line string) string {
	if utf8.RuneCountInString(line) <= maxLineRunes {
		return line
	}
	runes := []rune(line)
	return string(slices.Clip(runes[:maxLineRunes])) + "…"
}
