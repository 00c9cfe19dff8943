package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almanac-news/almanac/internal/echarts/registrytest"
)

// TestFetchWritesALibraryAnOfflineSiteBuildsWith warms the cache (the
// user's, as a first chart build does), writes the bundle into a site,
// and builds that site's charts with the registry unreachable and an
// empty cache.
func TestFetchWritesALibraryAnOfflineSiteBuildsWith(t *testing.T) {
	files := map[string]string{
		"almanac.toml": "title = \"Thử\"\nlanguage = \"vi\"\nchart_library = \"vendor/echarts.js\"\n",
		"content/tin/a.md": "---\ntitle: Bài A\ndate: 2020-12-30T15:01:15+07:00\nfigures:\n" +
			"  - {indicator: x, label: X, period: \"2019\", value: 1}\n  - {indicator: x, period: \"2020\", value: 2}\n" +
			"charts:\n  - {id: c, type: column, title: Cột, indicators: [x]}\n---\nNội dung.\n",
	}
	dir := writeSite(t, files)
	library := filepath.Join(dir, "vendor", "echarts.js")
	runBinary(t, dir, nil, "fetch", "-o", library).expect(t, "almanac fetch -o", 0,
		[]string{"ECharts 6.1.0 is in the cache", "Wrote " + library}, nil)
	check := exec.Command("sha256sum", "-c", "echarts.js.sha256")
	check.Dir = filepath.Dir(library)
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("sha256sum -c: %v\n%s", err, out)
	}
	offline := []string{"ALMANAC_NPM_REGISTRY=" + registrytest.Closed(t), "ALMANAC_CACHE=" + t.TempDir()}
	runBinary(t, dir, offline, "build", "--strict").expect(t, "an offline build with chart_library", 0, []string{"Built "}, nil)
	page, err := os.ReadFile(filepath.Join(dir, "public", "tin", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "/js/echarts.") {
		t.Error("the page built offline does not load the site's chart library")
	}
}

func TestFetchWithoutARegistryFails(t *testing.T) {
	dir := writeSite(t, goodSite)
	env := []string{"ALMANAC_NPM_REGISTRY=" + registrytest.Closed(t), "ALMANAC_CACHE=" + t.TempDir()}
	runBinary(t, dir, env, "fetch").expect(t, "almanac fetch with the registry unreachable", 1, nil,
		[]string{"almanac fetch: ", "127.0.0.1"})
}
