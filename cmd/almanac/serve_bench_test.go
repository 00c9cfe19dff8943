package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/sitegen"
)

// BenchmarkSaveToReload measures what a journalist waits for: from the
// write of an article to the "reload" event reaching the open page,
// debounce included. It reports the median and the 90th percentile.
func BenchmarkSaveToReload(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		dir := b.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
			b.Fatal(err)
		}
		writeSiteFile(b, dir, "almanac.toml", readSiteFile(b, filepath.Join("..", ".."), "almanac.toml"))
		benchmarkSaveToReload(b, dir, "content/cong-thuong/chi-tieu-nam-2021.md", time.Time{})
	})
	b.Run("articles-10000", func(b *testing.B) {
		dir := b.TempDir()
		s := writeGeneratedSite(b, dir, 10000)
		benchmarkSaveToReload(b, dir, s.Articles[len(s.Articles)/2].Path(), previewNow)
	})
}

// writeGeneratedSite writes a site of n articles shaped like a real
// archive (internal/sitegen's defaults: 8 sections, 3 tags each from 50,
// 40 authors, ten years, a fifth with figures and two charts), its newest
// articles on 2020-12-31 in Vietnam's time, before previewNow, so that
// all are published.
func writeGeneratedSite(tb testing.TB, dir string, n int) *sitegen.Site {
	tb.Helper()
	cfg := sitegen.Default(n)
	cfg.End = time.Date(2020, 12, 31, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	s, err := sitegen.Generate(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Write(dir); err != nil {
		tb.Fatal(err)
	}
	return s
}

// benchmarkSaveToReload edits the body of one article per iteration of
// the preview of dir built at now (the zero time for the clock's).
func benchmarkSaveToReload(b *testing.B, dir, article string, now time.Time) {
	r := startPreview(b, dir, now)
	original := readSiteFile(b, dir, article)
	file := filepath.Join(dir, filepath.FromSlash(article))
	var took []time.Duration
	for b.Loop() {
		edited := fmt.Appendf(nil, "%s\nĐoạn sửa lần thứ %d.\n", original, len(took)+1)
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		r.expect(b, "reload")
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	if lines := r.rebuildLines(); len(lines) > 0 {
		b.Logf("first build: %s\nlast rebuild: %s", lines[0], lines[len(lines)-1])
	}
	milliseconds := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(milliseconds(took[(len(took)-1)/2]), "median-ms")
	b.ReportMetric(milliseconds(took[(len(took)*9+9)/10-1]), "p90-ms")
}

// writeManyArticles writes a site of n articles of about 700 words, each
// with a table and a list, spread over five sections: the load tests'
// site (serve_load_test.go), whose articles all share the tag
// "Công nghiệp".
func writeManyArticles(tb testing.TB, dir string, n int) {
	tb.Helper()
	writeSiteFile(tb, dir, "almanac.toml",
		"title = \"Bench\"\nlanguage = \"vi\"\ntime_zone = \"Asia/Ho_Chi_Minh\"\nbase_url = \"https://example.org/\"\n")
	sections := []string{"cong-nghiep", "thuong-mai", "xuat-nhap-khau", "dau-tu", "thi-dua"}
	body := articleBody()
	base := time.Date(2020, 1, 1, 8, 0, 0, 0, time.FixedZone("", 7*3600))
	for i := range n {
		front := fmt.Sprintf("---\ntitle: \"Bài số %d về ngành Công Thương\"\ndate: %s\nauthor: Phóng viên %d\ntags: [Công nghiệp, Tỉnh %d]\nsummary: Tóm tắt bài số %d.\n---\n",
			i, base.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), i%7, i%50, i)
		writeSiteFile(tb, dir, fmt.Sprintf("content/%s/bai-%05d.md", sections[i%len(sections)], i), front+body)
	}
}

func articleBody() string {
	var b strings.Builder
	para := "Sáng nay, hội nghị tổng kết công tác năm của ngành Công Thương đã diễn ra với sự tham dự của lãnh đạo tỉnh, " +
		"các sở, ngành và doanh nghiệp. Trong bối cảnh dịch bệnh, sản xuất công nghiệp và thương mại gặp nhiều khó khăn, " +
		"nhưng ngành vẫn duy trì được đà phát triển, thu ngân sách vượt kế hoạch đề ra và thị trường cơ bản ổn định. "
	for s := range 6 {
		fmt.Fprintf(&b, "## Phần %d: kết quả và nhiệm vụ\n\n%s\n\n", s+1, strings.Repeat(para, 2))
		if s == 2 {
			b.WriteString("| Chỉ tiêu | Năm 2020 | So với 2019 |\n| --- | ---: | ---: |\n" +
				"| Giá trị sản xuất công nghiệp | 68.800 tỷ đồng | −1,7% |\n| Tổng mức bán lẻ | 46.315 tỷ đồng | +2,6% |\n\n")
		}
		if s == 4 {
			b.WriteString("- Thu hút đầu tư vào cụm công nghiệp;\n- Phát triển hạ tầng thương mại và chợ dân sinh;\n- Chống buôn lậu, gian lận thương mại.\n\n")
		}
	}
	return b.String()
}
