package render

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/almanac-news/almanac/internal/site"
	"github.com/almanac-news/almanac/internal/sitegen"
	"github.com/almanac-news/almanac/internal/slug"
)

// largeSite builds the model of a generated site of n articles
// (internal/sitegen: sections, tags, authors and dates shaped like a real
// archive), each article with about 3 kB of body HTML, every third with a
// picture. Figures and charts are left out: they are drawn before
// rendering, by the build.
func largeSite(tb testing.TB, n int) *site.Site { return generatedSite(tb, sitegen.Default(n)) }

func generatedSite(tb testing.TB, cfg sitegen.Config) *site.Site {
	gen, err := sitegen.Generate(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	s := fixtureSite()
	s.Config.PageSize = 10
	s.Config.Menu = nil
	s.Sections, s.Pages = nil, nil
	body := template.HTML(strings.Repeat("<p>Năm 2020, giá trị sản xuất công nghiệp ước đạt 68.800 tỷ đồng, giảm 1,7% so với năm 2019; kim ngạch xuất khẩu đạt 1.456 triệu USD.</p>\n", 20))
	sections := map[string]*site.Section{}
	for _, gs := range gen.Sections {
		sec := &site.Section{Path: gs.Name, Page: &site.Page{Kind: site.KindSection, Section: gs.Name, URL: "/" + gs.Name + "/", Title: gs.Title}}
		sections[gs.Name] = sec
		s.Sections = append(s.Sections, sec)
		s.Config.Menu = append(s.Config.Menu, site.MenuItem{Name: gs.Title, URL: sec.Page.URL, Weight: len(s.Config.Menu) + 1})
	}
	for i := len(gen.Articles) - 1; i >= 0; i-- { // newest first
		a := &gen.Articles[i]
		p := &site.Page{Kind: site.KindArticle, Section: a.Section, Source: a.Path(), Slug: a.Name, URL: a.URL(), Title: a.Title,
			Summary: a.Summary, Date: a.Date.In(ict), Authors: a.Authors, Rendered: site.PlainHTML(body)}
		if p.Summary == "" {
			p.Summary = "Tóm tắt bài viết về công nghiệp và thương mại của tỉnh."
		}
		for _, t := range a.Tags {
			p.Tags = append(p.Tags, site.Tag{Name: t, Slug: slug.Make(t)})
		}
		if i%3 == 0 {
			p.Image = &site.Image{Src: p.URL + "anh.jpg", Alt: "Ảnh", Caption: "Chú thích ảnh", Width: 1200, Height: 675}
		}
		sections[a.Section].Articles = append(sections[a.Section].Articles, p)
		s.Pages = append(s.Pages, p)
	}
	return s
}

// BenchmarkRender10000 plans and renders a 10,000-article site on every
// core, as the build does; one iteration is one whole site.
func BenchmarkRender10000(b *testing.B) {
	theme := loadDefaultTheme(b, "vi")
	s := largeSite(b, 10000)
	b.ResetTimer()
	for b.Loop() {
		outputs, problems := theme.Plan(&Input{Site: s, Asset: testAssets})
		if err := problems.Err(); err != nil {
			b.Fatal(err)
		}
		renderAll(b, outputs, runtime.GOMAXPROCS(0))
	}
}

func BenchmarkPlan10000(b *testing.B) {
	theme := loadDefaultTheme(b, "vi")
	s := largeSite(b, 10000)
	b.ResetTimer()
	for b.Loop() {
		theme.Plan(&Input{Site: s, Asset: testAssets})
	}
}

func renderAll(b *testing.B, outputs []Output, workers int) {
	jobs := make(chan Output)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := bufio.NewWriterSize(io.Discard, 32<<10)
			for o := range jobs {
				if err := o.Render(w); err != nil {
					b.Error(err)
				}
				w.Flush()
			}
		})
	}
	for _, o := range outputs {
		jobs <- o
	}
	close(jobs)
	wg.Wait()
}

// BenchmarkRelated chooses the related articles of every article of
// generated sites of 1,000, 10,000 and 30,000 articles, with the smallest
// realistic tag vocabulary (16 tags, the most popular on two articles in
// three) and the default one (50).
func BenchmarkRelated(b *testing.B) {
	for _, tags := range []int{16, 50} {
		for _, n := range []int{1000, 10000, 30000} {
			cfg := sitegen.Default(n)
			cfg.Tags = tags
			s := generatedSite(b, cfg)
			articles := siteArticles(s.Pages)
			b.Run(fmt.Sprintf("tags=%d/articles=%d", tags, n), func(b *testing.B) {
				for b.Loop() {
					relatedOfAll(articles)
				}
			})
		}
	}
}
