package sitegen

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/build"
	"github.com/almanac-news/almanac/internal/slug"
)

// TestGeneratedSiteBuildsClean: a generated site builds with no error and
// no warning, so benchmarks measure builds that succeed as a newsroom's do.
func TestGeneratedSiteBuildsClean(t *testing.T) {
	dir := t.TempDir()
	s, err := Generate(Default(300))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	res, err := build.Run(context.Background(), build.Options{Site: os.DirFS(dir), Theme: almanac.Theme(),
		Dest: filepath.Join(dir, "public"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %v", w)
	}
	if len(res.Skipped) > 0 || res.Sections != 8*(1+3+2) {
		t.Errorf("%d articles left out, %d sections; want 0 and 48", len(res.Skipped), res.Sections)
	}
	for _, a := range s.Articles[:10] {
		if _, err := os.Stat(filepath.Join(dir, "public", a.Section, a.Name, "index.html")); err != nil {
			t.Errorf("article %d: %v", a.Index, err)
		}
	}
	csv := filepath.Join(dir, "public", s.Articles[2].Section, s.Articles[2].Name, "chart-bien-dong-*.csv")
	if m, _ := filepath.Glob(csv); len(m) != 1 {
		t.Errorf("article 2 carries figures, but its change chart's CSV is not written (%s)", csv)
	}
}

func TestSameConfigSameSite(t *testing.T) {
	a, _ := Generate(Default(50))
	b, _ := Generate(Default(50))
	other := Default(50)
	other.Seed = 2
	c, _ := Generate(other)
	same, differ := true, false
	for i := range a.Articles {
		sa := a.ArticleSource(&a.Articles[i])
		same = same && sa == b.ArticleSource(&b.Articles[i])
		differ = differ || sa != c.ArticleSource(&c.Articles[i])
	}
	if !same || !differ {
		t.Errorf("same seed gives the same articles: %v (want true); another seed differs: %v (want true)", same, differ)
	}
}

// TestShape checks the shape the package documentation promises.
func TestShape(t *testing.T) {
	cfg := Default(5000)
	cfg.Tags = 16
	s, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	tagCount, authors, sections, names := map[string]int{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	figures := 0
	for i, a := range s.Articles {
		if len(a.Tags) != 3 || len(slices.Compact(slices.Sorted(slices.Values(a.Tags)))) != 3 {
			t.Fatalf("article %d has tags %q, want 3 distinct", i, a.Tags)
		}
		for _, tag := range a.Tags {
			tagCount[tag]++
		}
		for _, au := range a.Authors {
			authors[au] = true
		}
		sections[a.Section] = true
		if names[a.Path()] || slug.Make(a.Name) != a.Name {
			t.Fatalf("article %d's file name %q is taken or not a slug", i, a.Name)
		}
		names[a.Path()] = true
		if a.Figures {
			figures++
		}
		if i > 0 && a.Date.Before(s.Articles[i-1].Date) {
			t.Fatalf("article %d is older than article %d", i, i-1)
		}
	}
	top, last := tagCount[s.Tags[0]], tagCount[s.Tags[15]]
	if len(tagCount) != 16 || top < 5000/2 || last > 5000/8 || top < 5*last {
		t.Errorf("tags: %d used, most popular on %d, least on %d articles of 5000; want 16, Zipf-like", len(tagCount), top, last)
	}
	if len(authors) < 35 || len(sections) != 48 || figures != 1000 {
		t.Errorf("%d authors, %d sections, %d articles with figures; want about 40, 48, 1000", len(authors), len(sections), figures)
	}
	deep := 0
	for sec := range sections {
		if strings.Count(sec, "/") == 2 {
			deep++
		}
	}
	if deep != 16 {
		t.Errorf("articles in %d sections three deep, want 16", deep)
	}
	span := s.Articles[len(s.Articles)-1].Date.Sub(s.Articles[0].Date)
	if span < 9*365*24*time.Hour || span > 10*366*24*time.Hour {
		t.Errorf("dates span %v, want ten years", span)
	}
}

func TestBodies(t *testing.T) {
	s, _ := Generate(Default(40))
	for i := range s.Articles {
		src := s.ArticleSource(&s.Articles[i])
		body := src[strings.Index(src, "\n---\n")+5:]
		if n := words(body); n < 600 || n > 800 {
			t.Errorf("article %d: %d words, want 600 to 800", i, n)
		}
		for _, want := range []string{"\n## ", "\n| --- |", "\n- "} {
			if !strings.Contains(body, want) {
				t.Errorf("article %d: no %q in the body", i, want)
			}
		}
		if s.Articles[i].Figures != strings.Contains(body, "```chart\n") {
			t.Errorf("article %d: figures %v, but chart block %v", i, s.Articles[i].Figures, !s.Articles[i].Figures)
		}
	}
}

func TestChangeOf(t *testing.T) {
	for _, tt := range []struct {
		before, now int
		want        string
	}{{70000, 68800, "-1.7"}, {100, 100, "0.0"}, {1000, 1125, "12.5"}, {3, 2, "-33.3"}, {10000, 9999, "0.0"}} {
		if got := changeOf(tt.before, tt.now); got != tt.want {
			t.Errorf("changeOf(%d, %d) = %s, want %s", tt.before, tt.now, got, tt.want)
		}
	}
}
