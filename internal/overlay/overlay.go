// Package overlay stacks file systems: a name is taken from the first layer
// that has it, so a site's own layouts/ folder overrides the embedded
// default theme file by file.
//
// Names resolve one element at a time. A folder is the union of that
// folder in every layer where it is a folder; in it, each entry comes from
// the first of those layers that has it. A file shadows the same name in
// later layers, whether file or folder there. A layer whose root is missing
// (fs.ErrNotExist) is simply empty.
package overlay

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"
)

// FS is a read-only union of layers. It implements fs.FS, fs.ReadDirFS,
// fs.ReadFileFS and fs.StatFS.
type FS struct {
	layers []fs.FS
}

// New returns the union of layers, the first one winning.
func New(layers ...fs.FS) fs.FS {
	return &FS{layers: slices.Clone(layers)}
}

// errIsDir is returned when reading a folder as a file.
var errIsDir = errors.New("is a directory")

// errNotDir is returned when listing a file as a folder.
var errNotDir = errors.New("not a directory")

// resolved is where a name lives: the layers that have it (for a folder,
// every layer where it is a folder; for a file, only the first one) and
// its information from the first of them.
type resolved struct {
	layers []fs.FS
	info   fs.FileInfo
}

// resolve finds name, walking down from the root one element at a time.
func (o *FS) resolve(op, name string) (resolved, error) {
	if !fs.ValidPath(name) {
		return resolved{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	r, err := o.resolveRoot()
	if err != nil || name == "." {
		return r, pathError(op, name, err)
	}
	current := "."
	for elem := range strings.SplitSeq(name, "/") {
		if !r.info.IsDir() {
			return resolved{}, pathError(op, name, fs.ErrNotExist)
		}
		current = joinName(current, elem)
		if r, err = resolveIn(r.layers, current); err != nil {
			return resolved{}, pathError(op, name, err)
		}
	}
	return r, nil
}

// resolveRoot returns the layers whose root exists, and the root's
// information from the first one.
func (o *FS) resolveRoot() (resolved, error) {
	r, err := resolveIn(o.layers, ".")
	if errors.Is(err, fs.ErrNotExist) {
		return resolved{info: rootInfo{}}, nil
	}
	if err == nil && !r.info.IsDir() {
		return resolved{info: rootInfo{}}, nil
	}
	return r, err
}

// resolveIn looks name up in layers, which all have its parent as a
// folder.
func resolveIn(layers []fs.FS, name string) (resolved, error) {
	var r resolved
	for _, layer := range layers {
		info, err := fs.Stat(layer, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return resolved{}, unwrapPathError(err)
		}
		if r.info == nil {
			r.info = info
			if !info.IsDir() {
				return resolved{layers: []fs.FS{layer}, info: info}, nil
			}
		}
		if info.IsDir() {
			r.layers = append(r.layers, layer)
		}
	}
	if r.info == nil {
		return resolved{}, fs.ErrNotExist
	}
	return r, nil
}

// Open opens name from the first layer that has it; a folder is opened as
// the union of its layers.
func (o *FS) Open(name string) (fs.File, error) {
	r, err := o.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if !r.info.IsDir() {
		return r.layers[0].Open(name)
	}
	entries, err := readDirIn(r.layers, name)
	if err != nil {
		return nil, pathError("open", name, err)
	}
	return &dirFile{info: r.info, entries: entries}, nil
}

// Stat returns the information of name from the first layer that has it.
func (o *FS) Stat(name string) (fs.FileInfo, error) {
	r, err := o.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	return r.info, nil
}

// ReadFile reads name from the first layer that has it.
func (o *FS) ReadFile(name string) ([]byte, error) {
	r, err := o.resolve("read", name)
	if err != nil {
		return nil, err
	}
	if r.info.IsDir() {
		return nil, pathError("read", name, errIsDir)
	}
	return fs.ReadFile(r.layers[0], name)
}

// ReadDir lists the folder name: the union of its entries in every layer,
// sorted by name, each from the first layer that has it.
func (o *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	r, err := o.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	if !r.info.IsDir() {
		return nil, pathError("readdir", name, errNotDir)
	}
	entries, err := readDirIn(r.layers, name)
	if err != nil {
		return nil, pathError("readdir", name, err)
	}
	return entries, nil
}

// readDirIn merges the listings of the folder name in layers.
func readDirIn(layers []fs.FS, name string) ([]fs.DirEntry, error) {
	var merged []fs.DirEntry
	seen := map[string]bool{}
	for _, layer := range layers {
		entries, err := fs.ReadDir(layer, name)
		if err != nil {
			return nil, unwrapPathError(err)
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				merged = append(merged, e)
			}
		}
	}
	slices.SortFunc(merged, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return merged, nil
}

func joinName(dir, elem string) string {
	if dir == "." {
		return elem
	}
	return dir + "/" + elem
}

func pathError(op, name string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: name, Err: unwrapPathError(err)}
}

// unwrapPathError returns the reason of a layer's *fs.PathError, so that
// the overlay's own error names the path once.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// dirFile is an opened folder of the overlay.
type dirFile struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	offset  int
	closed  bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) {
	if d.closed {
		return nil, fs.ErrClosed
	}
	return d.info, nil
}

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errIsDir}
}

func (d *dirFile) Close() error {
	if d.closed {
		return fs.ErrClosed
	}
	d.closed = true
	return nil
}

// ReadDir returns the next n entries, or all remaining ones when n <= 0,
// as fs.ReadDirFile specifies.
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.closed {
		return nil, fs.ErrClosed
	}
	rest := d.entries[d.offset:]
	if n <= 0 {
		d.offset = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.offset += n
	return slices.Clone(rest[:n]), nil
}

// rootInfo describes the root when no layer has one.
type rootInfo struct{}

func (rootInfo) Name() string       { return "." }
func (rootInfo) Size() int64        { return 0 }
func (rootInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (rootInfo) ModTime() time.Time { return time.Time{} }
func (rootInfo) IsDir() bool        { return true }
func (rootInfo) Sys() any           { return nil }
