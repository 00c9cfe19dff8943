package build

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/almanac-news/almanac/internal/diag"
	"github.com/almanac-news/almanac/internal/output"
	"github.com/almanac-news/almanac/internal/site"
)

// pageCache is almanac build's incremental cache (Options.Cache): every
// page a build wrote, kept as a hard link to the file, named by the
// page's lasting signature, a digest of everything the page shows:
//
//	<Cache>/pages/<first 2 of 16 hex digits>/<other 14>
//	<Cache>/pages.stamps   each page's size and modification time (stamp)
//
// A page whose signature has a file there is linked into the staging
// folder instead of rendered, so a build that changed nothing renders no
// page, and the output is the same bytes a cold build writes.
//
// The signature is the session's (signature), over lasting versions: a
// page's file digest (site.Page.Digest) instead of a version number, and
// for the shape, a digest of everything else the build reads (inputsDigest).
//
// Only a page written whole is linked in, and linking and removing are
// atomic: a build killed at any point, or two builds at once, leave only
// whole pages, and a link that cannot be made means the page is rendered.
// Two builds at once may prune each other's new pages: each then renders
// more next time. Deleting the folder costs one cold build.
type pageCache struct {
	dir    string
	sigs   map[string]uint64 // this build's pages: output path → signature
	reused atomic.Int64
	broken atomic.Bool      // a link failed for another reason than a missing page: stop linking out
	err    *diag.Problem    // why the cache could not be used or kept
	stamps map[uint64]stamp // the last build's pages, as it left them
	next   map[uint64]stamp // this build's, guarded by mu
	mu     sync.Mutex
}

// openPageCache returns the cache of this build's planned pages, named
// in the staging folder with prefix before them (an edition's folder,
// "en/"); nil without Options.Cache. When the cache cannot be used, it
// has no pages and says why (err).
func (s *Session) openPageCache(p *planned, prefix string) *pageCache {
	if s.opts.Cache == "" {
		return nil
	}
	c := &pageCache{dir: filepath.Join(s.opts.Cache, "pages"), next: map[uint64]stamp{}}
	base, err := s.inputsDigest()
	if err == nil && s.opts.Fresh {
		err = errors.Join(os.RemoveAll(c.dir), os.RemoveAll(c.dir+".stamps"))
	}
	if err == nil {
		err = os.MkdirAll(c.dir, output.DirMode)
	}
	if err != nil {
		c.err, c.dir = diag.Errorf(diag.Pos{File: s.opts.Cache}, "the build cache cannot be used: %v", err), ""
		return c
	}
	versions := make(map[*site.Page]uint64, len(p.versionOf))
	for page := range p.versionOf {
		versions[page] = lastingVersion(page)
	}
	c.stamps = readStamps(c.dir + ".stamps")
	shape := shapeOf(base, p.parsed.Site, versions)
	c.sigs = make(map[string]uint64, len(p.outputs))
	for _, out := range p.outputs {
		c.sigs[prefix+out.Path] = signature(shape, out, versions)
	}
	return c
}

// lastingVersion is what a page is to the pages that show it: its file's
// digest, and where its translations are (the language switcher).
func lastingVersion(p *site.Page) uint64 {
	if len(p.Translations) == 0 {
		return p.Digest
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d", p.Digest)
	for _, t := range p.Translations {
		fmt.Fprintf(h, "\x00%s\x00%s\x00%s", t.Lang, t.Name, t.URL)
	}
	return h.Sum64()
}

func (c *pageCache) file(sig uint64) string {
	hex := fmt.Sprintf("%016x", sig)
	return filepath.Join(c.dir, hex[:2], hex[2:])
}

// reuse links the cached page name into the staging folder, if the
// cache has it as the last build left it.
func (c *pageCache) reuse(stage *output.Staging, name string) bool {
	sig, ok := c.sigs[name]
	if !ok || c.dir == "" {
		return false
	}
	st, ok := c.stamped(sig)
	if !ok || stage.Link(name, c.file(sig)) != nil {
		return false
	}
	c.record(sig, st)
	c.reused.Add(1)
	return true
}

// keep links the page name, written whole, into the cache.
func (c *pageCache) keep(stage *output.Staging, name string) {
	sig, ok := c.sigs[name]
	if !ok || c.dir == "" || c.broken.Load() {
		return
	}
	to := c.file(sig)
	os.Remove(to) // a copy edited in place, if there is one
	err := stage.LinkOut(name, to)
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.Mkdir(filepath.Dir(to), output.DirMode); err == nil || errors.Is(err, fs.ErrExist) {
			err = stage.LinkOut(name, to)
		}
	}
	if err == nil {
		var info fs.FileInfo
		if info, err = os.Stat(to); err == nil {
			c.record(sig, stampOf(info))
		}
	}
	if err != nil && !c.broken.Swap(true) { // another file system, most often: the cache cannot work
		c.mu.Lock()
		c.err = diag.Errorf(diag.Pos{File: c.dir}, "the build cache cannot keep pages: %v", err)
		c.mu.Unlock()
	}
}

// prune removes the cached pages this build did not have, once it has
// replaced the site: the cache holds one site's pages; and it records
// their stamps for the next build.
func (c *pageCache) prune() {
	if c.dir == "" || c.sigs == nil {
		return
	}
	if err := writeStamps(c.dir+".stamps", c.next); err != nil && c.err == nil {
		c.err = diag.Errorf(diag.Pos{File: c.dir}, "the build cache cannot keep pages: %v", err)
	}
	keep := make(map[string]bool, len(c.sigs))
	for _, sig := range c.sigs {
		keep[c.file(sig)] = true
	}
	dirs, _ := os.ReadDir(c.dir)
	for _, d := range dirs {
		dir := filepath.Join(c.dir, d.Name())
		names, _ := os.ReadDir(dir)
		for _, n := range names {
			if name := filepath.Join(dir, n.Name()); !keep[name] {
				os.Remove(name)
			}
		}
	}
}

// inputsDigest digests everything a page may show but the content files
// themselves: what rendering a body reads (renderInputs), and the assets,
// the chart library among them.
func (s *Session) inputsDigest() (uint64, error) {
	h := sha256.New()
	inputs, err := s.renderInputs()
	fmt.Fprintf(h, "almanac page cache 1\x00%x\x00", inputs)
	for _, f := range s.manifest.Files() {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00", f.Logical, f.Output, len(f.Data))
		h.Write(f.Data)
	}
	return binary.LittleEndian.Uint64(h.Sum(nil)), err
}

// renderInputs digests everything the rendering of a body may read but
// the page's own file: this program, the build's options, almanac.toml,
// the site's and the theme's layouts, the site's data, and every content
// file that is not Markdown (bundle pictures, CSV files), these by name,
// size and modification time. It is made once per build.
func (s *Session) renderInputs() (uint64, error) {
	if s.inputs != nil {
		return s.inputs.sum, s.inputs.err
	}
	sum, err := s.digestRenderInputs()
	s.inputs = &inputsSum{sum, err}
	return sum, err
}

type inputsSum struct {
	sum uint64
	err error
}

func (s *Session) digestRenderInputs() (uint64, error) {
	h := sha256.New()
	self, err := executableDigest()
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(h, "almanac render 1\x00%x\x00%t %t %q\x00", self, s.opts.Drafts, s.opts.Future, s.opts.BaseURL)
	if err := hashFile(h, s.opts.Site, "almanac.toml"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	hashAll := func(fsys fs.FS) func(string, fs.FileInfo) error {
		return func(name string, _ fs.FileInfo) error { return hashFile(h, fsys, name) }
	}
	for _, dir := range []string{"layouts", "data"} {
		if err := walkInputs(s.opts.Site, dir, hashAll(s.opts.Site)); err != nil {
			return 0, err
		}
	}
	if s.opts.Theme != nil {
		if err := walkInputs(s.opts.Theme, "layouts", hashAll(s.opts.Theme)); err != nil {
			return 0, err
		}
	}
	err = walkInputs(s.opts.Site, "content", func(name string, info fs.FileInfo) error {
		if !strings.HasSuffix(name, ".md") {
			fmt.Fprintf(h, "%s\x00%d %d\x00", name, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return binary.LittleEndian.Uint64(h.Sum(nil)), err
}

// walkInputs calls fn with every file under dir, if dir exists.
func walkInputs(fsys fs.FS, dir string, fn func(string, fs.FileInfo) error) error {
	err := fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return fn(name, info)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func hashFile(h io.Writer, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
	h.Write(data)
	return nil
}

// executableDigest digests this program's own file, once: the default
// theme and every template function are in it.
var executableDigest = sync.OnceValues(func() ([]byte, error) {
	name, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		io.WriteString(h, info.String())
	}
	return h.Sum(nil), nil
})
