package echarts

import (
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// maxTarballBytes bounds a download; the echarts tarball is about 12 MB.
const maxTarballBytes = 128 << 20

// staleTempAge is how old a leftover temporary file or directory from a
// killed build must be before a later build removes it.
const staleTempAge = time.Hour

// tempPrefix starts the names of temporary entries in the cache.
const tempPrefix = ".tmp-"

// npmPackage is one pinned npm package.
type npmPackage struct {
	Name      string
	Version   string
	Integrity string // sha512-<base64>, as in the registry's dist.integrity
}

func (p npmPackage) String() string { return p.Name + "@" + p.Version }

// pinnedPackages lists echarts first, then the packages its ES modules import.
func pinnedPackages() []npmPackage {
	return []npmPackage{
		{Name: "echarts", Version: Version, Integrity: Integrity},
		{Name: "zrender", Version: ZRenderVersion, Integrity: ZRenderIntegrity},
		{Name: "tslib", Version: TSLibVersion, Integrity: TSLibIntegrity},
	}
}

// npmDir is the cache directory holding unpacked packages.
func npmDir(cacheDir string) string { return filepath.Join(cacheDir, "npm") }

// packageEntryDir is <CacheDir>/npm/<name>@<version>.
func packageEntryDir(cacheDir string, p npmPackage) string {
	return filepath.Join(npmDir(cacheDir), p.String())
}

// packageRoot is the unpacked package: <CacheDir>/npm/<name>@<version>/package.
func packageRoot(cacheDir string, p npmPackage) string {
	return filepath.Join(packageEntryDir(cacheDir, p), "package")
}

// tarballURL is where the registry serves p's tarball.
func tarballURL(registry string, p npmPackage) string {
	return fmt.Sprintf("%s/%s/-/%s-%s.tgz", strings.TrimRight(registry, "/"), p.Name, p.Name, p.Version)
}

// isCached reports whether p is unpacked in the cache and was verified
// against the integrity pinned now.
func isCached(cacheDir string, p npmPackage) bool {
	recorded, err := os.ReadFile(filepath.Join(packageEntryDir(cacheDir, p), "integrity"))
	if err != nil || strings.TrimSpace(string(recorded)) != p.Integrity {
		return false
	}
	_, err = os.Stat(filepath.Join(packageRoot(cacheDir, p), "package.json"))
	return err == nil
}

// ensurePackages makes sure every package is unpacked in the cache,
// downloading the missing ones concurrently unless opts.Offline.
func ensurePackages(ctx context.Context, opts Options, pkgs []npmPackage) error {
	var missing []npmPackage
	for _, p := range pkgs {
		if !isCached(opts.CacheDir, p) {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if opts.Offline {
		return unavailable(opts, pkgs, fmt.Errorf("%s not cached and %w", missing[0], errOffline()))
	}
	if err := os.MkdirAll(npmDir(opts.CacheDir), 0o755); err != nil {
		return &CacheError{Dir: opts.CacheDir, Err: err}
	}
	removeStaleTemps(npmDir(opts.CacheDir))
	prog := announce(opts, pkgs)
	errs := make([]error, len(missing))
	var wg sync.WaitGroup
	for i, p := range missing {
		wg.Go(func() { errs[i] = fetchPackage(ctx, opts, p, prog) })
	}
	wg.Wait()
	prog.finish()
	return classifyFetchErrors(opts, pkgs, errs)
}

// classifyFetchErrors keeps integrity and unpacking errors as they are, since
// their advice differs, and reports network failures as UnavailableError.
func classifyFetchErrors(opts Options, pkgs []npmPackage, errs []error) error {
	var network []error
	for _, err := range errs {
		var download *downloadError
		switch {
		case err == nil:
		case errors.As(err, &download):
			network = append(network, err)
		default:
			return err
		}
	}
	if len(network) > 0 {
		return unavailable(opts, pkgs, downloadErrors(network))
	}
	return nil
}

func unavailable(opts Options, pkgs []npmPackage, cause error) error {
	return &UnavailableError{Version: pkgs[0].Version, CacheDir: opts.CacheDir, Registry: opts.Registry,
		RegistryFrom: opts.registryFrom, Err: cause}
}

// downloadErrors are several failed downloads, reported on one line.
type downloadErrors []error

func (errs downloadErrors) Error() string {
	msgs := make([]string, len(errs))
	for i, err := range errs {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

func (errs downloadErrors) Unwrap() []error { return errs }

// downloadError marks a failure to get a tarball from the registry.
type downloadError struct {
	pkg npmPackage
	err error
}

func (e *downloadError) Error() string { return fmt.Sprintf("downloading %s: %v", e.pkg, e.err) }
func (e *downloadError) Unwrap() error { return e.err }

// fetchPackage downloads p, verifies it and unpacks it into the cache.
// The tarball is unpacked into a temporary directory which is renamed into
// place only when complete.
func fetchPackage(ctx context.Context, opts Options, p npmPackage, prog *progress) error {
	dir := npmDir(opts.CacheDir)
	tarball, url, err := downloadVerified(ctx, opts, p, dir, prog)
	if err != nil {
		return err
	}
	defer os.Remove(tarball)
	staging, err := os.MkdirTemp(dir, tempPrefix+p.String()+"-")
	if err != nil {
		return &CacheError{Dir: opts.CacheDir, Err: err}
	}
	defer os.RemoveAll(staging)                      // a no-op once renamed into place
	if err := os.Chmod(staging, 0o755); err != nil { // MkdirTemp makes it private
		return fmt.Errorf("unpacking %s: %w", p, err)
	}
	if err := extractTarballFile(tarball, filepath.Join(staging, "package")); err != nil {
		return fmt.Errorf("unpacking %s from %s: %w", p, url, err)
	}
	if err := os.WriteFile(filepath.Join(staging, "integrity"), []byte(p.Integrity+"\n"), 0o644); err != nil {
		return fmt.Errorf("unpacking %s: %w", p, err)
	}
	return moveIntoPlace(staging, opts.CacheDir, p)
}

// moveIntoPlace renames the staged package to its final name. If another
// build got there first with a valid copy, that copy is kept.
func moveIntoPlace(staging, cacheDir string, p npmPackage) error {
	final := packageEntryDir(cacheDir, p)
	if err := os.Rename(staging, final); err == nil {
		return nil
	}
	if isCached(cacheDir, p) {
		return nil
	}
	// A stale or damaged entry is in the way: replace it.
	if err := os.RemoveAll(final); err != nil {
		return fmt.Errorf("replacing damaged cache entry %s: %w", final, err)
	}
	if err := os.Rename(staging, final); err != nil && !isCached(cacheDir, p) {
		return fmt.Errorf("installing %s into the cache: %w", p, err)
	}
	return nil
}

// downloadVerified downloads p's tarball, from where the registry says it
// is, into a temporary file in dir and returns its name and URL once its
// sha512 matches p.Integrity.
func downloadVerified(ctx context.Context, opts Options, p npmPackage, dir string, prog *progress) (name, url string, err error) {
	algorithm, _, _ := strings.Cut(p.Integrity, "-")
	if algorithm != "sha512" {
		return "", "", fmt.Errorf("%s: pinned integrity %q is not sha512-…", p, p.Integrity)
	}
	url, err = resolveTarball(ctx, opts, p)
	if err != nil {
		return "", "", err
	}
	file, err := os.CreateTemp(dir, tempPrefix+p.String()+"-*.tgz")
	if err != nil {
		return "", "", &CacheError{Dir: opts.CacheDir, Err: err}
	}
	digest := sha512.New()
	err = download(ctx, opts.Client, url, io.MultiWriter(file, digest, prog.counter()), prog)
	if closeErr := file.Close(); err == nil && closeErr != nil {
		err = fmt.Errorf("writing %s: %w", file.Name(), closeErr)
	}
	if err == nil {
		err = checkIntegrity(p, url, digest)
	}
	if err != nil {
		os.Remove(file.Name())
		var integrity *IntegrityError
		if errors.As(err, &integrity) {
			return "", "", err
		}
		return "", "", &downloadError{pkg: p, err: err}
	}
	return file.Name(), url, nil
}

// download copies the body of a GET of url to w, announcing its length to
// prog.
func download(ctx context.Context, client *http.Client, url string, w io.Writer, prog *progress) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	prog.expect(resp.ContentLength)
	n, err := io.Copy(w, io.LimitReader(resp.Body, maxTarballBytes+1))
	if err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	if n > maxTarballBytes {
		return fmt.Errorf("GET %s: larger than %d MB", url, maxTarballBytes>>20)
	}
	return nil
}

// checkIntegrity compares the sha512 digest of a download with p.Integrity.
func checkIntegrity(p npmPackage, url string, digest hash.Hash) error {
	actual := "sha512-" + base64.StdEncoding.EncodeToString(digest.Sum(nil))
	if actual != p.Integrity {
		return &IntegrityError{Package: p.String(), URL: url, Expected: p.Integrity, Actual: actual}
	}
	return nil
}

// removeStaleTemps deletes temporary entries that killed builds left in dir.
// Recent ones may belong to a build running right now and are kept.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		info, err := e.Info()
		if err == nil && time.Since(info.ModTime()) > staleTempAge {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}
