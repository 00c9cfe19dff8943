// Package assets gives a site's static files (style sheets, scripts,
// images) content-hashed output names, so that browsers may cache them for
// ever: css/main.css is published as assets/css/main.3f2a1b9c.css, where
// 3f2a1b9c starts the SHA-256 of the file's content. Templates ask the
// Manifest for a file's URL by its logical name.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
)

// OutputDir is the folder of public/ the assets are written to.
const OutputDir = "assets"

// hashLength is the number of hex digits of the SHA-256 kept in names.
const hashLength = 8

// File is one asset.
type File struct {
	Logical string // slash path in the assets folder, e.g. "css/main.css"
	Output  string // slash path relative to public/, e.g. "assets/css/main.3f2a1b9c.css"
	Data    []byte // content; callers must not modify it
}

// Manifest maps logical asset names to their hashed outputs. It is safe
// for concurrent use.
type Manifest struct {
	mu    sync.RWMutex
	files map[string]File
}

// New returns an empty manifest.
func New() *Manifest {
	return &Manifest{files: map[string]File{}}
}

// Collect reads every file of fsys, except dotfiles and files in dot
// folders, into a new manifest. A missing root gives an empty manifest, so
// that a site without an assets folder needs no special case.
func Collect(fsys fs.FS) (*Manifest, error) {
	m := New()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "." && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return m.Add(name, data)
	})
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	return m, nil
}

// Add adds an asset the build generates, such as a JavaScript bundle.
// logical must be a valid slash path (see fs.ValidPath) not already in the
// manifest.
func (m *Manifest) Add(logical string, data []byte) error {
	if !fs.ValidPath(logical) || logical == "." || strings.Contains(logical, `\`) {
		return fmt.Errorf("assets: %q is not a valid asset name; use a relative slash path such as js/charts.js", logical)
	}
	file := File{Logical: logical, Output: OutputName(logical, data), Data: data}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, taken := m.files[logical]; taken {
		return fmt.Errorf("assets: %s is already an asset: %w", logical, fs.ErrExist)
	}
	m.files[logical] = file
	return nil
}

// OutputName returns the hashed output path of an asset, relative to
// public/: "css/main.css" becomes "assets/css/main.3f2a1b9c.css" and
// "fonts/LICENSE" becomes "assets/fonts/LICENSE.3f2a1b9c".
func OutputName(logical string, data []byte) string {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])[:hashLength]
	dir, base := path.Split(logical)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	return OutputDir + "/" + dir + stem + "." + hash + ext
}

// URL returns the site-relative, percent-encoded URL of the asset logical
// ("css/main.css" or "/css/main.css"), e.g. "/assets/css/main.3f2a1b9c.css".
func (m *Manifest) URL(logical string) (string, bool) {
	m.mu.RLock()
	file, ok := m.files[strings.TrimPrefix(logical, "/")]
	m.mu.RUnlock()
	if !ok {
		return "", false
	}
	return (&url.URL{Path: "/" + file.Output}).EscapedPath(), true
}

// Files returns every asset, sorted by logical name.
func (m *Manifest) Files() []File {
	m.mu.RLock()
	files := make([]File, 0, len(m.files))
	for _, f := range m.files {
		files = append(files, f)
	}
	m.mu.RUnlock()
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Logical, b.Logical) })
	return files
}
