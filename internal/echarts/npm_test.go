package echarts

import (
	"archive/tar"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestFetchErrors(t *testing.T) {
	good := makeTarball(t, fakePackageFiles()["zrender"])
	traversal := makeTarball(t, []tarEntry{
		{Name: "package/package.json", Body: `{}`},
		{Name: "package/../../escaped.js", Body: `evil`},
	})
	symlink := makeTarball(t, []tarEntry{
		{Name: "package/package.json", Body: `{}`},
		{Name: "package/passwd", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"},
	})
	tests := []struct {
		name    string
		served  []byte // nil: the registry has no such tarball
		pinned  []byte // the tarball whose integrity is pinned
		offline bool
		down    bool // the registry is unreachable
		wantAs  any  // pointer to the error type expected
		want    []string
	}{
		{name: "integrity mismatch", served: good, pinned: traversal, wantAs: new(*IntegrityError),
			want: []string{"zrender@9.9.9", "expected " + integrityOf(traversal), "got " + integrityOf(good), "nothing was unpacked", "build again"}},
		{name: "path traversal", served: traversal, pinned: traversal, wantAs: new(*UnsafeEntryError),
			want: []string{`refusing tarball entry "package/../../escaped.js"`, `".." is not allowed`, "zrender@9.9.9"}},
		{name: "symlink", served: symlink, pinned: symlink, wantAs: new(*UnsafeEntryError),
			want: []string{`"package/passwd"`, "links are not allowed"}},
		{name: "not on the registry", pinned: good, wantAs: new(*UnavailableError),
			want: []string{"404 Not Found", "neither in the cache", "connect to the internet once"}},
		{name: "registry down", pinned: good, down: true, wantAs: new(*UnavailableError),
			want: []string{"downloading zrender@9.9.9", "neither in the cache", "(ALMANAC_CACHE)"}},
		{name: "offline", served: good, pinned: good, offline: true, wantAs: new(*UnavailableError),
			want: []string{"zrender@9.9.9 not cached and offline mode forbids downloading"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := newFakeRegistry(t)
			p := npmPackage{Name: "zrender", Version: "9.9.9", Integrity: integrityOf(tt.pinned)}
			if tt.served != nil {
				reg.publish(p, tt.served)
			}
			opts := reg.options(t)
			opts.Offline = tt.offline
			if tt.down {
				reg.Close()
			}
			err := ensurePackages(context.Background(), opts, []npmPackage{p})
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.As(err, tt.wantAs) {
				t.Errorf("error is %T, want %T: %v", err, tt.wantAs, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			assertNothingUnpacked(t, opts.CacheDir)
			if tt.offline && reg.Requests() != 0 {
				t.Errorf("offline made %d requests", reg.Requests())
			}
		})
	}
}

// assertNothingUnpacked checks that a failed fetch left no package and no
// temporary files in the cache, and wrote nothing outside it.
func assertNothingUnpacked(t *testing.T, cacheDir string) {
	t.Helper()
	entries, _ := os.ReadDir(npmDir(cacheDir))
	for _, e := range entries {
		t.Errorf("cache holds %s after a failed fetch", e.Name())
	}
	for _, escaped := range []string{filepath.Join(cacheDir, "escaped.js"), filepath.Join(filepath.Dir(cacheDir), "escaped.js")} {
		if _, err := os.Stat(escaped); err == nil {
			t.Errorf("%s was written outside the package directory", escaped)
		}
	}
}

func TestOfflineEmptyCacheMessage(t *testing.T) {
	dir := t.TempDir()
	_, err := Bundle(context.Background(), Options{CacheDir: dir, Offline: true})
	want := "charts need ECharts " + Version + ", which is neither in the cache (" + dir + ") nor downloadable from " +
		"https://registry.npmjs.org: echarts@" + Version + " not cached and offline mode forbids downloading; " +
		"connect to the internet once and build again, set ALMANAC_NPM_REGISTRY to an npm registry this machine can reach, " +
		"or copy a cache from another machine (ALMANAC_CACHE)"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
}

func TestFetchUnpacksIntoCache(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	if err := ensurePackages(context.Background(), opts, pkgs); err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		if !isCached(opts.CacheDir, p) {
			t.Errorf("%s is not cached", p)
		}
		info, err := os.Stat(packageEntryDir(opts.CacheDir, p))
		if err != nil || info.Mode().Perm() != 0o755 {
			t.Errorf("%s: mode %v, %v; want 0755 so the cache can be shared", p, info.Mode().Perm(), err)
		}
	}
	got, err := os.ReadFile(filepath.Join(packageRoot(opts.CacheDir, pkgs[1]), "lib", "zrender.js"))
	if err != nil || string(got) != `export var version = '0.0.1-fake';` {
		t.Errorf("zrender/lib/zrender.js = %q, %v", got, err)
	}
	// A second call finds everything cached and makes no request.
	before := reg.Requests()
	if err := ensurePackages(context.Background(), opts, pkgs); err != nil {
		t.Fatal(err)
	}
	if n := reg.Requests() - before; n != 0 {
		t.Errorf("second ensurePackages made %d requests, want 0", n)
	}
}

func TestDamagedCacheEntryIsReplaced(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	// A package directory verified against another integrity is not trusted.
	stale := packageEntryDir(opts.CacheDir, pkgs[2])
	if err := os.MkdirAll(filepath.Join(stale, "package"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(stale, "integrity"), []byte("sha512-other\n"), 0o644)
	os.WriteFile(filepath.Join(stale, "package", "package.json"), []byte("{}"), 0o644)
	if err := ensurePackages(context.Background(), opts, pkgs); err != nil {
		t.Fatal(err)
	}
	if !isCached(opts.CacheDir, pkgs[2]) {
		t.Errorf("stale %s was not replaced", pkgs[2])
	}
}

// TestConcurrentBuilds runs several builds on one cache at once, as two
// processes building the same site would; all must succeed and agree.
func TestConcurrentBuilds(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	const builds = 4
	results := make([][]byte, builds)
	errs := make([]error, builds)
	var wg sync.WaitGroup
	for i := range builds {
		wg.Go(func() { results[i], errs[i] = bundlePackages(context.Background(), opts, pkgs) })
	}
	wg.Wait()
	for i := range builds {
		if errs[i] != nil {
			t.Fatalf("build %d: %v", i, errs[i])
		}
		if string(results[i]) != string(results[0]) {
			t.Errorf("build %d produced different bytes", i)
		}
	}
	entries, _ := os.ReadDir(npmDir(opts.CacheDir))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary %s left in the cache", e.Name())
		}
	}
}
