package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/almanac-news/almanac/internal/parallel"
	"github.com/almanac-news/almanac/internal/sitegen"

	"github.com/almanac-news/almanac"
)

// generatedEnd is the day of the newest articles of writeGeneratedSite's
// sites, before buildTime, so that tests building them at buildTime
// publish every article; generatedNow is a build time just after it.
var (
	generatedEnd = time.Date(2020, 12, 31, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	generatedNow = generatedEnd.Add(23 * time.Hour)
)

// writeGeneratedSite writes a site of n articles shaped like a real
// archive (internal/sitegen's defaults: 8 sections, 3 tags each from 50,
// 40 authors, ten years, a fifth with figures and two charts), its newest
// articles on generatedEnd.
func writeGeneratedSite(tb testing.TB, dir string, n int) {
	tb.Helper()
	cfg := sitegen.Default(n)
	cfg.End = generatedEnd
	s, err := sitegen.Generate(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Write(dir); err != nil {
		tb.Fatal(err)
	}
}

func benchmarkBuild(b *testing.B, n int) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"), Now: generatedNow})
		if err != nil {
			b.Fatal(err)
		}
		if res.Pages < n || len(res.Warnings) > 0 {
			b.Fatalf("%d pages for %d articles, %d warnings", res.Pages, n, len(res.Warnings))
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
func BenchmarkBuild30000(b *testing.B) { benchmarkBuild(b, 30000) }

// BenchmarkWriteFloor10000 writes the files of a 10,000-article build, the
// same paths and sizes, with os.MkdirAll and os.WriteFile and nothing
// else: the file-system floor under BenchmarkBuild10000 in the same run.
func BenchmarkWriteFloor10000(b *testing.B) {
	dir := b.TempDir()
	writeGeneratedSite(b, dir, 10000)
	public := filepath.Join(dir, "public")
	if _, err := Run(context.Background(), Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: public, Now: generatedNow}); err != nil {
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
