package build

import (
	"bytes"
	"io"
	"io/fs"
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
	// Reuse keeps the last build's file name as it was; false when the
	// sink has no such file, and the page must be rendered.
	Reuse(name string) bool
}

// staged is a sink writing into a staging folder. It never reuses: a
// staging folder starts empty.
type staged struct{ *output.Staging }

func (staged) Reuse(string) bool { return false }

// discard is the sink of almanac check: pages are rendered into nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error        { return nil }
func (discard) CopyFile(string, fs.FS, string) error  { return nil }
func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }
func (discard) Reuse(string) bool                     { return false }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// memTree is a sink that keeps the files in memory, as the preview
// serves them, reusing the bytes of the last build's tree.
type memTree struct {
	prev Tree
	mu   sync.Mutex
	tree Tree
}

func newMemTree(prev Tree) *memTree { return &memTree{prev: prev, tree: Tree{}} }

func (m *memTree) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tree[name] = data
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
	b, ok := m.prev[name]
	if ok {
		m.WriteFile(name, b)
	}
	return ok
}

// changed lists the paths added, changed or removed since the last tree,
// sorted.
func (m *memTree) changed() []string {
	var paths []string
	for name, b := range m.tree {
		if old, ok := m.prev[name]; !ok || !bytes.Equal(old, b) {
			paths = append(paths, name)
		}
	}
	for name := range m.prev {
		if _, ok := m.tree[name]; !ok {
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
