package echarts

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBundleCachedWithoutNetwork(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	first, err := bundlePackages(context.Background(), opts, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	// A package document and a tarball for each package.
	if n := reg.Requests(); n != int64(2*len(pkgs)) {
		t.Errorf("first build made %d requests, want %d", n, 2*len(pkgs))
	}
	// Without the unpacked packages, only the cached bundle can answer, so
	// neither the network nor esbuild is used.
	if err := os.RemoveAll(npmDir(opts.CacheDir)); err != nil {
		t.Fatal(err)
	}
	for _, offline := range []bool{false, true} {
		opts.Offline = offline
		again, err := bundlePackages(context.Background(), opts, pkgs)
		if err != nil {
			t.Fatalf("offline=%v: %v", offline, err)
		}
		if string(again) != string(first) {
			t.Errorf("offline=%v: cached bundle differs from the first", offline)
		}
	}
	if n := reg.Requests(); n != int64(2*len(pkgs)) {
		t.Errorf("cached builds made %d more requests, want 0", n-int64(2*len(pkgs)))
	}
}

func TestDamagedBundleIsRebuiltFromPackageCache(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	first, err := bundlePackages(context.Background(), opts, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	cached := bundleCachePath(opts.CacheDir, pkgs)
	if err := os.WriteFile(cached, []byte("window.echarts = 'tampered';"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := readCachedBundle(cached); ok {
		t.Fatal("a tampered bundle passed its sha256 check")
	}
	opts.Offline = true // the packages are cached, so no network is needed
	rebuilt, err := bundlePackages(context.Background(), opts, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	if string(rebuilt) != string(first) {
		t.Error("rebuilt bundle differs from the original")
	}
	if _, ok := readCachedBundle(cached); !ok {
		t.Error("the rebuilt bundle was not cached again")
	}
}

// TestBundleIsDeterministic builds in two caches at different paths; the
// bytes must not depend on where the cache is.
func TestBundleIsDeterministic(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	optsA, optsB := reg.options(t), reg.options(t)
	a, err := bundlePackages(context.Background(), optsA, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundlePackages(context.Background(), optsB, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Errorf("two builds differ:\n%s\n%s", a, b)
	}
	if strings.Contains(string(a), optsA.CacheDir) {
		t.Error("the bundle mentions the cache path")
	}
}

func TestFakeBundleRunsInNode(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	js, err := bundlePackages(context.Background(), reg.options(t), pkgs)
	if err != nil {
		t.Fatal(err)
	}
	got := runInNode(t, js, `
const chart = window.echarts.init('the-dom');
console.log(window.echarts.version, chart.registered.join(','), typeof window.echarts.getInstanceByDom);
`)
	want := "fake-echarts+zrender-0.0.1-fake bar,line,pie,title,tooltip,grid,legend,aria,markLine,dataset,svg function"
	if got != want {
		t.Errorf("node printed %q, want %q", got, want)
	}
}

// runInNode evaluates bundle in node with a minimal browser shim, then
// script, and returns what it printed, trimmed. It skips the test when node
// is not installed.
func runInNode(t *testing.T, bundle []byte, script string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	dir := t.TempDir()
	bundlePath := filepath.Join(dir, "bundle.js")
	if err := os.WriteFile(bundlePath, bundle, 0o644); err != nil {
		t.Fatal(err)
	}
	main := `globalThis.window = globalThis;
if (typeof navigator === 'undefined') globalThis.navigator = {userAgent: 'Node.js'};
require(process.argv[2]);
` + script + `
process.exit(0); // ECharts' animation loop would keep node running
`
	mainPath := filepath.Join(dir, "main.js")
	if err := os.WriteFile(mainPath, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, mainPath, bundlePath).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%.2000s", err, out)
	}
	return strings.TrimSpace(string(out))
}
