package echarts

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// tarEntry is one entry of a hand-made tarball.
type tarEntry struct {
	Name     string
	Body     string
	Typeflag byte   // tar.TypeReg when zero
	Linkname string // for links
}

// makeTarball returns a gzipped tarball of entries.
func makeTarball(t *testing.T, entries []tarEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		hdr := &tar.Header{Name: e.Name, Mode: 0o644, Typeflag: e.Typeflag, Linkname: e.Linkname}
		if hdr.Typeflag == 0 {
			hdr.Typeflag = tar.TypeReg
		}
		if hdr.Typeflag == tar.TypeReg {
			hdr.Size = int64(len(e.Body))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(e.Body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// integrityOf is the npm dist.integrity of data.
func integrityOf(data []byte) string {
	sum := sha512.Sum512(data)
	return "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
}

// fakeRegistry serves package documents and tarballs at npm's paths and
// counts requests. Its client reaches the fake registry only: a request
// for any other host, such as registry.npmjs.org, fails.
type fakeRegistry struct {
	srv      *httptest.Server
	tarballs map[string][]byte              // URL path → tarball
	docs     map[string]map[string]distInfo // package name → version → dist
	// tarballBase is what the documents' dist.tarball URLs start with:
	// the server itself unless a test changes it.
	tarballBase string
	requests    atomic.Int64
	paths       sync.Map // URL path → true, for every request
}

// distInfo is a version's dist object in a package document.
type distInfo struct {
	Tarball   string `json:"tarball"`
	Integrity string `json:"integrity"`
}

func newFakeRegistry(t *testing.T) *fakeRegistry {
	t.Helper()
	reg := &fakeRegistry{tarballs: map[string][]byte{}, docs: map[string]map[string]distInfo{}}
	reg.srv = httptest.NewServer(http.HandlerFunc(reg.serve))
	reg.tarballBase = reg.srv.URL
	t.Cleanup(reg.srv.Close)
	return reg
}

func (reg *fakeRegistry) serve(w http.ResponseWriter, r *http.Request) {
	reg.requests.Add(1)
	reg.paths.Store(r.URL.Path, true)
	if versions, ok := reg.docs[strings.TrimPrefix(r.URL.Path, "/")]; ok {
		doc := map[string]any{"versions": map[string]any{}}
		for v, dist := range versions {
			dist.Tarball = reg.tarballBase + dist.Tarball
			doc["versions"].(map[string]any)[v] = map[string]any{"dist": dist}
		}
		w.Header().Set("Content-Type", "application/vnd.npm.install-v1+json")
		json.NewEncoder(w).Encode(doc)
		return
	}
	data, ok := reg.tarballs[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Write(data)
}

// publish serves tarball as p's tarball, and lists it in p's package
// document with the integrity of what is served.
func (reg *fakeRegistry) publish(p npmPackage, tarball []byte) {
	path := "/" + p.Name + "/-/" + p.Name + "-" + p.Version + ".tgz"
	reg.tarballs[path] = tarball
	if reg.docs[p.Name] == nil {
		reg.docs[p.Name] = map[string]distInfo{}
	}
	reg.docs[p.Name][p.Version] = distInfo{Tarball: path, Integrity: integrityOf(tarball)}
}

// requested reports whether the registry was asked for path.
func (reg *fakeRegistry) requested(path string) bool {
	_, ok := reg.paths.Load(path)
	return ok
}

// client is the server's client, refusing every other host.
func (reg *fakeRegistry) client() *http.Client {
	inner := reg.srv.Client().Transport
	host := strings.TrimPrefix(reg.srv.URL, "http://")
	return &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Host != host {
			return nil, fmt.Errorf("the test's client reaches only %s, not %s", host, r.URL.Host)
		}
		return inner.RoundTrip(r)
	})}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// options points Options at the fake registry, caching in a fresh
// directory and logging nowhere.
func (reg *fakeRegistry) options(t *testing.T) Options {
	t.Helper()
	opts, err := Options{CacheDir: t.TempDir(), Registry: reg.srv.URL, Client: reg.client(), Log: io.Discard}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	return opts
}

// fakePackageFiles are tiny stand-ins for echarts, zrender and tslib, with
// the module paths entrySource and echarts' modules import.
func fakePackageFiles() map[string][]tarEntry {
	return map[string][]tarEntry{
		"echarts": {
			{Name: "package/package.json", Body: `{"name":"echarts","version":"0.0.1-fake","module":"core.js"}`},
			{Name: "package/core.js", Body: `import { __assign } from 'tslib';
import { version as zrVersion } from 'zrender/lib/zrender.js';
var registered = [];
export function use(list) { registered.push.apply(registered, list); }
export function init(dom) { return __assign({}, { dom: dom, registered: registered.slice() }); }
export function getInstanceByDom() { return undefined; }
export var version = 'fake-echarts+zrender-' + zrVersion;
`},
			{Name: "package/charts.js", Body: `export var BarChart = 'bar', LineChart = 'line', PieChart = 'pie', ScatterChart = 'scatter';`},
			{Name: "package/components.js", Body: `export var TitleComponent = 'title', TooltipComponent = 'tooltip',
  GridComponent = 'grid', LegendComponent = 'legend', AriaComponent = 'aria',
  MarkLineComponent = 'markLine', DatasetComponent = 'dataset', ToolboxComponent = 'toolbox';`},
			{Name: "package/renderers.js", Body: `export var SVGRenderer = 'svg', CanvasRenderer = 'canvas';`},
		},
		"zrender": {
			{Name: "package/package.json", Body: `{"name":"zrender","version":"0.0.1-fake"}`},
			{Name: "package/lib/zrender.js", Body: `export var version = '0.0.1-fake';`},
		},
		"tslib": {
			{Name: "package/package.json", Body: `{"name":"tslib","version":"0.0.1-fake","main":"tslib.js","module":"tslib.es6.js"}`},
			{Name: "package/tslib.es6.js", Body: `export var __assign = Object.assign;`},
			{Name: "package/tslib.js", Body: `throw new Error("the CommonJS build must not be bundled");`},
		},
	}
}

// publishFakePackages serves the fake packages and returns them pinned with
// the integrity of what is served, echarts first.
func (reg *fakeRegistry) publishFakePackages(t *testing.T) []npmPackage {
	t.Helper()
	files := fakePackageFiles()
	var pkgs []npmPackage
	for _, name := range []string{"echarts", "zrender", "tslib"} {
		tarball := makeTarball(t, files[name])
		p := npmPackage{Name: name, Version: "0.0.1-fake", Integrity: integrityOf(tarball)}
		reg.publish(p, tarball)
		pkgs = append(pkgs, p)
	}
	return pkgs
}
