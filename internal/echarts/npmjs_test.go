package echarts

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// maxGzippedBytes is the chart JavaScript budget of a page.
const maxGzippedBytes = 250_000

// refusingTransport fails every request, proving a call needs no network.
type refusingTransport struct{}

func (refusingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("this call must not use the network")
}

// TestBundleFromNPM fetches the pinned packages from registry.npmjs.org.
func TestBundleFromNPM(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads ECharts from registry.npmjs.org")
	}
	ctx := context.Background()
	dir := t.TempDir()
	start := time.Now()
	js, err := Bundle(ctx, Options{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	cold := time.Since(start)

	start = time.Now()
	warm, err := Bundle(ctx, Options{CacheDir: dir, Client: &http.Client{Transport: refusingTransport{}}})
	if err != nil {
		t.Fatalf("second call: %v", err)
	}
	warmTime := time.Since(start)
	if !bytes.Equal(warm, js) {
		t.Error("the cached bundle differs from the first")
	}
	if warmTime > time.Second {
		t.Errorf("second call took %v; it should only read the cached bundle", warmTime)
	}
	size := gzippedSize(t, js)
	t.Logf("ECharts %s bundle: %d bytes, %d bytes gzipped; cold call %v, warm call %v", Version, len(js), size, cold, warmTime)
	if size > maxGzippedBytes {
		t.Errorf("bundle is %d bytes gzipped, over the %d byte budget", size, maxGzippedBytes)
	}
	assertLoadsNothing(t, js)
	assertRebuildIsIdentical(t, dir, js)
	assertChartsRenderInNode(t, js)
}

func gzippedSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// assertLoadsNothing checks that the bundle names no other host and has no
// way of loading more script.
func assertLoadsNothing(t *testing.T, js []byte) {
	t.Helper()
	// XML namespace names are identifiers that are never fetched; the
	// licence link sits in a comment.
	allowedURLs := map[string]bool{
		"http://www.w3.org/2000/svg":                            true,
		"http://www.w3.org/1999/xlink":                          true,
		"http://www.w3.org/2000/xmlns/":                         true,
		"http://www.w3.org/XML/1998/namespace":                  true,
		"https://github.com/ecomfe/zrender/blob/master/LICENSE": true,
	}
	for _, url := range regexp.MustCompile(`https?://[^"'\s)*]*`).FindAllString(string(js), -1) {
		if !allowedURLs[url] {
			t.Errorf("bundle contains URL %s", url)
		}
	}
	for _, loader := range []string{"importScripts", "import(", `createElement("script")`, "<script"} {
		if strings.Contains(string(js), loader) {
			t.Errorf("bundle contains %q", loader)
		}
	}
	if !bytes.HasPrefix(js, []byte("/*! Bundled by Almanac from echarts@"+Version)) || !bytes.Contains(js, []byte("window.echarts=")) {
		t.Errorf("bundle does not start with its banner or does not set window.echarts: %.200s", js)
	}
}

// assertRebuildIsIdentical drops the cached bundle and rebuilds it offline
// from the package cache; esbuild must produce the same bytes.
func assertRebuildIsIdentical(t *testing.T, dir string, js []byte) {
	t.Helper()
	if err := os.Remove(bundleCachePath(dir, pinnedPackages())); err != nil {
		t.Fatal(err)
	}
	rebuilt, err := Bundle(context.Background(), Options{CacheDir: dir, Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rebuilt, js) {
		t.Error("rebuilding from the same packages produced different bytes")
	}
}

// assertChartsRenderInNode renders a bar+line chart and a pie chart to SVG
// with ECharts' server-side rendering, which needs no DOM, and checks the
// registered components took part.
func assertChartsRenderInNode(t *testing.T, js []byte) {
	t.Helper()
	got := runInNode(t, js, `
const e = window.echarts;
const opts = {renderer: 'svg', ssr: true, width: 400, height: 300, animation: false};
const c = e.init(null, null, opts);
c.setOption({
  animation: false,
  aria: {enabled: true, decal: {show: true}}, title: {text: 'Lạm phát 2024'}, tooltip: {}, legend: {},
  dataset: {source: [['m', 'a', 'b'], ['T1', 1, 3], ['T2', 2, 1]]},
  xAxis: {type: 'category'}, yAxis: {},
  series: [{type: 'bar', markLine: {data: [{type: 'average'}]}}, {type: 'line'}],
});
const svg = c.renderToSVGString();
const m = c.getModel();
const p = e.init(null, null, opts);
p.setOption({animation: false, series: [{type: 'pie', data: [{name: 'x', value: 1}, {name: 'y', value: 2}]}]});
console.log([
  e.version, typeof e.init, typeof e.use, typeof e.getInstanceByDom,
  svg.includes('Lạm phát 2024'), svg.includes('<pattern'),
  ['title', 'legend', 'tooltip', 'grid', 'dataset', 'markLine'].every(k => m.getComponent(k)),
  p.renderToSVGString().includes('<path'),
].join(' '));
`)
	want := Version + " function function function true true true true"
	if got != want {
		t.Errorf("node printed %q, want %q (version, API, title drawn, aria decal, components, pie)", got, want)
	}
}
