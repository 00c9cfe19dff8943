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
	"time"

	"github.com/almanac-news/almanac/internal/site"
)

// largeSite builds a site of n articles in 10 sections, each article with
// about 3 kB of body HTML, two authors and tags, every third with a picture.
func largeSite(n int) *site.Site {
	s := fixtureSite()
	s.Config.PageSize = 10
	s.Sections, s.Pages = nil, nil
	body := template.HTML(strings.Repeat("<p>Năm 2020, giá trị sản xuất công nghiệp ước đạt 68.800 tỷ đồng, giảm 1,7% so với năm 2019; kim ngạch xuất khẩu đạt 1.456 triệu USD.</p>\n", 20))
	for i := range 10 {
		name := fmt.Sprintf("chuyen-muc-%d", i)
		s.Sections = append(s.Sections, &site.Section{Name: name, Page: &site.Page{
			Kind: site.KindSection, Section: name, URL: "/" + name + "/", Title: fmt.Sprintf("Chuyên mục %d", i)}})
	}
	start := time.Date(2020, 12, 30, 15, 0, 0, 0, ict)
	for i := range n {
		sec := s.Sections[i%10]
		p := &site.Page{Kind: site.KindArticle, Section: sec.Name, Source: fmt.Sprintf("content/%s/bai-%d.md", sec.Name, i),
			URL: fmt.Sprintf("/%s/bai-%d/", sec.Name, i), Title: fmt.Sprintf("Bài viết số %d về sản xuất công nghiệp", i),
			Summary: "Tóm tắt bài viết về công nghiệp và thương mại của tỉnh trong năm 2020.",
			Date:    start.Add(-time.Duration(i) * time.Hour), Authors: []string{"Nguyễn Văn An", "Trần Thị Bình"},
			Tags: []site.Tag{{Name: "Công nghiệp", Slug: "cong-nghiep"}}, Content: body}
		if i%3 == 0 {
			p.Image = &site.Image{Src: p.URL + "anh.jpg", Alt: "Ảnh", Caption: "Chú thích ảnh", Width: 1200, Height: 675}
		}
		sec.Articles = append(sec.Articles, p)
		s.Pages = append(s.Pages, p)
	}
	return s
}

// BenchmarkRender10000 plans and renders a 10,000-article site on every
// core, as the build does; one iteration is one whole site.
func BenchmarkRender10000(b *testing.B) {
	theme := loadDefaultTheme(b, "vi")
	s := largeSite(10000)
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
	s := largeSite(10000)
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
