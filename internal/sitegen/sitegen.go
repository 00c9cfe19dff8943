package sitegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/almanac-news/almanac/internal/parallel"
	"github.com/almanac-news/almanac/internal/slug"
)

// Config describes a site to generate; see the package documentation.
type Config struct {
	Articles       int       // articles in all
	Seed           uint64    // the same seed gives the same site
	Sections       int       // top-level sections, 1 or more
	Subsections    int       // subsections of each top-level section, 0 to 6
	Tags           int       // size of the tag vocabulary, TagsPerArticle or more
	TagsPerArticle int       // distinct tags per article
	Authors        int       // authors, 1 or more
	Years          int       // span of the articles' dates, 1 or more
	End            time.Time // the day of the newest articles, in its own location
}

// Default returns the configuration of a site of n articles with the
// package's default shape.
func Default(n int) Config {
	return Config{Articles: n, Seed: 1, Sections: 8, Subsections: 3, Tags: 50, TagsPerArticle: 3, Authors: 40, Years: 10,
		End: time.Date(2025, 12, 31, 0, 0, 0, 0, vietnam)}
}

// vietnam is Asia/Ho_Chi_Minh, which has kept UTC+7 since 1975.
var vietnam = time.FixedZone("ICT", 7*3600)

// Site is a generated site: what its files say, without the bodies.
type Site struct {
	Config   Config
	Sections []Section
	Tags     []string // the vocabulary, most popular first
	Authors  []string // most prolific first
	Articles []Article
}

// Section is one section, at any depth.
type Section struct {
	Name   string // its folders under content/, e.g. "cong-nghiep/tin-dia-phuong"
	Title  string
	Top    int // the index of its top-level section among the top-level ones
	Depth  int // 0 for a top-level section
	Weight int // its place among its parent's subsections; top-level sections are weighted by Top
}

// Article is the front matter of one article; Index is its number,
// 0 the oldest.
type Article struct {
	Index   int
	Section string // the folders of its section
	Name    string // the file name without .md, unique in the site
	Title   string
	Date    time.Time
	Authors []string
	Tags    []string // tag names as written
	Summary string   // empty when the article has none
	Figures bool     // whether it carries figures and charts
}

// Path is the article's file, relative to the site's folder.
func (a *Article) Path() string { return "content/" + a.Section + "/" + a.Name + ".md" }

// URL is the article's URL on the site.
func (a *Article) URL() string { return "/" + a.Section + "/" + a.Name + "/" }

// Generate makes the site's shape: sections, vocabulary, authors and every
// article's front matter. Bodies are made when the site is written.
func Generate(cfg Config) (*Site, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	s := &Site{Config: cfg, Sections: sectionNames(cfg.Sections, cfg.Subsections), Tags: tagNames(cfg.Tags), Authors: authorNames(cfg.Authors, cfg.Seed)}
	dates := spreadDates(cfg)
	sectionPick := newWeighted(cfg.Sections, 0.5)
	inside := make([][]int, cfg.Sections) // each top-level section's own index, then its descendants'
	for i, sec := range s.Sections {
		inside[sec.Top] = append(inside[sec.Top], i)
	}
	tagPick := newWeighted(len(s.Tags), 1)
	authorPick := newWeighted(len(s.Authors), 0.5)
	s.Articles = make([]Article, cfg.Articles)
	for i := range s.Articles {
		r := articleRand(cfg.Seed, i, 0)
		a := Article{Index: i, Date: dates[i], Section: s.Sections[pickSection(r, inside[sectionPick.draw(r)])].Name, Figures: i%5 == 2}
		a.Title = title(r)
		a.Name = fileName(a.Title, i)
		for _, t := range tagPick.drawDistinct(r, cfg.TagsPerArticle) {
			a.Tags = append(a.Tags, s.Tags[t])
		}
		authors := 1 + boolInt(r.IntN(10) == 0 && len(s.Authors) > 1)
		for _, au := range authorPick.drawDistinct(r, authors) {
			a.Authors = append(a.Authors, s.Authors[au])
		}
		if r.IntN(10) < 7 {
			a.Summary = sentence(r, 14, 24)
		}
		s.Articles[i] = a
	}
	return s, nil
}

// pickSection places an article of a top-level section: in the section
// itself one time in two, else in one of its descendants, drawn alike.
func pickSection(r *rand.Rand, inside []int) int {
	if len(inside) == 1 || r.IntN(2) == 0 {
		return inside[0]
	}
	return inside[1+r.IntN(len(inside)-1)]
}

func (cfg Config) check() error {
	switch {
	case cfg.Articles < 0:
		return fmt.Errorf("sitegen: %d articles", cfg.Articles)
	case cfg.Subsections < 0 || cfg.Subsections > len(subsectionTitles):
		return fmt.Errorf("sitegen: %d subsections, not 0 to %d", cfg.Subsections, len(subsectionTitles))
	case cfg.Sections < 1 || cfg.Authors < 1 || cfg.Years < 1 || cfg.TagsPerArticle < 1:
		return fmt.Errorf("sitegen: sections, authors, years and tags per article must be 1 or more")
	case cfg.Tags < cfg.TagsPerArticle || cfg.Tags > maxTags:
		return fmt.Errorf("sitegen: %d tags: the vocabulary needs %d to %d", cfg.Tags, cfg.TagsPerArticle, maxTags)
	case cfg.Authors > maxAuthors:
		return fmt.Errorf("sitegen: at most %d authors", maxAuthors)
	case cfg.End.IsZero():
		return fmt.Errorf("sitegen: no End date")
	}
	return nil
}

// articleRand is the random stream of one part (front matter, body) of
// article i, independent of every other, so that articles can be made
// in any order.
func articleRand(seed uint64, i, part int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)<<8|uint64(part)))
}

// spreadDates gives the articles' dates, oldest first: each day of the
// span weighs 10 to 30, and article i sits at (i+½)/n of the total
// weight, between 06:00 and 22:00 of its day.
func spreadDates(cfg Config) []time.Time {
	r := rand.New(rand.NewPCG(cfg.Seed, math.MaxUint64))
	end := time.Date(cfg.End.Year(), cfg.End.Month(), cfg.End.Day(), 0, 0, 0, 0, cfg.End.Location())
	start := end.AddDate(-cfg.Years, 0, 1)
	var weights []float64
	total := 0.0
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		w := float64(10 + r.IntN(21))
		weights = append(weights, w)
		total += w
	}
	dates := make([]time.Time, cfg.Articles)
	day, before := 0, 0.0 // the day at hand and the weight of the days before it
	for i := range dates {
		at := (float64(i) + 0.5) / float64(cfg.Articles) * total
		for at >= before+weights[day] && day < len(weights)-1 {
			before += weights[day]
			day++
		}
		minute := int((at - before) / weights[day] * 16 * 60)
		dates[i] = start.AddDate(0, 0, day).Add(6*time.Hour + time.Duration(min(minute, 16*60-1))*time.Minute)
	}
	return dates
}

// fileName is the article's file name: the first words of its title made
// URL-safe, then its number.
func fileName(title string, i int) string {
	words := strings.Fields(title)
	return slug.Make(strings.Join(words[:min(6, len(words))], " ")) + "-" + strconv.Itoa(i)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Write writes the site into dir, which must exist: almanac.toml, the
// home page, the sections' _index.md and every article.
func (s *Site) Write(dir string) error {
	if err := writeFile(dir, "almanac.toml", s.configFile()); err != nil {
		return err
	}
	if err := writeFile(dir, "content/_index.md", "---\ntitle: \"Trang chủ\"\n---\n\nTin tức của ngành Công Thương tỉnh.\n"); err != nil {
		return err
	}
	for _, sec := range s.Sections {
		weight := sec.Weight
		if sec.Depth == 0 {
			weight = sec.Top + 1
		}
		text := fmt.Sprintf("---\ntitle: %s\nweight: %d\n---\n\nTin %s của ngành.\n", strconv.Quote(sec.Title), weight, strings.ToLower(sec.Title))
		if err := writeFile(dir, "content/"+sec.Name+"/_index.md", text); err != nil {
			return err
		}
	}
	errs := make([]error, len(s.Articles))
	parallel.For(len(s.Articles), func(i int) {
		a := &s.Articles[i]
		errs[i] = writeFile(dir, a.Path(), s.ArticleSource(a))
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Site) configFile() string {
	var b strings.Builder
	b.WriteString("title = \"Tin Công Thương\"\ndescription = \"Trang tin tổng hợp của ngành Công Thương tỉnh.\"\n")
	b.WriteString("base_url = \"https://tin.example.org/\"\nlanguage = \"vi\"\ntime_zone = \"Asia/Ho_Chi_Minh\"\n")
	b.WriteString("author = \"Ban biên tập\"\npage_size = 10\n")
	for _, sec := range s.Sections {
		if sec.Depth == 0 {
			fmt.Fprintf(&b, "\n[[menu]]\nname = %s\nurl = \"/%s/\"\nweight = %d\n", strconv.Quote(sec.Title), sec.Name, sec.Top+1)
		}
	}
	return b.String()
}

func writeFile(dir, name, text string) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}
