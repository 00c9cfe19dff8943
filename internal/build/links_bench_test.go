package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/parse"
	"github.com/almanac-news/almanac/internal/render"
)

// BenchmarkBuildLinks10000 times what checking links adds to a build of
// 10,000 articles: the link targets and every body's links, from the
// Markdown the build keeps.
func BenchmarkBuildLinks10000(b *testing.B) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, 10000)
	opts := Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: generatedNow}
	problems := &diag.List{}
	cfg := loadConfig(opts, problems)
	parsed, _ := parse.Dir(sub(opts.Site, "content"), parse.Options{Config: cfg, Root: "content", Now: opts.Now})
	theme, _ := render.LoadTheme(layer(opts, "layouts"), cfg.Language)
	s := parsed.Site
	bodies := keepBodies(s)
	drawn := &charts{theme: theme, site: opts.Site, lang: cfg.Language}
	renderBodies(s, drawn, problems)
	manifest, err := collectAssets(opts, true, func() ([]byte, error) { return []byte(chartLibraryStandIn), nil })
	if err != nil {
		b.Fatal(err)
	}
	outputs, _ := theme.Plan(&render.Input{Site: s, Asset: manifest.URL})
	extra, err := siteFiles(s, outputs, opts.Now, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		found := &diag.List{}
		warnLinks(s, builtBodies(bodies), newLinkTargets(s, outputs, manifest, append(drawn.files, extra...), parsed.Skipped, nil), found)
		if len(found.Problems()) > 0 {
			b.Fatal(found.Problems()[0])
		}
	}
}

// BenchmarkSessionLinks10000 times the preview's link check of a
// 10,000-article site, which runs on every rebuild.
func BenchmarkSessionLinks10000(b *testing.B) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, 10000)
	s := NewSession(Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: generatedNow})
	if _, _, _, err := s.Build(context.Background(), nil, true); err != nil {
		b.Fatal(err)
	}
	parsed := s.parseContent(&diag.List{})
	b.ResetTimer()
	for b.Loop() {
		found := &diag.List{}
		s.checkLinks(parsed, s.last.tree, found)
		if len(found.Problems()) > 0 {
			b.Fatal(found.Problems()[0])
		}
	}
}

// BenchmarkSessionEdit10000 times the preview's rebuild of a
// 10,000-article site after one article changed, link check included.
func BenchmarkSessionEdit10000(b *testing.B) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, 10000)
	s := NewSession(Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Now: generatedNow})
	if _, _, _, err := s.Build(context.Background(), nil, true); err != nil {
		b.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
	name := names[len(names)/2]
	rel, _ := filepath.Rel(dir, name)
	text, _ := os.ReadFile(name)
	n := 0
	for b.Loop() {
		n++
		if err := os.WriteFile(name, append(text, fmt.Sprintf("\nThêm %d.\n", n)...), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := s.Build(context.Background(), []string{filepath.ToSlash(rel)}, false); err != nil {
			b.Fatal(err)
		}
	}
}
