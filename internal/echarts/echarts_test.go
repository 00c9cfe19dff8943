package echarts

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOptionDefaults(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(CacheEnv, dir)
	opts, err := Options{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if opts.CacheDir != dir || opts.Registry != DefaultRegistry || opts.Client == nil || opts.Client.Timeout == 0 {
		t.Errorf("defaults with %s set: %+v", CacheEnv, opts)
	}

	t.Setenv(CacheEnv, "")
	opts, err = Options{}.withDefaults()
	if err != nil {
		t.Skipf("no user cache directory here: %v", err)
	}
	base, _ := os.UserCacheDir()
	if want := filepath.Join(base, "almanac"); opts.CacheDir != want {
		t.Errorf("default cache directory %s, want %s", opts.CacheDir, want)
	}

	opts, err = Options{CacheDir: "relative/cache"}.withDefaults()
	if err != nil || !filepath.IsAbs(opts.CacheDir) {
		t.Errorf("relative cache directory became %q, %v; want an absolute path", opts.CacheDir, err)
	}
}

func TestPinnedPackagesAreSHA512(t *testing.T) {
	for _, p := range pinnedPackages() {
		if len(p.Integrity) != len("sha512-")+88 || p.Integrity[:7] != "sha512-" {
			t.Errorf("%s: integrity %q is not a sha512 npm integrity", p, p.Integrity)
		}
	}
	if got := pinnedPackages()[0]; got.Name != "echarts" || got.Version != Version {
		t.Errorf("first pinned package is %s, want echarts@%s", got, Version)
	}
}
