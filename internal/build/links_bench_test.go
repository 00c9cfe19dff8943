package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
)

// BenchmarkSessionLinks10000 times the link check of a 10,000-article
// site, which every build runs, and the preview on every rebuild.
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
		s.checkLinks(parsed, s.last.files, true, &lastPlan{}, found)
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
