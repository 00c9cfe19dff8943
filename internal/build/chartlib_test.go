package build

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/almanac-news/almanac"
	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/echarts"
	"github.com/almanac-news/almanac/internal/echarts/registrytest"
)

// The hint of the charts-as-tables warning, as docs/content.md and the
// README quote it.
const wantTablesHint = `to draw them, set ALMANAC_NPM_REGISTRY to an npm registry this machine can reach, ` +
	`run "almanac fetch" where one is reachable, or set chart_library in almanac.toml to a file written by "almanac fetch --output"`

// clearRegistryEnv unsets the variables that choose a registry.
func clearRegistryEnv(t *testing.T) {
	t.Helper()
	for _, name := range append([]string{echarts.RegistryEnv}, echarts.NPMConfigEnvs...) {
		t.Setenv(name, "")
	}
}

// offlineOptions builds dir with an empty cache, logging to log.
func offlineOptions(t *testing.T, dir string, log *bytes.Buffer) Options {
	return Options{Site: os.DirFS(dir), Theme: almanac.Theme(), Dest: filepath.Join(dir, "public"), Now: buildTime,
		ECharts: echarts.Options{CacheDir: t.TempDir(), Log: log}}
}

var chartScript = regexp.MustCompile(`<script[^>]+src="[^"]*(echarts|charts)[^"]*"`)

// assertChartsAsTables checks that every chart page shows its table and
// loads no chart script, and that no chart library is published.
func assertChartsAsTables(t *testing.T, files map[string][]byte) {
	t.Helper()
	for page, want := range map[string][]string{
		"tin-tuc/san-xuat/index.html":  {"68.800", "70.000"},
		"tin-tuc/xuat-khau/index.html": {"1.250", "1.100"},
	} {
		html := string(files[page])
		if strings.Count(html, `<table class="chart__table">`) == 0 {
			t.Errorf("%s has no chart table", page)
		}
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s does not show %s", page, w)
			}
		}
		if m := chartScript.FindString(html); m != "" {
			t.Errorf("%s loads a chart script without the chart library: %s", page, m)
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "assets/js/echarts") {
			t.Errorf("%s is published although the chart library could not be had", name)
		}
	}
}

// TestUnreachableRegistryShowsChartsAsTables builds a site with charts on
// a machine with an empty cache whose registry refuses connections: the
// build succeeds, with one warning, and so does the preview's session.
func TestUnreachableRegistryShowsChartsAsTables(t *testing.T) {
	dir := extract(t, "offline-charts.txtar")
	clearRegistryEnv(t)
	registry := registrytest.Closed(t)
	t.Setenv(echarts.RegistryEnv, registry)
	var log bytes.Buffer
	opts := offlineOptions(t, dir, &log)
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("the build failed: %v", err)
	}
	if len(res.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", res.Warnings)
	}
	w := res.Warnings[0]
	wantMsg := "charts are shown as data tables because the chart library, ECharts " + echarts.Version +
		", could not be had: it is not in the cache (" + opts.ECharts.CacheDir + ") and could not be downloaded from " + registry + ": "
	if w.Pos != (diag.Pos{File: "almanac.toml"}) || !strings.HasPrefix(w.Msg, wantMsg) || !strings.Contains(w.Msg, "connection refused") ||
		w.Hint != wantTablesHint {
		t.Errorf("warning:\n%v\nwant at almanac.toml: %s…connection refused; %s", w, wantMsg, wantTablesHint)
	}
	if want := "Fetching echarts@" + echarts.Version + " from " + registry + " (first chart build; cached in " + opts.ECharts.CacheDir + ")\n"; log.String() != want {
		t.Errorf("log %q, want %q", log.String(), want)
	}
	full := tree(t, opts.Dest)
	assertChartsAsTables(t, full)

	// The preview shows the same pages with the same warning, and does not
	// try the registry again on every save.
	log.Reset()
	s := NewSession(opts)
	got, _, res, err := s.Build(context.Background(), nil, true)
	if err != nil || len(res.Warnings) != 1 || res.Warnings[0].Error() != w.Error() {
		t.Fatalf("session build: %v, warnings %v", err, res)
	}
	gotFiles := files(t, got)
	for name, want := range full {
		if !bytes.Equal(gotFiles[name], want) {
			t.Errorf("the session's %s differs from the full build's", name)
		}
	}
	rewrite(t, dir, "content/tin-tuc/xuat-khau.md", func(s string) string { return strings.Replace(s, "tăng.", "tăng mạnh.", 1) })
	got, _, res, err = s.Build(context.Background(), []string{"content/tin-tuc/xuat-khau.md"}, false)
	if err != nil || len(res.Warnings) != 1 {
		t.Fatalf("second session build: %v, %v", err, res)
	}
	assertChartsAsTables(t, files(t, got))
	if n := strings.Count(log.String(), "Fetching"); n != 1 {
		t.Errorf("two preview builds tried the registry %d times, want once:\n%s", n, log.String())
	}
}

// TestSiteRegistryIsUsed points chart_registry at a loopback mirror that
// passes on npmjs' tarball URLs, as a mirror copying npmjs' documents
// does, and serves tarballs that do not match the pinned integrity. The
// client reaches only the mirror, so every tarball must be fetched from it;
// the build succeeds with charts as tables and says why.
func TestSiteRegistryIsUsed(t *testing.T) {
	dir := extract(t, "offline-charts.txtar")
	clearRegistryEnv(t)
	reg := registrytest.Start(t)
	reg.TarballBase = "https://registry.npmjs.org"
	for _, p := range []struct{ name, version, integrity string }{
		{"echarts", echarts.Version, echarts.Integrity},
		{"zrender", echarts.ZRenderVersion, echarts.ZRenderIntegrity},
		{"tslib", echarts.TSLibVersion, echarts.TSLibIntegrity},
	} {
		reg.Publish(p.name, p.version, p.integrity, []byte("not the real "+p.name))
	}
	writeFile(t, dir, "almanac.toml", "title = \"Tin Công Thương\"\nlanguage = \"vi\"\n\nchart_registry = \""+reg.URL+"/\"\n")
	var log bytes.Buffer
	opts := offlineOptions(t, dir, &log)
	opts.ECharts.Client = reg.Client()
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("the build failed: %v", err)
	}
	tarball := "/echarts/-/echarts-" + echarts.Version + ".tgz"
	for _, path := range []string{"/echarts", tarball} {
		if !reg.Requested(path) {
			t.Errorf("the mirror was not asked for %s", path)
		}
	}
	want := "almanac.toml: warning: charts are shown as data tables because the chart library, ECharts " + echarts.Version +
		", could not be had: echarts@" + echarts.Version + " downloaded from " + reg.URL + tarball +
		" did not match its pinned integrity, so nothing was unpacked; " + wantTablesHint
	if len(res.Warnings) != 1 || res.Warnings[0].Error() != want {
		t.Errorf("warnings %v\nwant %s", res.Warnings, want)
	}
	if !strings.HasPrefix(log.String(), "Fetching echarts@"+echarts.Version+" from "+reg.URL+" ") {
		t.Errorf("log %q does not name the mirror", log.String())
	}
	assertChartsAsTables(t, tree(t, opts.Dest))
}

// noNetwork refuses every request.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("this build must not use the network")
}

// fakeLibrary is a stand-in for a bundle written by almanac fetch --output.
func fakeLibrary(version string) []byte {
	return []byte("/*! Bundled by Almanac from echarts@" + version + ", zrender@6.1.0, tslib@2.3.0 */\n(()=>{window.echarts={init(){}}})();\n")
}

func TestChartLibraryFile(t *testing.T) {
	dir := extract(t, "offline-charts.txtar")
	writeFile(t, dir, "almanac.toml", "title = \"Tin\"\nlanguage = \"vi\"\nchart_library = \"vendor/echarts.js\"\n")
	lib := fakeLibrary(echarts.Version)
	if err := echarts.WriteLibrary(filepath.Join(dir, "vendor", "echarts.js"), lib); err != nil {
		t.Fatal(err)
	}
	opts := offlineOptions(t, dir, nil)
	opts.ECharts.Client = &http.Client{Transport: noNetwork{}}
	res, err := Run(context.Background(), opts)
	if err != nil || len(res.Warnings) != 0 {
		t.Fatalf("build: %v, warnings %v", err, res)
	}
	files := tree(t, opts.Dest)
	var published string
	for name, data := range files {
		if strings.HasPrefix(name, "assets/js/echarts.") && bytes.Equal(data, lib) {
			published = name
		}
	}
	if published == "" {
		t.Fatal("the chart library file is not published")
	}
	if !strings.Contains(string(files["tin-tuc/san-xuat/index.html"]), `src="/`+published+`"`) {
		t.Errorf("the chart page does not load %s", published)
	}
	if _, ok := files["vendor/echarts.js"]; ok {
		t.Error("vendor/echarts.js is published as it is")
	}
}

func TestChartLibraryFileProblems(t *testing.T) {
	tests := []struct {
		name    string
		write   func(t *testing.T, dir string)
		want    string
		warning bool
	}{
		{"missing", func(t *testing.T, dir string) {},
			"almanac.toml:3:17: chart library vendor/echarts.js cannot be read: file does not exist", false},
		{"changed after writing", func(t *testing.T, dir string) {
			echarts.WriteLibrary(filepath.Join(dir, "vendor", "echarts.js"), fakeLibrary(echarts.Version))
			writeFile(t, dir, "vendor/echarts.js", string(fakeLibrary(echarts.Version))+"// edited\n")
		}, "almanac.toml:3:17: chart library vendor/echarts.js does not match the sha256 recorded in echarts.js.sha256", false},
		{"another version", func(t *testing.T, dir string) {
			echarts.WriteLibrary(filepath.Join(dir, "vendor", "echarts.js"), fakeLibrary("5.4.3"))
		}, "almanac.toml:3:17: warning: chart library vendor/echarts.js is ECharts 5.4.3; this Almanac draws charts for ECharts " +
			echarts.Version + "; write it again with almanac fetch --output vendor/echarts.js", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := extract(t, "offline-charts.txtar")
			writeFile(t, dir, "almanac.toml", "title = \"Tin\"\nlanguage = \"vi\"\nchart_library = \"vendor/echarts.js\"\n")
			tt.write(t, dir)
			opts := offlineOptions(t, dir, nil)
			opts.ECharts.Client = &http.Client{Transport: noNetwork{}}
			res, err := Run(context.Background(), opts)
			var got []string
			var errs diag.Errors
			switch {
			case tt.warning && err == nil:
				for _, w := range res.Warnings {
					got = append(got, w.Error())
				}
			case !tt.warning && errors.As(err, &errs):
				for _, p := range errs {
					got = append(got, p.Error())
				}
			default:
				t.Fatalf("build: %v, %v", err, res)
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Errorf("problems %q, want one starting %q", got, tt.want)
			}
		})
	}
}

// TestCheckReadsChartLibrary: almanac check finds a bad chart_library file
// as a build does, without the network.
func TestCheckReadsChartLibrary(t *testing.T) {
	dir := extract(t, "offline-charts.txtar")
	writeFile(t, dir, "almanac.toml", "title = \"Tin\"\nlanguage = \"vi\"\nchart_library = \"vendor/echarts.js\"\n")
	writeFile(t, dir, "vendor/echarts.js", "alert(1)\n")
	res, err := Check(context.Background(), offlineOptions(t, dir, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := "almanac.toml:3:17: chart library vendor/echarts.js has no echarts.js.sha256 beside it, so it cannot be checked"
	if errs := res.Errors(); len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) {
		t.Errorf("errors %v, want one starting %q", errs, want)
	}
}

// TestUnwritableCacheWarning: a cache folder that cannot be made (its
// parent is a regular file, which stops root too) leaves charts as tables,
// and the warning says to set ALMANAC_CACHE.
func TestUnwritableCacheWarning(t *testing.T) {
	dir := extract(t, "offline-charts.txtar")
	clearRegistryEnv(t)
	opts := offlineOptions(t, dir, nil)
	file := filepath.Join(t.TempDir(), "a-file")
	writeFile(t, filepath.Dir(file), "a-file", "")
	opts.ECharts.CacheDir = filepath.Join(file, "almanac")
	opts.ECharts.Client = &http.Client{Transport: noNetwork{}}
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := "cannot write to the chart library cache " + opts.ECharts.CacheDir
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, want) ||
		!strings.Contains(res.Warnings[0].Msg, "set ALMANAC_CACHE to a writable directory") {
		t.Errorf("warnings %v, want one saying %q and to set ALMANAC_CACHE", res.Warnings, want)
	}
	assertChartsAsTables(t, tree(t, opts.Dest))
}
