package gates

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// npmTool is one file of a pinned npm package that a gate runs.
type npmTool struct {
	Name      string
	Version   string
	Integrity string // the registry's dist.integrity of the tarball
	File      string // the file the gate needs, as named in the tarball
}

// The pinned tools. Integrity values are the dist.integrity fields of
// https://registry.npmjs.org/<name>; update version and integrity together.

// axeCore is the accessibility engine, injected into each page.
func axeCore() npmTool {
	return npmTool{
		Name:      "axe-core",
		Version:   "4.14.1",
		Integrity: "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
		File:      "package/axe.min.js",
	}
}

// vnuJar is the Nu HTML Checker, run with Java.
func vnuJar() npmTool {
	return npmTool{
		Name:      "vnu-jar",
		Version:   "26.9.27",
		Integrity: "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA==",
		File:      "package/build/dist/vnu.jar",
	}
}

const (
	npmRegistry      = "https://registry.npmjs.org"
	maxToolBytes     = 64 << 20 // vnu-jar, the larger, is about 30 MB packed and unpacked
	downloadDeadline = 5 * time.Minute
)

func (p npmTool) String() string { return p.Name + "@" + p.Version }

func (p npmTool) tarballURL() string {
	return fmt.Sprintf("%s/%s/-/%s-%s.tgz", npmRegistry, p.Name, p.Name, p.Version)
}

// errUnreachable marks a tool that could not be downloaded and is not cached.
var errUnreachable = errors.New("the npm registry is unreachable and the tool is not cached")

// requireTools reports whether ALMANAC_REQUIRE_BROWSER=1 makes a missing
// browser, Java or tool a failure instead of a skip.
func requireTools() bool { return os.Getenv("ALMANAC_REQUIRE_BROWSER") == "1" }

// skipOrFail skips the test for a missing tool, or fails it in CI.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if requireTools() {
		t.Fatalf("ALMANAC_REQUIRE_BROWSER=1 but "+format, args...)
	}
	t.Skipf(format, args...)
}

// toolFile returns the pinned tool's file, unpacked into a folder of the
// test, from the cached tarball or, failing that, a fresh download. Both
// are checked against the pinned integrity.
func toolFile(t *testing.T, p npmTool) string {
	t.Helper()
	tarball, err := cachedTarball(p)
	if errors.Is(err, errUnreachable) {
		skipOrFail(t, "%s: %v", p, err)
	}
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	dest := filepath.Join(t.TempDir(), filepath.Base(p.File))
	if err := unpackFile(tarball, p.File, dest); err != nil {
		t.Fatalf("%s: unpacking %s from %s: %v", p, p.File, tarball, err)
	}
	return dest
}

// cachedTarball returns the path of p's verified tarball in the cache,
// downloading it when the cache has no intact copy.
func cachedTarball(p npmTool) (string, error) {
	dir, err := npmCacheDir()
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, p.Name+"-"+p.Version+".tgz")
	if verifyFile(name, p) == nil {
		return name, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return name, download(p, name)
}

// npmCacheDir is $ALMANAC_CACHE/npm, else os.UserCacheDir()/almanac/npm: the
// folder internal/echarts keeps its packages in.
func npmCacheDir() (string, error) {
	if dir := os.Getenv("ALMANAC_CACHE"); dir != "" {
		return filepath.Join(dir, "npm"), nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder (%w); set ALMANAC_CACHE", err)
	}
	return filepath.Join(base, "almanac", "npm"), nil
}

// download fetches p's tarball into a temporary file beside name and
// renames it to name once its integrity matches.
func download(p npmTool, name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), downloadDeadline)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.tarballURL(), nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("%w: %v", errUnreachable, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", p.tarballURL(), resp.Status)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-"+p.String()+"-*.tgz")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, err = io.Copy(tmp, io.LimitReader(resp.Body, maxToolBytes))
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return fmt.Errorf("%w: GET %s: %v", errUnreachable, p.tarballURL(), err)
	}
	if err := verifyFile(tmp.Name(), p); err != nil {
		return fmt.Errorf("GET %s: %w", p.tarballURL(), err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it private
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// verifyFile checks the sha512 of the file name against p.Integrity.
func verifyFile(name string, p npmTool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	digest := sha512.New()
	if _, err := io.Copy(digest, f); err != nil {
		return err
	}
	if got := "sha512-" + base64.StdEncoding.EncodeToString(digest.Sum(nil)); got != p.Integrity {
		return fmt.Errorf("integrity %s, want the pinned %s", got, p.Integrity)
	}
	return nil
}

// unpackFile copies the entry named entry of a gzipped tarball to dest.
func unpackFile(tarball, entry, dest string) error {
	f, err := os.Open(tarball)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return fmt.Errorf("no %s in the tarball: %w", entry, err)
		}
		if hdr.Name == entry && hdr.Typeflag == tar.TypeReg {
			return writeFile(dest, io.LimitReader(tr, maxToolBytes))
		}
	}
}

func writeFile(name string, r io.Reader) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

func TestPinnedToolsAreSHA512(t *testing.T) {
	for _, p := range []npmTool{axeCore(), vnuJar()} {
		encoded, ok := strings.CutPrefix(p.Integrity, "sha512-")
		raw, err := base64.StdEncoding.DecodeString(encoded)
		if !ok || err != nil || len(raw) != sha512.Size {
			t.Errorf("%s: integrity %q is not sha512-<base64 of 64 bytes>", p, p.Integrity)
		}
	}
}
