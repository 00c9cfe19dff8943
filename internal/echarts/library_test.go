package echarts

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarmWritesLibrary warms an empty cache from the fake registry and
// writes the library file a site's chart_library can point at; a second
// warm-up needs no network.
func TestWarmWritesLibrary(t *testing.T) {
	reg := newFakeRegistry(t)
	pkgs := reg.publishFakePackages(t)
	site := t.TempDir()
	output := filepath.Join(site, "vendor", "echarts.js")
	opts := reg.options(t)
	w, err := warmPackages(context.Background(), opts, pkgs, output)
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(output)
	if err != nil || w.Output != output || w.Size != len(js) || w.Cached != bundleCachePath(opts.CacheDir, pkgs) {
		t.Fatalf("Warm = %+v, output %d bytes, %v", w, len(js), err)
	}
	if !strings.Contains(w.String(), "Wrote "+output+" and "+output+".sha256") {
		t.Errorf("summary %q does not name the files written", w)
	}
	lib, err := ReadLibrary(os.DirFS(site), "vendor/echarts.js")
	if err != nil || !bytes.Equal(lib.JS, js) || lib.Version != "0.0.1-fake" {
		t.Fatalf("ReadLibrary: %v, %+v", err, lib)
	}
	if sha256sum, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sha256sum, "-c", "echarts.js.sha256")
		cmd.Dir = filepath.Dir(output)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, out)
		}
	}
	before := reg.Requests()
	opts.Offline = true
	if _, err := warmPackages(context.Background(), opts, pkgs, ""); err != nil {
		t.Fatalf("warm again offline: %v", err)
	}
	if n := reg.Requests() - before; n != 0 {
		t.Errorf("a warm cache made %d requests", n)
	}
}

func TestReadLibraryRefuses(t *testing.T) {
	bundle := []byte(bannerPrefix + "6.1.0, zrender@6.1.0; licenses */\n(()=>{window.echarts={}})();")
	tests := []struct {
		name   string
		files  map[string][]byte
		reason string
	}{
		{"missing", map[string][]byte{}, "cannot be read: file does not exist"},
		{"no digest", map[string][]byte{"echarts.js": bundle}, "has no echarts.js.sha256 beside it"},
		{"truncated", map[string][]byte{"echarts.js": bundle[:40], "echarts.js.sha256": digestLine(bundle, "echarts.js")},
			"does not match the sha256 recorded in echarts.js.sha256"},
		{"another script", map[string][]byte{"echarts.js": []byte("alert(1)"), "echarts.js.sha256": digestLine([]byte("alert(1)"), "echarts.js")},
			"is not an ECharts bundle written by almanac fetch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := ReadLibrary(os.DirFS(dir), "echarts.js")
			var libErr *LibraryError
			if !errors.As(err, &libErr) || !strings.Contains(libErr.Msg.String(), "chart library echarts.js "+tt.reason) {
				t.Fatalf("error %v, want a LibraryError saying %q", err, tt.reason)
			}
			if !strings.Contains(libErr.Hint.String(), "almanac fetch --output echarts.js") {
				t.Errorf("hint %q does not say how to write the file", libErr.Hint)
			}
		})
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "echarts.js"), bundle, 0o644)
	os.WriteFile(filepath.Join(dir, "echarts.js.sha256"), digestLine(bundle, "echarts.js"), 0o644)
	if lib, err := ReadLibrary(os.DirFS(dir), "echarts.js"); err != nil || lib.Version != "6.1.0" {
		t.Errorf("a good library: %+v, %v", lib, err)
	}
}
