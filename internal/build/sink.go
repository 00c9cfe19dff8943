package build

import (
	"bytes"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/almanac-news/almanac/internal/output"
)

// sink is where one build's files go: memory for the preview (memTree),
// a staging folder for almanac build (staged). A session hands it every
// file of the site once: assets and generated files whole, bundle files
// by name, pages streamed as they are rendered, and, for a page whose
// signature is the last build's, only its name. Its methods are called
// from many goroutines at once.
type sink interface {
	WriteFile(name string, data []byte) error
	CopyFile(name string, src fs.FS, srcName string) error
	Create(name string) (io.WriteCloser, error)
	// Reuse keeps the file name as the last build made it (for a
	// session's first build, as the sink's cache has it); false when the
	// sink has no such file, and the page must be rendered.
	Reuse(name string) bool
}

// keeper is a sink that keeps the pages written whole, for later builds.
type keeper interface{ Keep(name string) }

// staged is a sink writing into a staging folder, which starts empty: it
// reuses the pages of its cache (pageCache), when it has one.
type staged struct {
	*output.Staging
	cache *pageCache
}

func (s staged) Reuse(name string) bool { return s.cache != nil && s.cache.reuse(s.Staging, name) }

func (s staged) Keep(name string) {
	if s.cache != nil {
		s.cache.keep(s.Staging, name)
	}
}

// inFolder is a sink writing into a folder of another: another
// language's edition, en/, in the site's staging folder.
type inFolder struct {
	sink
	dir string // "en/"
}

func (f inFolder) WriteFile(name string, data []byte) error {
	return f.sink.WriteFile(f.dir+name, data)
}
func (f inFolder) CopyFile(name string, src fs.FS, srcName string) error {
	return f.sink.CopyFile(f.dir+name, src, srcName)
}
func (f inFolder) Create(name string) (io.WriteCloser, error) { return f.sink.Create(f.dir + name) }
func (f inFolder) Reuse(name string) bool                     { return f.sink.Reuse(f.dir + name) }
func (f inFolder) Keep(name string) {
	if k, ok := f.sink.(keeper); ok {
		k.Keep(f.dir + name)
	}
}

// discard is the sink of almanac check: pages are rendered into nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error        { return nil }
func (discard) CopyFile(string, fs.FS, string) error  { return nil }
func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }
func (discard) Reuse(string) bool                     { return false }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// Tree is one complete build's output, as the preview serves it: slash
// paths relative to the site root, each file kept in the session's
// bodyStore (compressed, out of the process's memory: a 100,000-article
// site's files are gigabytes) and read back when asked for. A Tree is
// never modified once returned.
type Tree struct {
	files map[string]treeFile
}

// treeFile is one file of a Tree: where its bytes are, and a digest of
// them, to tell a changed file from the last build's.
type treeFile struct {
	blob blob
	sum  uint64
}

// File returns the bytes of one output file; the error is the store's.
func (t Tree) File(name string) ([]byte, bool, error) {
	f, ok := t.files[name]
	if !ok {
		return nil, false, nil
	}
	b, err := f.blob.read()
	return b, err == nil, err
}

// Names lists the files of the tree, sorted.
func (t Tree) Names() []string { return slices.Sorted(maps.Keys(t.files)) }

// Len is the number of files.
func (t Tree) Len() int { return len(t.files) }

// memTree is a sink that keeps the files in a Tree, reusing the last
// build's tree's copies. For a build of the same files as the last
// (kept: the last plan kept, so no file came or went), it starts from a
// copy of the last tree, and only the files written are compared.
type memTree struct {
	store   *bodyStore
	seed    maphash.Seed
	prev    Tree
	kept    bool
	mu      sync.Mutex
	tree    Tree
	written []string // with kept, the files written whose bytes changed
}

func newMemTree(store *bodyStore, seed maphash.Seed, prev Tree, kept bool) *memTree {
	m := &memTree{store: store, seed: seed, prev: prev, kept: kept && prev.files != nil,
		tree: Tree{files: map[string]treeFile{}}}
	if m.kept {
		m.tree.files = maps.Clone(prev.files)
	}
	return m
}

// WriteFile keeps data, or the last tree's copy when it is the same: a
// build writes its feeds, sitemaps and assets whole each time.
func (m *memTree) WriteFile(name string, data []byte) error {
	f := treeFile{sum: maphash.Bytes(m.seed, data)}
	if old, ok := m.prev.files[name]; ok && old.sum == f.sum {
		f = old
	} else {
		f.blob = m.store.put(data)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.prev.files[name]; m.kept && (!ok || old.sum != f.sum) {
		m.written = append(m.written, name)
	}
	m.tree.files[name] = f
	return nil
}

func (m *memTree) CopyFile(name string, src fs.FS, srcName string) error {
	b, err := fs.ReadFile(src, srcName)
	if err != nil {
		return err
	}
	return m.WriteFile(name, b)
}

func (m *memTree) Create(name string) (io.WriteCloser, error) {
	return &memFile{tree: m, name: name}, nil
}

func (m *memTree) Reuse(name string) bool {
	f, ok := m.prev.files[name]
	if ok && !m.kept {
		m.mu.Lock()
		m.tree.files[name] = f
		m.mu.Unlock()
	}
	return ok
}

// changed lists the paths added, changed or removed since the last tree,
// sorted.
func (m *memTree) changed() []string {
	if m.kept {
		paths := slices.Clone(m.written)
		slices.Sort(paths)
		return slices.Compact(paths)
	}
	var paths []string
	for name, f := range m.tree.files {
		if old, ok := m.prev.files[name]; !ok || old.sum != f.sum {
			paths = append(paths, name)
		}
	}
	for name := range m.prev.files {
		if _, ok := m.tree.files[name]; !ok {
			paths = append(paths, name)
		}
	}
	slices.Sort(paths)
	return paths
}

// memFile is one page being rendered into a memTree.
type memFile struct {
	tree *memTree
	name string
	bytes.Buffer
}

func (f *memFile) Close() error { return f.tree.WriteFile(f.name, f.Bytes()) }

// cssOnly reports whether every path is a stylesheet.
func cssOnly(paths []string) bool {
	return len(paths) > 0 && !slices.ContainsFunc(paths, func(p string) bool { return path.Ext(p) != ".css" })
}

// blobCache reads bundle files through once per session: the preview
// copies them into every build's tree. It forgets a file when the file
// changes (Session.forgetContent).
type blobCache struct {
	fsys  fs.FS
	mu    sync.Mutex
	blobs map[string][]byte
}

func newBlobCache(fsys fs.FS) *blobCache { return &blobCache{fsys: fsys, blobs: map[string][]byte{}} }

// forget drops the file name and every file below it.
func (c *blobCache) forget(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for key := range c.blobs {
		if key == name || strings.HasPrefix(key, name+"/") {
			delete(c.blobs, key)
		}
	}
}

func (c *blobCache) Open(name string) (fs.File, error) { return c.fsys.Open(name) }

func (c *blobCache) ReadFile(name string) ([]byte, error) {
	c.mu.Lock()
	b, ok := c.blobs[name]
	c.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := fs.ReadFile(c.fsys, name)
	if err == nil {
		c.mu.Lock()
		c.blobs[name] = b
		c.mu.Unlock()
	}
	return b, err
}
