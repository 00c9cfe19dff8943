package echarts

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// clearRegistryEnv unsets every variable that chooses a registry for the
// rest of the test.
func clearRegistryEnv(t *testing.T) {
	t.Helper()
	for _, name := range append([]string{RegistryEnv}, NPMConfigEnvs...) {
		t.Setenv(name, "")
	}
}

func TestRegistryPrecedence(t *testing.T) {
	tests := []struct {
		name     string
		explicit string
		env      map[string]string
		site     string
		want     string
		wantFrom string
	}{
		{name: "default", want: DefaultRegistry, wantFrom: "the default"},
		{name: "site", site: "https://site.example/npm/", want: "https://site.example/npm", wantFrom: SiteRegistrySource},
		{name: "NPM_CONFIG_REGISTRY over the site", site: "https://site.example/",
			env: map[string]string{"NPM_CONFIG_REGISTRY": "https://upper.example/"}, want: "https://upper.example", wantFrom: "NPM_CONFIG_REGISTRY"},
		{name: "npm_config_registry first", env: map[string]string{"NPM_CONFIG_REGISTRY": "https://upper.example/", "npm_config_registry": "https://lower.example/"},
			want: "https://lower.example", wantFrom: "npm_config_registry"},
		{name: "ALMANAC_NPM_REGISTRY over npm's", site: "https://site.example/",
			env:  map[string]string{"npm_config_registry": "https://lower.example/", RegistryEnv: "http://127.0.0.1:4873/"},
			want: "http://127.0.0.1:4873", wantFrom: RegistryEnv},
		{name: "explicit over everything", explicit: "https://flag.example", env: map[string]string{RegistryEnv: "https://env.example/"},
			want: "https://flag.example", wantFrom: "--registry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearRegistryEnv(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			opts, err := Options{CacheDir: t.TempDir(), Registry: tt.explicit, SiteRegistry: tt.site}.withDefaults()
			if err != nil {
				t.Fatal(err)
			}
			if opts.Registry != tt.want || opts.registryFrom != tt.wantFrom {
				t.Errorf("registry %q from %q, want %q from %q", opts.Registry, opts.registryFrom, tt.want, tt.wantFrom)
			}
		})
	}
}

func TestBadRegistrySetting(t *testing.T) {
	clearRegistryEnv(t)
	t.Setenv(RegistryEnv, "registry.example.org")
	_, err := Options{CacheDir: t.TempDir()}.withDefaults()
	want := `ALMANAC_NPM_REGISTRY: registry "registry.example.org" is not an http or https address; write the registry's address, e.g. https://registry.npmjs.org/`
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

func TestRebaseTarball(t *testing.T) {
	tests := []struct{ registry, tarball, want string }{
		// A mirror passing npmjs' documents on unchanged: fetch from the mirror.
		{"http://127.0.0.1:4873", "https://registry.npmjs.org/echarts/-/echarts-6.1.0.tgz", "http://127.0.0.1:4873/echarts/-/echarts-6.1.0.tgz"},
		{"https://nexus.example/repository/npm", "https://registry.npmjs.org/echarts/-/echarts-6.1.0.tgz",
			"https://nexus.example/repository/npm/echarts/-/echarts-6.1.0.tgz"},
		// A mirror that names its own tarballs is trusted with them.
		{"https://mirror.example", "https://cdn.mirror.example/e/echarts-6.1.0.tgz", "https://cdn.mirror.example/e/echarts-6.1.0.tgz"},
		{"https://registry.npmjs.org", "https://registry.npmjs.org/echarts/-/echarts-6.1.0.tgz", "https://registry.npmjs.org/echarts/-/echarts-6.1.0.tgz"},
		// Relative tarball URLs are relative to the registry.
		{"https://mirror.example/npm", "echarts/-/echarts-6.1.0.tgz", "https://mirror.example/npm/echarts/-/echarts-6.1.0.tgz"},
	}
	for _, tt := range tests {
		got, err := rebaseTarball(tt.registry, tt.tarball)
		if err != nil || got != tt.want {
			t.Errorf("rebaseTarball(%q, %q) = %q, %v; want %q", tt.registry, tt.tarball, got, err, tt.want)
		}
	}
	if _, err := rebaseTarball("https://mirror.example", "file:///etc/passwd"); err == nil {
		t.Error("a file: tarball URL was accepted")
	}
}

// TestMirrorWithNPMJSTarballURLs serves package documents whose tarball
// URLs name registry.npmjs.org, as a mirror copying them would; the client
// reaches only the mirror, so the build succeeds only if every tarball is
// fetched from it.
func TestMirrorWithNPMJSTarballURLs(t *testing.T) {
	reg := newFakeRegistry(t)
	reg.TarballBase = "https://registry.npmjs.org"
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	if _, err := bundlePackages(context.Background(), opts, pkgs); err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, path := range []string{"/" + p.Name, "/" + p.Name + "/-/" + p.Name + "-" + p.Version + ".tgz"} {
			if !reg.Requested(path) {
				t.Errorf("the mirror was not asked for %s", path)
			}
		}
	}
}

func TestRegistryLacksVersion(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	missing := npmPackage{Name: "echarts", Version: "9.9.9", Integrity: pkgs[0].Integrity}
	err := ensurePackages(context.Background(), reg.options(t), []npmPackage{missing})
	var unavailable *UnavailableError
	if !errors.As(err, &unavailable) || !strings.Contains(err.Error(), reg.URL+" lists no version 9.9.9 of echarts") {
		t.Errorf("error %v, want an UnavailableError saying the registry lacks the version", err)
	}
}

// TestAdvertisedIntegrityMismatch: a registry whose document advertises
// another integrity is refused before the tarball is downloaded.
func TestAdvertisedIntegrityMismatch(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	pinned := pkgs[2]
	pinned.Integrity = integrityOf([]byte("something else"))
	err := ensurePackages(context.Background(), reg.options(t), []npmPackage{pinned})
	var integrity *IntegrityError
	if !errors.As(err, &integrity) {
		t.Fatalf("error %v, want an IntegrityError", err)
	}
	if reg.Requested("/tslib/-/tslib-0.0.1-fake.tgz") {
		t.Error("the tarball was downloaded although its advertised integrity was wrong")
	}
}

// TestUnwritableCache makes the cache directory impossible to create, even
// for root: its parent is a regular file.
func TestUnwritableCache(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	opts := reg.options(t)
	opts.CacheDir = filepath.Join(file, "almanac")
	_, err := bundlePackages(context.Background(), opts, pkgs)
	var cacheErr *CacheError
	if !errors.As(err, &cacheErr) {
		t.Fatalf("error %v, want a CacheError", err)
	}
	for _, want := range []string{"cannot write to the chart library cache " + opts.CacheDir, "not a directory",
		"set ALMANAC_CACHE to a writable directory"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if n := reg.Requests(); n != 0 {
		t.Errorf("%d requests made although nothing could be cached", n)
	}
}

func TestDownloadIsAnnounced(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	opts := reg.options(t)
	var log bytes.Buffer
	opts.Log = &log
	if _, err := bundlePackages(context.Background(), opts, pkgs); err != nil {
		t.Fatal(err)
	}
	want := "Fetching echarts@0.0.1-fake from " + reg.URL + " (first chart build; cached in " + opts.CacheDir + ")\n"
	if log.String() != want {
		t.Errorf("log %q, want %q (one line; no progress line off a terminal)", log.String(), want)
	}
	log.Reset()
	if _, err := bundlePackages(context.Background(), opts, pkgs); err != nil {
		t.Fatal(err)
	}
	if log.Len() != 0 {
		t.Errorf("a cached build logged %q", log.String())
	}
}
