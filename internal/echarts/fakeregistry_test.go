package echarts

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"io"
	"testing"

	"github.com/almanac-news/almanac/internal/echarts/registrytest"
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

// fakeRegistry is a registrytest.Registry publishing npmPackages.
type fakeRegistry struct {
	*registrytest.Registry
}

func newFakeRegistry(t *testing.T) *fakeRegistry {
	t.Helper()
	return &fakeRegistry{registrytest.Start(t)}
}

// publish serves tarball as p's tarball, and lists it in p's package
// document with the integrity of what is served.
func (reg *fakeRegistry) publish(p npmPackage, tarball []byte) {
	reg.Publish(p.Name, p.Version, integrityOf(tarball), tarball)
}

// options points Options at the fake registry, caching in a fresh
// directory and logging nowhere.
func (reg *fakeRegistry) options(t *testing.T) Options {
	t.Helper()
	opts, err := Options{CacheDir: t.TempDir(), Registry: reg.URL, Client: reg.Client(), Log: io.Discard}.withDefaults()
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
