package echarts

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/almanac-news/almanac/internal/diag"
)

// FetchCommand is the command that warms the cache and writes library
// files, as messages name it.
const FetchCommand = "almanac fetch"

// maxLibraryBytes bounds a library file; the bundle is about 600 KB.
const maxLibraryBytes = 16 << 20

// bannerPrefix starts every bundle Almanac makes (see licenseBanner).
const bannerPrefix = "/*! Bundled by Almanac from echarts@"

// Warmed is what Warm did.
type Warmed struct {
	Version string // the ECharts version of the bundle
	Cached  string // the cached bundle's path
	Size    int    // its size in bytes
	Output  string // the library file written, or ""
}

// String says what Warm did in a sentence or two, for the command line.
func (w *Warmed) String() string {
	s := fmt.Sprintf("ECharts %s is in the cache: %s (%d KB)", w.Version, w.Cached, (w.Size+512)/1024)
	if w.Output != "" {
		s += fmt.Sprintf("\nWrote %s and %s; to build a site with it, copy both into the site and set "+
			"chart_library in almanac.toml to the file's path within the site", w.Output, digestPath(w.Output))
	}
	return s
}

// Warm fills the cache ahead of a build, downloading and bundling what is
// missing, so that later builds on this machine (or on machines sharing
// its ALMANAC_CACHE) need no network. When output is not empty it also
// writes the bundle there, with output+".sha256" beside it, for a site's
// chart_library setting.
func Warm(ctx context.Context, opts Options, output string) (*Warmed, error) {
	resolved, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	return warmPackages(ctx, resolved, pinnedPackages(), output)
}

// warmPackages is Warm for the packages pkgs, echarts first.
func warmPackages(ctx context.Context, opts Options, pkgs []npmPackage, output string) (*Warmed, error) {
	js, err := bundlePackages(ctx, opts, pkgs)
	if err != nil {
		return nil, err
	}
	w := &Warmed{Version: pkgs[0].Version, Cached: bundleCachePath(opts.CacheDir, pkgs), Size: len(js)}
	if output == "" {
		return w, nil
	}
	if err := WriteLibrary(output, js); err != nil {
		return nil, err
	}
	w.Output = output
	return w, nil
}

// WriteLibrary writes a bundle to name and its sha256 to name+".sha256",
// in sha256sum's format, creating name's folder if needed.
func WriteLibrary(name string, js []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("writing the chart library: %w", err)
	}
	if err := writeFileAtomic(name, js); err != nil {
		return fmt.Errorf("writing the chart library: %w", err)
	}
	if err := writeFileAtomic(digestPath(name), digestLine(js, filepath.Base(name))); err != nil {
		return fmt.Errorf("writing the chart library: %w", err)
	}
	return nil
}

// digestLine is one line of sha256sum output for data named name.
func digestLine(data []byte, name string) []byte {
	sum := sha256.Sum256(data)
	return fmt.Appendf(nil, "%s  %s\n", hex.EncodeToString(sum[:]), name)
}

// Library is a bundle read from a site's chart_library file.
type Library struct {
	JS      []byte
	Version string // the ECharts version its banner names
}

// LibraryError says why a chart_library file cannot be used, and how to
// make one that can.
type LibraryError struct {
	Name string // the file, relative to the site
	Msg  diag.Text
	Hint diag.Text
}

func (e *LibraryError) Error() string { return e.Msg.String() + "; " + e.Hint.String() }

// ReadLibrary reads the bundle at name in fsys, the site, and checks that
// it is one: name+".sha256" must be beside it and match it, which catches
// a file changed or copied incompletely, and it must start with the banner
// Almanac writes and set window.echarts, which catches any other script.
func ReadLibrary(fsys fs.FS, name string) (*Library, error) {
	hint := diag.Textf("write it and its .sha256 with %s --output %s on a machine that can reach the npm registry, "+
		"or remove chart_library to download ECharts", FetchCommand, name)
	fail := func(msg diag.Text) (*Library, error) {
		return nil, &LibraryError{Name: name, Msg: msg, Hint: hint}
	}
	js, err := readLimited(fsys, name)
	if err != nil {
		return fail(diag.Textf("chart library %s cannot be read: %v", name, err))
	}
	recorded, err := fs.ReadFile(fsys, digestPath(name))
	if err != nil {
		return fail(diag.Textf("chart library %s has no %s beside it, so it cannot be checked", name, path.Base(digestPath(name))))
	}
	want, _, _ := strings.Cut(strings.TrimSpace(string(recorded)), " ")
	if sum := sha256.Sum256(js); hex.EncodeToString(sum[:]) != strings.ToLower(want) {
		return fail(diag.Textf("chart library %s does not match the sha256 recorded in %s: it was changed or copied incompletely",
			name, path.Base(digestPath(name))))
	}
	version, ok := bannerVersion(js)
	if !ok || !bytes.Contains(js, []byte("window.echarts=")) {
		return fail(diag.Textf("chart library %s is not an ECharts bundle written by %s", name, FetchCommand))
	}
	return &Library{JS: js, Version: version}, nil
}

// readLimited reads a file of at most maxLibraryBytes.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fs.ErrNotExist // "file does not exist", whatever the fs.FS
	}
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("it is not a regular file")
	}
	if info.Size() > maxLibraryBytes {
		return nil, fmt.Errorf("it is larger than %d MB", maxLibraryBytes>>20)
	}
	js, err := fs.ReadFile(fsys, name)
	return js, unwrapPathError(err)
}

// unwrapPathError drops the operation and path a *fs.PathError repeats.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// bannerVersion returns the ECharts version a bundle's banner names.
func bannerVersion(js []byte) (string, bool) {
	rest, ok := bytes.CutPrefix(js, []byte(bannerPrefix))
	if !ok {
		return "", false
	}
	end := bytes.IndexAny(rest, ", *")
	if end <= 0 {
		return "", false
	}
	return string(rest[:end]), true
}
