package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChartCSVNameTakenByBundleFile(t *testing.T) {
	dir := extract(t, "feeds.txtar")
	bundle := filepath.Join(dir, "content", "cong-thuong", "a")
	must(t, os.MkdirAll(bundle, 0o755))
	must(t, os.Rename(filepath.Join(dir, "content", "cong-thuong", "a.md"), filepath.Join(bundle, "index.md")))
	writeFile(t, dir, "content/cong-thuong/a/chart-xk.csv", "a,b\n1,2\n")
	_, err := buildSite(dir)
	if err == nil || !strings.Contains(err.Error(), "content/cong-thuong/a/index.md:") ||
		!strings.Contains(err.Error(), "chart xk writes its data to chart-xk.csv") {
		t.Fatalf("err = %v, want the clash at the chart's line", err)
	}
}

func TestChartCSVLinkIsRelative(t *testing.T) {
	dir := extract(t, "feeds.txtar")
	rewrite(t, dir, "almanac.toml", func(s string) string {
		return strings.Replace(s, `base_url = "https://tin.example/"`, `base_url = "https://tin.example/tin-tuc/"`, 1)
	})
	if _, err := buildSite(dir); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "cong-thuong", "a", "index.html"))
	must(t, err)
	if !strings.Contains(string(page), `href="chart-xk.csv" download`) {
		t.Error("the CSV download is not linked beside the page")
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "cong-thuong", "a", "chart-xk.csv")); err != nil {
		t.Error(err)
	}
}

func TestSessionReportsChartCSVNameTaken(t *testing.T) {
	dir := extract(t, "feeds.txtar")
	bundle := filepath.Join(dir, "content", "cong-thuong", "a")
	must(t, os.MkdirAll(bundle, 0o755))
	must(t, os.Rename(filepath.Join(dir, "content", "cong-thuong", "a.md"), filepath.Join(bundle, "index.md")))
	writeFile(t, dir, "content/cong-thuong/a/chart-xk.csv", "a,b\n1,2\n")
	_, _, _, err := newTestSession(dir).Build(context.Background(), nil, true)
	if err == nil || !strings.Contains(err.Error(), "chart xk writes its data to chart-xk.csv") {
		t.Fatalf("err = %v, want the clash, as a full build reports it", err)
	}
}
