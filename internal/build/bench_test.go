package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/parallel"

	"github.com/almanac-news/almanac"
)

// writeGeneratedSite writes a site of n articles of about 700 words, each
// with a table and a list, spread over five sections.
func writeGeneratedSite(tb testing.TB, dir string, n int) {
	tb.Helper()
	sections := []string{"cong-nghiep", "thuong-mai", "xuat-nhap-khau", "dau-tu", "thi-dua"}
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "almanac.toml"), []byte(
		"title = \"Bench\"\nlanguage = \"vi\"\ntime_zone = \"Asia/Ho_Chi_Minh\"\nbase_url = \"https://example.org/\"\n"), 0o644))
	for _, s := range sections {
		must(os.MkdirAll(filepath.Join(dir, "content", s), 0o755))
	}
	body := generatedBody()
	base := time.Date(2020, 1, 1, 8, 0, 0, 0, time.FixedZone("", 7*3600))
	for i := range n {
		sec := sections[i%len(sections)]
		fm := fmt.Sprintf("---\ntitle: \"Bài số %d về ngành Công Thương\"\ndate: %s\nauthor: Phóng viên %d\ntags: [Công nghiệp, Tỉnh %d]\nsummary: Tóm tắt bài số %d.\n---\n",
			i, base.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), i%7, i%50, i)
		must(os.WriteFile(filepath.Join(dir, "content", sec, fmt.Sprintf("bai-%05d.md", i)), []byte(fm+body), 0o644))
	}
}

func generatedBody() string {
	var b strings.Builder
	para := "Sáng nay, hội nghị tổng kết công tác năm của ngành Công Thương đã diễn ra với sự tham dự của lãnh đạo tỉnh, " +
		"các sở, ngành và doanh nghiệp. Trong bối cảnh dịch bệnh, sản xuất công nghiệp và thương mại gặp nhiều khó khăn, " +
		"nhưng ngành vẫn duy trì được đà phát triển, thu ngân sách vượt kế hoạch đề ra và thị trường cơ bản ổn định. "
	for s := range 6 {
		fmt.Fprintf(&b, "## Phần %d: kết quả và nhiệm vụ\n\n", s+1)
		b.WriteString(strings.Repeat(para, 2) + "\n\n")
		if s == 2 {
			b.WriteString("| Chỉ tiêu | Năm 2020 | So với 2019 |\n| --- | ---: | ---: |\n")
			b.WriteString("| Giá trị sản xuất công nghiệp | 68.800 tỷ đồng | −1,7% |\n| Tổng mức bán lẻ | 46.315 tỷ đồng | +2,6% |\n\n")
		}
		if s == 4 {
			b.WriteString("- Thu hút đầu tư vào cụm công nghiệp;\n- Phát triển hạ tầng thương mại và chợ dân sinh;\n- Chống buôn lậu, gian lận thương mại.\n\n")
		}
	}
	return b.String()
}

func benchmarkBuild(b *testing.B, n int) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public")})
		if err != nil {
			b.Fatal(err)
		}
		if res.Pages < n {
			b.Fatalf("%d pages for %d articles", res.Pages, n)
		}
	}
	b.StopTimer()
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MiB")
	}
}

func BenchmarkBuild1000(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10000(b *testing.B) { benchmarkBuild(b, 10000) }

// BenchmarkWriteFloor10000 writes the files of a 10,000-article build, the
// same paths and sizes, with os.MkdirAll and os.WriteFile and nothing
// else: the file-system floor under BenchmarkBuild10000 in the same run.
func BenchmarkWriteFloor10000(b *testing.B) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, 10000)
	public := filepath.Join(dir, "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: public}); err != nil {
		b.Fatal(err)
	}
	var files []string
	var sizes []int64
	_ = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			rel, _ := filepath.Rel(public, p)
			files, sizes = append(files, rel), append(sizes, info.Size())
		}
		return err
	})
	data := make([]byte, 1<<20)
	b.ResetTimer()
	for b.Loop() {
		out := filepath.Join(dir, "floor")
		parallelFloor(b, out, files, sizes, data)
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
	}
	b.ReportMetric(float64(len(files)), "files")
}

func parallelFloor(b *testing.B, out string, files []string, sizes []int64, data []byte) {
	parallel.For(len(files), func(i int) {
		p := filepath.Join(out, files[i])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Error(err)
		}
		if err := os.WriteFile(p, data[:min(sizes[i], int64(len(data)))], 0o644); err != nil {
			b.Error(err)
		}
	})
}
